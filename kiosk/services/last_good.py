"""The last good content: a private copy of the last content folder that validated, in the
kiosk's home, with a fingerprint of every file (relative path, size, modification time,
and for pictures what their check found).

A kiosk starts on it at once when the content folder's fingerprints match it (nothing to
read and check before the first frame), keeps showing it while the folder on disk has
errors, and replaces it when a changed folder validates. Releases (issue 22) keep their
versions the same way. The API:

    store = LastGood(folder)          # kiosk.services.paths.last_good_dir()
    kept = store.load()               # a Kept, or None (none yet, or damaged: logged)
    kept.matches(fingerprint(src))    # is the content folder what was kept?
    store.save(src, exhibit, files)   # copy, then switch; never half-written

Never half-written: a copy is made in a temporary folder, renamed to a new name (renaming
over an existing folder fails on Windows), and only then named in `current.json`, which is
replaced in one step (os.replace). Old copies are removed when a newer one is current,
except the one before it (still on screen until the kiosk switches); a file another
process holds open (Windows) stays until a later save. Anything the store cannot read
back exactly (a damaged index, a copy with a missing or changed file) is ignored, logged
and rebuilt by the next save.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from kiosk import __version__
from kiosk.content import images
from kiosk.content.problems import Problem
from kiosk.content.stored import exhibit_from_json, exhibit_to_json
from kiosk.core.atomic import replace_patiently
from kiosk.core.model import Exhibit

log = logging.getLogger("kiosk.last_good")

INDEX = "current.json"
FORMAT = 1
COPY_PREFIX = "copy-"
TEMP_PREFIX = "partial-"

Fingerprint = dict[str, tuple[int, int]]  # relative path ('/') -> (size, mtime in ns)


class SourceChanged(Exception):
    """The content folder changed while it was copied: what was validated is not what
    would be kept. The next check (the watcher, the next start) tries again."""


def source_name(folder: Path) -> str:
    """How the store names a content folder: its absolute path, links not followed (a
    link swapped to a new version of the content is the same exhibit, changed), in the
    system's case (on Windows C:\\Data and c:\\data are one folder)."""
    return os.path.normcase(os.path.abspath(folder))


def fingerprint(folder: Path) -> Fingerprint:
    """Every regular file of the folder (hidden ones left out, as the loader and the
    watcher leave them): relative path, size, modification time. Links to files are
    followed; links to folders are not descended (a loop must not hang the kiosk)."""
    found: Fingerprint = {}
    root = os.path.abspath(folder)
    for directory, subdirs, files in os.walk(root, onerror=lambda error: None):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(directory, name)
            try:
                info = os.stat(path)
            except (OSError, ValueError):
                continue
            if stat.S_ISREG(info.st_mode):
                relative = os.path.relpath(path, root).replace(os.sep, "/")
                found[relative] = (info.st_size, info.st_mtime_ns)
    return found


@dataclass(frozen=True)
class Kept:
    """The last good content as stored."""

    source: str  # the content folder it was copied from (source_name)
    folder: Path  # the private copy
    files: Fingerprint  # the content folder's files when it validated
    copied: Fingerprint  # the copy's files (a FAT disk keeps times to 2 s only)
    pictures: list[list[Any]]  # picture checks of the content folder's files (images rows)
    exhibit: Exhibit  # its photos in the copy
    saved: str  # when, in UTC (ISO 8601)
    kiosk: str = ""  # the version that validated it (another version's rules may differ)
    problems: tuple[Problem, ...] = ()  # its warnings, as validation told them

    def matches(self, folder: Path, files: Fingerprint) -> bool:
        """Is `folder` (with these files now) the content that was kept, unchanged?"""
        return source_name(folder) == self.source and files == self.files

    def answers_for(self, folder: Path, files: Fingerprint) -> bool:
        """Is a check of `folder` now bound to find what this one found (the same files,
        read by the same version of the kiosk)? Then there is nothing to check again."""
        return self.matches(folder, files) and self.kiosk == __version__

    def is_of(self, folder: Path) -> bool:
        """Was it kept from this content folder (changed since, or not)?"""
        return source_name(folder) == self.source


class LastGood:
    """The store: one folder in the kiosk's home (see the module's docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def index(self) -> Path:
        return self.folder / INDEX

    def load(self) -> Kept | None:
        """The content kept, checked against its copy; None when there is none or it
        cannot be read back exactly (logged: the next save rebuilds it)."""
        try:
            text = self.index.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("last good content: cannot read %s (%s); ignored", self.index, exc)
            return None
        try:
            return self._read(json.loads(text))
        except (ValueError, KeyError, TypeError, OSError) as exc:
            log.warning("last good content in %s is damaged (%s); ignored, and made again "
                        "when the content next validates", self.folder, exc)
            return None

    def _read(self, data: Any) -> Kept:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not an index of this kiosk's format")
        name = data["copy"]
        if not (isinstance(name, str) and name.startswith(COPY_PREFIX)
                and os.path.basename(name) == name):
            raise ValueError(f"copy {name!r}")
        copy = self.folder / name
        files = _files(data["files"])
        copied = _files(data["copied"])
        if set(copied) != set(files):
            raise ValueError("the copy's list differs from the content's")
        for relative, (size, mtime) in copied.items():  # one stat each: a damaged copy shows
            info = os.stat(copy.joinpath(*relative.split("/")))
            if (info.st_size, info.st_mtime_ns) != (size, mtime):
                raise ValueError(f"{relative} in the copy has changed")
        pictures = data["pictures"]
        if not isinstance(pictures, list) or not isinstance(data["source"], str):
            raise ValueError("source or pictures")
        return Kept(data["source"], copy, files, copied, pictures,
                    exhibit_from_json(data["exhibit"], copy), str(data.get("saved", "")),
                    str(data.get("kiosk", "")), _problems(data.get("problems", [])))

    def save(self, source: Path, exhibit: Exhibit, files: Fingerprint,
             previous: Kept | None = None, problems: Iterable[Problem] = ()) -> Kept:
        """Keep `exhibit`, which validated from `source` whose files were `files` (taken
        before it was read). Files unchanged since `previous` are linked, not copied
        again, where the file system allows. Raises SourceChanged, or OSError (a full
        disk: the kiosk carries on with what it shows, and logs it)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        root = Path(os.path.abspath(source))
        real_root = _real(root)
        temporary = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=self.folder))
        try:
            copied = self._copy(root, temporary, files, previous)
            name = f"{COPY_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{temporary.name[-8:]}"
            copy = self.folder / name
            replace_patiently(temporary, copy, move=os.rename)  # a new name: never over a folder
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        kept_rows = self._pictures(real_root, files)
        saved = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        shown = exhibit_to_json(exhibit, real_root)
        data = {"format": FORMAT, "copy": name, "source": source_name(source), "saved": saved,
                "files": {path: list(mark) for path, mark in files.items()},
                "copied": {path: list(mark) for path, mark in copied.items()},
                "pictures": kept_rows, "exhibit": shown, "kiosk": __version__,
                "problems": [[p.file, p.line, p.col, p.level, p.message] for p in problems]}
        index_temporary = self.folder / f"{INDEX}.partial"
        with open(index_temporary, "w", encoding="utf-8") as out:
            _dump(data, out, depth=3)
            out.flush()
            os.fsync(out.fileno())
        replace_patiently(index_temporary, self.index)
        kept = Kept(source_name(source), copy, dict(files), copied, kept_rows,
                    exhibit_from_json(shown, copy), saved, __version__, tuple(problems))
        self.tidy(keep=[copy] + ([previous.folder] if previous else []))
        log.info("last good content kept: %s (%d files)", copy, len(files))
        return kept

    def tidy(self, keep: Iterable[Path] = ()) -> None:
        """Remove copies the index does not name (and partial ones), but those in `keep`.
        A file another process holds open stays; a later tidy removes it."""
        current = self._current_name()
        kept = {Path(p).name for p in keep} | ({current} if current else set())
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            if entry.name in kept or not entry.name.startswith((COPY_PREFIX, TEMP_PREFIX)):
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.remove(entry.path)

    def _current_name(self) -> str | None:
        try:
            data = json.loads(self.index.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        name = data.get("copy") if isinstance(data, dict) else None
        return name if isinstance(name, str) else None

    @staticmethod
    def _copy(root: Path, target: Path, files: Fingerprint,
              previous: Kept | None) -> Fingerprint:
        """Copy every file of `files` (linking those `previous` holds unchanged); each
        source file must still be what was validated, before and after its copy."""
        copied: Fingerprint = {}
        for relative, mark in files.items():
            parts = relative.split("/")
            source, into = root.joinpath(*parts), target.joinpath(*parts)
            into.parent.mkdir(parents=True, exist_ok=True)
            if _unchanged(source) != mark:
                raise SourceChanged(f"{relative} changed while the content was kept")
            linked = previous is not None and previous.files.get(relative) == mark \
                and _linked(previous.folder.joinpath(*parts), into,
                            previous.copied.get(relative))
            if not linked:
                shutil.copy2(source, into)  # the modification time too
                if _unchanged(source) != mark:
                    raise SourceChanged(f"{relative} changed while it was copied")
            info = os.stat(into)
            copied[relative] = (info.st_size, info.st_mtime_ns)
        return copied

    @staticmethod
    def _pictures(real_root: Path, files: Fingerprint) -> list[list[Any]]:
        """The picture checks of the content folder's files, as the images module keeps
        them (real path, size, mtime, what it found)."""
        wanted = {(str(real_root.joinpath(*relative.split("/"))), size, mtime)
                  for relative, (size, mtime) in files.items()}
        return [row for row in images.remembered() if (row[0], row[1], row[2]) in wanted]


def _dump(value: Any, out: TextIO, depth: int) -> None:
    """JSON, written a piece at a time: one json.dumps call per event (not one for the
    whole index, which holds Python's lock for as long as it takes, and the UI thread
    with it, while a kiosk keeps a copy behind the screen)."""
    if depth and isinstance(value, dict):
        out.write("{")
        for index, (key, item) in enumerate(value.items()):
            out.write(("," if index else "") + json.dumps(key, ensure_ascii=False) + ":")
            _dump(item, out, depth - 1)
        out.write("}")
    elif depth and isinstance(value, list):
        out.write("[")
        for index, item in enumerate(value):
            if index:
                out.write(",")
            _dump(item, out, depth - 1)
        out.write("]")
    else:
        out.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _unchanged(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _linked(existing: Path, into: Path, mark: tuple[int, int] | None) -> bool:
    """A hard link to a file of the previous copy (never written to: the kiosk only reads
    its copies), if that file is still as it was copied; False where the file system has
    no links (FAT), or the file is gone or changed."""
    if mark is None or _unchanged(existing) != mark:
        return False
    try:
        os.link(existing, into)
    except (OSError, NotImplementedError):
        return False
    return True


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path


def _problems(value: object) -> tuple[Problem, ...]:
    if not isinstance(value, list):
        raise ValueError("problems")
    found = []
    for row in value:
        if not (isinstance(row, list) and len(row) == 5 and isinstance(row[0], str)
                and type(row[1]) is int and type(row[2]) is int
                and row[3] in ("error", "warning") and isinstance(row[4], str)):
            raise ValueError(f"problem {row!r}")
        found.append(Problem(row[0], row[1], row[2], row[3], row[4]))
    return tuple(found)


def _files(value: object) -> Fingerprint:
    if not isinstance(value, dict):
        raise ValueError("files")
    found: Fingerprint = {}
    for relative, mark in value.items():
        if not (isinstance(relative, str) and isinstance(mark, list) and len(mark) == 2
                and all(type(v) is int for v in mark)):
            raise ValueError(f"file entry {relative!r}")
        parts = relative.split("/")
        if relative.startswith("/") or ".." in parts or "" in parts or "\\" in relative:
            raise ValueError(f"file path {relative!r}")
        found[relative] = (mark[0], mark[1])
    return found
