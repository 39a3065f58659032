import QtQuick

// Display options for visitors who need them: larger text, high contrast, less motion.
Item {
    id: options
    property bool open: false
    visible: open

    TapHandler { onTapped: options.open = false }  // a tap outside closes the panel
    Rectangle { anchors.fill: parent; color: Theme.c.dim }

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
                label: Language.words.larger_text
                active: Display.largeText
                onActivated: Display.toggleLargeText()
            }
            KioskButton {
                objectName: "highContrastButton"
                width: parent.width
                label: Language.words.high_contrast
                active: Display.highContrast
                onActivated: Display.toggleHighContrast()
            }
            KioskButton {
                objectName: "reducedMotionButton"
                width: parent.width
                label: Language.words.reduce_motion
                active: Display.reducedMotion
                onActivated: Display.toggleReducedMotion()
            }
        }
    }
}
