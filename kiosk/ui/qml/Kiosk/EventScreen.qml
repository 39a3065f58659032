import QtQuick

// One event: picture on the left (top in portrait), text on the right (below), the
// timeline strip at the bottom. Swipe or the side buttons move between events.
Item {
    id: screen
    required property QtObject kiosk
    required property var eventModel
    required property var eraModel
    required property var tickModel
    signal optionsRequested()
    readonly property bool portrait: height > width
    // Larger text gives the text the room: the picture shrinks and the margins tighten.
    readonly property real gap: Theme.large ? Theme.px(16) : Theme.px(32)
    readonly property real pictureShare: Theme.large ? (portrait ? 0.3 : 0.4) : (portrait ? 0.45 : 0.6)
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
        const threshold = screen.width * 0.15
        const along = dx * forward, speed = vx * forward
        if ((along < -threshold || speed < -1200) && kiosk.next())
            slideIn(forward)
        else if ((along > threshold || speed > 1200) && kiosk.previous())
            slideIn(-forward)
        else
            settle.restart()
    }

    TopBar {
        id: top
        anchors { top: parent.top; left: parent.left; right: parent.right }
        kiosk: screen.kiosk
        z: 2
        onOptionsRequested: screen.optionsRequested()
    }
    TimelineStrip {
        id: strip
        objectName: "timelineStrip"
        anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
        kiosk: screen.kiosk
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
                const dx = activeTranslation.x
                const along = dx * screen.forward
                const atEnd = (along < 0 && screen.kiosk.currentIndex >= screen.kiosk.eventCount - 1)
                              || (along > 0 && screen.kiosk.currentIndex === 0)
                pager.offset = atEnd ? dx / 4 : dx  // resist past the first and last event
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
                    item: screen.kiosk.photos.length > 0 ? screen.kiosk.photos[screen.kiosk.photoIndex] : ({})
                    decodeBox: Qt.size(pictureArea.width, pictureArea.height)
                    TapHandler {
                        onTapped: screen.kiosk.openPhoto(screen.kiosk.photoIndex)
                    }
                    Accessible.role: Accessible.Button
                    Accessible.name: screen.kiosk.strings.open_photo
                    Accessible.onPressAction: screen.kiosk.openPhoto(screen.kiosk.photoIndex)
                }
                // The neighbours' photos, decoded ahead at the same size: the next event
                // shows at once. Two fixed items, so that nothing is created per step.
                Photo {
                    x: photo.x; y: photo.y; width: photo.width; height: photo.height
                    visible: false
                    decodeBox: photo.decodeBox
                    item: screen.kiosk.neighbours[0] || ({})
                }
                Photo {
                    x: photo.x; y: photo.y; width: photo.width; height: photo.height
                    visible: false
                    decodeBox: photo.decodeBox
                    item: screen.kiosk.neighbours[1] || ({})
                }
                Column {
                    id: captionBox
                    anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
                    spacing: Theme.px(6)
                    Row {
                        id: dots
                        objectName: "photoDots"
                        visible: screen.kiosk.photos.length > 1
                        anchors.horizontalCenter: parent.horizontalCenter
                        Repeater {
                            model: screen.kiosk.photos.length
                            Item {
                                required property int index
                                objectName: "photoDot"
                                width: Theme.px(64); height: Theme.px(64)
                                Accessible.role: Accessible.Button
                                Accessible.name: screen.kiosk.strings.photo_of.replace("{i}", index + 1).replace("{n}", screen.kiosk.photos.length)
                                Accessible.onPressAction: screen.kiosk.showPhoto(index)
                                Rectangle {
                                    anchors.centerIn: parent
                                    width: Theme.px(18); height: width; radius: width / 2
                                    color: parent.index === screen.kiosk.photoIndex ? Theme.c.accent : Theme.c.muted
                                }
                                TapHandler { onTapped: screen.kiosk.showPhoto(parent.index) }
                            }
                        }
                    }
                    Text {
                        objectName: "caption"
                        horizontalAlignment: Text.AlignLeft  // mirrored right to left
                        width: parent.width
                        text: screen.kiosk.typeset.balanced(photo.item.caption || "", font.pixelSize, false, width)
                        visible: text !== ""
                        color: Theme.c.muted
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.font(24)
                        lineHeight: 1.3
                    }
                    Text {
                        objectName: "credit"
                        horizontalAlignment: Text.AlignLeft  // mirrored right to left
                        width: parent.width
                        text: screen.kiosk.typeset.balanced(photo.item.credit || "", font.pixelSize, false, width)
                        visible: text !== ""
                        color: Theme.c.muted
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.font(22)
                        opacity: 0.9
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
                        target: screen.kiosk
                        function onTextsChanged() { textFlick.contentY = 0 }
                        function onDisplayChanged() { textFlick.contentY = 0 }
                    }

                    Column {
                        id: textColumn
                        width: textFlick.width
                        spacing: Theme.px(16)
                        Rectangle {
                            visible: screen.kiosk.eventEra !== ""
                            x: Theme.rtl ? parent.width - width : 0  // a Column does not mirror
                            width: Math.min(parent.width, eraText.implicitWidth + Theme.px(24))
                            height: eraText.height + Theme.px(12)
                            radius: Theme.px(8)
                            color: Theme.highContrast ? "#000000" : (screen.kiosk.eventEraColor || Theme.c.track)
                            border.width: Theme.highContrast ? Theme.px(2) : 0
                            border.color: Theme.c.text
                            Text {
                                id: eraText
                                x: Theme.px(12); y: Theme.px(6)
                                width: parent.width - Theme.px(24)
                                text: screen.kiosk.eventEra
                                color: "#FFFFFF"
                                font.pixelSize: Theme.font(22)
                                wrapMode: Text.Wrap
                            }
                        }
                        Text {
                            objectName: "eventDate"
                            horizontalAlignment: Text.AlignLeft  // mirrored right to left
                            width: parent.width
                            text: screen.kiosk.eventDate
                            color: Theme.c.accent
                            font.pixelSize: Theme.heading(36)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {  // measures the title at full size, to shrink titles over 3 lines
                            id: titleProbe
                            visible: false
                            width: parent.width
                            text: screen.kiosk.eventTitle
                            font.pixelSize: Theme.heading(56)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {
                            id: title
                            objectName: "eventTitle"
                            horizontalAlignment: Text.AlignLeft  // mirrored right to left
                            width: parent.width
                            // broken by the typesetting rules: even lines, none of one character
                            text: screen.kiosk.typeset.balanced(screen.kiosk.eventTitle, font.pixelSize, true, width)
                            color: Theme.c.text
                            font.pixelSize: titleProbe.lineCount > 3 ? Theme.heading(44) : Theme.heading(56)
                            font.bold: true
                            wrapMode: Text.Wrap
                            lineHeight: 1.1
                            Accessible.role: Accessible.Heading
                            Accessible.name: screen.kiosk.eventTitle
                        }
                        Text {
                            id: body
                            objectName: "eventBody"
                            horizontalAlignment: Text.AlignLeft  // mirrored right to left
                            width: Math.min(parent.width, Theme.font(28) * (Theme.cjk ? 34 : 30))
                            // rich text with the line and paragraph spacing set in ems
                            text: screen.kiosk.typeset.body(screen.kiosk.eventBody, font.pixelSize, Theme.bodyLineHeight)
                            textFormat: Text.RichText
                            color: Theme.c.text
                            font.pixelSize: Theme.font(28)
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.StaticText
                            Accessible.name: screen.kiosk.eventBody
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
                        GradientStop { position: 0; color: "transparent" }
                        GradientStop { position: 1; color: Theme.c.surface }
                    }
                }
            }
        }

        // Previous and next: round buttons at the picture's sides, each with a label that
        // says where it leads ("1991 · Third Country Programme"), in the reading direction.
        component SideArrow: Item {
            id: arrow
            property int step: 1  // -1 previous, 1 next
            property string where: ""
            property string accessibleName: ""
            readonly property bool onLeft: (step < 0) !== Theme.rtl
            readonly property bool enabledHere: where !== ""
            function go() {
                if (step < 0 ? screen.kiosk.previous() : screen.kiosk.next())
                    screen.slideIn(step * screen.forward)
            }
            width: Theme.px(96); height: Theme.px(96)
            x: onLeft ? pictureArea.x + Theme.px(12) : pictureArea.x + pictureArea.width - width - Theme.px(12)
            y: pictureArea.y + (pictureArea.height - captionBoxHeight()) / 2 - height / 2
            opacity: enabledHere ? 1 : 0.35
            KioskButton {
                anchors.fill: parent
                round: true
                label: "\u200E" + (arrow.onLeft ? "‹" : "›")  // as drawn: no bidi mirroring
                fontSize: 56
                accessibleName: arrow.accessibleName + (arrow.where ? ": " + arrow.where : "")
                onActivated: arrow.go()
            }
            Rectangle {
                objectName: "sideLabel"
                // only where it fits beside the photo, above its caption (the button's
                // accessible name says where it leads in any case)
                visible: arrow.enabledHere
                         && arrow.y + y + height <= pictureArea.y + photo.y + photo.height
                readonly property real widest: Math.min(Theme.px(300), pictureArea.width * 0.4)
                width: Math.min(widest, whereText.implicitWidth) + Theme.px(24)
                height: whereText.height + Theme.px(12)
                x: arrow.onLeft ? 0 : arrow.width - width
                y: arrow.height + Theme.px(8)
                radius: Theme.px(8)
                color: Theme.c.surface
                opacity: Theme.highContrast ? 1 : 0.92
                border.width: Theme.px(2)
                border.color: sideTap.pressed ? Theme.c.accent : Theme.c.muted
                Text {
                    id: whereText
                    x: Theme.px(12); y: Theme.px(6)
                    width: Math.min(parent.widest, implicitWidth)
                    text: screen.kiosk.typeset.balanced(arrow.where, font.pixelSize, false, parent.widest)
                    horizontalAlignment: arrow.onLeft ? Text.AlignLeft : Text.AlignRight
                    LayoutMirroring.enabled: false  // onLeft already says which side
                    color: Theme.c.text
                    font.pixelSize: Theme.font(22)
                    wrapMode: Text.Wrap
                }
                TapHandler { id: sideTap; onTapped: arrow.go() }
            }
        }
        SideArrow {
            objectName: "previousButton"
            step: -1
            where: screen.kiosk.sideLabels[0] || ""
            accessibleName: screen.kiosk.strings.previous
        }
        SideArrow {
            objectName: "nextButton"
            step: 1
            where: screen.kiosk.sideLabels[1] || ""
            accessibleName: screen.kiosk.strings.next
        }
    }
    function captionBoxHeight() { return captionBox.height + Theme.px(12) }
}
