import QtQuick
import kiosk.ui

// A touch target: at least 64 px, an accessible name, and a pressed state the moment a
// finger lands (a filled, brighter face, a thicker accent border and a slight press-in),
// never only on release.
Rectangle {
    id: button
    property string label: ""
    property string accessibleName: label
    property bool active: false
    property bool round: false
    property int fontSize: 28
    readonly property bool pressed: tap.pressed
    signal activated()

    implicitWidth: Math.max(Theme.px(96), labelText.implicitWidth + Theme.px(48))
    implicitHeight: Math.max(Theme.px(96), labelText.height + Theme.px(32))
    radius: round ? height / 2 : Theme.px(16)
    color: pressed ? (active ? Theme.c.text : Theme.c.track) : (active ? Theme.c.accent : Theme.c.surface)
    border.width: pressed ? Theme.px(5) : Theme.px(2)
    border.color: pressed || active ? Theme.c.accent : Theme.c.muted
    scale: pressed ? 0.94 : 1

    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.onPressAction: button.activated()

    Text {
        id: labelText
        textFormat: Text.PlainText
        font.family: Theme.family
        anchors.centerIn: parent
        // a label longer than the button wraps rather than runs out of it
        width: Math.min(implicitWidth, Math.max(0, button.width - (button.round ? 0 : Theme.px(48))))
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        text: button.label
        color: button.active ? Theme.c.onAccent : Theme.c.text
        font.pixelSize: Theme.font(button.fontSize)
        font.bold: true
    }
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        // a slow press counts: no "long press" that would swallow the tap of a visitor who
        // rests a finger on the button for a second before lifting it
        longPressThreshold: 0
        onTapped: button.activated()
    }
}
