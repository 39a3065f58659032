"""An exhibit as plain JSON values and back, so that a kiosk can show content that validated
before without reading and checking every file again (kiosk.services.last_good keeps it).

Photos are stored relative to the content folder and found again under the folder the
exhibit is read from (a private copy). Anything of another shape than this module writes
(a damaged file, an older kiosk's) raises ValueError: the caller validates the folder
instead.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from kiosk.core.dates import Date
from kiosk.core.model import Era, Event, Exhibit, Media, Text

FORMAT = 4  # of what exhibit_to_json writes; another number is read as "unknown"


class _Table:
    """Texts and photo paths written once each and named by their number: 1,000 events of
    20 photos repeat their captions and files, and reading them back is most of a start."""

    def __init__(self) -> None:
        self.numbers: dict[Any, int] = {}
        self.values: list[Any] = []

    def number(self, value: Any, key: Any) -> int:
        found = self.numbers.get(key)
        if found is None:
            found = self.numbers[key] = len(self.values)
            self.values.append(value)
        return found


def exhibit_to_json(exhibit: Exhibit, real_root: Path) -> dict[str, Any]:
    """The exhibit as JSON values; photo paths relative to `real_root` (the real path of
    the folder it was loaded from: every photo is inside it)."""
    texts, paths = _Table(), _Table()

    def text(value: Text | None) -> int | None:
        return None if value is None else texts.number(
            [value.default, [list(pair) for pair in value.values]], value)

    def path(file: Path | None) -> int | None:
        return None if file is None else paths.number(event_path(file, real_root), file)

    def event(one: Event) -> dict[str, Any]:
        return {
            "id": one.id, "date": _date(one.date), "title": text(one.title),
            "end": _date(one.end), "display_date": text(one.display_date),
            "body": text(one.body), "era": one.era, "highlight": one.highlight,
            "short_title": text(one.short_title),
            "media": [[path(m.image), m.source,
                       text(m.caption), text(m.credit), text(m.alt), m.width, m.height,
                       m.rotated, path(m.video), path(m.audio),
                       [[lang, path(file)] for lang, file in m.captions], m.duration]
                      for m in one.media],
        }

    shown = {
        "format": FORMAT,
        "title": text(exhibit.title),
        "subtitle": text(exhibit.subtitle),
        "languages": list(exhibit.languages),
        "idle_timeout": exhibit.idle_timeout,
        "attract_interval": exhibit.attract_interval,
        "eras": [{"id": era.id, "title": text(era.title), "start": _date(era.start),
                  "end": _date(era.end), "color": era.color,
                  "short_title": text(era.short_title)} for era in exhibit.eras],
        "events": [event(one) for one in exhibit.events],
        "interface": [[lang, [list(pair) for pair in words]]
                      for lang, words in exhibit.interface],
    }
    return shown | {"texts": texts.values, "paths": paths.values}


def exhibit_from_json(data: object, folder: Path) -> Exhibit:
    """The exhibit exhibit_to_json wrote, its photos under `folder`. Raises ValueError."""
    try:
        top = _dict(data)
        if top["format"] != FORMAT:
            raise ValueError(f"stored exhibit format {top['format']!r}")
        return _Reader(top, folder).exhibit()
    except (KeyError, TypeError, IndexError) as exc:  # a missing key, a pair of three
        raise ValueError(f"stored exhibit: {type(exc).__name__} {exc}") from None


def _date(date: Date | None) -> list[int | None] | None:
    return None if date is None else [date.year, date.month, date.day]


def event_path(image: Path, real_root: Path) -> str:
    """A photo's path relative to the folder, with '/' on every system."""
    return image.relative_to(real_root).as_posix()


class _Reader:
    def __init__(self, top: dict[str, Any], folder: Path) -> None:
        self.top = top
        self.folder = folder
        self.texts = [_read_text(value) for value in _list(top["texts"])]
        self.paths = [self._path(value) for value in _list(top["paths"])]

    def _path(self, value: object) -> Path:
        relative = PurePosixPath(_str(value))
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise ValueError(f"stored photo path {str(relative)!r} leaves the folder")
        return self.folder.joinpath(*relative.parts)

    def text(self, value: object) -> Text:
        return self.texts[_int(value)]

    def maybe_text(self, value: object) -> Text | None:
        return None if value is None else self.text(value)

    def exhibit(self) -> Exhibit:
        top = self.top
        return Exhibit(
            folder=self.folder,
            title=self.text(top["title"]),
            subtitle=self.text(top["subtitle"]),
            languages=tuple(_str(code) for code in _list(top["languages"])),
            idle_timeout=_number(top["idle_timeout"]),
            attract_interval=_number(top["attract_interval"]),
            eras=tuple(self.era(era) for era in _list(top["eras"])),
            events=tuple(self.event(event) for event in _list(top["events"])),
            interface=tuple((_str(lang), tuple((_str(k), _str(v)) for k, v in
                                               (_list(pair) for pair in _list(words))))
                            for lang, words in (_list(item) for item in
                                                _list(top["interface"]))),
        )

    def event(self, value: object) -> Event:
        data = _dict(value)
        return Event(
            id=_str(data["id"]), date=_read_date(data["date"]), title=self.text(data["title"]),
            end=_maybe_date(data["end"]), display_date=self.maybe_text(data["display_date"]),
            body=self.text(data["body"]), era=_maybe_str(data["era"]),
            highlight=_bool(data["highlight"]),
            short_title=self.maybe_text(data["short_title"]),
            media=tuple(self.media(item) for item in _list(data["media"])),
        )

    def media(self, value: object) -> Media:
        (image, source, caption, credit, alt, width, height, rotated, video, audio, captions,
         duration) = _list(value)
        return Media(self.maybe_path(image), _str(source), self.text(caption),
                     self.text(credit), self.text(alt), _int(width), _int(height),
                     _bool(rotated), self.maybe_path(video), self.maybe_path(audio),
                     tuple((_str(lang), self.paths[_int(file)]) for lang, file in
                           (_list(pair) for pair in _list(captions))), _number(duration))

    def maybe_path(self, value: object) -> Path | None:
        return None if value is None else self.paths[_int(value)]

    def era(self, value: object) -> Era:
        data = _dict(value)
        return Era(id=_str(data["id"]), title=self.text(data["title"]),
                   start=_read_date(data["start"]), end=_read_date(data["end"]),
                   color=_str(data["color"]), short_title=self.maybe_text(data["short_title"]))


def _read_text(value: object) -> Text:
    default, pairs = _list(value)
    return Text(tuple((_str(lang), _str(text)) for lang, text in
                      (_list(pair) for pair in _list(pairs))), _str(default))


def _maybe_text(value: object) -> Text | None:
    return None if value is None else _read_text(value)


def _read_date(value: object) -> Date:
    year, month, day = _list(value)
    return Date(_int(year), _maybe_int(month), _maybe_int(day))


def _maybe_date(value: object) -> Date | None:
    return None if value is None else _read_date(value)


def _dict(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"stored exhibit: expected an object, found {type(value).__name__}")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"stored exhibit: expected a list, found {type(value).__name__}")
    return value


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"stored exhibit: expected a text, found {type(value).__name__}")
    return value


def _maybe_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _int(value: object) -> int:
    if type(value) is not int:
        raise ValueError(f"stored exhibit: expected a whole number, found {value!r}")
    return value


def _maybe_int(value: object) -> int | None:
    return None if value is None else _int(value)


def _number(value: object) -> float:
    if type(value) not in (int, float):
        raise ValueError(f"stored exhibit: expected a number, found {value!r}")
    return float(value)  # type: ignore[arg-type]


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"stored exhibit: expected true or false, found {value!r}")
    return value
