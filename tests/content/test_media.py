"""Video and audio items (issue 19): what `kiosk validate` accepts and what it rejects, at
file:line:column, with what to do. The files are made here with FFmpeg and probed by Qt
Multimedia itself (kiosk.services.media_probe), as the kiosk does."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.content import load_folder, media_files
from kiosk.content.captions import CaptionError, parse_cues
from kiosk.content.problems import listing
from kiosk.services import media_probe
from tests import mediafiles as M

pytestmark = M.needs_ffmpeg


@pytest.fixture(autouse=True)
def prober() -> Iterator[None]:
    media_probe.install()
    yield
    media_files.set_prober(None)


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_folder(root).problems]


def one_item(root: Path, item: str, languages: str = "[en]") -> Path:
    """A folder whose one event has the media item given as YAML (indented under media)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "exhibit.yaml").write_text(
        f"format: 1\ntitle: T\nlanguages: {languages}\nevents:\n  - id: one\n    date: 2008\n"
        f"    title: One\n    media:\n      - {item}\n", encoding="utf-8")
    return root


def test_a_captioned_video_and_a_song_validate(tmp_path: Path) -> None:
    root = M.film_folder(tmp_path / "c")
    result = load_folder(root)
    assert not result.errors, [str(p) for p in result.problems]
    film, song = result.exhibit.events[0].media  # type: ignore[union-attr]
    assert film.kind == "video" and song.kind == "audio"
    assert film.video == (root / "media" / "film.mp4").resolve()
    assert film.image == (root / "media" / "poster.jpg").resolve()
    assert 1.9 < film.duration < 2.2
    assert dict(film.captions)["zh"].name == "film.zh.vtt"
    assert film.captions_for("zh", "en") is not None
    # the song has English captions only: Chinese visitors read those, and the editor knows
    assert song.captions_for("zh", "en") == dict(song.captions)["en"]
    assert [str(p) for p in result.problems] == [
        "exhibit.yaml:15:19: warning: event 'ceremony', audio 2: no 'zh' captions; 'en' "
        "captions are shown instead"]


def test_the_validated_exhibit_round_trips_through_the_stored_copy(tmp_path: Path) -> None:
    from kiosk.content.stored import exhibit_from_json, exhibit_to_json

    root = M.film_folder(tmp_path / "c")
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    again = exhibit_from_json(exhibit_to_json(exhibit, root.resolve()), root.resolve())
    assert again.events[0].media == exhibit.events[0].media


def test_a_video_without_captions_is_a_warning_naming_who_is_left_out(tmp_path: Path) -> None:
    M.video(tmp_path / "c" / "media" / "film.mp4")
    root = one_item(tmp_path / "c", "video: media/film.mp4\n        alt: A hall")
    assert problems(root) == [
        "exhibit.yaml:9:9: warning: event 'one', video 1: no 'captions'; visitors who cannot "
        "hear the video get nothing: add a WebVTT file per language, e.g. captions: "
        "{en: media/film.en.vtt} (docs/content-guide.md)"]


def test_an_item_has_exactly_one_of_image_video_and_audio(tmp_path: Path) -> None:
    M.video(tmp_path / "c" / "media" / "film.mp4")
    M.audio(tmp_path / "c" / "media" / "song.mp3")
    root = one_item(tmp_path / "c", "video: media/film.mp4\n        audio: media/song.mp3")
    assert any("exhibit.yaml:10:9: error: event 'one', video 1: has 'video' and 'audio'; an "
               "item shows one of them" in p for p in problems(root))


def test_a_truncated_video_is_an_error_that_says_to_copy_it_again(tmp_path: Path) -> None:
    M.truncated(tmp_path / "c" / "media" / "film.mp4")
    root = one_item(tmp_path / "c", "video: media/film.mp4")
    errors = [p for p in problems(root) if ": error:" in p]
    assert errors == ["exhibit.yaml:9:16: error: event 'one', video 1: video 'media/film.mp4' "
                      "cannot be opened: it is damaged or cut short (a copy that did not "
                      "finish?), or not a video or audio file at all; copy it again from the "
                      "original"]


def test_a_text_file_named_mp4_is_named_for_what_it_is(tmp_path: Path) -> None:
    (tmp_path / "c" / "media").mkdir(parents=True)
    (tmp_path / "c" / "media" / "film.mp4").write_bytes(b"%PDF-1.4 a leaflet")
    root = one_item(tmp_path / "c", "video: media/film.mp4")
    errors = [p for p in problems(root) if ": error:" in p]
    assert len(errors) == 1
    assert "video 'media/film.mp4' is a PDF document, not a video file the kiosk can play; " \
           "convert it: ffmpeg -i 'media/film.mp4' -c:v libx264" in errors[0]


def test_a_16000_pixel_square_video_is_refused_with_the_command_to_scale_it(
        tmp_path: Path) -> None:
    M.huge(tmp_path / "c" / "media" / "huge.mp4")
    root = one_item(tmp_path / "c", "video: media/huge.mp4")
    errors = [p for p in problems(root) if ": error:" in p]
    assert len(errors) == 1 and "is 16000x16000 pixels; at most 3840x2160" in errors[0]
    assert "scale='min(1920,iw)':-2" in errors[0]


def test_a_codec_that_plays_on_one_system_only_is_refused_with_the_command(
        tmp_path: Path) -> None:
    M.video(tmp_path / "c" / "media" / "old.mp4", codec="mpeg4", sound=False)
    root = one_item(tmp_path / "c", "video: media/old.mp4")
    errors = [p for p in problems(root) if ": error:" in p]
    assert errors == [
        "exhibit.yaml:9:16: error: event 'one', video 1: video 'media/old.mp4' is MP4 with "
        "MPEG4, which does not play on every kiosk (they play H.264 with AAC in MP4, or "
        "VP9/AV1 with Opus in WebM); convert it: ffmpeg -i 'media/old.mp4' -c:v libx264 "
        "-preset slow -crf 20 -pix_fmt yuv420p -vf \"scale='min(1920,iw)':-2\" -c:a aac "
        "-b:a 160k -movflags +faststart 'media/old-converted.mp4'"]


def test_vp9_and_opus_in_webm_plays_and_a_silent_video_is_a_warning(tmp_path: Path) -> None:
    M.video(tmp_path / "c" / "media" / "film.webm", codec="vp9", sound=False)
    M.captions(tmp_path / "c" / "media" / "film.vtt", [(0, 1, "Silence")])
    root = one_item(tmp_path / "c", "video: media/film.webm\n        captions: media/film.vtt"
                    "\n        alt: A hall")
    assert problems(root) == [
        "exhibit.yaml:9:16: warning: event 'one', video 1: video 'media/film.webm' has no "
        "sound track; fine for a silent film, but if it should have sound, export it again "
        "with its sound"]


def test_audio_that_is_really_a_video_is_an_error(tmp_path: Path) -> None:
    M.video(tmp_path / "c" / "media" / "song.mp4")
    root = one_item(tmp_path / "c", "audio: media/song.mp4")
    errors = [p for p in problems(root) if ": error:" in p]
    assert len(errors) == 1
    assert "audio 'media/song.mp4' is a video (MP4 with H264 and AAC), not a sound " \
           "recording; put it under 'video:'" in errors[0]
    assert "ffmpeg -i 'media/song.mp4' -vn -c:a libopus" in errors[0]


def test_each_file_is_probed_once_however_many_items_show_it(tmp_path: Path) -> None:
    M.video(tmp_path / "c" / "media" / "film.mp4")
    calls: list[Path] = []

    def counting(path: Path, container: str) -> media_files.MediaInfo:
        calls.append(path)
        return media_probe.probe(path, container)

    media_files.set_prober(counting)
    root = one_item(tmp_path / "c", "video: media/film.mp4\n      - video: media/film.mp4")
    load_folder(root)
    load_folder(root)  # a reload of an unchanged folder
    assert len(calls) == 1


def test_the_probe_works_on_the_kiosks_worker_thread(tmp_path: Path) -> None:
    film = M.video(tmp_path / "film.mp4")
    found: list[object] = []
    worker = threading.Thread(target=lambda: found.append(media_probe.probe(film, "mp4")))
    worker.start()
    worker.join(30)
    assert isinstance(found[0], media_files.MediaInfo) and found[0].video_codec == "h264"


def test_without_a_prober_the_first_bytes_still_tell_a_video_from_a_song(
        tmp_path: Path) -> None:
    """The content rules alone (no Qt): the container is still checked."""
    media_files.set_prober(None)
    M.audio(tmp_path / "c" / "media" / "song.mp3")
    root = one_item(tmp_path / "c", "video: media/song.mp3")
    assert any("video 'media/song.mp3' is MP3 audio, not a video; put it under 'audio:'"
               in p for p in problems(root))


# --- caption files --------------------------------------------------------------------------


def test_a_caption_error_is_shown_at_its_line_and_column_with_a_caret(tmp_path: Path) -> None:
    M.video(tmp_path / "c" / "media" / "film.mp4")
    (tmp_path / "c" / "media" / "film.vtt").write_text(
        "WEBVTT\n\n00:00.000 --> 00:01.000\nFine\n\n00:01,000 --> 00:02,000\nComma\n",
        encoding="utf-8")
    root = one_item(tmp_path / "c", "video: media/film.mp4\n        captions: media/film.vtt"
                    "\n        alt: A hall")
    result = load_folder(root)
    text = listing(result.problems, root, "c")
    assert "media/film.vtt:6:1: error: a cue cannot be read" in text
    assert " 6 | 00:01,000 --> 00:02,000\n   | ^" in text
    assert "write cue times as 00:01:02.500 --> 00:01:05.000" in text


def test_cues_past_the_end_and_overlapping_cues_are_warnings(tmp_path: Path) -> None:
    M.video(tmp_path / "c" / "media" / "film.mp4", seconds=2.0)
    M.captions(tmp_path / "c" / "media" / "film.vtt",
               [(0.0, 1.5, "One"), (1.0, 1.9, "Two, over One"), (5.0, 6.0, "After the end")])
    root = one_item(tmp_path / "c", "video: media/film.mp4\n        captions: media/film.vtt"
                    "\n        alt: A hall")
    found = sorted(problems(root), reverse=True)
    assert "media/film.vtt:9:1: warning: 1 cue(s) start at or after the end of the media " \
           "(0:02.000), first at 0:05.000; visitors never see them" in found[0]
    assert len(found) == 2 and found[1].startswith("media/film.vtt:6:1: warning: 1 cue(s) start before the one "
                               "before ends (first here: 0:01.000 is before 0:01.500")


def test_a_caption_file_of_100000_cues_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    cues = "".join(f"\n{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000 --> "
                   f"{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}.500\nx\n"
                   for i in range(100_000))
    started = time.perf_counter()
    with pytest.raises(CaptionError) as caught:
        parse_cues(("WEBVTT\n" + cues).encode())
    assert time.perf_counter() - started < 5  # (not a timed test: a hang would stop here)
    assert caught.value.message.startswith("has 100,000 cues; a caption file has at most 5,000")
    assert caught.value.line == 3 + 3 * 5_000


def test_a_big_caption_file_is_an_error_at_the_captions_key(tmp_path: Path) -> None:
    M.video(tmp_path / "c" / "media" / "film.mp4")
    (tmp_path / "c" / "media" / "film.vtt").write_bytes(b"WEBVTT\n\n" + b"x" * 10_000_000)
    root = one_item(tmp_path / "c", "video: media/film.mp4\n        captions: media/film.vtt"
                    "\n        alt: A hall")
    assert problems(root) == ["exhibit.yaml:10:19: error: event 'one', video 1: caption file "
                              "'media/film.vtt' is 10 MB; it may be at most 1 MB"]


def test_a_10_mb_line_is_refused_at_its_line() -> None:
    with pytest.raises(CaptionError) as caught:
        parse_cues(b"WEBVTT\n\n00:00.000 --> 00:01.000\n" + b"y" * 10_000)
    assert (caught.value.line, caught.value.col) == (4, 1)
    assert "line 4 has 10,000 characters; a caption line has at most 120" in caught.value.message


@pytest.mark.parametrize(("text", "line", "start"), [
    ("00:00.000 --> 00:01.000\nHi\n", 1, "is not a WebVTT file: its first line must be"),
    ("WEBVTT\n\n00:02.000 --> 00:01.000\nBackwards\n", 3, "the cue ends before it starts"),
    ("WEBVTT\n\n00:01.000 -> 00:02.000\nOne dash\n", 3, "'00:01.000 -> 00:02.000' looks"),
    ("WEBVTT\n\nNOTE nothing else\n", 1, "has no cues"),
])
def test_caption_mistakes_are_named_at_their_line(text: str, line: int, start: str) -> None:
    with pytest.raises(CaptionError) as caught:
        parse_cues(text.encode())
    assert caught.value.line == line
    assert caught.value.message.startswith(start)


def test_captions_keep_their_text_and_lose_their_tags() -> None:
    cues = parse_cues("WEBVTT\n\n00:00.500 --> 00:02.250\n<v Ann>الأرشيف</v>\n<i>二〇〇八</i>\n"
                      .encode())
    assert [(c.start, c.end, c.text, c.line) for c in cues] == [
        (0.5, 2.25, "الأرشيف\n二〇〇八", 3)]
