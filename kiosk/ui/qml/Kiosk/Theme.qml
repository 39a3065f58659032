pragma Singleton
import QtQuick

// One scale factor from the window's shorter side; sizes in this file are px at 1080p.
QtObject {
    property real scale: 1
    property bool large: false
    property bool reducedMotion: false
    property bool highContrast: false
    property string lang: "en"
    property var c: ({ bg: "#0E1A2B", surface: "#17283F", text: "#FFFFFF", muted: "#B8C7D9",
                       accent: "#5CC0F2", onAccent: "#0E1A2B", scrim: "#CC000000",
                       track: "#24384F" })
    readonly property bool cjk: lang.indexOf("zh") === 0 || lang === "ja" || lang === "ko"
    readonly property real bodyLineHeight: cjk ? 1.6 : 1.45
    readonly property int duration: reducedMotion ? 0 : 250

    function px(v) { return Math.round(v * scale) }
    // Text sizes grow by half with the "larger text" option.
    function font(v) { return Math.round(v * scale * (large ? 1.5 : 1)) }
}
