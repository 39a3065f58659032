"""The statistics report as one HTML file that opens offline in any browser.

Charts are inline SVG written here in plain Python (no Qt: the report is made on any
thread, and by `kiosk stats` without a display): text stays text, in the page's fonts (the
CJK family is named in the style sheet), sharp at any zoom and in print. The file needs
nothing else: no scripts, no fonts, no network. The same tables follow each chart.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from kiosk import __version__
from kiosk.services.settings import Settings, report_logo_path
from kiosk.ui.statistics.report import (
    Period,
    Report,
    Table,
    build,
    counted,
    day_text,
    minutes,
    period_text,
    summary_sentence,
    write_csv,
)

# Okabe-Ito: told apart by people with any common colour-vision deficiency.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                  "#F0E442", "#000000")
INK, GRID, MUTED = "#1A1A1A", "#D9DDE3", "#5A6270"
STORY_BARS = 40  # a longer story is drawn as columns, without titles
WIDEST_COLUMN = 56  # CSS px: two or three days are columns, not walls
LOGO_HEIGHT = 72  # CSS px
LOGO_SCALE = 2  # the logo's pixels per CSS pixel: sharp in print and on dense screens


@dataclass(frozen=True)
class Branding:
    """The museum's name and logo at the top of the report, from kiosk.toml."""

    institution: str = ""
    logo_png: str | None = None  # base64, embedded: the page stays one file
    problem: str | None = None  # a logo that was set but cannot be used, for staff


def branding(settings: Settings) -> Branding:
    """The report's name and logo; a logo file that is missing or not a picture is a
    message (and the report is made without it), never a failed report."""
    path = report_logo_path(settings)
    if path is None:
        return Branding(settings.institution.strip())
    where = f"report_logo '{settings.report_logo}' in {settings.path or 'kiosk.toml'}"
    if not path.is_file():
        problem = f"{where}: no such file ({path}); the report is made without a logo"
    elif path.stat().st_size > 20_000_000 or (logo := _logo_png(path)) is None:
        problem = (f"{where}: not a picture that can be read (use a PNG or JPEG of a few "
                   "hundred pixels); the report is made without a logo")
    else:
        return Branding(settings.institution.strip(), logo)
    return Branding(settings.institution.strip(), None, problem)


def _logo_png(path: Path) -> str | None:
    """The logo at twice the height it is shown, as base64 PNG; None: not a picture."""
    try:
        with Image.open(path) as image:
            image.load()
            picture = image.convert("RGBA")
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None
    tallest = LOGO_HEIGHT * LOGO_SCALE
    if picture.height > tallest:
        width = max(1, round(picture.width * tallest / picture.height))
        picture = picture.resize((width, tallest), Image.Resampling.LANCZOS)
    data = io.BytesIO()
    picture.save(data, "PNG", optimize=True)
    return base64.b64encode(data.getvalue()).decode("ascii")


@dataclass
class Series:
    name: str
    values: Sequence[float]


def _nice_step(top: float) -> float:
    """1, 2 or 5 times a power of ten, giving about five grid lines."""
    if top <= 0:
        return 1
    raw = top / 5
    power = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


# --- drawing in SVG ------------------------------------------------------------------------

_NARROW = set("fijlrt.,:;!|'()[] ")
_WIDE = set("mwMW@%")


def text_width(text: str, size: float) -> float:
    """About how wide `text` is in the page's sans-serif at `size` px, a little generous:
    Chinese, Japanese and Korean characters are square; Latin letters about half as wide.
    (The browser draws the text; this only lays out around it.)"""
    width = 0.0
    for char in text:
        if unicodedata.east_asian_width(char) in "WF":
            width += 1.0
        elif char in _NARROW:
            width += 0.32
        elif char in _WIDE:
            width += 0.86
        elif char.isupper():
            width += 0.68
        else:
            width += 0.57
    return width * size


def elided(text: str, size: float, room: float) -> str:
    """`text`, cut with an ellipsis where it would be wider than `room`."""
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


class _Svg:
    """An SVG picture, element by element; `str()` is the markup."""

    def __init__(self, width: float, height: float, title: str) -> None:
        self.width, self.height = round(width), round(height)
        self.parts = [f"<title>{_esc(title)}</title>"] if title else []

    def rect(self, x: float, y: float, width: float, height: float, fill: str) -> None:
        self.parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(0.0, width):.1f}" '
                          f'height="{max(0.0, height):.1f}" fill="{fill}"/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str) -> None:
        self.parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                          f'stroke="{stroke}" stroke-width="1"/>')

    def text(self, x: float, y: float, text: str, *, size: float = 13, fill: str = INK,
             anchor: str = "start") -> None:
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="{fill}" '
                          f'text-anchor="{anchor}">{_esc(text)}</text>')

    def __str__(self) -> str:
        return (f'<svg class="chart" role="img" '
                f'width="{self.width}" height="{self.height}" '
                f'viewBox="0 0 {self.width} {self.height}">{"".join(self.parts)}</svg>')


def _legend(svg: _Svg, series: Sequence[Series], x: float, y: float) -> None:
    if len(series) < 2:
        return
    for index, one in enumerate(series):
        svg.rect(x, y - 10, 12, 12, SERIES_COLOURS[index % 8])
        svg.text(x + 18, y, one.name)
        x += 18 + text_width(one.name, 13) + 24


def column_chart(labels: Sequence[str], series: Sequence[Series], *, width: int = 900,
                 height: int = 300, title: str = "") -> str:
    """Stacked columns, one per label (as many labels written as fit); returns SVG."""
    svg = _Svg(width, height, title)
    left, right, top, bottom = 64, 16, 28, 44
    plot_left, plot_bottom = left, height - bottom
    plot_width, plot_height = width - left - right, height - top - bottom
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    step = _nice_step(max(totals, default=0))
    ceiling = step * max(1, -(-max(totals, default=0) // step))
    value = 0.0
    while value <= ceiling:
        y = plot_bottom - plot_height * value / ceiling
        svg.line(plot_left, y, plot_left + plot_width, y, GRID)
        svg.text(plot_left - 8, y + 4, _number(value), fill=MUTED, anchor="end")
        value += step
    slot = plot_width / max(1, len(labels))
    widest = max((text_width(label, 13) for label in labels), default=0) + 12
    label_every = max(1, math.ceil(widest / slot))
    gap = max(slot - WIDEST_COLUMN, min(slot * 0.2, 6) if slot > 3 else 0)
    for i, label in enumerate(labels):
        base = float(plot_bottom)
        for index, one in enumerate(series):
            h = plot_height * one.values[i] / ceiling
            if h > 0:
                svg.rect(plot_left + i * slot + gap / 2, base - h, slot - gap, h,
                         SERIES_COLOURS[index % 8])
            base -= h
        if i % label_every == 0:
            half = text_width(label, 13) / 2
            x = max(half, min(plot_left + i * slot + slot / 2, width - half))
            svg.text(x, plot_bottom + 20, label, fill=MUTED, anchor="middle")
    svg.line(plot_left, plot_bottom, plot_left + plot_width, plot_bottom, INK)
    _legend(svg, series, plot_left, 16)
    return str(svg)


def bar_chart(labels: Sequence[Sequence[str]], values: Sequence[float], texts: Sequence[str],
              *, width: int = 900, title: str = "") -> str:
    """Horizontal bars, one per label (a label may have several lines, e.g. a title in two
    languages), with each bar's value written after it; returns SVG."""
    size, line = 14, 18
    row = max(28, line * max((len(lab) for lab in labels), default=1) + 10)
    height = row * len(labels) + 16
    svg = _Svg(width, max(height, 40), title)
    label_width = min(width * 0.48, max((text_width(text, size) for lab in labels
                                         for text in lab), default=0) + 12)
    left = label_width + 8
    right = max((text_width(text, size) for text in texts), default=0) + 16
    top_value = max(values, default=0) or 1
    for i, (label, value, text) in enumerate(zip(labels, values, texts, strict=True)):
        y = 8 + i * row
        for j, part in enumerate(label):
            baseline = y + (row - line * len(label)) / 2 + line * (j + 1) - 4
            svg.text(label_width, baseline, elided(part, size, label_width - 8), size=size,
                     fill=INK if j == 0 else MUTED, anchor="end")
        bar = (width - left - right) * value / top_value
        svg.rect(left, y + 5, max(bar, 1), row - 10, SERIES_COLOURS[0])
        svg.text(left + bar + 6, y + row / 2 + 5, text, size=size)
    return str(svg)


# --- the page ----------------------------------------------------------------------------

STYLE = """
body { font-family: system-ui, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei",
       "PingFang SC", sans-serif; color: #1A1A1A; margin: 0 auto; max-width: 960px; padding: 24px;
       line-height: 1.45; }
h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 21px; margin: 40px 0 8px;
     border-top: 1px solid #D9DDE3; padding-top: 20px; }
.sub { color: #5A6270; margin: 0 0 4px; }
header { display: flex; align-items: center; gap: 20px; margin-bottom: 12px; }
header img { max-height: 72px; width: auto; margin: 0; }
.institution { font-size: 17px; color: #5A6270; margin: 0 0 2px; }
.sentence { font-size: 19px; margin: 16px 0; max-width: 46em; }
.card small { display: block; color: #5A6270; font-size: 13px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 20px 0; }
.card { border: 1px solid #D9DDE3; border-radius: 8px; padding: 10px 16px; min-width: 150px; }
.card b { display: block; font-size: 26px; }
.card span { color: #5A6270; font-size: 14px; }
img { max-width: 100%; height: auto; display: block; margin: 8px 0; }
svg.chart { width: 100%; height: auto; display: block; margin: 8px 0; font-family: inherit; }
table { border-collapse: collapse; font-size: 14px; margin: 8px 0 16px; }
th, td { border-bottom: 1px solid #E6E9ED; padding: 4px 10px; text-align: left;
         vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
details summary { cursor: pointer; color: #0058A3; }
.problems { color: #A01818; }
footer { color: #5A6270; font-size: 13px; margin-top: 40px; }
@media print { details { display: block; } h2 { break-before: auto; }
               img, svg.chart { break-inside: avoid; } }
"""


def _esc(value: object) -> str:
    return html.escape(str(value))


def _table(table: Table, collapsed: bool = False) -> str:
    head = "".join(f"<th>{_esc(c)}</th>" for c in table.columns)
    rows = []
    for row in table.rows:
        cells = "".join(
            f'<td class="n">{_esc(f"{v:,}")}</td>' if isinstance(v, int)
            else f"<td>{_esc(v)}</td>" for v in row)
        rows.append(f"<tr>{cells}</tr>")
    body = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    if collapsed:
        return (f"<details><summary>The figures ({counted(len(table.rows), 'row')})</summary>"
                f"{body}</details>")
    return body


def _int_column(table: Table, name: str) -> list[float]:
    return [float(v) if isinstance(v, int | float) else 0.0 for v in table.column(name)]


def _section(title: str, picture: str, table: Table, note: str = "",
             collapsed: bool = False) -> str:
    note_html = f'<p class="sub">{_esc(note)}</p>' if note else ""
    collapsed = collapsed or len(table.rows) > 12
    named = picture.replace("<svg ", f'<svg aria-label="{_esc(title)}" ', 1)  # as alt text
    return f"<h2>{_esc(title)}</h2>{note_html}{named}{_table(table, collapsed)}"


def _columns(table: Table, kiosks: Sequence[str], *, labels: Sequence[str] | None = None
             ) -> str:
    names = list(kiosks) if len(kiosks) > 1 else []
    series = [Series(k, _int_column(table, k)) for k in names] or [
        Series("visits", _int_column(table, table.columns[1]))]
    return column_chart(labels or [str(v) for v in table.column(table.columns[0])], series)


def _event_bars(table: Table, report: Report, value_column: str, text_column: str,
                limit: int = 25) -> str:
    rows = table.rows[:limit]
    title_indexes = [table.columns.index(report.title_column(lang)) for lang in report.languages]
    labels = [[str(row[i]) for i in title_indexes if row[i]] or [str(row[2])] for row in rows]
    value_index = table.columns.index(value_column)
    text_index = table.columns.index(text_column)
    values = [_duration_value(row[value_index]) for row in rows]
    return bar_chart(labels, values, [f"{v:,}" if isinstance(v, int) else str(v)
                                      for v in (row[text_index] for row in rows)])


def _duration_value(value: object) -> float:
    """Numbers as they are; '1 h 05 min', '3 min 20 s', '45 s' and '12.5 %' as numbers."""
    if isinstance(value, int | float):
        return float(value)
    text = str(value)
    if text.endswith("%"):
        return float(text.rstrip(" %") or 0)
    parts = text.split()
    total = 0.0
    for amount, unit in zip(parts[::2], parts[1::2], strict=False):
        total += float(amount) * {"h": 3600, "min": 60, "s": 1}.get(unit, 0)
    return total


def _change(now: int | None, before: int | None, *, as_time: bool = False) -> str:
    """'+12 %', '−8 %', 'same', or '–' with nothing to compare."""
    if now is None or not before:
        return "–"
    if now == before:
        return "same"
    change = 100 * (now - before) / before
    return f"{'+' if change > 0 else '−'}{abs(change):.0f} %"


def _comparison(period: Period, before: Period) -> str:
    """The main figures beside those of as many days just before."""
    def time(ms: int | None) -> str:
        return minutes(ms) if ms is not None else "–"

    rows = [("visits", f"{period.visits:,}", f"{before.visits:,}",
             _change(period.visits, before.visits)),
            ("event views", f"{period.event_views:,}", f"{before.event_views:,}",
             _change(period.event_views, before.event_views)),
            ("median visit, to the last touch", time(period.median_in_use_ms),
             time(before.median_in_use_ms),
             _change(period.median_in_use_ms, before.median_in_use_ms)),
            ("median visit, with the idle time and the countdown", time(period.median_visit_ms),
             time(before.median_visit_ms),
             _change(period.median_visit_ms, before.median_visit_ms))]
    days = {1: "the day", 7: "the week"}.get(before.days, f"the {before.days} days")
    head = (f"<tr><th></th><th>{_esc(_span(period))}</th><th>{_esc(_span(before))}</th>"
            "<th>change</th></tr>")
    body = "".join(f"<tr><td>{_esc(a)}</td><td class=\"n\">{_esc(b)}</td>"
                   f"<td class=\"n\">{_esc(c)}</td><td class=\"n\">{_esc(d)}</td></tr>"
                   for a, b, c, d in rows)
    return (f"<h2>Compared with {_esc(days)} before</h2><table><thead>{head}</thead>"
            f"<tbody>{body}</tbody></table>")


def _span(period: Period) -> str:
    """'24 Nov 2026', '30 Nov – 6 Dec 2026': a column's heading."""
    last = f"{period.last.day} {period.last:%b} {period.last.year}"
    if period.first == period.last:
        return last
    first = f"{period.first.day} {period.first:%b}" + (
        f" {period.first.year}" if period.first.year != period.last.year else "")
    return f"{first} – {last}"


def _header(report: Report, exhibit_titles: str, brand: Branding) -> str:
    logo = (f'<img src="data:image/png;base64,{brand.logo_png}" alt="{_esc(brand.institution)}">'
            if brand.logo_png else "")
    institution = (f'<p class="institution">{_esc(brand.institution)}</p>'
                   if brand.institution else "")
    if report.period is not None:
        period = period_text(report.period.first, report.period.last)
        period = period[0].upper() + period[1:]
    else:
        period = "No visits"
    kiosks = ", ".join(report.kiosks) or "no kiosk"
    return (f"<header>{logo}<div>{institution}<h1>Visitor statistics: {_esc(exhibit_titles)}"
            f'</h1><p class="sub">{_esc(period)} · {_esc(kiosks)}</p></div></header>')


def render(report: Report, generated: dt.datetime | None = None,
           brand: Branding | None = None) -> str:
    generated = generated or dt.datetime.now()
    brand = brand or Branding()
    t = report.tables
    exhibit_titles = " / ".join(
        " · ".join(dict.fromkeys(v for v in titles.values() if v))
        for titles in report.exhibits) or "Exhibit"
    days = t["visits_per_day"].column("day")
    parts = [_header(report, exhibit_titles, brand),
             f'<p class="sentence">{_esc(summary_sentence(report))}</p>']
    if report.problems:
        items = "".join(f"<li>{_esc(p)}</li>" for p in report.problems)
        parts.append(f'<div class="problems"><p>Some files could not be read:</p>'
                     f"<ul>{items}</ul></div>")
    if report.left_out:
        items = "".join(f"<li>{_esc(p)}</li>" for p in report.left_out)
        parts.append(f'<div class="problems"><p>Some rows were left out:</p>'
                     f"<ul>{items}</ul></div>")
    summary = t["summary"]
    if summary.rows:
        total = summary.rows[-1]
        cards = [(total[3], "visit" if total[3] == 1 else "visits", ""),
                 (total[4], "event view" if total[4] == 1 else "event views", ""),
                 (total[9], "median visit", "to the last touch"),
                 (total[6], "median visit, whole", "with the idle time and the countdown")]
        parts.append('<div class="cards">' + "".join(
            f"<div class=\"card\"><b>{_esc(f'{v:,}' if isinstance(v, int) else v)}</b>"
            f"<span>{_esc(name)}</span>{f'<small>{_esc(note)}</small>' if note else ''}</div>"
            for v, name, note in cards) + "</div>")
        if report.period is not None and report.previous is not None:
            parts.append(_comparison(report.period, report.previous))
        parts.append(f"<h2>{_esc(summary.title)}</h2>" + _table(summary))
        kiosks = report.kiosks
        hours = t["visits_per_hour"]
        hour_labels = [str(h)[:2] for h in hours.column("hour")]
        if len(days) == 1:  # one day is drawn as a day: its hours, not one wide column
            day = dt.date.fromisoformat(str(days[0]))
            parts.append(_section(f"Visits on {day_text(day, weekday=True)}, hour by hour",
                                  _columns(hours, kiosks, labels=hour_labels), hours,
                                  "Local time; each column is one hour."))
        else:
            per_day = t["visits_per_day"]
            day_labels = [dt.date.fromisoformat(str(d)).strftime(
                "%d %b" if len(days) > 14 else "%a %d %b") for d in days]
            parts.append(_section(per_day.title, _columns(per_day, kiosks, labels=day_labels),
                                  per_day, collapsed=True))
            parts.append(_section(hours.title, _columns(hours, kiosks, labels=hour_labels),
                                  hours))
        length = t["visit_length"]
        parts.append(_section(length.title, _columns(length, []), length,
                              "The chart: from the first touch to the visitor's last touch "
                              "(time in use). The whole visit, in the table's last columns, "
                              "goes on to the return to the welcome screen: when nobody "
                              "touches the screen, it includes the idle time before \"Still "
                              "there?\" and the countdown."))
        for name, value, text in (("events_by_views", "views", "views"),
                                  ("events_by_time", "time on screen", "time on screen")):
            table = t[name]
            parts.append(_section(table.title, _event_bars(table, report, value, text), table,
                                  "Time on screen stops when \"Still there?\" appears."
                                  if name == "events_by_time" else "", collapsed=True))
        story = t["story_reach"]
        if len(story.rows) <= STORY_BARS:  # each event with its titles
            picture = _event_bars(story, report, "share", "share", limit=STORY_BARS)
        else:  # a long story: one column per place, the titles in the table
            picture = column_chart([str(p) for p in story.column("place in story")],
                                   [Series("visits", _int_column(story, "visits that saw it"))])
        parts.append(_section(story.title, picture, story, collapsed=True))
        depth = t["events_per_visit"]
        parts.append(_section(depth.title, _columns(depth, []), depth))
        if "media" in t:  # videos and sounds: plays, how far, with captions
            media = t["media"]
            labels = [[str(v)] for v in media.column("event")]
            plays = _int_column(media, "plays")
            texts = [f"{int(n):,} plays, {watched} watched, captions {captioned}"
                     for n, watched, captioned in zip(plays, media.column(
                         "median share watched"), media.column("watched with captions"),
                         strict=True)]
            parts.append(_section(media.title, bar_chart(labels, plays, texts), media))
        for name in ("languages", "releases", "options", "photos", "endings"):
            if name not in t:  # (releases: only for kiosks that follow an inbox)
                continue
            table = t[name]
            labels = [[str(v)] for v in table.column(table.columns[0])]
            count_column = table.columns[-2] if name == "languages" else (
                "times" if name == "photos" else "visits")
            values = _int_column(table, count_column)
            texts = [f"{int(v):,}  ({s})" for v, s in zip(values, table.column(
                table.columns[-1]), strict=True)]
            parts.append(_section(table.title, bar_chart(labels, values, texts), table))
    parts.append(f"<footer>Made by kiosk {__version__} on {generated:%Y-%m-%d %H:%M} from "
                 "the kiosks' own statistics files. Nothing in them identifies a person: a "
                 "visit is its start time, its length, how it ended, the events shown and "
                 "the controls used. Times are the kiosks' local time.</footer>")
    title = f"Visitor statistics: {exhibit_titles}"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_esc(title)}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>\n")


def write(files: Sequence[Path], html_path: Path | None, csv_folder: Path | None,
          since: dt.date | None = None, until: dt.date | None = None,
          brand: Branding | None = None) -> Report:
    """Build the report once and write it as HTML and/or CSV files."""
    report = build(files, since, until)
    if html_path is not None:
        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(render(report, brand=brand), encoding="utf-8")
    if csv_folder is not None:
        write_csv(report, csv_folder)
    return report

