pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// The years as a strip, read like a printed timeline: era bands with their names; each
// event's label in a row above its own dot, a leader line from the label's start down to
// the dot (labels that would meet take the rows above; neighbours no row can part are one
// group, "Olympic Experience +6", tap it to zoom in); an event's range a bar with both ends;
// year ticks on a real date scale; below, the whole span (tap or drag along it to go
// there), where the shown event stands ("8 of 24") and zoom buttons beside the pinch. Drag
// or fling along it; cues at either edge say more lies beyond, and no label is drawn under
// them. Right to left, time runs from the right and labels from their dots leftwards.
Rectangle {
    id: strip
    color: Theme.c.bg
    Accessible.role: Accessible.List
    Accessible.name: Language.words.timeline

    readonly property real k: Theme.scale  // the view-model's units are px at 1080p
    readonly property int labelSize: Theme.font(22)
    readonly property real lineH: Math.ceil(labelSize * 1.3)
    // a label row: the font's own line height, so that a row's last line never reaches
    // into the row above
    readonly property real rowH: Math.ceil(labelSize * 1.45)
    readonly property real pad: Theme.px(8)
    readonly property real eraY: pad
    readonly property real eraH: Timeline.eraLines * lineH + Theme.px(8)  // the tallest name's lines
    readonly property real labelY: eraY + eraH + (compact ? Theme.px(4) : pad)
    readonly property real labelsBottom: labelY + Timeline.rows * rowH
    readonly property real dotY: labelsBottom + Theme.px(compact ? 14 : 18)  // centre of the dots
    readonly property real laneY: dotY + Theme.px(compact ? 11 : 13)  // the first lane of range bars
    readonly property real laneGap: Theme.px(compact ? 6 : 7)
    readonly property real axisY: laneY + laneGap + Theme.px(compact ? 4 : 6)
    readonly property real yearsBottom: axisY + Theme.px(10) + lineH
    // Larger text leaves the event's text its room: the position and zoom buttons sit at
    // the end of the years' row, and the whole-span view is left out.
    readonly property bool compact: Theme.large
    // (with larger text the buttons reach up beside the axis's end, under the right arrow)
    readonly property real footY: compact ? yearsBottom - Theme.px(64) + Theme.px(2) : yearsBottom
    readonly property real cueW: Theme.px(Timeline.edgeCue)
    // the labels' widths came measured at Timeline.labelPx: drawn at labelSize
    readonly property real textScale: labelSize / Timeline.labelPx
    height: footY + Theme.px(64) + Theme.px(4)

    // A place on the strip the view-model gives (px at 1080p from time's start: the rows'
    // x roles, Timeline.xAt), in this item's pixels; mirrored right to left.
    function px(x) {
        return Theme.rtl ? flick.contentWidth - x * k : x * k
    }
    function xOf(year) { return px(Timeline.xAt(year)) }
    function yearAt(x) {
        // (a slot's answer is not watched: read the zoom, so that a binding that asks
        // this, as the overview's window does, follows the zoom too)
        const zoom = Timeline.zoom
        return zoom > 0 ? Timeline.yearAt((Theme.rtl ? flick.contentWidth - x : x) / k) : 0
    }
    function isCurrent(events) { return events.indexOf(Navigation.index) >= 0 }
    // The contentX that puts this x in the middle, within the strip's ends.
    function centred(x) {
        // (the strip's width: the flick follows it by its anchors, perhaps after this runs)
        return Math.max(0, Math.min(x - strip.width / 2, flick.contentWidth - strip.width))
    }
    function centreOn(year, animated) {
        const target = centred(xOf(year))
        if (animated && !Theme.reducedMotion) {
            scrollAnimation.to = target
            scrollAnimation.restart()
        } else {
            scrollAnimation.stop()
            flick.contentX = target
        }
    }
    // The current event in the middle: its dot, and its label beside it as far as it goes.
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
    // The buttons' zoom: about the middle of what is shown.
    function zoomBy(steps) {
        const year = yearAt(flick.contentX + flick.width / 2)
        Timeline.zoomBy(steps)
        centreOn(year, false)
    }
    Connections {
        target: Navigation
        function onEventChanged() { strip.reveal(true) }
    }
    Connections {  // another language, text size, screen or content: the current event again
        target: Timeline
        function onRecentre() { strip.revealSoon() }
    }
    // once what changed has settled (the strip's new width, the zoom, the marks)
    function revealSoon() { Qt.callLater(strip.reveal, false) }
    onWidthChanged: { Timeline.setViewport(width / k); revealSoon() }
    Component.onCompleted: { Timeline.setViewport(width / k); reveal(false) }

    Flickable {
        id: flick
        objectName: "timelineFlick"
        anchors { top: parent.top; left: parent.left; right: parent.right }
        height: strip.yearsBottom
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
            model: Timeline.eraModel  // a zoom step changes the x roles, nothing else
            Rectangle {
                id: band
                required property real startX
                required property real endX
                required property string name  // its full or short name, as fits this level
                required property real nameWidth
                required property string title
                required property color bandColor
                readonly property real x1: strip.px(startX)
                readonly property real x2: strip.px(endX)
                objectName: "eraBand"
                x: Math.min(x1, x2); y: strip.eraY
                width: Math.abs(x2 - x1); height: strip.eraH
                color: Theme.highContrast ? Theme.c.bg : bandColor
                border.width: Theme.highContrast ? Theme.px(2) : 0
                border.color: Theme.c.text
                Accessible.role: Accessible.StaticText
                Accessible.name: title
                // The band's part in view, between the edge arrows: its name keeps to it
                // while the band scrolls, and is not drawn rather than be cut by the strip's
                // edge or sit under an arrow.
                readonly property real leftEdge: flick.contentX + (leftCue.visible ? strip.cueW : 0)
                readonly property real rightEdge: flick.contentX + flick.width - (rightCue.visible ? strip.cueW : 0)
                readonly property real shown: Math.min(x + width, rightEdge) - Math.max(x, leftEdge)
                Text {
                    textFormat: Text.PlainText
                    objectName: "eraLabel"
                    readonly property real inset: Theme.px(10)
                    readonly property real lo: inset
                    readonly property real hi: band.width - width - inset
                    x: Theme.rtl ? Math.max(lo, Math.min(hi, band.rightEdge - band.x - width - inset))
                                 : Math.min(hi, Math.max(lo, band.leftEdge - band.x + inset))
                    anchors.verticalCenter: parent.verticalCenter
                    // every band names itself the same way (Timeline.eraModel): full or short, not both
                    text: band.shown >= band.nameWidth * strip.k + 2 * inset ? band.name : ""
                    color: Theme.c.onBand
                    font.pixelSize: strip.labelSize
                    font.family: Theme.family  // (measured in it: Timeline._eras)
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
            model: Timeline.tickModel  // the years near the view; a zoom step moves them
            Item {
                id: tick
                required property real year
                required property string label
                required property real tickX
                readonly property bool labelled: year % Timeline.labelStep === 0
                x: strip.px(tickX); y: strip.axisY
                Rectangle {
                    x: -width / 2; width: Theme.px(2)
                    height: parent.labelled ? Theme.px(12) : Theme.px(6)
                    color: Theme.c.muted
                }
                Text {
                    textFormat: Text.PlainText
                    visible: parent.labelled
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: Theme.px(10)
                    text: tick.label
                    color: Theme.c.muted
                    font.pixelSize: strip.labelSize
                }
            }
        }
        Repeater {
            id: markRepeater
            model: Timeline.shownModel  // items stay while the view moves
            Item {
                id: mark
                // the model's roles (Timeline's MARK_ROLES): a zoom step changes the x ones
                required property int markIndex  // its index among the level's marks
                required property var events
                required property var texts
                required property var families
                required property string count
                required property bool grouped
                required property int row
                required property int lines
                required property real labelWidth
                required property int lane
                required property real dotX
                required property real endX
                required property var dots
                required property var dateXs
                required property var rangeXs
                // (while a new level's roles arrive one by one, a list may be shorter than
                // `events` for a moment: hence the ?? below)
                readonly property int member: Math.max(0, events.indexOf(Navigation.index))
                readonly property bool current: events.indexOf(Navigation.index) >= 0
                readonly property real leadX: strip.px(dotX)
                readonly property real lead: Timeline.lead * strip.k
                readonly property real labelW: labelWidth * strip.textScale
                readonly property real topY: strip.labelsBottom - (Math.min(lines, Timeline.rows) + row) * strip.rowH
                // the label's start edge is the leader, on the dot: the label runs on from it
                readonly property real leaderX: Theme.rtl ? width - lead : lead
                objectName: (grouped ? "markerGroup-" : "marker-") + events[0]
                // the label, its leader and its dot are one target: from the label down to
                // the axis, from the leader to the label's end (a mark to the right, drawn
                // later, is on top where this one's column passes behind its label)
                // (a group: along its bracket too, a tap on a dot opens that dot's event)
                readonly property real bracketW: Math.abs(endX - dotX) * strip.k
                width: Math.max(labelW + lead, bracketW + lead + Theme.px(20))
                height: strip.axisY - topY
                x: Theme.rtl ? leadX + lead - width : leadX - lead
                y: topY
                // no label cut by the strip's edge or under its arrows: whole, or not drawn
                // (a pixel or two to spare: type rounded at small screens may be that wider)
                readonly property real onScreen: (Theme.rtl ? leadX - labelW : leadX) - flick.contentX
                readonly property bool whole: onScreen >= (leftCue.visible ? strip.cueW : 0) + Theme.px(4)
                    && onScreen + labelW <= flick.width - (rightCue.visible ? strip.cueW : 0) - Theme.px(4)
                Accessible.role: Accessible.Button
                Accessible.name: grouped ? (texts[member] ?? "").replace(/\n/g, " ") + ", " + count
                                         : texts[0].replace(/\n/g, " ")
                Accessible.onPressAction: mark.activate(NaN)
                // a tap on the label opens what it names; on the dots, the dot's event
                function activate(year) {
                    const event = Timeline.opens(mark.markIndex, year)
                    if (event === Navigation.index)
                        strip.reveal(true)  // the current one: show it again
                    else if (event >= 0)
                        Navigation.openEvent(event)
                    else
                        strip.centreOn(Timeline.zoomToMark(mark.markIndex, year), true)
                }
                Rectangle {  // pressed: the label lights up under the finger
                    x: Theme.rtl ? mark.width - mark.lead / 2 - width : mark.lead / 2
                    width: mark.labelW + mark.lead / 2
                    height: label.height
                    radius: Theme.px(8)
                    color: Theme.c.text
                    opacity: tap.pressed ? 0.18 : 0
                }
                TapHandler {
                    id: tap
                    gesturePolicy: TapHandler.ReleaseWithinBounds  // one mark a tap, never two
                    onTapped: (point) => mark.activate(point.position.y < label.height ? NaN
                                                       : strip.yearAt(mark.x + point.position.x))
                }
                Text {
                    id: label
                    textFormat: Text.PlainText
                    objectName: "markLabel"
                    x: Theme.rtl ? mark.width - mark.lead - width : mark.lead
                    width: mark.labelW
                    height: Math.min(mark.lines, Timeline.rows) * strip.rowH
                    horizontalAlignment: Theme.rtl ? Text.AlignRight : Text.AlignLeft
                    verticalAlignment: Text.AlignBottom  // on its leader, whoever a group names
                    text: mark.texts[mark.member] ?? ""
                    opacity: mark.whole ? 1 : 0
                    color: mark.current ? Theme.c.accent : Theme.c.text
                    font.pixelSize: strip.labelSize
                    font.family: mark.families[mark.member] ?? Theme.family  // its language's, as measured
                    font.underline: mark.current  // not bold: the label was measured in regular type
                    lineHeightMode: Text.FixedHeight
                    lineHeight: strip.rowH
                    // (a label of more lines than the rows, a long title with no short title
                    // that `kiosk validate` warns of, runs up over the rows above: never cut)
                }
                Rectangle {  // the leader: from the label's start edge straight down to its dot
                    objectName: "markLeader"
                    x: mark.leaderX - width / 2
                    y: label.height - strip.rowH * 0.15
                    width: Theme.px(2)
                    height: strip.dotY - mark.topY - y
                    color: mark.current ? Theme.c.accent : Theme.c.muted
                    opacity: label.opacity
                }
                Rectangle {  // a group: a bracket over its dates, both ends marked
                    objectName: "groupBracket"
                    visible: mark.grouped
                    readonly property real endX: strip.px(mark.endX) - mark.x
                    x: Math.min(mark.leaderX, endX); y: strip.dotY - mark.topY - height / 2
                    width: Math.abs(endX - mark.leaderX); height: Theme.px(6)
                    radius: height / 2
                    color: mark.current ? Theme.c.accent : Theme.c.muted
                }
                Item {  // an event's range: a bar below its dot, a stop at each end
                    objectName: "rangeBar"
                    readonly property real start: mark.dateXs[mark.member] ?? 0
                    readonly property real end: mark.rangeXs[mark.member] ?? start
                    visible: end > start
                    readonly property real startX: strip.px(start) - mark.x
                    readonly property real endX: strip.px(end) - mark.x
                    x: Math.min(startX, endX)
                    y: strip.laneY + mark.lane * strip.laneGap - mark.topY
                    width: Math.abs(endX - startX)
                    Rectangle { y: -height / 2; width: parent.width; height: Theme.px(3); color: mark.current ? Theme.c.accent : Theme.c.muted }
                    Rectangle { x: -width / 2; y: -height / 2; width: Theme.px(3); height: Theme.px(14); color: mark.current ? Theme.c.accent : Theme.c.muted }
                    Rectangle { x: parent.width - width / 2; y: -height / 2; width: Theme.px(3); height: Theme.px(14); color: mark.current ? Theme.c.accent : Theme.c.muted }
                }
                Repeater {  // the dots: one per date (a group's along its bracket)
                    model: mark.dots.length  // (a zoom step moves them: it makes none again)
                    Rectangle {
                        required property int index
                        objectName: "markDot"
                        x: strip.px(mark.dots[index] ?? mark.dotX) - mark.x - width / 2; y: strip.dotY - mark.topY - height / 2
                        width: Theme.px(18); height: width; radius: width / 2
                        color: Theme.c.muted
                        border.width: Theme.px(3); border.color: Theme.c.bg
                    }
                }
                Rectangle {  // the current event's own dot
                    objectName: "markDot"
                    visible: mark.current
                    x: strip.px(mark.dateXs[mark.member] ?? mark.dotX) - mark.x - width / 2
                    y: strip.dotY - mark.topY - height / 2
                    width: Theme.px(28); height: width; radius: width / 2
                    color: Theme.c.accent
                    border.width: Theme.px(3); border.color: Theme.c.bg
                }
            }
        }
    }

    // Below the strip: the whole span, where the shown event stands, and the zoom buttons.
    Item {
        id: foot
        x: strip.pad; y: strip.footY
        width: strip.width - 2 * strip.pad; height: Theme.px(64)
        LayoutMirroring.enabled: Theme.rtl
        LayoutMirroring.childrenInherit: true

        Rectangle {  // (over the years' row, with larger text)
            visible: strip.compact
            anchors { fill: controls; leftMargin: -Theme.px(16); rightMargin: -strip.pad }
            color: Theme.c.bg
        }
        Row {
            id: controls
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            spacing: Theme.px(12)
            layoutDirection: Theme.rtl ? Qt.RightToLeft : Qt.LeftToRight
            Text {
                objectName: "timelinePosition"
                textFormat: Text.PlainText
                anchors.verticalCenter: parent.verticalCenter
                text: Timeline.position
                color: Theme.c.text
                font.pixelSize: strip.labelSize
            }
            KioskButton {
                objectName: "zoomOutButton"
                width: Theme.px(64); height: Theme.px(64)
                round: true  // its sign fills it, no side padding
                label: "\u2212"
                accessibleName: Language.words.zoom_out
                fontSize: 24
                opacity: Timeline.zoom > Timeline.minZoom * 1.001 ? 1 : 0.4
                onActivated: strip.zoomBy(-1)
            }
            KioskButton {
                objectName: "zoomInButton"
                width: Theme.px(64); height: Theme.px(64)
                round: true  // its sign fills it, no side padding
                label: "+"
                accessibleName: Language.words.zoom_in
                fontSize: 24
                opacity: Timeline.zoom < Timeline.maxZoom * 0.999 ? 1 : 0.4
                onActivated: strip.zoomBy(1)
            }
        }

        // The whole span: its eras, a tick per event, the part the strip shows and the
        // current event; a tap or a drag along it takes the strip there.
        Item {
            id: overview
            objectName: "timelineOverview"
            visible: !strip.compact
            anchors { left: parent.left; right: controls.left; rightMargin: Theme.px(24) }
            height: parent.height
            Accessible.role: Accessible.ScrollBar
            Accessible.name: Language.words.timeline
            readonly property real span: Math.max(1e-9, Timeline.last - Timeline.first)
            function xAt(year) {
                const f = (year - Timeline.first) / span
                return (Theme.rtl ? 1 - f : f) * width
            }
            function yearAt(x) {
                const f = Math.max(0, Math.min(1, x / width))
                return Timeline.first + (Theme.rtl ? 1 - f : f) * span
            }
            Rectangle {
                y: parent.height / 2 - height / 2; width: parent.width; height: Theme.px(16)
                color: Theme.c.track; radius: Theme.px(4)
            }
            Repeater {
                model: Timeline.eraModel
                Rectangle {
                    required property real start
                    required property real end
                    required property color bandColor
                    readonly property real x1: overview.xAt(start)
                    readonly property real x2: overview.xAt(end)
                    x: Math.min(x1, x2); y: overview.height / 2 - height / 2
                    width: Math.abs(x2 - x1); height: Theme.px(16)
                    color: Theme.highContrast ? Theme.c.track : bandColor
                }
            }
            Repeater {
                model: Timeline.overviewModel
                Rectangle {
                    required property real fraction
                    x: (Theme.rtl ? 1 - fraction : fraction) * overview.width - width / 2
                    y: overview.height / 2 - height / 2
                    width: Math.max(1, Theme.px(2)); height: Theme.px(24)
                    color: Theme.c.text; opacity: 0.7
                }
            }
            Rectangle {  // the part of the strip in view
                objectName: "overviewWindow"
                readonly property real a: overview.xAt(strip.yearAt(flick.contentX))
                readonly property real b: overview.xAt(strip.yearAt(flick.contentX + flick.width))
                x: Math.max(0, Math.min(a, b)); y: overview.height / 2 - height / 2
                width: Math.max(Theme.px(8), Math.min(overview.width, Math.max(a, b)) - x)
                height: Theme.px(40)
                color: Theme.c.clear; radius: Theme.px(6)
                border.width: Theme.px(3); border.color: Theme.c.text
            }
            Rectangle {  // the current event
                readonly property real year: Timeline.dateOf(Navigation.index)
                visible: !isNaN(year)
                x: overview.xAt(isNaN(year) ? Timeline.first : year) - width / 2
                y: overview.height / 2 - height / 2
                width: Theme.px(16); height: width; radius: width / 2
                color: Theme.c.accent; border.width: Theme.px(2); border.color: Theme.c.bg
            }
            TapHandler {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: (point) => strip.centreOn(overview.yearAt(point.position.x), true)
            }
            DragHandler {
                target: null
                yAxis.enabled: false
                onCentroidChanged: if (active) strip.centreOn(overview.yearAt(centroid.position.x), false)
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
        width: strip.cueW; height: strip.compact ? strip.footY : strip.yearsBottom
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
    EdgeCue { id: leftCue; objectName: "moreLeft"; side: -1; visible: flick.contentX > 1 }
    EdgeCue {
        id: rightCue
        objectName: "moreRight"; side: 1
        visible: flick.contentX < flick.contentWidth - flick.width - 1
    }
}
