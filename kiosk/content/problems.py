"""A problem found in a content folder, printed the way compilers print them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.content.characters import REORDERING
from kiosk.content.files import FileProblem, read_limited, real_root
from kiosk.content.limits import MAX_YAML_BYTES

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # relative to the content folder, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    col: int  # 1-based
    level: Level
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}: {self.level}: {self.message}"
        return f"{self.file}: {self.level}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def summary(problems: list[Problem]) -> str:
    """`2 errors, 1 warning`."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors

    def plural(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"


def with_source(problem: Problem, root: Path) -> str:
    """The problem, then its line of the file with a caret under the column, as compilers
    print them:

        exhibit.yaml:7:16: error: event 'first': 'highlight' must be true or false, not 'maybe'
           7 |     highlight: maybe
             |                ^
    """
    if problem.line <= 0:
        return str(problem)
    try:  # read as the loader reads: never a FIFO or a device, never without a limit
        data = read_limited(real_root(root), root / problem.file, MAX_YAML_BYTES)
        lines = data.decode("utf-8-sig").splitlines()
    except (FileProblem, UnicodeDecodeError):
        return str(problem)
    if problem.line > len(lines):
        return str(problem)
    # a reordering character would reorder the terminal's line too: one visible mark each
    source = "".join("\ufffd" if char in REORDERING else char
                     for char in lines[problem.line - 1].rstrip())
    # the caret lines up under wide (CJK) characters and tabs as a terminal shows them
    lead = "".join("\t" if char == "\t" else
                   "  " if unicodedata.east_asian_width(char) in "WF" else " "
                   for char in source[:problem.col - 1])
    number = str(problem.line)
    gutter = " " * len(number)
    return f"{problem}\n {number} | {source}\n {gutter} | {lead}^"


def listing(problems: list[Problem], root: Path, folder: str) -> str:
    """What the command line prints for a folder: each problem with its source line, then
    `folder: 2 errors, 1 warning` (the folder named, so nobody wonders what was checked)."""
    return "\n".join([*(with_source(p, root) for p in problems),
                      f"{folder}: {summary(problems)}"])
