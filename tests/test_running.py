"""The real program as staff run it: first frame, supervision, offline, no tracebacks."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.slow


def kiosk_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software",
                "XDG_CONFIG_HOME": str(tmp_path / "config"),
                "XDG_STATE_HOME": str(tmp_path / "state"),
                "KIOSK_HEARTBEAT_TIMEOUT": "3"})
    return env


def test_first_frame_and_exit(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame"],
                         env=kiosk_env(tmp_path), capture_output=True, text=True, timeout=120,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    log = (tmp_path / "state" / "kiosk" / "log" / "kiosk.log").read_text()
    assert "starting on" in log


def test_broken_content_never_shows_a_traceback(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "exhibit.yaml").write_text("format: 1\ntitle: [\n")
    run = subprocess.run([sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame",
                          "--content", str(content)], env=kiosk_env(tmp_path),
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0  # the bundled exhibit is shown; staff see the problems
    log = (tmp_path / "state" / "kiosk" / "log" / "kiosk.log").read_text()
    assert "exhibit.yaml:2:8: error: the [ here is never closed" in log
    assert "Traceback" not in run.stderr + run.stdout
    assert "staff PIN pad opened" not in log  # not in front of visitors: staff ask for it


def ip_sockets(command: list[str], tmp_path: Path) -> list[str]:
    """The IP sockets a command opens, as strace sees them (C++ code included)."""
    trace = tmp_path / "trace"
    run = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket", "-o", str(trace),
                          *command], env=kiosk_env(tmp_path), capture_output=True, text=True,
                         timeout=180, check=False)
    assert run.returncode == 0, run.stderr
    return [line for line in trace.read_text().splitlines()
            if re.search(r"\bAF_INET6?\b", line)]


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace (scripts/install.sh --test)")
def test_opens_no_network_connection(tmp_path: Path) -> None:
    control = ip_sockets([sys.executable, "-c", "import socket; socket.socket()"], tmp_path)
    assert control, "the guard must see an IP socket when one is opened"
    kiosk = ip_sockets([sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame"],
                       tmp_path)
    assert kiosk == []
    validate = ip_sockets([sys.executable, "-m", "kiosk", "validate", str(DATA)], tmp_path)
    assert validate == []


class Supervised:
    def __init__(self, tmp_path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--windowed"], env=kiosk_env(tmp_path),
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        code = self.process.wait(15)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return code

    def next_child(self, timeout: float) -> tuple[int, float]:
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            match = re.search(r"started kiosk pid (\d+)", line)
            if match:
                return int(match.group(1)), time.monotonic()
        raise AssertionError("no kiosk was started in time")


@pytest.fixture
def supervised(tmp_path: Path) -> Iterator[Supervised]:
    running = Supervised(tmp_path)
    yield running
    running.stop()


def wait_heartbeat(pid: int, timeout: float = 60) -> None:
    """Until the child has drawn its window (its heartbeat file appears)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        beat = Path(cmdline[cmdline.index(b"--heartbeat") + 1].decode())
        if beat.exists():
            return
        time.sleep(0.2)
    raise AssertionError("the kiosk never sent a heartbeat")


def test_supervisor_restarts_a_killed_kiosk(supervised: Supervised) -> None:
    first, _ = supervised.next_child(60)
    wait_heartbeat(first)
    os.kill(first, signal.SIGKILL)
    killed = time.monotonic()
    second, started = supervised.next_child(10)
    assert second != first
    assert started - killed < 3.0


def test_supervisor_restarts_a_frozen_kiosk(supervised: Supervised) -> None:
    first, _ = supervised.next_child(60)
    wait_heartbeat(first)
    os.kill(first, signal.SIGSTOP)
    frozen = time.monotonic()
    second, started = supervised.next_child(20)
    assert second != first
    assert started - frozen < 3 + 3.0  # heartbeat timeout (3 s here), then within 3 s


def test_supervisor_ends_with_the_kiosk_on_staff_exit(tmp_path: Path) -> None:
    running = Supervised(tmp_path)
    child, _ = running.next_child(60)
    wait_heartbeat(child)
    os.kill(child, signal.SIGTERM)  # a clean stop of the kiosk, as after a staff exit
    assert running.process.wait(15) == 0
    running.stop()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and POSIX modes")
def test_hostile_content_and_a_broken_log_folder_still_give_a_kiosk(tmp_path: Path) -> None:
    """A link loop and a FIFO in the folder, a log folder that cannot be made, a garbage
    kiosk.toml: the kiosk shows the bundled exhibit, logs somewhere, and tells staff."""
    content = tmp_path / "content"
    content.mkdir()
    os.mkfifo(content / "exhibit.yaml")
    (content / "loop").symlink_to(content / "loop")
    env = kiosk_env(tmp_path)
    (tmp_path / "state").write_text("a file where the log folder should be", encoding="utf-8")
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    (tmp_path / "config" / "kiosk").mkdir(parents=True)
    (tmp_path / "config" / "kiosk" / "kiosk.toml").write_text(
        "idle_timeout = 1e12\nscreen = [\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame",
                          "--content", str(content)], env=env, capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    user = next((tmp_path / "tmp").glob("kiosk-log-*"))
    log = (user / "kiosk.log").read_text(encoding="utf-8")
    assert "cannot log to" in log
    assert "exhibit.yaml is a pipe (FIFO), not a file" in log
    assert "showing the bundled exhibit" in log
    assert "settings: " in log and "'idle_timeout' must be between 10 and 3600" in log
