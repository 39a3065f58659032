pragma ComponentBehavior: Bound
import QtQuick

// The attract screen: a highlighted event's picture, changing by a cross-fade every few
// seconds, the title, and an invitation to touch in every language. Nothing on it stays
// still for long (burn-in).
Item {
    id: welcome
    property bool showing: true

    Rectangle { anchors.fill: parent; color: Theme.c.bg }

    // Two layers cross-fade: the next picture fades in over the current one, then both stand
    // still until the next change. A still scene costs nothing to show (Qt Quick draws only
    // when something changes); a continuous pan redrew the whole screen 60 times a second,
    // which on a laptop without a GPU driver took one to two cores. A dissolve does not need
    // 60 frames a second to look smooth: a timer steps it at fadeFps (chosen for the renderer,
    // kiosk/ui/render.py), so a change costs about fadeFps * fadeMs / 1000 frames, and the
    // invitation's pulse and the caption ride on the same frames.
    readonly property int fadeMs: Math.min(1600, Attract.interval * 1000 / 3)
    readonly property int fadeFps: Attract.fadeFps
    property real fade: 1  // 0 -> 1 while the front picture fades in over the other
    readonly property real eased: 0.5 - 0.5 * Math.cos(Math.PI * fade)  // ease in and out
    property int front: 0

    Repeater {
        id: layers
        model: 2
        Image {
            required property int index
            objectName: "welcomeImage" + index
            width: welcome.width; height: welcome.height
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            sourceSize.width: welcome.width
            sourceSize.height: welcome.height
            z: index === welcome.front ? 1 : 0
            // the front picture fades in; the one behind stays until it is covered
            opacity: index === welcome.front ? welcome.eased : (welcome.fade < 1 ? 1 : 0)
            visible: opacity > 0 && status === Image.Ready
            onStatusChanged: if (index === welcome.front) welcome.startFade()
        }
    }

    function showAttract() {
        const incoming = layers.itemAt(1 - front) as Image
        if (!incoming)
            return
        fader.stop()
        fade = 0
        front = 1 - front
        incoming.source = Attract.source
        startFade()
    }
    function startFade() {
        const incoming = layers.itemAt(front) as Image
        if (!incoming || fade > 0 || fader.running)
            return
        if (incoming.status === Image.Ready || incoming.status === Image.Error
                || incoming.source.toString() === "") {
            if (Theme.reducedMotion || !showing) fade = 1
            else fader.start()
        }
    }
    Timer {
        id: fader
        interval: Math.round(1000 / welcome.fadeFps)
        repeat: true
        property real startedAt: 0
        onRunningChanged: if (running) startedAt = Date.now()
        onTriggered: {
            welcome.fade = Math.min(1, (Date.now() - startedAt) / welcome.fadeMs)
            if (welcome.fade >= 1)
                stop()
        }
    }
    Connections {
        target: Attract
        function onPictureChanged() { welcome.showAttract() }
    }
    Component.onCompleted: showAttract()

    Rectangle {  // a dark gradient so the text reads on any picture
        anchors.fill: parent
        z: 2
        gradient: Gradient {
            GradientStop { position: 0.0; color: Theme.c.shadeTop }
            GradientStop { position: 0.45; color: Theme.c.shadeMiddle }
            GradientStop { position: 1.0; color: Theme.c.shadeBottom }
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
            text: Attract.caption
            opacity: welcome.eased  // arrives with its picture
            color: Theme.c.accent
            font.pixelSize: Theme.px(28)
            font.bold: true
            elide: Text.ElideRight
        }
        Text {
            id: title
            objectName: "welcomeTitle"
            anchors { left: parent.left; right: parent.right; bottom: subtitle.top; bottomMargin: Theme.px(16) }
            text: Exhibition.title
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
            text: Exhibition.subtitle
            visible: text !== ""
            color: Theme.c.muted
            font.pixelSize: Theme.px(40)
            wrapMode: Text.Wrap
        }
        Text {
            id: invitation
            objectName: "invitation"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; bottomMargin: Theme.px(96) + titleBlock.driftY }
            text: Language.everyLanguage.touch
            color: Theme.c.text
            font.pixelSize: Theme.px(40)
            font.bold: true
            wrapMode: Text.Wrap
            // a soft pulse while the picture changes: no frame of its own
            opacity: 1 - 0.45 * Math.sin(Math.PI * welcome.fade)
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
        onTapped: Attract.begin()
    }
    Accessible.role: Accessible.Button
    Accessible.name: Language.everyLanguage.touch
    Accessible.onPressAction: Attract.begin()

    LanguageSwitch {  // a visitor may start in their own language
        z: 4
        buttonHeight: Theme.px(80)
        anchors { top: parent.top; right: parent.right; margins: Theme.px(32) }
    }
}
