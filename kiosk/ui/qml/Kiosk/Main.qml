import QtQuick

// The kiosk window: one screen at a time, the idle countdown above everything.
Window {
    id: root
    width: 1920
    height: 1080
    color: Theme.c.bg
    title: Exhibition.title

    Binding { target: Theme; property: "scale"; value: Math.min(root.width, root.height) / 1080 }

    Welcome {
        id: welcome
        objectName: "welcome"
        anchors.fill: parent
        showing: Navigation.screen === Navigation.Welcome
        onOptionsRequested: options.open = true
        visible: opacity > 0
        opacity: showing ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: Theme.duration } }
    }
    EventScreen {
        id: eventScreen
        objectName: "eventScreen"
        anchors.fill: parent
        visible: opacity > 0
        opacity: Navigation.screen === Navigation.Event ? 1 : 0
        enabled: Navigation.screen === Navigation.Event
        Behavior on opacity { NumberAnimation { duration: Theme.duration } }
        onOptionsRequested: options.open = true
    }
    PhotoViewer {
        id: viewer
        objectName: "photoViewer"
        anchors.fill: parent
        visible: Navigation.screen === Navigation.Photo
    }
    OptionsPanel {
        id: options
        objectName: "optionsPanel"
        anchors.fill: parent
        Connections {
            target: Navigation
            function onScreenChanged() { options.open = false }
        }
    }
    IdleOverlay {
        objectName: "idleOverlay"
        anchors.fill: parent
    }
    EditorPanel {
        objectName: "editorPanel"
    }
    StaffLayer {
        objectName: "staffLayer"
        anchors.fill: parent
        staff: StaffState
    }
}
