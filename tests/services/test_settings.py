from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kiosk.core import limits as L
from kiosk.services.pin import (
    FIRST_LOCKOUT,
    FREE_TRIES,
    PinGate,
    hash_pin,
    valid_new_pin,
    verify_pin,
)
from kiosk.services.settings import Settings, load_settings, write_pin_hash


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "kiosk.toml")
    assert settings == Settings()
    assert settings.problems == ()


def test_good_settings(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('screen = 1\nidle_timeout = 120\ndefault_language = "zh"\n'
                    'log_level = "debug"\nreduced_motion = true\n', encoding="utf-8")
    settings = load_settings(path)
    assert (settings.screen, settings.idle_timeout, settings.default_language,
            settings.log_level, settings.reduced_motion) == (1, 120, "zh", "debug", True)
    assert settings.problems == ()


def test_bad_settings_give_messages_and_safe_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('screen = "two"\nidle_timeout = 3\nlog_level = "loud"\npin = "1234"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.screen is None and settings.idle_timeout is None
    assert settings.log_level == "info"
    assert len(settings.problems) == 4
    assert any("unknown setting 'pin'" in p for p in settings.problems)


def test_malformed_toml_never_crashes(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b"screen = [\n\xff")
    settings = load_settings(path)
    assert settings.screen is None
    assert "is not valid TOML" in settings.problems[0]


def test_pin_is_stored_hashed(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("screen = 0\n", encoding="utf-8")
    write_pin_hash(path, hash_pin("2468", iterations=1000))
    text = path.read_text(encoding="utf-8")
    assert "2468" not in text and "screen = 0" in text
    stored = load_settings(path).pin_hash
    assert verify_pin("2468", stored) and not verify_pin("2469", stored)
    assert not verify_pin("2468", "garbage")
    assert valid_new_pin("2468") and not valid_new_pin("12") and not valid_new_pin("abcd")


def test_a_damaged_file_keeps_the_pin(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    stored = hash_pin("2468", iterations=1000)
    path.write_text(f'pin_hash = "{stored}"\nscreen = [1,\nidle_timeout = 120\n\x00garbage\n',
                    encoding="utf-8")
    settings = load_settings(path)
    assert settings.pin_hash == stored
    assert settings.idle_timeout == 120
    assert len(settings.problems) == 1
    assert "lines 2, 4 ignored, the other settings are used" in settings.problems[0]


@pytest.mark.parametrize("value", ["inf", "nan", "1e12", "2200000", "-inf", "9"])
def test_idle_timeout_obeys_the_content_limits(tmp_path: Path, value: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"idle_timeout = {value}\n", encoding="utf-8")
    settings = load_settings(path)
    assert settings.idle_timeout is None
    assert settings.problems == (f"{path}: 'idle_timeout' must be between 10 and "
                                 f"{L.MAX_IDLE_SECONDS:g} seconds, not {float(value):g}",)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_settings_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    write_pin_hash(path, hash_pin("2468", iterations=1000))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)  # written by hand, or by an older kiosk
    assert load_settings(path).problems == ()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("stored", [
    "pbkdf2_sha256$99999999999$00112233445566778899aabbccddeeff$" + "0" * 64,  # hours a check
    "pbkdf2_sha256$10$00112233445566778899aabbccddeeff$" + "0" * 64,  # no protection
    "pbkdf2_sha256$1000$zz$" + "0" * 64,
    "md5$1000$00$00",
])
def test_a_stored_hash_outside_the_bounds_is_refused(tmp_path: Path, stored: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'pin_hash = "{stored}"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.pin_hash == ""
    assert "pin_hash is not one that `kiosk set-pin` writes" in settings.problems[0]
    assert not verify_pin("1234", stored)


def test_only_ascii_digits_make_a_pin() -> None:
    assert not valid_new_pin("١٢٣٤")  # Arabic-Indic digits: str.isdigit() says yes
    assert not valid_new_pin("１２３４")  # full-width
    stored = hash_pin("1234", iterations=1000)
    assert not verify_pin("١٢٣٤", stored)


def test_the_lockout_survives_a_restart(tmp_path: Path) -> None:
    store = tmp_path / "pin-lockout.json"
    stored = hash_pin("2468", iterations=1000)
    now = [1000.0]
    gate = PinGate(stored, clock=lambda: now[0], store=store, wall=lambda: now[0])
    for _ in range(FREE_TRIES):
        assert not gate.attempt("1111")
    assert gate.wait_seconds() == FIRST_LOCKOUT
    restarted = PinGate(stored, clock=lambda: 5.0, store=store, wall=lambda: now[0] + 10)
    assert restarted.wait_seconds() == FIRST_LOCKOUT - 10
    assert not restarted.attempt("2468")  # locked: not even the right PIN is checked
    later = PinGate(stored, clock=lambda: 5.0, store=store, wall=lambda: now[0] + 60)
    assert later.wait_seconds() == 0
    assert not later.attempt("1111")  # no free tries after a restart
    assert later.wait_seconds() == 2 * FIRST_LOCKOUT
    store.write_text("{not json", encoding="utf-8")
    assert PinGate(stored, store=store).wait_seconds() == 0  # a damaged record: no crash


def test_statistics_settings(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('statistics = false\nkiosk_name = "Hall B"\nstatistics_days = 90\n'
                    'statistics_export = "E:/reports"\n', encoding="utf-8")
    settings = load_settings(path)
    assert (settings.statistics, settings.kiosk_name, settings.statistics_days,
            settings.statistics_export) == (False, "Hall B", 90, "E:/reports")
    path.write_text("statistics_days = 0\nstatistics = 1\n", encoding="utf-8")
    settings = load_settings(path)
    assert (settings.statistics, settings.statistics_days) == (True, 365)  # the defaults
    assert len(settings.problems) == 2
