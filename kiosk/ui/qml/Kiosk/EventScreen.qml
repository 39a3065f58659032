import QtQuick

// One event: picture on the left (top in portrait), text on the right (below), the
// timeline strip at the bottom. Swipe or the side buttons move between events.
Item {
    id: screen
    signal optionsRequested()
    readonly property bool portrait: height > width
    readonly property real gap: Theme.px(32)

    function slideIn(direction) {
        pager.offset = direction * screen.width * 0.25
        settle.restart()
    }
    function settleSwipe(dx, vx) {
        const moved = Navigation.swipeEvents(dx, vx, screen.width)
        if (moved !== 0)
            slideIn(moved)
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
                pager.offset = Navigation.dragOffset(activeTranslation.x)  // resists at the ends
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
                    item: CurrentEvent.photo
                    decodeBox: Qt.size(pictureArea.width, pictureArea.height)
                    TapHandler {
                        onTapped: Navigation.openPhoto(Navigation.photoIndex)
                    }
                    Accessible.role: Accessible.Button
                    Accessible.name: Language.words.open_photo
                    Accessible.onPressAction: Navigation.openPhoto(Navigation.photoIndex)
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
                    Row {
                        id: dots
                        objectName: "photoDots"
                        visible: Navigation.photoCount > 1
                        anchors.horizontalCenter: parent.horizontalCenter
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
                    Connections {  // a new event or language starts at the top; a new photo does not
                        target: CurrentEvent
                        function onTextsChanged() { textFlick.contentY = 0 }
                    }

                    Column {
                        id: textColumn
                        width: textFlick.width
                        spacing: Theme.px(16)
                        Rectangle {
                            visible: CurrentEvent.era !== ""
                            width: Math.min(parent.width, eraText.implicitWidth + Theme.px(24))
                            height: eraText.height + Theme.px(12)
                            radius: Theme.px(8)
                            color: Theme.highContrast ? Theme.c.bg : (CurrentEvent.eraColor || Theme.c.track)
                            border.width: Theme.highContrast ? Theme.px(2) : 0
                            border.color: Theme.c.text
                            Text {
                                id: eraText
                                x: Theme.px(12); y: Theme.px(6)
                                width: parent.width - Theme.px(24)
                                text: CurrentEvent.era
                                color: Theme.c.onBand
                                font.pixelSize: Theme.font(22)
                                wrapMode: Text.Wrap
                            }
                        }
                        Text {
                            objectName: "eventDate"
                            width: parent.width
                            text: CurrentEvent.date
                            color: Theme.c.accent
                            font.pixelSize: Theme.font(36)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {  // measures the title at full size, to shrink titles over 3 lines
                            id: titleProbe
                            visible: false
                            width: parent.width
                            text: CurrentEvent.title
                            font.pixelSize: Theme.font(56)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {
                            id: title
                            objectName: "eventTitle"
                            width: parent.width
                            text: CurrentEvent.title
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
                            width: Math.min(parent.width, Theme.font(28) * Language.bodyMeasure)
                            text: CurrentEvent.body
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
                        GradientStop { position: 0; color: Theme.c.clear }
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
            y: pictureArea.y + (pictureArea.height - screen.captionBoxHeight()) / 2 - height / 2
            opacity: Navigation.hasPrevious ? 0.92 : 0.35
            label: "‹"
            fontSize: 56
            accessibleName: Language.words.previous
            onActivated: if (Navigation.previous()) screen.slideIn(-1)
        }
        KioskButton {
            objectName: "nextButton"
            round: true
            width: Theme.px(96); height: Theme.px(96)
            x: pictureArea.x + pictureArea.width - width - Theme.px(12)
            y: pictureArea.y + (pictureArea.height - screen.captionBoxHeight()) / 2 - height / 2
            opacity: Navigation.hasNext ? 0.92 : 0.35
            label: "›"
            fontSize: 56
            accessibleName: Language.words.next
            onActivated: if (Navigation.next()) screen.slideIn(1)
        }
    }
    function captionBoxHeight() { return captionBox.height + Theme.px(12) }
}
