"""Languages: names, UI words with numbers, dates and ranges, BCE, CJK rules."""

from __future__ import annotations

import pytest

from kiosk.content.dates import Date
from kiosk.content.i18n import (
    UI_STRINGS,
    all_ui_characters,
    body_line_height,
    date_text,
    every_language,
    is_cjk,
    language_name,
    range_text,
    ui_strings,
    word,
    year_label,
)


@pytest.mark.parametrize(("date", "lang", "text"), [
    (Date(1981), "en", "1981"),
    (Date(-221), "en", "221 BCE"),
    (Date(-221), "zh", "公元前221年"),
    (Date(1981, 5), "en", "May 1981"),
    (Date(1981, 5, 12), "en", "12 May 1981"),
    (Date(1981, 5, 12), "zh", "1981年5月12日"),
])
def test_dates_read_in_each_language(date: Date, lang: str, text: str) -> None:
    assert date_text(date, lang) == text


@pytest.mark.parametrize(("start", "end", "lang", "text"), [
    (Date(1981), Date(1991), "en", "1981–1991"),
    (Date(1981), Date(1991), "zh", "1981—1991年"),
    (Date(1981, 5), Date(1991, 3), "en", "May 1981–March 1991"),
    (Date(1981, 5), Date(1991, 3), "zh", "1981年5月—1991年3月"),
    (Date(-221), Date(-206), "zh", "公元前221年—公元前206年"),
    (Date(1981), None, "en", "1981"),
    (Date(1981), Date(1981), "zh", "1981年"),
])
def test_ranges_are_written_one_way_per_language(start: Date, end: Date | None, lang: str,
                                                 text: str) -> None:
    """The same forms as the bundled content's captions (tests/content/test_bundled_exhibit.py)."""
    assert range_text(start, end, lang) == text


def test_years_on_the_timeline() -> None:
    assert year_label(1990, "en") == "1990"
    assert year_label(-221, "en") == "221 BCE"
    assert year_label(-221, "zh") == "公元前221"


def test_words_with_numbers() -> None:
    assert word("photo_of", "en", i=2, n=3) == "Photo 2 of 3"
    assert word("photo_of", "zh", i=2, n=3) == "第 2 张，共 3 张"
    assert word("returning", "zh", n=17) == "17 秒后返回首页"
    assert word("close", "fr") == "Close"  # English where no translation exists


def test_every_word_has_english_and_chinese() -> None:
    assert all({"en", "zh"} <= set(values) for values in UI_STRINGS.values())
    assert "{" not in "".join(ui_strings("zh").values())  # templates go through word()


def test_every_language_at_once() -> None:
    assert every_language("continue", ("en", "zh")) == "Continue · 继续"
    assert every_language("continue", ("en", "fr")) == "Continue"  # no repeats


def test_cjk_rules() -> None:
    assert is_cjk("zh") and is_cjk("zh-Hans") and is_cjk("ja") and not is_cjk("en")
    assert body_line_height("zh") > body_line_height("en")
    assert language_name("zh") == "中文" and language_name("fr") == "FR"


def test_all_ui_characters_include_every_template() -> None:
    chars = set(all_ui_characters())
    assert set("第张共秒后返回首页·") <= chars
