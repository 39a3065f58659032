"""Line breaking a Chinese typesetter accepts (and that keeps Latin words whole): plain Python.

Two tools, both driven by the same rules of where a line may break:

- `joins(text)` finds the places where Qt's own line breaker (Unicode's UAX #14) would
  break but a typesetter would not (a number and its measure word, "20名"; "第" and its
  number; the last two characters of a Chinese paragraph, so that it never ends on a line
  of one), to be marked with U+2060 WORD JOINER, which is invisible and forbids a break.
  Used for body text, which Qt lays out.
- `balance(text, width, measure)` lays out a title or heading itself: as few lines as the
  width allows, then the narrowest width that keeps that many lines, so the lines come out
  even and the last one is never a lone character.

Widths come from a `measure(str) -> float` the caller gives (Qt's font metrics in the kiosk,
a fixed-advance model in tests), so the rules stay free of Qt. Where Chinese words end may
come from a word segmenter the caller gives too (`Words`: ICU's dictionary in the kiosk,
kiosk/services/words.py): a heading then breaks only between words ("开发计划署", never
"开发计划/署"), with the rules below on top of it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

WORD_JOINER = "\u2060"
Measure = Callable[[str], float]
Words = Callable[[str], "list[int] | None"]  # where words end in a text; None: unknown

# Never at the start of a line (closing brackets and quotes, stops, commas, the iteration
# and prolonged-sound marks) and never at the end of one (opening brackets and quotes).
CLOSING = set("，。、；：？！）］｝〕〉》」』】〙〗〞’”…‥・·ー々〻ゝゞヽヾ%％‰℃,.;:?!)]}")
OPENING = set("（［｛〔〈《「『【〘〖〝‘“([{")
_ORDINAL = set("第约近逾")  # glued to the number that follows: 第3届, 约20名


def is_cjk_char(ch: str) -> bool:
    """Han, kana, hangul and full-width forms: characters between which lines may break."""
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x3FFFF)


def _is_digit(ch: str) -> bool:
    return (ch.isdigit() and ord(ch) < 0x2000) or ch in "０１２３４５６７８９"


def may_break(before: str, after: str) -> bool:
    """May a line end between these two characters?"""
    if WORD_JOINER in (before, after) or after in CLOSING or before in OPENING:
        return False
    if after.isspace():
        return False  # a space stays at the end of the line it follows
    if before.isspace():
        return True
    if before == after and before in "—…":
        return False  # a two-em dash or an ellipsis is one mark
    if _is_digit(before) and (after.isalnum() or is_cjk_char(after)):
        return False  # 20名, 2008年, 3km
    if before in _ORDINAL and _is_digit(after):
        return False
    if before == "-" and after.isalpha():
        return True  # after a hyphen in a compound word
    return is_cjk_char(before) or is_cjk_char(after)


# Rules on top of a segmenter, which leaves a character it does not know in a word as a word
# of its own ("联合/国", "计划/署", "扶/贫", "可/持续"): such a character joins the word
# before it, or the next one when it is a prefix; a conjunction stands alone (a phrase may
# end before or after it). A short quotation or title (“一带一路”, 《…》) is never broken.
_PREFIXES = set("以第对首各每非被把从向将由可不无总副超准")
_CONJUNCTIONS = set("与和及或并而")
_QUOTED = re.compile(r"[“‘《「『〈][^”’》」』〉]{1,8}[”’》」』〉]")


def _punctuation(ch: str) -> bool:
    return ch in CLOSING or ch in OPENING or 0x3000 <= ord(ch) <= 0x303F \
        or 0xFF00 <= ord(ch) <= 0xFF0F or 0xFF1A <= ord(ch) <= 0xFF20


def word_breaks(text: str, ends: list[int]) -> frozenset[int]:
    """Where a line may break between two ideographs: at the segmenter's word ends, less
    those the rules above join ("联合国", "开发计划署", "扶贫", "可持续", "对华")."""
    cuts = [0, *sorted(set(ends)), len(text)]
    allowed = set(cuts[1:-1])
    for a, b in itertools.pairwise(cuts):
        word = text[a:b]
        if len(word) != 1 or not is_cjk_char(word) or word in _CONJUNCTIONS \
                or _punctuation(word):
            continue
        before = text[a - 1] if a > 0 else ""
        joins_before = bool(before) and is_cjk_char(before) and not _punctuation(before) \
            and before not in _CONJUNCTIONS
        if word in _PREFIXES or not joins_before:
            allowed.discard(b)  # joins the next word
        else:
            allowed.discard(a)  # joins the word before it
    for quoted in _QUOTED.finditer(text):
        allowed -= set(range(quoted.start() + 1, quoted.end()))
    return frozenset(allowed)


def pieces(text: str, allowed: frozenset[int] | None = None) -> list[str]:
    """The text cut at every place a line may break; joined, the pieces are the text. With
    `allowed` (word_breaks), two ideographs part only there."""
    out: list[str] = []
    start = 0
    for i in range(1, len(text)):
        if allowed is not None and i not in allowed and is_cjk_char(text[i - 1]) \
                and is_cjk_char(text[i]):
            continue
        if text[i - 1] == "\n" or may_break(text[i - 1], text[i]):
            out.append(text[start:i])
            start = i
    if text:
        out.append(text[start:])
    return out


def joins(text: str) -> list[int]:
    """Where a WORD JOINER goes (before which character) for Qt to break this plain text,
    one paragraph, as a typesetter would: where Qt's breaker (UAX #14) would break and our
    rules do not, and between a Chinese paragraph's last two characters, so that its last
    line holds at least two. Markup must be gone first: a joiner beside Markdown's `**`
    would change what the asterisks mean."""
    found = [i for i in range(1, len(text))
             if not may_break(text[i - 1], text[i]) and _qt_may_break(text[i - 1], text[i])]
    end = len(text.rstrip())
    while end and (text[end - 1] in CLOSING or text[end - 1] == WORD_JOINER):
        end -= 1
    if end >= 2 and is_cjk_char(text[end - 1]) and is_cjk_char(text[end - 2]) \
            and text[end - 1] not in CLOSING and end - 1 not in found:
        found.append(end - 1)
    return sorted(found)


def glue(text: str) -> str:
    """Plain text with its joiners (each line a paragraph)."""
    lines = []
    for line in text.split("\n"):
        places = set(joins(line))
        lines.append("".join(WORD_JOINER + ch if i in places else ch
                             for i, ch in enumerate(line)))
    return "\n".join(lines)


def _qt_may_break(before: str, after: str) -> bool:
    """Where UAX #14 may break and our rules do not: next to an ideograph (a number and its
    measure word) or a punctuation mark it classes otherwise ("阿德·德拉德"). Spaces and
    Latin words it handles itself."""
    near_cjk = is_cjk_char(before) or is_cjk_char(after)
    return near_cjk and not before.isspace() and not after.isspace()


def _visible(line: str) -> str:
    return line.replace(WORD_JOINER, "").strip()


def _fill(parts: list[str], width: float, measure: Measure) -> list[str]:
    """Greedy filling: as many pieces on each line as fit (a piece wider than the width
    gets a line of its own)."""
    lines: list[str] = []
    line = ""
    for part in parts:
        candidate = line + part
        if line and measure(_visible(candidate)) > width:
            lines.append(line)
            line = part
        else:
            line = candidate
    if line or not lines:
        lines.append(line)
    return lines


def _allowed(text: str, words: Words | None) -> frozenset[int] | None:
    if words is None or not any(is_cjk_char(ch) for ch in text):
        return None
    ends = words(text)
    return None if ends is None else word_breaks(text, ends)


def break_lines(text: str, width: float, measure: Measure, words: Words | None = None
                ) -> list[str]:
    """Lines as a text engine fills them, by the rules above; trailing spaces dropped."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _fill(pieces(paragraph, _allowed(paragraph, words)), width, measure)
    return [line.rstrip() for line in lines]


# A heading breaks best after punctuation, a space or a particle that ends a phrase
# ("合作伙伴的/线上访问"); elsewhere between ideographs it may split a word ("伙/伴"), which
# costs it this many ems of evenness.
_GOOD_AFTER = set("的之与和及或、，：；。！？）》」』”") | CLOSING
_SPLIT_COST_EM = 3.0
_MID_PHRASE_COST_EM = 1.5  # a break between two words, not at a phrase's end
_NUMBER_AND_MEASURE = re.compile(r"\d[\u3400-\u9FFF]$")  # "2008年" ends a word


def _good_break(line_end: str, next_start: str) -> bool:
    last = line_end.rstrip()[-1:] if line_end.rstrip() else ""
    first = next_start[:1]
    return (line_end != line_end.rstrip() or last in _GOOD_AFTER or first in OPENING
            or _NUMBER_AND_MEASURE.search(line_end) is not None
            or not (is_cjk_char(last) and is_cjk_char(first)))


def _lone(line: str) -> bool:
    """A line of a single character (punctuation aside): what a typesetter never leaves."""
    kept = [ch for ch in _visible(line) if ch not in CLOSING and ch not in OPENING]
    return len(kept) == 1 and is_cjk_char(kept[0])


def balance(text: str, width: float, measure: Measure, words: Words | None = None
            ) -> list[str]:
    """A heading in as few lines as `width` allows, as even as they can be, breaking
    between words where it can and never leaving one character alone on a line.

    The choice is a search over where the lines end; the work stays proportionate for a
    long title (200 characters in 13 lines) because each candidate line is measured and
    judged once, and a place from which the rest cannot be set in the lines left is never
    searched on (a Chinese label took 0.37 s before this, a few ms now)."""
    greedy = break_lines(text, width, measure, words)
    if len(greedy) <= 1 or "\n" in text:
        return greedy
    allowed = _allowed(text, words)
    parts = pieces(text, allowed)
    n = len(parts)
    count = len(greedy)
    # between two words of a segmented heading no break splits one; a phrase's end is still
    # the better place ("合作伙伴的/线上访问" before "合作/伙伴的线上访问")
    split_cost = (_SPLIT_COST_EM if allowed is None else _MID_PHRASE_COST_EM) * measure("国")

    # the lines that may start at piece i: (end piece, width, splits a word), in order;
    # a line of a lone character is no candidate
    Line = tuple[int, float, bool]
    lines_from: list[list[Line]] = []
    fewest = [0] * (n + 1)  # lines the rest needs at least, from each piece (lone or not)
    for i in range(n):
        found: list[Line] = []
        text_ij = ""
        for j in range(i + 1, n + 1):
            text_ij += parts[j - 1]
            w = measure(_visible(text_ij))
            if w > width and j > i + 1:
                break
            if _lone(text_ij):
                found.append((-j, w, False))  # no line, but it counts for `fewest`
                continue
            found.append((j, w, j < n and not _good_break(text_ij, parts[j])))
        lines_from.append(found)
    for i in range(n - 1, -1, -1):
        fewest[i] = 1 + min(fewest[abs(j)] for j, _, _ in lines_from[i])
    horizon = count + 1  # the search never goes beyond one line more than the fewest

    # best[k][j]: the best way to set pieces[:j] in k lines, as (widest line, split costs,
    # where the lines end); best means the least widest line plus split costs.
    Way = tuple[float, float, tuple[int, ...]]
    best: list[dict[int, Way]] = [{0: (0.0, 0.0, ())}]
    # as few lines as fit; one more if that is the only way to leave no character alone
    while len(best) <= count + 1 and (len(best) <= count or n not in best[-1]):
        row: dict[int, Way] = {}
        left = horizon - len(best)  # lines left after this one
        for i, (widest, costs, breaks) in best[-1].items():
            for j, w, split in lines_from[i]:
                if j < 0 or fewest[j] > left:
                    continue  # a lone character, or the rest no longer fits
                way = (max(widest, w), costs + (split_cost if split else 0.0), (*breaks, j))
                if j not in row or way[0] + way[1] < row[j][0] + row[j][1]:
                    row[j] = way
        best.append(row)
    if n not in best[-1]:
        return greedy
    breaks = (0, *best[-1][n][2])
    return ["".join(parts[a:b]).rstrip() for a, b in itertools.pairwise(breaks)]


# A separator between phrases ("Still there? · 您还在浏览吗？"): where a line ends on it or
# starts with it, the line break itself separates, and the mark would dangle.
_SEPARATORS = "·•・"


def _undangle(line: str) -> str:
    return line.strip(" " + _SEPARATORS) if line.strip(" " + _SEPARATORS) else line


def balanced_text(text: str, width: float, measure: Measure, words: Words | None = None
                  ) -> str:
    """`balance` joined with line feeds, glued, for a text item to show as it is; a text
    that fits on one line comes back as it is. A separator a line would end or start with
    is left out."""
    lines = balance(text, width, measure, words)
    if len(lines) <= 1:
        return text
    return "\n".join(glue(_undangle(line)) for line in lines)
