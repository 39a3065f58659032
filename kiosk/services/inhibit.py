"""Keep the display awake while the kiosk runs, through the platform's own inhibit call."""

from __future__ import annotations

import logging
import sys
from typing import Any

log = logging.getLogger("kiosk.inhibit")

# Windows: SetThreadExecutionState flags
ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002


class DisplayInhibitor:
    """Acquire with `hold()`, let go with `release()` (also safe to call twice)."""

    def __init__(self) -> None:
        self._cookie: int | None = None
        self._interface: Any = None
        self._windows = False

    def hold(self, reason: str = "Exhibition kiosk is showing") -> bool:
        if sys.platform == "win32":
            return self._hold_windows()
        return self._hold_freedesktop(reason)

    def _hold_windows(self) -> bool:
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        ok = bool(kernel.SetThreadExecutionState(
            ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED))
        self._windows = ok
        log.info("display kept awake (SetThreadExecutionState): %s", ok)
        return ok

    def _hold_freedesktop(self, reason: str) -> bool:
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials
            log.info("no D-Bus support: the display is not kept awake by the kiosk")
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("no D-Bus session bus: turn screen blanking off in the system settings")
            return False
        for service, path in (("org.freedesktop.ScreenSaver", "/ScreenSaver"),
                              ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver")):
            interface = QDBusInterface(service, path, "org.freedesktop.ScreenSaver", bus)
            if not interface.isValid():
                continue
            reply = interface.call("Inhibit", "kiosk", reason)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self._cookie = int(reply.arguments()[0])
                self._interface = interface
                log.info("display kept awake (org.freedesktop.ScreenSaver.Inhibit)")
                return True
        log.info("no screen-saver service answered: turn screen blanking off in the system "
                 "settings (see the README's staff section)")
        return False

    def release(self) -> None:
        if self._windows:
            import ctypes

            ctypes.windll.kernel32.SetThreadExecutionState(  # type: ignore[attr-defined,unused-ignore]
                ES_CONTINUOUS)
            self._windows = False
        if self._interface is not None and self._cookie is not None:
            self._interface.call("UnInhibit", self._cookie)
            log.info("display inhibit released")
        self._interface = None
        self._cookie = None
