"""A problem found in a content folder, printed the way compilers print them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.content.files import FileProblem, read_limited, real_root
from kiosk.core.characters import REORDERING
from kiosk.core.limits import MAX_YAML_BYTES

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


# A listing shows this many problems of each file, then how many more there are: a folder
# with 100,000 problems prints a screenful per file, not a day's reading.
SHOWN_PER_FILE = 50
# Of a long source line, this many characters around the column are shown.
WINDOW_CHARS = 100

Lines = dict[str, list[str] | None]  # a listing's source files, each read once


def with_source(problem: Problem, root: Path, sources: Lines | None = None) -> str:
    """The problem, then its line of the file with a caret under the column, as compilers
    print them (a window of the line when it is long, "…" where it is cut):

        exhibit.yaml:7:16: error: event 'first': 'highlight' must be true or false, not 'maybe'
           7 |     highlight: maybe
             |                ^

    `sources` keeps each file's lines for the next problem in it."""
    if problem.line <= 0:
        return str(problem)
    sources = {} if sources is None else sources
    if problem.file not in sources:
        try:  # read as the loader reads: never a FIFO or a device, never without a limit
            data = read_limited(real_root(root), root / problem.file, MAX_YAML_BYTES)
            sources[problem.file] = data.decode("utf-8-sig").splitlines()
        except (FileProblem, UnicodeDecodeError):
            sources[problem.file] = None
    lines = sources[problem.file]
    if lines is None or problem.line > len(lines):
        return str(problem)
    source = lines[problem.line - 1].rstrip()
    column = problem.col - 1
    if len(source) > WINDOW_CHARS:
        start = max(0, min(column - WINDOW_CHARS // 2, len(source) - WINDOW_CHARS))
        end = start + WINDOW_CHARS
        shown = ("…" if start else "") + source[start:end] + ("…" if end < len(source) else "")
        column = column - start + (1 if start else 0)
        source = shown
    # a reordering character would reorder the terminal's line too: one visible mark each
    # (after the window: one mark for one character keeps the columns)
    source = "".join("\ufffd" if char in REORDERING else char for char in source)
    # the caret lines up under wide (CJK) characters and tabs as a terminal shows them
    lead = "".join("\t" if char == "\t" else
                   "  " if unicodedata.east_asian_width(char) in "WF" else " "
                   for char in source[:column])
    number = str(problem.line)
    gutter = " " * len(number)
    return f"{problem}\n {number} | {source}\n {gutter} | {lead}^"


def capped(problems: list[Problem], per_file: int = SHOWN_PER_FILE
           ) -> tuple[list[Problem], dict[str, int]]:
    """The problems a listing shows (the first `per_file` of each file, in order) and how
    many more each file has."""
    shown: list[Problem] = []
    seen: dict[str, int] = {}
    for problem in problems:
        seen[problem.file] = seen.get(problem.file, 0) + 1
        if seen[problem.file] <= per_file:
            shown.append(problem)
    return shown, {file: n - per_file for file, n in seen.items() if n > per_file}


def more_text(count: int, file: str) -> str:
    """`and 99,000 more problems in events/x.yaml`."""
    return f"and {count:,} more problem{'' if count == 1 else 's'} in {file}"


def listing(problems: list[Problem], root: Path, folder: str) -> str:
    """What the command line prints for a folder: each problem with its source line (the
    first SHOWN_PER_FILE of each file, then how many more), then `folder: 2 errors, 1
    warning` (the folder named, so nobody wonders what was checked)."""
    shown, more = capped(problems)
    sources: Lines = {}
    out: list[str] = []
    for index, problem in enumerate(shown):
        out.append(with_source(problem, root, sources))
        last_of_file = index + 1 == len(shown) or shown[index + 1].file != problem.file
        if last_of_file and problem.file in more:
            out.append(more_text(more.pop(problem.file), problem.file))
    out += [more_text(n, file) for file, n in more.items()]  # (files out of order)
    return "\n".join([*out, f"{folder}: {summary(problems)}"])
