"""Where Chinese words end, from ICU's dictionary-based word breaking (Unicode licence, like
MIT), for headings that break only between words ("以志愿服务促进和平/与发展", never
"...和/平与发展").

Qt draws lines with its own UAX #14 breaker, which may break between any two ideographs, and
its boundary finder has no dictionary. ICU has one (the CJ dictionary in its data), and the
kiosk already carries ICU: Qt on Linux links it (PySide6 ships libicuuc), and Windows 10 and
later has it as icu.dll. Nothing is downloaded and no package is added: this module finds the
library the process has, through ctypes, and answers None where there is none (then the
typesetting rules fall back to their own, as before).
"""

from __future__ import annotations

import ctypes
import logging
import sys
import threading
from collections.abc import Callable
from functools import lru_cache

log = logging.getLogger("kiosk.words")

UBRK_WORD = 1
UBRK_DONE = -1
_VERSIONS = range(90, 49, -1)  # ICU's major versions suffix its C symbols on Linux

Boundaries = Callable[[str], list[int] | None]


class _Icu:
    """The three C functions of ICU's break iterator this module uses."""

    def __init__(self, library: ctypes.CDLL, suffix: str) -> None:
        self.open = getattr(library, f"ubrk_open{suffix}")
        self.open.restype = ctypes.c_void_p
        self.open.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int32,
                              ctypes.POINTER(ctypes.c_int)]
        self.next = getattr(library, f"ubrk_next{suffix}")
        self.next.restype = ctypes.c_int32
        self.next.argtypes = [ctypes.c_void_p]
        self.close = getattr(library, f"ubrk_close{suffix}")
        self.close.restype = None
        self.close.argtypes = [ctypes.c_void_p]
        self.lock = threading.Lock()  # one call at a time: simple, and each call is short


def _candidates() -> list[tuple[str, str]]:
    """(library, symbol suffix) to try, most likely first."""
    if sys.platform == "win32":
        return [("icu.dll", ""), ("icuuc.dll", "")]
    if sys.platform == "darwin":
        return [("libicucore.dylib", "")]
    return [(f"libicuuc.so.{v}", f"_{v}") for v in _VERSIONS]


@lru_cache(maxsize=1)
def _icu() -> _Icu | None:
    for name, suffix in _candidates():
        try:
            return _Icu(ctypes.CDLL(name), suffix)
        except (OSError, AttributeError):
            continue
    log.info("no ICU library found: Chinese headings break by the typesetting rules alone")
    return None


def available() -> bool:
    return _icu() is not None


@lru_cache(maxsize=4096)
def word_boundaries(text: str) -> list[int] | None:
    """The offsets (in characters, 0 < offset < len) where ICU ends a word in `text`, read as
    Chinese; None when no ICU is at hand or it fails."""
    icu = _icu()
    if icu is None or not text:
        return None if icu is None else []
    # ICU counts UTF-16 units: map them back to Python's characters
    units: list[int] = []
    for index, char in enumerate(text):
        units += [index] * (2 if ord(char) > 0xFFFF else 1)
    units.append(len(text))
    data = text.encode("utf-16-le")
    buffer = ctypes.create_string_buffer(data, len(data) + 2)
    error = ctypes.c_int(0)
    found: list[int] = []
    with icu.lock:
        iterator = icu.open(UBRK_WORD, b"zh", buffer, len(data) // 2, ctypes.byref(error))
        if error.value > 0 or not iterator:
            return None
        try:
            position = icu.next(iterator)
            while position != UBRK_DONE:
                if 0 < position < len(units) - 1:
                    found.append(units[position])
                position = icu.next(iterator)
        finally:
            icu.close(iterator)
    return found
