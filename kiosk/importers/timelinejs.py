"""TimelineJS 3 timelines, as JSON or as its spreadsheet layout (CSV, .xlsx), made into a
Draft. The fields are those TimelineJS documents (timeline.knightlab.com/docs/json-format)
and its sheet parser reads (ConfigFactory.js: the v3 columns, and the older "Start Date",
"End Date" and "Tag"). Each one is carried over or named in the report: `FIELDS` below
says which, and a test holds every documented field to it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core import limits as L
from kiosk.importers import dates
from kiosk.importers.draft import (
    DateValue,
    Draft,
    DraftEra,
    DraftEvent,
    DraftMedia,
    cut,
    short_title,
    slug,
    unique,
)
from kiosk.importers.html import markdown, plain
from kiosk.importers.media import Pictures
from kiosk.importers.report import ImportRefused, Report
from kiosk.importers.tables import Table

# Every field TimelineJS documents, and what becomes of it ("->" a key of content format 1,
# "dropped" a field the kiosk has no place for, named in the report when a source uses it).
FIELDS = {
    "events": "-> events", "title": "-> exhibit title and subtitle", "eras": "-> eras",
    "scale": "human is the kiosk's; cosmological is refused",
    "start_date": "-> date", "end_date": "-> end", "text.headline": "-> title (short_title)",
    "text.text": "-> body (Markdown)", "display_date": "-> display_date",
    "media.url": "-> media image (a local file), or named", "media.caption": "-> caption",
    "media.credit": "-> credit", "media.alt": "-> alt", "media.thumbnail": "dropped",
    "media.title": "dropped", "media.link": "dropped", "media.link_target": "dropped",
    "group": "dropped (kept as a comment)", "background": "dropped", "autolink": "dropped",
    "unique_id": "-> id", "date.year": "-> date", "date.month": "-> date",
    "date.day": "-> date", "date.hour": "dropped (orders the events)",
    "date.minute": "dropped (orders the events)", "date.second": "dropped (orders the events)",
    "date.millisecond": "dropped (orders the events)", "date.display_date": "-> display_date",
    "date.format": "dropped",
}
SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date",
              "background", "autolink", "unique_id", "type", "scale"}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond",
             "display_date", "format"}
MEDIA_KEYS = {"url", "caption", "credit", "alt", "thumbnail", "title", "link", "link_target"}
TOP_KEYS = {"events", "title", "eras", "scale"}

SCALE_REFUSED = ("this is a cosmological timeline ('scale: cosmological'): the kiosk's "
                 f"timeline spans at most {L.MAX_SPAN_YEARS:,} years, so it cannot show it")


@dataclass
class Slide:
    """One TimelineJS slide, as JSON or a sheet row gives it, dates already read."""

    where: str  # "events[3]", "row 5"
    place: Callable[[str], str]  # a field's path ("media.url") -> where the report says
    start: DateValue | None = None
    time: float = 0.0
    end: DateValue | None = None
    display_date: str = ""
    headline: str = ""
    text: str = ""
    media: dict[str, str] = field(default_factory=dict)
    group: str = ""
    unique_id: str = ""
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (field, where)


def _string(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


# --- JSON -----------------------------------------------------------------------------------
def read_json(path: Path, report: Report) -> dict[str, Any]:
    from kiosk.importers.tables import check_size

    check_size(path, "timeline")
    raw = path.read_bytes()
    try:
        config = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportRefused(f"{path.name}: byte {exc.start}: not UTF-8, as JSON must be"
                            ) from None
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"{path.name}:{exc.lineno}:{exc.colno}: not valid JSON: "
                            f"{exc.msg}") from None
    if not isinstance(config, dict) or not isinstance(config.get("events"), list):
        keys = ", ".join(list(config)[:8]) if isinstance(config, dict) else \
            f"a {type(config).__name__}"
        raise ImportRefused(f"{path.name} is JSON but not a TimelineJS timeline: it has no "
                            f"'events' list (it has: {keys or 'nothing'})")
    return config


def _json_date(value: Any, where: str, report: Report
               ) -> tuple[DateValue | None, float, dict[str, Any]]:
    if not isinstance(value, dict):
        report.error(where, "a date must be an object such as {\"year\": 1981}")
        return None, 0.0, {}
    for key in value:
        if key not in DATE_KEYS:
            report.warning(f"{where}.{key}", f"'{key}' is not a TimelineJS date field: "
                           "ignored")
    found = dates.from_parts(_string(value.get("year")), _string(value.get("month")),
                             _string(value.get("day")), where, report)
    time = dates.time_of(_string(value.get("hour")), _string(value.get("minute")),
                         _string(value.get("second")))
    return found, time, value


def slide_from_json(data: Any, where: str, report: Report) -> Slide | None:
    if not isinstance(data, dict):
        report.error(where, f"a slide must be an object, not {type(data).__name__}: left out")
        return None
    slide = Slide(where, lambda path: f"{where}.{path}")
    for key in data:
        if key not in SLIDE_KEYS:
            report.warning(f"{where}.{key}", f"'{key}' is not a TimelineJS slide field: "
                           "ignored")
    for name in ("start_date", "end_date"):
        if name in data:
            value, time, raw = _json_date(data[name], f"{where}.{name}", report)
            for key in ("hour", "minute", "second", "millisecond", "format"):
                if _string(raw.get(key)):
                    slide.dropped.append((f"date.{key}", f"{where}.{name}.{key}"))
            if name == "start_date":
                slide.start, slide.time = value, time
            else:
                slide.end = value
            shown = _string(raw.get("display_date"))
            if shown:
                slide.display_date = (f"{slide.display_date} – {shown}" if slide.display_date
                                      else shown)
    if _string(data.get("display_date")):
        if slide.display_date:  # the slide's own wins, as in TimelineJS
            slide.dropped.append(("date.display_date", f"{where}.start_date.display_date"))
        slide.display_date = _string(data["display_date"])
    for key in ("text", "media"):
        if data.get(key) and not isinstance(data[key], dict):
            report.warning(f"{where}.{key}", f"'{key}' must be an object such as "
                           f"{{\"{'headline' if key == 'text' else 'url'}\": ...}}: ignored")
    text = data.get("text") or {}
    if isinstance(text, dict):
        slide.headline = _string(text.get("headline"))
        slide.text = _string(text.get("text"))
    media = data.get("media") or {}
    if isinstance(media, dict):
        slide.media = {key: _string(media.get(key)) for key in MEDIA_KEYS}
        for key in media:
            if key not in MEDIA_KEYS:
                report.warning(f"{where}.media.{key}", f"'{key}' is not a TimelineJS media "
                               "field: ignored")
    slide.group = _string(data.get("group")).strip()
    slide.unique_id = _string(data.get("unique_id")).strip()
    if data.get("background"):
        slide.dropped.append(("background", f"{where}.background"))
    if "autolink" in data:
        slide.dropped.append(("autolink", f"{where}.autolink"))
    if data.get("scale") == "cosmological":
        raise ImportRefused(f"{where}: {SCALE_REFUSED}")
    return slide


def from_json(path: Path, report: Report, language: str) -> Draft:
    config = read_json(path, report)
    if config.get("scale") == "cosmological":
        raise ImportRefused(f"{path.name}: scale: {SCALE_REFUSED}")
    for key in config:
        if key not in TOP_KEYS:
            report.warning(key, f"'{key}' is not a TimelineJS field: ignored")
    events_data = config["events"]
    if len(events_data) > L.MAX_EVENTS:
        raise ImportRefused(f"{path.name}: events: {len(events_data):,} events; the kiosk "
                            f"shows at most {L.MAX_EVENTS:,}: split the timeline")
    title = slide_from_json(config["title"], "title", report) if config.get("title") else None
    events = [s for i, e in enumerate(events_data)
              if (s := slide_from_json(e, f"events[{i}]", report)) is not None]
    eras_data = config.get("eras") or []
    eras = [s for i, e in enumerate(eras_data if isinstance(eras_data, list) else [])
            if (s := slide_from_json(e, f"eras[{i}]", report)) is not None]
    return build(title, events, eras, path, report, language)


# --- the TimelineJS sheet --------------------------------------------------------------------
# column -> the slide field it fills; "Tag", "Start Date" and "End Date" are the older
# names TimelineJS's sheet parser still reads (ConfigFactory.js)
COLUMNS = {
    "year": "start_date.year", "month": "start_date.month", "day": "start_date.day",
    "time": "start_date.time", "end year": "end_date.year", "end month": "end_date.month",
    "end day": "end_date.day", "end time": "end_date.time", "display date": "display_date",
    "headline": "text.headline", "text": "text.text", "media": "media.url",
    "media credit": "media.credit", "media caption": "media.caption",
    "media thumbnail": "media.thumbnail", "alt text": "media.alt", "type": "type",
    "group": "group", "tag": "group", "background": "background",
    "start date": "start_date", "end date": "end_date",
}
SHEET_MARKERS = {"headline", "year", "start date"}


def is_timelinejs_sheet(header: list[str]) -> bool:
    return bool({h.strip().lower() for h in header} & SHEET_MARKERS)


def _time(text: str, where: str, report: Report) -> float:
    """A Time cell ("14:30", "2:30 PM", "1430"), for ordering only."""
    cleaned = text.strip().lower().replace(".", "")
    pm = cleaned.endswith("pm")
    cleaned = cleaned.removesuffix("pm").removesuffix("am").strip()
    parts = cleaned.split(":") if ":" in cleaned else (
        [cleaned[:-2], cleaned[-2:]] if len(cleaned) in (3, 4) else [cleaned])
    try:
        hour = int(parts[0]) % 12 + (12 if pm else 0) if (pm or "am" in text.lower()) \
            else int(parts[0])
        minute = int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        report.warning(where, f"{text!r} is not a time of day (such as 14:30): ignored")
        return 0.0
    return (hour * 60 + minute) / 1440


def slides_from_table(table: Table, report: Report
                      ) -> tuple[Slide | None, list[Slide], list[Slide]]:
    columns: dict[str, str] = {}  # slide field -> column name as written
    for name in table.header:
        key = name.strip().lower()
        if key in COLUMNS:
            columns.setdefault(COLUMNS[key], name)
        elif name.strip():
            report.warning(f"row 1, column {name!r}", "not a TimelineJS column: ignored")
    title: Slide | None = None
    events: list[Slide] = []
    eras: list[Slide] = []
    for number, record in table.records():
        where = f"row {number}"

        def cell(path: str, record: dict[str, str] = record) -> str:
            column = columns.get(path)
            return record.get(column, "").strip() if column else ""

        def place(path: str, where: str = where) -> str:
            column = columns.get(path) or columns.get(path.split(".")[0])
            return f"{where}, column {column}" if column else where

        slide = Slide(where, place)
        kind = cell("type").lower()
        for name in ("start_date", "end_date"):
            at = place(f"{name}.year") if f"{name}.year" in columns else place(name)
            if cell(name):  # the older layout: one cell, "1981-05-12"
                value: DateValue | None = dates.from_text(cell(name), at, report)
            elif cell(f"{name}.year"):
                value = dates.from_parts(cell(f"{name}.year"), cell(f"{name}.month"),
                                         cell(f"{name}.day"), at, report)
            else:
                value = None
                for part in ("month", "day", "time"):
                    if cell(f"{name}.{part}"):
                        report.error(place(f"{name}.{part}"), f"a {part} without a year")
            time_text = cell(f"{name}.time")
            if name == "start_date":
                slide.start = value
                if time_text:
                    slide.time = _time(time_text, place("start_date.time"), report)
            else:
                slide.end = value
            if time_text:
                slide.dropped.append(("date.hour", place(f"{name}.time")))
        slide.display_date = cell("display_date")
        slide.headline = cell("text.headline")
        slide.text = cell("text.text")
        slide.media = {key: cell(f"media.{key}") for key in MEDIA_KEYS}
        slide.group = cell("group")
        if cell("background"):
            slide.dropped.append(("background", place("background")))
        if kind == "title":
            if title is None:
                title = slide
            else:
                report.warning(place("type"), "a second title row: imported as an event")
                events.append(slide)
        elif kind == "era":
            eras.append(slide)
        else:
            if kind:
                report.warning(place("type"), f"Type {kind!r} is not 'title' or 'era': "
                               "imported as an event")
            events.append(slide)
    return title, events, eras


def from_sheet(table: Table, path: Path, report: Report, language: str) -> Draft:
    title, events, eras = slides_from_table(table, report)
    return build(title, events, eras, path, report, language)


# --- one Draft from the slides -----------------------------------------------------------
def _told(report: Report, where: str, what: str, dropped: list[str]) -> None:
    for item in dropped:
        report.warning(where, f"{what}: dropped {item}")


def _plain(report: Report, where: str, what: str, text: str, limit: int) -> str:
    found, dropped = plain(text)
    _told(report, where, what, dropped)
    if len(found) > limit:
        report.warning(where, f"{what} is {len(found):,} characters; cut to {limit:,}")
        found = cut(found, limit)
    return found


def _body(report: Report, where: str, text: str) -> str:
    found, dropped = markdown(text)
    _told(report, where, "the text", dropped)
    if len(found) > L.BODY_CHARS:
        report.warning(where, f"the text is {len(found):,} characters; the kiosk shows at "
                       f"most {L.BODY_CHARS:,}: cut after the last whole paragraph")
        head = found[:L.BODY_CHARS]
        found = head[:head.rfind("\n\n")] if "\n\n" in head else cut(head, L.BODY_CHARS)
    return found


def build(title: Slide | None, slides: list[Slide], era_slides: list[Slide], path: Path,
          report: Report, language: str) -> Draft:
    lang = language
    used_ids: set[str] = set()
    pictures = Pictures(path.parent, report)
    if title is not None and title.headline:
        exhibit_title = _plain(report, title.place("text.headline"), "the title",
                               title.headline, L.TITLE_CHARS)
    else:
        exhibit_title = path.stem.replace("_", " ").replace("-", " ").strip() or "Timeline"
        report.warning("title" if title else "", f"no title slide: the exhibit is called "
                       f"{exhibit_title!r} after the file; change 'title' in exhibit.yaml")
    draft = Draft(title={lang: exhibit_title}, languages=[lang])
    draft.comments = [f"Imported by kiosk import from {path.name} (TimelineJS).",
                      "See docs/content-guide.md, \"Bringing content in\"."]
    dropped: dict[str, list[str]] = {}
    if title is not None:
        if title.text:
            draft.subtitle = {lang: _plain(report, title.place("text.text"),
                                           "the title slide's text", title.text,
                                           L.SHORT_TEXT_CHARS)}
        if title.media.get("url"):
            report.warning(title.place("media.url"), "the title slide's media: the welcome "
                           "screen shows the events' photos, not one of its own: dropped")
        for what, where in title.dropped:
            dropped.setdefault(what, []).append(where)
    # eras first: events are put in the era whose span holds them
    for index, era in enumerate(era_slides):
        if era.start is None or era.end is None:
            report.error(era.where, "an era needs a start and an end date: left out")
            continue
        if dates.sort_key(era.end) < dates.sort_key(era.start):
            report.error(era.where, "the era ends before it starts: left out")
            continue
        name = _plain(report, era.place("text.headline"), "the era's name", era.headline,
                      L.TITLE_CHARS) or f"Era {index + 1}"
        era_id = unique(slug(era.unique_id or name, f"era-{index + 1}"), used_ids)
        draft.eras.append(DraftEra(era_id, {lang: name}, era.start, era.end))
        if era.text:
            report.warning(era.place("text.text"), "an era's text: the kiosk shows an era's "
                           "name only: dropped")
    draft.eras.sort(key=lambda e: dates.sort_key(e.start))
    used_ids = {e.id for e in draft.eras}
    event_ids: set[str] = set()
    groups: Counter[str] = Counter()
    for index, slide in enumerate(slides):
        for what, where in slide.dropped:
            dropped.setdefault(what, []).append(where)
        if slide.start is None:
            report.error(slide.place("start_date"), "no start date: the event is left out")
            continue
        title_text = _plain(report, slide.place("text.headline"), "the headline",
                            slide.headline, L.TITLE_CHARS)
        body = _body(report, slide.place("text.text"), slide.text) if slide.text else ""
        if not title_text:
            title_text = cut(" ".join(body.replace("*", "").split()), 60) or \
                f"Event {index + 1}"
            report.warning(slide.place("text.headline"), f"no headline: the event is called "
                           f"{title_text!r}")
        event_id = unique(slug(slide.unique_id or title_text, f"event-{index + 1}"),
                          event_ids)
        event = DraftEvent(event_id, slide.start, {lang: title_text},
                           sort_key=dates.sort_key(slide.start, slide.time))
        if slide.end is not None and slide.end != slide.start:
            if dates.sort_key(slide.end) < dates.sort_key(slide.start):
                report.warning(slide.place("end_date"), "the end is before the start: the "
                               "end is left out")
            else:
                event.end = slide.end
        if slide.display_date:
            event.display_date = {lang: _plain(report, slide.place("display_date"),
                                               "the display date", slide.display_date,
                                               L.DATE_TEXT_CHARS)}
        short = short_title(title_text)
        if short:
            event.short_title = {lang: short}
        if body:
            event.body = {lang: body}
        url = slide.media.get("url", "").strip()
        if url.lower().startswith("<blockquote"):  # TimelineJS shows it as a quotation
            quote = _body(report, slide.place("media.url"), url)
            event.body = {lang: f"{body}\n\n{quote}" if body else quote}
            report.note(slide.place("media.url"), "a quotation given as media: it ends "
                        "the story")
            url = ""
        media = pictures.url(url, slide.place("media.url"), index + 1)
        if media is not None:
            _media_texts(media, slide, report, lang)
            event.media.append(media)
        else:
            for key in ("caption", "credit", "alt"):
                if slide.media.get(key):
                    dropped.setdefault(f"media.{key}", []).append(slide.place(f"media.{key}"))
        for key in ("thumbnail", "title", "link", "link_target"):
            if slide.media.get(key):
                dropped.setdefault(f"media.{key}", []).append(slide.place(f"media.{key}"))
        if slide.group:
            groups[slide.group] += 1
            event.comments.append(f"TimelineJS group: {slide.group}")
        event.comments.insert(0, f"From {path.name}, {slide.where}.")
        draft.events.append(event)
    if not draft.events:
        raise ImportRefused(f"{path.name}: no event could be imported (an exhibit needs at "
                            "least one): see the errors above")
    _check_span(draft, path)
    draft.events.sort(key=lambda e: e.sort_key)
    for event in draft.events:
        inside = [era.id for era in draft.eras
                  if dates.sort_key(era.start)[:3] <= event.sort_key[:3] <= _last(era.end)]
        if len(inside) >= 1:
            event.era = inside[0]
    width = max(2, len(str(len(draft.events))))
    for number, event in enumerate(draft.events, start=1):
        event.file = f"events/{number:0{width}d}-{event.id}.yaml"
    if groups:
        listed = ", ".join(f"{name!r} ({n})" for name, n in groups.most_common(8))
        report.warning("group", f"the kiosk has no groups; each event's group is kept as a "
                       f"comment in its file ('# TimelineJS group: ...'): {listed}")
    for what, wheres in dropped.items():
        first = ", ".join(wheres[:3]) + (f" and {len(wheres) - 3} more" if len(wheres) > 3
                                         else "")
        report.warning(what, f"{FIELD_DROPPED.get(what, 'the kiosk has no place for it')}: "
                       f"dropped ({first})")
    return draft


FIELD_DROPPED = {
    "background": "the kiosk has no slide backgrounds (its look is the exhibit's own)",
    "autolink": "the kiosk follows no links, so there is nothing to link",
    "media.thumbnail": "the kiosk makes its own small pictures from the photo",
    "media.title": "the kiosk shows a photo's caption and credit, not a title",
    "media.link": "a kiosk cannot follow links",
    "media.link_target": "a kiosk cannot follow links",
    "date.hour": "content format 1 has no time of day (the events keep their order)",
    "date.minute": "content format 1 has no time of day (the events keep their order)",
    "date.second": "content format 1 has no time of day (the events keep their order)",
    "date.millisecond": "content format 1 has no time of day",
    "date.format": "the kiosk writes dates in each language's own way",
    "date.display_date": "the slide's own display_date is shown instead, as in TimelineJS",
    "media.caption": "a caption of media that was left out (it comes in with its picture)",
    "media.credit": "a credit of media that was left out (it comes in with its picture)",
    "media.alt": "an alt text of media that was left out (it comes in with its picture)",
}


def _last(value: DateValue) -> tuple[float, ...]:
    key = dates.sort_key(value)
    return (key[0], key[1] or 12, key[2] or 31)


def _media_texts(media: DraftMedia, slide: Slide, report: Report, lang: str) -> None:
    caption = _plain(report, slide.place("media.caption"), "the caption",
                     slide.media.get("caption", ""), L.SHORT_TEXT_CHARS)
    if caption:
        media.caption = {lang: caption}
    # a name, as TimelineJS gives it: one string, which every language shows
    media.credit = _plain(report, slide.place("media.credit"), "the credit",
                          slide.media.get("credit", ""), L.SHORT_TEXT_CHARS)
    alt = _plain(report, slide.place("media.alt"), "the alt text",
                 slide.media.get("alt", ""), L.SHORT_TEXT_CHARS)
    if alt:
        media.alt = {lang: alt}


def _check_span(draft: Draft, path: Path) -> None:
    keys = [e.sort_key[0] for e in draft.events]
    keys += [dates.sort_key(e.end)[0] for e in draft.events if e.end is not None]
    keys += [dates.sort_key(v)[0] for era in draft.eras for v in (era.start, era.end)]
    span = max(keys) - min(keys)
    if span > L.MAX_SPAN_YEARS:
        raise ImportRefused(f"{path.name} spans {span:,.0f} years (from {min(keys):,.0f} to "
                            f"{max(keys):,.0f}); the kiosk's timeline spans at most "
                            f"{L.MAX_SPAN_YEARS:,} years, so it cannot show it (a "
                            "cosmological timeline?)")
