"""Short videos, sounds and caption files made for the tests with FFmpeg (no file from
anywhere else): a test that needs one is skipped, saying why, where FFmpeg is missing
(`scripts/install.sh --test` installs it)."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "media"
FFMPEG = shutil.which("ffmpeg")
needs_ffmpeg = pytest.mark.skipif(FFMPEG is None, reason="FFmpeg is not installed: the test "
                                  "videos are made with it (scripts/install.sh --test)")
_made: dict[tuple[object, ...], bytes] = {}  # one encoding per kind of file per test run


def _ffmpeg(out: Path, *args: str) -> Path:
    if FFMPEG is None:
        pytest.skip("FFmpeg is not installed: the test videos are made with it "
                    "(scripts/install.sh --test)")
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([FFMPEG, "-v", "error", "-nostdin", "-y", *args, str(out)], check=True,
                   timeout=120)
    return out


def _cached(out: Path, key: tuple[object, ...], *args: str) -> Path:
    if key not in _made:
        _ffmpeg(out, *args)
        _made[key] = out.read_bytes()
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(_made[key])
    return out


def video(out: Path, seconds: float = 2.0, size: str = "320x240", rate: int = 30,
          sound: bool = True, codec: str = "h264") -> Path:
    """A test pattern that moves (each frame differs) with a tone; H.264/AAC in MP4, or
    VP9/Opus in WebM (codec "vp9"), or an old MPEG-4 Part 2 video ("mpeg4")."""
    args = ["-f", "lavfi", "-i", f"testsrc2=s={size}:r={rate}:d={seconds}"]
    if sound:
        args += ["-f", "lavfi", "-i", f"sine=f=440:d={seconds}"]
    codecs = {"h264": ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                       "-g", str(rate)],
              "vp9": ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8",
                      "-b:v", "300k"],
              "mpeg4": ["-c:v", "mpeg4"]}[codec]
    audio = (["-c:a", "libopus"] if codec == "vp9" else ["-c:a", "aac"]) if sound else []
    return _cached(out, ("video", seconds, size, rate, sound, codec),
                   *args, *codecs, *audio, "-shortest")


def audio(out: Path, seconds: float = 2.0) -> Path:
    """A tone, in the format the file name's extension says (.mp3, .opus, .flac, .m4a)."""
    return _cached(out, ("audio", seconds, out.suffix),
                   "-f", "lavfi", "-i", f"sine=f=330:d={seconds}")


def truncated(out: Path) -> Path:
    """An MP4 cut short, as a copy that did not finish leaves it (its index is at the end)."""
    whole = video(out.with_name("whole-" + out.name))
    data = whole.read_bytes()
    whole.unlink()
    out.write_bytes(data[: len(data) // 2])
    return out


def huge(out: Path) -> Path:
    """One grey frame of 16000x16000 pixels in H.264 (FFmpeg cannot make 16384 square: its
    own limit): made once with ffmpeg and kept compressed, 1.7 kB, since making it takes
    20 s and 3 GB of memory."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.decompress((FIXTURES / "huge-16000x16000.mp4.gz").read_bytes()))
    return out


def captions(out: Path, cues: list[tuple[float, float, str]]) -> Path:
    """A WebVTT file of (start, end, text) cues."""
    def clock(t: float) -> str:
        return f"{int(t // 3600):02d}:{int(t % 3600 // 60):02d}:{t % 60:06.3f}"

    blocks = [f"{clock(a)} --> {clock(b)}\n{text}" for a, b, text in cues]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("WEBVTT\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
    return out


def film_folder(root: Path, *, languages: tuple[str, ...] = ("en", "zh"),
                seconds: float = 2.0, poster: bool = True) -> Path:
    """A content folder whose one event has a captioned video (English and Chinese) and
    a song, every file made here."""
    root.mkdir(parents=True, exist_ok=True)
    video(root / "media" / "film.mp4", seconds=seconds)
    audio(root / "media" / "song.mp3")
    captions(root / "media" / "film.en.vtt", [(0.0, 0.9, "The ceremony begins"),
                                               (1.0, seconds, "Everyone stands")])
    captions(root / "media" / "film.zh.vtt", [(0.0, 0.9, "仪式开始"), (1.0, seconds, "全体起立")])
    captions(root / "media" / "song.en.vtt", [(0.0, 1.5, "♪ A song of the harbour ♪")])
    if poster:
        from tests.conftest import write_image

        write_image(root / "media" / "poster.jpg", (1280, 720))
    zh = "zh" in languages
    (root / "exhibit.yaml").write_text(textwrap.dedent(f"""\
        format: 1
        title: {{en: Films{", zh: 影片" if zh else ""}}}
        languages: [{", ".join(languages)}]
        events:
          - id: ceremony
            date: 2008
            title: {{en: The ceremony{", zh: 典礼" if zh else ""}}}
            media:
              - video: media/film.mp4
                {"poster: media/poster.jpg" if poster else ""}
                captions: {{en: media/film.en.vtt{", zh: media/film.zh.vtt" if zh else ""}}}
                caption: {{en: The opening{", zh: 开幕" if zh else ""}}}
                alt: {{en: People stand in a hall{", zh: 人们在大厅里站立" if zh else ""}}}
              - audio: media/song.mp3
                captions: media/song.en.vtt
                alt: {{en: A song{", zh: 一首歌" if zh else ""}}}
          - id: later
            date: 2010
            title: {{en: Later{", zh: 后来" if zh else ""}}}
        """), encoding="utf-8")
    return root
