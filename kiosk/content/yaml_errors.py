"""YAML's common traps, told in an editor's words: what went wrong, where, and the fix.

PyYAML says where its parser gave up ("mapping values are not allowed in this context"),
and its two parsers (libyaml and pure Python) word it differently. An editor needs to know
what they wrote that YAML read another way. So we look at the source lines around the
parser's position and recognise the usual mistakes: a colon inside a text, a line indented
differently from its neighbours, a quote or bracket never closed, text after a closing
quote, a text starting with a character YAML reserves. Anything else keeps the parser's
words, with the same advice as the content guide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_KEY = re.compile(r"^(?P<lead>\s*(?:-\s+)*)(?P<key>[^\s:#'\"\[\]{},][^:#]*?):(?:\s|$)")
_RESERVED_START = "@`%*&!|>"  # characters YAML keeps for itself at the start of a value
_QUOTES = "'\""
_CLOSING = {"[": "]", "{": "}"}


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    col: int  # 1-based
    message: str


def explain(text: str, exc: yaml.MarkedYAMLError) -> Explained:
    """The editor's version of a YAML syntax error."""
    lines = re.split("\r\n|[\n\r\x85\u2028\u2029]", text)  # YAML's line breaks
    problem, context = exc.problem_mark, exc.context_mark
    mark = problem or context
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    words = f"{exc.context or ''} {exc.problem or ''}"
    for rule in (_quote_closed_lines_later, _unclosed_quote, _unclosed_bracket, _colon_in_text,
                 _after_closing, _reserved_start, _indentation, _tab, _not_a_key):
        found = rule(lines, exc, words)
        if found is not None:
            return found
    return Explained(line, col, f"malformed YAML: {exc.problem or 'cannot read this line'}; "
                     "check the colons, quotes, brackets and indentation on this line and "
                     "the one before")


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _at(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (0, 0)


def _quoted(value: str) -> str:
    """The value as a double-quoted YAML text, or single-quoted if it holds a double quote.
    Word's curly quotes around the whole value were meant as YAML's quotes: they go."""
    if len(value) > 1 and (value[0], value[-1]) in (("\u201c", "\u201d"), ("\u2018", "\u2019")):
        value = value[1:-1]
    if '"' in value:
        return "'" + value.replace("'", "''") + "'"
    return '"' + value.replace("\\", "\\\\") + '"'


def _key_value(source: str) -> tuple[str, str, str] | None:
    """`  - title: Reform: x` -> ('  - ', 'title', 'Reform: x')."""
    match = _KEY.match(source)
    if not match:
        return None
    value = source[match.end():].strip()
    return match.group("lead"), match.group("key").strip(), value


def _key_column(source: str) -> int:
    """Where the key of a line starts (1-based), after indentation and any '- '."""
    match = re.match(r"^\s*(?:-\s+)*", source)
    return (match.end() if match else 0) + 1


def _quote_closed_lines_later(lines: list[str], exc: yaml.MarkedYAMLError,
                              words: str) -> Explained | None:
    """`date: '81` and, lines later, `People's`: the quote opened on one line is closed by
    an apostrophe further down, and the parser gives up there. The editor must look where
    the quote was opened."""
    problem = exc.problem_mark
    if problem is None:
        return None
    spanning: yaml.ScalarToken | None = None
    try:
        for token in yaml.scan("\n".join(lines), Loader=yaml.SafeLoader):
            start, end = token.start_mark, token.end_mark
            if start is None or end is None or (start.line, start.column) >= (
                    problem.line, problem.column):
                break
            if isinstance(token, yaml.ScalarToken):
                spanning = token if (token.style or "x") in _QUOTES and end.line > start.line \
                    else None
    except yaml.YAMLError:
        pass
    if spanning is None or spanning.start_mark is None or spanning.end_mark is None:
        return None
    line, col = spanning.start_mark.line + 1, spanning.start_mark.column + 1
    inside = lines[line:spanning.end_mark.line]  # the lines the text ran on into
    if not any(_KEY.match(source) for source in inside):
        return None  # a text quoted over several lines on purpose
    quote = spanning.style or "'"
    found = _key_value(_line(lines, line))
    written = found[2] if found else _line(lines, line)[col - 1:].strip()
    key = f"{found[1]}: " if found else ""
    fix = f"close it on this line ({key}{written}{quote})"
    if quote == "'":
        fix += f", or write the value without the quote ({key}{written[1:]})"
    return Explained(line, col, f"the quote {quote} that starts this text is not closed on "
                     f"its line, so YAML reads on, over the keys below, to the {quote} on line "
                     f"{spanning.end_mark.line + 1}; {fix}")


def _unclosed_quote(lines: list[str], exc: yaml.MarkedYAMLError,
                    words: str) -> Explained | None:
    if "quoted scalar" not in words or "end of stream" not in words:
        return None
    line, col = _at(exc.context_mark)
    quote = _line(lines, line)[col - 1:col] or '"'
    return Explained(line, col, f"the quote {quote} that starts this text is never closed; "
                     f"end the text with {quote}")


def _last_open_bracket(lines: list[str], end_line: int) -> tuple[int, int] | None:
    """Where the last [ or { still open before `end_line` starts (quotes and comments
    skipped): the parser only says it reached the end of the file inside one."""
    stack: list[tuple[int, int]] = []
    for number, source in enumerate(lines[:end_line], start=1):
        quote = ""
        for col, char in enumerate(source, start=1):
            if quote:
                quote = "" if char == quote else quote
            elif char in _QUOTES and (col == 1 or source[col - 2] in " [{,:"):
                quote = char
            elif char == "#" and (col == 1 or source[col - 2] == " "):
                break
            elif char in "[{":
                stack.append((number, col))
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _unclosed_bracket(lines: list[str], exc: yaml.MarkedYAMLError,
                      words: str) -> Explained | None:
    if "flow node" in words and ("end>" in words or "node content" in words):
        found = _last_open_bracket(lines, _at(exc.problem_mark)[0])
        if found is None:
            return None
        start_line, start_col = found
    elif "flow sequence" in words or "flow mapping" in words:
        start_line, start_col = _at(exc.context_mark)
    else:
        return None
    if _at(exc.problem_mark)[0] == start_line:
        return None  # closed on its line: something inside it is wrong (_colon_in_text)
    opening = _line(lines, start_line)[start_col - 1:start_col] or "["
    closing = _CLOSING.get(opening, "]")
    return Explained(start_line, start_col, f"the {opening} here is never closed; add "
                     f"{closing} after the last item, or quote the text if the {opening} "
                     "is part of it")


def _colon_in_text(lines: list[str], exc: yaml.MarkedYAMLError,
                   words: str) -> Explained | None:
    line, col = _at(exc.problem_mark)
    source = _line(lines, line)
    if source[col - 1:col] != ":":
        return None
    found = _key_value(source)
    if "flow" in words:  # inside [...] or {...} on one line: `{en: A: b}`
        before = source[:col - 1]
        start = max(before.rfind(c) + len(c) for c in ("{", "[", ",", ": "))
        end = min((i for i in (source.find(c, col) for c in ",}]") if i >= 0),
                  default=len(source))
        inner = source[start:end].strip()
        return Explained(line, col, "a colon followed by a space inside [...] or {...} starts "
                         f"a new key; put that text in quotes: {_quoted(inner)}")
    if found is None or len(found[0]) + len(found[1]) + 1 >= col:
        return None  # the colon belongs to a key: a line indented too far (_indentation)
    _, key, value = found
    return Explained(line, col, "a colon followed by a space inside a text starts a new key; "
                     f"put the whole text in quotes: {key}: {_quoted(value)}")


def _after_closing(lines: list[str], exc: yaml.MarkedYAMLError,
                   words: str) -> Explained | None:
    """`title: "Reform" era` or `title: 'Reform's`: text goes on after the value ended."""
    if "block mapping" not in words or ("expected key" not in words and "<scalar>" not in words
                                        and "<flow" not in words):
        return None
    line, col = _at(exc.problem_mark)
    source = _line(lines, line)
    found = _key_value(source)
    if found is None or not found[2] or found[2][0] not in _QUOTES + "[{":
        return None
    _, key, value = found
    opening = value[0]
    if opening == "'" and source[col - 2:col - 1] == "'":  # an apostrophe: `'Reform's`
        intended = value[1:-1] if value.endswith("'") and len(value) > 1 else value[1:]
        return Explained(line, col, "this text was closed by the apostrophe before it; write "
                         f"it in double quotes instead: {key}: {_quoted(intended)}")
    closing = _CLOSING.get(opening, opening)
    return Explained(line, col, f"text follows the closing {closing}; a value that starts "
                     f"with {opening} ends at the matching {closing}, so put the whole text in "
                     f"quotes: {key}: {_quoted(value)}")


def _reserved_start(lines: list[str], exc: yaml.MarkedYAMLError,
                    words: str) -> Explained | None:
    """`title: @home`, `title: *bold* text`: a character YAML keeps for itself."""
    if not any(w in words for w in ("next token", "an alias", "an anchor")):
        return None
    line, col = _at(exc.context_mark) if exc.context_mark else _at(exc.problem_mark)
    source = _line(lines, line)
    char = source[col - 1:col]
    found = _key_value(source)
    if char not in _RESERVED_START or found is None:
        return None
    _, key, value = found
    return Explained(line, col, f"a text cannot start with {char} in YAML; put it in quotes: "
                     f"{key}: {_quoted(value)}")


def _indentation(lines: list[str], exc: yaml.MarkedYAMLError,
                 words: str) -> Explained | None:
    """A key that does not line up with the keys before it."""
    if not any(w in words for w in ("mapping values are not allowed", "block collection",
                                    "block mapping", "'-' indicator")):
        return None
    line, _ = _at(exc.problem_mark)
    source = _line(lines, line)
    found = _key_value(source)
    if found is None:
        return None
    col = _key_column(source)
    above = next((n for n in range(line - 1, 0, -1)
                  if _line(lines, n).strip() and not _line(lines, n).lstrip().startswith("#")),
                 0)
    if not above:
        return None
    above_col = _key_column(_line(lines, above))
    above_key = _key_value(_line(lines, above))
    if above_col == col or above_key is None:
        return None
    message = (f"'{found[1]}' starts in column {col}, but '{above_key[1]}' on line {above} "
               f"starts in column {above_col}; keys of one mapping must start in the same "
               "column (indent with spaces)")
    if col > above_col and above_key[2] and not above_key[2].isdigit():
        message += f"; if this line continues the text of '{above_key[1]}', quote that text"
    return Explained(line, col, message)


def _tab(lines: list[str], exc: yaml.MarkedYAMLError, words: str) -> Explained | None:
    """A tab between values (tabs in indentation are caught before parsing)."""
    if "'\\t'" not in words:
        return None
    line, col = _at(exc.problem_mark)
    return Explained(line, col, "tab character; YAML takes only spaces here, replace it with "
                     "a space")


def _not_a_key(lines: list[str], exc: yaml.MarkedYAMLError, words: str) -> Explained | None:
    """A line that is neither `key: value` nor indented under a key: `body: |` then `text`."""
    if "simple key" not in words or "':'" not in words:
        return None
    line, col = _at(exc.context_mark)
    return Explained(line, col, "this line is not 'key: value'; if it belongs to the text of "
                     "the key above, indent it further than that key")
