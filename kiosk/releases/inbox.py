"""Following an inbox: which release in a folder the kiosk should show.

The releases in an inbox (a Syncthing Receive Only folder, a network share, a USB stick)
arrive file by file, in any order, and may be damaged or changed by hand. The follower
takes the newest release that is complete and valid, and tells why it passed over each
newer one. "Newest" is decided by the version alone; the publishing time only orders two
copies of the same release (the same files). A clock that ran backwards on one machine can
therefore never make an old release win, and the kiosk's own clock is never asked."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kiosk import __version__
from kiosk.releases.manifest import Manifest, ManifestProblem, read_manifest
from kiosk.releases.verify import Cancel, Progress, Verdict, read_tree, verify_release


@dataclass(frozen=True)
class Ignored:
    name: str
    reasons: tuple[str, ...]

    def summary(self) -> str:
        return f"{self.name}: " + "; ".join(self.reasons)


@dataclass(frozen=True)
class InboxView:
    """What the follower saw in the inbox at one look."""

    chosen: Verdict | None  # the newest complete and valid release; None: none is
    ignored: tuple[Ignored, ...]  # newer than the chosen one (or all), each with its reasons
    older: tuple[str, ...]  # older than the chosen one: not checked
    problem: str | None = None  # the inbox itself cannot be read
    cancelled: bool = False


@dataclass
class Follower:
    """Looks at an inbox folder whenever asked. A release already verified is not hashed
    again while none of its files changed (size, time) since."""

    inbox: Path
    program_version: str = __version__
    _known: dict[str, tuple[object, Verdict]] = field(default_factory=dict, repr=False)

    def look(self, cancel: Cancel | None = None, progress: Progress | None = None
             ) -> InboxView:
        try:
            entries = sorted((e for e in os.scandir(self.inbox)
                              if not e.name.startswith(".") and e.name != "~syncthing~"),
                             key=lambda e: e.name)
        except FileNotFoundError:
            return InboxView(None, (), (), f"the inbox {self.inbox} is not there (a USB stick "
                             "not plugged in, or a Syncthing folder not shared yet?)")
        except OSError as exc:
            return InboxView(None, (), (), f"the inbox {self.inbox} cannot be read "
                             f"({exc.strerror or exc})")
        ignored: list[Ignored] = []
        readable: list[tuple[Path, Manifest]] = []
        for entry in entries:
            folder = Path(entry.path)
            if not entry.is_dir(follow_symlinks=False):
                if entry.is_symlink():
                    ignored.append(Ignored(entry.name, ("is a link; a release is a plain "
                                                        "folder",)))
                continue  # a stray file beside the releases is none of the kiosk's business
            try:
                readable.append((folder, read_manifest(folder)))
            except ManifestProblem as exc:
                ignored.append(Ignored(entry.name, (str(exc),)))
        present = {entry.name for entry in entries}
        for gone in set(self._known) - present:  # forget releases no longer there
            del self._known[gone]
        candidates, twins = _one_per_version(readable)
        ignored += twins
        candidates.sort(key=lambda c: (c[1].key, c[1].published_at), reverse=True)
        for index, (folder, _manifest) in enumerate(candidates):
            verdict = self._verify(folder, cancel, progress)
            if verdict.cancelled:
                return InboxView(None, tuple(ignored), (), cancelled=True)
            if verdict.ok:
                older = tuple(f.name for f, _ in candidates[index + 1:])
                return InboxView(verdict, tuple(ignored), older)
            ignored.append(Ignored(folder.name, verdict.reasons))
        return InboxView(None, tuple(ignored), ())

    def _verify(self, folder: Path, cancel: Cancel | None, progress: Progress | None
                ) -> Verdict:
        tree = read_tree(folder)
        state = (tree.manifest_state, sorted(tree.files.items()), tree.reasons)
        known = self._known.get(folder.name)
        if known is not None and known[0] == state:
            return known[1]
        verdict = verify_release(folder, program_version=self.program_version,
                                 cancel=cancel, progress=progress)
        if not verdict.cancelled:
            self._known[folder.name] = (state, verdict)
        return verdict


def _one_per_version(readable: list[tuple[Path, Manifest]]
                     ) -> tuple[list[tuple[Path, Manifest]], list[Ignored]]:
    """Two releases with one version: copies of one release (the same files) count once;
    different ones are both ignored, since nothing tells which the editor meant."""
    by_version: dict[tuple[int, ...], list[tuple[Path, Manifest]]] = {}
    for folder, manifest in readable:
        by_version.setdefault(manifest.key, []).append((folder, manifest))
    kept: list[tuple[Path, Manifest]] = []
    ignored: list[Ignored] = []
    for group in by_version.values():
        first = group[0]
        if all(m.files == first[1].files for _, m in group):
            kept.append(first)
            ignored += [Ignored(f.name, (f"a copy of {first[0].name} (same version, same "
                                         "files)",)) for f, _ in group[1:]]
            continue
        names = ", ".join(f.name for f, _ in group)
        ignored += [Ignored(f.name, (f"{len(group)} different releases have version "
                                     f"{m.version} ({names}); none of them is taken: "
                                     "publish a new version",)) for f, m in group]
    return kept, ignored
