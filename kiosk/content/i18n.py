"""The kiosk's own words, in every language it knows; a missing language falls back to English."""

from __future__ import annotations

UI_STRINGS: dict[str, dict[str, str]] = {
    "touch": {"en": "Touch to explore", "zh": "触摸屏幕开始探索"},
    "still_there": {"en": "Still there?", "zh": "您还在浏览吗？"},
    "returning": {"en": "Returning to the start in {n} s", "zh": "{n} 秒后返回首页"},
    "continue": {"en": "Continue", "zh": "继续"},
    "previous": {"en": "Previous event", "zh": "上一个事件"},
    "next": {"en": "Next event", "zh": "下一个事件"},
    "close": {"en": "Close", "zh": "关闭"},
    "home": {"en": "Back to the start", "zh": "返回首页"},
    "photo_of": {"en": "Photo {i} of {n}", "zh": "第 {i} 张，共 {n} 张"},
    "open_photo": {"en": "Show the photo full screen", "zh": "全屏查看图片"},
    "display_options": {"en": "Display options", "zh": "显示选项"},
    "larger_text": {"en": "Larger text", "zh": "放大文字"},
    "high_contrast": {"en": "High contrast", "zh": "高对比度"},
    "reduce_motion": {"en": "Less motion", "zh": "减少动画"},
    "timeline": {"en": "Timeline", "zh": "时间轴"},
}

# What the language switch shows; other codes show in capitals (the shipped font covers
# Latin and Chinese, so names stay within those scripts).
LANGUAGE_NAMES: dict[str, str] = {"en": "EN", "zh": "中文", "zh-Hans": "中文"}


def ui_strings(lang: str) -> dict[str, str]:
    """Every UI string in one language, English where no translation exists."""
    return {key: values.get(lang, values["en"]) for key, values in UI_STRINGS.items()}


def all_ui_characters() -> str:
    texts = [text for values in UI_STRINGS.values() for text in values.values()]
    return "".join(texts) + "".join(LANGUAGE_NAMES.values())
