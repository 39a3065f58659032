"""The staff PIN: stored hashed, checked in constant time, wrong tries rate-limited, and
the rate limit kept across restarts (a restart must not give three free tries again)."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.atomic import write_atomic

log = logging.getLogger("kiosk.pin")

ITERATIONS = 200_000
MIN_ITERATIONS = 1_000  # below this the hash is no protection
MAX_ITERATIONS = 2_000_000  # above this one check takes seconds: a stored hash is refused
MIN_DIGITS = 4
MAX_DIGITS = 12
# ASCII digits: what the PIN pad can type
PIN_PATTERN = re.compile(f"[0-9]{{{MIN_DIGITS},{MAX_DIGITS}}}")
_STORED = re.compile(r"pbkdf2_sha256\$([0-9]{1,9})\$((?:[0-9a-f]{2}){8,64})\$([0-9a-f]{64})")
FREE_TRIES = 3
FIRST_LOCKOUT = 30.0  # seconds; doubles with every further wrong PIN
MAX_LOCKOUT = 15 * 60.0
MAX_WRONG = 1000  # a stored count above this is not one the kiosk wrote
LATEST_WALL = 32_503_680_000.0  # the year 3000: a lockout ending later was not ours


def read_lockout(store: Path) -> tuple[int, float] | None:
    """The wrong tries and the lockout's end kept in `store`, or None when there is no file
    or it is not one `_save` wrote: anything else (1e999, NaN, a negative count, a string,
    not JSON) is ignored with a log line, so that a damaged record never stops a start."""
    try:
        text = store.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # ValueError: not UTF-8
        log.warning("PIN lockout: cannot read %s (%s); ignored", store, exc)
        return None
    try:
        saved = json.loads(text)
    except (ValueError, RecursionError):
        saved = None
    wrong = saved.get("wrong") if isinstance(saved, dict) else None
    until = saved.get("locked_until") if isinstance(saved, dict) else None
    if (isinstance(wrong, int) and not isinstance(wrong, bool) and 0 <= wrong <= MAX_WRONG
            and isinstance(until, int | float) and not isinstance(until, bool)
            and 0 <= until < LATEST_WALL):  # NaN and infinities fail the comparison
        return wrong, float(until)
    log.warning("PIN lockout: %s is not a record the kiosk wrote; ignored", store)
    return None


def hash_pin(pin: str, iterations: int = ITERATIONS) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def parse_pin_hash(stored: str) -> tuple[int, bytes, str] | None:
    """Iterations, salt and digest of a stored hash `kiosk set-pin` could have written, with
    bounded parameters; None for anything else."""
    match = _STORED.fullmatch(stored)
    if match is None or not MIN_ITERATIONS <= int(match[1]) <= MAX_ITERATIONS:
        return None
    return int(match[1]), bytes.fromhex(match[2]), match[3]


def verify_pin(pin: str, stored: str) -> bool:
    parsed = parse_pin_hash(stored)
    if parsed is None or not PIN_PATTERN.fullmatch(pin):
        return False
    iterations, salt, digest = parsed
    computed = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return hmac.compare_digest(computed.hex(), digest)


def valid_new_pin(pin: str) -> bool:
    return PIN_PATTERN.fullmatch(pin) is not None


@dataclass
class PinGate:
    """Checks PINs, refusing to check at all while locked out after repeated wrong tries.

    With a `store`, the wrong tries and the lockout's end (wall-clock time) are written there
    after every try and read back at start: restarting the kiosk does not reset them."""

    stored: str
    clock: Callable[[], float] = time.monotonic
    wrong: int = 0
    locked_until: float = 0.0
    store: Path | None = None
    wall: Callable[[], float] = field(default=time.time, repr=False)

    def __post_init__(self) -> None:
        if self.store is None:
            return
        saved = read_lockout(self.store)
        if saved is None:
            return
        wrong, until = saved
        self.wrong = wrong
        remaining = min(MAX_LOCKOUT, max(0.0, until - self.wall()))  # the clock may jump
        self.locked_until = self.clock() + remaining

    @property
    def configured(self) -> bool:
        return bool(self.stored)

    def wait_seconds(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> bool:
        if not self.configured or self.wait_seconds() > 0:
            return False
        if verify_pin(pin, self.stored):
            self.wrong = 0
            self._save()
            return True
        self.wrong += 1
        if self.wrong >= FREE_TRIES:
            lockout = min(MAX_LOCKOUT, FIRST_LOCKOUT * 2 ** min(self.wrong - FREE_TRIES, 20))
            self.locked_until = self.clock() + lockout
        self._save()
        return False

    def _save(self) -> None:
        if self.store is None:
            return
        record = {"wrong": min(self.wrong, MAX_WRONG),
                  "locked_until": self.wall() + self.wait_seconds()}
        try:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.store, json.dumps(record).encode("utf-8"))
        except OSError as exc:  # the lockout still holds in memory
            log.warning("cannot keep the PIN lockout in %s: %s", self.store, exc)
