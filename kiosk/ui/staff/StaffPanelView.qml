pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// The staff panel, after the PIN: reload and close, then (scrolling) the answer to what
// staff did, visitor statistics, the content's and settings' problems, diagnostics and the
// recent log. Its state is StaffState.panel; exit is far from the everyday buttons.
Rectangle {
    id: panel
    required property StaffState staff
    readonly property StaffPanel part: staff.panel
    radius: Theme.px(24)
    color: Theme.c.surface

    Row {
        id: actions
        anchors { top: parent.top; left: parent.left; margins: Theme.px(32) }
        spacing: Theme.px(16)
        KioskButton { objectName: "staffReload"; label: "Reload content"; onActivated: panel.staff.reload() }
        KioskButton { objectName: "staffClose"; label: "Close"; active: true; onActivated: panel.staff.close() }
    }
    // Far from the everyday buttons, and it asks first.
    KioskButton {
        objectName: "staffExit"
        anchors { top: parent.top; right: parent.right; margins: Theme.px(32) }
        label: "Exit kiosk…"
        onActivated: panel.staff.exitKiosk()
    }
    Flickable {
        id: panelFlick
        objectName: "staffScroll"
        anchors { top: actions.bottom; left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.px(32) }
        contentHeight: info.height
        clip: true
        flickableDirection: Flickable.VerticalFlick
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: info
            width: panelFlick.width - Theme.px(24)
            spacing: Theme.px(16)
            StaffText {
                objectName: "panelMessage"
                width: parent.width
                text: panel.part.message
                visible: text !== ""
                color: Theme.c.accent
            }
            ReleasesSection { width: parent.width }
            StaffVisitors {
                objectName: "staffStatistics"
                stats: panel.part.stats as StaffStatistics
                visible: stats !== null
                width: parent.width
            }
            StaffText { text: panel.part.problemsTitle; size: 28; font.bold: true }
            StaffText {
                width: parent.width
                visible: ContentReport.rows.length > 0
                text: ContentReport.headline
            }
            StaffText {
                width: parent.width
                visible: ContentReport.rows.length > 0
                text: ContentReport.checkCommand
                color: Theme.c.muted
                size: 22
            }
            ProblemList { width: parent.width; rows: ContentReport.rows; fontSize: 22 }
            Repeater {
                model: panel.part.settingsProblems
                StaffText {
                    required property string modelData
                    width: info.width
                    text: modelData
                    size: 22
                }
            }
            StaffText { text: "Diagnostics"; size: 28; font.bold: true }
            StaffText {
                objectName: "diagnostics"
                width: parent.width
                text: panel.part.diagnostics
                color: Theme.c.muted
                size: 22
            }
            StaffText {
                objectName: "logTitle"
                width: parent.width
                text: panel.part.logTitle
                size: 28
                font.bold: true
            }
            StaffText {
                objectName: "recentLog"
                width: parent.width
                text: panel.part.recentLog
                color: Theme.c.muted
                size: 22
            }
        }
    }
    ScrollCue { flick: panelFlick; text: ContentReport.moreBelow }
}
