import QtQuick

// A touch target: at least 64 px, pressed state on touch-down, an accessible name.
Rectangle {
    id: button
    property string label: ""
    property string accessibleName: label
    property bool active: false
    property bool round: false
    property int fontSize: 28
    signal activated()

    implicitWidth: Math.max(Theme.px(96), labelText.implicitWidth + Theme.px(48))
    implicitHeight: Theme.px(96)
    radius: round ? height / 2 : Theme.px(16)
    color: tap.pressed ? Qt.lighter(baseColor, 1.5) : baseColor
    readonly property color baseColor: active ? Theme.c.accent : Theme.c.surface
    border.width: Theme.px(2)
    border.color: active ? Theme.c.accent : Theme.c.muted

    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.onPressAction: button.activated()

    Text {
        id: labelText
        anchors.centerIn: parent
        text: button.label
        color: button.active ? Theme.c.onAccent : Theme.c.text
        font.pixelSize: Theme.font(button.fontSize)
        font.bold: true
    }
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.activated()
    }
}
