import QtQuick
import kiosk.ui

// The staff screens' one text style: plain text, wrapped, in the theme's text colour;
// `size` is in design pixels at 1080p. Headings set font.bold, quieter lines their colour.
Text {
    property int size: 24
    textFormat: Text.PlainText
    color: Theme.c.text
    wrapMode: Text.Wrap
    font.pixelSize: Theme.px(size)
}
