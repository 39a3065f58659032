"""`kiosk bench --media`: the figures come from a video really played in the window (a
number printed, never judged here: the targets are in docs/performance.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.tools.media_bench import media_bench
from tests import mediafiles as M

pytestmark = [M.needs_ffmpeg, pytest.mark.qt_log_ignore("PulseAudioService", "pipewire",
                                                        "No audio device detected")]


def test_the_bench_plays_the_folders_video_and_counts_its_frames(
        tmp_path: Path, qapp: QGuiApplication) -> None:
    root = tmp_path / "c"
    (root / "media").mkdir(parents=True)
    shutil.copyfile(M.FIXTURES / "pattern-3s.mp4", root / "media" / "film.mp4")
    M.captions(root / "media" / "film.vtt", [(0.0, 1.4, "One"), (1.5, 2.9, "Two")])
    (root / "exhibit.yaml").write_text(
        "format: 1\ntitle: T\nevents:\n  - id: film\n    date: 2008\n    title: Film\n"
        "    media:\n      - video: media/film.mp4\n        captions: media/film.vtt\n"
        "        alt: A pattern\n", encoding="utf-8")
    figures = media_bench(root, (960, 540), seconds=2.0)
    assert figures["fps"] == 30
    assert figures["frames_delivered"] > 20  # the picture moved
    assert figures["tap_to_first_frame_ms"] > 0
    assert figures["captions_seen"] >= 1
    assert 0 <= figures["dropped_share_pct"] <= 100
