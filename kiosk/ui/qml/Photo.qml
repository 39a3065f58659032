import QtQuick

// One photo, fit (never cropped or stretched), decoded at the size shown; a placeholder
// with the alt text when the file is missing or broken.
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
        cache: true
        fillMode: Image.PreserveAspectFit
        smooth: true
        mipmap: true
        // Ask the provider for the pixels the screen has, not the file's.
        sourceSize.width: Math.ceil(photo.width * photo.decodeFactor * Screen.devicePixelRatio)
        sourceSize.height: Math.ceil(photo.height * photo.decodeFactor * Screen.devicePixelRatio)
        opacity: status === Image.Ready ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: Theme.duration } }
    }
    Text {
        objectName: "missingPhotoText"
        visible: photo.item.missing === true
        anchors { fill: parent; margins: Theme.px(48) }
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignBottom
        wrapMode: Text.Wrap
        text: (photo.item.alt || "")
        color: Theme.c.muted
        font.pixelSize: Theme.font(24)
    }
}
