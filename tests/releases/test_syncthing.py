"""End to end with the real engine: two Syncthing instances on 127.0.0.1 only (an editor's
Send Only outbox, a kiosk's Receive Only inbox), two releases published, the second with a
large file sent slowly: the follower never takes the half-arrived release 2, and takes it
once it is complete.

Nothing leaves the loopback interface: each instance has its own home, configuration and
API key, written completely before its first start (listen and GUI on 127.0.0.1, global and
local discovery, relays, NAT/STUN, usage and crash reports, upgrades all off, the peer at an
explicit address), and `ss` is asked while they run that every socket they hold is on
127.0.0.1. Skipped with the reason when the `syncthing` program is not installed (Debian:
apt-get install syncthing)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.releases.inbox import Follower, InboxView
from kiosk.releases.manifest import CONTENT
from kiosk.releases.publish import publish
from kiosk.releases.store import ReleaseStore

SYNCTHING = shutil.which("syncthing")
pytestmark = [
    pytest.mark.syncthing,
    pytest.mark.e2e,
    pytest.mark.skipif(SYNCTHING is None, reason="the syncthing program is not installed "
                       "(Debian: apt-get install syncthing; scripts/install.sh --test)"),
]
FOLDER_ID = "exhibit-releases"
LOOPBACK = "127.0.0.1"
START_SECONDS = 60  # every wait is bounded
TRANSFER_SECONDS = 120
BIG_BYTES = 24 * 1024 * 1024  # sent at SEND_KIBPS: about 8 s, long enough to be seen half
SEND_KIBPS = 3000
# no proxy, whatever the environment says: the API is on 127.0.0.1
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


@dataclass
class Instance:
    name: str
    home: Path
    device_id: str
    gui_port: int
    listen_port: int
    api_key: str
    process: subprocess.Popen[bytes] | None = None

    def api(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(f"http://{LOOPBACK}:{self.gui_port}{path}",
                                         method=method, headers={"X-API-Key": self.api_key})
        with _OPENER.open(request, timeout=10) as answer:
            body = answer.read()
        return json.loads(body) if body.strip() else None

    def log(self) -> str:
        path = self.home / "syncthing.log"
        return path.read_text(encoding="utf-8", errors="replace")[-4000:] if path.exists() \
            else ""


def environment(base: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(STNOUPGRADE="1", STNODEFAULTFOLDER="1", STNORESTART="1", HOME=str(base),
               XDG_CONFIG_HOME=str(base / "xdg"), XDG_DATA_HOME=str(base / "xdg"))
    return env


def generate(base: Path, name: str) -> Instance:
    home = base / name
    subprocess.run([SYNCTHING or "syncthing", "generate", f"--home={home}",
                    "--no-default-folder", "--skip-port-probing"], env=environment(base),
                   check=True, capture_output=True, timeout=START_SECONDS)
    root = ET.parse(home / "config.xml").getroot()
    device = root.find("device")
    assert device is not None
    return Instance(name, home, device.attrib["id"], free_port(), free_port(),
                    secrets.token_hex(16))


def _set(parent: ET.Element, tag: str, value: str) -> None:
    found = parent.findall(tag)
    for extra in found[1:]:
        parent.remove(extra)
    element = found[0] if found else ET.SubElement(parent, tag)
    element.text = value


def configure(me: Instance, peer: Instance, folder: Path, kind: str,
              send_kibps: int = 0) -> None:
    """Write the whole configuration before the first start: loopback only."""
    path = me.home / "config.xml"
    tree = ET.parse(path)
    root = tree.getroot()
    options = root.find("options")
    gui = root.find("gui")
    defaults = root.find("defaults")
    own = root.find("device")
    assert options is not None and gui is not None and defaults is not None and own is not None
    for tag, value in {
        "listenAddress": f"tcp://{LOOPBACK}:{me.listen_port}",
        "globalAnnounceEnabled": "false", "localAnnounceEnabled": "false",
        "relaysEnabled": "false", "natEnabled": "false", "urAccepted": "-1", "urSeen": "3",
        "autoUpgradeIntervalH": "0", "crashReportingEnabled": "false",
        "startBrowser": "false", "announceLANAddresses": "false",
        "stunKeepaliveStartS": "0", "stunKeepaliveMinS": "0",
        "limitBandwidthInLan": "true",  # 127.0.0.1 is the LAN: the limit must count there
        "maxSendKbps": str(send_kibps), "reconnectionIntervalS": "2",
        "setLowPriority": "false", "progressUpdateIntervalS": "1",
    }.items():
        _set(options, tag, value)
    gui.attrib.update(enabled="true", tls="false")
    _set(gui, "address", f"{LOOPBACK}:{me.gui_port}")
    _set(gui, "apikey", me.api_key)
    _set(own, "address", f"tcp://{LOOPBACK}:{me.listen_port}")
    template = defaults.find("device")
    folder_template = defaults.find("folder")
    assert template is not None and folder_template is not None
    other = ET.fromstring(ET.tostring(template))
    other.attrib.update(id=peer.device_id, name=peer.name)
    _set(other, "address", f"tcp://{LOOPBACK}:{peer.listen_port}")
    root.insert(list(root).index(own) + 1, other)
    share = ET.fromstring(ET.tostring(folder_template))
    share.attrib.update(id=FOLDER_ID, label="Exhibit releases", path=str(folder), type=kind,
                        rescanIntervalS="2", fsWatcherEnabled="true", fsWatcherDelayS="1")
    _set(share, "order", "smallestFirst")  # the manifest arrives before the large file
    shared_with = ET.SubElement(share, "device", id=peer.device_id, introducedBy="")
    ET.SubElement(shared_with, "encryptionPassword")
    root.insert(list(root).index(own), share)
    tree.write(path, encoding="utf-8", xml_declaration=False)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".stfolder").mkdir(exist_ok=True)


def wait_for(what: str, condition: Callable[[], bool], seconds: float,
             instances: list[Instance]) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for instance in instances:
            if instance.process is not None and instance.process.poll() is not None:
                pytest.fail(f"syncthing {instance.name} ended: {instance.log()}")
        try:
            if condition():
                return
        except OSError:
            pass  # the API is not up yet
        time.sleep(0.1)  # polling other processes: no signal to wait on
    logs = "\n".join(f"--- {i.name}:\n{i.log()}" for i in instances)
    pytest.fail(f"waited {seconds} s for {what}\n{logs}")


def sockets_of(pids: list[int]) -> list[tuple[str, str, str, str]]:
    """(protocol, state, local, peer) of every TCP and UDP socket the processes hold (and
    their children: `syncthing serve` runs the engine in a child process): from `ss`
    where it is installed, else from psutil."""
    import psutil

    pids = [*pids, *(child.pid for pid in pids
                     for child in psutil.Process(pid).children(recursive=True))]
    if shutil.which("ss") is None:
        found = []
        for pid in pids:
            for c in psutil.Process(pid).net_connections(kind="inet"):
                protocol = "tcp" if c.type == socket.SOCK_STREAM else "udp"
                peer = f"{c.raddr.ip}:{c.raddr.port}" if c.raddr else "0.0.0.0:*"
                found.append((protocol, "LISTEN" if c.status == psutil.CONN_LISTEN
                              else c.status, f"{c.laddr.ip}:{c.laddr.port}", peer))
        return found
    listing = subprocess.run(["ss", "-tuanpH"], capture_output=True, text=True, check=True,
                             timeout=10).stdout
    found = []
    for line in listing.splitlines():
        if any(f"pid={pid}," in line for pid in pids):
            netid, state, _, _, local, peer, *_ = line.split()
            found.append((netid, state, local, peer))
    return found


def host(address: str) -> str:
    return address.rsplit(":", 1)[0].strip("[]")


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Instance, Instance, Path, Path]]:
    base = tmp_path / "syncthing"
    base.mkdir()
    editor, kiosk = generate(base, "editor"), generate(base, "kiosk")
    outbox, inbox = tmp_path / "outbox", tmp_path / "inbox"
    configure(editor, kiosk, outbox, "sendonly", send_kibps=SEND_KIBPS)
    configure(kiosk, editor, inbox, "receiveonly")
    try:
        for instance in (editor, kiosk):
            log = (instance.home / "syncthing.log").open("wb")
            instance.process = subprocess.Popen(
                [SYNCTHING or "syncthing", "serve", f"--home={instance.home}", "--no-browser",
                 "--no-restart", "--no-upgrade"],
                env=environment(base), stdout=log, stderr=subprocess.STDOUT)
            log.close()
        for instance in (editor, kiosk):
            wait_for(f"{instance.name}'s API", lambda i=instance: i.api("/rest/system/ping")
                     == {"ping": "pong"}, START_SECONDS, [editor, kiosk])
        yield editor, kiosk, outbox, inbox
    finally:
        for instance in (editor, kiosk):
            if instance.process is not None and instance.process.poll() is None:
                with contextlib.suppress(OSError):
                    instance.api("/rest/system/shutdown", "POST")
        for instance in (editor, kiosk):
            if instance.process is None:
                continue
            try:
                instance.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                instance.process.kill()
                instance.process.wait(timeout=20)


def connected(a: Instance, b: Instance) -> bool:
    answer = a.api("/rest/system/connections")
    assert isinstance(answer, dict)
    return bool(answer["connections"].get(b.device_id, {}).get("connected"))


@pytest.mark.skipif(sys.platform == "win32", reason="the test drives Debian's syncthing")
def test_the_follower_never_takes_a_half_arrived_release(
        pair: tuple[Instance, Instance, Path, Path], content: Path, tmp_path: Path) -> None:
    editor, kiosk, outbox, inbox = pair
    both = [editor, kiosk]
    wait_for("the two instances to connect", lambda: connected(editor, kiosk)
             and connected(kiosk, editor), START_SECONDS, both)
    follower = Follower(inbox)
    store = ReleaseStore(tmp_path / "kiosk-home" / "releases")
    views: list[InboxView] = []

    def chosen_version() -> str | None:
        view = follower.look()
        views.append(view)
        if view.chosen is None or view.chosen.manifest is None:
            return None
        if store.current() is None or store.current().name != view.chosen.name:  # type: ignore[union-attr]
            store.take(view.chosen)
        return view.chosen.manifest.version

    first = publish(content, outbox, version="1", user="editor", machine="office").folder
    wait_for("release 1 in the kiosk's inbox", lambda: chosen_version() == "1",
             TRANSFER_SECONDS, both)

    (content / "film").mkdir()
    (content / "film" / "large.bin").write_bytes(os.urandom(BIG_BYTES))
    second = publish(content, outbox, version="2", user="editor", machine="office",
                     now=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).folder
    half_seen: list[tuple[str, ...]] = []
    socket_checks: list[list[tuple[str, str, str, str]]] = []

    def second_arrived() -> bool:
        version = chosen_version()
        arriving = inbox / second.name
        if version == "1" and arriving.is_dir():  # release 2 is there, in part
            passed_over = [i for i in views[-1].ignored if i.name == second.name]
            if passed_over:
                half_seen.append(passed_over[0].reasons)
            if not socket_checks:
                socket_checks.append(sockets_of([p.pid for p in (editor.process,
                                                                 kiosk.process) if p]))
        return version == "2"

    wait_for("release 2 to arrive whole", second_arrived, TRANSFER_SECONDS, both)
    # the kiosk saw release 2 half-filled, and took release 1 every time until it was whole
    assert half_seen, "release 2 was never seen half-arrived: the transfer was too fast"
    # the dangerous moment: its manifest there, its large file not yet
    manifest_first = [r for r in half_seen if any("film/large.bin" in x for x in r)]
    assert manifest_first, f"release 2 never seen with its manifest but not whole: {half_seen}"
    versions_taken = [v.chosen.manifest.version for v in views
                      if v.chosen is not None and v.chosen.manifest is not None]
    assert versions_taken == sorted(versions_taken, key=int)  # never 2 then 1
    assert versions_taken[-1] == "2"
    current = store.current()
    assert current is not None and current.manifest.version == "2"
    assert (current.content / "film" / "large.bin").stat().st_size == BIG_BYTES
    assert (current.content / "exhibit.yaml").read_bytes() == (
        first / CONTENT / "exhibit.yaml").read_bytes()
    assert store.rollback().manifest.version == "1"  # the kiosk keeps release 1 to go back to
    # nothing but loopback, while the release was on its way
    assert socket_checks and socket_checks[0], "ss showed no socket of the two instances"
    outside = [s for s in socket_checks[0] if host(s[2]) != LOOPBACK
               or (s[1] != "LISTEN" and host(s[3]) != LOOPBACK) or s[0] != "tcp"]
    assert outside == [], f"sockets not on 127.0.0.1: {outside}"
    final = sockets_of([p.pid for p in (editor.process, kiosk.process) if p])
    assert [s for s in final if host(s[2]) != LOOPBACK or s[0] != "tcp"] == []


@pytest.mark.skipif(sys.platform == "win32", reason="the test drives Debian's syncthing")
def test_a_running_kiosk_switches_on_its_welcome_screen_and_rolls_back(
        pair: tuple[Instance, Instance, Path, Path], content: Path, tmp_path: Path) -> None:
    """The real program (`kiosk run --releases INBOX`, offscreen, nobody touching: it stays
    on its welcome screen) shows release 1, never release 2 while it arrives, then release
    2; `kiosk releases back` from a terminal takes it back to 1. What it shows is read from
    its status file, as `kiosk fleet status` reads it."""
    editor, kiosk_sync, outbox, inbox = pair
    both = [editor, kiosk_sync]
    wait_for("the two instances to connect", lambda: connected(editor, kiosk_sync)
             and connected(kiosk_sync, editor), START_SECONDS, both)
    home = tmp_path / "kiosk-home"
    home.mkdir()
    (home / "kiosk.toml").write_text(f'kiosk_name = "hall-a"\nreleases = "{inbox.as_posix()}"\n',
                                     encoding="utf-8")
    env = {**os.environ, "KIOSK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    status_file = home / "status" / "hall-a.status.json"

    def shown() -> str | None:
        try:
            return json.loads(status_file.read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError):
            return None

    publish(content, outbox, version="1", user="editor", machine="office")
    log = (tmp_path / "kiosk.out").open("wb")
    running = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--windowed",
                                "--no-supervisor", "--content", str(content)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    try:
        wait_for("the kiosk to show release 1", lambda: running.poll() is None
                 and shown() == "1", TRANSFER_SECONDS, both)
        (content / "film").mkdir()
        (content / "film" / "large.bin").write_bytes(os.urandom(BIG_BYTES))
        second = publish(content, outbox, version="2", user="editor", machine="office",
                         now=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).folder
        seen_while_arriving: set[str | None] = set()

        def second_shown() -> bool:
            now = shown()
            if now != "2" and (inbox / second.name).is_dir():
                seen_while_arriving.add(now)
            return now == "2"

        wait_for("the kiosk to show release 2", second_shown, TRANSFER_SECONDS, both)
        assert seen_while_arriving == {"1"}, "release 2 never seen arriving, or shown half"
        back = subprocess.run([sys.executable, "-m", "kiosk", "releases", "back"], env=env,
                              capture_output=True, text=True, timeout=60)
        assert back.returncode == 0, back.stderr
        wait_for("the kiosk to go back to release 1", lambda: shown() == "1",
                 START_SECONDS, both)
        assert running.poll() is None
        kiosk_log = (home / "log" / "kiosk.log").read_text(encoding="utf-8")
        assert f"showing release {second.name}" in kiosk_log
    finally:
        running.terminate()
        running.wait(timeout=30)
    # its statistics know which release each visit saw (the setups a visit refers to)
    with contextlib.closing(sqlite3.connect(home / "log" / "statistics.sqlite3")) as conn:
        releases = {row[0] for row in conn.execute("SELECT release FROM setups")}
    assert second.name in releases and any("-v1-" in name for name in releases)
