"""Write translations into a YAML file in place: only the translated values change.

Loading the file into a round-trip library and dumping it again would keep comments, but
not the editor's formatting everywhere: ruamel.yaml's round-trip mode re-indents a whole
file to one indentation, respaces `{ en: x }`, re-wraps long lines (it happens to write
the bundled exhibit back unchanged, with the right settings, but not a file indented
otherwise). So the file is parsed with PyYAML's composer, which gives every node's start
and end in the text, and each translation is a splice of the text at its value: a value
replaced, a `fr:` entry added after the last language of its mapping (in the mapping's
own style, flow or block), a language added to a list. Everything else stays byte for
byte, line ends and a byte order mark included.

Each new value is written in the style of the value it replaces (or of the
default-language text beside it), if that style can hold it: plain, quoted, or a `|`
block for a text of several lines; else in double quotes, which hold anything. Every
style is checked by reading it back with the kiosk's own reader; and the finished file is
read back whole and compared with the file before, value by value: it must differ in the
translated values and nowhere else, or nothing is written (EditError).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content.reader import STR_TAG, Scalar, YamlMapping, YamlSequence, read_yaml
from kiosk.content.reader import Node as KioskNode
from kiosk.translation.units import Key, compose, get

BOM = "\ufeff"


class EditError(Exception):
    """A translation cannot be written into the file safely; nothing is written."""


@dataclass
class _Splice:
    start: int
    end: int
    text: str


def _plain(node: KioskNode | None) -> Any:
    """A reader node as nested dicts (in order), lists and (text, tag) pairs."""
    if isinstance(node, YamlMapping):
        return {key.text: _plain(value) for key, value in node.items}
    if isinstance(node, YamlSequence):
        return [_plain(item) for item in node.items]
    if isinstance(node, Scalar):
        return (node.text, node.tag)
    return None


def _same(a: Any, b: Any) -> bool:
    """Equal values, mappings in the same key order."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _escape_double(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or char in "\u2028\u2029\ufeff":
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _literal(text: str, indent: int, newline: str) -> str | None:
    body = text[:-1] if text.endswith("\n") else text
    if body.endswith("\n") or "\r" in text:
        return None
    header = "|" if text.endswith("\n") else "|-"
    lines = [(" " * indent + line) if line.strip() else "" for line in body.split("\n")]
    if any(line.strip() == "" and raw for line, raw in zip(lines, body.split("\n"),
                                                           strict=True)):
        return None  # a line of spaces only would not come back as written
    return header + newline + newline.join(lines)


def _candidates(text: str, style: str | None, flow: bool, indent: int,
                newline: str) -> list[str]:
    found: list[str | None] = []
    one_line = "\n" not in text
    if style in ("|", ">") or (not one_line and not flow):
        found.append(None if flow else _literal(text, indent, newline))
    if one_line and style in (None, "", "|", ">") and text == text.strip():
        found.append(text)
    if one_line and style == "'":
        found.append("'" + text.replace("'", "''") + "'")
    found.append(_escape_double(text))
    return [c for c in found if c]


def _reads_back(rendered: str, text: str, flow: bool) -> bool:
    """Does the kiosk's reader read `rendered`, in this context, as exactly `text`?"""
    snippet = f"x: {{y: {rendered}}}\n" if flow else f"x: {rendered}\n"
    root, problems = read_yaml(snippet.encode("utf-8"), "check")
    if problems or not isinstance(root, YamlMapping):
        return False
    value = root.get("x")
    if flow:
        value = value.get("y") if isinstance(value, YamlMapping) and len(value.items) == 1 \
            else None
    return isinstance(value, Scalar) and value.text == text and value.tag == STR_TAG \
        and len(root.items) == 1


def render(text: str, style: str | None, flow: bool, indent: int, newline: str) -> str:
    """`text` as a YAML value: in `style` if it holds the text exactly, else quoted."""
    for candidate in _candidates(text, style, flow, indent, newline):
        if _reads_back(candidate.replace(newline, "\n"), text, flow):
            return candidate
    raise EditError(f"cannot write {text[:40]!r} as YAML")


@dataclass
class Document:
    """One YAML file being edited: its text, node tree, and the splices planned."""

    file: str
    raw: bytes
    text: str = ""
    bom: bool = False
    newline: str = "\n"
    root: Node | None = None
    splices: list[_Splice] = field(default_factory=list)
    expected: Any = None  # the file's values as they must read after the splices
    added_languages: str = ""  # the key a new `languages:` went after, if one was added

    def __post_init__(self) -> None:
        decoded = self.raw.decode("utf-8")
        self.bom = decoded.startswith(BOM)
        self.text = decoded[1:] if self.bom else decoded
        self.newline = "\r\n" if "\r\n" in self.text else "\n"
        self.root = compose(self.text)
        before, problems = read_yaml(self.raw, self.file)
        if problems:
            raise EditError(f"{self.file}: {problems[0].message}")
        self.expected = _plain(before)

    # --- finding nodes ---------------------------------------------------------------------

    def node(self, path: tuple[Key, ...]) -> Node:
        node = self.root
        for key in path:
            if isinstance(key, int) and isinstance(node, SequenceNode):
                node = node.value[key]
            elif isinstance(key, str) and (found := get(node, key)) is not None:
                node = found[1]
            else:
                raise EditError(f"{self.file}: '{'.'.join(map(str, path))}' is not there")
        assert node is not None
        return node

    def _expected_at(self, path: tuple[Key, ...]) -> Any:
        value = self.expected
        for key in path:
            value = value[key]
        return value

    def _flow(self, path: tuple[Key, ...]) -> bool:
        """Is the node at `path` inside a flow collection ({...} or [...])?"""
        return any(bool(getattr(self.node(path[:i]), "flow_style", False))
                   for i in range(len(path)))

    def _line_end(self, index: int) -> int:
        """The end of the line that holds `index` (before its line break)."""
        end = self.text.find("\n", index)
        end = len(self.text) if end < 0 else end
        return end - 1 if end > 0 and self.text[end - 1] == "\r" else end

    def _value_end(self, node: Node) -> int:
        """Where a value's text ends: a block's marks run on over the blank lines after
        it, which belong to what follows; its last line ends at its line break (spaces
        at the end of that line are the text's)."""
        end: int = node.end_mark.index
        if (isinstance(node, ScalarNode) and node.style in ("|", ">")) or \
                (isinstance(node, MappingNode | SequenceNode) and not node.flow_style):
            start: int = node.start_mark.index
            lines = self.text[start:end].split("\n")
            while len(lines) > 1 and not lines[-1].strip():
                lines.pop()
            end = start + len("\n".join(lines).removesuffix("\r"))
        return end

    def _column(self, index: int) -> int:
        return index - (self.text.rfind("\n", 0, index) + 1)

    def _block_indent(self, node: ScalarNode, key_column: int) -> int:
        """The indentation of a block scalar's lines as the editor wrote them."""
        if node.style in ("|", ">"):
            for line in self.text[node.start_mark.index:node.end_mark.index].split("\n")[1:]:
                if line.strip():
                    return len(line) - len(line.lstrip(" "))
        return key_column + 2

    # --- edits -----------------------------------------------------------------------------

    def set_text(self, path: tuple[Key, ...], lang: str, default: str, text: str) -> str:
        """Write `text` as the `lang` translation of the text at `path`. Returns what
        was done, in words ("replaced", "added", "made a mapping")."""
        node = self.node(path)
        parent_flow = self._flow(path)
        key_node = self._key_node(path)
        if isinstance(node, ScalarNode):  # one text for every language: make it a mapping
            return self._to_mapping(path, node, key_node, lang, default, text, parent_flow)
        if not isinstance(node, MappingNode):
            raise EditError(f"{self.file}: '{path[-1]}' is not a text")
        found = get(node, lang)
        sibling = (get(node, default) or (None, None))[1]
        if found is not None:
            old = found[1]
            if not isinstance(old, ScalarNode):
                raise EditError(f"{self.file}:{old.start_mark.line + 1}: '{lang}' is not a "
                                "text")
            value = text + "\n" if old.value.endswith("\n") and old.style in ("|", ">") \
                else text
            rendered = render(value, old.style, bool(node.flow_style) or parent_flow,
                              self._block_indent(old, found[0].start_mark.column),
                              self.newline)
            self.splices.append(_Splice(old.start_mark.index, self._value_end(old), rendered))
            self._expected_at(path)[lang] = (value, STR_TAG)
            return "replaced"
        style = sibling.style if isinstance(sibling, ScalarNode) else None
        value = text + "\n" if isinstance(sibling, ScalarNode) and sibling.style in ("|", ">") \
            and sibling.value.endswith("\n") else text
        indent = self._block_indent(sibling, 0) if isinstance(sibling, ScalarNode) and \
            sibling.style in ("|", ">") else None  # a block's lines as the editor's
        self._add_entry(node, lang, value, style, indent)
        self._expected_at(path)[lang] = (value, STR_TAG)
        return "added"

    def _key_node(self, path: tuple[Key, ...]) -> ScalarNode | None:
        parent = self.node(path[:-1])
        found = get(parent, path[-1]) if isinstance(path[-1], str) else None
        return found[0] if found else None

    def _add_entry(self, mapping: MappingNode, key: str, value: str | dict[str, str],
                   style: str | None, indent: int | None = None) -> None:
        """Add `key: value` after the last entry of a mapping, in the mapping's style."""
        if not mapping.value:
            raise EditError(f"{self.file}:{mapping.start_mark.line + 1}: an empty mapping")
        last_key, last_value = mapping.value[-1]
        column = last_key.start_mark.column
        if mapping.flow_style:
            at = self._value_end(last_value)
            self.splices.append(_Splice(at, at, f", {key}: {self._flow_value(value, style)}"))
            return
        at = self._line_end(self._value_end(last_value))
        self.splices.append(_Splice(at, at, self.newline + " " * column + f"{key}:"
                                    + self._block_value(value, style, column, indent)))

    def _flow_value(self, value: str | dict[str, str], style: str | None) -> str:
        if isinstance(value, str):
            return render(value, style, True, 0, self.newline)
        return "{" + ", ".join(f"{k}: {render(v, None, True, 0, self.newline)}"
                               for k, v in value.items()) + "}"

    def _block_value(self, value: str | dict[str, str], style: str | None,
                     column: int, indent: int | None = None) -> str:
        if isinstance(value, str):
            return " " + render(value, style, False, indent or column + 2, self.newline)
        return "".join(self.newline + " " * (column + 2) + f"{k}: "
                       + render(v, None, False, column + 4, self.newline)
                       for k, v in value.items())

    def _to_mapping(self, path: tuple[Key, ...], node: ScalarNode, key_node: ScalarNode | None,
                    lang: str, default: str, text: str, flow: bool) -> str:
        """`title: UNV and China` (one text for every language) becomes
        `title: {en: UNV and China, fr: L'UNV et la Chine}`; a `|` block becomes a block
        mapping with the block under its language."""
        old = node.value
        value = text + "\n" if old.endswith("\n") and node.style in ("|", ">") else text
        end = self._value_end(node)
        if node.style in ("|", ">") and not flow and key_node is not None:
            column = key_node.start_mark.column
            rendered = "".join(
                self.newline + " " * (column + 2) + f"{code}: "
                + render(v, "|", False, column + 4, self.newline)
                for code, v in ((default, old), (lang, value)))
            # from the end of the key's ':' to the end of the block
            colon = self.text.index(":", key_node.end_mark.index)
            self.splices.append(_Splice(colon + 1, end, rendered))
        else:
            rendered = (f"{{{default}: {render(old, node.style, True, 0, self.newline)}, "
                        f"{lang}: {render(value, node.style, True, 0, self.newline)}}}")
            self.splices.append(_Splice(node.start_mark.index, end, rendered))
        parent = self._expected_at(path[:-1])
        parent[path[-1]] = {default: (old, STR_TAG), lang: (value, STR_TAG)}
        return "made a mapping"

    def set_words(self, lang: str, words: dict[str, str]) -> None:
        """exhibit.yaml: `interface: {lang: {key: text, ...}}`, adding what is missing."""
        interface = get(self.root, "interface")
        expected = {key: (text, STR_TAG) for key, text in words.items()}
        if interface is None:
            if self.added_languages:  # `languages:` is new too: right after it, at one place
                self._add_top_level("interface", {lang: words}, (self.added_languages,))
                anchor = "languages"
            else:
                anchor = self._add_top_level("interface", {lang: words}, (
                    "languages", "attract_interval", "idle_timeout", "subtitle", "title",
                    "format"))
            self.expected = _insert_after(self.expected, "interface", {lang: expected}, anchor)
            return
        if not isinstance(interface[1], MappingNode):
            raise EditError(f"{self.file}: 'interface' is not a mapping")
        if get(interface[1], lang) is None:
            self._add_entry(interface[1], lang, words, None)
            self.expected["interface"][lang] = expected
            return
        for key, text in words.items():
            self.set_text(("interface", lang), key, "", text)

    def add_language(self, lang: str, default_languages: tuple[str, ...]) -> None:
        """exhibit.yaml: add `lang` at the end of `languages` (made if missing)."""
        found = get(self.root, "languages")
        if found is None:
            value = "[" + ", ".join([*default_languages, lang]) + "]"
            anchor = self._add_top_level("languages", value, ("subtitle", "title", "format"),
                                         raw=True)
            self.added_languages = anchor
            self.expected = _insert_after(
                self.expected, "languages",
                [(code, STR_TAG) for code in (*default_languages, lang)], anchor)
            return
        sequence = found[1]
        if not isinstance(sequence, SequenceNode) or not sequence.value:
            raise EditError(f"{self.file}: 'languages' is not a list")
        last = sequence.value[-1]
        if sequence.flow_style:
            at = self._value_end(last)
            self.splices.append(_Splice(at, at, f", {lang}"))
        else:
            dash = self.text.rfind("-", 0, last.start_mark.index)
            at = self._line_end(self._value_end(last))
            self.splices.append(_Splice(at, at, self.newline + " " * self._column(dash)
                                        + f"- {lang}"))
        self.expected["languages"].append((lang, STR_TAG))

    def _add_top_level(self, key: str, value: str | dict[str, dict[str, str]],
                       after: tuple[str, ...], raw: bool = False) -> str:
        """A new key of the file's root mapping, after the first of `after` it has (the
        key it went after is returned)."""
        root = self.root
        if not isinstance(root, MappingNode) or root.flow_style:
            raise EditError(f"{self.file}: the file is not a mapping of keys")
        anchor = next((found for name in after if (found := get(root, name)) is not None),
                      None)
        if anchor is None:
            raise EditError(f"{self.file}: no place for '{key}'")
        at = self._line_end(self._value_end(anchor[1]))
        if isinstance(value, str):
            text = f" {value}" if raw else " " + render(value, None, False, 2, self.newline)
        else:
            text = "".join(self.newline + f"  {lang}:" + "".join(
                self.newline + f"    {k}: " + render(v, None, False, 6, self.newline)
                for k, v in words.items()) for lang, words in value.items())
        self.splices.append(_Splice(at, at, self.newline + f"{key}:" + text))
        return str(anchor[0].value)

    # --- the result ------------------------------------------------------------------------

    def result(self) -> bytes:
        """The file with every splice made, checked value by value."""
        text = self.text
        # from the end backwards; of two at one place, the one planned first ends up first
        order = sorted(enumerate(self.splices), key=lambda s: (s[1].start, s[0]), reverse=True)
        for _, splice in order:
            text = text[:splice.start] + splice.text + text[splice.end:]
        data = ((BOM if self.bom else "") + text).encode("utf-8")
        after, problems = read_yaml(data, self.file)
        if problems or not _same(_plain(after), self.expected):
            detail = f": {problems[0].line}:{problems[0].col}: {problems[0].message}" \
                if problems else ""
            raise EditError(f"{self.file}: the translations could not be written without "
                            f"changing something else{detail}; nothing was written")
        return data


def _insert_after(mapping: dict[str, Any], key: str, value: Any,
                  anchor: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, item in mapping.items():
        result[name] = item
        if name == anchor:
            result[key] = value
    return result
