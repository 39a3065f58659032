import QtQuick

// "EN | 中文": one button per language of the exhibit; the active one in accent colour.
Row {
    id: languageSwitch
    required property QtObject kiosk
    property real buttonHeight: Theme.px(72)
    spacing: Theme.px(16)
    visible: kiosk.languages.length > 1
    Repeater {
        model: languageSwitch.kiosk.languages
        KioskButton {
            required property var modelData
            objectName: "language-" + modelData.code
            height: languageSwitch.buttonHeight
            label: modelData.name
            accessibleName: modelData.name
            active: languageSwitch.kiosk.language === modelData.code
            onActivated: languageSwitch.kiosk.setLanguage(modelData.code)
        }
    }
}
