pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// The PIN pad, with the content's problems beside it (they are not secret: staff see at
// once what to fix). Decisions are StaffState's; the pad's state is StaffState.pin.
Row {
    id: padRow
    required property StaffState staff
    required property real roomWidth  // the layer's size: the pad and the list fit in it
    required property real roomHeight
    readonly property StaffPin pin: staff.pin
    spacing: Theme.px(32)

    Rectangle {
        id: padProblems
        objectName: "padProblems"
        visible: ContentReport.rows.length > 0
        width: Math.min(Theme.px(900), padRow.roomWidth - pad.width - Theme.px(3 * 32))
        height: pad.height
        radius: Theme.px(24)
        color: Theme.c.surface
        border.width: Theme.px(2)
        border.color: Theme.c.accent
        Column {
            id: padProblemsHead
            anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.px(28) }
            spacing: Theme.px(10)
            StaffText { objectName: "padHeadline"; width: parent.width; text: ContentReport.headline; size: 28; font.bold: true }
            StaffText { objectName: "padCommand"; width: parent.width; text: ContentReport.checkCommand; color: Theme.c.muted }
        }
        Flickable {
            id: padFlick
            anchors { top: padProblemsHead.bottom; left: parent.left; right: parent.right; bottom: parent.bottom
                      leftMargin: Theme.px(28); rightMargin: Theme.px(16); topMargin: Theme.px(20); bottomMargin: Theme.px(28) }
            contentHeight: padList.height
            clip: true
            flickableDirection: Flickable.VerticalFlick
            boundsBehavior: Flickable.StopAtBounds
            ProblemList { id: padList; width: padFlick.width - Theme.px(24); rows: ContentReport.rows; fontSize: 24 }
        }
        ScrollCue { flick: padFlick; text: ContentReport.moreBelow }
    }

    Rectangle {
        id: pad
        objectName: "pinPad"
        width: Theme.px(3 * 112 + 2 * 16 + 96)
        height: Math.max(padColumn.height + Theme.px(64), Math.min(Theme.px(760), padRow.roomHeight - Theme.px(64)))
        radius: Theme.px(24)
        color: Theme.c.surface
        border.width: Theme.px(2)
        border.color: Theme.c.muted
        Column {
            id: padColumn
            anchors { top: parent.top; topMargin: Theme.px(32); horizontalCenter: parent.horizontalCenter }
            spacing: Theme.px(16)
            StaffText { text: "Staff PIN"; size: 36; font.bold: true; anchors.horizontalCenter: parent.horizontalCenter }
            StaffText {
                objectName: "pinDots"
                text: padRow.pin.dots
                color: Theme.c.accent
                size: 36
                anchors.horizontalCenter: parent.horizontalCenter
            }
            Grid {
                objectName: "pinKeys"
                visible: padRow.pin.configured
                enabled: padRow.pin.entryEnabled
                opacity: enabled ? 1 : 0.4
                columns: 3
                spacing: Theme.px(16)
                anchors.horizontalCenter: parent.horizontalCenter
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "←", "0", "OK"]
                    KioskButton {
                        required property string modelData
                        objectName: "pin-" + modelData
                        width: Theme.px(112); height: Theme.px(96)
                        label: modelData
                        accessibleName: modelData === "←" ? "Delete" : modelData
                        active: modelData === "OK"
                        onActivated: {
                            if (modelData === "←")
                                padRow.staff.deleteDigit()
                            else if (modelData === "OK")
                                padRow.staff.submitPin()
                            else
                                padRow.staff.typeDigit(modelData)
                        }
                    }
                }
            }
            StaffText {
                objectName: "staffMessage"
                width: Theme.px(3 * 112 + 2 * 16 + 32)
                text: padRow.pin.message
                visible: text !== ""
                anchors.horizontalCenter: parent.horizontalCenter
            }
            Row {
                spacing: Theme.px(16)
                anchors.horizontalCenter: parent.horizontalCenter
                KioskButton {
                    objectName: "pinCancel"
                    label: "Cancel"
                    onActivated: padRow.staff.close()
                }
                KioskButton {
                    objectName: "padExit"
                    visible: padRow.staff.exit.allowed
                    label: "Exit kiosk…"
                    onActivated: padRow.staff.exitKiosk()
                }
            }
        }
    }
}
