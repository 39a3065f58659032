"""`kiosk bench --media FOLDER`: a video as a visitor meets it (issue 19), measured in the real
window: from the tap on play to the first video frame drawn, how late each caption shows
after its cue time (in frames of the video), and the share of the video's frames that never
reached the screen while it played full screen. Figures to print, never a timed test.

    kiosk bench --media FOLDER [--json] [--size WxH]

The folder's first video is played (make a 1080p 30 fps one with
`ffmpeg -f lavfi -i testsrc2=s=1920x1080:r=30:d=20 -f lavfi -i sine=d=20 -c:v libx264
-pix_fmt yuv420p -c:a aac film.mp4`, and captions for it).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from kiosk.content import load_folder

PLAY_SECONDS = 8.0


def media_bench(folder: Path, size: tuple[int, int] = (1920, 1080),
                seconds: float = PLAY_SECONDS) -> dict[str, Any]:
    """Play the folder's first video full screen; the figures as a dict."""
    from PySide6.QtCore import QElapsedTimer, QPointF
    from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer

    from kiosk.tools.bench_child import mouse  # (QtTest is not in the packaged program)
    from kiosk.ui.shell.app import application
    from kiosk.ui.shell.session import Session
    from kiosk.ui.shell.view import create_view, find_item

    app = application()
    exhibit = load_folder(folder).exhibit
    if exhibit is None:
        raise SystemExit(f"{folder}: the folder has errors (kiosk validate {folder})")
    found = next(((e, m) for e, event in enumerate(exhibit.events)
                  for m, media in enumerate(event.media) if media.video), None)
    if found is None:
        raise SystemExit(f"{folder}: no video to play")
    session = Session(exhibit, reduced_motion=True)
    view = create_view(exhibit, size, session)
    window = view.window
    window.show()
    session.navigation.openEvent(found[0])
    session.navigation.showPhoto(found[1])
    clock = QElapsedTimer()
    clock.start()
    swaps: list[float] = []
    window.frameSwapped.connect(lambda: swaps.append(clock.nsecsElapsed() / 1e6))

    def wait(condition: Any, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit("the video did not play (no frame arrived)")
            app.processEvents()
            time.sleep(0.001)

    wait(lambda: bool(window.isExposed()))
    button = find_item(window, "mediaPlayButton")
    wait(lambda: bool(button.isVisible()))
    sink = find_item(window, "mediaVideo").property("videoSink")
    frames: list[float] = []
    sink.videoFrameChanged.connect(lambda _frame: frames.append(clock.nsecsElapsed() / 1e6))
    player = window.findChild(QMediaPlayer, "mediaPlayer")
    assert isinstance(player, QMediaPlayer)
    cue_lag: list[float] = []
    media = exhibit.events[found[0]].media[found[1]]
    captions = media.captions_for(session.language.current(), exhibit.default_language)

    starts: list[float] = []
    if captions is not None:
        from kiosk.content.captions import read_cues

        starts = [cue.start * 1000 for cue in read_cues(exhibit.folder, captions)]

    def on_caption() -> None:  # how far past its cue's start the frame on screen is
        if session.media.caption:
            at = sink.videoFrame().startTime() / 1000  # the frame the sink holds now
            began = max((s for s in starts if s <= at + 1), default=None)
            if began is not None:
                cue_lag.append(at - began)

    session.media.captionChanged.connect(on_caption)
    centre = button.mapToScene(button.boundingRect().center()).toPoint()
    tapped = clock.nsecsElapsed() / 1e6
    mouse(window, "press", QPointF(centre))
    mouse(window, "release", QPointF(centre))
    wait(lambda: bool(frames))
    wait(lambda: any(s > frames[0] for s in swaps))
    first_frame_ms = next(s for s in swaps if s > frames[0]) - tapped

    find_item(window, "mediaView").setProperty("full", True)
    rate = float(player.metaData().value(QMediaMetaData.Key.VideoFrameRate) or 30.0)
    counted_from = len(frames)
    position_from = player.position()
    end = time.monotonic() + seconds
    while time.monotonic() < end and player.playbackState() == \
            QMediaPlayer.PlaybackState.PlayingState:
        app.processEvents()
        time.sleep(0.001)
    played_ms = player.position() - position_from
    delivered = len(frames) - counted_from
    expected = max(1, round(played_ms / 1000 * rate))
    session.navigation.home()
    app.processEvents()
    frame_ms = 1000 / rate
    return {
        "video": str(media.video), "size": f"{size[0]}x{size[1]}", "fps": rate,
        "tap_to_first_frame_ms": round(first_frame_ms, 1),
        "caption_lag_frames_max": round(max(cue_lag) / frame_ms, 2) if cue_lag else None,
        "captions_seen": len(cue_lag),
        "frames_expected": expected, "frames_delivered": delivered,
        "dropped_share_pct": round(max(0.0, 1 - delivered / expected) * 100, 1),
        "played_s": round(played_ms / 1000, 2),
    }


def main(folder: Path, as_json: bool, size: tuple[int, int]) -> int:
    figures = media_bench(folder, size)
    if as_json:
        print(json.dumps(figures))
        return 0
    print(f"{figures['video']} at {figures['size']}, {figures['fps']:g} fps:")
    print(f"  tap on play to first video frame drawn: {figures['tap_to_first_frame_ms']} ms")
    print(f"  caption on screen after its cue time: at most "
          f"{figures['caption_lag_frames_max']} frames ({figures['captions_seen']} cues)")
    print(f"  full screen, {figures['played_s']} s: {figures['frames_delivered']} of "
          f"{figures['frames_expected']} frames reached the screen "
          f"({figures['dropped_share_pct']} % dropped)")
    return 0
