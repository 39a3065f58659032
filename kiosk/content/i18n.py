"""Everything the kiosk knows about languages, in one place: language names, the kiosk's own
words, dates, ranges and BCE years, CJK typography, and templates with numbers.

QML never builds text: it shows what these functions return. A new language is a new
column in UI_STRINGS (and, if it writes dates differently, a branch in `date_text`), or,
without a developer, the exhibit's own words for it: exhibit.yaml's `interface` key (see
docs/content-format.md), passed here as `words`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from string import Formatter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # dates.py parses; this module only writes dates out
    from kiosk.content.dates import Date

FALLBACK = "en"

UI_STRINGS: dict[str, dict[str, str]] = {
    "touch": {"en": "Touch to explore", "zh": "触摸屏幕开始探索", "ar": "المس الشاشة للاستكشاف"},
    "still_there": {"en": "Still there?", "zh": "您还在浏览吗？", "ar": "هل ما زلت هنا؟"},
    "returning": {"en": "Returning to the start in {n} s", "zh": "{n} 秒后返回首页",
                  "ar": "العودة إلى البداية خلال {n} ثانية"},
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
    "events_n": {"en": "{n} events", "zh": "{n}个事件", "ar": "{n} أحداث"},
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

# The exhibit's own interface words (exhibit.yaml's `interface`): language -> key -> text.
# They come before the kiosk's, so an editor can add a language, or reword one.
Words = Mapping[str, Mapping[str, str]]
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
]  # fmt: skip

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
    return supplied or LANGUAGE_NAMES.get(lang, lang.upper())


def full_language_name(lang: str, words: Words | None = None) -> str:
    """'English', '中文', 'Français'; the exhibit's own `language_name` for a language the
    kiosk does not know; the code itself for one nobody named."""
    known = FULL_LANGUAGE_NAMES.get(lang) or FULL_LANGUAGE_NAMES.get(lang.split("-")[0])
    supplied = (words or {}).get(lang, {}).get(LANGUAGE_NAME_KEY)
    return known or supplied or lang


def interface_keys() -> dict[str, str]:
    """Every interface word an exhibit may give, with its English text."""
    return {**{key: values[FALLBACK] for key, values in UI_STRINGS.items()},
            LANGUAGE_NAME_KEY: "EN"}


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
    where no translation exists), with its numbers filled in: word("photo_of", "en", i=2,
    n=3) is 'Photo 2 of 3'."""
    values = UI_STRINGS[key]
    supplied = (words or {}).get(lang, {}).get(key)
    return (supplied or values.get(lang, values[FALLBACK])).format(**numbers)


def ui_strings(lang: str, words: Words | None = None) -> dict[str, str]:
    """Every UI string without numbers in one language, English where no translation exists."""
    return {key: word(key, lang, words) for key, values in UI_STRINGS.items()
            if "{" not in values[FALLBACK]}


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


def date_text(date: Date, lang: str) -> str:
    """What a visitor reads, e.g. '12 May 1981', '1981年5月12日', '221 BCE', '公元前221年'."""
    bce = date.year < 0
    year = abs(date.year)
    if lang.startswith("zh"):
        text = f"{'公元前' if bce else ''}{year}年"
        if date.month:
            text += f"{date.month}月"
        if date.day:
            text += f"{date.day}日"
        return text
    year_text = f"{year} BCE" if bce else str(year)
    if date.month and date.day:
        return f"{date.day} {MONTHS_EN[date.month - 1]} {year_text}"
    if date.month:
        return f"{MONTHS_EN[date.month - 1]} {year_text}"
    return year_text


def range_text(start: Date, end: Date | None, lang: str) -> str:
    """A span as the bundled content writes it too: '1981–1991', '1981—1991年'.

    Chinese names the unit once when both ends are plain years of the common era
    ('1981—1991年'), and writes both ends whole otherwise ('1981年5月—1991年3月').
    """
    if end is None or end == start:
        return date_text(start, lang)
    if not lang.startswith("zh"):
        return f"{date_text(start, lang)}{RANGE_DASH_EN}{date_text(end, lang)}"
    plain_years = (start.month is None and end.month is None and start.year > 0
                   and end.year > 0)
    first = str(start.year) if plain_years else date_text(start, lang)
    return f"{first}{RANGE_DASH_ZH}{date_text(end, lang)}"


def year_label(year: int, lang: str) -> str:
    """A timeline tick's label: '1990', '221 BCE', '公元前221'."""
    if year < 0:
        return f"公元前{-year}" if lang.startswith("zh") else f"{-year} BCE"
    return str(year)


def all_ui_characters() -> str:
    texts = [text for values in UI_STRINGS.values() for text in values.values()]
    separators = EVERY_LANGUAGE_SEPARATOR + CAPTION_SEPARATOR + CREDIT_SEPARATOR
    return "".join(texts) + "".join(LANGUAGE_NAMES.values()) + separators + "".join(MONTHS_EN)


# Languages written right to left: the layout mirrors, text aligns right, swipes turn round.
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0] in RTL_LANGUAGES
