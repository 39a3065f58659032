import QtQuick

// One photo, fit (never cropped or stretched), decoded off the UI thread at the size shown
// (sourceSize: JPEG decodes scaled) in its EXIF orientation; when the file is missing or
// broken, a neutral placeholder with the photo's alt text.
Item {
    id: photo
    property var item: ({})
    property real decodeFactor: 1
    readonly property bool ready: image.status === Image.Ready
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
        cache: true
        fillMode: Image.PreserveAspectFit
        smooth: true
        mipmap: true
        // Decode the pixels the screen has, not the file's.
        sourceSize.width: Math.ceil(photo.width * photo.decodeFactor * Screen.devicePixelRatio)
        sourceSize.height: Math.ceil(photo.height * photo.decodeFactor * Screen.devicePixelRatio)
        opacity: status === Image.Ready ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: Theme.duration } }
    }
    Rectangle {
        objectName: "photoPlaceholder"
        anchors.centerIn: parent
        width: Math.min(parent.width, parent.height * 16 / 9)
        height: width * 9 / 16
        visible: image.status === Image.Error
        radius: Theme.px(12)
        color: Theme.c.track
    }
    Text {
        objectName: "missingPhotoText"
        visible: image.status === Image.Error
        anchors { fill: parent; margins: Theme.px(48) }
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
        text: photo.item.alt || ""
        color: Theme.c.muted
        font.pixelSize: Theme.font(24)
    }
}
