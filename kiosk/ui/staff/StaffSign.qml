import QtQuick
import kiosk.ui

// Staff only, and discreet: a small folded corner in the top-left corner (where staff hold
// to open the PIN pad) while the content on disk has errors and the kiosk shows its last
// good content (or the bundled exhibit). Nothing a visitor would read as a fault: no word,
// no red. It is no control: it takes no touch, and what lies under it (the top bar's
// margin) does nothing on a tap either; the 5-second hold there opens the PIN pad, with
// the problems, as anywhere in the corner.
Item {
    id: sign
    width: Theme.px(24)
    height: Theme.px(24)
    Accessible.ignored: true

    Canvas {
        id: fold
        anchors.fill: parent
        opacity: 0.55
        property color tint: Theme.c.muted
        onTintChanged: requestPaint()
        onWidthChanged: requestPaint()
        onPaint: {
            var ctx = getContext("2d")
            ctx.reset()
            ctx.fillStyle = tint
            ctx.beginPath()
            ctx.moveTo(0, 0)
            ctx.lineTo(width * 0.75, 0)
            ctx.lineTo(0, height * 0.75)
            ctx.closePath()
            ctx.fill()
        }
    }
}
