"""Fleet status: each kiosk writes a small status file into a folder that Syncthing sends
back to the editor's machine; `kiosk fleet status` reads them all into one table.

A status file is JSON, one per kiosk, named after the kiosk, written by temporary name and
rename (a reader never sees half of one). The heartbeat is the time the kiosk wrote it: a
kiosk whose file is older than STALE_AFTER is marked stale (switched off, frozen, or its
Syncthing not connected)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__
from kiosk.core.atomic import write_atomic
from kiosk.releases.disk import free_bytes
from kiosk.releases.manifest import utc_text
from kiosk.releases.store import ReleaseStore

STATUS_SUFFIX = ".status.json"
HEARTBEAT_EVERY = dt.timedelta(minutes=5)  # how often a running kiosk writes its status
STALE_AFTER = 3 * HEARTBEAT_EVERY  # beyond this, a status is old news
MAX_STATUS_BYTES = 256 * 1024
MAX_PROBLEMS = 20
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class KioskStatus:
    kiosk: str
    heartbeat: dt.datetime  # UTC, the kiosk's clock
    release: str | None = None  # the release shown (its folder name)
    version: str | None = None
    exhibit: str | None = None
    last_switch: dt.datetime | None = None
    problems: tuple[str, ...] = ()
    free_bytes: int | None = None
    program: str = __version__

    def to_json(self) -> str:
        return json.dumps({
            "kiosk": self.kiosk, "heartbeat": utc_text(self.heartbeat),
            "release": self.release, "version": self.version, "exhibit": self.exhibit,
            "last_switch": utc_text(self.last_switch) if self.last_switch else None,
            "problems": list(self.problems[:MAX_PROBLEMS]), "free_bytes": self.free_bytes,
            "program": self.program,
        }, indent=1, ensure_ascii=False) + "\n"


def kiosk_name(configured: str) -> str:
    """The kiosk's name in the fleet: the `kiosk_name` setting, else the computer's name."""
    import platform

    return configured.strip() or platform.node() or "kiosk"


def status_file_name(kiosk: str) -> str:
    """A file name from the kiosk's name, safe on every system ("Hall B/2" -> Hall-B-2)."""
    return f"{_UNSAFE.sub('-', kiosk).strip('-.')[:60] or 'kiosk'}{STATUS_SUFFIX}"


def current_status(kiosk: str, store: ReleaseStore, problems: tuple[str, ...] = (),
                   now: dt.datetime | None = None, showing: str | None = None
                   ) -> KioskStatus:
    """This kiosk's status now: the release shown (`showing`, else the store's current
    one), when it was switched to, the disk space free."""
    kept = store.releases()
    current = next((r for r in kept if r.name == showing), None) if showing else \
        next((r for r in kept if r.current), None)
    pointer = store.pointer()
    switched = pointer.since if pointer and current and pointer.name == current.name else None
    return KioskStatus(
        kiosk=kiosk, heartbeat=(now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC),
        release=current.name if current else None,
        version=current.manifest.version if current else None,
        exhibit=current.manifest.title_text if current else None,
        last_switch=switched, problems=problems, free_bytes=free_bytes(store.folder))


def write_status(folder: Path, status: KioskStatus) -> Path:
    """Write a kiosk's status file into `folder`; raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / status_file_name(status.kiosk)
    write_atomic(path, status.to_json().encode("utf-8"))
    return path


def parse_status(data: bytes) -> KioskStatus:
    """A status file's contents; raises ValueError when it is not one."""
    raw = json.loads(data.decode("utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("kiosk"), str):
        raise ValueError("not a kiosk status")

    def text(key: str) -> str | None:
        value = raw.get(key)
        return value if isinstance(value, str) else None

    def moment(key: str) -> dt.datetime | None:
        value = text(key)
        parsed = dt.datetime.fromisoformat(value) if value else None
        if parsed is not None and parsed.tzinfo is None:
            raise ValueError(f"{key} has no time zone")
        return parsed

    heartbeat = moment("heartbeat")
    if heartbeat is None:
        raise ValueError("no heartbeat")
    problems = raw.get("problems")
    free = raw.get("free_bytes")
    return KioskStatus(
        kiosk=raw["kiosk"], heartbeat=heartbeat, release=text("release"),
        version=text("version"), exhibit=text("exhibit"), last_switch=moment("last_switch"),
        problems=tuple(str(p) for p in problems[:MAX_PROBLEMS])
        if isinstance(problems, list) else (),
        free_bytes=free if isinstance(free, int) and not isinstance(free, bool) else None,
        program=text("program") or "?")


def read_statuses(folder: Path) -> tuple[list[KioskStatus], list[str]]:
    """Every status file in `folder` and its sub-folders one level down (one Syncthing
    folder per kiosk), and a sentence for each file that cannot be read."""
    statuses: list[KioskStatus] = []
    problems: list[str] = []
    paths: list[Path] = []
    try:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                try:
                    paths += sorted(p for p in Path(entry.path).iterdir()
                                    if p.name.endswith(STATUS_SUFFIX))
                except OSError as exc:
                    problems.append(f"{entry.path}: cannot be read ({exc.strerror or exc})")
            elif entry.name.endswith(STATUS_SUFFIX):
                paths.append(Path(entry.path))
    except OSError as exc:
        return [], [f"{folder}: cannot be read ({exc.strerror or exc})"]
    for path in paths:
        try:
            if path.stat().st_size > MAX_STATUS_BYTES:
                raise ValueError("too large for a status file")
            statuses.append(parse_status(path.read_bytes()))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            problems.append(f"{path}: not a kiosk status ({reason}); left out")
    return statuses, problems


def fleet_table(statuses: list[KioskStatus], now: dt.datetime | None = None,
                stale_after: dt.timedelta = STALE_AFTER, newest: str | None = None) -> str:
    """One line per kiosk: what it shows, since when, its disk, when it was last heard
    from (stale ones marked), its problems. `newest`: the newest version published, to
    mark kiosks that are behind."""
    from kiosk.releases.versions import version_key

    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    header = ("KIOSK", "SHOWS", "SINCE (UTC)", "FREE DISK", "LAST HEARD", "STATE")
    rows = [header]
    newest_key = version_key(newest) if newest else None
    for status in sorted(statuses, key=lambda s: s.kiosk.casefold()):
        age = now - status.heartbeat
        state = []
        if age > stale_after:
            state.append(f"STALE (nothing for {_ago(age)})")
        elif age < -dt.timedelta(minutes=2):
            state.append("its clock is ahead")
        if status.version is None:
            state.append("no release")
        elif newest_key is not None and (version_key(status.version) or ()) < newest_key:
            state.append(f"BEHIND (newest is {newest})")
        if status.problems:
            state.append(f"{len(status.problems)} problem{'s' * (len(status.problems) > 1)}: "
                         f"{status.problems[0]}")
        rows.append((
            status.kiosk,
            f"v{status.version}" if status.version else "-",
            status.last_switch.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
            if status.last_switch else "-",
            f"{status.free_bytes / 1024 ** 3:.1f} GB" if status.free_bytes is not None else "?",
            f"{_ago(age)} ago" if age >= dt.timedelta(0) else "just now",
            "; ".join(state) or "ok",
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    return "\n".join("  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)),
                                row[-1]]) for row in rows)


def _ago(age: dt.timedelta) -> str:
    seconds = max(int(age.total_seconds()), 0)
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"
