"""Caption files (WebVTT) of a video or audio item: read by webvtt-py, checked against the
kiosk's limits, and placed in the file (line and column) for the editor.

webvtt-py (MIT, maintained) parses the cues; it says what is wrong but not where, so this
module finds the line itself: the cue timing lines are counted in the same order as the
parser's cues, and a malformed block is found by its lines.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from kiosk.content.files import FileProblem, read_limited, real_root
from kiosk.content.problems import Level
from kiosk.core import limits as L

# A cue timing line as WebVTT writes it, and lines meant as one ("00:01,000 -> 00:02,000")
_TIMING = re.compile(r"\s*((?:\d+:)?\d{1,2}:\d{1,2}\.\d{1,3})\s*-->\s*"
                     r"((?:\d+:)?\d{1,2}:\d{1,2}\.\d{1,3})")
_LOOKS_TIMED = re.compile(r"^\s*[\d:.,]+\s*-+>?\s*[\d:.,]+")
_TAG = re.compile(r"<[^>]*>")
_FIX_TIMES = ("write cue times as 00:01:02.500 --> 00:01:05.000 (hours optional, a full "
              "stop before the milliseconds, two dashes and '>')")


class CaptionError(Exception):
    """A caption file the kiosk cannot use, with where the fault is (line 0: the file)."""

    def __init__(self, message: str, line: int = 0, col: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.col = message, line, col


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # as shown: tags taken out, lines joined with "\n"
    line: int  # of its timing line in the file, 1-based


@dataclass(frozen=True)
class Finding:
    """A warning about one caption file, at a line of it."""

    line: int
    col: int
    level: Level
    message: str


def read_cues(root: Path, path: Path) -> tuple[Cue, ...]:
    """The cues of a caption file inside the content folder `root`. Raises CaptionError
    (with its line and column) or FileProblem."""
    data = read_limited(real_root(root), path, L.MAX_CAPTION_BYTES)
    return parse_cues(data)


def parse_cues(data: bytes) -> tuple[Cue, ...]:
    """The cues of a WebVTT file's bytes, or CaptionError at the fault's line and column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CaptionError("is not UTF-8 text; save it as UTF-8 (WebVTT files are always "
                           "UTF-8)", line, col) from None
    lines = text.splitlines()
    long = next((i for i, line in enumerate(lines) if len(line) > L.CUE_LINE_CHARS * 4), None)
    if long is not None:  # a 10 MB line is not a caption: say so before parsing it
        raise CaptionError(f"line {long + 1} has {len(lines[long]):,} characters; a caption "
                           f"line has at most {L.CUE_LINE_CHARS}", long + 1, 1)
    if not lines or not lines[0].startswith("WEBVTT"):
        raise CaptionError("is not a WebVTT file: its first line must be 'WEBVTT' (an .srt "
                           "file can be converted: `ffmpeg -i captions.srt captions.vtt`)",
                           1, 1)
    timings = [number for number, line in enumerate(lines, 1) if _TIMING.match(line)]
    if len(timings) > L.MAX_CUES:
        raise CaptionError(f"has {len(timings):,} cues; a caption file has at most "
                           f"{L.MAX_CUES:,} (about 600 for 30 minutes of speech)",
                           timings[L.MAX_CUES], 1)
    try:
        parsed = webvtt.from_string(text, strict=True)
    except MalformedFileError as exc:
        raise CaptionError(f"is not a WebVTT file ({exc})", 1, 1) from None
    except MalformedCaptionError as exc:
        line, col = _fault(lines, timings, str(exc))
        raise CaptionError(f"a cue cannot be read ({exc}); {_FIX_TIMES}", line,
                           col) from None
    timed = set(timings)
    for number, row in enumerate(lines, 1):  # a timing line the parser did not take
        if number not in timed and "-->" not in row and _LOOKS_TIMED.match(row) \
                and ("->" in row or "," in row):
            raise CaptionError(f"'{row.strip()[:60]}' looks like cue times but is not; "
                               f"{_FIX_TIMES}", number, 1)
    cues = []
    for caption, number in zip(parsed.captions, timings, strict=False):
        start = caption.start_time.in_milliseconds() / 1000
        end = caption.end_time.in_milliseconds() / 1000
        if end <= start:
            raise CaptionError("the cue ends before it starts (or when it starts); the "
                               "second time is its end", number, 1)
        shown = [_TAG.sub("", line) for line in caption.lines]
        if len(shown) > L.CUE_LINES:
            raise CaptionError(f"a cue of {len(shown)} lines; at most {L.CUE_LINES} fit over "
                               "the picture: split it into two cues", number, 1)
        too_long = next((i for i, line in enumerate(shown) if len(line) > L.CUE_LINE_CHARS),
                        None)
        if too_long is not None:
            raise CaptionError(f"a caption line of {len(shown[too_long])} characters; at most "
                               f"{L.CUE_LINE_CHARS} are read at a glance: break it or split "
                               "the cue", number + 1 + too_long, 1)
        cues.append(Cue(start, end, "\n".join(shown), number))
    if not cues:
        raise CaptionError("has no cues: add cues such as\n\n00:00:01.000 --> "
                           "00:00:04.000\nThe text visitors read", 1, 1)
    return tuple(cues)


def _fault(lines: list[str], timings: list[int], message: str) -> tuple[int, int]:
    """Where the parser's complaint is: the line it quotes, else the first line that looks
    like cue times and is not."""
    quoted = re.findall(r"'((?:[^'\\]|\\.)*)'", message)
    for text in reversed(quoted):
        for number, line in enumerate(lines, 1):
            if text and text in line and ("-->" in line or "->" in line):
                return number, line.find(text) + 1
    for number, line in enumerate(lines, 1):
        if number not in timings and ("-->" in line or _LOOKS_TIMED.match(line)):
            return number, 1
    return 1, 1


def cue_findings(cues: tuple[Cue, ...], duration: float | None) -> list[Finding]:
    """Warnings about cues that parse: past the end of the media, or over another cue
    (two captions on screen at once cover the picture)."""
    found: list[Finding] = []
    if duration is not None and duration > 0:
        late = [cue for cue in cues if cue.start >= duration]
        if late:
            found.append(Finding(late[0].line, 1, "warning", f"{len(late)} cue(s) start at or "
                                 f"after the end of the media ({_clock(duration)}), first "
                                 f"at {_clock(late[0].start)}; visitors never see them: "
                                 "are these the captions of another file?"))
    ordered = sorted(cues, key=lambda cue: (cue.start, cue.line))
    overlaps = [(a, b) for a, b in itertools.pairwise(ordered) if b.start < a.end]
    if overlaps:
        first, second = overlaps[0]
        found.append(Finding(second.line, 1, "warning", f"{len(overlaps)} cue(s) start before "
                             f"the one before ends (first here: {_clock(second.start)} is "
                             f"before {_clock(first.end)}, the end of the cue on line "
                             f"{first.line}); two captions at once cover the picture"))
    return found


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}.{round((seconds - whole) * 1000):03d}"


__all__ = ["CaptionError", "Cue", "FileProblem", "Finding", "cue_findings", "parse_cues",
           "read_cues"]
