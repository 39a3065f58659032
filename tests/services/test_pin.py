"""The PIN lockout's record is read back at every start: whatever is in it, the kiosk starts."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.services.pin import FIRST_LOCKOUT, FREE_TRIES, MAX_LOCKOUT, PinGate, hash_pin

STORED = hash_pin("2468", iterations=1000)


@pytest.mark.parametrize("text", [
    '{"wrong": 1e999, "locked_until": 1e999}',  # OverflowError in int(): every start crashed
    '{"wrong": 3, "locked_until": 1e999}',
    '{"wrong": 3, "locked_until": NaN}',
    '{"wrong": 3, "locked_until": -Infinity}',
    '{"wrong": -4, "locked_until": 0}',
    '{"wrong": 100000000000000000000, "locked_until": 0}',
    '{"wrong": 3, "locked_until": 1e300}',
    '{"wrong": "3", "locked_until": "soon"}',
    '{"wrong": true, "locked_until": 0}',
    '[1, 2]',
    '"pin"',
    '{not json',
    '[' * 100_000,  # RecursionError in the parser
    '',
])
def test_a_lockout_record_the_kiosk_did_not_write_is_ignored_with_a_log_line(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str) -> None:
    store = tmp_path / "pin-lockout.json"
    store.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kiosk.pin"):
        gate = PinGate(STORED, store=store)
    assert gate.wait_seconds() == 0 and gate.wrong == 0
    assert gate.attempt("2468")  # staff get in with the right PIN
    assert any("is not a record the kiosk wrote; ignored" in r.getMessage()
               for r in caplog.records)


def test_a_record_in_another_encoding_is_ignored(tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    store = tmp_path / "pin-lockout.json"
    store.write_bytes(b'{"wrong": 3, "locked_until": 0}\xff\xfe')
    with caplog.at_level(logging.WARNING, logger="kiosk.pin"):
        assert PinGate(STORED, store=store).wait_seconds() == 0
    assert any("cannot read" in r.getMessage() for r in caplog.records)


def test_a_record_the_kiosk_wrote_still_locks_after_a_restart(tmp_path: Path) -> None:
    store = tmp_path / "pin-lockout.json"
    now = [1_800_000_000.0]
    gate = PinGate(STORED, clock=lambda: now[0], store=store, wall=lambda: now[0])
    for _ in range(FREE_TRIES):
        gate.attempt("1111")
    assert PinGate(STORED, clock=lambda: 0.0, store=store,
                   wall=lambda: now[0]).wait_seconds() == FIRST_LOCKOUT
    # the wall clock stepped back a year: the lockout is still no longer than its longest
    assert PinGate(STORED, clock=lambda: 0.0, store=store,
                   wall=lambda: now[0] - 365 * 86400).wait_seconds() == MAX_LOCKOUT


def test_the_count_written_stays_one_the_kiosk_reads_back(tmp_path: Path) -> None:
    store = tmp_path / "pin-lockout.json"
    now = [0.0]
    gate = PinGate(STORED, clock=lambda: now[0], store=store, wall=lambda: 1e9 + now[0])
    gate.wrong = 5000
    now[0] += 1e6
    gate.attempt("1111")
    assert PinGate(STORED, clock=lambda: 0.0, store=store, wall=lambda: 1e9).wrong == 1000
