pragma Singleton
import QtQuick
import kiosk.ui

// One scale factor from the window's shorter side; sizes in this file are px at 1080p.
// Colours, display options and language rules come from Python (Display, Language).
QtObject {
    property real scale: 1
    readonly property bool large: Display.largeText
    readonly property bool reducedMotion: Display.reducedMotion
    readonly property bool highContrast: Display.highContrast
    readonly property Colors c: Display.colors
    readonly property bool cjk: Language.cjk
    readonly property bool rtl: Language.rtl  // the layout mirrors, swipes turn round
    // the visitor's language's type family (kiosk/ui/shared/theme.py): every visitor's text sets it
    readonly property string family: Language.fontFamily
    // Body lines, baseline to baseline, in ems of the type (not Qt's lineHeight, which
    // multiplies the font's own line spacing, already about 1.45 em).
    readonly property real bodyLineHeight: Language.bodyLineHeight
    readonly property int duration: reducedMotion ? 0 : 250

    function px(v) { return Math.round(v * scale) }
    // Text sizes grow by half with the "larger text" option.
    function font(v) { return Math.round(v * scale * (large ? 1.5 : 1)) }
    // Text a visitor reads at arm's length (captions, credits, labels): as font(), never
    // under readingFloor px, whatever the window: at 1366x768 the scale alone made a 22 px
    // credit 16 px (issue 24). The floor is the design's smallest size (visual-design.md).
    readonly property int readingFloor: 22
    function reading(v) { return Math.max(readingFloor, font(v)) }
    // Headings are large already: they grow by a fifth, leaving the room to the body.
    function heading(v) { return Math.round(v * scale * (large ? 1.2 : 1)) }
}
