"""Image checks without decoding pixels: format, pixel size, EXIF orientation, and the
damage that would show as grey (a cut-short JPEG, a PNG chunk that fails its checksum).

Cheap checks only: a JPEG's end marker, a PNG's chunk checksums and compressed stream, a
WebP's declared length; what passes them, Qt decodes.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from kiosk.content import limits as L
from kiosk.content.files import FileProblem, regular_file
from kiosk.content.photo_formats import format_problem

FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
EXIF_ORIENTATION = 0x0112
TURNED = (5, 6, 7, 8)  # EXIF orientations that turn the stored pixels by 90 or 270 degrees
LARGE_PIXELS = 40_000_000  # beyond this, decoding takes long and memory grows
LARGE_BYTES = 25 * 1024 * 1024
SCREEN = (1920, 1080)
BLURRY_ENLARGEMENT = 1.5

Image.MAX_IMAGE_PIXELS = None  # we report sizes ourselves instead of raising


@dataclass(frozen=True)
class ImageInfo:
    format: str  # "JPEG", "PNG" or "WebP"
    width: int  # as displayed: after the EXIF rotation
    height: int
    orientation: int  # EXIF orientation 1-8
    bytes: int

    @property
    def rotated(self) -> bool:
        """EXIF turns the stored pixels by 90 or 270 degrees."""
        return self.orientation in TURNED


class ImageError(Exception):
    pass


def read_image_info(root: Path, path: Path) -> ImageInfo:
    """Read an image's header and check it is whole. Raises ImageError with a sentence."""
    try:
        path, size = regular_file(root, path, L.MAX_IMAGE_BYTES)
    except FileProblem as exc:
        raise ImageError(str(exc)) from None
    if (foreign := format_problem(path)) is not None:  # HEIC, AVIF, TIFF, ... named
        raise ImageError(foreign)
    try:
        with Image.open(path) as image:
            kind = image.format or "unknown"
            if kind not in FORMATS:
                raise ImageError(f"is a {kind} image; use JPEG, PNG or WebP")
            width, height = image.size
            orientation = _orientation(image) if kind in ("JPEG", "WEBP") else 1
    except UnidentifiedImageError:
        raise ImageError("is not a readable JPEG, PNG or WebP image") from None
    except (OSError, ValueError, SyntaxError) as exc:  # truncated or corrupt header
        raise ImageError(f"is not a readable image ({exc})") from None
    if width <= 0 or height <= 0:
        raise ImageError("has no pixels")
    if width * height > L.MAX_MEGAPIXELS * 1_000_000:
        raise ImageError(f"is {width}x{height} ({width * height / 1e6:.0f} megapixels), more "
                         "than the kiosk can decode: scale it to at most "
                         f"{L.MAX_MEGAPIXELS} megapixels (3840 px on its long side is plenty)")
    try:
        with path.open("rb") as file:
            damage = _DAMAGE[kind](file, size)
    except OSError as exc:
        raise ImageError(f"cannot be read ({exc.strerror})") from None
    if damage:
        raise ImageError(f"{damage}; the kiosk would show it grey. Export or copy it again")
    if orientation in TURNED:
        width, height = height, width
    return ImageInfo(FORMATS[kind], width, height, orientation, size)


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation 1-8; anything else (a float, infinity, junk) counts as 1."""
    try:
        value = image.getexif().get(EXIF_ORIENTATION, 1)
    except Exception:
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _jpeg_damage(file: BinaryIO, size: int) -> str | None:
    """A JPEG's pixels end with the EOI marker, which a file cut short (a broken copy) lacks.

    Some writers add bytes after it, so it is looked for near the end, not at the end; the
    compressed pixels themselves never hold those two bytes."""
    file.seek(max(0, size - 4096))
    return None if b"\xff\xd9" in file.read() else "is cut short (its end is missing)"


def _png_damage(file: BinaryIO, size: int) -> str | None:
    """Every chunk's checksum, the end chunk, and the compressed pixels' stream end."""
    file.seek(8)  # the signature, which Pillow has checked
    inflate = zlib.decompressobj()
    while True:
        head = file.read(8)
        if len(head) < 8:
            return "is cut short (its end is missing)"
        length, kind = int.from_bytes(head[:4], "big"), head[4:]
        data = file.read(length)
        crc = file.read(4)
        if len(data) < length or len(crc) < 4:
            return "is cut short (its end is missing)"
        if zlib.crc32(kind + data) != int.from_bytes(crc, "big"):
            return f"is damaged (its {kind.decode('latin-1')} data fails its checksum)"
        if kind == b"IDAT":
            try:  # decompress in bounded pieces, keeping nothing: only the stream matters
                inflate.decompress(data, _PIECE)
                while inflate.unconsumed_tail:
                    inflate.decompress(inflate.unconsumed_tail, _PIECE)
            except zlib.error:
                return "is damaged (its pixel data cannot be decompressed)"
        if kind == b"IEND":
            return None if inflate.eof else "is damaged (its pixel data stops short)"


def _webp_damage(file: BinaryIO, size: int) -> str | None:
    """A WebP file states its own length in its first bytes."""
    file.seek(4)
    declared = int.from_bytes(file.read(4), "little") + 8
    return "is cut short (its end is missing)" if declared > size else None


_PIECE = 1 << 20
_DAMAGE = {"JPEG": _jpeg_damage, "PNG": _png_damage, "WEBP": _webp_damage}


def size_warning(info: ImageInfo) -> str | None:
    """A sentence when the image is too large to be quick or too small to be sharp."""
    megapixels = info.width * info.height / 1e6
    if info.width * info.height > LARGE_PIXELS or info.bytes > LARGE_BYTES:
        return (f"image is {info.width}x{info.height} ({megapixels:.0f} MP, "
                f"{info.bytes / 1e6:.0f} MB), which slows the kiosk down; "
                "scale it to about 3840 px on its long side")
    enlargement = min(SCREEN[0] / info.width, SCREEN[1] / info.height)
    if enlargement > BLURRY_ENLARGEMENT:
        return (f"image is only {info.width}x{info.height}; on a 1920x1080 screen it is "
                f"enlarged {enlargement:.1f}x and looks blurred (use at least 1280x720)")
    return None
