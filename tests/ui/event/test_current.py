"""What the event on screen says: texts in the visitor's language, photo labels."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.core.model import Exhibit
from kiosk.ui.event.current import CurrentEvent
from kiosk.ui.language.language import Language
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shared.pictures import Pictures


def make(bundled: Exhibit) -> tuple[Navigation, Language, CurrentEvent]:
    navigation, language = Navigation(bundled), Language(bundled)
    return navigation, language, CurrentEvent(navigation, language, Pictures(bundled))


def test_photo_labels_are_finished_text(qapp: QGuiApplication, two_photos: Exhibit) -> None:
    navigation, language, current = make(two_photos)
    navigation.openEvent(1)
    media = two_photos.events[1].media
    navigation.showPhoto(1)
    assert current.photoNames[1] == f"Photo 2 of {len(media)}"
    assert current.creditLine.endswith(f"Photo 2 of {len(media)}")
    assert current.photo["caption"] == media[1].caption.get("en")
    language.setLanguage("zh")
    assert current.creditLine.endswith(f"第 2 张，共 {len(media)} 张")


def test_a_photo_change_leaves_the_texts_alone(qapp: QGuiApplication, two_photos: Exhibit,
                                               qtbot: QtBot) -> None:
    navigation, language, current = make(two_photos)
    navigation.openEvent(1)
    with qtbot.assertNotEmitted(current.textsChanged), qtbot.waitSignal(current.photoChanged):
        navigation.showPhoto(1)
    with qtbot.waitSignal(current.textsChanged):
        language.setLanguage("zh")
    assert current.title == "两张照片"
