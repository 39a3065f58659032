"""The content's problems as editors and staff see them: a panel on screen while an editor
works windowed, and the same list on the staff PIN pad in kiosk mode (it is not secret).

Visitors never see it: in kiosk mode the editor panel stays hidden and only the PIN pad,
behind the hidden corner or the key chord, shows the list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.content.problems import Problem, capped, more_text
from kiosk.services.guard import guarded
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ContentReport", "breakable",
           "command", "validate_command"]

_WORD_JOINER = "\u2060"  # invisible: no line break here
_NO_BREAK_SPACE = "\u00a0"
_ZERO_WIDTH_SPACE = "\u200b"  # invisible: a line may break here
MAX_ROWS = 200  # problems listed on screen; the rest are counted (kiosk validate lists all)


def breakable(text: str) -> str:
    """Text that wraps only at spaces and after path separators, never after a hyphen:
    `kiosk set-pin` or `olympics-2008` must not become `set-` / `pin` on screen."""
    return text.replace("-", "-" + _WORD_JOINER)


def command(text: str) -> str:
    """A command to type, broken only after a path separator when it must wrap:
    `kiosk validate /home/editor/exhibit` never splits between its words."""
    return (breakable(text).replace(" ", _NO_BREAK_SPACE)
            .replace("\\", "\\" + _ZERO_WIDTH_SPACE))  # Qt breaks after '/', not '\\'


def validate_command(folder: Path) -> str:
    """What to type to see the same list in a terminal."""
    quoted = f'"{folder}"' if re.search(r"\s", str(folder)) else str(folder)
    return f"kiosk validate {quoted}"


@QmlElement
@QmlSingleton
class ContentReport(QObject):
    """The content folder's problems from the last load, and whether the editor panel shows."""

    changed = Signal()

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "report")

    def __init__(self, folder: Path, editor_view: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._editor_view = editor_view  # windowed: the editor panel may show
        self._problems: tuple[Problem, ...] = ()
        self._rows: list[dict[str, str]] | None = None
        self._kept = ""
        self._dismissed = False

    def update(self, problems: Sequence[Problem], kept: str = "the last good content") -> None:
        """A new load's problems; `kept` names what the kiosk shows while there are errors."""
        self._problems = tuple(problems)
        self._rows = None
        self._kept = kept
        self._dismissed = False
        self.changed.emit()

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._problems

    @property
    def folder(self) -> Path:
        return self._folder

    def error_count(self) -> int:
        return sum(p.is_error for p in self._problems)

    @Property(int, notify=changed)
    def errorCount(self) -> int:
        return self.error_count()

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]
    def rows(self) -> list[dict[str, str]]:
        """One row per problem: where (file:line:col), then its level and what to do; the
        first few of each file, then how many more (made once per load)."""
        if self._rows is None:
            self._rows = self._make_rows()
        return self._rows

    def _make_rows(self) -> list[dict[str, str]]:
        shown, more = capped(list(self._problems))  # the first of each file, and a count
        rows = []
        if len(shown) > MAX_ROWS:  # QML makes an item per row, on the UI thread: bounded
            rest = shown[MAX_ROWS:]
            shown = shown[:MAX_ROWS]
            files = {p.file for p in rest} | {f for f in more if f not in
                                               {p.file for p in shown}}
            left = len(rest) + sum(count for f, count in more.items()
                                   if f not in {p.file for p in shown})
            more = {f: count for f, count in more.items() if f in {p.file for p in shown}}
            tail = {"where": "…", "message": breakable(
                f"and {left:,} more problems in {len(files):,} files; "
                f"{validate_command(self._folder)} lists them all")}
        else:
            tail = None
        for index, p in enumerate(shown):
            where = f"{p.file}:{p.line}:{p.col}" if p.line else p.file
            rows.append({"where": breakable(where),
                         "message": breakable(f"{p.level}: {p.message}")})
            last_of_file = index + 1 == len(shown) or shown[index + 1].file != p.file
            if last_of_file and p.file in more:
                rows.append({"where": breakable(p.file),
                             "message": breakable(more_text(more.pop(p.file), p.file))})
        return rows + ([tail] if tail else [])

    @Property(str, notify=changed)
    def headline(self) -> str:
        """`The content has 2 errors, 1 warning: the kiosk shows the last good content.`"""
        if not self._problems:
            return "The content has no problems."
        errors = self.error_count()
        counts = [f"{n} {word}{'' if n == 1 else 's'}" for n, word in
                  ((errors, "error"), (len(self._problems) - errors, "warning")) if n]
        text = f"The content has {' and '.join(counts)}"
        if errors:
            text += f": the kiosk shows {self._kept}"
        return text + "."

    @Property(str, notify=changed)
    def checkCommand(self) -> str:
        """`To list them in a terminal: kiosk validate /path`, unbroken but in the path."""
        return f"To list them in a terminal:  {command(validate_command(self._folder))}"

    @Property(str, notify=changed)
    def advice(self) -> str:
        return ("Fix each file at the line and column given, and save: this panel closes by "
                f"itself when the content is good. {self.checkCommand}")

    @Property(str, notify=changed)
    def moreBelow(self) -> str:
        return "More below: drag up to scroll"

    @Property(bool, notify=changed)
    def staffSign(self) -> bool:
        """The small mark in the top-left corner (where staff hold to open the PIN pad):
        the content on disk has errors, and the kiosk shows older or bundled content."""
        return self.error_count() > 0

    @Property(bool, notify=changed)
    def editorPanelVisible(self) -> bool:
        return self._editor_view and self.error_count() > 0 and not self._dismissed

    @Slot()
    @guarded("ContentReport.dismiss", None)
    def dismiss(self) -> None:
        """Hide the editor panel until the next save (the editor wants to see the exhibit)."""
        self._dismissed = True
        self.changed.emit()
