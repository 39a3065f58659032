import QtQuick
import kiosk.ui
import QtQml.Models
import QtMultimedia

// A video or sound recording where a photo would be (issue 19): the poster with a large
// play control until a visitor taps it; then the film with a pause/play control, a
// scrubber with the time, full screen, and captions in the visitor's language over a box
// dark enough to read on any picture. MediaState (kiosk/ui/media/player.py) decides when the file
// is loaded (nothing plays by itself) and which caption is on screen; this only presents.
Item {
    id: view
    objectName: "mediaView"
    // A triangle, drawn: no font draws "play" the same everywhere
    component PlayMark: Canvas {
        property color fill: Theme.c.captionText
        onFillChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.fillStyle = fill
            ctx.beginPath(); ctx.moveTo(0, 0); ctx.lineTo(width, height / 2)
            ctx.lineTo(0, height); ctx.closePath(); ctx.fill()
        }
    }
    // Where it sits on the event screen, and what it fills full screen (reparented: one
    // player, one decoder, whichever way it is shown).
    property Item slot: null
    property Item fullLayer: null
    property bool full: false
    readonly property bool active: MediaState.kind !== ""
    readonly property bool playing: player.playbackState === MediaPlayer.PlayingState
    readonly property bool showsVideo: MediaState.kind === "video" && MediaState.loaded
                                       && player.hasVideo && player.position > 0
    readonly property int durationMs: player.duration > 0 ? player.duration
                                                          : Math.round(MediaState.duration * 1000)
    parent: full && fullLayer ? fullLayer : slot
    anchors.fill: parent
    visible: active
    onActiveChanged: if (!active) full = false
    Connections {
        target: MediaState
        function onItemChanged() { if (!MediaState.loaded) view.full = false }
    }

    function toggle() {
        if (!MediaState.loaded)
            MediaState.play()  // loads the file; the player starts once it has it
        else if (view.playing)
            player.pause()
        else
            player.play()
    }

    MediaPlayer {
        id: player
        objectName: "mediaPlayer"
        source: MediaState.source
        videoOutput: videoOutput
        onSourceChanged: if (source.toString() !== "") play()
        onPlaybackStateChanged: MediaState.setPlaying(player.playbackState === MediaPlayer.PlayingState)
        // a video's captions follow its frames (below); a sound's, the player's position
        onPositionChanged: if (MediaState.kind !== "video") MediaState.setPosition(player.position)
        onErrorOccurred: (error, errorString) => MediaState.fail(errorString)
    }

    // The sound output is made when a file is loaded, not with the screen: making one opens
    // the system's sound service (and on a machine without one, logs that it is missing)
    Instantiator {
        active: MediaState.loaded
        delegate: AudioOutput { objectName: "mediaAudio" }
        onObjectChanged: player.audioOutput = object
    }

    Rectangle {  // full screen, the poster's ground; on the event screen, the photo's place
        anchors.fill: parent
        color: Theme.c.photoBackdrop
        visible: view.full || view.showsVideo
    }
    Photo {  // the poster, full screen (on the event screen, the event's photo shows it)
        anchors.fill: parent
        visible: view.full && !view.showsVideo
        item: view.full ? CurrentEvent.photo : ({})
        cached: false
    }
    VideoOutput {
        id: videoOutput
        objectName: "mediaVideo"
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
        visible: view.showsVideo
        Component.onCompleted: MediaState.watchFrames(videoSink)
    }
    MouseArea {  // a tap anywhere on the picture: play, pause, play again
        objectName: "mediaTapArea"
        anchors.fill: parent
        onClicked: view.toggle()
    }

    Rectangle {  // the big play control, over the poster and whenever paused
        objectName: "mediaPlayButton"
        anchors.centerIn: parent
        width: Theme.px(128); height: width; radius: width / 2
        visible: !view.playing
        color: Theme.c.accent
        border.width: Theme.px(4); border.color: Theme.c.onAccent
        Accessible.role: Accessible.Button
        Accessible.name: Language.words.play
        Accessible.onPressAction: view.toggle()
        PlayMark {
            anchors.centerIn: parent
            anchors.horizontalCenterOffset: Theme.px(6)
            width: Theme.px(52); height: Theme.px(60)
            fill: Theme.c.onAccent
        }
    }
    Text {  // the file would not play (changed since it was checked): said, not a black box
        objectName: "mediaFailed"
        textFormat: Text.PlainText
        font.family: Theme.family
        visible: MediaState.failed !== ""
        anchors { horizontalCenter: parent.horizontalCenter; top: parent.verticalCenter; topMargin: Theme.px(84) }
        width: parent.width - Theme.px(48)
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: MediaState.failed
        color: Theme.c.captionText
        style: Text.Outline; styleColor: Theme.c.photoBackdrop
        font.pixelSize: Theme.reading(26)
    }

    Rectangle {  // captions: white on a near-black box (kiosk/core/colours.py checks its contrast)
        objectName: "mediaCaptionBox"
        visible: captionText.text !== ""
        anchors { horizontalCenter: parent.horizontalCenter; bottom: controls.top; bottomMargin: Theme.px(16) }
        width: Math.min(captionText.implicitWidth, view.width * 0.86) + Theme.px(32)
        height: captionText.height + Theme.px(16)
        radius: Theme.px(8)
        color: Theme.c.subtitleBox
        Text {
            id: captionText
            objectName: "mediaCaption"
            textFormat: Text.PlainText
            font.family: Theme.family
            anchors.centerIn: parent
            width: Math.min(implicitWidth, view.width * 0.86)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: MediaState.caption
            color: Theme.c.subtitleText
            // read at two metres: 40 px at 1080p full screen, never under the reading floor
            font.pixelSize: view.full ? Theme.reading(40) : Theme.reading(30)
            lineHeight: 1.1
        }
    }

    Rectangle {  // the control bar: pause/play, scrubber and time, full screen
        id: controls
        objectName: "mediaControls"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.px(96)
        color: Theme.c.captionBar
        LayoutMirroring.enabled: false  // time runs left to right in every language
        visible: MediaState.loaded || view.full
        MouseArea { anchors.fill: parent }  // taps on the bar are not taps on the picture
        Rectangle {
            id: pauseButton
            objectName: "mediaPauseButton"
            anchors { left: parent.left; leftMargin: Theme.px(16); verticalCenter: parent.verticalCenter }
            width: Theme.px(80); height: width; radius: width / 2
            color: pauseTap.pressed ? Theme.c.accent : Theme.c.clear
            border.width: Theme.px(3); border.color: Theme.c.captionText
            Accessible.role: Accessible.Button
            Accessible.name: view.playing ? Language.words.pause : Language.words.play
            Accessible.onPressAction: view.toggle()
            Row {  // two bars: pause
                anchors.centerIn: parent
                spacing: Theme.px(10)
                visible: view.playing
                Repeater { model: 2; Rectangle { width: Theme.px(10); height: Theme.px(32); color: Theme.c.captionText } }
            }
            PlayMark {
                anchors.centerIn: parent
                anchors.horizontalCenterOffset: Theme.px(3)
                visible: !view.playing
                width: Theme.px(26); height: Theme.px(30)
            }
            TapHandler { id: pauseTap; onTapped: view.toggle() }
        }
        Text {
            id: timeText
            objectName: "mediaTime"
            textFormat: Text.PlainText
            font.family: Theme.family
            anchors { left: pauseButton.right; leftMargin: Theme.px(20); verticalCenter: parent.verticalCenter }
            text: MediaState.clock(player.position) + " / " + MediaState.clock(view.durationMs)
            color: Theme.c.captionText
            font.pixelSize: Theme.reading(24)
            font.features: { "tnum": 1 }
        }
        Item {  // the scrubber: a thin track in a touch-high strip
            id: scrubber
            objectName: "mediaScrubber"
            anchors { left: timeText.right; leftMargin: Theme.px(28); right: fullButton.left; rightMargin: Theme.px(28); verticalCenter: parent.verticalCenter }
            height: Theme.px(72)
            readonly property real fraction: view.durationMs > 0 ? Math.min(1, player.position / view.durationMs) : 0
            Rectangle {
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
                height: Theme.px(8); radius: height / 2
                color: Theme.c.captionMuted
                opacity: 0.6
            }
            Rectangle {
                anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                width: parent.width * scrubber.fraction; height: Theme.px(8); radius: height / 2
                color: Theme.c.accent
            }
            Rectangle {
                x: scrubber.width * scrubber.fraction - width / 2
                anchors.verticalCenter: parent.verticalCenter
                width: Theme.px(36); height: width; radius: width / 2
                color: Theme.c.captionText
            }
            MouseArea {
                anchors.fill: parent
                preventStealing: true
                function seek(x) {
                    if (MediaState.loaded && player.seekable && view.durationMs > 0)
                        player.position = Math.max(0, Math.min(1, x / width)) * view.durationMs
                }
                onPressed: (mouse) => seek(mouse.x)
                onPositionChanged: (mouse) => seek(mouse.x)  // (the mouse's, not the player's)
            }
        }
        Rectangle {
            id: fullButton
            objectName: "mediaFullScreenButton"
            anchors { right: parent.right; rightMargin: Theme.px(16); verticalCenter: parent.verticalCenter }
            width: Theme.px(80); height: width; radius: Theme.px(12)
            color: fullTap.pressed ? Theme.c.accent : Theme.c.clear
            border.width: Theme.px(3); border.color: Theme.c.captionText
            Accessible.role: Accessible.Button
            Accessible.name: view.full ? Language.words.close : Language.words.full_screen
            Accessible.onPressAction: view.full = !view.full
            Text {  // "×" closes full screen (as the photo viewer's button)
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: view.full
                text: "\u00D7"
                color: Theme.c.captionText
                font.family: Theme.family
                font.pixelSize: Theme.px(48)
            }
            Rectangle {  // a screen's outline: full screen
                anchors.centerIn: parent
                visible: !view.full
                width: Theme.px(40); height: Theme.px(28)
                color: Theme.c.clear
                border.width: Theme.px(4); border.color: Theme.c.captionText
            }
            TapHandler { id: fullTap; onTapped: view.full = !view.full }
        }
    }
}
