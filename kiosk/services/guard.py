"""The one guard for Python code that Qt calls: event filters, slots, timers, signal handlers.

An exception raised there has no Python caller to go to: Qt's binding prints it and hands it
to sys.excepthook, which ends the kiosk (kiosk.services.logs). A visitor's tap that hits a
bug must not restart the kiosk in front of them, so every Qt callback of the kiosk is
`@guarded`: the traceback goes to the log, the callback answers its default (an event
filter: "not handled"), and the kiosk carries on.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

log = logging.getLogger("kiosk.guard")


def guarded(what: str, default: R) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Wrap a Qt callback: an exception in it is logged with its traceback (naming `what`)
    and the callback returns `default`. Put it under @Slot, which must see the result."""

    def wrap(callback: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(callback)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return callback(*args, **kwargs)
            except Exception:
                log.exception("%s failed; the kiosk carries on", what)
                return default

        return call

    return wrap
