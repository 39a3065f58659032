pragma ComponentBehavior: Bound
import QtQuick
import kiosk.ui

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
    // The event screen is built just after the welcome screen's first frame, or at once
    // when an event is asked for before it: the first frame waits for nothing it does not
    // show (the event's text, photos and timeline strip). kiosk/ui/shell/view.py says when.
    // Behind the welcome screen it is built a piece at a time between frames (the attract
    // cycle goes on; built at once it held the screen 0.3 s at 1,000 events); a visitor who
    // opens an event first has the rest built at once (a Loader made synchronous finishes).
    property bool eventScreenWanted: false
    Connections {
        target: Navigation
        enabled: !root.eventScreenWanted
        function onScreenChanged() { root.eventScreenWanted = true }
    }
    Component.onCompleted: if (Navigation.screen !== Navigation.Welcome) eventScreenWanted = true
    Loader {
        id: eventScreen
        objectName: "eventScreenLoader"
        anchors.fill: parent
        active: root.eventScreenWanted
        asynchronous: Navigation.screen === Navigation.Welcome
        visible: opacity > 0
        opacity: Navigation.screen === Navigation.Event ? 1 : 0
        enabled: Navigation.screen === Navigation.Event
        Behavior on opacity { NumberAnimation { duration: Theme.duration } }
        sourceComponent: EventScreen {
            objectName: "eventScreen"
            onOptionsRequested: options.open = true
        }
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
    StaffSign {
        objectName: "staffSign"
        anchors { top: parent.top; left: parent.left }
        visible: ContentReport.staffSign
    }
    StaffLayer {
        objectName: "staffLayer"
        anchors.fill: parent
        staff: StaffState
    }
}
