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
    readonly property real gap: Theme.px(32)

    function slideIn(direction) {
        pager.offset = direction * screen.width * 0.25
        settle.restart()
    }
    function settleSwipe(dx, vx) {
        const threshold = screen.width * 0.15
        if ((dx < -threshold || vx < -1200) && kiosk.next())
            slideIn(1)
        else if ((dx > threshold || vx > 1200) && kiosk.previous())
            slideIn(-1)
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
        eventModel: screen.eventModel
        eraModel: screen.eraModel
        tickModel: screen.tickModel
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
                const atEnd = (dx < 0 && screen.kiosk.currentIndex >= screen.kiosk.eventCount - 1)
                              || (dx > 0 && screen.kiosk.currentIndex === 0)
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
            property real offset: 0
            width: content.width; height: content.height
            x: offset
            opacity: 1 - Math.min(0.5, Math.abs(offset) / content.width)

            Item {
                id: pictureArea
                x: screen.gap
                y: screen.gap
                width: screen.portrait ? content.width - 2 * screen.gap : content.width * 0.6 - 1.5 * screen.gap
                height: screen.portrait ? content.height * 0.45 - screen.gap : content.height - 2 * screen.gap

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
                        width: parent.width
                        text: photo.item.caption || ""
                        visible: text !== ""
                        color: Theme.c.muted
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.font(24)
                        lineHeight: 1.3
                    }
                    Text {
                        objectName: "credit"
                        width: parent.width
                        text: photo.item.credit || ""
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
                x: screen.portrait ? screen.gap : pictureArea.x + pictureArea.width + screen.gap
                y: screen.portrait ? pictureArea.y + pictureArea.height + screen.gap : screen.gap
                width: screen.portrait ? content.width - 2 * screen.gap : content.width - x - screen.gap
                height: content.height - y - screen.gap
                radius: Theme.px(16)
                color: Theme.c.surface
                border.width: Theme.highContrast ? Theme.px(2) : 0
                border.color: Theme.c.text

                Flickable {
                    id: textFlick
                    objectName: "textFlick"
                    anchors { fill: parent; margins: Theme.px(36) }
                    contentWidth: width
                    contentHeight: textColumn.height
                    flickableDirection: Flickable.VerticalFlick
                    boundsBehavior: Flickable.StopAtBounds
                    clip: true
                    Connections {
                        target: screen.kiosk
                        function onTextsChanged() { textFlick.contentY = 0 }
                    }

                    Column {
                        id: textColumn
                        width: textFlick.width
                        spacing: Theme.px(16)
                        Rectangle {
                            visible: screen.kiosk.eventEra !== ""
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
                            width: parent.width
                            text: screen.kiosk.eventDate
                            color: Theme.c.accent
                            font.pixelSize: Theme.font(36)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {  // measures the title at full size, to shrink titles over 3 lines
                            id: titleProbe
                            visible: false
                            width: parent.width
                            text: screen.kiosk.eventTitle
                            font.pixelSize: Theme.font(56)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {
                            id: title
                            objectName: "eventTitle"
                            width: parent.width
                            text: screen.kiosk.eventTitle
                            color: Theme.c.text
                            font.pixelSize: titleProbe.lineCount > 3 ? Theme.font(44) : Theme.font(56)
                            font.bold: true
                            wrapMode: Text.Wrap
                            lineHeight: 1.1
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                        Text {
                            id: body
                            objectName: "eventBody"
                            width: Math.min(parent.width, Theme.font(28) * (Theme.cjk ? 34 : 30))
                            text: screen.kiosk.eventBody
                            textFormat: Text.MarkdownText
                            color: Theme.c.text
                            font.pixelSize: Theme.font(28)
                            lineHeight: Theme.bodyLineHeight
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.StaticText
                            Accessible.name: text
                        }
                    }
                }
                Rectangle {  // a fade at the bottom edge while there is more to read
                    objectName: "moreFade"
                    anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.px(2) }
                    height: Theme.px(96)
                    radius: parent.radius
                    visible: textFlick.contentY + textFlick.height < textFlick.contentHeight - 2
                    gradient: Gradient {
                        GradientStop { position: 0; color: "transparent" }
                        GradientStop { position: 1; color: Theme.c.surface }
                    }
                }
            }
        }

        KioskButton {
            objectName: "previousButton"
            round: true
            width: Theme.px(96); height: Theme.px(96)
            x: pictureArea.x + Theme.px(12)
            y: pictureArea.y + (pictureArea.height - captionBoxHeight()) / 2 - height / 2
            opacity: screen.kiosk.currentIndex > 0 ? 0.92 : 0.35
            label: "‹"
            fontSize: 56
            accessibleName: screen.kiosk.strings.previous
            onActivated: if (screen.kiosk.previous()) screen.slideIn(-1)
        }
        KioskButton {
            objectName: "nextButton"
            round: true
            width: Theme.px(96); height: Theme.px(96)
            x: pictureArea.x + pictureArea.width - width - Theme.px(12)
            y: pictureArea.y + (pictureArea.height - captionBoxHeight()) / 2 - height / 2
            opacity: screen.kiosk.currentIndex < screen.kiosk.eventCount - 1 ? 0.92 : 0.35
            label: "›"
            fontSize: 56
            accessibleName: screen.kiosk.strings.next
            onActivated: if (screen.kiosk.next()) screen.slideIn(1)
        }
    }
    function captionBoxHeight() { return captionBox.height + Theme.px(12) }
}
