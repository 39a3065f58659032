pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

// "EN | 中文": one button per language of the exhibit; the active one in accent colour.
Row {
    id: languageSwitch
    property real buttonHeight: Theme.px(72)
    spacing: Theme.px(16)
    visible: Language.languages.length > 1
    Repeater {
        model: Language.languages
        KioskButton {
            required property var modelData
            objectName: "language-" + modelData.code
            height: languageSwitch.buttonHeight
            label: modelData.name
            accessibleName: modelData.name
            active: modelData.current
            onActivated: Language.setLanguage(modelData.code)
        }
    }
}
