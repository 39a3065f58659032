"""Tools that drive the whole kiosk from outside: snapshot, bench. They sit above the
composition root (kiosk.ui.shell.app) and may use every layer below."""
