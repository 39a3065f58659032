"""The photo viewer opens on a picture already decoded, and zoomed in it sharpens: what a
visitor sees at each zoom has the pixels it needs, and no more is held once it is closed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.core.model import Exhibit
from tests.ui.conftest import MakeView, item


def image_of(photo: QQuickItem) -> QQuickItem:
    return next(child for child in photo.childItems() if child.objectName() == "photoImage")


def decoded_width(photo: QQuickItem) -> int:
    return int(image_of(photo).property("sourceSize").width())


def test_viewer_is_ready_when_it_opens_and_sharpens_when_zoomed(
        make_view: MakeView, bundled: Exhibit, qtbot: QtBot) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(0)
    photo = item(view, "viewerPhoto")
    sharp = item(view, "viewerPhotoSharp")
    # hidden, the viewer decodes the event's photo for the screen ahead of the tap
    qtbot.waitUntil(lambda: bool(photo.property("ready")), timeout=10_000)
    before = decoded_width(photo)
    assert 0 < before <= 1920
    view.session.navigation.openPhoto(0)
    qtbot.waitUntil(lambda: item(view, "photoCaptionBar").height() > 0, timeout=5000)
    assert photo.property("ready") and decoded_width(photo) == before  # nothing decoded again
    # the sharper one decodes meanwhile, for a pinch, but shows only zoomed in
    qtbot.waitUntil(lambda: bool(sharp.property("ready")), timeout=10_000)
    assert not sharp.isVisible()
    for _ in range(3):  # the wheel zooms in, as a pinch does
        wheel = QWheelEvent(QPointF(960, 540), QPointF(960, 540), QPoint(0, 0), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QGuiApplication.sendEvent(view.window, wheel)
    qtbot.waitUntil(lambda: bool(sharp.property("ready")) and sharp.isVisible(), timeout=10_000)
    assert decoded_width(sharp) == 2 * before  # twice the screen's pixels, zoomed in
    view.session.navigation.closePhoto()  # back on the event: the large one is let go
    qtbot.waitUntil(lambda: not image_of(sharp).property("source").toString(), timeout=5000)
    assert photo.property("ready")  # the screen-sized one stays, for the next tap
