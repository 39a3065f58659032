"""Everything the kiosk knows about languages, in one place: language names, the kiosk's own
words, dates, ranges and BCE years, digits and plural forms, CJK typography.

QML never builds text: it shows what these functions return. Dates, eras, digits and plural
rules come from CLDR (Babel) for every language; the kiosk's own words are a column in
UI_STRINGS or, without a developer, the exhibit's own words for a language: exhibit.yaml's
`interface` key (see docs/content-format.md), passed here as `words`. Babel is imported on
first use, not with this module: the first frame does not wait for it.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping
from string import Formatter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # dates.py parses; this module only writes dates out
    from babel import Locale

    from kiosk.core.dates import Date

log = logging.getLogger(__name__)

FALLBACK = "en"

# A word with a count is one text, or its forms by CLDR plural category (zero, one, two, few,
# many, other), chosen by {n}: "1 event", "2 events"; Arabic has all six.
Forms = Mapping[str, str]
Word = str | Forms
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")

UI_STRINGS: dict[str, dict[str, Word]] = {
    "touch": {"en": "Touch to explore", "zh": "触摸屏幕开始探索", "ar": "المس الشاشة للاستكشاف"},
    "still_there": {"en": "Still there?", "zh": "您还在浏览吗？", "ar": "هل ما زلت هنا؟"},
    "returning": {"en": "Returning to the start in {n} s", "zh": "{n} 秒后返回首页",
                  "ar": {"zero": "العودة إلى البداية الآن",
                         "one": "العودة إلى البداية خلال ثانية واحدة",
                         "two": "العودة إلى البداية خلال ثانيتين",
                         "few": "العودة إلى البداية خلال {n} ثوانٍ",
                         "many": "العودة إلى البداية خلال {n} ثانية",
                         "other": "العودة إلى البداية خلال {n} ثانية"}},
    "continue": {"en": "Continue", "zh": "继续", "ar": "متابعة"},
    "previous": {"en": "Previous event", "zh": "上一个事件", "ar": "الحدث السابق"},
    "next": {"en": "Next event", "zh": "下一个事件", "ar": "الحدث التالي"},
    "close": {"en": "Close", "zh": "关闭", "ar": "إغلاق"},
    "home": {"en": "Back to the start", "zh": "返回首页", "ar": "العودة إلى البداية"},
    "photo_of": {"en": "Photo {i} of {n}", "zh": "第 {i} 张，共 {n} 张", "ar": "الصورة {i} من {n}"},
    "open_photo": {"en": "Show the photo full screen", "zh": "全屏查看图片",
                   "ar": "عرض الصورة بملء الشاشة"},
    "display_options": {"en": "Display options", "zh": "显示选项", "ar": "خيارات العرض"},
    "larger_text": {"en": "Larger text", "zh": "放大文字", "ar": "نص أكبر"},
    "high_contrast": {"en": "High contrast", "zh": "高对比度", "ar": "تباين عالٍ"},
    "reduce_motion": {"en": "Less motion", "zh": "减少动画", "ar": "حركة أقل"},
    "timeline": {"en": "Timeline", "zh": "时间轴", "ar": "الخط الزمني"},
    "start": {"en": "Start at the beginning", "zh": "从头开始", "ar": "ابدأ من البداية"},
    "events_n": {"en": {"one": "{n} event", "other": "{n} events"}, "zh": "{n}个事件",
                 "ar": {"zero": "لا أحداث", "one": "حدث واحد", "two": "حدثان",
                        "few": "{n} أحداث", "many": "{n} حدثًا", "other": "{n} حدث"}},
    "others_n": {"en": "+{n}", "zh": "等{n}项", "ar": "\u2066+{n}\u2069"},
    "position": {"en": "{i} of {n}", "zh": "第{i}个，共{n}个", "ar": "{i} من {n}"},
    "zoom_in": {"en": "Zoom in", "zh": "放大时间轴", "ar": "تكبير"},
    "zoom_out": {"en": "Zoom out", "zh": "缩小时间轴", "ar": "تصغير"},
    "play": {"en": "Play", "zh": "播放", "ar": "تشغيل"},
    "pause": {"en": "Pause", "zh": "暂停", "ar": "إيقاف مؤقت"},
    "captions": {"en": "Captions", "zh": "字幕", "ar": "الترجمة النصية"},
    "full_screen": {"en": "Full screen", "zh": "全屏", "ar": "ملء الشاشة"},
    "cannot_play": {"en": "This recording cannot be played", "zh": "无法播放此录音录像",
                    "ar": "لا يمكن تشغيل هذا التسجيل"},
    "on": {"en": "On", "zh": "开", "ar": "مفعّل"},
    "off": {"en": "Off", "zh": "关", "ar": "متوقف"},
}

# The exhibit's own interface words (exhibit.yaml's `interface`): language -> key -> text
# (or plural forms). They come before the kiosk's, so an editor can add a language, or
# reword one.
Words = Mapping[str, Mapping[str, Word]]
LANGUAGE_NAME_KEY = "language_name"  # an interface word: the language switch's button

# What the language switch shows; other codes show in capitals (the shipped fonts cover
# Latin, Chinese and Arabic, so names stay within those scripts).
LANGUAGE_NAMES: dict[str, str] = {"en": "EN", "zh": "中文", "zh-Hans": "中文", "ar": "العربية"}
# A language's own name in full, where staff read it (the statistics report), not on the
# visitors' screen (the report is read in a browser, with the system's fonts): the button's
# name where it is a whole name (not "EN"), else the name here; other codes show as they are.
FULL_LANGUAGE_NAMES: dict[str, str] = {
    **{code: name for code, name in LANGUAGE_NAMES.items() if name != code.upper()},
    "en": "English", "zh-Hant": "中文（繁體）", "fr": "Français", "de": "Deutsch",
    "es": "Español", "pt": "Português", "it": "Italiano", "nl": "Nederlands", "ru": "Русский",
    "ja": "日本語", "ko": "한국어", "he": "עברית", "fa": "فارسی", "hi": "हिन्दी", "tr": "Türkçe",
}

MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip  # for staff and editors (reports, validate); visitors read CLDR's months

RANGE_DASH_EN = "\u2013"  # en dash, unspaced: "1981–1991"
RANGE_DASH_ZH = "\u2014"  # 一字线 of GB/T 15834: "1981—1991年"

# Separators that join texts a visitor reads together.
EVERY_LANGUAGE_SEPARATOR = " · "
CAPTION_SEPARATOR = "  ·  "  # date and title under the welcome screen's picture
CREDIT_SEPARATOR = "    "  # a photo's credit and "Photo 2 of 3"
HOME_ARROW = "‹  "  # before the exhibit's title in the top bar: the way back to the start


def is_cjk(lang: str) -> bool:
    """Chinese, Japanese, Korean: no italics (emphasis is bold), taller lines, more
    characters to a line."""
    return lang.split("-")[0] in ("zh", "ja", "ko")


def body_line_height(lang: str) -> float:
    return 1.6 if is_cjk(lang) else 1.45


def body_measure(lang: str) -> int:
    """How many ems wide a body of text may be before it gets hard to read."""
    return 34 if is_cjk(lang) else 30


def language_name(lang: str, words: Words | None = None) -> str:
    supplied = (words or {}).get(lang, {}).get(LANGUAGE_NAME_KEY)
    return plain(supplied) if supplied else LANGUAGE_NAMES.get(lang, lang.upper())


def full_language_name(lang: str, words: Words | None = None) -> str:
    """'English', '中文', 'Français'; the exhibit's own `language_name` for a language the
    kiosk does not know; the code itself for one nobody named."""
    known = FULL_LANGUAGE_NAMES.get(lang) or FULL_LANGUAGE_NAMES.get(lang.split("-")[0])
    supplied = (words or {}).get(lang, {}).get(LANGUAGE_NAME_KEY)
    return known or (plain(supplied) if supplied else lang)


def plain(word: Word) -> str:
    """A word as one text: its `other` form when it has plural forms."""
    return word if isinstance(word, str) else word["other"]


def interface_keys() -> dict[str, str]:
    """Every interface word an exhibit may give, with its English text (the `other` form)."""
    return {**{key: plain(values[FALLBACK]) for key, values in UI_STRINGS.items()},
            LANGUAGE_NAME_KEY: "EN"}


def counts(key: str) -> bool:
    """Whether a word says how many ({n}), so it may have plural forms."""
    return "n" in (placeholders(interface_keys().get(key, "")) or ())


def known_languages() -> set[str]:
    """The languages the kiosk has its own words for."""
    return {lang for values in UI_STRINGS.values() for lang in values}


def placeholders(text: str) -> set[str] | None:
    """The {names} a template fills in; None when its braces are not a template's."""
    try:
        return {name for _, name, _, _ in Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def word(key: str, lang: str, words: Words | None = None, **numbers: int) -> str:
    """One of the kiosk's own words, in `lang` (the exhibit's own words first, English
    where no translation exists), with its numbers filled in, in that language's digits, and
    the plural form {n} asks for: word("photo_of", "en", i=2, n=3) is 'Photo 2 of 3',
    word("events_n", "en", n=1) is '1 event'."""
    values = UI_STRINGS[key]
    supplied = (words or {}).get(lang, {}).get(key)
    written_in = lang if supplied or lang in values else FALLBACK
    text = supplied or values.get(lang, values[FALLBACK])
    if not isinstance(text, str):
        n = numbers.get("n")
        category = "other" if n is None else plural_category(n, written_in)
        text = text.get(category) or text["other"]
    # digits as the words' language writes them: not '٦ of ٦' where English stands in
    return text.format(**{name: number_text(value, written_in)
                          for name, value in numbers.items()})


def ui_strings(lang: str, words: Words | None = None) -> dict[str, str]:
    """Every UI string without numbers in one language, English where no translation exists."""
    return {key: word(key, lang, words) for key, values in UI_STRINGS.items()
            if "{" not in plain(values[FALLBACK])}


def every_language(key: str, languages: tuple[str, ...], words: Words | None = None) -> str:
    """A UI string in each of the exhibit's languages, e.g. 'Continue · 继续'. Where the
    languages run both ways, each one is isolated (U+2068 ... U+2069): else the bidi
    algorithm hands an English phrase's final '?' to the Arabic around it ('?Still there')."""
    texts = dict.fromkeys(word(key, lang, words) for lang in languages)
    if any(is_rtl(lang) for lang in languages) and not all(is_rtl(lang) for lang in languages):
        texts = dict.fromkeys(f"{FSI}{text}{PDI}" for text in texts)
    return EVERY_LANGUAGE_SEPARATOR.join(texts)


LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"  # left-to-right / first-strong isolate, its end
_RANGE = re.compile(r"\d\s*[\u2010-\u2015~-]\s*\d")
_STRONG_RTL = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")


def isolated_date(text: str, lang: str) -> str:
    """A date range in right-to-left text, isolated as left to right: without it, the bidi
    algorithm lays '2015–2019' out as '2019–2015' beside Arabic words (an arrow's label)
    while the heading, digits alone, reads '2015–2019'. A date written in Arabic words is
    left as it is."""
    if is_rtl(lang) and _RANGE.search(text) and not _STRONG_RTL.search(text):
        return f"{LRI}{text}{PDI}"
    return text


# Dates, eras, digits and plural rules: CLDR's, through Babel, for every language. English
# is CLDR's international English ("12 May 1981") with its variant era names ("221 BCE",
# which Babel's data leaves out); spans in English and Chinese keep the house styles above,
# the ones the bundled content's captions use (docs/content-format.md).
ENGLISH_LOCALE = "en_001"
ENGLISH_ERAS = ("BCE", "CE")
_Token = tuple[str, str | tuple[str, int]]  # ('chars', text) or ('field', (letter, count))


@functools.cache
def cldr_locale(lang: str) -> Locale:
    """CLDR's data for a content language code ('en', 'zh-Hans', 'ar-EG'): the code's own,
    else its language's ('ar-XY' reads as 'ar'), else the kiosk's English, said once in the
    log. The packaged program carries the data of a few languages only (build.spec): a
    language without it reads dates as in English rather than stopping the kiosk."""
    from babel import Locale, UnknownLocaleError

    base = lang.split("-")[0]
    for code in ([ENGLISH_LOCALE] if lang == "en" else dict.fromkeys((lang, base))):
        try:
            locale = Locale.parse(code.replace("-", "_"))
            locale.plural_form  # noqa: B018  # loads the file and its parents: fail here
        except (UnknownLocaleError, ValueError, OSError):
            continue
        return locale
    log.warning("no CLDR data for the language %r: its dates, digits and plural forms "
                "follow English", lang)
    _ENGLISH_INSTEAD.add(lang)
    return Locale.parse(ENGLISH_LOCALE)


_ENGLISH_INSTEAD: set[str] = set()  # the languages cldr_locale found no data for


def has_cldr(lang: str) -> bool:
    """Whether dates, digits and plurals in `lang` are its own (else they are English's)."""
    cldr_locale(lang)
    return lang not in _ENGLISH_INSTEAD


# The zero of each decimal numbering system CLDR makes a language's default (its digits run on
# from it in Unicode; Babel's data names the system but not its digits).
NUMBERING_SYSTEM_ZEROS = {
    "arab": 0x0660, "arabext": 0x06F0, "deva": 0x0966, "beng": 0x09E6, "mymr": 0x1040,
    "tibt": 0x0F20, "olck": 0x1C50, "nkoo": 0x07C0, "mtei": 0xABF0, "cakm": 0x11136,
    "adlm": 0x1E950, "hmnp": 0x1E140,
}


@functools.cache
def _digit_table(lang: str) -> dict[int, str]:
    """ASCII digits to the language's, where CLDR's default numbering system for it is not
    Latin: Arabic-Indic for ar-EG or ar-SA, Persian for fa; Latin for ar itself (CLDR 49)."""
    system = cldr_locale(lang).default_numbering_system
    zero = NUMBERING_SYSTEM_ZEROS.get(system)
    if zero is None:
        if system != "latn":
            log.warning("digits of the numbering system %r unknown: %r writes Latin digits",
                        system, lang)
        return {}
    return {ord("0") + digit: chr(zero + digit) for digit in range(10)}


def digits(text: str, lang: str) -> str:
    """`text`'s ASCII digits written in the language's own."""
    table = _digit_table(lang)
    return text.translate(table) if table else text


def number_text(number: int, lang: str) -> str:
    """A count as the language writes it: '7', '1,000' (en), '١٬٠٠٠' (ar-EG)."""
    if 0 <= number < 1000:  # no grouping: the digits alone, without loading number formats
        return digits(str(number), lang)
    from babel.numbers import format_decimal

    grouped = format_decimal(number, locale=cldr_locale(lang), numbering_system="default")
    return digits(grouped, lang)  # Babel writes the system's separators, ASCII digits


def plural_category(number: int, lang: str) -> str:
    """CLDR's plural category of a count in `lang`: 'one' for 1 in English, 'few' for 3 in
    Arabic, always 'other' in Chinese."""
    return str(cldr_locale(lang).plural_form(number))


@functools.cache
def _counts_by_category(lang: str) -> dict[str, tuple[int, ...]]:
    """The counts a kiosk shows (0 to 1000: events, seconds, photos) by plural category."""
    form = cldr_locale(lang).plural_form
    found: dict[str, list[int]] = {}
    for number in range(1001):
        found.setdefault(str(form(number)), []).append(number)
    return {category: tuple(found[category]) for category in PLURAL_CATEGORIES
            if category in found}


def plural_categories(lang: str) -> tuple[str, ...]:
    """The plural categories a count in `lang` can take, in CLDR's order: ('one', 'other')
    in English, all six in Arabic, ('other',) in Chinese. (French's 'many' is for
    millions: no count on the kiosk takes it.)"""
    return tuple(_counts_by_category(lang))


def single_number(category: str, lang: str) -> bool:
    """Whether `category` holds one count only in `lang` (Arabic's 'two' is 2 alone), so its
    form may say the number in words ('two events') instead of {n}."""
    return len(_counts_by_category(lang).get(category, ())) == 1


@functools.cache
def _pattern(lang: str, skeleton: str) -> tuple[_Token, ...]:
    """The tokens of CLDR's pattern for a date of this shape in `lang`: the long date for a
    day of the common era, else the nearest skeleton's, its month names written in full."""
    locale = cldr_locale(lang)
    if skeleton == "yMMMMd":
        pattern = locale.date_formats["long"]
    else:
        skeletons = locale.datetime_skeletons
        if skeleton not in skeletons:  # (every locale's data has these shapes, from root)
            from babel.dates import match_skeleton

            skeleton = match_skeleton(skeleton, skeletons) or "y"
        pattern = skeletons[skeleton]
    return tuple(("field", (value[0], 4)) if kind == "field" and value[0] in "ML"
                 and value[1] == 3 else (kind, value)
                 for kind, value in _tokens(getattr(pattern, "pattern", pattern)))


def _tokens(pattern: str) -> list[_Token]:
    """A CLDR date pattern's fields (runs of one ASCII letter) and literal text ('quoted'
    letters, '' for a quote), as babel.dates.tokenize_pattern reads it: without importing
    babel.dates, which reads the system's time zone as it loads. The packaged program's
    CLDR data holds its patterns as text (scripts/cldr_data.py), so it never loads it."""
    tokens: list[_Token] = []
    text: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":
            if pattern.startswith("''", i):  # a quote
                text.append("'")
                i += 2
                continue
            i += 1
            while i < len(pattern):  # quoted text, up to the closing quote
                if pattern.startswith("''", i):
                    text.append("'")
                    i += 2
                elif pattern[i] == "'":
                    i += 1
                    break
                else:
                    text.append(pattern[i])
                    i += 1
        elif char.isascii() and char.isalpha():
            end = i
            while end < len(pattern) and pattern[end] == char:
                end += 1
            if text:
                tokens.append(("chars", "".join(text)))
                text = []
            tokens.append(("field", (char, end - i)))
            i = end
        else:
            text.append(char)
            i += 1
    if text:
        tokens.append(("chars", "".join(text)))
    return tokens


def _render(tokens: tuple[_Token, ...], date: Date, lang: str, words: bool = True) -> str:
    """A date written by CLDR pattern tokens; without `words`, the literal words ('年', 'г.')
    are left out and their spaces kept: a timeline tick's '公元前221'."""
    locale = cldr_locale(lang)
    bce = date.year < 0
    out = []
    for _kind, value in tokens:
        if isinstance(value, str):
            out.append(value if words else re.sub(r"\S+", "", value))
            continue
        char, count = value
        if char == "G":
            if lang.split("-")[0] == "en":
                out.append(ENGLISH_ERAS[0 if bce else 1])
            else:
                width = {4: "wide", 5: "narrow"}.get(count, "abbreviated")
                out.append(locale.eras[width][0 if bce else 1])
        elif char in "yYur":  # the year of its era: 221 for 221 BCE
            out.append(digits(str(abs(date.year)), lang))
        elif char in "ML" and date.month:
            if count >= 3:
                context = "stand-alone" if char == "L" else "format"
                out.append(locale.months[context][{5: "narrow"}.get(count, "wide")][date.month])
            else:
                out.append(digits(str(date.month).zfill(count), lang))
        elif char == "d" and date.day:
            out.append(digits(str(date.day).zfill(count), lang))
    return re.sub(r"(\s)\s+", r"\1", "".join(out)).strip() if not words else "".join(out)


def _skeleton(date: Date) -> str:
    shape = "yMMMMd" if date.day else "yMMMM" if date.month else "y"
    return f"G{shape.replace('MMMM', 'MMM')}" if date.year < 0 else shape


def date_text(date: Date, lang: str) -> str:
    """What a visitor reads, e.g. '12 May 1981', '1981年5月12日', '221 BCE', '公元前221年',
    '12 مايو 1981': CLDR's pattern for the date's precision (year; month; day), the era
    named only before the common era."""
    return _render(_pattern(lang, _skeleton(date)), date, lang)


def range_text(start: Date, end: Date | None, lang: str) -> str:
    """A span as the bundled content writes it too: '1981–1991', '1981—1991年'; in other
    languages CLDR's: '2015–2019', '2015年～2019年' (ja), both ends whole where they are not
    plain years ('{0} – {1}').

    Chinese names the unit once when both ends are plain years of the common era
    ('1981—1991年'), and writes both ends whole otherwise ('1981年5月—1991年3月').
    """
    if end is None or end == start:
        return date_text(start, lang)
    plain_years = (start.month is None and end.month is None and start.year > 0
                   and end.year > 0)
    if lang.split("-")[0] == "en":
        return f"{date_text(start, lang)}{RANGE_DASH_EN}{date_text(end, lang)}"
    if lang.startswith("zh"):
        first = digits(str(start.year), lang) if plain_years else date_text(start, lang)
        return f"{first}{RANGE_DASH_ZH}{date_text(end, lang)}"
    locale = cldr_locale(lang)
    years = locale.interval_formats.get("y", {}).get("y")
    if plain_years and years and len(years) == 2:
        return "".join(_render(tuple(_tokens(part)), when, lang)
                       for part, when in zip(years, (start, end), strict=True))
    fallback = str(locale.interval_formats.get(None) or "{0} – {1}")
    return fallback.replace("{0}", date_text(start, lang)).replace("{1}", date_text(end, lang))


def year_label(year: int, lang: str) -> str:
    """A timeline tick's label: '1990', '221 BCE', '公元前221' (the era, not the unit)."""
    from kiosk.core.dates import Date

    if year >= 0:
        return digits(str(year), lang)
    return _render(_pattern(lang, "Gy"), Date(year), lang, words=False)


def all_ui_characters() -> str:
    texts = [text for values in UI_STRINGS.values() for value in values.values()
             for text in ([value] if isinstance(value, str) else value.values())]
    separators = EVERY_LANGUAGE_SEPARATOR + CAPTION_SEPARATOR + CREDIT_SEPARATOR
    return "".join(texts) + "".join(LANGUAGE_NAMES.values()) + separators + "".join(MONTHS_EN)


# Languages written right to left: the layout mirrors, text aligns right, swipes turn round.
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0] in RTL_LANGUAGES
