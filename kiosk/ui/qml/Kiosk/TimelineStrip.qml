pragma ComponentBehavior: Bound
import QtQuick

// The years as a strip: era bands with their names, a mark per event labelled with its short
// title (marks that would collide are one group: tap it to zoom in), year ticks on a real
// date scale. Drag or fling along it, pinch to zoom between the whole span and a few years;
// cues at either edge say that more lies beyond. Right to left, time runs from the right.
Rectangle {
    id: strip
    color: Theme.c.bg
    Accessible.role: Accessible.List
    Accessible.name: Language.words.timeline

    readonly property real k: Theme.scale  // the view-model's units are px at 1080p
    readonly property int labelSize: Theme.font(22)
    readonly property real lineH: Math.ceil(labelSize * 1.3)
    readonly property real pad: Theme.px(8)
    readonly property real eraY: pad
    readonly property real eraH: Timeline.eraLines * lineH + Theme.px(8)  // the tallest name's lines
    readonly property real labelY: eraY + eraH + pad
    readonly property real dotY: labelY + 2 * lineH + Theme.px(18)  // centre of the dots
    readonly property real axisY: dotY + Theme.px(16)
    height: axisY + Theme.px(12) + lineH + pad

    // A year's place on the strip, in this item's pixels; mirrored right to left.
    function xOf(year) {
        const x = (Timeline.margin + (year - Timeline.first) * Timeline.zoom) * k
        return Theme.rtl ? flick.contentWidth - x : x
    }
    function yearAt(x) {
        const fromStart = Theme.rtl ? flick.contentWidth - x : x
        return Timeline.first + (fromStart / k - Timeline.margin) / Timeline.zoom
    }
    function isCurrent(events) { return events.indexOf(Navigation.index) >= 0 }
    function centreOn(year, animated) {
        const target = Math.max(0, Math.min(xOf(year) - flick.width / 2,
                                            flick.contentWidth - flick.width))
        if (animated && !Theme.reducedMotion) {
            scrollAnimation.to = target
            scrollAnimation.restart()
        } else {
            flick.contentX = target
        }
    }
    function reveal(animated) {
        const year = Timeline.yearOf(Navigation.index)
        if (!isNaN(year))
            centreOn(year, animated)
    }
    // the part in view, for the view-model to choose which marks have items
    function tellView() {
        const from = Theme.rtl ? flick.contentWidth - flick.contentX - flick.width : flick.contentX
        Timeline.setView(from / k, (from + flick.width) / k)
    }
    Connections {
        target: Navigation
        function onEventChanged() { strip.reveal(true) }
    }
    onWidthChanged: { Timeline.setViewport(width / k); reveal(false) }
    Component.onCompleted: { Timeline.setViewport(width / k); reveal(false) }

    Flickable {
        id: flick
        objectName: "timelineFlick"
        anchors.fill: parent
        contentWidth: Math.max(width, Timeline.width * strip.k)
        contentHeight: height
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        onContentXChanged: strip.tellView()
        onContentWidthChanged: strip.tellView()
        onWidthChanged: strip.tellView()
        NumberAnimation { id: scrollAnimation; target: flick; property: "contentX"; duration: 400; easing.type: Easing.OutCubic }

        Rectangle {  // the track under the bands
            y: strip.eraY; width: flick.contentWidth; height: strip.eraH
            color: Theme.c.track
        }
        Repeater {
            model: Timeline.eras
            Rectangle {
                id: band
                required property var modelData
                readonly property real x1: strip.xOf(modelData.start)
                readonly property real x2: strip.xOf(modelData.end)
                objectName: "eraBand"
                x: Math.min(x1, x2); y: strip.eraY
                width: Math.abs(x2 - x1); height: strip.eraH
                color: Theme.highContrast ? Theme.c.bg : modelData.color
                border.width: Theme.highContrast ? Theme.px(2) : 0
                border.color: Theme.c.text
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.title
                // The band's part in view: its name keeps to it while the band scrolls, and
                // turns to the short name, or none, rather than be cut by the strip's edge.
                readonly property real shown: Math.min(x + width, flick.contentX + flick.width)
                                              - Math.max(x, flick.contentX)
                Text {
                    textFormat: Text.PlainText
                    objectName: "eraLabel"
                    readonly property real inset: Theme.px(10)
                    readonly property real lo: inset
                    readonly property real hi: band.width - width - inset
                    x: Theme.rtl ? Math.max(lo, Math.min(hi, flick.contentX + flick.width - band.x - width - inset))
                                 : Math.min(hi, Math.max(lo, flick.contentX - band.x + inset))
                    anchors.verticalCenter: parent.verticalCenter
                    text: band.shown >= band.modelData.textWidth * strip.k + 2 * inset ? band.modelData.text
                          : band.shown >= band.modelData.shortWidth * strip.k + 2 * inset ? band.modelData.short : ""
                    color: Theme.c.onBand
                    font.pixelSize: strip.labelSize
                    lineHeightMode: Text.FixedHeight  // the track's lines: eraH holds them
                    lineHeight: strip.lineH
                    horizontalAlignment: Text.AlignLeft  // mirrored right to left
                }
            }
        }
        Rectangle {  // the date axis
            y: strip.axisY; width: flick.contentWidth; height: Theme.px(2)
            color: Theme.c.muted; opacity: 0.5
        }
        Repeater {
            model: Timeline.ticks
            Item {
                required property var modelData
                readonly property bool labelled: modelData.year % Timeline.labelStep === 0
                x: strip.xOf(modelData.year); y: strip.axisY
                Rectangle {
                    x: -width / 2; width: Theme.px(2)
                    height: parent.labelled ? Theme.px(12) : Theme.px(6)
                    color: Theme.c.muted
                }
                Text {
                    textFormat: Text.PlainText
                    visible: parent.labelled
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: Theme.px(12)
                    text: parent.modelData.label
                    color: Theme.c.muted
                    font.pixelSize: strip.labelSize
                }
            }
        }
        Repeater {
            id: markRepeater
            model: Timeline.shownMarks
            Item {
                id: mark
                required property var modelData
                readonly property int index: modelData.index  // in Timeline.marks
                readonly property bool current: strip.isCurrent(modelData.events)
                readonly property real dotX: strip.xOf(modelData.year)
                readonly property real endX: strip.xOf(modelData.end)
                readonly property real centre: dotX + (Theme.rtl ? -1 : 1) * modelData.shift * strip.k
                objectName: (modelData.grouped ? "markerGroup-" : "marker-") + modelData.events[0]
                // the label and the dot below it are one target, at least 64 px each way
                width: Math.max(Theme.px(64), modelData.width * strip.k)
                height: strip.dotY + Theme.px(16) - strip.labelY
                x: centre - width / 2
                y: strip.labelY
                Accessible.role: Accessible.Button
                Accessible.name: modelData.text.replace("\n", " ")
                Accessible.onPressAction: mark.activate()
                function activate() {
                    const event = Timeline.opens(index)
                    if (event >= 0)
                        Navigation.openEvent(event)
                    else
                        strip.centreOn(Timeline.zoomToMark(index), true)
                }
                Rectangle {  // pressed: the whole target lights up under the finger
                    anchors.fill: parent
                    radius: Theme.px(8)
                    color: Theme.c.text
                    opacity: tap.pressed ? 0.18 : 0
                }
                TapHandler { id: tap; onTapped: mark.activate() }
                Text {
                    textFormat: Text.PlainText
                    objectName: "markLabel"
                    // the lines come broken; rounding the type at small screens may widen
                    // them by a pixel or two, which the gap between labels absorbs
                    width: Math.max(parent.width, implicitWidth)
                    anchors.horizontalCenter: parent.horizontalCenter
                    horizontalAlignment: Text.AlignHCenter
                    text: mark.modelData.text
                    color: mark.current ? Theme.c.accent : (mark.modelData.grouped ? Theme.c.muted : Theme.c.text)
                    font.pixelSize: strip.labelSize
                    font.underline: mark.current  // not bold: the label was measured in regular type
                    lineHeight: 1.0
                }
            }
        }
        Repeater {  // dots (drawn apart from the labels: a dot marks the true date)
            model: Timeline.shownMarks
            Item {
                id: dots
                required property var modelData
                readonly property bool current: strip.isCurrent(modelData.events)
                readonly property real dotX: strip.xOf(modelData.year)
                readonly property real endX: strip.xOf(modelData.end)
                readonly property real centre: dotX + (Theme.rtl ? -1 : 1) * modelData.shift * strip.k
                Rectangle {  // a group spans its dates
                    visible: dots.modelData.grouped
                    x: Math.min(dots.dotX, dots.endX); y: strip.dotY - height / 2
                    width: Math.abs(dots.endX - dots.dotX); height: Theme.px(6)
                    radius: height / 2
                    color: dots.current ? Theme.c.accent : Theme.c.muted
                }
                Rectangle {  // a leader from a label that stepped aside to its date
                    visible: dots.modelData.shift > 0
                    x: Math.min(dots.dotX, dots.centre); y: strip.dotY - Theme.px(1)
                    width: Math.abs(dots.centre - dots.dotX); height: Theme.px(2)
                    color: Theme.c.muted
                }
                Repeater {
                    model: dots.modelData.dates
                    Rectangle {
                        required property real modelData
                        readonly property bool big: dots.current && !dots.modelData.grouped
                        x: strip.xOf(modelData) - width / 2; y: strip.dotY - height / 2
                        width: big ? Theme.px(32) : Theme.px(20); height: width; radius: width / 2
                        color: dots.current ? Theme.c.accent : Theme.c.muted
                        border.width: Theme.px(3); border.color: Theme.c.bg
                    }
                }
            }
        }
    }

    // Two fingers: the time axis stretches about the point between them.
    PinchHandler {
        id: pinch
        objectName: "timelinePinch"
        target: null
        rotationAxis.enabled: false
        xAxis.enabled: false
        yAxis.enabled: false
        property real startZoom: 1
        property real anchorYear: 0
        property real anchorX: 0
        onActiveChanged: {
            if (active) {
                startZoom = Timeline.zoom
                anchorX = centroid.position.x
                anchorYear = strip.yearAt(anchorX + flick.contentX)
                flick.interactive = false
            } else {
                flick.interactive = true
            }
        }
        onActiveScaleChanged: {
            if (!active)
                return
            Timeline.setZoom(startZoom * activeScale)
            flick.contentX = Math.max(0, Math.min(strip.xOf(anchorYear) - anchorX,
                                                  flick.contentWidth - flick.width))
        }
    }

    // More beyond either edge: a fade and an arrow, only while there is.
    component EdgeCue: Item {
        id: cue
        property int side: -1
        width: Theme.px(72); height: strip.height
        x: side < 0 ? 0 : strip.width - width
        Rectangle {
            anchors.fill: parent
            gradient: Gradient {
                orientation: Gradient.Horizontal
                GradientStop { position: 0; color: cue.side < 0 ? Theme.c.bg : Theme.c.clear }
                GradientStop { position: 1; color: cue.side < 0 ? Theme.c.clear : Theme.c.bg }
            }
        }
        Text {
            textFormat: Text.PlainText
            anchors.centerIn: parent
            text: "\u200E" + (cue.side < 0 ? "‹" : "›")  // as drawn: no bidi mirroring
            color: Theme.c.text
            font.pixelSize: Theme.px(56)
            font.bold: true
        }
    }
    EdgeCue { objectName: "moreLeft"; side: -1; visible: flick.contentX > 1 }
    EdgeCue {
        objectName: "moreRight"; side: 1
        visible: flick.contentX < flick.contentWidth - flick.width - 1
    }
}
