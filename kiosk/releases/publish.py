"""`kiosk publish`: turn a content folder into a release in an outbox.

The content is validated first (a release with errors is never made), copied file for file
into a hidden temporary folder while each file is hashed, the folder is renamed to its
release name, and the manifest is written last, by temporary name and rename: a release
with a manifest is complete. Releases never change: a version is published once."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import os
import platform
import stat
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk import __version__
from kiosk.content import images, load_folder
from kiosk.content.files import kind_of
from kiosk.content.problems import Problem
from kiosk.core.atomic import TEMPORARY_PREFIX, write_atomic
from kiosk.releases import versions
from kiosk.releases.disk import CHUNK, remove_tree, rename_folder
from kiosk.releases.manifest import (
    CONTENT,
    MANIFEST,
    FileEntry,
    Manifest,
    manifested,
    path_problem,
    release_name,
    slug,
)
from kiosk.releases.verify import SYNCTHING_TEMPORARY, is_link

PUBLISHING = f"{TEMPORARY_PREFIX}publishing-"
STIGNORE = ".stignore"
# Syncthing reads .stignore in the outbox: a release being written is not sent half
STIGNORE_TEXT = ("// written by kiosk publish: releases being written are not sent\n"
                 f"{TEMPORARY_PREFIX}*\n")


class PublishRefused(Exception):
    """Why nothing was published, in one sentence; `problems` when the content has errors."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Published:
    folder: Path
    manifest: Manifest
    removed: tuple[str, ...]  # older releases removed to keep the last N
    problems: tuple[str, ...]  # what could not be tidied (the release itself is complete)
    warnings: tuple[Problem, ...] = ()  # the content's warnings (published all the same)


@dataclass(frozen=True)
class OutboxRelease:
    folder: Path
    manifest: Manifest


def outbox_releases(outbox: Path) -> list[OutboxRelease]:
    """The complete releases (with a manifest that reads) in a folder, newest version first;
    publish times only order two copies of one version."""
    return [OutboxRelease(folder, manifest) for folder, manifest in manifested(outbox)]


def source_files(root: Path) -> list[tuple[str, Path]]:
    """Every file of a content folder as (path in the release, real file), hidden files
    and Syncthing's temporary files left out. A link is followed when it stays inside the
    folder (the release then holds a plain copy); anything else refuses the publication."""
    real_root = root.resolve()
    found: list[tuple[str, Path]] = []
    seen: dict[str, str] = {}

    def walk(folder: Path, prefix: str) -> None:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.startswith((".", *SYNCTHING_TEMPORARY)):
                continue
            relative = f"{prefix}{entry.name}"
            path = Path(entry.path)
            link = is_link(entry)
            if link:
                real = path.resolve()
                if not real.is_relative_to(real_root):
                    raise PublishRefused(f"{relative} is a link to a place outside the "
                                         "content folder; copy the file into the folder")
                path = real
            problem = path_problem(relative)
            if problem:
                raise PublishRefused(f"{relative} {problem}; rename it")
            folded = relative.casefold()
            if folded in seen:
                raise PublishRefused(f"{seen[folded]} and {relative}: Windows cannot hold two "
                                     "names that differ only in case; rename one")
            seen[folded] = relative
            mode = path.stat().st_mode
            if stat.S_ISDIR(mode):
                if link:
                    raise PublishRefused(f"{relative} is a link to a folder; copy the folder "
                                         "in instead")
                walk(path, f"{relative}/")
            elif stat.S_ISREG(mode):
                found.append((relative, path))
            else:
                raise PublishRefused(f"{relative} is {kind_of(mode)}, not a file")

    walk(root, "")
    return found


def exhibit_id(title: str, folder: Path) -> str:
    return slug(title, fallback=slug(folder.resolve().name))


def publish(source: Path, outbox: Path, *, version: str | None = None, keep: int = 10,
            now: dt.datetime | None = None, user: str | None = None,
            machine: str | None = None) -> Published:
    """Publish `source` into `outbox` (see the module's text); raises PublishRefused."""
    source, outbox = Path(source), Path(outbox)
    result = load_folder(source)
    if result.exhibit is None:
        count = len(result.errors)
        raise PublishRefused(f"{source} has {count} error{'s' * (count != 1)}; fix "
                             f"{'them' if count != 1 else 'it'} and publish again",
                             result.problems)
    if outbox.resolve().is_relative_to(source.resolve()):
        raise PublishRefused(f"the outbox {outbox} is inside the content folder {source}; "
                             "choose a folder outside it")
    existing = outbox_releases(outbox)
    version = _chosen_version(version, existing)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    title = result.exhibit.title
    exhibit = exhibit_id(title.get(title.default), source)
    name = release_name(exhibit, version, now)
    try:
        files = source_files(source)
    except OSError as exc:
        raise PublishRefused(f"{source} cannot be read ({exc.strerror or exc})") from None
    final = outbox / name
    temporary = outbox / f"{PUBLISHING}{name}-{uuid.uuid4().hex[:8]}"
    try:
        outbox.mkdir(parents=True, exist_ok=True)
        _tidy(outbox)
        if final.exists():
            raise PublishRefused(f"{final} exists already; releases never change")
        (temporary / CONTENT).mkdir(parents=True)
        entries = tuple(_copy(path, temporary / CONTENT / relative, relative)
                        for relative, path in files)
        if load_folder(temporary / CONTENT).errors:
            raise PublishRefused(f"{source} changed while it was published and the copy does "
                                 "not validate; nothing was published")
        entries = _with_pictures(temporary / CONTENT, entries)
        rename_folder(temporary, final)
    except OSError as exc:
        remove_tree(temporary)
        raise PublishRefused(f"cannot write the release in {outbox}: {exc.strerror or exc} "
                             f"({exc.filename}); nothing was published") from None
    except BaseException:
        remove_tree(temporary)
        raise
    manifest = Manifest(exhibit, tuple(title.values),
                        version, now, user if user is not None else _user(),
                        machine if machine is not None else platform.node(), __version__,
                        entries)
    try:
        write_atomic(final / MANIFEST, manifest.to_json().encode("utf-8"))
    except OSError as exc:
        remove_tree(final)
        raise PublishRefused(f"cannot write {MANIFEST} in {final}: {exc.strerror or exc}; "
                             "nothing was published") from None
    removed, problems = prune(outbox, keep)
    return Published(final, manifest, removed, problems, tuple(result.warnings))


def _with_pictures(content: Path, entries: tuple[FileEntry, ...]) -> tuple[FileEntry, ...]:
    """Each picture's facts as the copy's validation found them whole, for the manifest."""
    real = Path(os.path.realpath(content))
    found = [(entry, images.known(real / entry.path)) for entry in entries]
    return tuple(replace(entry, picture=tuple(images.answer_row(info))) if info else entry
                 for entry, info in found)


def _chosen_version(version: str | None, existing: list[OutboxRelease]) -> str:
    newest = existing[0].manifest if existing else None
    if version is None:
        return versions.next_version(newest.version if newest else None)
    problem = versions.problem(version)
    if problem:
        raise PublishRefused(problem)
    key = versions.version_key(version)
    same = [r for r in existing if r.manifest.key == key]
    if same:
        other = same[0].manifest.version
        shown = version if other == version else f"{version} (the same as {other})"
        raise PublishRefused(f"version {shown} is published already ({same[0].folder.name}); "
                             "a release never changes: publish version "
                             f"{versions.next_version(newest.version if newest else None)}")
    if newest is not None and key is not None and key < newest.key:
        raise PublishRefused(f"version {version} is older than {newest.version}, the newest in "
                             "the outbox, and kiosks show the highest version: publish version "
                             f"{versions.next_version(newest.version)}")
    return version


def _copy(source: Path, target: Path, relative: str) -> FileEntry:
    """Copy one file, hashing the bytes as they are written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    hasher = hashlib.sha256()
    size = 0
    with source.open("rb") as reader, target.open("xb") as writer:
        while chunk := reader.read(CHUNK):
            hasher.update(chunk)
            writer.write(chunk)
            size += len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return FileEntry(relative, size, hasher.hexdigest())


def _tidy(outbox: Path) -> None:
    """Leftovers of a publication that was cut short (power cut), and the .stignore."""
    for entry in os.scandir(outbox):
        if entry.name.startswith(PUBLISHING) and entry.is_dir(follow_symlinks=False):
            remove_tree(Path(entry.path))
    if not (outbox / STIGNORE).exists():
        write_atomic(outbox / STIGNORE, STIGNORE_TEXT.encode("utf-8"))


def prune(outbox: Path, keep: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Keep the `keep` newest complete releases; older ones go, manifest first (so that a
    half-removed release is never taken for a complete one)."""
    removed: list[str] = []
    problems: list[str] = []
    for old in outbox_releases(outbox)[max(keep, 1):]:
        try:
            (old.folder / MANIFEST).unlink()
        except OSError as exc:
            problems.append(f"{old.folder.name} could not be removed ({exc.strerror or exc})")
            continue
        problem = remove_tree(old.folder)
        if problem:
            problems.append(problem)
        removed.append(old.folder.name)
    return tuple(removed), tuple(problems)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment
        return ""
