"""The timeline strip: its view-model and QML."""
