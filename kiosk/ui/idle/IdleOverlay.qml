import QtQuick
import kiosk.ui

// "Still there?": a countdown of at least 20 s in every language; any touch continues.
Rectangle {
    id: overlay
    color: Theme.c.idleScrim
    visible: Idle.active
    Accessible.role: Accessible.AlertMessage
    Accessible.name: Language.everyLanguage.still_there

    TapHandler { onTapped: Idle.touch() }

    Rectangle {
        id: card
        objectName: "idleCard"
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.px(64), Theme.px(800))
        height: cardColumn.height + Theme.px(96)
        radius: Theme.px(24)
        color: Theme.c.surface
        border.width: Theme.px(2)
        border.color: Theme.c.accent

        Column {
            id: cardColumn
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(48) }
            spacing: Theme.px(32)
            Item {
                width: parent.width; height: Theme.px(160)
                Canvas {
                    id: ring
                    objectName: "countdownRing"
                    anchors.centerIn: parent
                    width: Theme.px(160); height: width
                    property real fraction: Idle.fraction
                    onFractionChanged: requestPaint()
                    onPaint: {
                        const ctx = getContext("2d")
                        ctx.reset()
                        const r = width / 2 - Theme.px(8)
                        ctx.lineWidth = Theme.px(12)
                        ctx.strokeStyle = Theme.c.track
                        ctx.beginPath(); ctx.arc(width / 2, height / 2, r, 0, 2 * Math.PI); ctx.stroke()
                        ctx.strokeStyle = Theme.c.accent
                        ctx.beginPath()
                        ctx.arc(width / 2, height / 2, r, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * fraction)
                        ctx.stroke()
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    font.family: Theme.family
                    objectName: "countdownNumber"
                    anchors.centerIn: parent
                    text: Idle.remaining
                    color: Theme.c.text
                    font.pixelSize: Theme.font(56)
                    font.bold: true
                }
            }
            Text {
                textFormat: Text.PlainText
                font.family: Theme.family
                objectName: "stillThere"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                // typeset: "您还在浏览吗？" never breaks as "您还在浏览/吗？" with larger text
                text: Typeset.balanced(Language.everyLanguage.still_there, font.pixelSize, true, width)
                color: Theme.c.text
                font.pixelSize: Theme.font(44)
                font.bold: true
                wrapMode: Text.Wrap
            }
            Text {
                textFormat: Text.PlainText
                font.family: Theme.family
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: Idle.message
                color: Theme.c.muted
                font.pixelSize: Theme.font(28)
                wrapMode: Text.Wrap
            }
            KioskButton {
                objectName: "continueButton"
                width: parent.width
                height: Theme.px(120)
                active: true
                label: Language.everyLanguage["continue"]
                fontSize: 36
                onActivated: Idle.touch()
            }
        }
    }
}
