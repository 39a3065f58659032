import QtQuick
import kiosk.ui

// For editors working windowed (`kiosk run --windowed --watch`): the content's problems,
// large enough to read from a metre away, over the last good content. Closes by itself
// when the content is good again. Never shown in kiosk mode: the view-model decides.
Rectangle {
    id: panel
    visible: ContentReport.editorPanelVisible
    anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.px(24) }
    height: Math.min(parent.height * 0.6, head.height + rows.height + Theme.px(2 * 28 + 16))
    radius: Theme.px(20)
    color: Theme.c.surface
    border.width: Theme.px(4)
    border.color: Theme.c.accent
    // a touch on the panel does not reach the exhibit under it (a TapHandler lets it through)
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }

    Column {
        id: head
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.px(28) }
        spacing: Theme.px(12)
        Item {
            width: parent.width
            height: Math.max(headline.height, hide.height)
            Text {
                id: headline
                textFormat: Text.PlainText
                objectName: "editorHeadline"
                anchors { left: parent.left; right: hide.left; rightMargin: Theme.px(24); verticalCenter: parent.verticalCenter }
                text: ContentReport.headline
                color: Theme.c.text
                wrapMode: Text.Wrap
                font.pixelSize: Theme.px(34); font.bold: true
            }
            KioskButton {
                id: hide
                objectName: "editorHide"
                anchors.right: parent.right
                label: "Hide until the next save"
                onActivated: ContentReport.dismiss()
            }
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: ContentReport.advice
            color: Theme.c.muted
            wrapMode: Text.Wrap
            font.pixelSize: Theme.px(26)
        }
    }
    Flickable {
        id: flick
        objectName: "editorProblems"
        anchors { top: head.bottom; left: parent.left; right: parent.right; bottom: parent.bottom
                  topMargin: Theme.px(16); leftMargin: Theme.px(28); rightMargin: Theme.px(16); bottomMargin: Theme.px(28) }
        contentHeight: rows.height
        clip: true
        flickableDirection: Flickable.VerticalFlick
        boundsBehavior: Flickable.StopAtBounds
        ProblemList { id: rows; width: flick.width - Theme.px(24); rows: ContentReport.rows; fontSize: 30 }
    }
    ScrollCue { flick: flick; text: ContentReport.moreBelow }
}
