pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// One event: picture on the left (top in portrait), text on the right (below), the
// timeline strip at the bottom. Swipe or the side buttons move between events.
Item {
    id: screen
    signal optionsRequested()
    readonly property bool portrait: height > width
    // Larger text gives the text more room: the margins tighten and the picture gives up a
    // little, never below 40 % of a landscape screen's width (issue 24: it fell to 27 %).
    readonly property real gap: Theme.large ? Theme.px(16) : Theme.px(32)
    readonly property real pictureShare: Theme.large ? (portrait ? 0.35 : 0.55) : (portrait ? 0.45 : 0.6)
    // The previous/next buttons stand in their own margins beside the photo, never over it.
    readonly property real arrowRoom: Theme.px(96) + Theme.px(12)
    readonly property int forward: Theme.rtl ? -1 : 1  // the reading direction, on screen
    LayoutMirroring.enabled: Theme.rtl
    LayoutMirroring.childrenInherit: true

    function slideIn(direction) {
        pager.offset = direction * screen.width * 0.25
        settle.restart()
    }
    // Pulling the page against the reading direction brings the next event: leftwards in
    // English and Chinese, rightwards in Arabic.
    function settleSwipe(dx, vx) {
        const moved = Navigation.swipeEvents(dx * forward, vx * forward, screen.width)
        if (moved !== 0)
            slideIn(moved * forward)
        else
            settle.restart()
    }

    TopBar {
        id: top
        anchors { top: parent.top; left: parent.left; right: parent.right }
        z: 2
        onOptionsRequested: screen.optionsRequested()
    }
    TimelineStrip {
        id: strip
        objectName: "timelineStrip"
        anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
        z: 2
    }

    Item {
        id: content
        objectName: "eventContent"
        anchors { top: top.bottom; bottom: strip.top; left: parent.left; right: parent.right }
        clip: true

        DragHandler {
            id: swipe
            objectName: "eventSwipe"
            target: null
            yAxis.enabled: false
            onActiveTranslationChanged: {
                if (!active)
                    return
                // resists past either end, in the reading direction
                pager.offset = Navigation.dragOffset(activeTranslation.x * screen.forward) * screen.forward
            }
            onActiveChanged: {
                if (!active)
                    screen.settleSwipe(pager.offset, centroid.velocity.x)
            }
        }
        NumberAnimation {
            id: settle; target: pager; property: "offset"; to: 0
            duration: Theme.duration; easing.type: Easing.OutCubic
        }

        Item {
            id: pager
            objectName: "eventPager"
            property real offset: 0
            width: content.width; height: content.height
            x: offset
            opacity: 1 - Math.min(0.5, Math.abs(offset) / content.width)
            // while it moves under a finger the page is drawn once and slid as a picture
            layer.enabled: swipe.active || settle.running
            // the picture's empty parts would be drawn black (issue 24): the page has a ground
            Rectangle { anchors.fill: parent; color: Theme.c.bg }

            Item {
                id: pictureArea
                x: screen.portrait || !Theme.rtl ? screen.gap : content.width - width - screen.gap
                y: screen.gap
                width: screen.portrait ? content.width - 2 * screen.gap : content.width * screen.pictureShare - 1.5 * screen.gap
                height: screen.portrait ? content.height * screen.pictureShare - screen.gap : content.height - 2 * screen.gap

                Photo {
                    id: photo
                    objectName: "eventPhoto"
                    anchors { top: parent.top; left: parent.left; right: parent.right; bottom: captionBox.top; bottomMargin: Theme.px(12) }
                    anchors.leftMargin: screen.arrowRoom
                    anchors.rightMargin: screen.arrowRoom
                    item: CurrentEvent.photo
                    decodeBox: Qt.size(pictureArea.width - 2 * screen.arrowRoom, pictureArea.height)
                    TapHandler {
                        onTapped: Navigation.openPhoto(Navigation.photoIndex)
                    }
                    Accessible.role: Accessible.Button
                    Accessible.name: Language.words.open_photo
                    Accessible.onPressAction: Navigation.openPhoto(Navigation.photoIndex)
                }
                Item {  // a video or sound plays here, over its poster (MediaView)
                    id: mediaSlot
                    x: photo.x; y: photo.y; width: photo.width; height: photo.height
                }
                // The neighbours' photos, decoded ahead at the same size: the next event
                // shows at once. Two fixed items, so that nothing is created per step.
                Photo {
                    x: photo.x; y: photo.y; width: photo.width; height: photo.height
                    visible: false
                    decodeBox: photo.decodeBox
                    item: CurrentEvent.neighbours[0] || ({})
                }
                Photo {
                    x: photo.x; y: photo.y; width: photo.width; height: photo.height
                    visible: false
                    decodeBox: photo.decodeBox
                    item: CurrentEvent.neighbours[1] || ({})
                }
                Column {
                    id: captionBox
                    anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
                    spacing: Theme.px(6)
                    // One row under the photo: where previous and next lead, on their sides,
                    // on every event (the labels stood under the arrows, over the photo, only
                    // where they fitted there), and the dots for more photos between them.
                    Item {
                        id: sideLabels
                        objectName: "sideLabels"
                        width: parent.width
                        height: Math.max(previousLabel.height, nextLabel.height, dots.visible ? dots.height : 0)
                        visible: previousLabel.where !== "" || nextLabel.where !== "" || dots.visible
                        readonly property real labelRoom: (width - (dots.visible ? dots.width + Theme.px(16) : 0)) / 2 - Theme.px(8)
                        SideLabel { id: previousLabel; objectName: "previousLabel"; step: -1; room: sideLabels.labelRoom; where: CurrentEvent.sideLabels[0] || "" }
                        SideLabel { id: nextLabel; objectName: "nextLabel"; step: 1; room: sideLabels.labelRoom; where: CurrentEvent.sideLabels[1] || "" }
                        Row {
                            id: dots
                            objectName: "photoDots"
                            visible: Navigation.photoCount > 1
                            x: (parent.width - width) / 2
                            Repeater {
                                model: Navigation.photoCount
                                Item {
                                    required property int index
                                    objectName: "photoDot"
                                    width: Theme.px(64); height: Theme.px(64)
                                    Accessible.role: Accessible.Button
                                    Accessible.name: CurrentEvent.photoNames[index] || ""
                                    Accessible.onPressAction: Navigation.showPhoto(index)
                                    Rectangle {
                                        anchors.centerIn: parent
                                        width: Theme.px(18); height: width; radius: width / 2
                                        color: parent.index === Navigation.photoIndex ? Theme.c.accent : Theme.c.muted
                                    }
                                    TapHandler { onTapped: Navigation.showPhoto(parent.index) }
                                }
                            }
                        }
                    }
                    Text {
                        textFormat: Text.PlainText
                        font.family: Theme.family
                        objectName: "caption"
                        horizontalAlignment: Text.AlignLeft  // mirrored right to left
                        width: parent.width
                        text: Typeset.balanced(photo.item.caption || "", font.pixelSize, false, width)
                        visible: text !== ""
                        color: Theme.c.text
                        wrapMode: Text.Wrap
                        // larger text grows a caption by a fifth, as headings: the photo it
                        // speaks of keeps its room
                        font.pixelSize: Math.max(Theme.readingFloor, Theme.heading(24))
                        lineHeight: Theme.large ? 1.15 : 1.3
                    }
                    Text {
                        textFormat: Text.PlainText
                        font.family: Theme.family
                        objectName: "credit"
                        horizontalAlignment: Text.AlignLeft  // mirrored right to left
                        width: parent.width
                        text: Typeset.balanced(photo.item.credit || "", font.pixelSize, false, width)
                        visible: text !== ""
                        color: Theme.c.muted
                        wrapMode: Text.Wrap
                        font.pixelSize: Math.max(Theme.readingFloor, Theme.heading(22))
                    }
                }
            }

            Rectangle {
                id: panel
                objectName: "textPanel"
                x: screen.portrait ? screen.gap : (Theme.rtl ? screen.gap : pictureArea.x + pictureArea.width + screen.gap)
                y: screen.portrait ? pictureArea.y + pictureArea.height + screen.gap : screen.gap
                width: screen.portrait ? content.width - 2 * screen.gap : content.width - pictureArea.width - 3 * screen.gap
                height: content.height - y - screen.gap
                radius: Theme.px(16)
                color: Theme.c.surface
                border.width: Theme.highContrast ? Theme.px(2) : 0
                border.color: Theme.c.text

                Flickable {
                    id: textFlick
                    objectName: "textFlick"
                    anchors { fill: parent; margins: Theme.large ? Theme.px(24) : Theme.px(36) }
                    contentWidth: width
                    contentHeight: textColumn.height
                    flickableDirection: Flickable.VerticalFlick
                    boundsBehavior: Flickable.StopAtBounds
                    clip: true
                    Connections {  // a new text, language or text size starts at its top
                        target: CurrentEvent
                        function onTextsChanged() { textFlick.contentY = 0 }
                    }
                    Connections {
                        target: Display
                        function onLargeTextChanged() { textFlick.contentY = 0 }
                    }

                    Column {
                        id: textColumn
                        width: textFlick.width
                        spacing: Theme.px(16)
                        Rectangle {
                            visible: CurrentEvent.era !== ""
                            x: Theme.rtl ? parent.width - width : 0  // a Column does not mirror
                            width: Math.min(parent.width, eraText.implicitWidth + Theme.px(24))
                            height: eraText.height + Theme.px(12)
                            radius: Theme.px(8)
                            color: Theme.highContrast ? Theme.c.bg : (CurrentEvent.eraColor || Theme.c.track)
                            border.width: Theme.highContrast ? Theme.px(2) : 0
                            border.color: Theme.c.text
                            Text {
                                id: eraText
                                textFormat: Text.PlainText
                                font.family: Theme.family
                                x: Theme.px(12); y: Theme.px(6)
                                width: parent.width - Theme.px(24)
                                text: CurrentEvent.era
                                color: Theme.c.onBand
                                font.pixelSize: Theme.font(22)
                                wrapMode: Text.Wrap
                            }
                        }
                        Text {
                            textFormat: Text.PlainText
                            font.family: Theme.family
                            objectName: "eventDate"
                            horizontalAlignment: Text.AlignLeft  // mirrored right to left
                            width: parent.width
                            text: CurrentEvent.date
                            color: Theme.c.accent
                            font.pixelSize: Theme.heading(36)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {  // measures the title at full size, to shrink titles over 3 lines
                            id: titleProbe
                            textFormat: Text.PlainText
                            font.family: Theme.family
                            visible: false
                            width: parent.width
                            text: CurrentEvent.title
                            font.pixelSize: Theme.heading(56)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {
                            id: title
                            textFormat: Text.PlainText
                            font.family: Theme.family
                            objectName: "eventTitle"
                            horizontalAlignment: Text.AlignLeft  // mirrored right to left
                            width: parent.width
                            // broken by the typesetting rules: even lines, none of one character
                            text: Typeset.balanced(CurrentEvent.title, font.pixelSize, true, width)
                            color: Theme.c.text
                            font.pixelSize: titleProbe.lineCount > 3 ? Theme.heading(44) : Theme.heading(56)
                            font.bold: true
                            wrapMode: Text.Wrap
                            lineHeight: 1.1
                            Accessible.role: Accessible.Heading
                            Accessible.name: CurrentEvent.title
                        }
                        Text {
                            id: body
                            objectName: "eventBody"
                            horizontalAlignment: Text.AlignLeft  // mirrored right to left
                            width: Math.min(parent.width, Theme.font(28) * Language.bodyMeasure)
                            // rich text with the line and paragraph spacing set in ems
                            text: Typeset.body(CurrentEvent.body, font.pixelSize, Theme.bodyLineHeight)
                            textFormat: Text.RichText
                            font.family: Theme.family
                            color: Theme.c.text
                            font.pixelSize: Theme.font(28)
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.StaticText
                            Accessible.name: CurrentEvent.body
                        }
                    }
                }
                Rectangle {  // where the reader is in a text longer than the panel
                    objectName: "scrollIndicator"
                    readonly property real track: textFlick.height
                    visible: textFlick.contentHeight > textFlick.height + 1
                    x: Theme.rtl ? Theme.px(10) : parent.width - width - Theme.px(10)
                    y: textFlick.y + textFlick.visibleArea.yPosition * track
                    width: Theme.px(8)
                    height: Math.max(Theme.px(48), textFlick.visibleArea.heightRatio * track)
                    radius: width / 2
                    color: Theme.c.muted
                    Rectangle {  // the whole length, faint, so the position reads as a share
                        z: -1
                        x: 0; y: textFlick.y - parent.y
                        width: parent.width; height: parent.track
                        radius: width / 2
                        color: Theme.c.muted
                        opacity: 0.25
                    }
                }
                Rectangle {  // a fade over the last visible lines while there is more to read
                    objectName: "moreFade"
                    anchors { left: parent.left; right: parent.right; bottom: textFlick.bottom }
                    anchors.rightMargin: Theme.px(24)
                    height: Math.min(Theme.px(96), textFlick.height / 3)
                    visible: textFlick.contentY + textFlick.height < textFlick.contentHeight - 2
                    gradient: Gradient {
                        GradientStop { position: 0; color: Theme.c.clear }
                        GradientStop { position: 1; color: Theme.c.surface }
                    }
                }
            }
        }

        // Previous and next: round buttons at the picture's sides, in their own margins, in
        // the reading direction; where each leads is said under the photo (SideLabel).
        component SideArrow: Item {
            id: arrow
            property int step: 1  // -1 previous, 1 next
            property string where: ""
            property string accessibleName: ""
            readonly property bool onLeft: (step < 0) !== Theme.rtl
            readonly property bool enabledHere: where !== ""
            width: Theme.px(96); height: Theme.px(96)
            x: onLeft ? pictureArea.x : pictureArea.x + pictureArea.width - width
            y: pictureArea.y + photo.y + photo.height / 2 - height / 2
            opacity: enabledHere ? 1 : 0.35
            KioskButton {
                anchors.fill: parent
                round: true
                label: "\u200E" + (arrow.onLeft ? "‹" : "›")  // as drawn: no bidi mirroring
                fontSize: 56
                accessibleName: arrow.accessibleName + (arrow.where ? ": " + arrow.where : "")
                onActivated: screen.go(arrow.step)
            }
        }
        SideArrow {
            objectName: "previousButton"
            step: -1
            where: CurrentEvent.sideLabels[0] || ""
            accessibleName: Language.words.previous
        }
        SideArrow {
            objectName: "nextButton"
            step: 1
            where: CurrentEvent.sideLabels[1] || ""
            accessibleName: Language.words.next
        }
    }
    // A video or sound of the event (issue 19): one player, in the photo's place, or
    // full screen over everything of this screen. Loaded by URL when such an item is on
    // screen: Qt Multimedia (and its FFmpeg) is not even loaded before a visitor meets one.
    Item { id: mediaFull; anchors.fill: parent; z: 10 }
    Loader {
        objectName: "mediaLoader"
        active: MediaState.kind !== ""
        source: Qt.resolvedUrl("../media/MediaView.qml")  // not a type: QtMultimedia loads only here
        onLoaded: { item.slot = mediaSlot; item.fullLayer = mediaFull }
    }
    function go(step) {
        if (step < 0 ? Navigation.previous() : Navigation.next())
            slideIn(step * forward)
    }
    // "2008 · Wenchuan Earthquake": where an arrow leads, on the arrow's side, one line
    component SideLabel: Rectangle {
        id: side
        property int step: 1
        property string where: ""
        readonly property bool onLeft: (step < 0) !== Theme.rtl
        visible: where !== ""
        property real room: 0  // the widest it may be
        width: room  // both the same width, on their sides: a row that does not jump
        height: Math.max(Theme.px(64), whereText.height + Theme.px(12))
        x: onLeft ? 0 : (parent ? parent.width - width : 0)
        radius: Theme.px(8)
        color: Theme.c.surface
        border.width: Theme.px(2)
        border.color: sideTap.pressed ? Theme.c.accent : Theme.c.muted
        Text {
            id: whereText
            textFormat: Text.PlainText
            font.family: Theme.family
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(12) }
            text: side.where
            horizontalAlignment: side.onLeft ? Text.AlignLeft : Text.AlignRight
            LayoutMirroring.enabled: false  // onLeft already says which side
            wrapMode: Text.Wrap
            elide: Text.ElideRight
            maximumLineCount: Theme.large ? 1 : 2  // with larger text the photo needs the height
            color: Theme.c.text
            font.pixelSize: Math.max(Theme.readingFloor, Theme.heading(22))
        }
        TapHandler { id: sideTap; gesturePolicy: TapHandler.ReleaseWithinBounds; onTapped: screen.go(side.step) }
    }
}
