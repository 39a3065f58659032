"""Languages: names, UI words with numbers, dates and ranges, BCE, CJK rules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.core.dates import Date
from kiosk.core.i18n import (
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


# --- CLDR (Babel): the forms the bundled exhibit uses today stay as they are -------------------

TODAY_DATA = {  # every event's date in data/ and the Arabic test exhibit, as visitors read it
    "data": {
        "about-unv": {"en": "Since 1981", "zh": "1981年以来"},
        "assistance-project": {"en": "1981–1991", "zh": "1981—1991年"},
        "third-country-programme": {"en": "1991–1997", "zh": "1991—1997年"},
        "poverty-alleviation": {"en": "1997–2001", "zh": "1997—2001年"},
        "promoting-volunteerism": {"en": "2001–2005", "zh": "2001—2005年"},
        "beijing-olympics": {"en": "2007–2011", "zh": "2007—2011年"},
        "olympic-experience": {"en": "2007–2011", "zh": "2007—2011年"},
        "wenchuan-earthquake": {"en": "2008", "zh": "2008年"},
        "young-migrants": {"en": "2009–2011", "zh": "2009—2011年"},
        "civic-engagement": {"en": "2011–2015", "zh": "2011—2015年"},
        "civic-partners": {"en": "2011–2015", "zh": "2011—2015年"},
        "youth-university-volunteers": {"en": "2013", "zh": "2013年"},
        "exchange-conference": {"en": "2015", "zh": "2015年"},
        "ten-years-of-service": {"en": "2007–2016", "zh": "2007—2016年"},
        "china-at-35": {"en": "After 35 years", "zh": "合作35年之际"},
        "priorities-at-35": {"en": "After 35 years", "zh": "合作35年之际"},
        "south-south-cooperation": {"en": "2016–2019", "zh": "2016—2019年"},
        **{key: {"en": "Around 2021", "zh": "2021年前后"} for key in (
            "virtual-mission", "two-tracks", "partners-met", "youth-volunteers",
            "knowledge-sharing", "winter-olympics", "looking-ahead")},
        "era:reform-modernization": {"en": "1981–1991", "zh": "1981—1991年"},
        "era:chinese-characteristics": {"en": "1991–1997", "zh": "1991—1997年"},
        "era:market-economy": {"en": "1997–2001", "zh": "1997—2001年"},
        "era:scientific-development": {"en": "2001–2005", "zh": "2001—2005年"},
        "era:harmonious-society": {"en": "2007–2011", "zh": "2007—2011年"},
        "era:all-around-well-off": {"en": "2011–2015", "zh": "2011—2015年"},
        "era:south-south-belt-road": {"en": "2016–2019", "zh": "2016—2019年"},
    },
    "tests/fixtures/arabic": {  # CLDR 49 writes Latin digits for `ar`: as before
        "opening": {"ar": "1990", "en": "1990"},
        "new-hall": {"ar": "2001", "en": "2001"},
        "catalogue": {"ar": "2010", "en": "2010"},
        "children": {"ar": "\u20662015–2019\u2069", "en": "2015–2019"},
        "era:founding": {"ar": "1990–2005", "en": "1990–2005"},
        "era:digital": {"ar": "2005–2020", "en": "2005–2020"},
    },
}


@pytest.mark.parametrize("folder", list(TODAY_DATA))
def test_every_date_in_the_exhibits_reads_as_it_did(folder: str) -> None:
    from kiosk.content import load_folder
    from tests.conftest import ROOT

    exhibit = load_folder(ROOT / folder).exhibit
    assert exhibit is not None
    shown = {event.id: {lang: event.date_text(lang) for lang in exhibit.languages}
             for event in exhibit.events}
    shown |= {f"era:{era.id}": {lang: range_text(era.start, era.end, lang)
                                for lang in exhibit.languages} for era in exhibit.eras}
    assert shown == TODAY_DATA[folder]


def _by_hand(date: Date, lang: str) -> str:
    """The kiosk's hand-written English and Chinese dates before CLDR: the oracle."""
    year = abs(date.year)
    if lang == "zh":
        return (f"{'公元前' if date.year < 0 else ''}{year}年" + (f"{date.month}月" if date.month
                else "") + (f"{date.day}日" if date.day else ""))
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    year_text = f"{year} BCE" if date.year < 0 else str(year)
    if date.day:
        return f"{date.day} {months[(date.month or 1) - 1]} {year_text}"
    return f"{months[date.month - 1]} {year_text}" if date.month else year_text


DATES = [Date(year, month, day) for year in (-9999, -2024, -221, -1, 1, 9, 622, 1000, 1981,
                                             2024, 99999)
         for month, day in [(None, None)] + [(m, None) for m in range(1, 13)]
         + [(m, d) for m in range(1, 13) for d in (1, 9, 28)]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_english_and_chinese_dates_are_as_they_were_at_every_precision(lang: str) -> None:
    """Years, months and days, before and in the common era, CLDR's way: today's strings."""
    assert [date_text(d, lang) for d in DATES] == [_by_hand(d, lang) for d in DATES]
    assert [year_label(y, lang) for y in (-9999, -221, -1, 1, 2024)] == (
        ["9999 BCE", "221 BCE", "1 BCE", "1", "2024"] if lang == "en"
        else ["公元前9999", "公元前221", "公元前1", "1", "2024"])


@pytest.mark.parametrize(("date", "text"), [
    (Date(1981), "1981"),
    (Date(1981, 5), "مايو 1981"),
    (Date(1981, 5, 12), "12 مايو 1981"),
    (Date(-221), "221 ق.م"),
    (Date(-221, 5, 12), "12 مايو 221 ق.م"),
])
def test_arabic_dates_and_eras_are_arabic(date: Date, text: str) -> None:
    """Not '12 May 1981' or '221 BCE' on an Arabic screen; Latin digits, as CLDR 49 has `ar`."""
    assert date_text(date, "ar") == text


def test_digits_follow_cldrs_numbering_system_for_the_declared_code() -> None:
    """Egypt's Arabic writes Arabic-Indic digits, Persian its own: in dates, ticks and counts."""
    assert date_text(Date(1981, 5, 12), "ar-EG") == "١٢ مايو ١٩٨١"
    assert range_text(Date(1981), Date(1991), "ar-EG") == "١٩٨١–١٩٩١"
    assert year_label(-221, "fa") == "۲۲۱ ق.م."
    assert word("photo_of", "ar-EG", {"ar-EG": {"photo_of": "الصورة {i} من {n}"}}, i=2,
                n=12) == "الصورة ٢ من ١٢"
    assert word("events_n", "ar-EG", {"ar-EG": {"events_n": "{n} حدث"}}, n=1234) == "١٬٢٣٤ حدث"
    assert word("events_n", "en", n=1234) == "1,234 events"
    assert word("position", "ar-EG", i=6, n=6) == "6 of 6"  # English stands in: its digits


def test_every_numbering_system_cldr_makes_a_default_has_its_digits() -> None:
    """A Babel upgrade that brings a new default numbering system fails here, not on screen."""
    import unicodedata

    from babel import Locale, localedata

    from kiosk.core.i18n import NUMBERING_SYSTEM_ZEROS

    for zero in NUMBERING_SYSTEM_ZEROS.values():
        assert [unicodedata.decimal(chr(zero + d)) for d in range(10)] == list(range(10))
    systems = {Locale.parse(code).default_numbering_system
               for code in localedata.locale_identifiers() if "_" not in code}
    assert systems - {"latn"} <= set(NUMBERING_SYSTEM_ZEROS)


def test_other_languages_read_dates_their_way() -> None:
    assert date_text(Date(1981, 5, 12), "fr") == "12 mai 1981"
    assert date_text(Date(-221), "ja") == "紀元前221年"
    assert range_text(Date(1981), Date(1991), "ja") == "1981年～1991年"
    assert range_text(Date(1981, 5), Date(1991, 3), "fr") == "mai 1981\u2009–\u2009mars 1991"
    assert year_label(-221, "ru") == "221\u202fдо н. э."  # the era, not the unit ('г.')


def test_a_language_cldr_does_not_know_reads_dates_in_english(
        caplog: pytest.LogCaptureFixture) -> None:
    from kiosk.core.i18n import cldr_locale, has_cldr

    cldr_locale.cache_clear()  # told once per language and run: make this run the first
    assert date_text(Date(-221, 5), "x-klingon") == "May 221 BC"
    assert not has_cldr("x-klingon") and has_cldr("iw")  # (Hebrew's old code)
    assert "no CLDR data for the language 'x-klingon'" in caplog.text


@pytest.mark.parametrize(("lang", "counts"), [
    ("en", ["0 events", "1 event", "2 events", "3 events", "11 events", "100 events"]),
    ("zh", ["0个事件", "1个事件", "2个事件", "3个事件", "11个事件", "100个事件"]),
    ("ar", ["لا أحداث", "حدث واحد", "حدثان", "3 أحداث", "11 حدثًا", "100 حدث"]),
])
def test_counts_take_the_plural_form_cldr_gives_their_language(lang: str,
                                                               counts: list[str]) -> None:
    """Not '1 أحداث' (the old Arabic for every count) nor '1 events'."""
    assert [word("events_n", lang, n=n) for n in (0, 1, 2, 3, 11, 100)] == counts


def test_the_countdown_says_seconds_as_arabic_does() -> None:
    assert [word("returning", "ar", n=n) for n in (1, 2, 5, 12)] == [
        "العودة إلى البداية خلال ثانية واحدة", "العودة إلى البداية خلال ثانيتين",
        "العودة إلى البداية خلال 5 ثوانٍ", "العودة إلى البداية خلال 12 ثانية"]
    assert word("returning", "en", n=1) == "Returning to the start in 1 s"


def test_english_plural_forms_fall_back_with_english_rules() -> None:
    """A language without the kiosk's words reads the English, chosen by English rules."""
    assert word("events_n", "fr", n=1) == "1 event"
    assert word("events_n", "fr", {"fr": {"events_n": {"one": "{n} événement",
                                                       "other": "{n} événements"}}},
                n=0) == "0 événement"  # French: 0 is 'one'


def _everything(lang: str) -> tuple[str, ...]:
    """What the kiosk writes with CLDR's data in one language."""
    forms = {category: f"{category} {{n}}" for category in
             ("zero", "one", "two", "few", "many", "other")}
    return (*(date_text(d, lang) for d in (Date(1981), Date(1981, 5), Date(1981, 5, 12),
                                           Date(-221), Date(-221, 5), Date(-221, 5, 12))),
            range_text(Date(1981), Date(1991), lang), range_text(Date(1981, 5), Date(1991, 3), lang),
            year_label(-221, lang), year_label(1990, lang),
            *(word("events_n", lang, {lang: {"events_n": forms}}, n=n)
              for n in (0, 1, 2, 3, 11, 1234)))


def _forget_cldr() -> None:
    import babel.localedata

    from kiosk.core import i18n

    babel.localedata._cache.clear()
    babel.localedata._dict_cache.clear()
    for cached in (i18n.cldr_locale, i18n._digit_table, i18n._counts_by_category, i18n._pattern):
        cached.cache_clear()


def test_the_packaged_programs_cldr_data_writes_what_babels_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """build.spec packs CLDR trimmed to what the kiosk reads (scripts/cldr_data.py): every
    language, regions too, must read the same from it as from Babel's own 33 MB."""
    import importlib.util
    import pickle

    import babel.core
    import babel.localedata
    from babel import localedata

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("cldr_data", ROOT / "scripts" / "cldr_data.py")
    assert spec is not None and spec.loader is not None
    cldr_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cldr_data)
    languages = [code.replace("_", "-") for code in localedata.locale_identifiers()
                 if "_" not in code and code != "root"] + ["ar-EG", "ar-MA", "zh-Hant", "en-US",
                                                            "fa-AF", "zh-TW", "pt-PT"]
    _forget_cldr()
    expected = {lang: _everything(lang) for lang in languages}
    cldr_data.write(tmp_path)
    monkeypatch.setattr(babel.localedata, "_dirname", str(tmp_path / "locale-data"))
    monkeypatch.setattr(babel.core, "_global_data",
                        pickle.loads((tmp_path / "global.dat").read_bytes()))
    _forget_cldr()
    try:
        assert {lang: _everything(lang) for lang in languages} == expected
    finally:
        _forget_cldr()


def test_date_patterns_are_read_as_babel_reads_them() -> None:
    """kiosk.core.i18n reads CLDR's patterns itself (not to import babel.dates): the
    same fields and text as Babel's reader, for every pattern of every locale it uses."""
    from babel import Locale, localedata
    from babel.dates import tokenize_pattern

    from kiosk.core.i18n import _tokens

    def merged(tokens: list[tuple[str, object]]) -> list[tuple[str, object]]:
        out: list[tuple[str, object]] = []
        for kind, value in tokens:
            if kind == "chars" and out and out[-1][0] == "chars":
                out[-1] = ("chars", f"{out[-1][1]}{value}")
            else:
                out.append((kind, value))
        return out

    patterns = {"''y''", "h 'o''clock' a", "'a''b'"}
    for code in localedata.locale_identifiers():
        locale = Locale.parse(code)
        patterns.add(locale.date_formats["long"].pattern)
        patterns |= {locale.datetime_skeletons[key].pattern for key in ("y", "yMMMM", "Gy", "GyMMM", "GyMMMd")}
    assert [_tokens(p) for p in sorted(patterns)] == [merged(tokenize_pattern(p)) for p in sorted(patterns)]


def test_the_packaged_program_writes_dates_without_loading_babel_dates(tmp_path: Path) -> None:
    """babel.dates reads the system's time zone as it loads (zoneinfo): the first frame
    does not wait for it, with the packaged program's CLDR data (patterns kept as text)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    subprocess.run([sys.executable, str(ROOT / "scripts" / "cldr_data.py"), str(tmp_path)],
                   check=True, capture_output=True)
    code = f"""
import pickle, sys
import babel.core, babel.localedata
babel.localedata._dirname = {str(tmp_path / "locale-data")!r}
babel.core._global_data = pickle.loads(open({str(tmp_path / "global.dat")!r}, "rb").read())
from kiosk.core.dates import Date
from kiosk.core import i18n
texts = [i18n.date_text(Date(-221, 5, 12), "zh"), i18n.range_text(Date(1981), Date(1991), "ar"),
         i18n.year_label(-221, "en"), i18n.word("events_n", "ar", n=2)]
print(texts, sorted(m for m in ("babel.dates", "zoneinfo") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, encoding="utf-8", cwd=ROOT,  # Windows: UTF-8 on a pipe too
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"}).stdout
    assert out.strip() == "['公元前221年5月12日', '1981–1991', '221 BCE', 'حدثان'] []"
