from __future__ import annotations

from pathlib import Path

from kiosk.services.pin import hash_pin, valid_new_pin, verify_pin
from kiosk.services.settings import Settings, load_settings, write_pin_hash


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "kiosk.toml")
    assert settings == Settings()
    assert settings.problems == ()


def test_good_settings(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('screen = 1\nidle_timeout = 120\ndefault_language = "zh"\n'
                    'log_level = "debug"\nreduced_motion = true\n')
    settings = load_settings(path)
    assert (settings.screen, settings.idle_timeout, settings.default_language,
            settings.log_level, settings.reduced_motion) == (1, 120, "zh", "debug", True)
    assert settings.problems == ()


def test_bad_settings_give_messages_and_safe_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('screen = "two"\nidle_timeout = 3\nlog_level = "loud"\npin = "1234"\n')
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
    assert "cannot be read" in settings.problems[0]


def test_pin_is_stored_hashed(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("screen = 0\n")
    write_pin_hash(path, hash_pin("2468", iterations=1000))
    text = path.read_text()
    assert "2468" not in text and "screen = 0" in text
    stored = load_settings(path).pin_hash
    assert verify_pin("2468", stored) and not verify_pin("2469", stored)
    assert not verify_pin("2468", "garbage")
    assert valid_new_pin("2468") and not valid_new_pin("12") and not valid_new_pin("abcd")
