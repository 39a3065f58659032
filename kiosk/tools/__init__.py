"""Tools that drive the whole kiosk from outside: snapshot, bench. They sit above the
composition root (kiosk.app) and may use every layer below."""
