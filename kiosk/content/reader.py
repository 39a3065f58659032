"""Read one YAML file into position-carrying nodes, turning YAML's traps into problems.

We never let PyYAML construct Python values: its YAML 1.1 resolver turns `no` into
False and `1981-05-12` into a date. Rules read the scalar text as written (with the tag
YAML 1.1 would give it, to tell `90` from `"90"`), and each node keeps the line and
column that problems point at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import yaml

from kiosk.content.problems import Problem
from kiosk.content.yaml_errors import explain
from kiosk.core.limits import MAX_DEPTH, MAX_NODES, MAX_YAML_BYTES

try:  # libyaml's parser is much faster; the pure-Python one gives the same events
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
_Resolver = yaml.resolver.Resolver  # YAML 1.1 tags, as SafeLoader resolves them
ScalarEvent, AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
MappingStartEvent, SequenceStartEvent = yaml.MappingStartEvent, yaml.SequenceStartEvent
MappingEndEvent, SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
StreamEndEvent = yaml.StreamEndEvent

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
BOOL_TAG = "tag:yaml.org,2002:bool"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"


class Pos(NamedTuple):
    """A place in a file (a tuple: one is made for every value of every file read)."""

    line: int  # 1-based
    col: int  # 1-based


@dataclass(frozen=True)
class Scalar:
    text: str
    tag: str  # what YAML 1.1 would have made of it
    quoted: bool
    pos: Pos
    style: str = ""  # YAML's: "" plain, "'" or '"' quoted, "|" or ">" a block
    start: Pos | None = None  # where a block's first line of text starts
    raw: str | None = None  # a one-line quoted value as typed, quotes and escapes included

    def at(self, offset: int) -> Pos:
        """Where the character `offset` of the text is in the file: its own line in a
        literal block (`|`), its column on a one-line value; else the value's start."""
        before = self.text[:offset]
        if self.style == "|" and self.start is not None:
            line_start = before.rfind("\n") + 1
            return Pos(self.start.line + before.count("\n"),
                       self.start.col + offset - line_start)
        if self.raw is not None and "\n" not in before:
            return Pos(self.pos.line, self.pos.col + _typed_length(self.raw, self.style, offset))
        if self.style in ("", "'", '"') and "\n" not in before:
            return Pos(self.pos.line, self.pos.col + offset + (1 if self.style else 0))
        return self.pos


_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}  # \xFF, \u202E, \U0001F600; any other: 2


def _typed_length(raw: str, style: str, offset: int) -> int:
    """How many characters of a quoted value as typed come before its `offset`-th character
    once read: `''` is one quote in '...', `\u202E` one character in "..."."""
    index, read = 1, 0  # after the opening quote
    while read < offset and index < len(raw) - 1:
        if style == "'" and raw.startswith("''", index):
            index += 2
        elif style == '"' and raw[index] == "\\":
            index += _ESCAPE_LENGTHS.get(raw[index + 1 : index + 2], 2)
        else:
            index += 1
        read += 1
    return index


@dataclass(frozen=True)
class YamlSequence:
    items: tuple[Node, ...]
    pos: Pos


@dataclass(frozen=True)
class YamlMapping:
    # (key, value) pairs in file order; duplicates were reported and dropped
    items: tuple[tuple[Scalar, Node], ...]
    pos: Pos

    def get(self, key: str) -> Node | None:
        return next((value for k, value in self.items if k.text == key), None)

    def key(self, key: str) -> Scalar | None:
        return next((k for k, _ in self.items if k.text == key), None)


Node = Scalar | YamlSequence | YamlMapping


class _Reject(Exception):
    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


def read_yaml(data: bytes, file: str) -> tuple[Node | None, list[Problem]]:
    """Parse one content file: its root node (None if unusable) and its problems."""

    def error(line: int, col: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(file, line, col, "error", message)]

    if len(data) > MAX_YAML_BYTES:
        return error(0, 0, f"file is {len(data) // 1024} kB; a content file may be at most "
                     f"{MAX_YAML_BYTES // 1024} kB")
    head = data[:64]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or max(
            head[0::2].count(0), head[1::2].count(0), 0) > len(head) // 4 > 0:
        return error(0, 0, "the file was saved as UTF-16 (what Notepad calls 'Unicode'): "
                     "save it as UTF-8 (in Notepad: File > Save As, Encoding: UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return error(line, col, f"the file is not UTF-8{_guess(data[exc.start])}; save it "
                     "as UTF-8 (in Notepad: File > Save As, Encoding: UTF-8)")
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = len(line_text) - len(line_text.lstrip(" \t"))
        if "\t" in line_text[:indent]:
            return error(number, line_text.index("\t") + 1,
                         "tab character in indentation; YAML indents with spaces only (set "
                         "your editor to insert spaces for the Tab key)")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return error(line, 1, "the file contains a NUL character; is it really a text file?")

    problems: list[Problem] = []
    try:
        root = _build(text, file, problems)
    except _Reject as exc:
        return error(exc.pos.line, exc.pos.col, exc.message)
    except yaml.MarkedYAMLError as exc:
        found = explain(text, exc)
        return error(found.line, found.col, found.message)
    except yaml.YAMLError as exc:
        return error(1, 1, f"malformed YAML: {exc}")
    return root, problems


def _guess(byte: int) -> str:
    """What a byte that is not UTF-8 most likely was: a character as Windows editors save
    it in Western Europe ('ANSI', Windows-1252); else the byte itself."""
    try:
        char = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return f" (byte 0x{byte:02x})"
    if not char.isprintable():
        return f" (byte 0x{byte:02x})"
    return f": it was saved as Windows 'ANSI' ('{char}' here)"


@dataclass
class _Open:
    """A sequence or mapping whose end the parser has not reached yet."""

    is_mapping: bool
    pos: Pos
    items: list[Node]


def _build(text: str, file: str, problems: list[Problem]) -> Node | None:
    """Build nodes straight from the parser's event stream, without recursion: aliases,
    deep nesting and huge node counts are refused as they come, so a hostile file can
    neither hang, nor eat memory, nor overflow a stack."""
    resolver = _Resolver()
    resolved: dict[tuple[str, object], str] = {}
    stack: list[_Open] = []
    root: Node | None = None
    nodes = 0

    lines = text.splitlines()
    parser = _Loader(text)
    next_event = parser.get_event  # the parser's own loop, not yaml.parse's generator
    try:
        while True:
            event: Any = next_event()
            kind = type(event)
            if kind is ScalarEvent:  # most events: dispatched first, by type, not isinstance
                mark = event.start_mark
                pos = Pos(mark.line + 1, mark.column + 1)
                nodes += 1
                if nodes > MAX_NODES:
                    raise _Reject(pos, "the file has too many values for a content file")
                tag: str | None = event.tag
                if tag is None or tag == "!":  # the resolver's expressions once per value
                    key = (event.value, event.implicit)
                    tag = resolved.get(key)
                    if tag is None:
                        tag = resolved[key] = resolver.resolve(  # type: ignore[no-untyped-call]  # untyped in PyYAML's stubs
                            yaml.ScalarNode, event.value, event.implicit)
                style = event.style or ""
                if style:
                    end = event.end_mark
                    raw = (lines[mark.line][mark.column:end.column]
                           if style in ("'", '"') and end is not None
                           and end.line == mark.line and mark.line < len(lines) else None)
                    node: Node = Scalar(event.value, tag, style in ("'", '"', "|", ">"), pos,
                                        style, _block_start(lines, mark.line + 1)
                                        if style == "|" else None, raw)
                else:
                    node = _plain(event.value, tag, pos)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                mark = event.start_mark
                pos = Pos(mark.line + 1, mark.column + 1)
                nodes += 1
                if nodes > MAX_NODES:
                    raise _Reject(pos, "the file has too many values for a content file")
                stack.append(_Open(kind is MappingStartEvent, pos, []))
                if len(stack) > MAX_DEPTH:
                    raise _Reject(pos, "the file is nested too deeply for a content file")
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                node = _mapping(done, file, problems) if done.is_mapping \
                    else YamlSequence(tuple(done.items), done.pos)
            elif kind is AliasEvent:
                mark = event.start_mark
                raise _Reject(Pos(mark.line + 1, mark.column + 1), "anchors and aliases "
                              "(&name, *name) are not supported in content files; write the "
                              "value out in full")
            elif kind is StreamEndEvent:
                break
            else:  # stream and document starts and ends
                continue
            if stack:
                stack[-1].items.append(node)
            else:
                root = node
    finally:
        parser.dispose()
    return root


_new, _set = object.__new__, object.__setattr__


def _plain(text: str, tag: str, pos: Pos) -> Scalar:
    """Scalar(text, tag, False, pos), made in one step rather than field by field (a
    frozen dataclass sets each field through object.__setattr__): most values of a
    content file are plain, and this was a tenth of reading them."""
    node: Scalar = _new(Scalar)
    _set(node, "__dict__", {"text": text, "tag": tag, "quoted": False, "pos": pos,
                            "style": "", "start": None, "raw": None})
    return node


def _block_start(lines: list[str], after: int) -> Pos | None:
    """Where the text of a block whose indicator is on line `after` begins: the next line,
    at the indentation of the block's first line that is not blank (blank lines before it
    are part of the text)."""
    for source in lines[after:]:
        if source.strip():
            return Pos(after + 1, len(source) - len(source.lstrip(" ")) + 1)
    return None


def _mapping(done: _Open, file: str, problems: list[Problem]) -> YamlMapping:
    """Pair keys with values; a duplicate key is reported and the first one kept."""
    pairs: list[tuple[Scalar, Node]] = []
    first_seen: dict[str, Pos] = {}
    for key, value in zip(done.items[::2], done.items[1::2], strict=True):
        if not isinstance(key, Scalar):
            problems.append(Problem(file, key.pos.line, key.pos.col, "error",
                                    "a key must be a plain word, not a list or mapping"))
            continue
        if key.text in first_seen:
            problems.append(Problem(file, key.pos.line, key.pos.col, "error",
                                    f"key '{key.text}' is given twice in this mapping "
                                    f"(first at line {first_seen[key.text].line})"))
            continue
        first_seen[key.text] = key.pos
        pairs.append((key, value))
    return YamlMapping(tuple(pairs), done.pos)
