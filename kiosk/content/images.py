"""Header-only image checks: format, pixel size and EXIF orientation, without decoding pixels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

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


def read_image_info(path: Path) -> ImageInfo:
    """Read an image's header. Raises ImageError with a sentence for the editor."""
    try:
        with Image.open(path) as image:
            kind = image.format or "unknown"
            if kind not in FORMATS:
                raise ImageError(f"is a {kind} image; use JPEG, PNG or WebP")
            width, height = image.size
            orientation = 1
            if kind in ("JPEG", "WEBP"):
                orientation = int(image.getexif().get(EXIF_ORIENTATION, 1) or 1)
    except UnidentifiedImageError:
        raise ImageError("is not a readable JPEG, PNG or WebP image") from None
    except (OSError, ValueError, SyntaxError) as exc:  # truncated or corrupt header
        raise ImageError(f"is not a readable image ({exc})") from None
    if width <= 0 or height <= 0:
        raise ImageError("has no pixels")
    if orientation in TURNED:
        width, height = height, width
    return ImageInfo(FORMATS[kind], width, height, orientation, path.stat().st_size)


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
