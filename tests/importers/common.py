"""Helpers of the import tests: run an import, read what it wrote, guard the network."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from kiosk.content import LoadResult, load_folder
from kiosk.importers import ImportRefused, Report, import_source
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "timelinejs"


def imported(source: Path, out: Path, **options: Any) -> tuple[Report, LoadResult]:
    """Import, then load the new folder as the kiosk would."""
    report, _ = import_source(source, out, **options)
    return report, load_folder(out)


def refused(source: Path, out: Path, **options: Any) -> tuple[str, Report]:
    """Import a source that must be refused: the refusal with the report's lines, and
    nothing written."""
    report = Report(source.name)
    with pytest.raises(ImportRefused) as caught:
        import_source(source, out, report=report, **options)
    assert not out.exists() or not any(out.iterdir()), "a refused import wrote something"
    leftovers = [p.name for p in out.parent.iterdir() if ".importing-" in p.name]
    assert leftovers == [], "a temporary folder was left behind"
    return "\n".join([*report.lines(), str(caught.value)]), report


def written(folder: Path) -> str:
    """Every YAML file of a folder, one after the other."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.yaml")))


def timeline(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def event(year: int | str, headline: str, **more: Any) -> dict[str, Any]:
    return {"start_date": {"year": str(year)}, "text": {"headline": headline}, **more}


@contextmanager
def no_network() -> Iterator[list[tuple[Any, ...]]]:
    """Any socket the code under test opens, inside the block, is refused and counted."""
    opened: list[tuple[Any, ...]] = []
    real = socket.socket

    class Guard(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            opened.append(args)
            raise OSError("the import must open no socket")

    def connect(*args: Any, **kwargs: Any) -> socket.socket:
        opened.append(args)
        raise OSError("the import must open no connection")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "socket", Guard)
        patch.setattr(socket, "create_connection", connect)
        yield opened
