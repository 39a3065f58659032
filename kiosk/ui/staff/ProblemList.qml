pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// The content's problems, one under the other: where (file:line:col) in the accent colour,
// then the level and what to do. Text comes from the ContentReport view-model.
Column {
    id: list
    required property var rows
    property int fontSize: 28
    spacing: Theme.px(14)

    Repeater {
        model: list.rows
        Column {
            id: row
            required property var modelData
            width: list.width
            spacing: Theme.px(2)
            Text {
                textFormat: Text.PlainText
                objectName: "problemWhere"
                width: parent.width
                text: row.modelData.where
                color: Theme.c.accent
                wrapMode: Text.Wrap
                font.pixelSize: Theme.px(list.fontSize); font.bold: true
            }
            Text {
                textFormat: Text.PlainText
                objectName: "problemMessage"
                width: parent.width
                text: row.modelData.message
                color: Theme.c.text
                wrapMode: Text.Wrap
                font.pixelSize: Theme.px(list.fontSize)
            }
        }
    }
}
