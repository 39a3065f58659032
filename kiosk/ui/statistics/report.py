"""The figures of a statistics report, from one or more kiosks' files: plain Python, no Qt.

Every figure is a table (`Table`), so that the HTML report and the CSV files show the same
numbers. Several files merge; where the kiosk matters (visits per day and hour, the
summary), the tables break down by kiosk.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import json
import math
import re
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.i18n import MONTHS_EN, full_language_name
from kiosk.ui.statistics import database as stats_db

OPTION_NAMES = {"large_text": "Larger text", "high_contrast": "High contrast",
                "reduced_motion": "Less motion"}
ENDING_NAMES = {"timeout": "idle countdown ran out", "home": "back to the start",
                "reload": "content reloaded", None: "kiosk stopped during the visit"}
# Visit length buckets: (upper bound in seconds, label)
LENGTHS = ((30, "under 30 s"), (60, "30 s – 1 min"), (120, "1 – 2 min"), (300, "2 – 5 min"),
           (600, "5 – 10 min"), (None, "10 min or more"))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEPTHS = ((1, "1 event"), (2, "2 events"), (4, "3 – 4 events"), (9, "5 – 9 events"),
          (None, "10 events or more"))


@dataclass
class Table:
    """One table of figures; `name` is its CSV file's name."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[object, ...]] = field(default_factory=list)

    def column(self, name: str) -> list[object]:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]


@dataclass(frozen=True)
class Period:
    """The days a report covers (both included), and its main figures: for the sentence at
    the top, and for the same figures of the period just before, to compare with."""

    first: dt.date
    last: dt.date
    visits: int
    event_views: int
    median_in_use_ms: int | None  # to the last touch
    median_visit_ms: int | None  # to the return to the welcome screen

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass
class Report:
    since: dt.date | None
    until: dt.date | None
    kiosks: list[str]
    languages: list[str]  # of the exhibits' titles, first the exhibits' own first language
    exhibits: list[dict[str, str]]
    tables: dict[str, Table]
    problems: list[str]  # files that could not be read
    left_out: list[str] = field(default_factory=list)  # per file: rows that were unreadable
    period: Period | None = None  # None: no visits
    previous: Period | None = None  # the same number of days just before `period`
    top_event: tuple[str, int, str] | None = None  # title, views, share of visits

    def language_name(self, lang: str) -> str:
        """'English', '中文'; with the code where two of the report's languages share a name."""
        name = full_language_name(lang)
        twins = [other for other in self.languages if full_language_name(other) == name]
        return f"{name} ({lang})" if len(twins) > 1 and name != lang else name

    def title_column(self, lang: str) -> str:
        return f"title ({self.language_name(lang)})"


@dataclass
class _Event:
    titles: dict[str, str]
    position: int
    views: int = 0
    ms: int = 0
    visits: int = 0


@dataclass
class _Figures:
    """What one or more files add up to; everything here adds across files."""

    per_day: dict[tuple[str, str], int] = field(default_factory=Counter)
    per_hour: dict[tuple[int, str], int] = field(default_factory=Counter)
    lengths: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    in_use: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    endings: Counter[str | None] = field(default_factory=Counter)
    events: dict[tuple[str, str], _Event] = field(default_factory=dict)
    depth: Counter[int] = field(default_factory=Counter)
    kiosk_views: Counter[str] = field(default_factory=Counter)
    language_visits: Counter[str] = field(default_factory=Counter)
    release_visits: Counter[str] = field(default_factory=Counter)  # "" for a content folder
    # videos and sounds, by event id: plays, its kind, each play's share watched (per cent),
    # and how many of those were watched with captions on
    media_plays: Counter[str] = field(default_factory=Counter)
    media_kind: dict[str, str] = field(default_factory=dict)
    media_watched: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    media_captioned: Counter[str] = field(default_factory=Counter)
    language_switched: Counter[str] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    action_visits: Counter[str] = field(default_factory=Counter)
    exhibits: dict[str, dict[str, str]] = field(default_factory=dict)
    days: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def build(files: Sequence[Path], since: dt.date | None = None,
          until: dt.date | None = None) -> Report:
    """The report of the visits from `since` to `until` (both included; without them, the
    first to the last day with visits), with the period of as many days just before."""
    figures, problems, left_out = _read(files, since, until)
    report = _report(figures, since, until, problems, left_out)
    if report.period is not None:
        days = dt.timedelta(days=report.period.days)
        first, last = report.period.first - days, report.period.first - dt.timedelta(days=1)
        before, _, _ = _read(files, first, last, totals_only=True)
        report.previous = _period(before, first, last)
    return report


def _period(f: _Figures, first: dt.date, last: dt.date) -> Period:
    lengths = [ms for values in f.lengths.values() for ms in values]
    in_use = [ms for values in f.in_use.values() for ms in values]
    return Period(first, last, len(lengths), sum(f.kiosk_views.values()),
                  round(statistics.median(in_use)) if in_use else None,
                  round(statistics.median(lengths)) if lengths else None)


def _read(files: Sequence[Path], since: dt.date | None, until: dt.date | None,
          totals_only: bool = False) -> tuple[_Figures, list[str], list[str]]:
    figures = _Figures()
    problems = []
    left_out = []
    for path in files:
        try:
            conn = stats_db.open_for_reading(path)
        except stats_db.StatsFileError as exc:
            problems.append(f"{path}: {exc}")
            continue
        try:
            skipped = _add_file(conn, figures, since, until, totals_only)
        except sqlite3.DatabaseError as exc:
            problems.append(f"{path}: cannot be read ({exc})")
        else:
            if skipped:
                left_out.append(f"{counted(skipped, 'row')} of {path.name} could not be read "
                                f"and {'were' if skipped != 1 else 'was'} left out ({path})")
        finally:
            conn.close()
    return figures, problems, left_out


def _window(since: dt.date | None, until: dt.date | None) -> tuple[str, str]:
    low = since.isoformat() if since else ""
    high = (until + dt.timedelta(days=1)).isoformat() if until else "9999"
    return low, high


# A file from another kiosk may be damaged anywhere (a USB stick pulled, a sync cut short, a
# hand edit): SQLite keeps any value in any column. Each row is read as it should be or left
# out, counted, and never stops the report.
_HOUR = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T]([0-9]{2})")
_MAX_INT = 2**62  # a count or a time in ms beyond this is damage, not a figure


def _count(value: object) -> int | None:
    """A whole number of things or milliseconds as the kiosk writes them; None if not."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return None
    number = int(value)
    return number if 0 <= number <= _MAX_INT else None


def _titles(text: object) -> dict[str, str] | None:
    """A JSON object of language code to title, as the kiosk writes them; None if not."""
    if not isinstance(text, str) or len(text) > 1_000_000:
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                              for k, v in value.items()):
        return None
    return value


def _day_hour(started: object) -> tuple[str, int] | None:
    match = _HOUR.fullmatch(started) if isinstance(started, str) else None
    if match is None:
        return None
    try:
        dt.date.fromisoformat(started[:10])  # type: ignore[index]  # a str, matched above
    except ValueError:
        return None
    hour = int(match[1])
    return (match[0][:10], hour) if hour < 24 else None


def _add_file(conn: sqlite3.Connection, f: _Figures, since: dt.date | None,
              until: dt.date | None, totals_only: bool = False) -> int:
    """Add one file's figures (`totals_only`: visits, their lengths and the event views, for
    the period before); returns how many of its rows could not be read."""
    window = _window(since, until)
    bad = 0
    # Setups: which kiosk, which exhibit.
    kiosk_of: dict[int, str] = {}
    release_of: dict[int, str] = {}
    exhibit_of_content: dict[str, str] = {}
    for rowid, kiosk, content, exhibit, release in stats_db.setups(conn):
        titles = _titles(exhibit)
        if not isinstance(rowid, int) or not isinstance(kiosk, str) \
                or not isinstance(content, str) or titles is None:
            bad += 1
            continue
        kiosk_of[rowid] = kiosk
        release_of[rowid] = release if isinstance(release, str) else ""
        exhibit_of_content[content] = exhibit
        f.exhibits.setdefault(exhibit, titles)
    # Visits: counted in SQL, by hour, ending and language (one pass); only the lengths come
    # to Python one by one (for medians).
    # a start that is no local time falls outside every window: told once, here
    bad += stats_db.undated_visits(conn)
    visits = 0
    for setup, started, ending, language, count in stats_db.visits_by_hour(conn, window):
        when = _day_hour(started)
        if when is None:  # counted above unless it has the form of a time (2026-02-30 25)
            bad += count if isinstance(started, str) and _HOUR.fullmatch(started) else 0
            continue
        kiosk = kiosk_of.get(setup)
        if kiosk is None or not isinstance(language, str) \
                or not (ending is None or isinstance(ending, str)):
            bad += count
            continue
        day, hour = when
        f.per_day[(day, kiosk)] += count
        f.per_hour[(hour, kiosk)] += count
        f.days[kiosk] += [day]
        f.endings[ending] += count
        f.language_visits[language] += count
        f.release_visits[release_of.get(setup, "")] += count
        visits += count
    if not visits:
        return bad
    # A visit the countdown ended was in use until the visitor's last touch: its countdown
    # began the idle time after that touch (the recorder writes the idle time as the
    # countdown's detail; a file from before it did takes off the countdown alone).
    for setup, kiosk in kiosk_of.items():
        for started, ms, countdown in stats_db.visit_lengths(conn, setup, window):
            length = _count(ms)
            if length is not None and _day_hour(started) is not None:
                f.lengths[kiosk].append(length)
                f.in_use[kiosk].append(length if countdown is None
                                       else _in_use(length, countdown))
            elif _day_hour(started) is not None:  # counted above: no figure without a length
                bad += 1
    if totals_only:
        f.kiosk_views[""] += _count(stats_db.total_views(conn, window)) or 0
        return bad
    # Events: the latest content's titles and place win for an event shown by several.
    event_key: dict[int, tuple[str, str]] = {}
    for rowid, content, key, position, titles in stats_db.events(conn):
        read = _titles(titles)
        place = _count(position)
        if not isinstance(rowid, int) or not isinstance(key, str) or read is None \
                or place is None:
            bad += 1
            continue
        ident = (exhibit_of_content.get(content, ""), key)
        event_key[rowid] = ident
        entry = f.events.get(ident)
        if entry is None:
            f.events[ident] = _Event(read, place)
        else:
            entry.titles, entry.position = read, place
    # Views: one row per event a visit showed. Without dates, no need to pick visits.
    dated = window if since or until else None
    for event, views, ms, count in stats_db.views_by_event(conn, dated):
        target = event_key.get(event)
        shown, time_on = _count(views), _count(ms)
        if target is None or shown is None or time_on is None:
            bad += count
            continue
        entry = f.events[target]
        entry.views += shown
        entry.ms += time_on
        entry.visits += count
    with_views = 0
    kiosks = {kiosk_of[setup] for setup in stats_db.setups_with_visits(conn, window)
              if setup in kiosk_of}
    only = next(iter(kiosks)) if len(kiosks) == 1 else None  # the usual file: one kiosk
    for kiosk, seen, count, views in stats_db.events_per_visit(conn, dated, only):
        shown = _count(views)
        if not isinstance(kiosk, str) or shown is None:
            continue  # the views were counted as left out above
        f.depth[seen] += count
        f.kiosk_views[kiosk] += shown
        with_views += count
    f.depth[0] += max(0, visits - with_views)
    for kind, detail, count, visits_with in stats_db.actions_by_kind(conn, dated):
        if not isinstance(kind, str) or not isinstance(detail, str):
            bad += count
            continue
        if kind == stats_db.MEDIA_PLAY:
            event, _, media_kind = detail.partition(":")
            f.media_plays[event] += int(count)
            f.media_kind[event] = media_kind
        elif kind == stats_db.MEDIA_WATCHED:
            event, share, captions = [*detail.split(":"), "", ""][:3]
            if share.isdigit():
                f.media_watched[event] += [min(100, int(share))] * int(count)
                if captions not in ("", "off"):
                    f.media_captioned[event] += int(count)
        key = f"{kind}:{detail}" if kind in (stats_db.OPTION, stats_db.LANGUAGE) else kind
        f.actions[key] += int(count)
        f.action_visits[key] += int(visits_with)
    # switched to a language the visit began without
    for language, switched in stats_db.language_switches(conn, window):
        if isinstance(language, str):
            f.language_switched[language] += int(switched)
    return bad


def time_in_use(conn: sqlite3.Connection, since: dt.date) -> list[int]:
    """Each visit's time in use, to the visitor's last touch, from `since` on: the staff
    panel's figure, counted as the report counts it."""
    found = []
    for ms, countdown in stats_db.lengths_since(conn, since):
        length = _count(ms)
        if length is not None:
            found.append(length if countdown is None else _in_use(length, countdown))
    return found


def _in_use(length: int, countdown: object) -> int:
    """The time in use of a visit the countdown ended, to the visitor's last touch, from its
    last countdown: "<ms into the visit> <ms nobody had touched>" (older files: no idle)."""
    at, _, idle = str(countdown).partition(" ")
    if not (at.isdecimal() and len(at) < 16):
        return length
    idle_ms = int(idle) if idle.isdecimal() and len(idle) < 12 else 0
    return max(0, min(length, int(at) - idle_ms))


def counted(number: int, word: str, plural: str | None = None) -> str:
    """'1 visit', '214 visits', '1,020 event views': every count the report writes."""
    return f"{number:,} {word if number == 1 else plural or word + 's'}"


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def minutes(ms: int) -> str:
    """'1 h 05 min', '3 min 20 s', '45 s'."""
    seconds = (ms + 500) // 1000  # half a second up, always (round() goes to even)
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"


def _report(f: _Figures, since: dt.date | None, until: dt.date | None,
            problems: list[str], left_out: list[str]) -> Report:
    kiosks = sorted(f.lengths)
    languages: list[str] = []
    for titles in f.exhibits.values():
        languages += [lang for lang in titles if lang not in languages]
    per_kiosk = tuple(kiosks) if len(kiosks) > 1 else ()
    tables: dict[str, Table] = {}

    all_lengths = [ms for values in f.lengths.values() for ms in values]
    all_in_use = [ms for values in f.in_use.values() for ms in values]
    summary = Table("summary", "Summary by kiosk",
                    ("kiosk", "first day", "last day", "visits", "event views",
                     "total visit time", "median visit", "longest visit",
                     "total time in use", "median time in use"))
    for kiosk in [*kiosks, "all kiosks"] if per_kiosk else kiosks:
        lengths = all_lengths if kiosk == "all kiosks" else f.lengths[kiosk]
        in_use = all_in_use if kiosk == "all kiosks" else f.in_use[kiosk]
        days = ([d for k in kiosks for d in f.days[k]] if kiosk == "all kiosks"
                else f.days[kiosk])
        views = (sum(f.kiosk_views.values()) if kiosk == "all kiosks"
                 else f.kiosk_views[kiosk])
        summary.rows.append((kiosk, min(days), max(days), len(lengths), views,
                             minutes(sum(lengths)), minutes(round(statistics.median(lengths))),
                             minutes(max(lengths)), minutes(sum(in_use)),
                             minutes(round(statistics.median(in_use)))))
    tables["summary"] = summary

    day_list = sorted({day for day, _ in f.per_day})
    if day_list:
        first = since or dt.date.fromisoformat(day_list[0])
        last = until or dt.date.fromisoformat(day_list[-1])
        day_list = [(first + dt.timedelta(days=i)).isoformat()
                    for i in range((last - first).days + 1)]
    per_day = Table("visits_per_day", "Visits per day", ("day", "visits", *per_kiosk))
    for day in day_list:
        counts = [f.per_day.get((day, k), 0) for k in kiosks]
        per_day.rows.append((day, sum(counts), *(counts if per_kiosk else ())))
    tables["visits_per_day"] = per_day

    per_hour = Table("visits_per_hour", "Visits by hour of the day (local time)",
                     ("hour", "visits", *per_kiosk))
    for hour in range(24):
        counts = [f.per_hour.get((hour, k), 0) for k in kiosks]
        per_hour.rows.append((f"{hour:02d}:00", sum(counts), *(counts if per_kiosk else ())))
    tables["visits_per_hour"] = per_hour

    length = Table("visit_length", "Visit length",
                   ("length", "visits, time in use", "share, time in use",
                    "visits, whole visit", "share, whole visit"))
    tops = [top * 1000 for top, _ in LENGTHS if top is not None]
    bounds = Counter(bisect.bisect_right(tops, ms) for ms in all_lengths)
    in_use_bounds = Counter(bisect.bisect_right(tops, ms) for ms in all_in_use)
    for index, (_, label) in enumerate(LENGTHS):
        length.rows.append((label, in_use_bounds[index],
                            _share(in_use_bounds[index], len(all_in_use)),
                            bounds[index], _share(bounds[index], len(all_lengths))))
    tables["visit_length"] = length

    visits = len(all_lengths)
    report = Report(since, until, kiosks, languages, list(f.exhibits.values()), tables,
                    problems, left_out)
    title_columns = tuple(report.title_column(lang) for lang in languages)
    columns = ("rank", "place in story", "event", *title_columns, "views", "time on screen",
               "average view", "visits that saw it")

    def event_row(rank: int, key: tuple[str, str], e: _Event) -> tuple[object, ...]:
        return (rank, e.position, key[1], *(e.titles.get(lang, "") for lang in languages),
                e.views, minutes(e.ms), minutes(e.ms // e.views) if e.views else "–",
                _share(e.visits, visits))

    shown = [(key, e) for key, e in f.events.items() if e.views]
    by_views = sorted(shown, key=lambda item: (-item[1].views, -item[1].ms, item[1].position))
    by_time = sorted(shown, key=lambda item: (-item[1].ms, -item[1].views, item[1].position))
    tables["events_by_views"] = Table("events_by_views", "Events ranked by views", columns,
                                      [event_row(i, k, e) for i, (k, e)
                                       in enumerate(by_views, 1)])
    tables["events_by_time"] = Table("events_by_time", "Events ranked by time on screen",
                                     columns, [event_row(i, k, e) for i, (k, e)
                                               in enumerate(by_time, 1)])
    story = Table("story_reach", "How far visitors get: share of visits that saw each event, "
                  "in story order", ("place in story", "event", *title_columns,
                                     "visits that saw it", "share"))
    for key, e in sorted(f.events.items(), key=lambda item: (item[0][0], item[1].position)):
        story.rows.append((e.position, key[1], *(e.titles.get(lang, "") for lang in languages),
                           e.visits, _share(e.visits, visits)))
    tables["story_reach"] = story

    depth = Table("events_per_visit", "Events seen per visit", ("events seen", "visits",
                                                                "share"))
    buckets: Counter[str] = Counter()
    for seen, count in f.depth.items():
        if seen == 0:
            buckets["none (welcome screen only)"] += count
            continue
        buckets[next(lab for top, lab in DEPTHS if top is None or seen <= top)] += count
    for label in ["none (welcome screen only)", *(lab for _, lab in DEPTHS)]:
        if label != "none (welcome screen only)" or buckets[label]:
            depth.rows.append((label, buckets[label], _share(buckets[label], visits)))
    tables["events_per_visit"] = depth

    langs = Table("languages", "Languages", ("language", "visits that began in it",
                                             "visits that switched to it",
                                             "visits that used it", "share of visits"))
    for lang in sorted(set(f.language_visits) | set(f.language_switched),
                       key=lambda x: -(f.language_visits[x] + f.language_switched[x])):
        used = f.language_visits[lang] + f.language_switched[lang]
        langs.rows.append((report.language_name(lang), f.language_visits[lang],
                           f.language_switched[lang], used, _share(used, visits)))
    tables["languages"] = langs

    if f.media_plays or f.media_watched:  # videos and sounds (issue 19)
        media = Table("media", "Videos and sounds", ("event", "kind", "plays",
                                                     "median share watched",
                                                     "watched with captions"))
        for event in sorted(set(f.media_plays) | set(f.media_watched),
                            key=lambda e: -f.media_plays[e]):
            watched = f.media_watched.get(event, [])
            media.rows.append((event, f.media_kind.get(event, ""), f.media_plays[event],
                               f"{statistics.median(watched):.0f} %" if watched else "–",
                               _share(f.media_captioned[event], len(watched))
                               if watched else "–"))
        tables["media"] = media

    if any(f.release_visits):  # kiosks that follow an inbox (docs/fleet.md)
        kept = Table("releases", "Releases shown", ("release", "visits", "share of visits"))
        for release, count in sorted(f.release_visits.items()):
            kept.rows.append((release or "the content folder (no release)", count,
                              _share(count, visits)))
        tables["releases"] = kept

    options = Table("options", "Display options turned on",
                    ("option", "visits", "share of visits"))
    for option, name in OPTION_NAMES.items():
        count = f.action_visits[f"{stats_db.OPTION}:{option}"]
        options.rows.append((name, count, _share(count, visits)))
    tables["options"] = options

    photos = Table("photos", "Photos", ("what", "times", "visits", "share of visits"))
    for kind, name in ((stats_db.PHOTO_OPEN, "photo opened full screen"),
                       (stats_db.PHOTO_ZOOM, "photo zoomed")):
        photos.rows.append((name, f.actions[kind], f.action_visits[kind],
                            _share(f.action_visits[kind], visits)))
    tables["photos"] = photos

    idle = Table("endings", "How visits ended, and the idle countdown",
                 ("what", "visits", "share of visits"))
    for ending, name in ENDING_NAMES.items():
        if ending is not None or f.endings[ending]:
            idle.rows.append((f"ended: {name}", f.endings[ending],
                              _share(f.endings[ending], visits)))
    idle.rows.append(("\"Still there?\" shown", f.action_visits[stats_db.COUNTDOWN],
                      _share(f.action_visits[stats_db.COUNTDOWN], visits)))
    idle.rows.append(("\"Still there?\" answered (Continue)",
                      f.action_visits[stats_db.COUNTDOWN_ANSWERED],
                      _share(f.action_visits[stats_db.COUNTDOWN_ANSWERED], visits)))
    tables["endings"] = idle
    if day_list:
        report.period = _period(f, dt.date.fromisoformat(day_list[0]),
                                dt.date.fromisoformat(day_list[-1]))
    if by_views:
        key, top = by_views[0]
        title = next((top.titles[lang] for lang in languages if top.titles.get(lang)), key[1])
        report.top_event = (title, top.views, _share(top.visits, visits))
    return report


# --- the sentence at the top ------------------------------------------------------------

def day_text(day: dt.date, year: bool = True, weekday: bool = False) -> str:
    """'24 November 2026', 'Tuesday 24 November 2026' (English whatever the system's
    language: the report is in English)."""
    text = f"{day.day} {MONTHS_EN[day.month - 1]}" + (f" {day.year}" if year else "")
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def period_text(first: dt.date, last: dt.date) -> str:
    """'On Tuesday 24 November 2026', 'In the week of 30 November to 6 December 2026',
    'In November 2026', 'From 3 to 20 November 2026'."""
    if first == last:
        return f"On {day_text(first, weekday=True)}"
    if first.day == 1 and (last + dt.timedelta(days=1)).day == 1 \
            and (first.year, first.month) == (last.year, last.month):
        return f"In {MONTHS_EN[first.month - 1]} {first.year}"
    if (first.year, first.month) == (last.year, last.month):
        span = f"{first.day} to {day_text(last)}"
    else:
        span = f"{day_text(first, year=first.year != last.year)} to {day_text(last)}"
    return f"In the week of {span}" if (last - first).days == 6 else f"From {span}"


def _before_text(days: int) -> str:
    return {1: "the day before", 7: "the week before"}.get(days, f"in the {days} days before")


def summary_sentence(report: Report) -> str:
    """What a director reads aloud: the period, the visits against the period before, how
    long visitors stayed, the most viewed event."""
    period = report.period
    if period is None:
        return "No visits in this period."
    who = (report.kiosks[0] if len(report.kiosks) == 1
           else f"the {len(report.kiosks)} kiosks together")
    text = f"{period_text(period.first, period.last)}, {who} had {counted(period.visits, 'visit')}"
    before = report.previous
    if before is not None:
        when = _before_text(period.days)
        if not before.visits:
            text += f" (no visits {when})"
        elif before.visits == period.visits:
            text += f", as many as {when}"
        else:
            change = 100 * (period.visits - before.visits) / before.visits
            text += (f", {abs(change):.0f} % {'more' if change > 0 else 'fewer'} than {when} "
                     f"({before.visits:,})")
    text += "."
    if period.median_in_use_ms is not None and period.median_visit_ms is not None:
        many = period.visits > 1
        text += (f" {'Half of the visits' if many else 'The visit'} lasted "
                 f"{minutes(period.median_in_use_ms)}{' or more' if many else ''} to the last "
                 f"touch ({minutes(period.median_visit_ms)} with the idle time and the "
                 "countdown before the kiosk went back to the start).")
    if report.top_event is not None:
        title, views, share = report.top_event
        text += (f" The most viewed event was \u201c{title}\u201d ({counted(views, 'view')}, "
                 f"in {share} of visits).")
    return text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: an event title from someone's content that
    starts with '=', '+', '-' or '@' (or a tab or carriage return) would be run as a formula
    ('=HYPERLINK(...)'), so it gets a leading apostrophe, as OWASP advises. Numbers stay
    numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(report: Report, folder: Path) -> list[Path]:
    """One UTF-8 CSV file per table (with a byte-order mark, so that spreadsheet programs
    on Windows read Chinese titles right)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in report.tables.values():
        path = folder / f"{table.name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([cell(value) for value in table.columns])
            writer.writerows([cell(value) for value in row] for row in table.rows)
        written.append(path)
    return written
