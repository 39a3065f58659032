pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// The attract screen: a highlighted event's picture, changing by a cross-fade every few
// seconds, the title, and an invitation to touch in every language. Nothing on it stays
// still for long (burn-in).
Item {
    id: welcome
    property bool showing: true
    signal optionsRequested()
    LayoutMirroring.enabled: Theme.rtl
    LayoutMirroring.childrenInherit: true

    Rectangle { anchors.fill: parent; color: Theme.c.bg }

    // Two layers cross-fade: the next picture fades in over the current one, then both stand
    // still until the next change. A still scene costs nothing to show (Qt Quick draws only
    // when something changes); a continuous pan redrew the whole screen 60 times a second,
    // which on a laptop without a GPU driver took one to two cores. A dissolve does not need
    // 60 frames a second to look smooth: a timer steps it at fadeFps (chosen for the renderer,
    // kiosk/ui/shared/render.py), so a change costs about fadeFps * fadeMs / 1000 frames, and the
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

    Rectangle {  // a soft darkening towards the bottom, for the picture's own sake
        anchors.fill: parent
        z: 2
        gradient: Gradient {
            GradientStop { position: 0.0; color: Theme.c.shadeTop }
            GradientStop { position: 0.45; color: Theme.c.shadeMiddle }
            GradientStop { position: 1.0; color: Theme.c.shadeBottom }
        }
    }

    // The title block sits on its own panel, so it reads over any picture (its contrast is
    // measured over the actual pixels in the tests), with two ways in: the event the
    // picture shows, and the story from its beginning.
    Rectangle {
        id: titleBlock
        objectName: "titleBlock"
        z: 3
        property real driftX: 0
        property real driftY: 0
        readonly property real margin: Theme.px(64)
        // on the exhibit's reading side, whatever the visitor's language: a language switch
        // never moves the panel's buttons (the text inside still aligns to its language)
        x: (Language.exhibitRtl ? welcome.width - width - margin : margin) + driftX
        y: welcome.height - height - margin + driftY
        readonly property real widest: Math.min(welcome.width - 2 * margin, Theme.px(1500)) - 2 * Theme.px(48)
        // as wide as what it holds
        width: Math.min(widest, Math.max(title.implicitWidth, subtitle.implicitWidth,
                                         ways.oneRow, invitation.implicitWidth)) + 2 * Theme.px(48)
        height: column.height + 2 * Theme.px(40)
        radius: Theme.px(24)
        color: Theme.c.bg
        opacity: Theme.highContrast ? 1 : 0.9
        border.width: Theme.highContrast ? Theme.px(2) : 0
        border.color: Theme.c.text
    }
    Column {
        id: column
        z: 4
        x: titleBlock.x + Theme.px(48)
        y: titleBlock.y + Theme.px(40)
        width: titleBlock.width - 2 * Theme.px(48)
        spacing: Theme.px(16)
        Text {
            id: title
            textFormat: Text.PlainText
            font.family: Theme.family
            objectName: "welcomeTitle"
            horizontalAlignment: Text.AlignLeft  // mirrored right to left
            width: parent.width
            text: Typeset.balanced(Exhibition.title, font.pixelSize, true, titleBlock.widest)
            color: Theme.c.text
            font.bold: true
            wrapMode: Text.Wrap
            font.pixelSize: titleProbe.lineCount > 2 ? Theme.px(64) : Theme.px(96)
            lineHeight: 1.0
            Accessible.role: Accessible.Heading
            Accessible.name: Exhibition.title
        }
        Text {  // measures the title at full size, to shrink titles over 2 lines
            id: titleProbe
            textFormat: Text.PlainText
            font.family: Theme.family
            visible: false
            width: titleBlock.widest
            text: Exhibition.title
            font.pixelSize: Theme.px(96)
            font.bold: true
            wrapMode: Text.Wrap
        }
        Text {
            id: subtitle
            textFormat: Text.PlainText
            font.family: Theme.family
            objectName: "welcomeSubtitle"
            horizontalAlignment: Text.AlignLeft  // mirrored right to left
            width: parent.width
            text: Typeset.balanced(Exhibition.subtitle, font.pixelSize, false, titleBlock.widest)
            visible: Exhibition.subtitle !== ""
            color: Theme.c.muted
            font.pixelSize: Theme.px(40)
            wrapMode: Text.Wrap
        }
        Text {
            id: invitation
            textFormat: Text.PlainText
            font.family: Theme.family
            objectName: "invitation"
            horizontalAlignment: Text.AlignLeft  // mirrored right to left
            width: parent.width
            text: Language.everyLanguage.touch
            color: Theme.c.text
            font.pixelSize: Theme.px(36)
            font.bold: true
            wrapMode: Text.Wrap
            // a soft pulse while the picture changes: no frame of its own
            opacity: 1 - 0.45 * Math.sin(Math.PI * welcome.fade)
        }
        Item { width: 1; height: Theme.px(8) }
        // The two ways in, on the panel's last row, which stands on the panel's fixed bottom
        // edge: "Start at the beginning" first, at the reading edge, as wide as its longest
        // translation, so that it never moves (the highlight changes every few seconds, the
        // language at a touch); the highlighted event's button follows it and, when its
        // caption is long, grows upwards, never pushing the other.
        Item {
            id: ways
            objectName: "welcomeWays"
            width: parent.width
            height: Math.max(start.height, highlight.height)
            readonly property real spacing: Theme.px(24)
            readonly property real startWidth: Math.min(
                Typeset.widest(Language.inEach("start"), Theme.font(28), true) + Theme.px(48) + 2,
                titleBlock.widest / 2)
            // as wide as its buttons in one row, for the panel to fit them
            readonly property real oneRow: startWidth + spacing + highlight.implicitWidth
            KioskButton {
                id: start
                objectName: "startButton"
                x: Language.exhibitRtl ? ways.width - width : 0
                y: ways.height - height
                width: ways.startWidth
                height: Math.max(Theme.px(96), implicitHeight)
                active: true
                label: Language.words.start
                fontSize: 28
                onActivated: Navigation.openEvent(0)
            }
            KioskButton {
                id: highlight
                objectName: "highlightButton"
                readonly property real room: ways.width - ways.startWidth - ways.spacing
                x: Language.exhibitRtl ? ways.width - ways.startWidth - ways.spacing - width
                                       : ways.startWidth + ways.spacing
                y: ways.height - height
                width: Math.min(implicitWidth, room)
                height: Math.max(Theme.px(96), implicitHeight)
                label: Attract.caption + (Theme.rtl ? "  ‹" : "  ›")
                fontSize: 28
                onActivated: Attract.begin()
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

    Text {  // the credit every picture shares, said once here rather than on every screen
        objectName: "welcomeCredit"
        textFormat: Text.PlainText
        font.family: Theme.family
        z: 4
        // in the top corner the buttons leave free, level with them
        x: Language.exhibitRtl ? parent.width - width - Theme.px(32) : Theme.px(32)
        y: corner.y + (corner.height - height) / 2
        width: Math.min(implicitWidth, parent.width - corner.width - Theme.px(96))
        visible: text !== ""
        text: Exhibition.credit
        color: Theme.c.muted
        font.pixelSize: Theme.reading(22)
        elide: Text.ElideRight
    }

    TapHandler {
        objectName: "welcomeTap"
        onTapped: Attract.begin()
    }
    Accessible.role: Accessible.Button
    Accessible.name: Language.everyLanguage.touch
    Accessible.onPressAction: Attract.begin()

    Row {  // a visitor may start in their own language, with the display they need
        z: 4
        id: corner
        objectName: "welcomeCorner"
        // in the exhibit's direction: a language switch leaves the buttons where they are
        LayoutMirroring.enabled: Language.exhibitRtl
        LayoutMirroring.childrenInherit: true
        anchors { top: parent.top; right: parent.right; margins: Theme.px(32) }
        spacing: Theme.px(16)
        KioskButton {
            objectName: "welcomeOptionsButton"
            height: Theme.px(80)
            label: "Aa"
            accessibleName: Language.words.display_options
            onActivated: welcome.optionsRequested()
        }
        LanguageSwitch {
            buttonHeight: Theme.px(80)
        }
    }
}
