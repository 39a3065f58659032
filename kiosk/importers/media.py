"""A TimelineJS media URL or a sheet's picture path, made into a picture of the new folder:
a local file beside the source is copied in; anything on the internet is named in the report
and never fetched (the kiosk is offline, and so is its import: there is no network code
here). A file downloaded by hand into media/ beside the source is picked up by its name.
Whether a picture is whole is `kiosk validate`'s business: the import runs it on the new
folder, and a damaged picture stops the import there, named."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kiosk.importers.draft import DraftMedia
from kiosk.importers.report import Report

PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")  # what the kiosk shows
CONVERT_SUFFIXES = (".gif", ".heic", ".heif", ".avif", ".tif", ".tiff", ".bmp", ".svg")
_VIDEO = re.compile(r"(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com)$")
_SITES = {"wikipedia.org": "a Wikipedia article", "twitter.com": "a post on Twitter/X",
          "x.com": "a post on X", "google.com": "a Google page (a map or a document)",
          "soundcloud.com": "a SoundCloud sound", "spotify.com": "a Spotify sound",
          "instagram.com": "an Instagram post", "flickr.com": "a Flickr page",
          "dailymotion.com": "a video page", "documentcloud.org": "a DocumentCloud page",
          "imgur.com": "an Imgur page", "wistia.com": "a video page",
          "storify.com": "a Storify page", "vine.co": "a Vine video"}


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_name(name: str) -> str:
    """A file name Windows and Linux both take: a wiki's "File:X.jpg" becomes "X.jpg"."""
    name = name.removeprefix("File:").removeprefix("Datei:")
    return _UNSAFE.sub("-", name).strip(" .")


@dataclass
class Pictures:
    """The pictures of one import: where each source file goes, so that two events with
    the same file share it and two different files never take the same name."""

    source_dir: Path
    report: Report
    taken: dict[str, Path] = field(default_factory=dict)  # image path in the folder -> file

    def place(self, file: Path) -> str:
        name = file.name
        stem, suffix = posixpath.splitext(name)
        n = 1
        while True:
            candidate = f"media/{name}"
            if self.taken.get(candidate) in (None, file):
                self.taken[candidate] = file
                return candidate
            n += 1
            name = f"{stem}-{n}{suffix}"

    def local(self, path_text: str, where: str) -> DraftMedia | None:
        """A picture named by its path beside the source."""
        relative = Path(unquote(path_text).replace("\\", "/"))
        if relative.is_absolute():
            self.report.warning(where, f"{path_text!r} is an absolute path; put the picture "
                                "in media/ beside the source and write media/NAME: left out")
            return None
        base = self.source_dir.resolve()
        file = (base / relative).resolve()
        if not file.is_relative_to(base):
            self.report.warning(where, f"{path_text!r} is outside the source's folder; copy "
                                "it into media/ beside the source: left out")
            return None
        if not file.is_file():
            self.report.warning(where, f"{path_text!r}: no such file beside the source: "
                                "left out")
            return None
        suffix = file.suffix.lower()
        if suffix in CONVERT_SUFFIXES:
            self.report.warning(where, f"{path_text!r} is a {suffix[1:].upper()} file; the "
                                "kiosk shows JPEG, PNG and WebP: convert it and import again "
                                "(left out)")
            return None
        if suffix not in PICTURE_SUFFIXES:
            self.report.warning(where, f"{path_text!r} is not a picture (JPEG, PNG or WebP): "
                                "left out")
            return None
        return DraftMedia(image=self.place(file), source=file)

    def url(self, url: str, where: str, number: int) -> DraftMedia | None:
        """A TimelineJS media URL. `number` counts the events, for the report."""
        url = url.strip()
        if not url:
            return None
        if url.startswith("<"):
            self.report.warning(where, "HTML given as media (an embed): the kiosk shows "
                                "photos only; left out")
            return None
        if url.startswith("data:"):
            self.report.warning(where, "a picture written into the URL (data:); save it as a "
                                "file in media/ beside the source: left out")
            return None
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") or url.startswith("//"):
            return self._internet(url, parts.netloc.lower().split(":")[0], parts.path, where,
                                  number)
        if parts.scheme == "file":
            return self.local(parts.path, where)
        if parts.scheme and len(parts.scheme) > 1:
            self.report.warning(where, f"{url!r}: a {parts.scheme}: address is not a "
                                "picture file: left out")
            return None
        return self.local(url, where)

    def _internet(self, url: str, host: str, path: str, where: str,
                  number: int) -> DraftMedia | None:
        if _VIDEO.search(host):
            site = "Vimeo" if "vimeo" in host else "YouTube"
            self.report.warning(where, f"media {number}, {url!r}: a {site} video, and the "
                                "kiosk is offline and shows no web video. Download the file "
                                "(with the owner's permission: the site's download button, "
                                f"or yt-dlp {url}) and keep it for when the kiosk plays "
                                "video, as a `video` item; the event has no video for now")
            return None
        name = safe_name(posixpath.basename(unquote(path)))
        downloaded = self.source_dir / "media" / name if name else None
        if downloaded is not None and downloaded.is_file():
            found = self.local(f"media/{name}", where)
            if found is not None:
                self.report.note(where, f"{url!r}: the file downloaded as media/{name} is used")
            return found
        suffix = posixpath.splitext(name)[1].lower()
        if suffix in PICTURE_SUFFIXES + CONVERT_SUFFIXES:
            self.report.warning(where, f"media {number}, {url!r}: the kiosk is offline; "
                                f"download it into media/ beside the source (as "
                                f"media/{name}) and run kiosk import again")
            return None
        site = next((what for domain, what in _SITES.items()
                     if host == domain or host.endswith("." + domain)), "a web page")
        self.report.warning(where, f"media {number}, {url!r}: {site}, not a picture; the "
                            "kiosk is offline and shows photos only: left out (save a "
                            "picture of it into media/ and give its name instead)")
        return None
