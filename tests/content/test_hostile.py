"""Hostile content folders: each is either accepted and shown whole, or rejected with a
message; validate never raises, hangs or reads without bound."""

from __future__ import annotations

import io
import math
import os
import struct
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from kiosk.cli import main
from kiosk.content import load_folder
from kiosk.core import limits as L
from tests.conftest import MINIMAL, MakeFolder, write_image

PHOTO = MINIMAL + "    media:\n      - image: {path}\n        alt: A picture\n"
# FIFOs, /dev and links (which need special rights on Windows): POSIX systems only
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev and links")


def errors_of(root: Path) -> list[str]:
    result = load_folder(root)
    assert (result.exhibit is None) == bool(result.errors)
    return [str(p) for p in result.errors]


def one_error(root: Path) -> str:
    found = errors_of(root)
    assert len(found) == 1, found
    return found[0]


# --- the file system ----------------------------------------------------------------------


@posix_only
def test_a_link_loop_nothing_uses_is_only_a_warning(make_folder: MakeFolder,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(MINIMAL)
    (root / "loop").symlink_to(root / "loop")
    (root / "media").mkdir()
    (root / "media" / "a").symlink_to(root / "media" / "b")
    (root / "media" / "b").symlink_to(root / "media" / "a")
    assert main(["validate", str(root)]) == 0
    out = capsys.readouterr().out
    assert "loop: warning: file is not used by any event" in out


@posix_only
def test_an_image_that_is_a_link_loop(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.jpg"))
    (root / "media").mkdir()
    (root / "media" / "a.jpg").symlink_to(root / "media" / "a.jpg")
    assert one_error(root).endswith("image 'media/a.jpg' cannot be followed (a link that "
                                    "points to itself?)")


def test_an_image_path_with_a_nul_character(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path='"media/a\\0.jpg"'))
    assert one_error(root).endswith("image path has a NUL character in its name")


def test_an_image_name_over_255_characters(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/" + "a" * 256 + ".jpg"))
    assert one_error(root).endswith("image path has a name of 260 characters; a file name "
                                    "may have at most 255")


@posix_only
def test_exhibit_yaml_as_a_fifo_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "exhibit.yaml")
    assert one_error(tmp_path) == ("exhibit.yaml: error: exhibit.yaml is a pipe (FIFO), "
                                   "not a file")


@posix_only
def test_an_event_file_as_a_fifo_does_not_hang(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL)
    (root / "events").mkdir()
    os.mkfifo(root / "events" / "late.yaml")
    assert one_error(root) == "events/late.yaml: error: the file is a pipe (FIFO), not a file"


@posix_only
def test_exhibit_yaml_linked_to_dev_zero(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "exhibit.yaml").symlink_to("/dev/zero")
    message = one_error(tmp_path / "content")
    assert "outside the content folder" in message


@posix_only
def test_exhibit_yaml_linked_outside_does_not_show_that_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password: hunter2\n[", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "exhibit.yaml").symlink_to(secret)
    message = one_error(tmp_path / "content")
    assert "hunter2" not in message
    assert message == ("exhibit.yaml: error: exhibit.yaml is a link to a place outside the "
                       "content folder; copy the file into the folder instead")


@posix_only
def test_events_linked_to_a_folder_outside(make_folder: MakeFolder, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "e.yaml").write_text("id: e\ndate: 1990\ntitle: E\n", encoding="utf-8")
    root = make_folder(MINIMAL)
    (root / "events").symlink_to(outside)
    assert one_error(root).startswith("events: error: events/ is a link to a place outside")


def test_a_huge_events_file_is_refused_before_reading(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL)
    (root / "events").mkdir()
    with (root / "events" / "huge.yaml").open("wb") as file:
        file.truncate(1536 * 1024 * 1024)  # 1.5 GB, sparse: reading it would take long
    started = time.perf_counter()
    assert one_error(root) == ("events/huge.yaml: error: the file is 1536 MB; it may be at "
                               "most 2 MB")
    assert time.perf_counter() - started < 5


# --- pictures -------------------------------------------------------------------------------


def test_a_truncated_jpeg(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.jpg"), images=("media/a.jpg",))
    data = (root / "media" / "a.jpg").read_bytes()
    (root / "media" / "a.jpg").write_bytes(data[: len(data) * 2 // 3])
    assert one_error(root).endswith("image 'media/a.jpg' is cut short (its end is missing); "
                                    "the kiosk would show it grey. Export or copy it again")


def test_a_png_with_a_corrupt_data_chunk(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.png"))
    buffer = io.BytesIO()
    Image.effect_noise((1280, 720), 60).convert("RGB").save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    middle = data.index(b"IDAT") + 5000
    data[middle:middle + 8] = b"\x00" * 8
    (root / "media").mkdir()
    (root / "media" / "a.png").write_bytes(bytes(data))
    assert "image 'media/a.png' is damaged (its IDAT data fails its checksum)" in one_error(root)


def test_a_png_cut_short(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.png"))
    write_image(root / "media" / "a.png", fmt="PNG")
    data = (root / "media" / "a.png").read_bytes()
    (root / "media" / "a.png").write_bytes(data[:-20])
    assert "image 'media/a.png' is cut short" in one_error(root)


def test_a_decompression_bomb_is_an_error_with_the_fix(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/bomb.png"))
    (root / "media").mkdir()
    Image.new("1", (12_000, 6_000)).save(root / "media" / "bomb.png")  # 72 MP, a few kB
    assert (root / "media" / "bomb.png").stat().st_size < 100_000
    assert one_error(root).endswith(
        "image 'media/bomb.png' is 12000x6000 (72 megapixels), more than the kiosk can "
        f"decode: scale it to at most {L.MAX_MEGAPIXELS} megapixels (3840 px on its long "
        "side is plenty)")


def test_an_exif_orientation_of_infinity_counts_as_upright(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.jpg"))
    # a TIFF block with one entry: orientation (0x0112) as a DOUBLE (type 12) at offset 26
    tiff = (b"MM\x00\x2a" + (8).to_bytes(4, "big") + (1).to_bytes(2, "big")
            + (0x0112).to_bytes(2, "big") + (12).to_bytes(2, "big") + (1).to_bytes(4, "big")
            + (26).to_bytes(4, "big") + (0).to_bytes(4, "big") + struct.pack(">d", math.inf))
    (root / "media").mkdir()
    Image.new("RGB", (1920, 1080)).save(root / "media" / "a.jpg", exif=b"Exif\x00\x00" + tiff)
    with Image.open(root / "media" / "a.jpg") as image:
        assert image.getexif()[0x0112] == math.inf  # the file is as hostile as intended
    result = load_folder(root)
    assert result.problems == []
    assert result.exhibit is not None
    assert result.exhibit.events[0].media[0].rotated is False


def test_a_folder_named_like_a_photo(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/photo.jpg"))
    (root / "media" / "photo.jpg").mkdir(parents=True)
    assert one_error(root).endswith("image 'media/photo.jpg' is a folder, not a file")


@posix_only
def test_a_fifo_named_like_a_photo(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/photo.jpg"))
    (root / "media").mkdir()
    os.mkfifo(root / "media" / "photo.jpg")
    assert one_error(root).endswith("image 'media/photo.jpg' is a pipe (FIFO), not a file")


def test_a_name_in_another_unicode_form(make_folder: MakeFolder) -> None:
    composed = unicodedata.normalize("NFC", "café.jpg")
    decomposed = unicodedata.normalize("NFD", "café.jpg")
    root = make_folder(PHOTO.format(path=f"media/{composed}"))
    write_image(root / "media" / decomposed)
    if (root / "media" / composed).exists():
        pytest.skip("this file system treats both forms as one name")
    message = one_error(root)
    assert "looks the same but its accents are stored as different Unicode characters" in message
    assert "did you mean" not in message


# --- what the kiosk lays out ----------------------------------------------------------------


@pytest.mark.parametrize(("key", "value"), [
    ("idle_timeout", "2200000"), ("idle_timeout", ".inf"), ("idle_timeout", ".nan"),
    ("idle_timeout", "1e12"), ("attract_interval", "3000000"), ("attract_interval", "-.inf"),
])
def test_timers_out_of_range(make_folder: MakeFolder, key: str, value: str) -> None:
    message = one_error(make_folder(MINIMAL + f"{key}: {value}\n"))
    assert f"exhibit: '{key}' must be between" in message or "must be a number" in message


def test_a_huge_title_is_refused_with_a_short_message(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL.replace("title: Test exhibit", "title: " + "x" * 1_900_000))
    message = one_error(root)
    assert message == (f"exhibit.yaml:2:8: error: exhibit: 'title' has 1,900,000 characters; "
                       f"it may have at most {L.TITLE_CHARS}: shorten it")


def test_dates_too_far_apart(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "  - {id: late, date: 999999, title: Late}\n"
                       "  - {id: early, date: -999999, title: Early}\n")
    assert one_error(root) == (
        "exhibit.yaml:1:1: error: the timeline would span 1,999,998 years, from -999999 "
        "(event 'early') to 999999 (event 'late'); it can span at most 10,000 years: "
        "check those dates")


def test_too_many_photos_on_one_event(make_folder: MakeFolder) -> None:
    items = "".join("      - image: media/a.jpg\n        alt: A\n"
                    for _ in range(L.MAX_MEDIA + 1))
    root = make_folder(MINIMAL + "    media:\n" + items, images=("media/a.jpg",))
    assert one_error(root).endswith(f"event 'first': {L.MAX_MEDIA + 1} photos; an event may "
                                    f"have at most {L.MAX_MEDIA}")


def test_content_files_over_the_total_the_kiosk_reads(make_folder: MakeFolder) -> None:
    body = "word " * (L.BODY_CHARS // 5)  # each text within its limit, but too many of them
    count = L.MAX_TOTAL_YAML_BYTES // L.BODY_CHARS + 20
    events = {f"{n}.yaml": f"id: e{n}\ndate: 1990\ntitle: E\nbody: {body}\n" for n in range(count)}
    root = make_folder(MINIMAL, events=events)
    assert one_error(root) == (
        "exhibit.yaml:1:1: error: the content files hold more than 12 MB together, more than "
        "the kiosk reads at start-up: shorten the texts or split the exhibit")


def test_a_content_folder_name_the_system_refuses(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / ("x" * 300))]) == 2
    assert "content folder cannot be read (File name too long)" in capsys.readouterr().out \
        or sys.platform == "win32"


def test_more_events_than_the_kiosk_lays_out(make_folder: MakeFolder) -> None:
    events = "".join(f"  - {{id: e{n}, date: {1000 + n}, title: E}}\n"
                     for n in range(L.MAX_EVENTS + 1))
    root = make_folder("format: 1\ntitle: Many\nevents:\n" + events)
    assert one_error(root) == (f"exhibit.yaml:1:1: error: the exhibit has "
                               f"{L.MAX_EVENTS + 1:,} events; the kiosk shows at most "
                               f"{L.MAX_EVENTS:,}: split it into several exhibits")


# --- markup, numbers, patterns and invisible characters (issue 28) -------------------------

# every text field of the format, each with a picture from a web server in it
HTML = '<img src="http://127.0.0.1:8765/{name}.png">'
EVERY_TEXT_FIELD = f"""\
format: 1
title: '{HTML.format(name='exhibit-title')}'
subtitle: '{HTML.format(name='subtitle')}'
eras:
  - id: e
    title: '{HTML.format(name='era')}'
    short_title: '{HTML.format(name='short-title')}'
    start: 1980
    end: 1990
events:
  - id: first
    date: 1981
    era: e
    title: '<font color="red" size="7">Big</font>'
    short_title: '{HTML.format(name='event-short')}'
    display_date: '{HTML.format(name='display-date')}'
    body: '{HTML.format(name='body')}'
    media:
      - image: media/a.png
        caption: '{HTML.format(name='caption')}'
        credit: '{HTML.format(name='credit')}'
        alt: 'Caf&eacute; &#x41;'
"""


def test_validate_warns_for_markup_in_every_text_field_at_its_line_and_column(
        make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(EVERY_TEXT_FIELD, images=("media/a.png",))
    assert main(["validate", str(root)]) == 0  # shown as typed: a warning, not an error
    out = capsys.readouterr().out
    lines = EVERY_TEXT_FIELD.splitlines()
    for key in ("title", "subtitle", "short_title", "display_date", "caption", "credit", "alt"):
        for number, line in enumerate(lines, 1):
            if line.strip().startswith(f"{key}:") and "body" not in line:
                column = line.index("<" if "<" in line else "&") + 1  # the markup's own
                assert f"exhibit.yaml:{number}:{column}: warning: " in out, (key, out)
                assert f"'{key}' has markup" in out
    assert "'title' has markup '<font color=\"red\" size=\"7\">'" in out
    assert "'alt' has markup '&eacute;'" in out
    assert "'body' (en): raw HTML is shown as typed" in out
    assert "Traceback" not in out


@pytest.mark.parametrize("number", ["9" * 5000, "1" + "0" * 4400, "²", "１", "٣", "1_0"])
def test_a_format_that_is_no_ascii_number_is_an_error_not_a_traceback(
        make_folder: MakeFolder, capsys: pytest.CaptureFixture[str], number: str) -> None:
    root = make_folder(MINIMAL.replace("format: 1", f"format: {number}"))
    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert "exhibit.yaml:1:9: error: exhibit: 'format' must be" in out or "newer kiosk" in out


@pytest.mark.parametrize("date", ["２０１９", "١٩٨١", "1981-０５", "19８1"])
def test_dates_in_other_digits_are_not_dates(make_folder: MakeFolder, date: str) -> None:
    root = make_folder(MINIMAL.replace("date: 1981", f'date: "{date}"'))
    assert "is not a date" in one_error(root)


@pytest.mark.parametrize(("line", "replacement"), [
    ("- id: first", '- id: "first\\n"'),
    ("title: Test exhibit", 'title: Test exhibit\nlanguages: ["en\\n"]'),
    ("title: First", 'title: First\n    era: e\neras:\n  - id: e\n    title: E\n    start: 1980\n'
                     '    end: 1990\n    color: "#2F6690\\n"'),
])
def test_a_trailing_line_end_does_not_pass_a_pattern(make_folder: MakeFolder, line: str,
                                                     replacement: str) -> None:
    root = make_folder(MINIMAL.replace(line, replacement))
    found = errors_of(root)
    assert found, "a value with a line end after it must not pass"
    assert any("\\n'" in message for message in found), found  # the line end is shown


@pytest.mark.parametrize("char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                  "\u2066", "\u2067", "\u2068", "\u2069"])
def test_a_reordering_character_is_an_error_naming_it(make_folder: MakeFolder, char: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(MINIMAL.replace("title: First", f'title: "First {char}tsrif"'))
    message = one_error(root)
    assert f"U+{ord(char):04X} {unicodedata.name(char)}" in message
    assert message.startswith("exhibit.yaml:6:19: error: event 'first': 'title'")  # at it
    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert char not in out  # the terminal's line is not reordered either


def test_isolates_closed_again_in_right_to_left_text_pass(make_folder: MakeFolder) -> None:
    # an Arabic title that isolates a Latin name: what the isolates are for
    title = "\u0645\u0639\u0631\u0636 \u2066UNV 2008\u2069 \u0627\u0644\u0635\u064a\u0646"
    root = make_folder(MINIMAL.replace("title: First", f'title: "{title}"'))
    assert load_folder(root).problems == []
    unclosed = make_folder(MINIMAL.replace("title: First", f'title: "{title[:-8]}"'),
                           name="unclosed")
    assert "U+2066 LEFT-TO-RIGHT ISOLATE" in one_error(unclosed)


@pytest.mark.parametrize("char", ["\u200b", "\ufeff", "\u2060", "\u00ad\u200b"])
def test_other_invisible_characters_are_a_warning_naming_them(make_folder: MakeFolder,
                                                              char: str) -> None:
    root = make_folder(MINIMAL.replace("title: First", f'title: "Fi{char}rst"'))
    result = load_folder(root)
    assert result.exhibit is not None
    warnings = [str(p) for p in result.problems]
    assert len(warnings) == 1
    assert f"U+{ord(char[-1]):04X}" in warnings[0] and "warning" in warnings[0]


def test_the_right_to_left_fixture_still_validates_clean() -> None:
    result = load_folder(Path(__file__).parents[1] / "fixtures" / "arabic")
    assert result.exhibit is not None and result.problems == []
