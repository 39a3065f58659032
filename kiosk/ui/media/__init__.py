"""Videos and sounds (issue 19): the player's view-model, captions in the visitor's language,
and its QML."""
