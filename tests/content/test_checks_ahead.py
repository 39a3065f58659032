"""The same answers, with less work: pictures checked on worker threads (each file once,
whichever thread asks first), their answers kept across starts, and the quick passes that
let a text skip the character checks it cannot fail."""

from __future__ import annotations

import os
import threading
import unicodedata
from pathlib import Path

import pytest

from kiosk.content import images, load_folder
from kiosk.content.loader import _IMAGE_LINE
from kiosk.core.characters import _has_format_char, invisible, markup
from kiosk.services import picture_checks
from tests.conftest import DATA, MakeFolder, write_image


def test_every_format_character_is_found_by_the_quick_pass() -> None:
    missed = [code for code in range(0x110000) if unicodedata.category(chr(code)) == "Cf"
              and not _has_format_char("中文" + chr(code) + " text\n")]
    assert missed == []
    assert not _has_format_char("plain English\nand 中文，标点。")
    assert not _has_format_char("中文　全角空格\u00a0")  # not printable, yet no Cf: looked at
    assert invisible("中文\u200b字") and invisible("a\u202eb")
    assert markup("a <b>bold</b> word") == ("<b>", 2)
    assert markup("fish &amp; chips") == ("&amp;", 5)
    assert markup("fish & chips, 3 < 4") is None


def test_the_image_lines_of_an_event_file_are_found_for_checking_ahead() -> None:
    text = (b"media:\n  - image: media/a.jpg\n    alt: A\n  - image: \"media/b c.png\"  # x\n"
            b"  -   image:   'media/d.webp'\r\n  - caption: {en: 'image: not this'}\n")
    assert [m.group(1) for m in _IMAGE_LINE.finditer(text)] == [
        b"media/a.jpg", b"media/b c.png", b"media/d.webp"]


def test_a_picture_named_by_many_events_is_decoded_once_across_threads(
        make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    events = {f"e{n}.yaml": f"id: e{n}\ndate: {1900 + n}\ntitle: Event {n}\nmedia:\n"
              + "".join(f"  - image: media/p{k}.{'png' if k % 2 else 'jpg'}\n    alt: A\n"
                        for k in range(8)) for n in range(30)}
    root = make_folder("format: 1\ntitle: Test exhibit\n", events=events)
    for k in range(8):
        write_image(root / "media" / f"p{k}.{'png' if k % 2 else 'jpg'}", (1300, 800),
                    fmt="PNG" if k % 2 else "JPEG")
    threads: set[str] = set()
    decoded: list[str] = []
    real_check = images._check

    def counting(path: Path, size: int) -> images.ImageInfo:
        decoded.append(path.name)
        threads.add(threading.current_thread().name)
        return real_check(path, size)

    monkeypatch.setattr(images, "_check", counting)
    images.forget()
    result = load_folder(root)
    assert result.errors == [] and result.exhibit is not None
    assert sorted(decoded) == sorted(f"p{k}.{'png' if k % 2 else 'jpg'}" for k in range(8))
    assert any(name.startswith("picture-check") for name in threads)  # worker threads


def test_the_bundled_exhibit_validates_the_same_with_checks_in_parallel() -> None:
    images.forget()  # its progressive JPEGs are decoded on several threads at once
    assert load_folder(DATA).problems == []


def test_picture_checks_are_kept_across_starts_and_a_damaged_file_is_ignored(
        make_folder: MakeFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_folder("format: 1\ntitle: T\nevents:\n  - id: a\n    date: 1981\n"
                       "    title: A\n    media:\n      - image: media/a.jpg\n        alt: A\n")
    write_image(root / "media" / "a.jpg", (1600, 900))
    kept = tmp_path / "cache" / "picture-checks.json"
    images.forget()
    assert load_folder(root).exhibit is not None
    picture_checks.save(kept)
    images.forget()  # a new start
    assert picture_checks.load(kept) == 1
    monkeypatch.setattr(images, "_check", lambda path, size: pytest.fail("decoded again"))
    assert load_folder(root).exhibit is not None
    monkeypatch.undo()
    for damage in ("", "{", '{"format": 1, "checks": [["x", 1]]}', "[1, 2]",
                   '{"format": 1, "checks": [["/a", 1, 2, [\"GIF\", 1, 1, 1, 1]]]}'):
        kept.write_text(damage, encoding="utf-8")
        images.forget()
        assert picture_checks.load(kept) == 0
    os.remove(kept)
    assert picture_checks.load(kept) == 0
