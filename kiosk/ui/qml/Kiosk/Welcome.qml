import QtQuick

// The attract screen: a slowly moving picture of a highlighted event, the title, and an
// invitation to touch in every language. Nothing on it stays still for long (burn-in).
Item {
    id: welcome
    required property QtObject kiosk
    property bool showing: true

    Rectangle { anchors.fill: parent; color: Theme.c.bg }

    // Two layers cross-fade: the next picture fades in over the current one.
    Repeater {
        id: layers
        model: 2
        Image {
            id: picture
            required property int index
            property real drift: 0
            readonly property bool busy: status === Image.Loading
            objectName: "welcomeImage" + index
            width: welcome.width; height: welcome.height
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            sourceSize.width: welcome.width * 1.05
            sourceSize.height: welcome.height * 1.05
            opacity: 0
            scale: 1.0 + 0.02 * drift
            x: -welcome.width * 0.01 * drift
            Behavior on opacity { NumberAnimation { duration: Theme.reducedMotion ? 0 : 1200 } }
            NumberAnimation on drift {
                id: driftAnimation
                running: false
                from: 0; to: 1
                duration: welcome.kiosk.attractInterval * 1000 + 1200
            }
            function show(source) {
                picture.source = source
                picture.drift = 0
                picture.opacity = 1
                if (!Theme.reducedMotion && welcome.showing)
                    driftAnimation.restart()
            }
        }
    }
    property int front: 0
    function showAttract() {
        const next = 1 - front
        const incoming = layers.itemAt(next)
        const outgoing = layers.itemAt(front)
        if (!incoming || !outgoing)
            return
        incoming.z = 1; outgoing.z = 0
        incoming.show(kiosk.attract.source)
        outgoing.opacity = 0
        front = next
    }
    Connections {
        target: welcome.kiosk
        function onAttractChanged() { welcome.showAttract() }
    }
    Component.onCompleted: showAttract()

    Rectangle {  // a dark gradient so the text reads on any picture
        anchors.fill: parent
        z: 2
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#660E1A2B" }
            GradientStop { position: 0.45; color: "#330E1A2B" }
            GradientStop { position: 1.0; color: Theme.highContrast ? "#FF000000" : "#F00E1A2B" }
        }
    }

    Item {
        id: titleBlock
        z: 3
        property real driftX: 0
        property real driftY: 0
        x: Theme.px(120) + driftX
        width: welcome.width - Theme.px(240)
        height: welcome.height
        Text {
            id: attractCaption
            objectName: "attractCaption"
            anchors { left: parent.left; right: parent.right; bottom: title.top; bottomMargin: Theme.px(24) }
            text: welcome.kiosk.attractCaption
            color: Theme.c.accent
            font.pixelSize: Theme.px(28)
            font.bold: true
            elide: Text.ElideRight
        }
        Text {
            id: title
            objectName: "welcomeTitle"
            anchors { left: parent.left; right: parent.right; bottom: subtitle.top; bottomMargin: Theme.px(16) }
            text: welcome.kiosk.exhibitTitle
            color: Theme.c.text
            font.bold: true
            wrapMode: Text.Wrap
            font.pixelSize: titleProbe.lineCount > 2 ? Theme.px(64) : Theme.px(96)
            lineHeight: 1.05
        }
        Text {  // measures the title at full size, to shrink titles over 2 lines
            id: titleProbe
            visible: false
            width: title.width
            text: title.text
            font.pixelSize: Theme.px(96)
            font.bold: true
            wrapMode: Text.Wrap
        }
        Text {
            id: subtitle
            objectName: "welcomeSubtitle"
            anchors { left: parent.left; right: parent.right; bottom: invitation.top; bottomMargin: Theme.px(56) }
            text: welcome.kiosk.exhibitSubtitle
            visible: text !== ""
            color: Theme.c.muted
            font.pixelSize: Theme.px(40)
            wrapMode: Text.Wrap
        }
        Text {
            id: invitation
            objectName: "invitation"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; bottomMargin: Theme.px(96) + titleBlock.driftY }
            text: welcome.kiosk.everyLanguage.touch
            color: Theme.c.text
            font.pixelSize: Theme.px(40)
            font.bold: true
            wrapMode: Text.Wrap
            SequentialAnimation on opacity {  // a soft pulse, slower than once a second
                running: !Theme.reducedMotion && welcome.showing
                loops: Animation.Infinite
                NumberAnimation { from: 1; to: 0.55; duration: 1400; easing.type: Easing.InOutSine }
                NumberAnimation { from: 0.55; to: 1; duration: 1400; easing.type: Easing.InOutSine }
            }
        }
    }
    Timer {  // burn-in guard: the title block wanders a few pixels every few minutes
        interval: 150000; repeat: true; running: welcome.showing
        onTriggered: {
            titleBlock.driftX = Math.round((Math.random() - 0.5) * Theme.px(24))
            titleBlock.driftY = Math.round((Math.random() - 0.5) * Theme.px(16))
        }
    }

    TapHandler {
        objectName: "welcomeTap"
        onTapped: welcome.kiosk.begin()
    }
    Accessible.role: Accessible.Button
    Accessible.name: welcome.kiosk.everyLanguage.touch
    Accessible.onPressAction: welcome.kiosk.begin()

    LanguageSwitch {  // a visitor may start in their own language
        z: 4
        kiosk: welcome.kiosk
        buttonHeight: Theme.px(80)
        anchors { top: parent.top; right: parent.right; margins: Theme.px(32) }
    }
}
