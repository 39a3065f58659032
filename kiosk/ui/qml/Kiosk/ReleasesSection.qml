pragma ComponentBehavior: Bound
import QtQuick

// Staff panel: the releases this kiosk keeps (docs/fleet.md), which one it shows, why a
// release in the inbox was passed over, and back/forward in two taps (open the panel, tap).
// Hidden when the kiosk follows no inbox. Every decision is the Releases view-model's.
Column {
    id: section
    objectName: "staffReleases"
    visible: Releases.following
    spacing: Theme.px(12)

    Text {
        textFormat: Text.PlainText
        text: "Releases"
        color: Theme.c.text
        font.pixelSize: Theme.px(28); font.bold: true
    }
    Text {
        textFormat: Text.PlainText
        objectName: "releaseShown"
        width: section.width
        text: Releases.shownText
        color: Theme.c.text
        wrapMode: Text.Wrap
        font.pixelSize: Theme.px(24)
    }
    Repeater {
        model: Releases.rows
        Text {
            required property var modelData
            textFormat: Text.PlainText
            width: section.width
            text: (modelData.shown ? "Shown: version " : "Version ") + modelData.version + ", published "
                  + modelData.published + (modelData.by ? " by " + modelData.by : "")
            color: modelData.shown ? Theme.c.text : Theme.c.muted
            wrapMode: Text.Wrap
            font.pixelSize: Theme.px(22); font.bold: modelData.shown
        }
    }
    Row {
        spacing: Theme.px(16)
        KioskButton {
            objectName: "releaseBack"
            label: "Back to the older release"
            visible: Releases.canGoBack
            onActivated: Releases.back()
        }
        KioskButton {
            objectName: "releaseForward"
            label: "Forward to the newer release"
            visible: Releases.canGoForward
            onActivated: Releases.forward()
        }
    }
    Text {
        textFormat: Text.PlainText
        objectName: "releaseProblems"
        width: section.width
        visible: text !== ""
        text: Releases.problemText
        color: Theme.c.muted
        wrapMode: Text.Wrap
        font.pixelSize: Theme.px(22)
    }
}
