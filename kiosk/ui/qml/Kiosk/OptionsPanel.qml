import QtQuick

// Display options for visitors who need them: larger text, high contrast, less motion.
Item {
    id: options
    required property QtObject kiosk
    property bool open: false
    visible: open

    TapHandler { onTapped: options.open = false }  // a tap outside closes the panel
    Rectangle { anchors.fill: parent; color: "#80000000" }

    Rectangle {
        objectName: "optionsCard"
        anchors { top: parent.top; right: parent.right; topMargin: Theme.px(104); rightMargin: Theme.px(16) }
        width: Math.min(parent.width - Theme.px(32), Theme.px(560))
        height: optionsColumn.height + Theme.px(48)
        radius: Theme.px(16)
        color: Theme.c.surface
        border.width: Theme.px(2)
        border.color: Theme.c.accent
        TapHandler {}  // taps on the card itself do not close it
        Column {
            id: optionsColumn
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(24) }
            spacing: Theme.px(16)
            KioskButton {
                objectName: "largeTextButton"
                width: parent.width
                label: options.kiosk.strings.larger_text
                active: options.kiosk.largeText
                onActivated: options.kiosk.toggleLargeText()
            }
            KioskButton {
                objectName: "highContrastButton"
                width: parent.width
                label: options.kiosk.strings.high_contrast
                active: options.kiosk.highContrast
                onActivated: options.kiosk.toggleHighContrast()
            }
            KioskButton {
                objectName: "reducedMotionButton"
                width: parent.width
                label: options.kiosk.strings.reduce_motion
                active: options.kiosk.reducedMotion
                onActivated: options.kiosk.toggleReducedMotion()
            }
        }
    }
}
