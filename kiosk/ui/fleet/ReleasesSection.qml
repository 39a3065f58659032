pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// Staff panel: the releases this kiosk keeps (docs/fleet.md), which one it shows, why a
// release in the inbox was passed over, and back/forward in two taps (open the panel, tap).
// Hidden when the kiosk follows no inbox. Every decision is the Releases view-model's.
Column {
    id: section
    objectName: "staffReleases"
    visible: Releases.following
    spacing: Theme.px(12)

    StaffText { text: "Releases"; size: 28; font.bold: true }
    StaffText {
        objectName: "releaseShown"
        width: section.width
        text: Releases.shownText
    }
    Repeater {
        model: Releases.rows
        StaffText {
            required property var modelData
            width: section.width
            text: (modelData.shown ? "Shown: version " : "Version ") + modelData.version + ", published "
                  + modelData.published + (modelData.by ? " by " + modelData.by : "")
            color: modelData.shown ? Theme.c.text : Theme.c.muted
            size: 22
            font.bold: modelData.shown
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
    StaffText {
        objectName: "releaseProblems"
        width: section.width
        visible: text !== ""
        text: Releases.problemText
        color: Theme.c.muted
        size: 22
    }
}
