"""`kiosk run --windowed` opens a window that fits the screen it opens on (issue 24, point 9):
a 1920x1080 window on a 1366x768 laptop showed its title and none of its buttons."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize

from kiosk.ui.shell.app import fit_window
from tests.conftest import window_geometry


@pytest.mark.parametrize(("screen", "wanted"), [
    (QRect(0, 0, 1366, 768), QSize(1920, 1080)),
    (QRect(1920, 0, 1366, 728), QSize(1920, 1080)),  # a second screen, with a task bar
    (QRect(0, 0, 1080, 1920), QSize(1920, 1080)),
    (QRect(0, 0, 3840, 2160), QSize(1920, 1080)),
])
def test_a_window_fits_within_the_screen_it_opens_on_with_its_shape(screen: QRect,
                                                                    wanted: QSize) -> None:
    window = fit_window(wanted, screen)
    assert screen.contains(window)
    assert window.width() <= wanted.width() and window.height() <= wanted.height()
    assert abs(window.width() / window.height() - wanted.width() / wanted.height()) < 0.01
    if screen.width() >= wanted.width() + 48 and screen.height() >= wanted.height() + 48:
        assert window.size() == wanted  # a screen with room gets the size asked for


@pytest.mark.e2e
@pytest.mark.posix
@pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
                    reason="needs Xvfb and xdotool (scripts/install.sh --test)")
def test_windowed_run_on_a_1366x768_screen_opens_within_it(tmp_path: Path) -> None:
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0",
                               "1366x768x24"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    assert server.stdout is not None
    display = f":{server.stdout.readline().strip()}"
    server.stdout.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
    env.update(DISPLAY=display, KIOSK_HOME=str(tmp_path / "home"))
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--windowed",
                              "--no-supervisor"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, encoding="utf-8")
    geometry: dict[str, int] = {}
    deadline = time.monotonic() + 90
    try:
        while not geometry and time.monotonic() < deadline and kiosk.poll() is None:
            time.sleep(0.5)  # polling the X server until the window is there
            geometry = window_geometry(kiosk.pid, env)
    finally:
        kiosk.terminate()
        _, errors = kiosk.communicate(timeout=30)
        server.terminate()
        server.wait(10)
    assert geometry, errors
    left, top = geometry["Absolute upper-left X"], geometry["Absolute upper-left Y"]
    assert left >= 0 and top >= 0, geometry
    assert left + geometry["Width"] <= 1366 and top + geometry["Height"] <= 768, geometry
    assert geometry["Width"] >= 1200  # as large as the screen allows, not a postage stamp
    assert "Traceback" not in errors
