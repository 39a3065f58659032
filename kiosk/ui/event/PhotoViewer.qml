import QtQuick
import kiosk.ui

// A photo full screen: pinch (or the wheel) to zoom up to 4x, drag to pan, swipe between
// the event's photos, one tap or the close button to return.
Rectangle {
    id: viewer
    color: Theme.c.photoBackdrop
    LayoutMirroring.enabled: Theme.rtl
    LayoutMirroring.childrenInherit: true
    readonly property var item: CurrentEvent.photo
    readonly property bool zoomed: frame.scale > 1.01
    onZoomedChanged: if (zoomed) Navigation.zoomedIn()
    property real swipeOffset: 0

    function resetZoom() {
        frame.scale = 1
        frame.x = 0
        frame.y = 0
        swipeOffset = 0
    }
    function clampPan() {
        const maxX = (frame.width * frame.scale - stage.width) / 2
        const maxY = (frame.height * frame.scale - stage.height) / 2
        frame.x = Math.max(-Math.max(0, maxX), Math.min(Math.max(0, maxX), frame.x))
        frame.y = Math.max(-Math.max(0, maxY), Math.min(Math.max(0, maxY), frame.y))
    }
    function zoomBy(factor) {
        frame.scale = Math.max(1, Math.min(4, frame.scale * factor))
        if (frame.scale <= 1.01)
            resetZoom()
        clampPan()
    }
    onVisibleChanged: resetZoom()
    Connections {
        target: Navigation
        function onPhotoChanged() { viewer.resetZoom() }
    }

    // The photo fills what its caption leaves: shown whole, the caption below it, never
    // over it (zoomed in, it stays within its own area too).
    Item {
        id: stage
        objectName: "photoStage"
        anchors { top: parent.top; left: parent.left; right: parent.right; bottom: captionBar.top }
        clip: frame.scale > 1.01
    Item {
        id: frame
        objectName: "photoFrame"
        width: stage.width; height: stage.height
        transformOrigin: Item.Center
        Photo {
            id: photo
            objectName: "viewerPhoto"
            anchors.fill: parent
            x: viewer.swipeOffset
            // The screen's own pixels, decoded for the whole screen whatever the caption
            // leaves: the hidden viewer decodes the event's photo ahead, so it is ready the
            // moment the viewer opens (a box that changed then decoded it again, 50-90 ms).
            decodeBox: Qt.size(viewer.width, viewer.height)
            cached: false  // full-screen pictures are large: decode again rather than keep
            item: viewer.item
        }
        // Zoomed in: the same photo at twice the screen's pixels, over the first. Decoded
        // from the moment the viewer opens (a pinch finds it ready, and no decode competes
        // with the pinch's frames), held only while the viewer is open (about 28 MB).
        Photo {
            objectName: "viewerPhotoSharp"
            anchors.fill: parent
            x: viewer.swipeOffset
            decodeFactor: 2
            decodeBox: Qt.size(viewer.width, viewer.height)
            cached: false
            item: viewer.visible ? viewer.item : ({})
            visible: ready && viewer.zoomed
        }
    }
    }

    PinchHandler {
        id: pinch
        objectName: "photoPinch"
        target: frame
        scaleAxis.minimum: 1
        scaleAxis.maximum: 4
        rotationAxis.enabled: false
        onActiveChanged: if (!active) { if (frame.scale <= 1.01) viewer.resetZoom(); viewer.clampPan() }
    }
    DragHandler {
        id: pan
        objectName: "photoPan"
        target: viewer.zoomed ? frame : null
        minimumPointCount: 1
        maximumPointCount: 1
        onActiveTranslationChanged: {
            if (!viewer.zoomed && active)
                viewer.swipeOffset = activeTranslation.x
        }
        onActiveChanged: {
            if (active)
                return
            if (viewer.zoomed) {
                viewer.clampPan()
                return
            }
            // pulled against the reading direction: the next photo (rightwards in Arabic)
            Navigation.swipePhotos(viewer.swipeOffset * (Theme.rtl ? -1 : 1), viewer.width)
            viewer.swipeOffset = 0
        }
    }
    WheelHandler {
        objectName: "photoWheel"
        acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
        onWheel: (event) => viewer.zoomBy(event.angleDelta.y > 0 ? 1.25 : 0.8)
    }
    TapHandler {
        objectName: "photoTap"
        onTapped: Navigation.closePhoto()
    }

    Rectangle {  // caption bar, below the photo
        id: captionBar
        objectName: "photoCaptionBar"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        // not `visible`, which is false while the viewer is hidden: the photo's area would
        // change at the moment the viewer opens
        readonly property bool shown: captionText.text !== "" || creditText.text !== ""
        height: shown ? captionColumn.height + Theme.px(40) : 0
        color: Theme.c.captionBar
        visible: shown
        Column {
            id: captionColumn
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: Theme.px(48); rightMargin: Theme.px(48) }
            spacing: Theme.px(6)
            Text {
                id: captionText
                textFormat: Text.PlainText
                font.family: Theme.family
                width: parent.width
                text: viewer.item.caption || ""
                color: Theme.c.captionText
                font.pixelSize: Theme.font(24)
                wrapMode: Text.Wrap
            }
            Text {
                id: creditText
                textFormat: Text.PlainText
                font.family: Theme.family
                width: parent.width
                text: CurrentEvent.creditLine
                color: Theme.c.captionMuted
                font.pixelSize: Theme.font(22)
                wrapMode: Text.Wrap
            }
        }
    }
    KioskButton {
        objectName: "closePhotoButton"
        anchors { top: parent.top; right: parent.right; margins: Theme.px(32) }
        width: Theme.px(96); height: Theme.px(96)
        round: true
        label: "×"
        fontSize: 56
        accessibleName: Language.words.close
        onActivated: Navigation.closePhoto()
    }
}
