"""The Qt-free core: the exhibit model, dates, limits, colours, characters, line breaking,
languages, the timeline strip's layout, and files written whole or not at all. No Qt."""
