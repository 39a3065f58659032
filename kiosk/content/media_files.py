"""Video and audio files of an exhibit: what plays on every kiosk, and how to convert the rest.

The kiosk plays through Qt Multimedia's FFmpeg backend, the same on Windows and Linux (the
packaged program carries its own FFmpeg, so nothing depends on the system's codecs). What
is accepted is what that backend decodes in software on both, in containers both open:

    video  MP4 (.mp4, .m4v) with H.264 video and AAC (or no) sound
           WebM (.webm) with VP9 or AV1 video and Opus or Vorbis (or no) sound
    audio  MP3, AAC (.m4a, .aac), Opus or Vorbis (.opus, .ogg), FLAC

A file's first bytes tell its container here, without Qt; its codecs, duration and picture
size are read by a prober that the services layer installs (kiosk.services.media_probe, with
Qt Multimedia itself: the packaged program has no ffprobe). Without one (tests of the rules
alone), only the container and the size are checked. Each file is probed once per change.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.content.files import FileProblem, regular_file
from kiosk.core import limits as L

Kind = Literal["video", "audio"]


class MediaError(Exception):
    """A video or audio file the kiosk cannot play, in an editor's words."""


class MediaDamaged(MediaError):
    """A file FFmpeg cannot open at all: converting it would not help, copying it again may."""


@dataclass(frozen=True)
class MediaInfo:
    """What a prober found in a file."""

    container: str  # "mp4", "webm", "mp3", "ogg", "flac", "aac" (the first bytes' answer)
    video_codec: str = ""  # lower case, as FFmpeg names them: "h264", "vp9", "av1"; "" none
    audio_codec: str = ""  # "aac", "opus", "vorbis", "mp3", "flac"; "" none
    duration: float = 0.0  # seconds; 0 when unknown
    width: int = 0
    height: int = 0
    probed: bool = False  # False: only the first bytes were read


Prober = Callable[[Path, str], MediaInfo]  # (file, its container) -> what it holds

VIDEO_PAIRS = {"mp4": ({"h264"}, {"aac"}), "webm": ({"vp9", "av1"}, {"opus", "vorbis"})}
AUDIO_CODECS = {"mp3": {"mp3"}, "mp4": {"aac"}, "aac": {"aac"}, "ogg": {"opus", "vorbis"},
                "webm": {"opus", "vorbis"}, "flac": {"flac"}}
TO_MP4 = ("ffmpeg -i '{src}' -c:v libx264 -preset slow -crf 20 -pix_fmt yuv420p "
          "-vf \"scale='min(1920,iw)':-2\" -c:a aac -b:a 160k -movflags +faststart '{out}.mp4'")
TO_WEBM = ("ffmpeg -i '{src}' -c:v libvpx-vp9 -crf 32 -b:v 0 -vf \"scale='min(1920,iw)':-2\" "
           "-c:a libopus -b:a 128k '{out}.webm'")
TO_AUDIO = "ffmpeg -i '{src}' -vn -c:a libopus -b:a 128k '{out}.opus'"

_prober: Prober | None = None
_lock = threading.Lock()
# (real path, size, mtime) -> what it holds, or the problem and whether converting helps
_probed: dict[tuple[str, int, int], MediaInfo | tuple[str, bool]] = {}


def set_prober(prober: Prober | None) -> None:
    """Install what reads codecs and durations (the services layer's); None: first bytes
    only. Answers found before are forgotten."""
    global _prober
    with _lock:
        _prober = prober
        _probed.clear()


def has_prober() -> bool:
    return _prober is not None


def container_of(head: bytes) -> str | None:
    """The container a file's first bytes say it is, or None for none the kiosk knows."""
    if head[4:8] == b"ftyp":
        return "mp4"  # MP4, M4A, MOV and 3GP: told apart by their codecs
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"  # Matroska / WebM
    if head[:4] == b"OggS":
        return "ogg"
    if head[:4] == b"fLaC":
        return "flac"
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
                              and head[1] & 0x06 != 0):
        return "mp3"  # an ID3 tag, or an MPEG audio frame (layer bits not 0)
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
        return "aac"  # ADTS
    return None


def _what_it_is(head: bytes) -> str:
    """A name for a file that is no video or audio container, from its first bytes."""
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "an AVI video"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "a WAV recording"
    if head[:3] == b"\xff\xd8\xff":
        return "a JPEG picture"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "a PNG picture"
    if head[:4] == b"%PDF":
        return "a PDF document"
    if head[:2] == b"PK":
        return "a ZIP archive (or an Office document)"
    if head[:4] in (b"\x30\x26\xb2\x75",):
        return "a Windows Media file (WMV/WMA)"
    if not head:
        return "empty"
    return "not a video or audio file the kiosk knows"


def fix_command(kind: Kind, source: str) -> str:
    """The ffmpeg command that makes a playable file of `source` (as the editor wrote it)."""
    out = os.path.splitext(source)[0] + ("-converted" if kind == "video" else "")
    if kind == "audio":
        return TO_AUDIO.format(src=source, out=out)
    return TO_MP4.format(src=source, out=out)


def check(kind: Kind, root: Path, path: Path, source: str) -> MediaInfo:
    """What a video or audio file holds, if the kiosk can play it on every system; else
    MediaError saying what to convert it to, with the command. FileProblem for a file
    that is not a regular file inside the folder, or too large."""
    real, info = regular_file(root, path, L.MAX_MEDIA_BYTES)
    key = (str(real), info.st_size, info.st_mtime_ns)
    with _lock:
        found = _probed.get(key)
        prober = _prober
    if found is None:
        try:
            found = _examine(kind, real, prober)
        except MediaError as exc:
            found = (str(exc), not isinstance(exc, MediaDamaged))
        with _lock:
            _probed[key] = found
    if isinstance(found, tuple):
        problem, convert = found
        raise MediaError(f"{problem}; convert it: {fix_command(kind, source)}" if convert
                         else problem)
    return _judge(kind, found, source)


def _examine(kind: Kind, real: Path, prober: Prober | None) -> MediaInfo:
    try:
        with open(real, "rb") as file:
            head = file.read(64)
    except OSError as exc:
        raise FileProblem(f"cannot be read ({exc.strerror})") from None
    container = container_of(head)
    if container is None:
        raise MediaError(f"is {_what_it_is(head)}, not a {kind} file the kiosk can play")
    if prober is None:
        return MediaInfo(container)
    return prober(real, container)


def _judge(kind: Kind, info: MediaInfo, source: str) -> MediaInfo:
    """The probed file against what plays everywhere and the limits."""
    fix = f"; convert it: {fix_command(kind, source)}"
    if kind == "video":
        if info.container not in VIDEO_PAIRS:
            raise MediaError(f"is {info.container.upper()} audio, not a video; put it under "
                             "'audio:' instead")
        if not info.probed:
            return info
        if not info.video_codec:
            raise MediaError("has no picture (only sound); put it under 'audio:' instead, "
                             "with a 'poster' to show while it plays")
        videos, audios = VIDEO_PAIRS[info.container]
        if info.video_codec not in videos or (info.audio_codec and info.audio_codec
                                              not in audios):
            raise MediaError(f"is {_describe(info)}, which does not play on every kiosk (they "
                             "play H.264 with AAC in MP4, or VP9/AV1 with Opus in WebM)"
                             + fix)
        if info.width > L.MAX_VIDEO_WIDTH or info.height > L.MAX_VIDEO_HEIGHT:
            raise MediaError(f"is {info.width}x{info.height} pixels; at most "
                             f"{L.MAX_VIDEO_WIDTH}x{L.MAX_VIDEO_HEIGHT} play smoothly (the "
                             "screen shows 1920x1080)" + fix)
    else:
        if not info.probed:
            if info.container not in AUDIO_CODECS:
                raise MediaError("is not an audio file the kiosk can play" + fix)
            return info
        if info.video_codec and info.container in VIDEO_PAIRS:
            raise MediaError(f"is a video ({_describe(info)}), not a sound recording; put "
                             "it under 'video:' (visitors would see nothing of it under "
                             "'audio:'), or keep only its sound: "
                             + TO_AUDIO.format(src=source, out=os.path.splitext(source)[0]))
        if info.audio_codec not in AUDIO_CODECS.get(info.container, set()):
            raise MediaError(f"is {_describe(info)}, which does not play on every kiosk (they "
                             "play MP3, AAC, Opus, Vorbis and FLAC)" + fix)
    if info.duration > L.MAX_MEDIA_SECONDS:
        raise MediaError(f"lasts {info.duration / 60:.0f} minutes; at most "
                         f"{L.MAX_MEDIA_SECONDS / 60:.0f}: cut it into parts (ffmpeg -ss START "
                         "-t LENGTH -c copy) and show them in several events")
    return info


def _describe(info: MediaInfo) -> str:
    codecs = [c.upper() for c in (info.video_codec, info.audio_codec) if c]
    return f"{info.container.upper()} with {' and '.join(codecs) or 'no known codec'}"


def warnings(kind: Kind, info: MediaInfo) -> list[str]:
    """What plays but may disappoint visitors."""
    found = []
    if kind == "video" and info.probed and not info.audio_codec:
        found.append("has no sound track; fine for a silent film, but if it should have "
                     "sound, export it again with its sound")
    return found


def forget() -> None:
    """Forget every answer (tests; a prober change does it too)."""
    with _lock:
        _probed.clear()
