"""What a video or audio file holds (codecs, duration, picture size), read by Qt Multimedia
itself: the packaged program has no ffprobe, and what Qt's FFmpeg backend opens here is what
the kiosk will play. kiosk.content.media_files judges the answer; `install()` plugs this in.

A QMediaPlayer opens the file without playing it (no decoder runs, no sound): its status
says whether FFmpeg could open it, its metadata and tracks what is inside. It works on any
thread (the kiosk validates on a worker): the player lives and dies on the calling thread,
which waits in its own event loop for at most PROBE_SECONDS.
"""

from __future__ import annotations

import ctypes
import glob
import logging
import os
import threading
from pathlib import Path

from kiosk.content import media_files
from kiosk.content.media_files import MediaDamaged, MediaError, MediaInfo

log = logging.getLogger("kiosk.media_probe")
PROBE_SECONDS = 10.0
AV_LOG_FATAL = 8  # FFmpeg's own log level: its per-file dump would fill `kiosk validate`
_quiet_done = False
_lock = threading.Lock()


# Qt Multimedia's start-up notes (no PipeWire on a kiosk without a desktop: sound goes
# through PulseAudio or ALSA; the FFmpeg version) are no news to staff
# (and FFmpeg's reason a file cannot be opened: validation says it in an editor's words)
QUIET_RULES = ("qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg.info=false\n"
               "qt.multimedia.ffmpeg.mediadataholder=false\n"
               "qt.multimedia.playbackengine.codec.info=false")


def install() -> None:
    """Make content validation read codecs and durations with Qt Multimedia."""
    quiet_qt()
    media_files.set_prober(probe)


def quiet_qt() -> None:
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules(QUIET_RULES)


def quiet_ffmpeg() -> None:
    """Keep FFmpeg's own messages (a dump of every file opened) off the terminal: the
    kiosk says what matters in its own words. Best effort, once."""
    global _quiet_done
    with _lock:
        if _quiet_done:
            return
        _quiet_done = True
    try:
        import PySide6

        base = Path(PySide6.__file__).parent
        names = (glob.glob(str(base / "Qt" / "lib" / "libavutil.so.*"))
                 + glob.glob(str(base / "avutil-*.dll"))
                 + glob.glob(str(base / "Qt" / "lib" / "libavutil.*.dylib")))
        if names:
            ctypes.CDLL(sorted(names, key=len)[0]).av_log_set_level(AV_LOG_FATAL)
    except (OSError, AttributeError, ImportError) as exc:  # a build without it: noisy only
        log.debug("FFmpeg's log level not set: %s", exc)


def _codec_name(value: object) -> str:
    """`VideoCodec.H264` -> "h264"; Qt's names are FFmpeg's but for a few."""
    name = getattr(value, "name", "") or ""
    return {"MPEG4": "mpeg4", "WindowsMediaVideo": "wmv", "WindowsMediaAudio": "wma",
            "Unspecified": ""}.get(name, name.lower())


def probe(path: Path, container: str) -> MediaInfo:
    """Open `path` with Qt Multimedia and say what it holds; MediaError when FFmpeg cannot
    open it (truncated, damaged, not media)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QUrl

    # QMediaFormat: its import registers the codec enums that track metadata holds
    from PySide6.QtMultimedia import QMediaFormat, QMediaMetaData, QMediaPlayer

    _ = QMediaFormat  # (see above)
    if QCoreApplication.instance() is None:  # `kiosk validate`: no application yet
        QCoreApplication([])
    player = QMediaPlayer()
    quiet_ffmpeg()  # after the backend set FFmpeg up (it sets the level itself)
    loop = QEventLoop()
    done = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.InvalidMedia)
    player.mediaStatusChanged.connect(lambda status: loop.quit() if status in done else None)
    player.errorOccurred.connect(lambda *_: loop.quit())
    if not player.isAvailable():  # no backend: a broken installation, not a broken file
        raise MediaDamaged("cannot be checked: this kiosk's video player (Qt Multimedia's "
                           "FFmpeg backend) is missing; install the kiosk again")
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    try:
        player.setSource(QUrl.fromLocalFile(os.fspath(path)))
        if player.mediaStatus() not in done and player.error() == QMediaPlayer.Error.NoError:
            timer.start(int(PROBE_SECONDS * 1000))
            loop.exec()
        status = player.mediaStatus()
        if status != QMediaPlayer.MediaStatus.LoadedMedia:
            if status in done or player.error() != QMediaPlayer.Error.NoError:
                raise MediaDamaged("cannot be opened: it is damaged or cut short (a copy that "
                                   "did not finish?), or not a video or audio file at all; "
                                   "copy it again from the original")
            raise MediaError(f"took more than {PROBE_SECONDS:g} s to open")
        data = player.metaData()
        videos = [track.value(QMediaMetaData.Key.VideoCodec) for track in player.videoTracks()]
        audios = [track.value(QMediaMetaData.Key.AudioCodec) for track in player.audioTracks()]
        size = data.value(QMediaMetaData.Key.Resolution)
        if not size and player.videoTracks():
            size = player.videoTracks()[0].value(QMediaMetaData.Key.Resolution)
        return MediaInfo(
            container=container,
            video_codec=_codec_name(videos[0]) if player.hasVideo() and videos else "",
            audio_codec=_codec_name(audios[0]) if player.hasAudio() and audios else "",
            duration=max(0, player.duration()) / 1000,
            width=size.width() if size else 0,
            height=size.height() if size else 0,
            probed=True,
        )
    finally:
        timer.stop()
        player.setSource(QUrl())  # closes the file; Python owns the player and frees it
