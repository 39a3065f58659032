"""The keys of content format 1, in one table that the rules and the JSON Schema both read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kiosk.core import limits as L

Kind = Literal[
    "format", "text", "markdown", "string", "slug", "date", "color", "bool", "seconds",
    "languages", "era-ref", "path", "eras", "events", "media", "interface",
    "video-path", "audio-path", "captions",
]  # fmt: skip


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool
    doc: str
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None  # characters of a text, in each language


# Below this, a visitor still reading is interrupted; the exhibit and staff settings share it.
IDLE_TIMEOUT_MINIMUM = 10.0

EXHIBIT = (
    Field("format", "format", True, "Content format version: 1."),
    Field("title", "text", True, "Exhibit title, shown on the welcome screen.",
          max_length=L.TITLE_CHARS),
    Field("subtitle", "text", False, "Shown under the title.",
          max_length=L.SHORT_TEXT_CHARS),
    Field("languages", "languages", False, "Language codes; the first is the default."),
    Field("idle_timeout", "seconds", False, "Seconds without a touch before the kiosk "
          "returns to the welcome screen (default 90).", minimum=IDLE_TIMEOUT_MINIMUM,
          maximum=L.MAX_IDLE_SECONDS),
    Field("attract_interval", "seconds", False, "Seconds between pictures of the welcome "
          "screen's attract cycle (default 8).", minimum=2,
          maximum=L.MAX_ATTRACT_SECONDS),
    Field("eras", "eras", False, "Coloured periods on the timeline."),
    Field("events", "events", False, "The events; those in events/ are added."),
    Field("interface", "interface", False, "The kiosk's own words (buttons, hints) in a "
          "language it has none for, e.g. interface: {fr: {touch: Touchez pour explorer, "
          "...}}: one mapping per language code, from word key to text.",
          max_length=L.SHORT_TEXT_CHARS),
)

ERA = (
    Field("id", "slug", True, "Unique among eras: lowercase letters, digits and '-'.",
          max_length=L.MAX_ID_CHARS),
    Field("title", "text", True, "The era's name.", max_length=L.TITLE_CHARS),
    Field("short_title", "text", False, "A shorter name for the timeline band, used when the "
          "title does not fit it.", max_length=L.TITLE_CHARS),
    Field("start", "date", True, "A year, \"YYYY-MM\" or \"YYYY-MM-DD\"."),
    Field("end", "date", True, "Not before start."),
    Field("color", "color", False, "Band colour, \"#rrggbb\" (quoted)."),
)

EVENT = (
    Field("id", "slug", True, "Unique among events: lowercase letters, digits and '-'.",
          max_length=L.MAX_ID_CHARS),
    Field("date", "date", True, "When it starts: a year, \"YYYY-MM\" or \"YYYY-MM-DD\"."),
    Field("end", "date", False, "When it ends; not before date."),
    Field("display_date", "text", False, "What the visitor reads instead of the date.",
          max_length=L.DATE_TEXT_CHARS),
    Field("title", "text", True, "The event's title.", max_length=L.TITLE_CHARS),
    Field("short_title", "text", False, "A few words for the event's label on the timeline "
          "(default: the title).", max_length=L.TITLE_CHARS),
    Field("body", "markdown", False, "The story, in Markdown.", max_length=L.BODY_CHARS),
    Field("era", "era-ref", False, "The id of an era."),
    Field("highlight", "bool", False, "Shown by the welcome screen's attract cycle."),
    Field("media", "media", False, "Photos, videos and sound recordings, shown in list "
          "order."),
)

MEDIA = (  # exactly one of image, video and audio (the rules and the schema say so)
    Field("image", "path", False, "A JPEG, PNG or WebP file inside the content folder."),
    Field("video", "video-path", False, "A video inside the content folder: MP4 (H.264 and "
          "AAC) or WebM (VP9 or AV1, and Opus)."),
    Field("audio", "audio-path", False, "A sound recording inside the content folder: MP3, "
          "AAC (.m4a), Opus, Vorbis (.ogg) or FLAC."),
    Field("captions", "captions", False, "WebVTT caption files of a video or audio, one per "
          "language, e.g. {en: media/film.en.vtt, zh: media/film.zh.vtt}; a missing language "
          "shows the default language's."),
    Field("poster", "path", False, "A picture shown before a video or audio plays (default: "
          "a frame of the video)."),
    Field("caption", "text", False, "Shown with the photo (or video).",
          max_length=L.SHORT_TEXT_CHARS),
    Field("credit", "text", False, "Photographer or source (a name, or a text per language).",
          max_length=L.SHORT_TEXT_CHARS),
    Field("alt", "text", False, "Description for screen readers.",
          max_length=L.SHORT_TEXT_CHARS),
)

MAX_LENGTH = {f.name: f.max_length for spec in (EXHIBIT, ERA, EVENT, MEDIA) for f in spec
              if f.max_length is not None}  # a key's limit is the same wherever it occurs

KIND_OF = {f.name: f.kind for spec in (EXHIBIT, ERA, EVENT, MEDIA) for f in spec}

DEFAULT_LANGUAGES = ("en",)
DEFAULT_IDLE_TIMEOUT = 90.0
DEFAULT_ATTRACT_INTERVAL = 8.0
# Read with re.fullmatch in Python (a '$' alone allows a line end before the string's end)
# and as ECMA-262 patterns by the JSON Schema: ASCII classes only, valid in both.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
DATE_PATTERN = r"^-?\d{1,6}$|^-?\d{4}-\d{2}(-\d{2})?$"  # schema only (ECMA's \d is ASCII)
