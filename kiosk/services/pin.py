"""The staff PIN: stored hashed, checked in constant time, wrong tries rate-limited."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

ITERATIONS = 200_000
FREE_TRIES = 3
FIRST_LOCKOUT = 30.0  # seconds; doubles with every further wrong PIN
MAX_LOCKOUT = 15 * 60.0


def hash_pin(pin: str, iterations: int = ITERATIONS) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        computed = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt),
                                       int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(computed.hex(), digest)


def valid_new_pin(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 12


@dataclass
class PinGate:
    """Checks PINs, refusing to check at all while locked out after repeated wrong tries."""

    stored: str
    clock: Callable[[], float] = time.monotonic
    wrong: int = 0
    locked_until: float = 0.0

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
            return True
        self.wrong += 1
        if self.wrong >= FREE_TRIES:
            lockout = min(MAX_LOCKOUT, FIRST_LOCKOUT * 2 ** (self.wrong - FREE_TRIES))
            self.locked_until = self.clock() + lockout
        return False
