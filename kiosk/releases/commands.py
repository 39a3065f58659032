"""The terminal side of releases: `kiosk publish`, `kiosk releases`, `kiosk fleet status`.
Each returns an exit code (kiosk.services.exits) and prints sentences, never a traceback."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from kiosk.content.problems import listing
from kiosk.releases.fleet import STALE_AFTER, fleet_table, read_statuses
from kiosk.releases.inbox import Follower
from kiosk.releases.publish import PublishRefused, outbox_releases, publish
from kiosk.releases.store import ReleaseStore, StoreError, store_folder
from kiosk.releases.verify import verify_release
from kiosk.services import exits
from kiosk.services.paths import user_config_dir


def publish_command(folder: str, outbox: str, version: str | None, keep: int | None) -> int:
    if keep is None:
        from kiosk.services.settings import load_settings

        settings = load_settings()
        for problem in settings.problems:
            print(problem, file=sys.stderr)
        keep = settings.releases_keep
    source = Path(folder).expanduser()
    try:
        done = publish(source, Path(outbox).expanduser(), version=version, keep=keep)
    except PublishRefused as exc:
        if exc.problems:
            print(listing(exc.problems, source, str(source)))
        print(f"not published: {exc}", file=sys.stderr)
        return exits.PROBLEMS
    manifest = done.manifest
    print(f"published {manifest.title_text} version {manifest.version}: {done.folder}")
    print(f"  {len(manifest.files)} files, {manifest.total_bytes / 1024 ** 2:,.1f} MB; "
          f"needs kiosk {manifest.requires_kiosk} or newer")
    if done.warnings:
        count = len(done.warnings)
        print(f"  {count} warning{'s' * (count > 1)} in the content (published all the "
              f"same): kiosk validate {source}")
    for name in done.removed:
        print(f"  removed the old release {name} (keeping the last {keep})")
    for problem in done.problems:
        print(f"  {problem}", file=sys.stderr)
    return exits.OK


def releases_command(home: str | None) -> int:
    folder = store_folder(Path(home).expanduser() if home else user_config_dir())
    kept = ReleaseStore(folder).releases()
    if not kept:
        print(f"no releases kept in {folder}")
        return exits.OK
    print(f"releases kept in {folder}:")
    for release in kept:
        manifest = release.manifest
        print(f"{'*' if release.current else ' '} v{manifest.version:<10} "
              f"{manifest.published_at.strftime('%Y-%m-%d %H:%M')} UTC  {release.name}"
              f"{'  (shown)' if release.current else ''}")
    return exits.OK


def verify_command(folder: str) -> int:
    path = Path(folder).expanduser()
    start = time.perf_counter()
    verdict = verify_release(path)
    seconds = time.perf_counter() - start
    if verdict.ok and verdict.manifest is not None:
        manifest = verdict.manifest
        print(f"{path}: complete and valid, version {manifest.version}, "
              f"{len(manifest.files)} files, {manifest.total_bytes / 1024 ** 2:,.1f} MB, "
              f"checked in {seconds:.2f} s")
        return exits.OK
    print(f"{path}: not a release the kiosk would show:")
    for reason in verdict.reasons:
        print(f"  {reason}")
    return exits.PROBLEMS


def follow_command(inbox: str, home: str | None) -> int:
    """Take the newest good release from an inbox into the store, as the kiosk will."""
    store = ReleaseStore(store_folder(Path(home).expanduser() if home else user_config_dir()))
    view = Follower(Path(inbox).expanduser()).look()
    if view.problem:
        print(view.problem, file=sys.stderr)
    for ignored in view.ignored:
        print(f"ignored {ignored.summary()}")
    if view.chosen is None:
        print("no complete and valid release in the inbox; nothing changed")
        return exits.PROBLEMS
    try:
        taken = store.take(view.chosen)
    except StoreError as exc:
        print(f"not taken: {exc}", file=sys.stderr)
        return exits.PROBLEMS
    word = "now shown" if taken.switched else "kept (the release shown stays)"
    print(f"{taken.release.name}: {'copied and ' if taken.added else ''}{word}")
    return exits.OK


def select_command(how: str, home: str | None) -> int:
    store = ReleaseStore(store_folder(Path(home).expanduser() if home else user_config_dir()))
    try:
        release = store.rollback() if how == "back" else store.forward()
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return exits.PROBLEMS
    print(f"now shown: {release.name} (version {release.manifest.version})")
    return exits.OK


def fleet_status_command(folder: str, outbox: str | None, stale_minutes: float | None) -> int:
    statuses, problems = read_statuses(Path(folder).expanduser())
    for problem in problems:
        print(problem, file=sys.stderr)
    if not statuses:
        print(f"no kiosk status files in {folder}")
        return exits.PROBLEMS
    newest = None
    if outbox:
        published = outbox_releases(Path(outbox).expanduser())
        newest = published[0].manifest.version if published else None
    stale = dt.timedelta(minutes=stale_minutes) if stale_minutes else STALE_AFTER
    print(fleet_table(statuses, stale_after=stale, newest=newest))
    return exits.OK
