"""Pictures checked once per file, with bounded work: a copy cut short is caught even with a
fresh end marker, a PNG that inflates far past its stated size is refused without being
inflated whole, and a photo shown by many events is read once."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from kiosk.content import load_folder
from tests.conftest import MINIMAL, MakeFolder, write_image

PHOTO = MINIMAL + "    media:\n      - image: {path}\n        alt: A picture\n"


def errors_of(root: Path) -> list[str]:
    return [str(p) for p in load_folder(root).errors]


def photo_bytes(fmt: str = "JPEG", **options: object) -> bytes:
    """A picture with detail in every block (a flat one compresses to almost nothing)."""
    picture = Image.effect_noise((1280, 720), 60).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("progressive", [False, True], ids=["baseline", "progressive"])
def test_a_jpeg_cut_short_and_given_a_fresh_end_marker_is_refused(
        make_folder: MakeFolder, progressive: bool) -> None:
    root = make_folder(PHOTO.format(path="media/a.jpg"))
    (root / "media").mkdir()
    data = photo_bytes(progressive=progressive, quality=85)
    (root / "media" / "a.jpg").write_bytes(data[: len(data) * 6 // 10] + b"\xff\xd9")
    assert errors_of(root) == ["exhibit.yaml:8:16: error: event 'first', photo 1: image "
                               "'media/a.jpg' is cut short (its end is missing); the kiosk "
                               "would show it grey. Export or copy it again"]


@pytest.mark.parametrize("tail", [b"", b"\n1234 written by a camera\n"], ids=["bare", "tail"])
def test_a_whole_jpeg_passes_with_or_without_bytes_after_its_end(
        make_folder: MakeFolder, tail: bytes) -> None:
    root = make_folder(PHOTO.format(path="media/a.jpg"))
    (root / "media").mkdir()
    (root / "media" / "a.jpg").write_bytes(photo_bytes(quality=85) + tail)
    assert errors_of(root) == []
    progressive = make_folder(PHOTO.format(path="media/b.jpg"), name="progressive")
    (progressive / "media").mkdir()
    (progressive / "media" / "b.jpg").write_bytes(photo_bytes(progressive=True) + tail)
    assert errors_of(progressive) == []


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_a_png_whose_pixels_inflate_past_its_stated_size_is_refused_unread(
        make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 100x100 grey PNG whose stream inflates to 200 MB: a bomb, 200 kB on disk."""
    root = make_folder(PHOTO.format(path="media/bomb.png"))
    (root / "media").mkdir()
    squeeze = zlib.compressobj(9)
    stream = b"".join(squeeze.compress(b"\0" * (1 << 20)) for _ in range(200)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", 100, 100, 8, 0, 0, 0, 0)
    (root / "media" / "bomb.png").write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                                              + chunk(b"IDAT", stream) + chunk(b"IEND", b""))
    inflated = [0]
    real = zlib.decompressobj

    class Counting:
        def __init__(self) -> None:
            self.inner = real()

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            out = self.inner.decompress(data, max_length)
            inflated[0] += len(out)
            return out

        def __getattr__(self, name: str) -> object:
            return getattr(self.inner, name)

    monkeypatch.setattr(zlib, "decompressobj", Counting)
    found = errors_of(root)
    assert found == ["exhibit.yaml:8:16: error: event 'first', photo 1: image 'media/bomb.png' "
                     "is damaged (its pixel data is larger than its size); the kiosk would show "
                     "it grey. Export or copy it again"]
    assert inflated[0] <= 100 * 101 + 1  # never past what a 100x100 grey picture holds


@pytest.mark.parametrize("interlace", [0, 1], ids=["plain", "interlaced"])
def test_a_png_of_its_stated_size_passes(make_folder: MakeFolder, interlace: int) -> None:
    root = make_folder(PHOTO.format(path="media/a.png"))
    (root / "media").mkdir()
    picture = Image.effect_noise((1283, 721), 60).convert("RGBA")
    picture.save(root / "media" / "a.png", interlace=interlace)
    assert errors_of(root) == []


def test_a_photo_shown_by_many_events_is_read_once(make_folder: MakeFolder,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    events = "".join(f"  - id: e{n}\n    date: {1900 + n}\n    title: Event {n}\n"
                     "    media:\n" + "".join("      - image: media/a.png\n        alt: A\n"
                                              "      - image: media/b.jpg\n        alt: B\n"
                                              for _ in range(10))
                     for n in range(20))
    root = make_folder("format: 1\ntitle: Test exhibit\nevents:\n" + events)
    write_image(root / "media" / "a.png", fmt="PNG")
    write_image(root / "media" / "b.jpg")
    opened: list[str] = []
    real_open = Image.open

    def counting_open(path: object, *args: object, **kwargs: object) -> Image.Image:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Image, "open", counting_open)
    result = load_folder(root)
    assert result.errors == [] and result.exhibit is not None
    assert sum(len(event.media) for event in result.exhibit.events) == 400
    files = [p for p in opened if not p.startswith("<")]  # not the decode check's copies
    assert sorted(files) == sorted({str((root / "media" / name).resolve())
                                    for name in ("a.png", "b.jpg")})
