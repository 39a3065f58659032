pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// Display options for visitors who need them: larger text, high contrast, less motion.
Item {
    id: options
    property bool open: false
    visible: open
    LayoutMirroring.enabled: Theme.rtl
    LayoutMirroring.childrenInherit: true

    Rectangle { anchors.fill: parent; color: Theme.c.dim }
    // A tap outside the card closes the panel and does nothing else: this area takes the
    // whole touch, press to release (a TapHandler lets the press through to the screen
    // below, where the same tap opened an event or started a visit).
    MultiPointTouchArea {
        objectName: "optionsOutside"
        anchors.fill: parent
        mouseEnabled: true
        onReleased: options.open = false
    }

    Rectangle {
        objectName: "optionsCard"
        // under the "Aa" button, which keeps the exhibit's corner whatever the language
        x: Language.exhibitRtl ? Theme.px(16) : parent.width - width - Theme.px(16)
        y: Theme.px(104)
        width: Math.min(parent.width - Theme.px(32), Theme.px(640))
        height: optionsColumn.height + Theme.px(48)
        radius: Theme.px(16)
        color: Theme.c.surface
        border.width: Theme.px(2)
        border.color: Theme.c.accent
        // a tap on the card itself, between its rows, neither closes it nor goes through
        MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }
        Column {
            id: optionsColumn
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(24) }
            spacing: Theme.px(16)
            // Each option says its state in words and a mark, not by colour alone.
            component OptionRow: Rectangle {
                id: row
                property string label: ""
                property bool checked: false
                signal toggled()
                width: parent.width
                height: Math.max(Theme.px(96), rowText.implicitHeight + Theme.px(32))
                radius: Theme.px(16)
                color: rowTap.pressed ? Theme.c.track : Theme.c.surface
                border.width: rowTap.pressed ? Theme.px(5) : Theme.px(2)
                border.color: rowTap.pressed || checked ? Theme.c.accent : Theme.c.muted
                scale: rowTap.pressed ? 0.97 : 1
                Accessible.role: Accessible.CheckBox
                Accessible.name: label
                Accessible.checkable: true
                Accessible.checked: checked
                Accessible.onToggleAction: row.toggled()
                Accessible.onPressAction: row.toggled()
                Rectangle {  // a box with a tick when on, empty when off
                    id: box
                    anchors { left: parent.left; leftMargin: Theme.px(24); verticalCenter: parent.verticalCenter }
                    width: Theme.px(40); height: width; radius: Theme.px(6)
                    color: row.checked ? Theme.c.accent : Theme.c.clear
                    border.width: Theme.px(3); border.color: row.checked ? Theme.c.accent : Theme.c.text
                    Text {
                        textFormat: Text.PlainText
                        font.family: Theme.family
                        anchors.centerIn: parent
                        text: row.checked ? "✓" : ""
                        color: Theme.c.onAccent
                        font.pixelSize: Theme.font(28); font.bold: true
                    }
                }
                Text {
                    id: rowText
                    textFormat: Text.PlainText
                    font.family: Theme.family
                    anchors { left: box.right; leftMargin: Theme.px(20); right: stateText.left; rightMargin: Theme.px(16); verticalCenter: parent.verticalCenter }
                    text: row.label
                    color: Theme.c.text
                    font.pixelSize: Theme.font(28); font.bold: true
                    wrapMode: Text.Wrap
                }
                Text {
                    id: stateText
                    textFormat: Text.PlainText
                    font.family: Theme.family
                    objectName: "optionState"
                    anchors { right: parent.right; rightMargin: Theme.px(24); verticalCenter: parent.verticalCenter }
                    text: row.checked ? Language.words.on : Language.words.off
                    color: row.checked ? Theme.c.accent : Theme.c.muted
                    font.pixelSize: Theme.font(28); font.bold: true
                }
                TapHandler { id: rowTap; gesturePolicy: TapHandler.ReleaseWithinBounds; onTapped: row.toggled() }
            }
            OptionRow {
                objectName: "largeTextButton"
                label: Language.words.larger_text
                checked: Display.largeText
                onToggled: Display.toggleLargeText()
            }
            OptionRow {
                objectName: "highContrastButton"
                label: Language.words.high_contrast
                checked: Display.highContrast
                onToggled: Display.toggleHighContrast()
            }
            OptionRow {
                objectName: "reducedMotionButton"
                label: Language.words.reduce_motion
                checked: Display.reducedMotion
                onToggled: Display.toggleReducedMotion()
            }
            OptionRow {
                objectName: "captionsButton"
                label: Language.words.captions
                checked: Display.captions
                onToggled: Display.toggleCaptions()
            }
        }
    }
}
