"""Chinese line breaking: every title and body of the bundled exhibit, and long test strings,
laid out at the widths the kiosk uses, against the rules a typesetter checks."""

from __future__ import annotations

import itertools
import re

import pytest

from kiosk.content import load_folder
from kiosk.core.line_breaking import (
    CLOSING,
    OPENING,
    WORD_JOINER,
    balance,
    break_lines,
    glue,
    is_cjk_char,
)
from kiosk.core.model import Exhibit
from tests.conftest import DATA

LONG_ZH = ("截至2021年，共有20名国际志愿者和300余名中国志愿者参与了第3届交流会（线上），"
           "他们在12个省份服务了约5,000小时。“志愿精神”是共同的语言……志愿者们说：“我们还会再来！”"
           "项目覆盖了100%的县，资助金额达到2.5亿元。")
LONG_EN = ("Between 1981 and 1991, 20 volunteers served in 12 provinces; the programme "
           "(with UNDP) reached about 5,000 people in rural counties of western China.")
SIZES = (22, 33, 44, 56, 84, 96)  # px: labels, body, dates, titles, larger text
WIDTHS = (180, 240, 320, 400, 520, 640, 700, 860, 1000, 1400)


def measure_for(size: float):  # type: ignore[no-untyped-def]
    """A fixed-advance model of the shipped font: ideographs 1 em, Latin about half."""
    def measure(text: str) -> float:
        return sum(size * (1.0 if is_cjk_char(ch) else 0.55) for ch in text
                   if ch != WORD_JOINER)
    return measure


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    result = load_folder(DATA)
    assert result.exhibit is not None
    return result.exhibit


def plain(line: str) -> str:
    return line.replace(WORD_JOINER, "").strip()


def check_lines(lines: list[str], text: str) -> None:
    """The rules, as a proofreader reads a laid-out text."""
    shown = [plain(line) for line in lines if plain(line)]
    assert "".join(shown).replace(" ", "") == plain(text).replace("\n", "").replace(" ", "")
    for before, after in itertools.pairwise(shown):
        assert after[0] not in CLOSING, f"line starts with closing punctuation: {after!r}"
        assert before[-1] not in OPENING, f"line ends with opening punctuation: {before!r}"
        assert not (before[-1].isdigit() and is_cjk_char(after[0])), \
            f"a number parted from its measure word: {before!r} / {after!r}"
    words = set(re.findall(r"[A-Za-z0-9]+", text))
    for line in shown:
        assert set(re.findall(r"[A-Za-z0-9]+", line)) <= words, f"a word split: {line!r}"


def lone(line: str) -> bool:
    kept = [ch for ch in plain(line) if ch not in CLOSING and ch not in OPENING]
    return len(kept) == 1 and is_cjk_char(kept[0])


def headings(exhibit: Exhibit) -> list[str]:
    texts = [exhibit.title, exhibit.subtitle] + [e.title for e in exhibit.events]
    texts += [era.title for era in exhibit.eras]
    return [s for t in texts for s in t.all_strings()] + ["您还在浏览吗？", LONG_ZH[:40]]


def test_titles_break_by_the_rules_and_balance(exhibit: Exhibit) -> None:
    checked = 0
    for text in headings(exhibit):
        for size in SIZES:
            measure = measure_for(size)
            for width in (w for w in WIDTHS if w >= 5 * size):  # a heading box holds 5 ems
                greedy = break_lines(text, width, measure)
                lines = balance(text, width, measure)
                check_lines(lines, text)
                # balancing adds no line, but where one character would be left alone
                assert len(lines) == len(greedy) or (len(lines) == len(greedy) + 1
                                                     and any(lone(g) for g in greedy)), lines
                if len(lines) > 1:
                    assert not any(lone(line) for line in lines), (text, size, width, lines)
                    longest = max(measure(plain(line)) for line in lines)
                    widest_word = max(measure(word) for word in plain(text).split())
                    assert longest <= max(width, widest_word), lines
                checked += 1
    assert checked > 1500


def test_bodies_keep_numbers_with_their_measure_words(exhibit: Exhibit) -> None:
    bodies = [s for e in exhibit.events for s in e.body.all_strings()] + [LONG_ZH, LONG_EN]
    for text in bodies:
        glued = glue(text)
        for width in (300, 420, 560, 700, 860):
            for paragraph in glued.split("\n\n"):
                lines = break_lines(paragraph, width, measure_for(28))
                check_lines(lines, paragraph)
                if any(is_cjk_char(ch) for ch in paragraph) and len(lines) > 1:
                    assert not lone(lines[-1]), (width, lines[-1])


def test_the_cases_the_issue_names() -> None:
    measure = measure_for(56)
    # "对中国合作伙伴的线上访/问": one character alone on the last line
    lines = balance("对中国合作伙伴的线上访问", 10.5 * 56, measure)
    assert lines == ["对中国合作伙伴的", "线上访问"]
    # "您还在/浏览吗？" with larger text: not a lone "吗？" and balanced
    assert balance("您还在浏览吗？", 5 * 56, measure) == ["您还在", "浏览吗？"]
    # "20/名": never parted, whatever the width
    for width in range(60, 400, 7):
        lines = break_lines(glue("共有20名志愿者"), width, measure_for(28))
        assert not any(plain(line).endswith("20") for line in lines)
        assert not any(plain(line).startswith("名") for line in lines)


def test_glue_marks_only_where_qt_would_break_wrongly() -> None:
    j = WORD_JOINER
    assert glue("共有20名志愿者参加。") == f"共有20{j}名志愿者参{j}加{j}。"
    assert f"阿德{j}·德" in glue("阿德·德拉德先生")  # Qt would start a line with the dot
    assert glue("Twenty volunteers came.") == "Twenty volunteers came."
    assert glue("第3届") == f"第{WORD_JOINER}3{WORD_JOINER}届"
    # the last two characters of each Chinese paragraph stay together
    assert glue("第一段结束。\n\n第二段也结束") == f"第一段结{j}束{j}。\n\n第二段也结{j}束"
