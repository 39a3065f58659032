pragma ComponentBehavior: Bound
import QtQuick

// Eras as coloured bands, year ticks on a real date scale, a marker per event.
Rectangle {
    id: strip
    height: Theme.px(200)
    color: Theme.c.bg
    Accessible.role: Accessible.List
    Accessible.name: Language.words.timeline

    readonly property real k: Theme.scale  // layout units are px at 1080p

    function markerX(index) {
        const item = markers.itemAt(index)
        return item ? item.x + item.width / 2 : 0
    }
    function reveal(animated) {
        const x = markerX(Navigation.index) - flick.width / 2
        const target = Math.max(0, Math.min(x, flick.contentWidth - flick.width))
        if (animated && !Theme.reducedMotion) {
            scrollAnimation.to = target
            scrollAnimation.restart()
        } else {
            flick.contentX = target
        }
    }
    Connections {
        target: Navigation
        function onEventChanged() { strip.reveal(true) }
    }
    onWidthChanged: reveal(false)
    Component.onCompleted: reveal(false)

    Flickable {
        id: flick
        objectName: "timelineFlick"
        anchors.fill: parent
        contentWidth: Math.max(width, Exhibition.timelineWidth * strip.k)
        contentHeight: height
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        NumberAnimation { id: scrollAnimation; target: flick; property: "contentX"; duration: 400; easing.type: Easing.OutCubic }

        Rectangle {  // the track under the bands
            x: 0; y: Theme.px(16); width: flick.contentWidth; height: Theme.px(40)
            color: Theme.c.track
        }
        Repeater {
            model: Exhibition.eraModel
            Rectangle {
                required property string title
                required property real bandX
                required property real bandWidth
                required property string bandColor
                x: bandX * strip.k; y: Theme.px(16)
                width: bandWidth * strip.k; height: Theme.px(40)
                color: Theme.highContrast ? Theme.c.bg : bandColor
                border.width: Theme.highContrast ? Theme.px(2) : 0
                border.color: Theme.c.text
                Text {
                    objectName: "eraLabel"
                    anchors { fill: parent; leftMargin: Theme.px(10); rightMargin: Theme.px(10) }
                    verticalAlignment: Text.AlignVCenter
                    text: parent.title
                    color: Theme.c.onBand
                    font.pixelSize: Theme.px(22)
                    elide: Text.ElideRight
                }
            }
        }
        Repeater {
            model: Exhibition.tickModel
            Item {
                required property real tickX
                required property string label
                x: tickX * strip.k; y: Theme.px(142)
                Rectangle {
                    x: -width / 2; width: Theme.px(2)
                    height: parent.label ? Theme.px(14) : Theme.px(8)
                    color: Theme.c.muted
                }
                Text {
                    visible: parent.label !== ""
                    anchors { horizontalCenter: parent.horizontalCenter }
                    y: Theme.px(16)
                    text: parent.label
                    color: Theme.c.muted
                    font.pixelSize: Theme.px(22)
                }
            }
        }
        Rectangle {  // the date axis
            y: Theme.px(142); width: flick.contentWidth; height: Theme.px(2)
            color: Theme.c.muted; opacity: 0.5
        }
        Repeater {
            id: markers
            model: Exhibition.eventModel
            Item {
                id: marker
                required property int index
                required property string title
                required property string dateText
                required property real markerX
                required property real trueX
                required property string accessibleName
                readonly property bool current: index === Navigation.index
                objectName: "marker-" + index
                // 64 px hit area even where the dot is drawn smaller.
                width: Theme.px(72); height: Theme.px(72)
                x: markerX * strip.k - width / 2
                y: Theme.px(64)
                Accessible.role: Accessible.Button
                Accessible.name: accessibleName
                Accessible.onPressAction: Navigation.openEvent(index)
                Rectangle {  // where the event's date is on the axis, when the dot moved aside
                    x: marker.width / 2 + (marker.trueX - marker.markerX) * strip.k - width / 2
                    y: Theme.px(78) - height / 2
                    width: Theme.px(8); height: width; radius: width / 2
                    color: marker.current ? Theme.c.accent : Theme.c.muted
                }
                Rectangle {
                    anchors.centerIn: parent
                    width: marker.current ? Theme.px(40) : Theme.px(24)
                    height: width; radius: width / 2
                    color: marker.current ? Theme.c.accent : (tap.pressed ? Theme.c.text : Theme.c.muted)
                    border.width: Theme.px(3)
                    border.color: Theme.c.bg
                    Behavior on width { NumberAnimation { duration: Theme.duration } }
                }
                TapHandler { id: tap; onTapped: Navigation.openEvent(marker.index) }
            }
        }
    }
}
