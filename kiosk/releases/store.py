"""The kiosk's own copies of its last good releases, and which one it shows.

A release the follower chose is copied from the inbox into the store (a folder in the
kiosk's home) under a hidden temporary name, the copy is verified as a whole (sizes, hashes,
validation), and only then renamed to its release name: a full disk, a USB stick pulled out
or a release renamed in the inbox while it is copied leaves nothing behind but the reason.
So a deleted or damaged inbox never takes the exhibit away.

`current.json` says which release is shown; it is written by temporary name and rename.
A new release (a version above every release the store has) becomes current when it
arrives; a release the store already has does not, so a rollback chosen by staff holds
until the editor publishes a newer version."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__
from kiosk.core.atomic import TEMPORARY_PREFIX, Writer, write_atomic, write_chunk
from kiosk.releases.disk import CHUNK, free_bytes, remove_tree, rename_folder
from kiosk.releases.manifest import (
    CONTENT,
    MANIFEST,
    Manifest,
    ManifestProblem,
    manifested,
    parse_manifest,
    read_manifest_bytes,
    utc_text,
)
from kiosk.releases.verify import (
    Cancel,
    Cancelled,
    Progress,
    Verdict,
    verify_release,
    vouch_pictures,
)

STORE_FOLDER = "releases"  # in the kiosk's home
KEEP = 3  # good releases kept, besides the one shown
POINTER = "current.json"
INCOMING = f"{TEMPORARY_PREFIX}incoming-"
SPARE_BYTES = 64 * 1024 * 1024  # left free on the disk after a copy: the log, statistics


class StoreError(Exception):
    """Why a release could not be taken or chosen, in one sentence."""


@dataclass(frozen=True)
class StoredRelease:
    folder: Path
    manifest: Manifest
    current: bool = False

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def content(self) -> Path:
        return self.folder / CONTENT


@dataclass(frozen=True)
class Pointer:
    name: str
    since: dt.datetime  # when it became current (UTC)
    how: str  # "new release", "rollback", "forward", "chosen"


@dataclass(frozen=True)
class Taken:
    release: StoredRelease
    added: bool  # copied in now (False: the store had it already)
    switched: bool  # it became the current release
    removed: tuple[str, ...]  # old releases removed to keep the last few


def store_folder(home: Path) -> Path:
    return Path(home) / STORE_FOLDER


class ReleaseStore:
    """The releases kept in `folder` (see the module's text)."""

    def __init__(self, folder: Path, *, program_version: str = __version__,
                 keep: int = KEEP) -> None:
        self.folder = Path(folder)
        self.program_version = program_version
        self.keep = keep

    def releases(self) -> list[StoredRelease]:
        """The kept releases, newest version first, the current one marked."""
        pointer = self.pointer()
        found = [StoredRelease(folder, manifest) for folder, manifest in manifested(self.folder)]
        current = self._current_name(pointer, found)
        return [StoredRelease(r.folder, r.manifest, r.name == current) for r in found]

    def current(self) -> StoredRelease | None:
        return next((r for r in self.releases() if r.current), None)

    def pointer(self) -> Pointer | None:
        """What current.json says, or None when it is missing or cannot be read."""
        try:
            raw = json.loads((self.folder / POINTER).read_text(encoding="utf-8"))
            return Pointer(str(raw["release"]), dt.datetime.fromisoformat(raw["since"]),
                           str(raw.get("how", "")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @staticmethod
    def _current_name(pointer: Pointer | None, found: list[StoredRelease]) -> str | None:
        """The pointer's release if it is kept; else the newest (a pointer lost to a power
        cut, or a release removed by hand, must not leave the kiosk without content)."""
        names = [r.name for r in found]
        if pointer is not None and pointer.name in names:
            return pointer.name
        return names[0] if names else None

    def select(self, name: str, how: str = "chosen", now: dt.datetime | None = None
               ) -> StoredRelease:
        """Make a kept release the current one; raises StoreError."""
        release = next((r for r in self.releases() if r.name == name), None)
        if release is None:
            raise StoreError(f"{name} is not among the kept releases")
        moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
        data = json.dumps({"release": name, "since": utc_text(moment), "how": how},
                          ensure_ascii=False) + "\n"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / POINTER, data.encode("utf-8"))
        except OSError as exc:
            raise StoreError(f"cannot switch to {name}: {exc.strerror or exc}") from None
        return StoredRelease(release.folder, release.manifest, True)

    def rollback(self, now: dt.datetime | None = None) -> StoredRelease:
        """Go back to the next older kept release."""
        return self._step(+1, "rollback", now)

    def forward(self, now: dt.datetime | None = None) -> StoredRelease:
        """Go forward to the next newer kept release."""
        return self._step(-1, "forward", now)

    def _step(self, step: int, how: str, now: dt.datetime | None) -> StoredRelease:
        kept = self.releases()
        index = next((i for i, r in enumerate(kept) if r.current), None)
        if index is None or not 0 <= index + step < len(kept):
            word = "older" if step > 0 else "newer"
            raise StoreError(f"there is no {word} release to go to")
        return self.select(kept[index + step].name, how, now)

    def take(self, verdict: Verdict, *, cancel: Cancel | None = None,
             progress: Progress | None = None, write: Writer = write_chunk,
             now: dt.datetime | None = None, showing: str | None = None) -> Taken:
        """Keep the release the follower chose; it becomes current when it is newer than
        every kept release (or none is current). Raises StoreError or Cancelled.

        `showing`: the release on the screen now, if the kiosk has not switched to the
        current one yet (it waits for the welcome screen): it is not removed, since the
        kiosk still reads its pictures."""
        if not verdict.ok or verdict.manifest is None:
            raise StoreError(f"{verdict.summary()}; it is not taken")
        kept = self.releases()
        existing = next((r for r in kept if r.name == verdict.name), None)
        shown = next((r for r in kept if r.current), None)
        if existing is None and shown is not None and kept and \
                verdict.manifest.key < kept[0].manifest.key:
            # the inbox lost its newest release (deleted, or pruned by the editor): the
            # kiosk has newer ones of its own and does not go back by itself
            return Taken(shown, False, False, ())
        if existing is None:
            same = next((r for r in kept if r.manifest.key == verdict.manifest.key), None)
            if same is not None:
                raise StoreError(f"{verdict.name} has version {verdict.manifest.version}, "
                                 f"which the kiosk keeps already as {same.name} (different "
                                 "files); a release never changes: publish a new version")
            added = self.add(verdict.folder, cancel=cancel, progress=progress, write=write,
                             validated=True)
        else:
            added = existing
        newest = max((r.manifest.key for r in kept if r.name != added.name), default=None)
        switch = not any(r.current for r in kept) or (
            existing is None and (newest is None or added.manifest.key > newest))
        if switch:
            added = self.select(added.name, "new release", now)
        return Taken(added, existing is None, switch, self.prune(showing))

    def add(self, source: Path, *, cancel: Cancel | None = None,
            progress: Progress | None = None, write: Writer = write_chunk,
            validated: bool = False) -> StoredRelease:
        """Copy the release in `source` into the store, verified, or leave nothing; raises
        StoreError or Cancelled.

        `validated`: the source's content was validated when its files matched their
        hashes; the copy matching the same hashes holds the same bytes, so it is not
        validated again (for the bundled exhibit that saves about 2 s of decoding)."""
        source = Path(source)
        try:
            manifest_bytes = read_manifest_bytes(source)
            manifest = parse_manifest(manifest_bytes)
        except ManifestProblem as exc:
            raise StoreError(f"{source.name}: {exc}") from None
        self._tidy()
        needed = manifest.total_bytes + SPARE_BYTES
        free = free_bytes(self.folder)
        if free is not None and free < needed:
            raise StoreError(f"not enough space to keep {source.name}: it needs "
                             f"{_mb(needed)} and {_mb(free)} are free in {self.folder}")
        temporary = self.folder / f"{INCOMING}{source.name}-{uuid.uuid4().hex[:8]}"
        total = 2 * manifest.total_bytes  # copied, then read again to verify

        def report(done: int) -> None:
            if progress is not None:
                progress(done, total)

        try:
            (temporary / CONTENT).mkdir(parents=True)
            done = 0
            for entry in manifest.files:
                _copy_checked(source / CONTENT / entry.path,
                              temporary / CONTENT / entry.path, entry.sha256,
                              f"{CONTENT}/{entry.path}", write, cancel,
                              _from(report, done))
                done += entry.size
            write_atomic(temporary / MANIFEST, manifest_bytes, write)
            verdict = verify_release(temporary, program_version=self.program_version,
                                     cancel=cancel, validate=not validated,
                                     progress=lambda n, _: report(manifest.total_bytes + n))
            if verdict.cancelled:
                raise Cancelled
            if not verdict.ok:
                raise StoreError(f"the copy of {source.name} is not right: "
                                 + "; ".join(verdict.reasons))
            final = self.folder / source.name
            rename_folder(temporary, final)
            vouch_pictures(final / CONTENT, manifest)
        except (StoreError, Cancelled):
            remove_tree(temporary)
            raise
        except OSError as exc:
            remove_tree(temporary)
            raise StoreError(_copy_failure(source, self.folder, exc)) from None
        except BaseException:
            remove_tree(temporary)
            raise
        return StoredRelease(final, manifest)

    def prune(self, showing: str | None = None) -> tuple[str, ...]:
        """Keep the `keep` newest releases, the current one and the one `showing`; remove
        the others."""
        removed = []
        for index, release in enumerate(self.releases()):
            if index < self.keep or release.current or release.name == showing:
                continue
            try:
                (release.folder / MANIFEST).unlink()
            except OSError:
                continue
            remove_tree(release.folder)
            removed.append(release.name)
        return tuple(removed)

    def _tidy(self) -> None:
        """Copies cut short by a power cut or a crash."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for entry in os.scandir(self.folder):
            if entry.name.startswith(TEMPORARY_PREFIX) and entry.is_dir(follow_symlinks=False):
                remove_tree(Path(entry.path))


def _copy_checked(source: Path, target: Path, sha256: str, shown: str, write: Writer,
                  cancel: Cancel | None, progress: Callable[[int], None]) -> None:
    """Copy one file, hashing what is read; a file that does not match is not kept."""
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    hasher = hashlib.sha256()
    done = 0
    with os.fdopen(os.open(source, flags), "rb", buffering=0) as reader, \
            target.open("xb") as writer:
        buffer = memoryview(bytearray(CHUNK))
        while count := reader.readinto(buffer):
            if cancel is not None and cancel():
                raise Cancelled
            hasher.update(buffer[:count])
            write(writer, buffer[:count])
            done += count
            progress(done)
        writer.flush()
        os.fsync(writer.fileno())
    if hasher.hexdigest() != sha256:
        raise StoreError(f"{shown} changed in the inbox while it was copied; it will be "
                         "copied again when it is complete")


def _copy_failure(source: Path, store: Path, exc: OSError) -> str:
    where = exc.filename or ""
    if exc.errno == errno.ENOSPC or getattr(exc, "winerror", None) in (39, 112):
        return (f"the disk is full: {source.name} could not be copied into {store}; "
                "nothing was kept of it")
    if where and Path(where).is_relative_to(store):
        return (f"{source.name} could not be written into {store} "
                f"({exc.strerror or exc}); nothing was kept of it")
    return (f"{source.name} could not be read from the inbox ({exc.strerror or exc}): the "
            "USB stick pulled out, or the release moved or renamed while it was copied? "
            "nothing was kept of it")


def _from(report: Callable[[int], None], base: int) -> Callable[[int], None]:
    return lambda count: report(base + count)


def _mb(count: int) -> str:
    return f"{count / (1024 * 1024):,.0f} MB"
