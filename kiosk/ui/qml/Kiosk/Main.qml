import QtQuick

// The kiosk window: one screen at a time, the idle countdown above everything.
Window {
    id: root
    required property QtObject kiosk
    required property var eventModel
    required property var eraModel
    required property var tickModel
    required property QtObject staff
    width: 1920
    height: 1080
    color: Theme.c.bg
    title: kiosk.exhibitTitle

    Binding { target: Theme; property: "scale"; value: Math.min(root.width, root.height) / 1080 }
    Binding { target: Theme; property: "large"; value: root.kiosk.largeText }
    Binding { target: Theme; property: "highContrast"; value: root.kiosk.highContrast }
    Binding { target: Theme; property: "reducedMotion"; value: root.kiosk.reducedMotion }
    Binding { target: Theme; property: "lang"; value: root.kiosk.language }
    Binding { target: Theme; property: "c"; value: root.kiosk.colors }

    Welcome {
        id: welcome
        objectName: "welcome"
        anchors.fill: parent
        kiosk: root.kiosk
        showing: root.kiosk.screen === "welcome"
        visible: opacity > 0
        opacity: showing ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: Theme.duration } }
    }
    EventScreen {
        id: eventScreen
        objectName: "eventScreen"
        anchors.fill: parent
        kiosk: root.kiosk
        eventModel: root.eventModel
        eraModel: root.eraModel
        tickModel: root.tickModel
        visible: opacity > 0
        opacity: root.kiosk.screen === "event" ? 1 : 0
        enabled: root.kiosk.screen === "event"
        Behavior on opacity { NumberAnimation { duration: Theme.duration } }
        onOptionsRequested: options.open = true
    }
    PhotoViewer {
        id: viewer
        objectName: "photoViewer"
        anchors.fill: parent
        kiosk: root.kiosk
        visible: root.kiosk.screen === "photo"
    }
    OptionsPanel {
        id: options
        objectName: "optionsPanel"
        anchors.fill: parent
        kiosk: root.kiosk
        Connections {
            target: root.kiosk
            function onScreenChanged() { options.open = false }
        }
    }
    IdleOverlay {
        objectName: "idleOverlay"
        anchors.fill: parent
        kiosk: root.kiosk
    }
    StaffLayer {
        objectName: "staffLayer"
        anchors.fill: parent
        staff: root.staff
    }
}
