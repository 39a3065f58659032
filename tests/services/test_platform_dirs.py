"""Where settings and the log go on each system when nothing redirects them, as the README's
table says; and KIOSK_HOME, which redirects both on every system."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.services.memory import process_mb
from kiosk.services.paths import user_config_dir, user_log_dir


def test_kiosk_home_holds_settings_and_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path))
    assert user_config_dir() == tmp_path
    assert user_log_dir() == tmp_path / "log"


@pytest.mark.posix
def test_linux_folders_follow_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert user_config_dir() == tmp_path / "config" / "kiosk"
    assert user_log_dir() == tmp_path / "state" / "kiosk" / "log"


@pytest.mark.windows
def test_windows_folders_are_in_local_app_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_HOME")
    local = Path(os.environ["LOCALAPPDATA"])
    assert user_config_dir() == local / "kiosk"
    assert user_log_dir() == local / "kiosk" / "Logs"


def test_memory_of_a_process_and_its_children() -> None:
    own = process_mb(os.getpid())
    assert own > 5  # a Python process with pytest loaded, on any system
    child = subprocess.Popen([sys.executable, "-c",
                              "import time; b = b'x' * 50_000_000; time.sleep(120)"])
    try:
        deadline = time.monotonic() + 60  # a process starts slowly under Wine
        while process_mb(os.getpid(), children=True) < own + 40:
            assert time.monotonic() < deadline, "the child's 50 MB were not counted"
            time.sleep(0.05)  # polling another process: no signal to wait on
    finally:
        child.kill()
        child.wait()
