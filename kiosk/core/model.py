"""The exhibit as the kiosk shows it: frozen, validated, ready to present."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.core.dates import Date
from kiosk.core.i18n import isolated_date, range_text


@dataclass(frozen=True)
class Text:
    """A human-readable text in one or more languages, falling back to the default language."""

    values: tuple[tuple[str, str], ...]
    default: str

    @classmethod
    def plain(cls, value: str, default: str = "en") -> Text:
        return cls(((default, value),), default)

    def get(self, lang: str) -> str:
        found = dict(self.values)
        return found.get(lang, found.get(self.default, ""))

    def has(self, lang: str) -> bool:
        return any(code == lang for code, _ in self.values)

    def all_strings(self) -> list[str]:
        return [value for _, value in self.values]


EMPTY = Text((), "en")


@dataclass(frozen=True)
class Media:
    """A photo, or a video or sound recording with its poster (`image`) and captions."""

    image: Path | None  # the picture shown: the photo, or the poster (None: no poster given)
    source: str  # the path as written in the YAML (of the video or audio for those)
    caption: Text = EMPTY
    credit: Text = EMPTY  # a name (the same in every language) or a text per language
    alt: Text = EMPTY
    width: int = 0  # of the picture as displayed (the video's own without a poster)
    height: int = 0
    rotated: bool = False  # EXIF turns it by 90 or 270 degrees
    video: Path | None = None  # absolute paths inside the content folder
    audio: Path | None = None
    captions: tuple[tuple[str, Path], ...] = ()  # WebVTT file by language
    duration: float = 0.0  # seconds, of a video or audio (0: not known)

    @property
    def kind(self) -> str:
        """"image", "video" or "audio"."""
        return "video" if self.video else "audio" if self.audio else "image"

    @property
    def playable(self) -> Path | None:
        return self.video or self.audio

    def captions_for(self, lang: str, default: str) -> Path | None:
        """The caption file of a language, else the default language's (as texts fall
        back), else None."""
        found = dict(self.captions)
        return found.get(lang) or found.get(default)


@dataclass(frozen=True)
class Era:
    id: str
    title: Text
    start: Date
    end: Date
    color: str  # "#rrggbb", always set: the loader picks one when absent
    short_title: Text | None = None  # for a timeline band too narrow for the title


@dataclass(frozen=True)
class Event:
    id: str
    date: Date
    title: Text
    end: Date | None = None
    display_date: Text | None = None
    body: Text = EMPTY
    era: str | None = None
    highlight: bool = False
    media: tuple[Media, ...] = ()
    short_title: Text | None = None  # the timeline label; the title when absent

    def label(self, lang: str) -> str:
        """What the event's mark on the timeline says."""
        return (self.short_title or self.title).get(lang)

    def date_text(self, lang: str) -> str:
        if self.display_date is not None:
            return isolated_date(self.display_date.get(lang), lang)
        return isolated_date(range_text(self.date, self.end, lang), lang)


@dataclass(frozen=True)
class Exhibit:
    folder: Path
    title: Text
    subtitle: Text
    languages: tuple[str, ...]
    idle_timeout: float
    attract_interval: float
    eras: tuple[Era, ...]
    events: tuple[Event, ...]  # in display order
    # exhibit.yaml's `interface`: the kiosk's own words in a language, given by the content;
    # a word with {n} may be its plural forms, (category, text) pairs
    interface: tuple[tuple[str, tuple[tuple[str, str | tuple[tuple[str, str], ...]], ...]],
                     ...] = ()

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def words(self) -> dict[str, dict[str, str | dict[str, str]]]:
        """The interface words by language and key (kiosk.core.i18n.Words)."""
        return {lang: {key: text if isinstance(text, str) else dict(text)
                       for key, text in pairs} for lang, pairs in self.interface}

    def event_index(self, event_id: str) -> int | None:
        for index, event in enumerate(self.events):
            if event.id == event_id:
                return index
        return None

    def era(self, era_id: str | None) -> Era | None:
        return next((era for era in self.eras if era.id == era_id), None)

    def common_credit(self) -> Text | None:
        """The credit of every photo, when they all have the same one ("Illustration made for
        this exhibit"): said once, on the welcome screen, rather than under every photo.
        Found once per exhibit (20,000 photos' credits are hashed to find it; three parts of
        the screen ask when the content switches)."""
        try:
            return self.__dict__["_common_credit"]  # type: ignore[no-any-return]
        except KeyError:
            pass
        credits = {media.credit for event in self.events for media in event.media}
        credit = credits.pop() if len(credits) == 1 and \
            sum(len(event.media) for event in self.events) >= 2 else None
        if credit is not None and not (credit.all_strings() and any(credit.all_strings())):
            credit = None
        self.__dict__["_common_credit"] = credit  # not a field: equality and hash ignore it
        return credit

    def all_strings(self) -> list[str]:
        """Every string a visitor may read, for font coverage checks."""
        texts: list[Text] = [self.title, self.subtitle]
        texts += [era.title for era in self.eras]
        texts += [era.short_title for era in self.eras if era.short_title]
        for event in self.events:
            texts += [event.title, event.body]
            if event.short_title:
                texts.append(event.short_title)
            if event.display_date:
                texts.append(event.display_date)
            for media in event.media:
                texts += [media.caption, media.alt, media.credit]
        strings = [s for text in texts for s in text.all_strings()]
        strings += [e.date_text(lang) for e in self.events for lang in self.languages]
        strings += [text for _, pairs in self.interface for _, word in pairs
                    for text in ([word] if isinstance(word, str) else dict(word).values())]
        return strings
