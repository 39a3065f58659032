"""A visitor and a video (issue 19), in the real QML window: the poster with its play control,
a tap that plays (the picture moves), captions in the visitor's language that follow a
language switch at once, the captions option, and a player that lets go of its file when
the visitor moves on or leaves."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage, QPointingDevice
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtQuick import QQuickItem

from kiosk.content import load_folder
from kiosk.core.model import Exhibit
from kiosk.ui.shell.view import KioskView
from tests import mediafiles as M
from tests.ui.conftest import MakeView, centre, item, tap

# a machine without a sound service (CI, Xvfb) says so when a player opens its output
pytestmark = [M.needs_ffmpeg, pytest.mark.qt_log_ignore("PulseAudioService", "pipewire",
                                                    "No audio device detected")]


@pytest.fixture
def films(tmp_path: Path, qapp: QGuiApplication) -> Exhibit:
    exhibit = load_folder(M.film_folder(tmp_path / "c", seconds=4.0)).exhibit
    assert exhibit is not None
    return exhibit


def on_the_film(view: KioskView) -> None:
    view.session.navigation.openEvent(0)


def player(view: KioskView) -> QMediaPlayer:
    found = view.window.findChild(QMediaPlayer, "mediaPlayer")
    assert isinstance(found, QMediaPlayer)
    return found


def state(view: KioskView) -> int:
    """0 stopped, 1 playing, 2 paused."""
    return int(player(view).playbackState().value)


def grab(view: KioskView, target: QQuickItem) -> QImage:
    shot = view.window.grabWindow()
    box = target.mapRectToScene(target.boundingRect()).toRect()
    return shot.copy(box)


def test_the_poster_shows_a_play_control_a_finger_can_hit_and_nothing_plays(
        make_view: MakeView, films: Exhibit, qtbot: object) -> None:
    view = make_view(films)
    on_the_film(view)
    button = item(view, "mediaPlayButton")
    qtbot.waitUntil(lambda: button.isVisible())  # type: ignore[attr-defined]
    assert button.width() >= 64 and button.height() >= 64
    assert view.session.media.source == ""  # nothing opened until asked
    assert state(view) == 0  # StoppedState


def test_a_tap_plays_the_video_its_frames_move_and_captions_follow_the_language(
        make_view: MakeView, films: Exhibit, qtbot: object,
        touchscreen: QPointingDevice) -> None:
    view = make_view(films)
    on_the_film(view)
    touch = touchscreen
    qtbot.waitUntil(lambda: item(view, "mediaPlayButton").isVisible())  # type: ignore[attr-defined]
    tap(view.window, touch, centre(item(view, "mediaPlayButton")))
    qtbot.waitUntil(lambda: state(view) == 1,  # type: ignore[attr-defined]
                    timeout=5000)
    video = item(view, "mediaVideo")
    qtbot.waitUntil(lambda: video.isVisible(), timeout=5000)  # type: ignore[attr-defined]
    first = grab(view, video)
    qtbot.waitUntil(lambda: player(view).position() > 600,  # type: ignore[attr-defined]
                    timeout=5000)
    assert grab(view, video) != first  # the test pattern moves: frames arrive
    caption = item(view, "mediaCaption")
    qtbot.waitUntil(lambda: caption.property("text") != "", timeout=5000)  # type: ignore[attr-defined]
    english = caption.property("text")
    assert english in ("The ceremony begins", "Everyone stands")
    view.session.language.setLanguage("zh")
    chinese = {"The ceremony begins": "仪式开始", "Everyone stands": "全体起立"}
    # at once, mid-cue: no wait for the next cue (the cue may turn meanwhile, not the language)
    assert caption.property("text") in chinese.values()
    view.session.display.toggleCaptions()
    assert not item(view, "mediaCaptionBox").isVisible()


def test_moving_to_another_event_stops_the_player_and_frees_the_file(
        make_view: MakeView, films: Exhibit, qtbot: object) -> None:
    view = make_view(films)
    on_the_film(view)
    qtbot.waitUntil(lambda: item(view, "mediaPlayButton").isVisible())  # type: ignore[attr-defined]
    view.session.media.play()
    qtbot.waitUntil(lambda: state(view) == 1,  # type: ignore[attr-defined]
                    timeout=5000)
    qtbot.waitUntil(lambda: player(view).position() > 500, timeout=5000)  # type: ignore[attr-defined]
    watched: list[tuple[str, float, str]] = []
    view.session.media.watched.connect(lambda *args: watched.append(args))
    view.session.navigation.next()  # an event without a video: the player goes
    qtbot.waitUntil(lambda: view.window.findChild(QMediaPlayer, "mediaPlayer") is None,  # type: ignore[attr-defined]
                    timeout=5000)
    assert watched and watched[0][0] == "ceremony" and 0 < watched[0][1] <= 1
    assert watched[0][2] == "en"  # captions were on, in English


def test_the_countdown_and_the_welcome_screen_stop_it_too(
        make_view: MakeView, films: Exhibit, qtbot: object) -> None:
    view = make_view(films)
    on_the_film(view)
    view.session.media.play()
    qtbot.waitUntil(lambda: state(view) == 1,  # type: ignore[attr-defined]
                    timeout=5000)
    view.session.idle.startCountdown()
    qtbot.waitUntil(lambda: state(view) == 0,  # type: ignore[attr-defined]
                    timeout=5000)
    view.session.idle.touch()
    view.session.media.play()
    qtbot.waitUntil(lambda: state(view) == 1,  # type: ignore[attr-defined]
                    timeout=5000)
    view.session.reset()
    qtbot.waitUntil(lambda: player(view).source().toString() == "",  # type: ignore[attr-defined]
                    timeout=5000)


def test_a_file_gone_since_validation_leaves_the_poster_and_a_message(
        make_view: MakeView, films: Exhibit, qtbot: object) -> None:
    film = films.events[0].media[0].video
    assert film is not None
    film.write_bytes(b"not a film any more")
    view = make_view(films)
    on_the_film(view)
    view.session.media.play()
    message = item(view, "mediaFailed")
    qtbot.waitUntil(lambda: message.isVisible(), timeout=5000)  # type: ignore[attr-defined]
    assert message.property("text") == "This recording cannot be played"
    assert item(view, "mediaPlayButton").isVisible()  # the poster and its control stay
