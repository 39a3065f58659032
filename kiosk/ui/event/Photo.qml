import QtQuick
import kiosk.ui

// One photo, fit (never cropped or stretched), decoded off the UI thread at the size shown
// (sourceSize: JPEG decodes scaled) in its EXIF orientation; when the file is missing or
// broken, a neutral placeholder with the photo's alt text.
Item {
    id: photo
    property var item: ({})
    property real decodeFactor: 1
    // The box the picture is decoded for; an event's photos share one, so that a photo
    // decoded ahead (or earlier) is found in Qt's cache whatever the caption's length.
    property size decodeBox: Qt.size(width, height)
    property bool cached: true
    readonly property bool ready: image.status === Image.Ready
    readonly property bool failed: image.status === Image.Error
    readonly property bool busy: image.status === Image.Loading
    readonly property string shownSource: image.status === Image.Ready ? (item.source || "") : ""
    readonly property real paintedWidth: image.paintedWidth
    readonly property real paintedHeight: image.paintedHeight

    Accessible.role: Accessible.Graphic
    Accessible.name: item.alt || ""

    Image {
        id: image
        objectName: "photoImage"
        anchors.fill: parent
        source: photo.item.source || ""
        asynchronous: true
        autoTransform: true
        cache: photo.cached
        fillMode: Image.PreserveAspectFit
        smooth: true
        mipmap: true
        // Decode the pixels the screen shows, not the file's. Qt applies sourceSize before
        // the EXIF rotation, so a turned photo asks for the turned size.
        readonly property real aspect: photo.item.aspect || 1.5
        readonly property real fitWidth: Math.min(photo.decodeBox.width, photo.decodeBox.height * aspect)
        readonly property real fitHeight: fitWidth / aspect
        readonly property real pixels: photo.decodeFactor * Screen.devicePixelRatio
        sourceSize.width: Math.ceil((photo.item.rotated ? fitHeight : fitWidth) * pixels)
        sourceSize.height: Math.ceil((photo.item.rotated ? fitWidth : fitHeight) * pixels)
        opacity: status === Image.Ready ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: Theme.duration } }
    }
    Rectangle {
        objectName: "photoPlaceholder"
        anchors.centerIn: parent
        width: Math.min(parent.width, parent.height * 16 / 9)
        height: width * 9 / 16
        visible: photo.failed
        radius: Theme.px(12)
        color: Theme.c.track
    }
    Text {
        textFormat: Text.PlainText
        font.family: Theme.family
        objectName: "missingPhotoText"
        visible: photo.failed
        anchors { fill: parent; margins: Theme.px(48) }
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
        text: photo.item.alt || ""
        color: Theme.c.muted
        font.pixelSize: Theme.font(24)
    }
}
