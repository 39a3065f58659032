pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// The staff panel's visitor statistics: today and the last seven days in words, a small
// chart of the seven days (oldest first), the recording's problem, and the export.
Column {
    id: visitors
    required property StaffStatistics stats
    spacing: Theme.px(12)

    StaffText { text: "Visitors"; size: 28; font.bold: true }
    Row {
        spacing: Theme.px(32)
        StaffText {
            objectName: "statsSummary"
            anchors.verticalCenter: parent.verticalCenter
            text: visitors.stats ? visitors.stats.summary : ""
            wrapMode: Text.NoWrap
            lineHeight: 1.3
        }
        Row {  // the last seven days, oldest first
            objectName: "statsChart"
            spacing: Theme.px(8)
            Repeater {
                model: visitors.stats ? visitors.stats.days : []
                Column {
                    id: day
                    required property var modelData
                    spacing: Theme.px(4)
                    StaffText {
                        text: day.modelData.visits
                        color: Theme.c.muted
                        size: 22
                        anchors.horizontalCenter: parent.horizontalCenter
                    }
                    Item {
                        width: Theme.px(48); height: Theme.px(96)
                        Rectangle {
                            anchors.bottom: parent.bottom
                            width: parent.width
                            height: Math.max(Theme.px(2), parent.height * day.modelData.height)
                            color: Theme.c.accent
                        }
                    }
                    StaffText {
                        text: day.modelData.label
                        color: Theme.c.muted
                        size: 22
                        anchors.horizontalCenter: parent.horizontalCenter
                    }
                }
            }
        }
    }
    StaffText {
        objectName: "statsProblem"
        width: parent.width
        text: visitors.stats ? visitors.stats.problem : ""
        visible: text !== ""
        color: Theme.c.accent
        size: 22
    }
    Row {
        spacing: Theme.px(24)
        KioskButton {
            objectName: "statsExport"
            label: visitors.stats && visitors.stats.busy ? "Exporting…" : "Export statistics"
            onActivated: if (visitors.stats) visitors.stats.exportReport()
        }
        StaffText {
            objectName: "statsMessage"
            width: visitors.width - Theme.px(400)
            anchors.verticalCenter: parent.verticalCenter
            text: visitors.stats ? visitors.stats.message : ""
            color: Theme.c.muted
            wrapMode: Text.WrapAnywhere
            size: 22
        }
    }
}
