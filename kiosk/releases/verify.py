"""Is this folder a release the kiosk may show? Every check, each failure a sentence.

A release counts only when its manifest is there and reads, every listed file is there
with its size and SHA-256, nothing unlisted is there, nothing is a link (which could lead
out of the release), the program is new enough for it, and its content validates.

The hashing reads in chunks, can be cancelled between chunks and reports its progress, so
the kiosk can run it in a worker thread while it draws (hashlib lets go of the GIL while it
hashes a chunk)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__
from kiosk.content import images, load_folder
from kiosk.content.files import kind_of
from kiosk.releases import versions
from kiosk.releases.disk import CHUNK
from kiosk.releases.manifest import CONTENT, MANIFEST, Manifest, ManifestProblem, read_manifest

Progress = Callable[[int, int], None]  # (bytes hashed, bytes to hash)
Cancel = Callable[[], bool]  # True: stop as soon as possible (e.g. threading.Event.is_set)
MAX_REASONS = 8  # a release missing 10,000 files is told in a few lines, with the count
SYNCTHING_TEMPORARY = (".syncthing.", "~syncthing~")


class Cancelled(Exception):
    """The caller asked to stop (the kiosk is closing, or a newer release arrived)."""


@dataclass(frozen=True)
class Verdict:
    folder: Path
    manifest: Manifest | None
    reasons: tuple[str, ...]  # empty: the release may be shown
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.manifest is not None and not self.reasons and not self.cancelled

    @property
    def name(self) -> str:
        return self.folder.name

    def summary(self) -> str:
        """One line for a log or the staff panel."""
        if self.ok:
            return f"{self.name}: complete and valid"
        if self.cancelled:
            return f"{self.name}: not checked to the end (cancelled)"
        return f"{self.name}: " + "; ".join(self.reasons)


@dataclass(frozen=True)
class Tree:
    """What is in a release folder, read without following any link."""

    files: dict[str, tuple[int, int]]  # path under content/ -> (size, modification ns)
    reasons: tuple[str, ...]
    flagged: frozenset[str]  # paths under content/ told in `reasons` (a link, a device)
    manifest_state: tuple[int, int]  # the manifest's (size, modification ns)


def read_tree(folder: Path) -> Tree:
    """Walk a release folder; links, devices and extra top-level entries become reasons."""
    reasons: list[str] = []
    files: dict[str, tuple[int, int]] = {}
    flagged: set[str] = set()
    try:
        manifest_info = os.lstat(folder / MANIFEST)
        manifest_state = (manifest_info.st_size, manifest_info.st_mtime_ns)
    except OSError:
        manifest_state = (-1, -1)
    try:
        with os.scandir(folder) as top:
            for entry in top:
                if entry.name == MANIFEST:
                    continue
                if entry.name != CONTENT or is_link(entry) or not entry.is_dir():
                    reasons.append(_odd(entry, entry.name))
                    continue
                _walk(Path(entry.path), "", files, reasons, flagged)
    except OSError as exc:
        reasons.append(f"the release folder cannot be read ({exc.strerror or exc}); it may "
                       "have been renamed, moved or deleted")
    if not (folder / CONTENT).is_dir() and not reasons:
        reasons.append(f"has no {CONTENT} folder")
    return Tree(files, tuple(reasons), frozenset(flagged), manifest_state)


def _walk(folder: Path, prefix: str, files: dict[str, tuple[int, int]],
          reasons: list[str], flagged: set[str]) -> None:
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            relative = f"{prefix}{entry.name}"
            if entry.name.startswith(SYNCTHING_TEMPORARY):
                reasons.append(f"{CONTENT}/{relative} is still arriving (a Syncthing "
                               "temporary file)")
            elif is_link(entry):
                reasons.append(_odd(entry, f"{CONTENT}/{relative}"))
                flagged.add(relative)
            elif entry.is_dir(follow_symlinks=False):
                _walk(Path(entry.path), f"{relative}/", files, reasons, flagged)
            elif entry.is_file(follow_symlinks=False):
                info = entry.stat(follow_symlinks=False)
                files[relative] = (info.st_size, info.st_mtime_ns)
            else:
                reasons.append(_odd(entry, f"{CONTENT}/{relative}"))
                flagged.add(relative)


def is_link(entry: os.DirEntry[str]) -> bool:
    """A symbolic link, or on Windows any reparse point (a junction is no symlink to
    Python 3.11, yet leads elsewhere just the same)."""
    if entry.is_symlink():
        return True
    try:
        attributes = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attributes & stat.FILE_ATTRIBUTE_REPARSE_POINT)


def _odd(entry: os.DirEntry[str], shown: str) -> str:
    """Why an entry cannot be in a release."""
    if is_link(entry):
        try:
            target = os.readlink(entry.path)
        except OSError:
            target = "?"
        return (f"{shown} is a link (to {target}); a release holds only plain files and "
                "folders, and a link could lead out of it")
    if entry.is_dir(follow_symlinks=False):
        return f"{shown} is a folder that is not listed in {MANIFEST}"
    if entry.is_file(follow_symlinks=False):
        return f"{shown} is not listed in {MANIFEST} (added after publishing?)"
    try:
        kind = kind_of(entry.stat(follow_symlinks=False).st_mode)
    except OSError:
        kind = "not a regular file"
    return f"{shown} is {kind}, not a file"


def verify_release(folder: Path, *, program_version: str = __version__,
                   cancel: Cancel | None = None, progress: Progress | None = None,
                   validate: bool = True) -> Verdict:
    """Check the release in `folder` (see the module's text). Cheap checks come first: a
    release still arriving is told without hashing a byte."""
    folder = Path(folder)
    try:
        start = os.lstat(folder)
    except FileNotFoundError:
        return Verdict(folder, None, ("is not there (moved, renamed or deleted?)",))
    except OSError as exc:
        return Verdict(folder, None, (f"cannot be read ({exc.strerror or exc})",))
    if stat.S_ISLNK(start.st_mode):
        return Verdict(folder, None, ("is a link to a folder; a release is a plain folder",))
    if not stat.S_ISDIR(start.st_mode):
        return Verdict(folder, None, ("is not a folder",))
    try:
        manifest = read_manifest(folder)
    except ManifestProblem as exc:
        return Verdict(folder, None, (str(exc),))
    needed, have = versions.program_key(manifest.requires_kiosk), versions.program_key(
        program_version)
    if needed is not None and have is not None and needed > have:
        return Verdict(folder, manifest, (
            f"needs kiosk {manifest.requires_kiosk} or newer; this is kiosk "
            f"{program_version}: update the program to show it",))
    reasons = structure_reasons(manifest, read_tree(folder))
    if reasons:
        return Verdict(folder, manifest, reasons)
    before = _picture_stats(folder / CONTENT, manifest)
    try:
        reasons = _hash_all(folder / CONTENT, manifest, cancel, progress)
    except Cancelled:
        return Verdict(folder, manifest, (), cancelled=True)
    if not reasons:
        _vouch_pictures(before)
    if not reasons and validate:
        reasons = _validation(folder / CONTENT)
    if not reasons and not _same_folder(folder, start):
        reasons = ("the release folder was renamed, moved or replaced while it was read",)
    return Verdict(folder, manifest, reasons)


def structure_reasons(manifest: Manifest, tree: Tree) -> tuple[str, ...]:
    """Files missing, unlisted or of the wrong size: what can be told without reading."""
    missing, wrong, unlisted = [], [], []
    listed = set()
    for entry in manifest.files:
        listed.add(entry.path)
        found = tree.files.get(entry.path)
        if entry.path in tree.flagged:
            continue
        if found is None:
            missing.append(f"{CONTENT}/{entry.path} is listed in {MANIFEST} but not there "
                           "(still arriving, or deleted)")
        elif found[0] != entry.size:
            wrong.append(f"{CONTENT}/{entry.path} has {found[0]:,} bytes; {MANIFEST} says "
                         f"{entry.size:,} (still arriving, or changed)")
    unlisted = [f"{CONTENT}/{path} is not listed in {MANIFEST} (added after publishing?)"
                for path in sorted(set(tree.files) - listed)]
    return _capped([*tree.reasons, *missing, *wrong, *unlisted])


def _capped(reasons: list[str]) -> tuple[str, ...]:
    if len(reasons) <= MAX_REASONS:
        return tuple(reasons)
    return (*reasons[:MAX_REASONS], f"and {len(reasons) - MAX_REASONS:,} more problems")


PictureStat = tuple[Path, os.stat_result, tuple[object, ...]]


def _picture_stats(content: Path, manifest: Manifest) -> list[PictureStat]:
    """The pictures whose facts the manifest gives, as they are before hashing."""
    real = Path(os.path.realpath(content))
    found: list[PictureStat] = []
    for entry in manifest.files:
        if entry.picture is not None:
            with contextlib.suppress(OSError):
                found.append((real / entry.path, os.stat(real / entry.path), entry.picture))
    return found


def vouch_pictures(content: Path, manifest: Manifest) -> None:
    """A release just checked and then renamed (into a kiosk's store): its pictures'
    facts hold at their new names too, so the kiosk's first load decodes none of them."""
    _vouch_pictures(_picture_stats(content, manifest))


def _vouch_pictures(before: list[PictureStat]) -> None:
    """Every file matched its SHA-256: the publisher's picture checks hold for the files
    not touched since they were hashed (same size and time before and after)."""
    for path, info, picture in before:
        with contextlib.suppress(OSError):
            now = os.stat(path)
            if (now.st_size, now.st_mtime_ns) == (info.st_size, info.st_mtime_ns):
                images.vouch(path, now, list(picture))


def _hash_all(content: Path, manifest: Manifest, cancel: Cancel | None,
              progress: Progress | None) -> tuple[str, ...]:
    total, done = manifest.total_bytes, 0
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    reasons: list[str] = []
    if progress:
        progress(0, total)
    for entry in manifest.files:
        shown = f"{CONTENT}/{entry.path}"
        try:
            digest, size = file_digest(content / entry.path, view, cancel,
                                       _offset(progress, done, total))
        except FileNotFoundError:
            return (*reasons, f"{shown} disappeared while it was read (the release was "
                    "renamed, moved or deleted)")
        except _NotAFile:
            return (*reasons, f"{shown} was replaced by something that is not a file while "
                    "it was read")
        except OSError as exc:
            return (*reasons, f"{shown} cannot be read ({exc.strerror or exc}); was the "
                    "disk or USB stick removed?")
        done += entry.size
        if size != entry.size:
            reasons.append(f"{shown} changed size while it was read")
        elif digest != entry.sha256:
            reasons.append(f"{shown} does not match its SHA-256 in {MANIFEST} (changed "
                           "after publishing, or damaged)")
    return _capped(reasons)


def _offset(progress: Progress | None, base: int, total: int) -> Callable[[int], None] | None:
    """One file's progress as the whole release's."""
    if progress is None:
        return None
    return lambda count: progress(base + count, total)


class _NotAFile(OSError):
    pass


def file_digest(path: Path, view: memoryview, cancel: Cancel | None = None,
                progress: Callable[[int], object] | None = None) -> tuple[str, int]:
    """The SHA-256 (hex) and length of a regular file, read in chunks of len(view) without
    following a link; raises Cancelled between chunks when asked."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(
        os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb", buffering=0) as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _NotAFile(path)
        hasher = hashlib.sha256()
        length = 0
        while True:
            if cancel is not None and cancel():
                raise Cancelled
            count = file.readinto(view)
            if not count:
                break
            hasher.update(view[:count])
            length += count
            if progress is not None:
                progress(length)
    return hasher.hexdigest(), length


def _same_folder(folder: Path, start: os.stat_result) -> bool:
    """Is `folder` still the folder that was opened (not renamed away, not replaced)?"""
    try:
        now = os.lstat(folder)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (start.st_dev, start.st_ino)


def _validation(content: Path) -> tuple[str, ...]:
    result = load_folder(content)
    if not result.errors:
        return ()
    count = len(result.errors)
    return (f"its content does not validate ({count} error{'s' * (count > 1)}; the first: "
            f"{result.errors[0]})",)
