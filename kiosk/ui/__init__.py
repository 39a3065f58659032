"""Qt presentation: state objects, models and QML views. Rules live in kiosk.content."""
