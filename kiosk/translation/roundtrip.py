"""`kiosk translate export` and `kiosk translate import`: the exhibit's texts out to a
translator's file, and the translations back into the YAML.

An import is all or nothing per run: every check is made, every file's new text is made
and read back, before the first file is written; each file is then replaced in one step
(a temporary file renamed over it), and the folder is loaded again: if it has an error
the import caused, every file is put back as it was. A folder with errors is not
imported into at all. Units are matched by id, never by position, and each one's source
text is compared with the folder's: a text edited since the export is a conflict, not
overwritten with a translation of the old text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content import fields as F
from kiosk.content.loader import EXHIBIT_FILE, TRANSLATION_RECORD, load_folder
from kiosk.content.problems import Problem
from kiosk.content.rules import shown
from kiosk.core import i18n
from kiosk.core import limits as L
from kiosk.core.atomic import write_atomic
from kiosk.core.model import Exhibit
from kiosk.translation.files import (
    Format,
    Outgoing,
    TranslationFileError,
    check_writable_text,
    po_text,
    read_translation_file,
    xliff_text,
)
from kiosk.translation.record import (
    Record,
    RecordError,
    fingerprint,
    new_record,
    read_record,
    record_text,
)
from kiosk.translation.units import Unit, extract
from kiosk.translation.yamledit import Document, EditError

SUFFIX = {"xliff": "xlf", "po": "po"}
SHOWN = 10  # items of one kind listed in a report; the rest are counted


class TranslateError(Exception):
    """The command cannot do its work; nothing was changed. The message says why."""


# --- helpers ---------------------------------------------------------------------------------

def _loaded(folder: Path, doing: str) -> Exhibit:
    return _loaded_with_warnings(folder, doing)[0]


def _loaded_with_warnings(folder: Path, doing: str) -> tuple[Exhibit, list[Problem]]:
    result = load_folder(folder)
    if not result.readable:
        raise TranslateError(f"{folder}: {result.problems[0].message}")
    if result.exhibit is None:
        errors = result.errors
        shown = "\n".join(f"  {p.file}:{p.line}:{p.col}: {p.message}" for p in errors[:3])
        raise TranslateError(f"{folder} has {len(errors)} error{'s' * (len(errors) != 1)}; "
                             f"fix {'them' if len(errors) != 1 else 'it'} first (kiosk "
                             f"validate {folder}); nothing was {doing}:\n{shown}")
    return result.exhibit, result.warnings


def _check_language(lang: str, exhibit: Exhibit) -> None:
    if not re.fullmatch(F.LANGUAGE_PATTERN, lang):
        raise TranslateError(f"'{lang}' is not a language code; use codes such as fr, de or "
                             "es (ISO 639), as in exhibit.yaml's 'languages'")
    if lang == exhibit.default_language:
        raise TranslateError(f"'{lang}' is the exhibit's default language, the one "
                             "translations are made from; choose another language")


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


# --- export ----------------------------------------------------------------------------------

@dataclass
class ExportReport:
    path: Path
    lang: str
    units: list[Outgoing]
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        translated = sum(1 for u in self.units if u.unit.target is not None)
        changed = sum(1 for u in self.units if u.changed)
        return [f"wrote {self.path}: {_plural(len(self.units), 'text')} to translate into "
                f"{self.lang}: {translated:,} translated already ({changed:,} of them marked: "
                f"their source changed since), {len(self.units) - translated:,} not yet",
                *self.notes]


def export_translations(folder: Path, lang: str, fmt: Format, out: Path | None) -> ExportReport:
    exhibit = _loaded(folder, "exported")
    _check_language(lang, exhibit)
    notes = []
    try:
        record = read_record(folder)
    except RecordError as exc:
        raise TranslateError(str(exc)) from None
    made = record is None
    if record is None:
        record = new_record(exhibit.title.get(exhibit.default_language))
    units = extract(folder, exhibit, lang)
    outgoing = []
    unrecorded = 0
    for unit in units:
        made_from = record.made_from(lang, unit.id)
        if unit.target is not None and made_from is None:
            unrecorded += 1
        outgoing.append(Outgoing(unit, unit.target is not None and made_from is not None
                                 and made_from != fingerprint(unit.source)))
    bad = check_writable_text(outgoing)
    if bad:
        raise TranslateError("\n".join(bad))
    if unrecorded:
        notes.append(f"{_plural(unrecorded, 'translation')} into {lang} have no record of "
                     "the text they were made from (made before the record, or by hand): "
                     "taken as up to date; the import records them")
    if lang not in exhibit.languages:
        notes.append(f"'{lang}' is not among the exhibit's languages "
                     f"({', '.join(exhibit.languages)}) yet: `kiosk translate import` adds "
                     "it when it writes the translations")
    path = out or Path(f"{folder.resolve().name}-{lang}.{SUFFIX[fmt]}")
    make = xliff_text if fmt == "xliff" else po_text
    text = make(outgoing, record.exhibit, exhibit.title.get(exhibit.default_language),
                exhibit.default_language, lang)
    try:
        if path.is_dir():
            raise TranslateError(f"{path} is a folder: give a file name with --out, e.g. "
                                 f"{path / f'{lang}.{SUFFIX[fmt]}'}")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise TranslateError(f"cannot write {path} ({exc.strerror})") from None
    if made:
        try:
            write_atomic(folder / TRANSLATION_RECORD, record_text(record, []).encode("utf-8"))
        except OSError as exc:
            path.unlink(missing_ok=True)
            raise TranslateError(f"cannot write {TRANSLATION_RECORD} in {folder} "
                                 f"({exc.strerror}): it names the exhibit in translation "
                                 "files; make the folder writable") from None
        notes.insert(0, f"made {TRANSLATION_RECORD} in {folder}: it names this exhibit "
                     f"('{record.exhibit}') in translation files, and records what each "
                     "translation was made from; keep it with the folder")
    return ExportReport(path, lang, outgoing, notes)


# --- import ----------------------------------------------------------------------------------

@dataclass
class Item:
    """One unit of the file, and what became of it."""

    line: int
    unit_id: str
    message: str = ""


@dataclass
class ImportReport:
    file: Path
    folder: Path
    lang: str
    dry_run: bool = False
    written: list[Item] = field(default_factory=list)
    unchanged: int = 0
    untranslated: list[Item] = field(default_factory=list)
    unconfirmed: list[Item] = field(default_factory=list)
    conflicts: list[Item] = field(default_factory=list)
    gone: list[Item] = field(default_factory=list)
    refused: list[Item] = field(default_factory=list)
    notices: list[Item] = field(default_factory=list)  # written, with something to check
    not_in_file: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said first: what the import did
    closing: list[str] = field(default_factory=list)  # said last: the record, the check

    @property
    def trouble(self) -> bool:
        """Translations that could not be written (exit status 1)."""
        return bool(self.conflicts or self.gone or self.refused)

    def _listed(self, title: str, items: list[Item]) -> list[str]:
        if not items:
            return []
        lines = [f"{title}: {len(items):,}"]
        for item in items[:SHOWN]:
            lines.append(f"  {self.file}:{item.line}: {item.unit_id}"
                         + (f": {item.message}" if item.message else ""))
        if len(items) > SHOWN:
            lines.append(f"  ... and {len(items) - SHOWN:,} more")
        return lines

    def lines(self) -> list[str]:
        verb = "would write" if self.dry_run else "wrote"
        where = f" in {', '.join(self.files)}" if 0 < len(self.files) <= 3 else \
            f" in {len(self.files)} files ({', '.join(self.files[:2])}, ...)" if self.files else ""
        lines = [f"{self.lang}: {verb} {_plural(len(self.written), 'translation')}{where}; "
                 f"{self.unchanged:,} unchanged"]
        lines += self.notes
        lines += self._listed("written, to check", self.notices)
        lines += self._listed("left untranslated (empty in the file)", self.untranslated)
        lines += self._listed("not written: still marked for review in the file (fuzzy, or "
                              "needs-review)", self.unconfirmed)
        lines += self._listed("not written: the source text was changed in the folder after "
                              "the export (export again, and translate the new text)",
                              self.conflicts)
        lines += self._listed("not written: no longer in the exhibit", self.gone)
        lines += self._listed("not written: refused", self.refused)
        if self.not_in_file:
            shown = ", ".join(self.not_in_file[:5]) + (", ..." if len(self.not_in_file) > 5
                                                      else "")
            lines.append(f"not in the file: {_plural(len(self.not_in_file), 'text')} of the "
                         f"exhibit, added since the export ({shown}); export again for them")
        return lines + self.closing


def _markup(text: str) -> dict[str, int]:
    """What of a body's Markdown a translation should keep, counted."""
    lines = text.split("\n")
    return {
        "paragraphs": len([p for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]),
        "list items": sum(1 for line in lines if re.match(r"\s*([-*+]|\d+[.)])\s", line)),
        "quotation lines": sum(1 for line in lines if re.match(r"\s*>", line)),
        "bold": text.count("**") // 2,
    }


def _check(unit: Unit, text: str) -> tuple[str | None, str | None]:
    """Why a translation cannot be written (it would break the folder), and what about
    it an editor should look at."""
    if unit.max_length is not None and len(text) > unit.max_length:
        return (f"{len(text):,} characters; a {unit.field} may have at most "
                f"{unit.max_length:,}: shorten it", None)
    if unit.kind == "word":
        if "\n" in text:
            return "a word of the kiosk's must be one line", None
        wanted = i18n.placeholders(i18n.interface_keys()[unit.field]) or set()
        if i18n.placeholders(text) != wanted:
            numbers = " and ".join(f"{{{n}}}" for n in sorted(wanted))
            return (f"must have {numbers} where the kiosk puts the number, and no other "
                    "braces" if wanted else "must have no { or }"), None
    if unit.kind == "markdown":
        source, target = _markup(unit.source), _markup(text)
        differ = [f"{name}: {source[name]} in the source, {target[name]} here"
                  for name in source if source[name] != target[name]]
        if differ:
            return None, ("its Markdown differs from the source's (" + "; ".join(differ)
                          + "); written as it is: check it on the kiosk")
    return None, None


def import_translations(file: Path, folder: Path, dry_run: bool = False,
                        force: bool = False) -> ImportReport:
    try:
        incoming = read_translation_file(file)
    except TranslationFileError as exc:
        raise TranslateError(f"{exc}; nothing was written") from None
    exhibit, warnings = _loaded_with_warnings(folder, "written")
    try:
        record = read_record(folder)
    except RecordError as exc:
        raise TranslateError(str(exc)) from None
    if not force and (record is None or record.exhibit != incoming.exhibit):
        mine = f"exhibit '{record.exhibit}'" if record else f"no {TRANSLATION_RECORD}"
        raise TranslateError(
            f"{file}: the file was exported from the exhibit '{incoming.exhibit}', but "
            f"{folder} is {mine}: give the folder it came from (--folder), or, if this is "
            "a copy of it, add --force (each text is still checked against its source); "
            "nothing was written")
    default = exhibit.default_language
    if incoming.source_language != default:
        raise TranslateError(f"{file}: the file translates from '{incoming.source_language}'"
                             f", but the exhibit's default language is '{default}'; export "
                             "again; nothing was written")
    lang = incoming.target_language
    try:
        _check_language(lang, exhibit)
    except TranslateError as exc:
        raise TranslateError(f"{file}: {exc}; nothing was written") from None
    record = record or Record(incoming.exhibit)
    report = ImportReport(file, folder, lang, dry_run)
    units = {unit.id: unit for unit in extract(folder, exhibit, lang)}
    changes: list[tuple[Unit, str]] = []
    confirmed: set[str] = set()
    for entry in incoming.entries:
        unit = units.get(entry.id)
        if unit is None:
            report.gone.append(Item(entry.line, entry.id, "an editor removed or renamed "
                                    "it since the export"))
            continue
        if entry.target is None:
            report.untranslated.append(Item(entry.line, entry.id))
            continue
        if entry.source != unit.source:
            report.conflicts.append(Item(entry.line, entry.id, f"the {default} text is now "
                                         f"{shown(unit.source)} ({unit.file}:{unit.line})"))
            continue
        if entry.target == unit.target:
            report.unchanged += 1
            if entry.confirmed:
                confirmed.add(unit.id)
            continue
        if unit.shared and entry.target == unit.source:
            report.unchanged += 1  # "copy source" on a text shared by every language
            continue
        if not entry.confirmed:
            report.unconfirmed.append(Item(entry.line, entry.id))
            continue
        refused, notice = _check(unit, entry.target)
        if refused:
            report.refused.append(Item(entry.line, entry.id, refused))
            continue
        if notice:
            report.notices.append(Item(entry.line, entry.id, notice))
        changes.append((unit, entry.target))
        confirmed.add(unit.id)
        report.written.append(Item(entry.line, entry.id))
    rank = {unit_id: index for index, unit_id in enumerate(units)}
    changes.sort(key=lambda change: rank[change[0].id])  # the exhibit's order, not the file's
    in_file = {entry.id for entry in incoming.entries}
    report.not_in_file = [unit_id for unit_id in units if unit_id not in in_file]

    writes = _plan(folder, exhibit, lang, changes, report)
    sources = record.sources.setdefault(lang, {})
    before_record = dict(sources)
    for unit_id in confirmed:
        sources[unit_id] = fingerprint(units[unit_id].source)
    for unit_id in [u for u in sources if u not in units]:
        del sources[unit_id]
    record_path = folder / TRANSLATION_RECORD
    old_record = record_path.read_bytes() if record_path.exists() else None
    new_record_bytes = record_text(record, list(units)).encode("utf-8")
    if sources != before_record or old_record is None:
        writes.append((record_path, new_record_bytes, old_record))
        recorded = len([u for u in sources if before_record.get(u) != sources[u]])
        if recorded:
            report.closing.append(f"recorded in {TRANSLATION_RECORD} which {default} text "
                                  f"each of {_plural(recorded, 'translation')} was made from")
    if dry_run:
        report.closing.append("nothing was written (--dry-run)")
        return report
    _write(writes)
    _recheck(folder, writes, report, warnings)
    return report


def _plan(folder: Path, exhibit: Exhibit, lang: str, changes: list[tuple[Unit, str]],
          report: ImportReport) -> list[tuple[Path, bytes, bytes | None]]:
    """The new bytes of every file the translations change, checked (see yamledit)."""
    default = exhibit.default_language
    documents: dict[str, Document] = {}

    def document(name: str) -> Document:
        if name not in documents:
            documents[name] = Document(name, (folder / name).read_bytes())
        return documents[name]

    try:
        words = {unit.field: text for unit, text in changes if unit.kind == "word"}
        if changes and lang not in exhibit.languages:
            if len(exhibit.languages) >= L.MAX_LANGUAGES:
                raise TranslateError(f"{report.file}: the exhibit has {L.MAX_LANGUAGES} "
                                     "languages already, the most the kiosk offers; nothing "
                                     "was written")
            document(EXHIBIT_FILE).add_language(lang, exhibit.languages)
            report.notes.append(f"added '{lang}' to the languages in {EXHIBIT_FILE}: the "
                                f"kiosk now offers {', '.join([*exhibit.languages, lang])}")
        for unit, text in changes:
            if unit.kind == "word":
                continue
            done = document(unit.file).set_text(unit.path, lang, default, text)
            if done == "made a mapping":
                others = [code for code in exhibit.languages if code not in (default, lang)]
                report.notices.append(Item(0, unit.id, (
                    f"was one text for every language; now one per language ({default}, "
                    f"{lang})" + (f": {', '.join(others)} shows the {default} text, as "
                                  "before, and validate counts it as not translated"
                                  if others else ""))))
        if words:
            document(EXHIBIT_FILE).set_words(lang, words)
        results = [(folder / name, doc.result(), doc.raw) for name, doc in documents.items()]
    except EditError as exc:
        raise TranslateError(str(exc)) from None
    writes: list[tuple[Path, bytes, bytes | None]] = [
        (path, new, old) for path, new, old in results if new != old]
    report.files = [path.relative_to(folder).as_posix() for path, _, _ in writes]
    return writes


def _write(writes: list[tuple[Path, bytes, bytes | None]]) -> None:
    """Replace each file, unless it changed since it was read (an editor saved it while
    the import ran): then every file written so far is put back."""
    done: list[tuple[Path, bytes, bytes | None]] = []
    try:
        for path, new, old in writes:
            if (path.read_bytes() if path.exists() else None) != old:
                _restore(done)
                raise TranslateError(f"{path} was changed while the import ran (saved by an "
                                     "editor?); every file was put back as it was: import "
                                     "again")
            write_atomic(path, new)
            done.append((path, new, old))
    except OSError as exc:
        _restore(done)
        raise TranslateError(f"cannot write {exc.filename or path} ({exc.strerror}); every "
                             "file was put back as it was") from None


def _restore(done: list[tuple[Path, bytes, bytes | None]]) -> None:
    for path, _, old in reversed(done):
        if old is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, old)


def _recheck(folder: Path, writes: list[tuple[Path, bytes, bytes | None]],
             report: ImportReport, before: list[Problem]) -> None:
    """Load the folder again; put every file back if the translations made an error, and
    tell the warnings they brought (told by message: their lines may have moved)."""
    result = load_folder(folder)
    if result.errors:
        shown = "\n".join(f"  {p.file}:{p.line}:{p.col}: {p.message}"
                          for p in result.errors[:SHOWN])
        _restore(writes)
        raise TranslateError(f"the translations would give the folder "
                             f"{_plural(len(result.errors), 'error')}, so every file was "
                             f"put back as it was:\n{shown}")
    known = {(p.file, p.message) for p in before}
    new = [p for p in result.warnings if (p.file, p.message) not in known]
    report.closing.append(f"{folder}: 0 errors, {_plural(len(result.warnings), 'warning')}"
                          + (f", {len(new):,} of them new:" if new else
                             " (kiosk validate lists them)"))
    report.closing += [f"  {p.file}:{p.line}:{p.col}: {p.message}" for p in new[:SHOWN]]
    if len(new) > SHOWN:
        report.closing.append(f"  ... and {len(new) - SHOWN:,} more (kiosk validate lists "
                              "them)")
