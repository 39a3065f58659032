import QtQuick
import kiosk.ui

// Says that a Flickable holds more than it shows: a bar along its right edge, and a line
// of text at the bottom of the parent while there is more below.
Item {
    id: cue
    required property Flickable flick
    property alias text: label.text
    anchors.fill: parent
    readonly property bool more: flick.contentHeight > flick.height + 1
    readonly property bool moreBelow: more && flick.contentY + flick.height < flick.contentHeight - 1

    Rectangle {
        objectName: "scrollBar"
        visible: cue.more
        x: cue.flick.x + cue.flick.width - width
        y: cue.mapFromItem(cue.flick, 0, 0).y + cue.flick.visibleArea.yPosition * cue.flick.height
        width: Theme.px(10)
        height: Math.max(Theme.px(40), cue.flick.visibleArea.heightRatio * cue.flick.height)
        radius: width / 2
        color: Theme.c.muted
    }
    Rectangle {
        visible: cue.moreBelow
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.px(8) }
        height: label.height + Theme.px(16)
        radius: Theme.px(12)
        color: Theme.c.bg
        Text {
            id: label
            textFormat: Text.PlainText
            font.family: Theme.family
            objectName: "moreBelow"
            anchors.centerIn: parent
            color: Theme.c.text
            font.pixelSize: Theme.px(24); font.bold: true
        }
    }
}
