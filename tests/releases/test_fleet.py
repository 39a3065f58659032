"""Each kiosk's status file, and the editor's one table of all of them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from kiosk.releases.fleet import (
    KioskStatus,
    current_status,
    fleet_table,
    kiosk_name,
    read_statuses,
    status_file_name,
    write_status,
)
from kiosk.releases.store import ReleaseStore
from kiosk.releases.verify import verify_release
from tests.releases.conftest import T0, Publish

NOW = T0 + dt.timedelta(hours=5)


def test_a_kiosk_writes_what_it_shows(make_release: Publish, tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path / "home" / "releases")
    store.take(verify_release(make_release("2")), now=T0 + dt.timedelta(hours=1))
    status = current_status("Hall B", store, ("the inbox is not there",), now=NOW)
    path = write_status(tmp_path / "status", status)
    assert path.name == "Hall-B.status.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["kiosk"] == "Hall B" and raw["version"] == "2"
    assert raw["release"] == "test-exhibit-v2-20261207T100000Z"
    assert raw["last_switch"] == "2026-12-07T11:00:00Z"
    assert raw["heartbeat"] == "2026-12-07T15:00:00Z"
    assert raw["problems"] == ["the inbox is not there"]
    assert isinstance(raw["free_bytes"], int) and raw["free_bytes"] > 0
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left


def test_the_table_shows_every_kiosk_and_marks_stale_and_behind_ones(tmp_path: Path) -> None:
    folder = tmp_path / "fleet"
    write_status(folder, KioskStatus("entrance", NOW - dt.timedelta(minutes=2), "r3", "3",
                                     "Show", T0, (), 40 * 1024 ** 3))
    write_status(folder / "hall-b", KioskStatus("hall b", NOW - dt.timedelta(hours=3), "r2",
                                                "2", "Show", T0, ("disk almost full",),
                                                1024 ** 3))
    (folder / "broken.status.json").write_text("{", encoding="utf-8")
    statuses, problems = read_statuses(folder)
    assert sorted(s.kiosk for s in statuses) == ["entrance", "hall b"]
    assert len(problems) == 1 and "broken.status.json: not a kiosk status" in problems[0]
    lines = fleet_table(statuses, now=NOW, newest="3").splitlines()
    assert lines[0].split() == ["KIOSK", "SHOWS", "SINCE", "(UTC)", "FREE", "DISK", "LAST", "HEARD",
                                "STATE"]
    entrance, hall = lines[1], lines[2]
    assert entrance.startswith("entrance") and "v3" in entrance and entrance.endswith("ok")
    assert "2 min ago" in entrance and "40.0 GB" in entrance
    assert "STALE (nothing for 3 h)" in hall and "BEHIND (newest is 3)" in hall
    assert "1 problem: disk almost full" in hall


def test_status_file_names_are_safe_on_every_system() -> None:
    assert status_file_name("Hall B/2: east") == "Hall-B-2-east.status.json"
    assert status_file_name("..") == "kiosk.status.json"
    assert status_file_name("展厅") == "kiosk.status.json"


def test_a_kiosk_without_a_name_is_named_after_its_computer() -> None:
    import platform

    assert kiosk_name("  Hall A ") == "Hall A"
    assert kiosk_name("") == (platform.node() or "kiosk")
