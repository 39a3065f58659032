"""Image checks with bounded work: format, pixel size, EXIF orientation, and the damage
that would show as grey (a cut-short JPEG, a PNG chunk that fails its checksum).

Each file is checked once however many events show it (the answer is kept by path, size
and modification time; `remembered` and `remember` let the kiosk keep the answers across
starts, so an unchanged file is decoded once per change, not once per start), several
files at a time on worker threads (`check_ahead`: Pillow and zlib let go of Python's lock
while they decode), and the work per file is bounded: the header's pixel size is
checked against the limit before anything is decoded; a PNG's compressed stream is
inflated in pieces, kept nowhere, and never past the size its header states (a "PNG bomb"
stops there); a JPEG small enough to decode quickly is decoded at an eighth of its size
(see _jpeg_damage), a larger one only checked for its end marker; a WebP's declared length.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kiosk.content.files import FileProblem, regular_file
from kiosk.content.photo_formats import format_problem
from kiosk.core import limits as L

FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
EXIF_ORIENTATION = 0x0112
TURNED = (5, 6, 7, 8)  # EXIF orientations that turn the stored pixels by 90 or 270 degrees
LARGE_PIXELS = 40_000_000  # beyond this, decoding takes long and memory grows
LARGE_BYTES = 25 * 1024 * 1024
SCREEN = (1920, 1080)
BLURRY_ENLARGEMENT = 1.5
MAX_ASPECT = 3.0  # a panorama or a long screenshot beyond this is a thin strip on screen

if TYPE_CHECKING:
    from PIL import Image, ImageChops, ImageFile, UnidentifiedImageError


def _pillow() -> None:
    """Import Pillow at the first check, not with this module: a start on the last good copy
    restores the kept answers (`remember`) and decodes nothing before its first frame."""
    global Image, ImageChops, ImageFile, UnidentifiedImageError
    from PIL import Image, ImageChops, ImageFile, UnidentifiedImageError

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


Key = tuple[str, int, int]  # (real path, size, modification time in ns)
Answer = ImageInfo | str  # what the check found: the picture, or the problem as a sentence

# What the checks found, by key: a file referred to by many events, or read again after a
# reload (or, through remember(), a start) that did not change it, is checked once.
_checked: OrderedDict[Key, Answer] = OrderedDict()
_CHECKED_FILES = 4096  # about 1 MB of answers; the oldest go first
_running: dict[Key, Future[Answer]] = {}  # checks under way, which another thread waits for
_lock = threading.Lock()
_learned = 0  # answers found since the start: the kiosk keeps them when this has grown
CHECK_THREADS = max(1, min(4, os.cpu_count() or 1))
_pool: ThreadPoolExecutor | None = None


def read_image_info(root: Path, path: Path) -> ImageInfo:
    """Read an image's header and check it is whole. Raises ImageError with a sentence."""
    try:
        path, info = regular_file(root, path, L.MAX_IMAGE_BYTES)
    except FileProblem as exc:
        raise ImageError(str(exc)) from None
    found = _answer(path, (str(path), info.st_size, info.st_mtime_ns))
    if isinstance(found, str):
        raise ImageError(found)
    return found


def _answer(path: Path, key: Key) -> Answer:
    """The check's answer for this file: kept, being found by another thread (waited
    for: never two decodes of one file), or found now."""
    with _lock:
        found = _checked.get(key)
        if found is not None:
            _checked.move_to_end(key)
            return found
        running = _running.get(key)
        if running is None:
            mine: Future[Answer] = Future()
            _running[key] = mine
    if running is not None:
        return running.result()
    try:
        try:
            found = _check(path, key[1])
        except ImageError as exc:
            found = str(exc)
    except BaseException as exc:  # a bug or MemoryError: the waiting threads hear it too
        with _lock:
            del _running[key]
        mine.set_exception(exc)
        raise
    _keep(key, found)
    with _lock:
        del _running[key]
    mine.set_result(found)
    return found


def _keep(key: Key, found: Answer) -> None:
    global _learned
    with _lock:
        _checked[key] = found
        _checked.move_to_end(key)
        _learned += 1
        while len(_checked) > _CHECKED_FILES:
            _checked.popitem(last=False)


_here = threading.local()


def one_at_a_time() -> None:
    """Checks asked for on this thread run on it alone, not on workers: a check behind the
    screen takes longer but leaves the processor's other core to the UI thread."""
    _here.alone = True


def check_ahead(root: Path, paths: Iterable[Path]) -> list[Future[None]]:
    """Start checking these files on worker threads, so that read_image_info finds them
    done (or under way, and waits): the loader calls it with every picture a folder names
    before its rules ask for them one by one, and cancels what has not started when they
    are done (a check left queued would stat the file later, for nothing). Problems are
    told by read_image_info."""
    global _pool
    if getattr(_here, "alone", False):
        return []
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(CHECK_THREADS, thread_name_prefix="picture-check")
        pool = _pool
    return [pool.submit(_quietly, root, path) for path in paths]


def _quietly(root: Path, path: Path) -> None:
    with contextlib.suppress(Exception):  # told when the rules ask for it
        read_image_info(root, path)


def learned() -> int:
    """How many answers were found since the start (a kiosk keeps them when this grew)."""
    return _learned


def remembered() -> list[list[Any]]:
    """The answers kept, as JSON-able rows [real path, size, mtime ns, answer], where the
    answer is the problem's sentence or [format, width, height, orientation, bytes]."""
    with _lock:
        kept = list(_checked.items())
    return [[path, size, mtime, found if isinstance(found, str) else answer_row(found)]
            for (path, size, mtime), found in kept]


def remember(rows: object) -> int:
    """Take answers kept by remembered() (in an earlier process); rows of another shape
    (a damaged or older file) are left out. How many were taken."""
    taken = 0
    for row in rows if isinstance(rows, list) else ():
        found = _row_answer(row)
        if found is not None:
            key, answer = found
            with _lock:
                if key not in _checked:
                    _checked[key] = answer
                    taken += 1
                    while len(_checked) > _CHECKED_FILES:
                        _checked.popitem(last=False)
    return taken


def known(path: Path) -> ImageInfo | None:
    """The kept answer for this file as it is now, if it was found whole (a release's
    publisher writes these into its manifest)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    with _lock:
        found = _checked.get((str(path), info.st_size, info.st_mtime_ns))
    return found if isinstance(found, ImageInfo) else None


def answer_row(found: ImageInfo) -> list[Any]:
    """An answer as JSON: [format, width, height, orientation, bytes]."""
    return [found.format, found.width, found.height, found.orientation, found.bytes]


def vouch(path: Path, info: os.stat_result, row: object) -> bool:
    """Take an answer found for this very file elsewhere (a release whose SHA-256 matched
    was checked whole by its publisher), so the loader need not decode it again. Whether
    the row was of the right shape."""
    found = _row_answer([str(path), info.st_size, info.st_mtime_ns, row])
    if found is None or isinstance(found[1], str):
        return False
    _keep(*found)
    return True


def _row_answer(row: object) -> tuple[Key, Answer] | None:
    if not (isinstance(row, list) and len(row) == 4 and isinstance(row[0], str)
            and all(type(v) is int for v in row[1:3])):
        return None
    key = (row[0], row[1], row[2])
    answer = row[3]
    if isinstance(answer, str):
        return key, answer
    if (isinstance(answer, list) and len(answer) == 5 and answer[0] in FORMATS.values()
            and all(type(v) is int and v >= 0 for v in answer[1:])
            and 1 <= answer[3] <= 8):
        return key, ImageInfo(answer[0], answer[1], answer[2], answer[3], answer[4])
    return None


def forget() -> None:
    """Drop every kept answer (tests; a start that must check every file again)."""
    global _learned
    with _lock:
        _checked.clear()
        _learned = 0


def _check(path: Path, size: int) -> ImageInfo:
    _pillow()
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
            damage = _DAMAGE[kind](file, size, width * height)
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


# A JPEG of at most this many pixels and bytes is decoded to check it is whole: at an
# eighth of its size that takes a few ms (about 5 ms for 2 MP, 30 ms for 12 MP on the
# kiosk's laptop). A larger one would cost more than a start can spare per picture, so
# it is checked for its end marker only; it is slow to show anyway (see size_warning).
DECODE_JPEG_PIXELS = 16_000_000
DECODE_JPEG_BYTES = 12 * 1024 * 1024
_CUT_SHORT = "is cut short (its end is missing)"


def _jpeg_damage(file: BinaryIO, size: int, pixels: int) -> str | None:
    """A JPEG's pixels end with the EOI marker, which a file cut short (a broken copy) lacks.

    Some writers add bytes after it, so it is looked for near the end, not at the end; the
    compressed pixels themselves never hold those two bytes. A file cut short and given a
    fresh end marker has one, so a small enough JPEG is also decoded (see _decodes_whole)."""
    file.seek(max(0, size - 4096))
    if b"\xff\xd9" not in file.read():
        return _CUT_SHORT
    if pixels > DECODE_JPEG_PIXELS or size > DECODE_JPEG_BYTES:
        return None
    file.seek(0)
    return None if _decodes_whole(file.read()) else _CUT_SHORT


def _decodes_whole(data: bytes) -> bool:
    """Do the compressed pixels end where the picture does?

    The decoder fills what a cut-short file lacks with grey, silently. So the file is
    decoded twice without its last end marker, followed by two different runs of filler
    bytes: when its pixels are whole, the filler comes after them and changes nothing;
    when they stop short, the decoder takes the filler for pixels and the two differ.
    Baseline JPEGs at an eighth of their size (one value per 8x8 block: quick, and every
    block still read); progressive ones whole, as their later passes hold the detail."""
    end = data.rfind(b"\xff\xd9")
    body = data[:end] if end > 0 else data
    shown: list[Image.Image] = []
    with _truncated_lock:  # Pillow's flag is global: one such decode at a time
        return _filled_decodes(body, shown)


# held while ImageFile.LOAD_TRUNCATED_IMAGES is set: a check on another thread must not
# reset it under a decode (nor meet it set)
_truncated_lock = threading.Lock()


def _filled_decodes(body: bytes, shown: list[Image.Image]) -> bool:
    truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = True  # the filler ends without a marker: decode on
    try:
        for filler in (b"\x00" * 256, b"\x55" * 256):  # no 0xFF: nothing a marker
            with Image.open(io.BytesIO(body + filler)) as image:
                if not image.info.get("progressive") and not image.info.get("progression"):
                    image.draft(image.mode, (max(1, image.width // 8),
                                             max(1, image.height // 8)))
                image.load()
                shown.append(image.copy())
    except (OSError, ValueError, SyntaxError):
        return False
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated
    return ImageChops.difference(shown[0], shown[1]).getbbox() is None


_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # by PNG colour type


def _png_raw_bytes(header: bytes) -> int:
    """How many bytes a PNG's pixels inflate to, by its header (IHDR): each row of each
    interlace pass is a filter byte and its packed pixels."""
    width, height = int.from_bytes(header[:4], "big"), int.from_bytes(header[4:8], "big")
    bits = header[8] * _CHANNELS.get(header[9], 4)
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2)] if header[12] == 1 else [(0, 0, 1, 1)]
    total = 0
    for x0, y0, dx, dy in passes:
        columns, rows = -(-(width - x0) // dx), -(-(height - y0) // dy)
        if columns > 0 and rows > 0:
            total += rows * (1 + -(-columns * bits // 8))
    return total


def _png_damage(file: BinaryIO, size: int, pixels: int) -> str | None:
    """Every chunk's checksum, the end chunk, and the compressed pixels' stream end; the
    stream is inflated no further than the size the header states, so a small file that
    would inflate to gigabytes costs what a picture of its stated size costs."""
    file.seek(8)  # the signature, which Pillow has checked
    inflate = zlib.decompressobj()
    room = 0  # bytes the pixels may still inflate to
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
        if kind == b"IHDR" and length >= 13:
            room = _png_raw_bytes(data)
        if kind == b"IDAT":
            try:  # decompress in bounded pieces, keeping nothing: only the stream matters
                pending = data
                while pending and not inflate.eof:
                    room -= len(inflate.decompress(pending, min(_PIECE, room + 1)))
                    if room < 0:
                        return "is damaged (its pixel data is larger than its size)"
                    pending = inflate.unconsumed_tail
            except zlib.error:
                return "is damaged (its pixel data cannot be decompressed)"
        if kind == b"IEND":
            return None if inflate.eof else "is damaged (its pixel data stops short)"


def _webp_damage(file: BinaryIO, size: int, pixels: int) -> str | None:
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


def shape_warning(info: ImageInfo) -> str | None:
    """A sentence when the picture is so long and thin that, shown whole, it is a strip."""
    long, short = max(info.width, info.height), max(1, min(info.width, info.height))
    if long / short <= MAX_ASPECT:
        return None
    wide = info.width >= info.height
    return (f"image is {info.width}x{info.height}, {long / short:.0f} times as "
            f"{'wide as it is high' if wide else 'high as it is wide'}: shown whole, it is a "
            f"thin {'strip across' if wide else 'column down'} the photo's place (a "
            f"{'panorama' if wide else 'long screenshot'}?); crop it to at most "
            f"{MAX_ASPECT:g}:1, or show its parts as several photos")
