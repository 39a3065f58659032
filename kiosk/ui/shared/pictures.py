"""The exhibit's photos as QML loads them: file URLs that change on a reload, and one
photo's texts in the visitor's language. The event screen and the welcome screen's
attract motion both show them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl

from kiosk.core.model import Exhibit


class Pictures:
    """File URLs of the exhibit's photos. A reload bumps the generation, which makes Qt's
    image cache forget the pictures it holds."""

    def __init__(self, exhibit: Exhibit) -> None:
        self.exhibit = exhibit
        self.common_credit = exhibit.common_credit()
        self.generation = 0

    def set_exhibit(self, exhibit: Exhibit) -> None:
        self.exhibit = exhibit
        self.common_credit = exhibit.common_credit()
        self.generation += 1

    def url(self, event_index: int, media_index: int) -> str:
        path = self.exhibit.events[event_index].media[media_index].image
        if path is None:  # a video or sound without a poster
            return ""
        url = QUrl.fromLocalFile(str(path))
        url.setQuery(f"v={self.generation}")
        return url.toString()

    def item(self, event_index: int, media_index: int, lang: str) -> dict[str, Any]:
        """One photo as QML shows it."""
        media = self.exhibit.events[event_index].media[media_index]
        return {
            "source": self.url(event_index, media_index),
            "caption": media.caption.get(lang),
            # a credit every photo shares is said once, on the welcome screen
            "credit": "" if media.credit == self.common_credit
                      else media.credit.get(lang),
            "alt": media.alt.get(lang),
            "aspect": media.width / media.height if media.height else 1.5,
            "rotated": media.rotated,
            "kind": media.kind,  # "image", "video" or "audio" (kiosk.ui.media.player plays them)
        }
