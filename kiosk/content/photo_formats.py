"""Photo formats the kiosk cannot show, named from their first bytes, with how to export
a JPEG: an editor copying from a phone or a scanner gets HEIC, AVIF or TIFF files whose
names may still end in .jpg."""

from __future__ import annotations

from pathlib import Path

_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_AVIF_BRANDS = {b"avif", b"avis"}
_EXPORT = "export it as JPEG (or PNG for drawings and scans with text)"


def format_name(head: bytes) -> tuple[str, str] | None:
    """What a file is by its magic bytes and how to make it a picture the kiosk shows, in
    an editor's words; None for a format the kiosk shows (or does not know)."""
    if head[4:8] == b"ftyp":  # ISO base media: HEIF and AVIF, told apart by their brands
        brands = {head[i:i + 4] for i in range(8, min(len(head), 64) - 3, 4)}
        if brands & _AVIF_BRANDS:
            return "an AVIF image (saved by newer Android phones and web pages)", _EXPORT
        if brands & _HEIC_BRANDS or head[8:12] in (b"mif1", b"msf1"):
            return ("a HEIC photo (an iPhone's own format)", "export it as JPEG: on the "
                    "iPhone, Settings > Camera > Formats > Most Compatible takes JPEGs from "
                    "now on; on a Mac, open it in Preview and File > Export as JPEG; on "
                    "Windows, open it in Photos and Save as .jpg")
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "a TIFF image (as scanners save them, and cameras' RAW files)", _EXPORT
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "a GIF image", "export it as PNG (or JPEG for a photo)"
    if head[:2] == b"BM":
        return "a BMP image (as Windows Paint saves them)", "save it as PNG or JPEG"
    if head[:4] == b"8BPS":
        return "a Photoshop file (PSD)", _EXPORT
    if head[:4] == b"%PDF":
        return "a PDF document, not a picture", _EXPORT
    if head[:12] == b"\x00\x00\x00\x0cJXL \r\n\x87\n" or head[:2] == b"\xff\x0a":
        return "a JPEG XL image", _EXPORT
    return None


def format_problem(path: Path) -> str | None:
    """'is a HEIC photo (...); export it as JPEG ...', or None when the file's first bytes
    are not of a format the kiosk refuses."""
    try:
        with path.open("rb") as file:
            head = file.read(64)
    except OSError:
        return None
    found = format_name(head)
    if found is None:
        return None
    what, fix = found
    return f"is {what}, which the kiosk cannot show (it shows JPEG, PNG and WebP); {fix}"
