import QtQuick
import kiosk.ui

// Exhibit title (tap: back to the start), display options and the language switch.
Rectangle {
    id: bar
    signal optionsRequested()
    height: Theme.px(96)
    color: Theme.c.bg
    // The bar's corners follow the exhibit's own direction, not the visitor's language: the
    // language buttons stay where the visitor just touched them (issue 24).
    LayoutMirroring.enabled: Language.exhibitRtl
    LayoutMirroring.childrenInherit: true

    Item {
        id: home
        objectName: "homeButton"
        anchors { left: parent.left; leftMargin: Theme.px(24); verticalCenter: parent.verticalCenter }
        width: Math.min(homeText.implicitWidth + Theme.px(16), bar.width - controls.width - Theme.px(72))
        height: Theme.px(80)
        Accessible.role: Accessible.Button
        Accessible.name: Language.words.home
        Accessible.onPressAction: Navigation.goHome()
        Text {
            id: homeText
            textFormat: Text.PlainText
            font.family: Theme.family
            objectName: "homeTitle"
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            text: Exhibition.homeLabel
            color: homeTap.pressed ? Theme.c.accent : Theme.c.muted
            font.pixelSize: Theme.font(28)
            font.bold: true
            elide: Text.ElideRight
        }
        TapHandler { id: homeTap; onTapped: Navigation.goHome() }
    }

    Row {
        id: controls
        anchors { right: parent.right; rightMargin: Theme.px(16); verticalCenter: parent.verticalCenter }
        spacing: Theme.px(16)
        KioskButton {
            objectName: "optionsButton"
            height: Theme.px(72)
            label: "Aa"
            accessibleName: Language.words.display_options
            onActivated: bar.optionsRequested()
        }
        LanguageSwitch {}
    }
}
