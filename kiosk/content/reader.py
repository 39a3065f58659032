"""Read one YAML file into position-carrying nodes, turning YAML's traps into problems.

We never let PyYAML construct Python values: its YAML 1.1 resolver turns `no` into
False and `1981-05-12` into a date. Rules read the scalar text as written, and each
node keeps the line and column that problems point at.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from kiosk.content.problems import Problem

MAX_FILE_BYTES = 2 * 1024 * 1024  # a hand-written content file is a few kB
MAX_NODES = 200_000
MAX_DEPTH = 50

try:  # libyaml's parser is much faster; the pure-Python one gives the same nodes
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
BOOL_TAG = "tag:yaml.org,2002:bool"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"


@dataclass(frozen=True)
class Pos:
    line: int  # 1-based
    col: int  # 1-based


@dataclass(frozen=True)
class Scalar:
    text: str
    tag: str  # what YAML 1.1 would have made of it
    quoted: bool
    pos: Pos


@dataclass(frozen=True)
class Sequence:
    items: tuple[Node, ...]
    pos: Pos


@dataclass(frozen=True)
class Mapping:
    # (key, value) pairs in file order; duplicates were reported and dropped
    items: tuple[tuple[Scalar, Node], ...]
    pos: Pos

    def get(self, key: str) -> Node | None:
        return next((value for k, value in self.items if k.text == key), None)

    def key(self, key: str) -> Scalar | None:
        return next((k for k, _ in self.items if k.text == key), None)


Node = Scalar | Sequence | Mapping


class _Reject(Exception):
    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


def _pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def read_yaml(data: bytes, file: str) -> tuple[Node | None, list[Problem]]:
    """Parse one content file: its root node (None if unusable) and its problems."""

    def error(line: int, col: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(file, line, col, "error", message)]

    if len(data) > MAX_FILE_BYTES:
        return error(0, 0, f"file is {len(data) // 1024} kB; a content file may be at most "
                     f"{MAX_FILE_BYTES // 1024} kB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return error(line, col, f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); "
                     "save it as UTF-8 in your editor")
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = len(line_text) - len(line_text.lstrip(" \t"))
        if "\t" in line_text[:indent]:
            return error(number, line_text.index("\t") + 1,
                         "tab character in indentation; indent with spaces")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return error(line, 1, "the file contains a NUL character; is it really a text file?")

    try:
        _check_shape(text)
        root = yaml.compose(text, Loader=_Loader)
    except _Reject as exc:
        return error(exc.pos.line, exc.pos.col, exc.message)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "malformed YAML"
        return error(line, col, f"malformed YAML: {what}")
    except yaml.YAMLError as exc:
        return error(1, 1, f"malformed YAML: {exc}")
    if root is None:
        return None, []

    problems: list[Problem] = []

    def convert(node: yaml.Node) -> Node:
        if isinstance(node, yaml.ScalarNode):
            return Scalar(node.value, node.tag, node.style in ("'", '"', "|", ">"), _pos(node))
        if isinstance(node, yaml.SequenceNode):
            return Sequence(tuple(convert(item) for item in node.value), _pos(node))
        assert isinstance(node, yaml.MappingNode)
        pairs: list[tuple[Scalar, Node]] = []
        first_seen: dict[str, Pos] = {}
        for key_node, value_node in node.value:
            key = convert(key_node)
            value = convert(value_node)
            if not isinstance(key, Scalar):
                problems.append(Problem(file, key.pos.line, key.pos.col, "error",
                                        "a key must be a plain word, not a list or mapping"))
                continue
            if key.text in first_seen:
                first = first_seen[key.text]
                problems.append(Problem(file, key.pos.line, key.pos.col, "error",
                                        f"key '{key.text}' is given twice in this mapping "
                                        f"(first at line {first.line})"))
                continue
            first_seen[key.text] = key.pos
            pairs.append((key, value))
        return Mapping(tuple(pairs), _pos(node))

    return convert(root), problems


def _check_shape(text: str) -> None:
    """Reject aliases, deep nesting and huge node counts from the event stream, before any
    recursive composition: a hostile file must neither hang, nor eat memory, nor crash."""
    depth = nodes = 0
    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        assert mark is not None  # the parser marks every event
        if isinstance(event, yaml.AliasEvent):
            raise _Reject(Pos(mark.line + 1, mark.column + 1),
                          "anchors and aliases (&name, *name) are not supported in content "
                          "files; write the value out in full")
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth > MAX_DEPTH or nodes > MAX_NODES:
            raise _Reject(Pos(mark.line + 1, mark.column + 1),
                          "the file is nested too deeply or has too many values for a "
                          "content file")
