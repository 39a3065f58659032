"""The kiosk's own words, in every language it knows; a missing language falls back to English."""

from __future__ import annotations

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
    "events_n": {"en": "{n} events", "zh": "{n} 个事件", "ar": "{n} أحداث"},
    "on": {"en": "On", "zh": "开", "ar": "مفعّل"},
    "off": {"en": "Off", "zh": "关", "ar": "متوقف"},
}

# What the language switch shows; other codes show in capitals (the shipped fonts cover
# Latin, Chinese and Arabic, so names stay within those scripts).
LANGUAGE_NAMES: dict[str, str] = {"en": "EN", "zh": "中文", "zh-Hans": "中文", "ar": "العربية"}


def ui_strings(lang: str) -> dict[str, str]:
    """Every UI string in one language, English where no translation exists."""
    return {key: values.get(lang, values["en"]) for key, values in UI_STRINGS.items()}


def all_ui_characters() -> str:
    texts = [text for values in UI_STRINGS.values() for text in values.values()]
    return "".join(texts) + "".join(LANGUAGE_NAMES.values())


# Languages written right to left: the layout mirrors, text aligns right, swipes turn round.
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0] in RTL_LANGUAGES
