"""Kiosk mode covers exactly the screen, whatever its size, on a bare X server with no window
manager (as many Linux kiosks start with xinit), where no one honours a full-screen request."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import window_geometry

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.posix,  # X11; on Windows the system itself makes a window full screen
    pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
                       reason="needs Xvfb and xdotool (scripts/install.sh --test)"),
]


@pytest.fixture
def bare_x(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh X server of the requested size with no window manager; yields its DISPLAY."""
    width, height = request.param
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0",
                               f"{width}x{height}x24"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    assert server.stdout is not None
    display = f":{server.stdout.readline().strip()}"
    server.stdout.close()
    yield display
    server.terminate()
    server.wait(10)


@pytest.mark.parametrize("bare_x", [(1366, 768), (1920, 1080), (1080, 1920)], indirect=True,
                         ids=["1366x768", "1920x1080", "1080x1920"])
def test_kiosk_mode_covers_the_whole_screen_without_a_window_manager(
        bare_x: str, tmp_path: Path) -> None:
    width, height = (int(n) for n in re.findall(r"\d+", subprocess.run(
        ["xdpyinfo", "-display", bare_x], capture_output=True, text=True, encoding="utf-8",
        check=True).stdout.split("dimensions:")[1].split("pixels")[0]))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
    env.update(DISPLAY=bare_x, KIOSK_HOME=str(tmp_path / "home"))
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--no-supervisor"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8")
    wanted = {"Absolute upper-left X": 0, "Absolute upper-left Y": 0, "Width": width,
              "Height": height}
    geometry: dict[str, int] = {}
    deadline = time.monotonic() + 90
    try:
        while geometry != wanted and time.monotonic() < deadline and kiosk.poll() is None:
            time.sleep(0.5)  # xdotool fails now and then while Qt makes and drops windows
            geometry = window_geometry(kiosk.pid, env)
    finally:
        kiosk.terminate()
        _, errors = kiosk.communicate(timeout=30)
    assert geometry == wanted, errors
    assert "Traceback" not in errors
