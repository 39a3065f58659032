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

import psutil
import pytest

from kiosk.services.supervisor import stop_request
from tests.conftest import DATA, ROOT, write_image
from tests.netserver import CountingServer

pytestmark = pytest.mark.e2e


def kiosk_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software",
                "KIOSK_HOME": str(tmp_path / "home"), "KIOSK_HEARTBEAT_TIMEOUT": "3"})
    return env


def log_text(tmp_path: Path) -> str:
    return (tmp_path / "home" / "log" / "kiosk.log").read_text(encoding="utf-8")


def test_first_frame_and_exit(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame"],
                         env=kiosk_env(tmp_path), capture_output=True, text=True, encoding="utf-8", timeout=120,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "starting on" in log_text(tmp_path)


def test_broken_content_never_shows_a_traceback(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "exhibit.yaml").write_text("format: 1\ntitle: [\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame",
                          "--content", str(content)], env=kiosk_env(tmp_path),
                         capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert run.returncode == 0  # the bundled exhibit is shown; staff see the problems
    assert "exhibit.yaml:2:8: error: the [ here is never closed" in log_text(tmp_path)
    assert "Traceback" not in run.stderr + run.stdout
    assert "staff PIN pad opened" not in log_text(tmp_path)  # not in front of visitors: staff ask for it


def ip_sockets(command: list[str], tmp_path: Path) -> list[str]:
    """The IP sockets a command opens, as strace sees them (C++ code included)."""
    trace = tmp_path / "trace"
    run = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket", "-o", str(trace),
                          *command], env=kiosk_env(tmp_path), capture_output=True, text=True, encoding="utf-8",
                         timeout=180, check=False)
    assert run.returncode == 0, run.stderr
    return [line for line in trace.read_text(encoding="utf-8").splitlines()
            if re.search(r"\bAF_INET6?\b", line)]


@pytest.mark.posix
@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace (scripts/install.sh --test)")
def test_opens_no_network_connection(tmp_path: Path) -> None:
    control = ip_sockets([sys.executable, "-c", "import socket; socket.socket()"], tmp_path)
    assert control, "the guard must see an IP socket when one is opened"
    kiosk = ip_sockets([sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame"],
                       tmp_path)
    assert kiosk == []
    validate = ip_sockets([sys.executable, "-m", "kiosk", "validate", str(DATA)], tmp_path)
    assert validate == []


def rich_text_content(tmp_path: Path, server: CountingServer) -> Path:
    """Every text field of the format holding an <img> from the local server."""
    from tests.content.test_hostile import EVERY_TEXT_FIELD

    content = tmp_path / "rich"
    (content / "media").mkdir(parents=True)
    write_image(content / "media" / "a.png", (1280, 720), "PNG")
    text = EVERY_TEXT_FIELD.replace("http://127.0.0.1:8765/", server.url(""))
    text = text.replace("Big</font>", f'<img src="{server.url("font.png")}"></font>')
    (content / "exhibit.yaml").write_text(text, encoding="utf-8")
    return content


def test_rich_text_content_reaches_no_server(tmp_path: Path) -> None:
    """The offline promise with content that asks for the network in every text field: the
    kiosk starts and draws, and `kiosk snapshot` draws every screen (titles, the timeline,
    the event, the photo with its caption and credit); the local server is asked nothing.
    On Linux strace also counts the IP sockets (C++ code included): none."""
    with CountingServer(lifetime=600) as server:
        content = rich_text_content(tmp_path, server)
        assert str(server.port) in (content / "exhibit.yaml").read_text(encoding="utf-8")
        commands = [
            [sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame", "--content",
             str(content)],
            [sys.executable, "-m", "kiosk", "snapshot", str(content), "--out",
             str(tmp_path / "shots"), "--size", "1280x720"],
        ]
        for command in commands:
            if shutil.which("strace") is not None and sys.platform != "win32":
                assert ip_sockets(command, tmp_path) == [], command
            else:
                run = subprocess.run(command, env=kiosk_env(tmp_path), capture_output=True,
                                     text=True, encoding="utf-8", timeout=300, check=False)
                assert run.returncode == 0, run.stderr
        assert sorted(p.name for p in (tmp_path / "shots").glob("*.png")), "nothing was drawn"
        assert server.requests == [] and server.connections == 0
        server.probe()  # the control: what reaches the server is counted
        assert server.connections == 1
    assert "refused a network request" not in log_text(tmp_path)  # plain text asks nothing


class Supervised:
    def __init__(self, tmp_path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--windowed"], env=kiosk_env(tmp_path),
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", cwd=ROOT)

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


def heartbeat_file(pid: int) -> Path:
    """The heartbeat file the supervisor gave this kiosk (--heartbeat FILE)."""
    cmdline = psutil.Process(pid).cmdline()
    return Path(cmdline[cmdline.index("--heartbeat") + 1])


def wait_heartbeat(pid: int, timeout: float = 60) -> None:
    """Until the child has drawn its window (its heartbeat file appears)."""
    beat = heartbeat_file(pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if beat.exists():
            return
        time.sleep(0.2)  # polling another process's file: no signal to wait on
    raise AssertionError("the kiosk never sent a heartbeat")


def wait_gone(pid: int, timeout: float) -> bool:
    try:
        psutil.Process(pid).wait(timeout)
    except psutil.NoSuchProcess:
        pass
    except psutil.TimeoutExpired:
        return False
    return True


def test_supervisor_restarts_a_killed_kiosk(supervised: Supervised) -> None:
    first, _ = supervised.next_child(60)
    wait_heartbeat(first)
    psutil.Process(first).kill()  # SIGKILL; TerminateProcess on Windows
    killed = time.monotonic()
    second, started = supervised.next_child(10)
    assert second != first
    assert started - killed < 3.0


def test_supervisor_restarts_a_frozen_kiosk(supervised: Supervised) -> None:
    first, _ = supervised.next_child(60)
    wait_heartbeat(first)
    psutil.Process(first).suspend()  # SIGSTOP; NtSuspendProcess on Windows
    frozen = time.monotonic()
    second, started = supervised.next_child(20)
    assert second != first
    assert started - frozen < 3 + 3.0  # heartbeat timeout (3 s here), then within 3 s
    assert wait_gone(first, 10)


def test_supervisor_ends_with_the_kiosk_on_staff_exit(tmp_path: Path) -> None:
    running = Supervised(tmp_path)
    child, _ = running.next_child(60)
    wait_heartbeat(child)
    # the kiosk ends by itself with exit code 0, as after a staff exit (the stop file is
    # one way to make it do so from outside, on every platform)
    stop_request(heartbeat_file(child)).touch()
    assert running.process.wait(15) == 0
    assert wait_gone(child, 5)
    running.stop()
    assert "kiosk stopped (exit code 0)" in log_text(tmp_path)


@pytest.mark.posix  # a signal to end a process cleanly exists only there
def test_stopping_the_supervisor_ends_its_kiosk_cleanly(tmp_path: Path) -> None:
    running = Supervised(tmp_path)
    child, _ = running.next_child(60)
    wait_heartbeat(child)
    os.kill(running.process.pid, signal.SIGTERM)  # a system shutdown, systemctl stop
    assert running.process.wait(15) == 0
    assert wait_gone(child, 5)
    running.stop()
    assert "kiosk stopped (exit code 0)" in log_text(tmp_path)


def test_no_kiosk_outlives_a_killed_supervisor(tmp_path: Path) -> None:
    """Task Manager's End task, Task Scheduler's End, kill -9: the supervisor gets no say,
    and its kiosk must not stay on screen without one."""
    running = Supervised(tmp_path)
    child, _ = running.next_child(60)
    wait_heartbeat(child)
    psutil.Process(running.process.pid).kill()
    running.process.wait(15)
    assert wait_gone(child, 10), "the kiosk kept running after its supervisor was killed"
    running.stop()


def test_a_kiosk_whose_supervisor_is_killed_before_its_first_heartbeat_ends(
        tmp_path: Path) -> None:
    """Killed while the kiosk still loads: its parent becomes pid 1 (or a subreaper) before
    the kiosk ever looked, so only the identity the supervisor passed can tell."""
    running = Supervised(tmp_path)
    child, _ = running.next_child(60)
    psutil.Process(running.process.pid).kill()  # at once: no heartbeat yet
    running.process.wait(15)
    assert not heartbeat_file(child).exists()  # the kiosk had not beaten yet
    assert wait_gone(child, 60), "the kiosk kept running after its supervisor was killed"
    running.stop()


def test_a_second_supervisor_starts_no_second_kiosk(tmp_path: Path) -> None:
    running = Supervised(tmp_path)
    try:
        child, _ = running.next_child(60)
        wait_heartbeat(child)
        second = subprocess.run([sys.executable, "-m", "kiosk", "run", "--windowed"],
                                env=kiosk_env(tmp_path), capture_output=True, text=True,
                                encoding="utf-8", timeout=60, check=False)
        assert second.returncode == 75  # exits.ALREADY_RUNNING
        assert "started kiosk" not in second.stdout
        assert (f"a kiosk is already running here (supervisor pid {running.process.pid})"
                in second.stdout)
        alone = subprocess.run([sys.executable, "-m", "kiosk", "run", "--no-supervisor",
                                "--windowed"], env=kiosk_env(tmp_path), capture_output=True,
                               text=True, encoding="utf-8", timeout=60, check=False)
        assert alone.returncode == 75
        assert f"another kiosk is already running here (pid {child})" in alone.stderr
        assert "Traceback" not in second.stderr + alone.stderr
        assert psutil.Process(child).is_running()  # the first kiosk goes on
    finally:
        running.stop()


def test_a_new_supervisor_waits_for_the_kiosk_a_killed_one_left(tmp_path: Path) -> None:
    first = Supervised(tmp_path)
    orphan, _ = first.next_child(60)
    wait_heartbeat(orphan)
    psutil.Process(orphan).suspend()  # the orphan cannot end by itself: it must be ended
    psutil.Process(first.process.pid).kill()
    first.process.wait(15)
    second = Supervised(tmp_path)
    try:
        child, _ = second.next_child(60)
        assert not psutil.pid_exists(orphan) or \
            psutil.Process(orphan).status() == psutil.STATUS_ZOMBIE  # never two kiosks
        wait_heartbeat(child)
    finally:
        second.stop()
        first.stop()
        if psutil.pid_exists(orphan):
            psutil.Process(orphan).kill()


@pytest.mark.posix  # FIFOs and POSIX modes
def test_hostile_content_and_a_broken_log_folder_still_give_a_kiosk(tmp_path: Path) -> None:
    """A link loop and a FIFO in the folder, a log folder that cannot be made, a garbage
    kiosk.toml: the kiosk shows the bundled exhibit, logs somewhere, and tells staff."""
    content = tmp_path / "content"
    content.mkdir()
    os.mkfifo(content / "exhibit.yaml")
    (content / "loop").symlink_to(content / "loop")
    env = kiosk_env(tmp_path)
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "log").write_text("a file where the log folder should be",
                                           encoding="utf-8")
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    (tmp_path / "home" / "kiosk.toml").write_text("idle_timeout = 1e12\nscreen = [\n",
                                                  encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame",
                          "--content", str(content)], env=env, capture_output=True, text=True,
                         encoding="utf-8", timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    user = next((tmp_path / "tmp").glob("kiosk-log-*"))
    log = (user / "kiosk.log").read_text(encoding="utf-8")
    assert "cannot log to" in log
    assert "exhibit.yaml is a pipe (FIFO), not a file" in log
    assert "showing the bundled exhibit" in log
    assert "settings: " in log and "'idle_timeout' must be between 10 and 3600" in log
