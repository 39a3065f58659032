pragma ComponentBehavior: Bound
import QtQuick

// Staff only: the PIN pad (with the content's problems beside it: they are not secret),
// then the panel (reload, problems, diagnostics, log, exit). In English, for the people
// who run the exhibition. Every decision is the StaffState view-model's.
Item {
    id: staffLayer
    required property StaffState staff
    visible: staff.pinPadOpen || staff.panelOpen

    Rectangle { anchors.fill: parent; color: Theme.c.staffScrim }
    // Nothing behind the layer reacts while it is open: this area takes every press,
    // touch or mouse (a TapHandler does not: it lets the press through to what is below).
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }

    Row {
        id: padRow
        visible: staffLayer.staff.pinPadOpen
        anchors.centerIn: parent
        spacing: Theme.px(32)

        Rectangle {
            id: padProblems
            objectName: "padProblems"
            visible: ContentReport.rows.length > 0
            width: Math.min(Theme.px(900), staffLayer.width - pad.width - Theme.px(3 * 32))
            height: pad.height
            radius: Theme.px(24)
            color: Theme.c.surface
            border.width: Theme.px(2)
            border.color: Theme.c.accent
            Column {
                id: padProblemsHead
                anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.px(28) }
                spacing: Theme.px(10)
                Text {
                    textFormat: Text.PlainText
                    objectName: "padHeadline"
                    width: parent.width
                    text: ContentReport.headline
                    color: Theme.c.text
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(28); font.bold: true
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "padCommand"
                    width: parent.width
                    text: ContentReport.checkCommand
                    color: Theme.c.muted
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(24)
                }
            }
            Flickable {
                id: padFlick
                anchors { top: padProblemsHead.bottom; left: parent.left; right: parent.right; bottom: parent.bottom
                          leftMargin: Theme.px(28); rightMargin: Theme.px(16); topMargin: Theme.px(20); bottomMargin: Theme.px(28) }
                contentHeight: padList.height
                clip: true
                flickableDirection: Flickable.VerticalFlick
                boundsBehavior: Flickable.StopAtBounds
                ProblemList { id: padList; width: padFlick.width - Theme.px(24); rows: ContentReport.rows; fontSize: 24 }
            }
            ScrollCue { flick: padFlick; text: ContentReport.moreBelow }
        }

        Rectangle {
            id: pad
            objectName: "pinPad"
            width: Theme.px(3 * 112 + 2 * 16 + 96)
            height: Math.max(padColumn.height + Theme.px(64), Math.min(Theme.px(760), staffLayer.height - Theme.px(64)))
            radius: Theme.px(24)
            color: Theme.c.surface
            border.width: Theme.px(2)
            border.color: Theme.c.muted
            Column {
                id: padColumn
                anchors { top: parent.top; topMargin: Theme.px(32); horizontalCenter: parent.horizontalCenter }
                spacing: Theme.px(16)
                Text {
                    textFormat: Text.PlainText
                    text: "Staff PIN"
                    color: Theme.c.text
                    font.pixelSize: Theme.px(36); font.bold: true
                    anchors.horizontalCenter: parent.horizontalCenter
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "pinDots"
                    text: staffLayer.staff.pinDots
                    color: Theme.c.accent
                    font.pixelSize: Theme.px(36)
                    anchors.horizontalCenter: parent.horizontalCenter
                }
                Grid {
                    objectName: "pinKeys"
                    visible: staffLayer.staff.pinConfigured
                    enabled: staffLayer.staff.pinEntryEnabled
                    opacity: enabled ? 1 : 0.4
                    columns: 3
                    spacing: Theme.px(16)
                    anchors.horizontalCenter: parent.horizontalCenter
                    Repeater {
                        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "←", "0", "OK"]
                        KioskButton {
                            required property string modelData
                            objectName: "pin-" + modelData
                            width: Theme.px(112); height: Theme.px(96)
                            label: modelData
                            accessibleName: modelData === "←" ? "Delete" : modelData
                            active: modelData === "OK"
                            onActivated: {
                                if (modelData === "←")
                                    staffLayer.staff.deleteDigit()
                                else if (modelData === "OK")
                                    staffLayer.staff.submitPin()
                                else
                                    staffLayer.staff.typeDigit(modelData)
                            }
                        }
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "staffMessage"
                    width: Theme.px(3 * 112 + 2 * 16 + 32)
                    text: staffLayer.staff.message
                    visible: text !== ""
                    color: Theme.c.text
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(24)
                    anchors.horizontalCenter: parent.horizontalCenter
                }
                Row {
                    spacing: Theme.px(16)
                    anchors.horizontalCenter: parent.horizontalCenter
                    KioskButton {
                        objectName: "pinCancel"
                        label: "Cancel"
                        onActivated: staffLayer.staff.close()
                    }
                    KioskButton {
                        objectName: "padExit"
                        visible: staffLayer.staff.canExit
                        label: "Exit kiosk…"
                        onActivated: staffLayer.staff.exitKiosk()
                    }
                }
            }
        }
    }

    Rectangle {
        id: panel
        objectName: "staffPanel"
        visible: staffLayer.staff.panelOpen
        anchors { fill: parent; margins: Theme.px(48) }
        radius: Theme.px(24)
        color: Theme.c.surface
        Row {
            id: actions
            anchors { top: parent.top; left: parent.left; margins: Theme.px(32) }
            spacing: Theme.px(16)
            KioskButton { objectName: "staffReload"; label: "Reload content"; onActivated: staffLayer.staff.reload() }
            KioskButton { objectName: "staffClose"; label: "Close"; active: true; onActivated: staffLayer.staff.close() }
        }
        // Far from the everyday buttons, and it asks first.
        KioskButton {
            objectName: "staffExit"
            anchors { top: parent.top; right: parent.right; margins: Theme.px(32) }
            label: "Exit kiosk…"
            onActivated: staffLayer.staff.exitKiosk()
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
                Text {
                    textFormat: Text.PlainText
                    objectName: "panelMessage"
                    width: parent.width
                    text: staffLayer.staff.message
                    visible: text !== ""
                    color: Theme.c.accent
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(24)
                }
                Column {  // visitor statistics: today, the last seven days, export
                    id: visitors
                    objectName: "staffStatistics"
                    readonly property StaffStatistics stats: staffLayer.staff.stats as StaffStatistics
                    visible: stats !== null
                    width: parent.width
                    spacing: Theme.px(12)
                    Text {
                        textFormat: Text.PlainText
                        text: "Visitors"
                        color: Theme.c.text
                        font.pixelSize: Theme.px(28); font.bold: true
                    }
                    Row {
                        spacing: Theme.px(32)
                        Text {
                            textFormat: Text.PlainText
                            objectName: "statsSummary"
                            anchors.verticalCenter: parent.verticalCenter
                            text: visitors.stats ? visitors.stats.summary : ""
                            color: Theme.c.text
                            font.pixelSize: Theme.px(24)
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
                                    Text {
                                        textFormat: Text.PlainText
                                        text: day.modelData.visits
                                        color: Theme.c.muted
                                        font.pixelSize: Theme.px(22)
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
                                    Text {
                                        textFormat: Text.PlainText
                                        text: day.modelData.label
                                        color: Theme.c.muted
                                        font.pixelSize: Theme.px(22)
                                        anchors.horizontalCenter: parent.horizontalCenter
                                    }
                                }
                            }
                        }
                    }
                    Text {
                        textFormat: Text.PlainText
                        width: parent.width
                        text: visitors.stats ? visitors.stats.problem : ""
                        visible: text !== ""
                        color: Theme.c.accent
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.px(22)
                    }
                    Row {
                        spacing: Theme.px(24)
                        KioskButton {
                            objectName: "statsExport"
                            label: visitors.stats && visitors.stats.busy ? "Exporting…" : "Export statistics"
                            onActivated: if (visitors.stats) visitors.stats.exportReport()
                        }
                        Text {
                            textFormat: Text.PlainText
                            objectName: "statsMessage"
                            width: info.width - Theme.px(400)
                            anchors.verticalCenter: parent.verticalCenter
                            text: visitors.stats ? visitors.stats.message : ""
                            color: Theme.c.muted
                            wrapMode: Text.WrapAnywhere
                            font.pixelSize: Theme.px(22)
                        }
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    text: staffLayer.staff.problemsTitle
                    color: Theme.c.text
                    font.pixelSize: Theme.px(28); font.bold: true
                }
                Text {
                    textFormat: Text.PlainText
                    width: parent.width
                    visible: ContentReport.rows.length > 0
                    text: ContentReport.headline
                    color: Theme.c.text
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(24)
                }
                Text {
                    textFormat: Text.PlainText
                    width: parent.width
                    visible: ContentReport.rows.length > 0
                    text: ContentReport.checkCommand
                    color: Theme.c.muted
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(22)
                }
                ProblemList { width: parent.width; rows: ContentReport.rows; fontSize: 22 }
                Repeater {
                    model: staffLayer.staff.settingsProblems
                    Text {
                        textFormat: Text.PlainText
                        required property string modelData
                        width: info.width
                        text: modelData
                        color: Theme.c.text
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.px(22)
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    text: "Diagnostics"
                    color: Theme.c.text
                    font.pixelSize: Theme.px(28); font.bold: true
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "diagnostics"
                    width: parent.width
                    text: staffLayer.staff.panelOpen ? staffLayer.staff.diagnostics : ""
                    color: Theme.c.muted
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(22)
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "logTitle"
                    width: parent.width
                    text: staffLayer.staff.logTitle
                    color: Theme.c.text
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(28); font.bold: true
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "recentLog"
                    width: parent.width
                    text: staffLayer.staff.panelOpen ? staffLayer.staff.recentLog : ""
                    color: Theme.c.muted
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(22)
                }
            }
        }
        ScrollCue { flick: panelFlick; text: ContentReport.moreBelow }
    }

    // Exit asks first, over whatever led to it.
    Rectangle {
        anchors.fill: parent
        visible: staffLayer.staff.confirmingExit
        color: Theme.c.scrim
        MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }  // nothing below reacts
        Rectangle {
            objectName: "exitConfirm"
            anchors.centerIn: parent
            width: Math.min(Theme.px(900), parent.width - Theme.px(96))
            height: confirmColumn.height + Theme.px(64)
            radius: Theme.px(24)
            color: Theme.c.surface
            border.width: Theme.px(2)
            border.color: Theme.c.accent
            Column {
                id: confirmColumn
                anchors { top: parent.top; topMargin: Theme.px(32); left: parent.left; right: parent.right; margins: Theme.px(40) }
                spacing: Theme.px(32)
                Text {
                    textFormat: Text.PlainText
                    width: parent.width
                    text: staffLayer.staff.exitQuestion
                    color: Theme.c.text
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.px(32)
                }
                Row {
                    spacing: Theme.px(32)
                    anchors.horizontalCenter: parent.horizontalCenter
                    KioskButton { objectName: "exitKeep"; label: "Keep running"; active: true; onActivated: staffLayer.staff.cancelExit() }
                    KioskButton { objectName: "exitConfirmButton"; label: "Exit now"; onActivated: staffLayer.staff.confirmExit() }
                }
            }
        }
    }
}
