"""The import is offline like the kiosk: a picture on the internet is named, never
fetched, and a file downloaded by hand beside the source is then picked up."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import write_image
from tests.importers.common import event, imported, no_network, timeline
from tests.netserver import CountingServer


def test_a_picture_on_the_internet_is_named_never_fetched(tmp_path: Path) -> None:
    with CountingServer(lifetime=60) as server:
        url = server.url("photos/hall.jpg")
        data = {"events": [event(2001, "A"), event(2002, "B"), event(2003, "C"),
                           event(2004, "D", media={"url": url, "caption": "The hall"})]}
        source = timeline(tmp_path / "src" / "t.json", data)
        with no_network() as opened:
            report, result = imported(source, tmp_path / "out")
        assert opened == [] and server.requests == [] and server.connections == 0
        server.probe()  # the control: a connection to it is counted
        assert server.connections == 1
    said = "\n".join(report.lines())
    assert (f"events[3].media.url: warning: media 4, '{url}': the kiosk is offline; download "
            "it into media/ beside the source (as media/hall.jpg) and run kiosk import "
            "again") in said
    assert result.exhibit is not None and result.exhibit.events[3].media == ()
    assert "media.caption" in said  # its caption waits for it, named
    write_image(tmp_path / "src" / "media" / "hall.jpg", (1600, 900))
    report, result = imported(source, tmp_path / "out", force=True)
    assert result.exhibit is not None
    media = result.exhibit.events[3].media[0]
    assert media.source == "media/hall.jpg" and media.caption.get("en") == "The hall"
    assert "the file downloaded as media/hall.jpg is used" in "\n".join(report.lines())


def test_the_import_has_no_network_code() -> None:
    """Nothing in kiosk/importers could reach the network even by mistake."""
    root = Path(__file__).resolve().parents[2] / "kiosk" / "importers"
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = re.findall(r"^\s*(?:import|from)\s+(socket|urllib\.request|http\.client|"
                           r"requests|httpx|ftplib|ssl)\b", text, re.MULTILINE)
        assert found == [], path


@pytest.mark.posix
@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace (scripts/install.sh --test)")
def test_kiosk_import_opens_no_socket(tmp_path: Path) -> None:
    """The whole command, as strace sees it: no IP socket, with every kind of URL."""
    from tests.test_running import ip_sockets

    data = {"events": [event(2001, "A", media={"url": "https://example.org/a.jpg"}),
                       event(2002, "B", media={"url": "https://youtu.be/abc"}),
                       event(2003, "C", media={"url": "https://en.wikipedia.org/wiki/X"})]}
    source = timeline(tmp_path / "t.json", data)
    found = ip_sockets([sys.executable, "-m", "kiosk", "import", str(source), "--out",
                        str(tmp_path / "out")], tmp_path)
    assert found == []
    assert (tmp_path / "out" / "exhibit.yaml").is_file()
    control = ip_sockets([sys.executable, "-c", "import socket; socket.socket()"], tmp_path)
    assert control


def test_the_guard_sees_a_socket() -> None:
    import socket

    with no_network() as opened, pytest.raises(OSError):
        socket.socket()
    assert len(opened) == 1
