"""The event screen: one event's text and photos, the photo viewer."""
