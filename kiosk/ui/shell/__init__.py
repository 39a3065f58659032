"""The shell: builds the window from the features and wires them (session, view, content
keeper, Main.qml); only it imports features."""
