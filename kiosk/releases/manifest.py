"""A release's manifest, `release.json`: what the release is and every file it holds.

A release is a folder:

    unv-and-china-v3-20261207T194500Z/
        release.json     the manifest, written last: its presence means "complete"
        content/         the exhibit's content folder, file for file

The manifest lists each file of `content/` with its size and SHA-256, so a kiosk can tell a
complete release from one still arriving, a damaged one or one changed by hand."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.files import name_problem
from kiosk.releases import versions

MANIFEST = "release.json"
CONTENT = "content"
KIND = "kiosk release"
FORMAT = 1
MAX_MANIFEST_BYTES = 32 * 1024 * 1024  # 100,000 files take about 15 MB
_SHA256 = re.compile(r"[0-9a-f]{64}")
_NAME_UNSAFE = re.compile(r"[^a-z0-9]+")


class ManifestProblem(Exception):
    """Why a manifest cannot be used, as a sentence."""


@dataclass(frozen=True)
class FileEntry:
    path: str  # relative to content/, with "/" on every system
    size: int
    sha256: str
    # a picture the publisher decoded whole: [format, width, height, orientation, bytes], so
    # a kiosk whose SHA-256 matches need not decode it again (images.vouch checks the shape)
    picture: tuple[object, ...] | None = None

    def to_json(self) -> dict[str, object]:
        entry: dict[str, object] = {"path": self.path, "size": self.size,
                                    "sha256": self.sha256}
        if self.picture is not None:
            entry["picture"] = list(self.picture)
        return entry


@dataclass(frozen=True)
class Manifest:
    exhibit_id: str
    title: tuple[tuple[str, str], ...]  # (language, title), the exhibit's own
    version: str
    published_at: dt.datetime  # UTC
    published_by: str  # the editor's user name
    machine: str  # the editor's computer
    requires_kiosk: str  # the oldest program that can show it
    files: tuple[FileEntry, ...]

    @property
    def key(self) -> versions.Key:
        key = versions.version_key(self.version)
        assert key is not None  # parse_manifest refuses others
        return key

    @property
    def total_bytes(self) -> int:
        return sum(entry.size for entry in self.files)

    @property
    def title_text(self) -> str:
        return self.title[0][1] if self.title else self.exhibit_id

    def to_json(self) -> str:
        return json.dumps({
            "kind": KIND,
            "format": FORMAT,
            "exhibit": {"id": self.exhibit_id, "title": dict(self.title)},
            "version": self.version,
            "published": {"at": utc_text(self.published_at), "by": self.published_by,
                          "machine": self.machine},
            "requires": {"kiosk": self.requires_kiosk},
            "files": [entry.to_json() for entry in self.files],
        }, indent=1, ensure_ascii=False) + "\n"


def utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def release_name(exhibit_id: str, version: str, moment: dt.datetime) -> str:
    """The release's folder name: exhibit, version and UTC time, readable in a file list."""
    return f"{exhibit_id}-v{version}-{moment.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}"


def slug(text: str, fallback: str = "exhibit") -> str:
    """A short lowercase ASCII name for file names ("UNV and China" -> "unv-and-china")."""
    return _NAME_UNSAFE.sub("-", text.lower()).strip("-")[:40].strip("-") or fallback


def path_problem(relative: str) -> str | None:
    """Why a listed path cannot be a file of a release on every system, or None. A path
    must stay inside the release: no absolute path, no '..', no drive or stream (':')."""
    if not relative or relative.startswith("/") or "\\" in relative or ":" in relative:
        return "is not a relative path with '/' between its folders"
    if any(part in ("", ".", "..") for part in relative.split("/")):
        return "leaves its folder ('..', '.' or an empty name)"
    return name_problem(relative)


def parse_manifest(data: bytes) -> Manifest:
    """The manifest in `data`; raises ManifestProblem with the first thing wrong."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ManifestProblem(f"{MANIFEST} is not JSON ({exc}); it may still be arriving"
                              ) from None
    if not isinstance(raw, dict) or raw.get("kind") != KIND:
        raise ManifestProblem(f"{MANIFEST} is not a kiosk release's manifest")
    if raw.get("format") != FORMAT:
        raise ManifestProblem(f"{MANIFEST} has format {raw.get('format')!r}; this program "
                              f"reads format {FORMAT}: update the kiosk program")
    exhibit, published, requires = (raw.get(k) for k in ("exhibit", "published", "requires"))
    if not (isinstance(exhibit, dict) and isinstance(published, dict)
            and isinstance(requires, dict)):
        raise ManifestProblem(f"{MANIFEST} lacks exhibit, published or requires")
    exhibit_id, title = exhibit.get("id"), exhibit.get("title")
    if not isinstance(exhibit_id, str) or not isinstance(title, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in title.items()):
        raise ManifestProblem(f"{MANIFEST}: the exhibit's id or title is missing")
    version = raw.get("version")
    if not isinstance(version, str) or versions.version_key(version) is None:
        raise ManifestProblem(f"{MANIFEST}: version {version!r} is not a version")
    try:
        at = dt.datetime.fromisoformat(str(published.get("at")))
    except ValueError:
        raise ManifestProblem(f"{MANIFEST}: the publishing time {published.get('at')!r} is "
                              "not a time") from None
    if at.tzinfo is None:
        raise ManifestProblem(f"{MANIFEST}: the publishing time has no time zone")
    needed = requires.get("kiosk")
    if not isinstance(needed, str) or versions.program_key(needed) is None:
        raise ManifestProblem(f"{MANIFEST}: the program version it needs ({needed!r}) is "
                              "not a version")
    files = raw.get("files")
    if not isinstance(files, list):
        raise ManifestProblem(f"{MANIFEST} has no list of files")
    return Manifest(exhibit_id, tuple(title.items()), version, at.astimezone(dt.UTC),
                    str(published.get("by", "")), str(published.get("machine", "")),
                    needed, _entries(files))


def _entries(files: list[object]) -> tuple[FileEntry, ...]:
    entries: list[FileEntry] = []
    seen: dict[str, str] = {}
    for item in files:
        if not isinstance(item, dict):
            raise ManifestProblem(f"{MANIFEST}: a file entry is not an object")
        path, size, digest = item.get("path"), item.get("size"), item.get("sha256")
        if not isinstance(path, str):
            raise ManifestProblem(f"{MANIFEST}: a file entry has no path")
        problem = path_problem(path)
        if problem:
            raise ManifestProblem(f"{MANIFEST}: the listed file {path!r} {problem}")
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise ManifestProblem(f"{MANIFEST}: {path} has no size")
        if not isinstance(digest, str) or _SHA256.fullmatch(digest) is None:
            raise ManifestProblem(f"{MANIFEST}: {path} has no SHA-256")
        folded = path.casefold()  # Windows cannot hold two names differing in case only
        if folded in seen:
            raise ManifestProblem(f"{MANIFEST} lists {seen[folded]} and {path}: two names "
                                  "that Windows cannot tell apart")
        seen[folded] = path
        picture = item.get("picture")  # an older manifest has none; a bad one is ignored
        entries.append(FileEntry(path, size, digest,
                                 tuple(picture) if isinstance(picture, list) else None))
    return tuple(entries)


def read_manifest_bytes(release: Path) -> bytes:
    """The manifest's bytes: a regular file (not a link), not too large; raises
    ManifestProblem otherwise."""
    path = release / MANIFEST
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ManifestProblem(f"{MANIFEST} is not a plain file")
        if info.st_size > MAX_MANIFEST_BYTES:
            raise ManifestProblem(f"{MANIFEST} is larger than "
                                  f"{MAX_MANIFEST_BYTES // (1024 * 1024)} MB")
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as file:
            return file.read(MAX_MANIFEST_BYTES + 1)
    except FileNotFoundError:
        raise ManifestProblem(f"has no {MANIFEST} yet: still arriving, or not a release"
                              ) from None
    except OSError as exc:
        raise ManifestProblem(f"{MANIFEST} cannot be read ({exc.strerror or exc})") from None


def read_manifest(release: Path) -> Manifest:
    return parse_manifest(read_manifest_bytes(release))


def manifested(folder: Path) -> list[tuple[Path, Manifest]]:
    """The releases in a folder (an outbox, an inbox or a kiosk's store) whose manifest
    reads, newest version first; publish times only order two copies of one version, and
    names two of the same time. Hidden names are temporary, never releases."""
    found: list[tuple[Path, Manifest]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            found.append((Path(entry.path), read_manifest(Path(entry.path))))
        except ManifestProblem:
            continue
    return sorted(found, key=lambda pair: (pair[1].key, pair[1].published_at), reverse=True)
