import QtQuick
import kiosk.ui

// Staff only: the PIN pad (with the content's problems beside it: they are not secret),
// then the panel (reload, problems, statistics, diagnostics, log, exit), and the exit
// question. In English, for the people who run the exhibition. Every decision is the
// StaffState view-model's; each part reads its own piece of it (pin, panel, exit).
Item {
    id: staffLayer
    required property StaffState staff
    visible: staff.pin.open || staff.panel.open

    Rectangle { anchors.fill: parent; color: Theme.c.staffScrim }
    // Nothing behind the layer reacts while it is open: this area takes every press,
    // touch or mouse (a TapHandler does not: it lets the press through to what is below).
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }

    StaffPinPad {
        visible: staffLayer.staff.pin.open
        anchors.centerIn: parent
        staff: staffLayer.staff
        roomWidth: staffLayer.width
        roomHeight: staffLayer.height
    }
    StaffPanelView {
        objectName: "staffPanel"
        visible: staffLayer.staff.panel.open
        anchors { fill: parent; margins: Theme.px(48) }
        staff: staffLayer.staff
    }
    StaffExitQuestion {
        anchors.fill: parent
        visible: staffLayer.staff.exit.confirming
        staff: staffLayer.staff
    }
}
