"""Our own spreadsheet layout: a whole exhibit, every language, in one workbook, for
editors who would rather type into a spreadsheet than into YAML.

Sheets (their columns are `field`, or `field:lang` for a text in one language):
- Exhibit: one row: languages, title:LANG, subtitle:LANG, idle_timeout, attract_interval;
- Eras: one row per era: id, start, end, color, title:LANG, short_title:LANG;
- Events: one row per event: id, date, end, era, highlight, display_date:LANG, title:LANG,
  short_title:LANG, body:LANG (Markdown), then per photo N: mediaN.image (a path beside the
  workbook), mediaN.caption:LANG, mediaN.credit (a name, the same in every language) or
  mediaN.credit:LANG (a credit per language), mediaN.alt:LANG;
- Interface: one row per word: key, then one column per language.
A CSV file with the Events sheet's columns is read too (the exhibit's title is then the
file's name). `kiosk export FOLDER --sheet FILE.xlsx` writes this layout, with the photos
copied beside the workbook, and `kiosk import FILE.xlsx` reads it back: the same exhibit.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from kiosk.content import load_folder
from kiosk.core import limits as L
from kiosk.core.dates import Date
from kiosk.core.model import Exhibit, Text
from kiosk.importers import dates
from kiosk.importers.draft import (
    DateValue,
    Draft,
    DraftEra,
    DraftEvent,
    DraftMedia,
    slug,
    unique,
)
from kiosk.importers.media import Pictures
from kiosk.importers.report import ImportRefused, Report
from kiosk.importers.tables import Table

SHEETS = ["Exhibit", "Eras", "Events", "Interface"]
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MEDIA = re.compile(r"media([0-9]{1,2})\.(image|caption|credit|alt)")
_TRUE = {"true", "yes", "y", "1", "x", "✓"}
_FALSE = {"false", "no", "n", "0", ""}


def is_our_sheet(header: list[str]) -> bool:
    names = {h.strip().lower() for h in header}
    return "id" in names and "date" in names


# --- writing ----------------------------------------------------------------------------------
def date_value(date: Date) -> DateValue:
    if date.month is None:
        return date.year
    sign = "-" if date.year < 0 else ""
    text = f"{sign}{abs(date.year):04d}-{date.month:02d}"
    return text if date.day is None else f"{text}-{date.day:02d}"


def _text_cells(row: dict[str, Any], name: str, text: Text | None) -> None:
    for lang, value in (text.values if text is not None else ()):
        row[f"{name}:{lang}"] = value


def _credit_cells(row: dict[str, Any], name: str, credit: Text, default: str) -> None:
    """A credit in the default language only is a name, the same in every language (the
    loader reads `credit: City archive` and `credit: {en: City archive}` alike): one
    column without a language; a credit per language, one column per language."""
    if [lang for lang, _ in credit.values] == [default]:
        row[name] = credit.get(default)
    else:
        _text_cells(row, name, credit)


def sheet_rows(exhibit: Exhibit) -> dict[str, list[dict[str, Any]]]:
    """The exhibit as the rows of each sheet (column -> value)."""
    head: dict[str, Any] = {"languages": ", ".join(exhibit.languages),
                            "idle_timeout": exhibit.idle_timeout,
                            "attract_interval": exhibit.attract_interval}
    _text_cells(head, "title", exhibit.title)
    _text_cells(head, "subtitle", exhibit.subtitle)
    eras = []
    for era in exhibit.eras:
        row: dict[str, Any] = {"id": era.id, "start": date_value(era.start),
                               "end": date_value(era.end), "color": era.color}
        _text_cells(row, "title", era.title)
        _text_cells(row, "short_title", era.short_title)
        eras.append(row)
    events = []
    for event in exhibit.events:
        row = {"id": event.id, "date": date_value(event.date),
               "end": date_value(event.end) if event.end else "", "era": event.era or "",
               "highlight": "yes" if event.highlight else ""}
        _text_cells(row, "display_date", event.display_date)
        _text_cells(row, "title", event.title)
        _text_cells(row, "short_title", event.short_title)
        _text_cells(row, "body", event.body)
        for n, media in enumerate(event.media, start=1):
            row[f"media{n}.image"] = media.source
            _text_cells(row, f"media{n}.caption", media.caption)
            _credit_cells(row, f"media{n}.credit", media.credit, exhibit.default_language)
            _text_cells(row, f"media{n}.alt", media.alt)
        events.append(row)
    interface = [{"key": key, **{lang: words.get(key, "")
                                 for lang, words in exhibit.words.items()}}
                 for key in dict.fromkeys(k for w in exhibit.words.values() for k in w)]
    return {"Exhibit": [head], "Eras": eras, "Events": events, "Interface": interface}


def _columns(rows: list[dict[str, Any]], fields: list[str], languages: tuple[str, ...]
             ) -> list[str]:
    """Every column the rows use, in the order of `fields`, each text's languages in the
    exhibit's order."""
    used = dict.fromkeys(key for row in rows for key in row)
    ordered: list[str] = []
    for name in fields:
        ordered += [name] if name in used else []
        ordered += [f"{name}:{lang}" for lang in languages if f"{name}:{lang}" in used]
    media = sorted({int(m.group(1)) for key in used if (m := _MEDIA.match(key))})
    for n in media:
        for name in ("image", "caption", "credit", "alt"):
            key = f"media{n}.{name}"
            ordered += [key] if key in used else []
            ordered += [f"{key}:{lang}" for lang in languages if f"{key}:{lang}" in used]
    ordered += [key for key in used if key not in ordered]
    return ordered


FIELDS = {
    "Exhibit": ["languages", "title", "subtitle", "idle_timeout", "attract_interval"],
    "Eras": ["id", "start", "end", "color", "title", "short_title"],
    "Events": ["id", "date", "end", "era", "highlight", "display_date", "title",
               "short_title", "body"],
    "Interface": ["key"],
}


def export_sheet(folder: Path, sheet: Path, force: bool) -> list[str]:
    """Write the content folder as a workbook of our layout, its photos copied beside it
    (keeping their paths). Returns what was made, one line each."""
    if sheet.suffix.lower() != ".xlsx":
        raise ImportRefused(f"{sheet.name}: give a file name ending in .xlsx")
    if sheet.exists() and not force:
        raise ImportRefused(f"{sheet} already exists; nothing was written. Give another "
                            "name, or add --force to replace it")
    result = load_folder(folder)
    if result.exhibit is None:
        errors = "\n".join(str(p) for p in result.errors[:10])
        raise ImportRefused(f"{folder} has errors; fix them first (kiosk validate "
                            f"{folder}):\n{errors}")
    exhibit = result.exhibit
    import openpyxl  # type: ignore[import-untyped]  # (no type stubs)
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = openpyxl.Workbook()
    book.remove(book.active)
    rows = sheet_rows(exhibit)
    for name in SHEETS:
        columns = _columns(rows[name], FIELDS[name], exhibit.languages) if name != \
            "Interface" else ["key", *[lang for lang in exhibit.languages
                                       if any(lang in r for r in rows[name])]]
        ws = book.create_sheet(name)
        ws.append(columns)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows[name]:
            ws.append([row.get(column, "") for column in columns])
        for index, column in enumerate(columns, start=1):
            wide = column.startswith(("body", "title", "subtitle")) or ".caption" in column \
                or ".alt" in column
            ws.column_dimensions[get_column_letter(index)].width = 60 if wide else 16
            for cells in ws.iter_cols(min_col=index, max_col=index, min_row=2):
                for cell in cells:
                    if isinstance(cell.value, str):
                        cell.data_type = "s"  # a text that starts with "=" stays a text
                        if column in ("date", "end", "start"):
                            cell.number_format = "@"  # Excel must not make it a date
                    if wide:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "B2"
    copied = 0
    target_dir = sheet.parent.absolute()
    for event in exhibit.events:
        for media in event.media:
            target = target_dir / media.source
            file = media.playable or media.image  # the file the source names
            assert file is not None
            if target.resolve() == file.resolve():
                continue
            if target.exists() and target.read_bytes() != file.read_bytes() \
                    and not force:
                raise ImportRefused(f"{target} exists and differs from {media.source} of "
                                    f"{folder}; nothing was written (use --force to "
                                    "replace it)")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
            copied += 1
    target_dir.mkdir(parents=True, exist_ok=True)
    book.save(sheet)
    return [f"wrote {sheet}: {len(exhibit.events)} events, {len(exhibit.eras)} eras, "
            f"{len(exhibit.languages)} languages ({', '.join(exhibit.languages)}); "
            f"{copied} pictures copied beside it",
            f"edit it, then: kiosk import {sheet} --out NEW_FOLDER"]


# --- reading ----------------------------------------------------------------------------------
def _split(column: str) -> tuple[str, str]:
    name, _, lang = column.strip().partition(":")
    return name.strip(), lang.strip()


def _texts(record: dict[str, str], name: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for column, value in record.items():
        field, lang = _split(column)
        if field == name and value.strip():
            found[lang or "*"] = value.replace("\r\n", "\n")
    return found


def _languages_of(tables: dict[str, Table]) -> list[str]:
    seen: dict[str, None] = {}
    for table in tables.values():
        for column in table.header:
            lang = _split(column)[1]
            if lang:
                seen[lang] = None
    return list(seen) or ["en"]


def _resolve(texts: dict[str, str], languages: list[str]) -> dict[str, str]:
    """A text given without a language (column `title`) is the default language's."""
    if "*" in texts:
        plain = texts.pop("*")
        texts.setdefault(languages[0], plain)
    return texts


def _date(text: str, where: str, report: Report, required: bool) -> DateValue | None:
    if not text:
        if required:
            report.error(where, "no date: every row needs one")
        return None
    return dates.from_text(text, where, report)


def from_tables(tables: dict[str, Table], path: Path, report: Report) -> Draft:
    """A Draft from the sheets of our layout (a CSV gives the Events sheet only)."""
    events_table = tables["Events"]
    head_rows = list(tables["Exhibit"].records()) if "Exhibit" in tables else []
    head = head_rows[0][1] if head_rows else {}
    where_head = f"[Exhibit] row {head_rows[0][0]}" if head_rows else ""
    languages = [c for c in re.split(r"[,\s]+", head.get("languages", "")) if c]
    languages = languages or _languages_of(tables)
    for table in tables.values():
        for column in table.header:
            lang = _split(column)[1]
            if lang and lang not in languages and table.name != "Interface":
                report.error(f"[{table.name or 'Events'}] row 1, column {column!r}",
                             f"the language {lang!r} is not in the exhibit's languages "
                             f"({', '.join(languages)})")
    title = _resolve(_texts(head, "title"), languages)
    if not title:
        title = {languages[0]: path.stem.replace("_", " ").replace("-", " ")}
        report.warning(where_head, f"no title: the exhibit is called {title[languages[0]]!r} "
                       "after the file")
    draft = Draft(title=title, languages=languages,
                  subtitle=_resolve(_texts(head, "subtitle"), languages))
    for key in ("idle_timeout", "attract_interval"):
        if head.get(key, "").strip():
            try:
                setattr(draft, key, float(head[key]))
            except ValueError:
                report.error(f"{where_head}, column {key}", f"{head[key]!r} is not a number "
                             "of seconds")
    draft.comments = [f"Imported by kiosk import from {path.name} (the kiosk's sheet).",
                      "See docs/content-guide.md, \"Bringing content in\"."]
    era_ids: set[str] = set()
    for number, record in (tables["Eras"].records() if "Eras" in tables else iter(())):
        where = f"[Eras] row {number}"
        era_title = _resolve(_texts(record, "title"), languages)
        start = _date(record.get("start", "").strip(), f"{where}, column start", report, True)
        end = _date(record.get("end", "").strip(), f"{where}, column end", report, True)
        era_id = _id(record.get("id", ""), era_title, languages, era_ids, where, report,
                     "era")
        if start is None or end is None or not era_title:
            if not era_title:
                report.error(where, "an era needs a title")
            continue
        draft.eras.append(DraftEra(era_id, era_title, start, end,
                                   _resolve(_texts(record, "short_title"), languages),
                                   record.get("color", "").strip()))
    pictures = Pictures(path.parent, report)
    event_ids: set[str] = set()
    for number, record in events_table.records():
        where = f"row {number}" if not events_table.name else f"[Events] row {number}"
        event = _event(record, where, languages, {e.id for e in draft.eras}, event_ids,
                       pictures, report)
        if event is not None:
            event.comments.append(f"From {path.name}, {where}.")
            draft.events.append(event)
    if len(draft.events) > L.MAX_EVENTS:
        raise ImportRefused(f"{path.name}: {len(draft.events):,} events; the kiosk shows at "
                            f"most {L.MAX_EVENTS:,}: split the sheet")
    width = max(2, len(str(len(draft.events))))
    for n, event in enumerate(draft.events, start=1):
        event.file = f"events/{n:0{width}d}-{event.id}.yaml"
    for _, record in (tables["Interface"].records() if "Interface" in tables
                      else iter(())):
        key = record.get("key", "").strip()
        for lang, word in record.items():
            if lang != "key" and word and key:
                draft.interface.setdefault(lang.strip(), {})[key] = word
    return draft


def _id(given: str, title: dict[str, str], languages: list[str], used: set[str], where: str,
        report: Report, kind: str) -> str:
    given = given.strip()
    if given and _SLUG.fullmatch(given) and len(given) <= L.MAX_ID_CHARS:
        if given in used:
            report.error(f"{where}, column id", f"the id {given!r} is used twice; ids are "
                         f"unique among {kind}s")
        used.add(given)
        return given
    made = unique(slug(given or title.get(languages[0], ""), f"{kind}-{len(used) + 1}"), used)
    if given:
        report.warning(f"{where}, column id", f"{given!r} is not an id (lowercase letters, "
                       f"digits and '-'): {made!r} is used")
    return made


def _event(record: dict[str, str], where: str, languages: list[str], eras: set[str],
           used: set[str], pictures: Pictures, report: Report) -> DraftEvent | None:
    title = _resolve(_texts(record, "title"), languages)
    event_id = _id(record.get("id", ""), title, languages, used, where, report, "event")
    start = _date(record.get("date", "").strip(), f"{where}, column date", report, True)
    end = _date(record.get("end", "").strip(), f"{where}, column end", report, False)
    if not title:
        report.error(f"{where}", "no title: every event needs one")
    if start is None or not title:
        return None
    event = DraftEvent(event_id, start, title, end=end,
                       display_date=_resolve(_texts(record, "display_date"), languages),
                       short_title=_resolve(_texts(record, "short_title"), languages),
                       body=_resolve(_texts(record, "body"), languages))
    era = record.get("era", "").strip()
    if era and era not in eras:
        report.error(f"{where}, column era", f"no era has the id {era!r} (the Eras sheet "
                     f"has: {', '.join(sorted(eras)) or 'none'})")
    event.era = era
    highlight = record.get("highlight", "").strip().lower()
    if highlight not in _TRUE | _FALSE:
        report.error(f"{where}, column highlight", f"{record['highlight']!r}: write yes, or "
                     "leave it empty")
    event.highlight = highlight in _TRUE
    numbers = sorted({int(m.group(1)) for column in record
                      if (m := _MEDIA.match(column.strip()))})
    for n in numbers:
        image = record.get(f"media{n}.image", "").strip()
        texts = {name: _resolve(_texts(record, f"media{n}.{name}"), languages)
                 for name in ("caption", "alt")}
        credits = _texts(record, f"media{n}.credit")
        # a credit without a language (column mediaN.credit) is a name, the same in every
        # language; with columns per language too, it is the default language's credit
        credit: str | dict[str, str] = credits["*"] if list(credits) == ["*"] \
            else _resolve(credits, languages)
        if not image:
            if any(texts.values()) or credit:
                report.error(f"{where}, column media{n}.image", "a caption or credit "
                             "without a picture")
            continue
        found = pictures.local(image, f"{where}, column media{n}.image")
        if found is None:
            continue
        media = DraftMedia(image=image.replace("\\", "/"), source=found.source,
                           caption=texts["caption"], alt=texts["alt"], credit=credit)
        event.media.append(media)
    return event
