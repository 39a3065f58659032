"""Make an editor's Markdown safe and fitting for the kiosk before Qt renders it."""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]*)>")
_EMPHASIS = re.compile(r"(?<![\*\w])([*_])(?![\s*_])(.+?)(?<![\s*_])\1(?![\*\w])")


def kiosk_markdown(text: str, lang: str) -> str:
    """Links become their text, raw HTML is shown as text, and Chinese italics become bold."""
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = text.replace("<", "&lt;")  # no raw HTML: without '<' there is no tag
    if lang.startswith(("zh", "ja", "ko")):
        text = _EMPHASIS.sub(r"**\2**", text)
    return text
