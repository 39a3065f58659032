"""Services the UI uses, below it: settings, logs, PIN, display inhibit, memory, watcher,
supervisor, paths and platform facts. Nothing here imports the UI."""
