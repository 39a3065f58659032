pragma ComponentBehavior: Bound
import QtQuick

// Staff only: the PIN pad, then the panel (reload, problems, diagnostics, exit). In English,
// for the people who run the exhibition.
Item {
    id: staffLayer
    required property StaffState staff
    visible: staff.pinPadOpen || staff.panelOpen

    Rectangle { anchors.fill: parent; color: Theme.c.staffScrim }
    // Nothing behind the layer reacts while it is open: this area takes every press,
    // touch or mouse (a TapHandler does not: it lets the press through to what is below).
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }

    Rectangle {
        id: pad
        objectName: "pinPad"
        visible: staffLayer.staff.pinPadOpen
        anchors.centerIn: parent
        width: Theme.px(3 * 112 + 2 * 16 + 96)
        height: padColumn.height + Theme.px(64)
        radius: Theme.px(24)
        color: Theme.c.surface
        border.width: Theme.px(2)
        border.color: Theme.c.muted
        Column {
            id: padColumn
            anchors { top: parent.top; topMargin: Theme.px(32); horizontalCenter: parent.horizontalCenter }
            spacing: Theme.px(16)
            Text {
                text: "Staff PIN"
                color: Theme.c.text
                font.pixelSize: Theme.px(36); font.bold: true
                anchors.horizontalCenter: parent.horizontalCenter
            }
            Text {
                objectName: "pinDots"
                text: staffLayer.staff.pinDots
                color: Theme.c.accent
                font.pixelSize: Theme.px(36)
                anchors.horizontalCenter: parent.horizontalCenter
            }
            Grid {
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
                                staffLayer.staff.deleteDigit()
                            else if (modelData === "OK")
                                staffLayer.staff.submitPin()
                            else
                                staffLayer.staff.typeDigit(modelData)
                        }
                    }
                }
            }
            Text {
                objectName: "staffMessage"
                width: Theme.px(3 * 112 + 2 * 16 + 32)
                text: staffLayer.staff.message
                visible: text !== ""
                color: Theme.c.text
                wrapMode: Text.Wrap
                font.pixelSize: Theme.px(22)
                anchors.horizontalCenter: parent.horizontalCenter
            }
            KioskButton {
                objectName: "pinCancel"
                label: "Cancel"
                anchors.horizontalCenter: parent.horizontalCenter
                onActivated: staffLayer.staff.close()
            }
        }
    }

    Rectangle {
        id: panel
        objectName: "staffPanel"
        visible: staffLayer.staff.panelOpen
        anchors { fill: parent; margins: Theme.px(48) }
        radius: Theme.px(24)
        color: Theme.c.surface
        Row {
            id: actions
            anchors { top: parent.top; left: parent.left; margins: Theme.px(32) }
            spacing: Theme.px(16)
            KioskButton { objectName: "staffReload"; label: "Reload content"; onActivated: staffLayer.staff.reload() }
            KioskButton { objectName: "staffExit"; label: "Exit kiosk"; onActivated: staffLayer.staff.exitKiosk() }
            KioskButton { objectName: "staffClose"; label: "Close"; active: true; onActivated: staffLayer.staff.close() }
        }
        Flickable {
            anchors { top: actions.bottom; left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.px(32) }
            contentHeight: info.height
            clip: true
            flickableDirection: Flickable.VerticalFlick
            Column {
                id: info
                width: parent.width
                spacing: Theme.px(16)
                Text {
                    width: parent.width
                    text: staffLayer.staff.message
                    visible: text !== ""
                    color: Theme.c.accent
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(24)
                }
                Text {
                    text: staffLayer.staff.problems.length ? "Content problems" : "No content problems"
                    color: Theme.c.text
                    font.pixelSize: Theme.px(28); font.bold: true
                }
                Repeater {
                    model: staffLayer.staff.problems
                    Text {
                        required property string modelData
                        width: info.width
                        text: modelData
                        color: Theme.c.muted
                        wrapMode: Text.WrapAnywhere
                        font.pixelSize: Theme.px(22)
                    }
                }
                Text {
                    text: "Diagnostics"
                    color: Theme.c.text
                    font.pixelSize: Theme.px(28); font.bold: true
                }
                Text {
                    objectName: "diagnostics"
                    width: parent.width
                    text: staffLayer.staff.panelOpen ? staffLayer.staff.diagnostics : ""
                    color: Theme.c.muted
                    wrapMode: Text.WrapAnywhere
                    font.pixelSize: Theme.px(22)
                }
            }
        }
    }
}
