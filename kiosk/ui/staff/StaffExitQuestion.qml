import QtQuick
import kiosk.ui

// Exit asks first, over whatever led to it (the pad or the panel); nothing below reacts.
Rectangle {
    id: question
    required property StaffState staff
    color: Theme.c.scrim

    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }
    Rectangle {
        objectName: "exitConfirm"
        anchors.centerIn: parent
        width: Math.min(Theme.px(900), parent.width - Theme.px(96))
        height: confirmColumn.height + Theme.px(64)
        radius: Theme.px(24)
        color: Theme.c.surface
        border.width: Theme.px(2)
        border.color: Theme.c.accent
        Column {
            id: confirmColumn
            anchors { top: parent.top; topMargin: Theme.px(32); left: parent.left; right: parent.right; margins: Theme.px(40) }
            spacing: Theme.px(32)
            StaffText { width: parent.width; text: question.staff.exit.question; size: 32 }
            Row {
                spacing: Theme.px(32)
                anchors.horizontalCenter: parent.horizontalCenter
                KioskButton { objectName: "exitKeep"; label: "Keep running"; active: true; onActivated: question.staff.cancelExit() }
                KioskButton { objectName: "exitConfirmButton"; label: "Exit now"; onActivated: question.staff.confirmExit() }
            }
        }
    }
}
