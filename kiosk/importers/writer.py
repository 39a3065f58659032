"""Writing the new content folder: all of it in a temporary folder beside the target,
checked with kiosk.content's own loader, then renamed into place. A failed import leaves
nothing half-written, and an existing folder is replaced only when asked (`--force`)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from kiosk.content import load_folder
from kiosk.content.problems import Problem
from kiosk.content.schema import json_schema
from kiosk.importers.draft import Draft
from kiosk.importers.report import ImportRefused
from kiosk.importers.yamlout import event_yaml, exhibit_yaml


def check_target(out: Path, force: bool) -> None:
    """Refuse before any work when the target exists and may not be replaced."""
    if out.exists() and not out.is_dir():
        raise ImportRefused(f"{out} is a file, not a folder: give a new folder's name")
    if out.exists() and any(out.iterdir()) and not force:
        raise ImportRefused(f"{out} already exists; nothing was written. Give another "
                            "folder, or add --force to replace it")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(text)


def write_files(draft: Draft, folder: Path) -> None:
    """The draft's YAML files, its pictures, and the JSON Schemas editors' tools read."""
    _write(folder / "exhibit.yaml", exhibit_yaml(draft))
    for event in draft.events:
        if event.file != "exhibit.yaml":
            _write(folder / event.file, event_yaml(event, draft.languages))
        for media in event.media:
            if media.source is not None:
                target = folder / media.image
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(media.source, target)
    schema = json_schema()
    _write(folder / "exhibit.schema.json", json.dumps(schema, indent=2, ensure_ascii=False)
           + "\n")
    _write(folder / "event.schema.json", json.dumps(schema["$defs"]["event"], indent=2,
                                                    ensure_ascii=False) + "\n")


def write_folder(draft: Draft, out: Path, force: bool) -> list[Problem]:
    """Write the draft as the content folder `out`; returns what `kiosk validate` says of
    it (warnings only). Raises ImportRefused, with nothing left behind, when the folder
    would not pass `kiosk validate` or cannot be written."""
    out = out.absolute()
    check_target(out, force)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.importing-", dir=out.parent))
    except OSError as exc:
        raise ImportRefused(f"cannot write in {out.parent}: {exc.strerror or exc}") from None
    try:
        write_files(draft, work)
        result = load_folder(work)
        if result.errors:
            listed = "\n".join(str(p) for p in result.errors[:20])
            raise ImportRefused(f"the folder made from the source does not pass kiosk "
                                f"validate, so nothing was written:\n{listed}")
        check_target(out, force)  # again: something may have made it meanwhile
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.replaced-", dir=out.parent))
            os.replace(out, old / out.name)  # a rename: the old folder is whole until here
            os.replace(work, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(work, out)
        return result.warnings
    except OSError as exc:
        raise ImportRefused(f"cannot write {out}: {exc.strerror or exc}; nothing was "
                            "written") from None
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
