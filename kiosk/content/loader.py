"""Read a whole content folder: every file, every rule, every problem, in one pass."""

from __future__ import annotations

import os
import posixpath
import re
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content import fields as F
from kiosk.content.files import FileProblem, inside, name_problem, read_limited, real_root
from kiosk.content.problems import Problem
from kiosk.core import i18n
from kiosk.core import limits as L
from kiosk.core.model import EMPTY, Era, Event, Exhibit

if TYPE_CHECKING:
    from kiosk.content.images import check_ahead
    from kiosk.content.reader import (
        INT_TAG,
        Node,
        Pos,
        Scalar,
        YamlMapping,
        YamlSequence,
        read_yaml,
    )
    from kiosk.content.rules import Checker, Folder, describe, did_you_mean, shown

EXHIBIT_FILE = "exhibit.yaml"
EVENTS_DIR = "events"
EVENT_SUFFIXES = (".yaml", ".yml")  # exactly so: the kiosk reads names as they are written
SCHEMA_SUFFIX = ".schema.json"  # `kiosk schema` output for editors, not content
# What each translation was made from (kiosk.translation.record writes and reads it): part
# of the folder, not content, so never "unused".
TRANSLATION_RECORD = "translation-record.yaml"


@dataclass(frozen=True)
class LoadResult:
    exhibit: Exhibit | None  # None when there is at least one error
    problems: list[Problem]
    readable: bool = True  # False when the folder itself cannot be read

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


_here = threading.local()


def rest_between_files(seconds: float) -> None:
    """A load on this thread rests this long after each event file: a check behind the
    screen leaves Python's lock to the UI thread, which needs it for every binding QML
    reads from Python (a load that never rests held a busy screen for seconds)."""
    _here.rest = seconds


def _reading_and_rules() -> None:
    """Import what reading a folder needs (YAML, Pillow, the rules: about a tenth of a
    second) at the first load, not with this module: a kiosk that starts on its last good
    copy of an unchanged folder shows its first frame without them, and LoadResult is
    needed there."""
    global INT_TAG, Node, Pos, Scalar, YamlMapping, YamlSequence, read_yaml
    global Checker, Folder, describe, did_you_mean, shown, check_ahead
    from kiosk.content.images import check_ahead
    from kiosk.content.reader import (
        INT_TAG,
        Node,
        Pos,
        Scalar,
        YamlMapping,
        YamlSequence,
        read_yaml,
    )
    from kiosk.content.rules import Checker, Folder, describe, did_you_mean, shown


def load_folder(root: Path) -> LoadResult:
    """Validate a content folder and build its Exhibit when it has no error."""
    _reading_and_rules()
    root = Path(root)
    try:
        reason = None if root.is_dir() else "does not exist" if not root.exists() \
            else "is not a folder"
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        reason = f"cannot be read ({exc.strerror if isinstance(exc, OSError) else exc})"
    if reason:
        return LoadResult(None, [Problem(str(root), 0, 0, "error", f"content folder {reason}")],
                          readable=False)
    if not os.path.lexists(root / EXHIBIT_FILE):
        return LoadResult(None, [Problem(EXHIBIT_FILE, 0, 0, "error",
                                         "no exhibit.yaml in the content folder"
                                         f"{_misnamed_exhibit(root)}")])
    try:
        data = read_limited(real_root(root), root / EXHIBIT_FILE, L.MAX_YAML_BYTES)
    except FileProblem as exc:
        return LoadResult(None, [Problem(EXHIBIT_FILE, 0, 0, "error",
                                         f"exhibit.yaml {exc}")])
    folder = Folder(root, bytes_read=len(data))
    node, problems = read_yaml(data, EXHIBIT_FILE)
    folder.problems += problems
    if node is None and not problems:
        folder.problems.append(Problem(EXHIBIT_FILE, 0, 0, "error", "exhibit.yaml is empty"))
    exhibit = _read_exhibit(node, folder) if node is not None else None
    folder.tell_missing()
    files = {file: index for index, file in
             enumerate(dict.fromkeys(p.file for p in folder.problems))}
    folder.problems.sort(key=lambda p: (files[p.file], p.line, p.col))
    return LoadResult(exhibit if folder.error_count() == 0 else None, folder.problems)


def _read_exhibit(node: Node, folder: Folder) -> Exhibit | None:
    check = Checker(EXHIBIT_FILE, folder)
    found = check.fields_of(node, F.EXHIBIT, "format, title, events, ...", "exhibit")
    if found is None:
        return None
    if "languages" in found:
        folder.languages = _languages(found["languages"][1], check)
    if "format" in found:
        _check_format(found["format"][1], check)
    interface = _interface(found["interface"][1] if "interface" in found else None, check,
                           found["languages"][1] if "languages" in found else None)
    spec = {f.name: f for f in F.EXHIBIT}
    title = check.text(found["title"][1], "exhibit", "title", True) if "title" in found else None
    if title is not None:
        check.exhibit_title_fits(found["title"][1], title)
    subtitle = check.text(found["subtitle"][1], "exhibit", "subtitle", False) \
        if "subtitle" in found else None
    if subtitle is not None:
        check.subtitle_fits(found["subtitle"][1], subtitle)
    idle = check.seconds(found["idle_timeout"][1], "exhibit", spec["idle_timeout"]) \
        if "idle_timeout" in found else None
    attract = check.seconds(found["attract_interval"][1], "exhibit", spec["attract_interval"]) \
        if "attract_interval" in found else None

    eras: list[Era] = []
    if "eras" in found:
        for index, era_node in enumerate(check.items(found["eras"][1], "exhibit", "eras")):
            era = check.era(era_node, index)
            if era is not None:
                eras.append(era)

    # Every event file is read first (each once), so that the pictures they name are
    # checked on worker threads while the rules go through the texts
    # (see _check_pictures_ahead); each is parsed and checked in turn, as it always was.
    event_files = _event_files(folder)
    read: list[_Read] = []
    for path in event_files:
        read.append(_read_event_file(path, folder))
        if folder.bytes_read > L.MAX_TOTAL_YAML_BYTES:
            break
    inline = found["events"][1] if "events" in found else None
    ahead = _check_pictures_ahead(folder, inline, [one.data for one in read])

    pending: list[Event] = []
    if inline is not None:
        for index, event_node in enumerate(check.items(inline, "exhibit", "events")):
            event = check.event(event_node, f"event {index + 1}")
            if event is not None:
                pending.append(event)
    rest = getattr(_here, "rest", 0.0)
    for one in read:
        pending += _event_of(one, folder)
        if rest:
            time.sleep(rest)
    for waiting in ahead:  # every picture has its answer: what has not started is not needed
        waiting.cancel()
    if folder.bytes_read > L.MAX_TOTAL_YAML_BYTES:
        check.error(Pos(1, 1), f"the content files hold more than "
                    f"{L.MAX_TOTAL_YAML_BYTES // (1024 * 1024)} MB together, more than the "
                    "kiosk reads at start-up: shorten the texts or split the exhibit")

    if not pending and folder.error_count() == 0:
        check.error(Pos(1, 1), "the exhibit has no events; add some under 'events:' or as "
                    "files in events/")
    _check_size(pending, eras, check)
    _check_story(pending, folder)
    if folder.error_count() == 0:  # a file may only look unused because of an error
        _warn_unused_files(folder, event_files)
    if folder.error_count() or title is None:
        return None
    order = {id(event): index for index, event in enumerate(pending)}
    pending.sort(key=lambda event: (event.date.sort_key, (event.end or event.date).sort_key,
                                    order[id(event)]))
    return Exhibit(
        folder=folder.root,
        title=title,
        subtitle=subtitle or EMPTY,
        languages=folder.languages,
        idle_timeout=idle or F.DEFAULT_IDLE_TIMEOUT,
        attract_interval=attract or F.DEFAULT_ATTRACT_INTERVAL,
        eras=tuple(eras),
        events=tuple(pending),
        interface=interface,
    )


def _check_size(events: list[Event], eras: list[Era], check: Checker) -> None:
    """How much the kiosk lays out at start-up: the number of events, the timeline's span."""
    if len(events) > L.MAX_EVENTS:
        check.error(Pos(1, 1), f"the exhibit has {len(events):,} events; the kiosk shows at "
                    f"most {L.MAX_EVENTS:,}: split it into several exhibits")
    dated = [(e.date, f"event '{e.id}'") for e in events]
    dated += [(e.end, f"event '{e.id}'") for e in events if e.end]
    dated += [(era.start, f"era '{era.id}'") for era in eras]
    dated += [(era.end, f"era '{era.id}'") for era in eras]
    if not dated:
        return
    first = min(dated, key=lambda d: d[0].sort_key)
    last = max(dated, key=lambda d: d[0].sort_key)
    span = last[0].year - first[0].year
    if span > L.MAX_SPAN_YEARS:
        check.error(Pos(1, 1), f"the timeline would span {span:,} years, from {first[0].year} "
                    f"({first[1]}) to {last[0].year} ({last[1]}); it can span at most "
                    f"{L.MAX_SPAN_YEARS:,} years: check those dates")


STRETCH_YEARS = 50  # an event this far, and 3 times the others' span, from its neighbour
STRETCH_TIMES = 3


def _check_story(events: list[Event], folder: Folder) -> None:
    """Mistakes a visitor sees on the timeline: one event copied under another id (shown
    twice), and a date far from all the others (a typo, 2891 for 1981), which stretches the
    timeline so that the other events crowd together at one end."""
    def warn(event: Event, message: str) -> None:
        file, pos = folder.ids.get(("event", event.id), (EXHIBIT_FILE, Pos(1, 1)))
        Checker(file, folder).report(pos, "warning", f"event '{event.id}': {message}")

    seen: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = (event.date.sort_key, event.end.sort_key if event.end else None,
               " ".join(event.title.get(event.title.default).split()).casefold())
        first = seen.setdefault(key, event)
        if first is not event:
            file, pos = folder.ids.get(("event", first.id), (EXHIBIT_FILE, Pos(1, 1)))
            warn(event, f"has the date and title of event '{first.id}' ({file} line "
                 f"{pos.line}), so visitors see the event twice on the timeline: delete one "
                 "of them, or tell them apart")
    ordered = sorted(events, key=lambda e: e.date.as_fraction())
    if len(ordered) < 4:
        return
    for lone, near, far, word in ((ordered[-1], ordered[-2], ordered[0], "after"),
                                  (ordered[0], ordered[1], ordered[-1], "before")):
        gap = abs(lone.date.as_fraction() - near.date.as_fraction())
        rest = abs(near.date.as_fraction() - far.date.as_fraction())
        if gap > STRETCH_YEARS and gap > STRETCH_TIMES * rest:
            warn(lone, f"is dated {lone.date.year}, {round(gap):,} years {word} every other "
                 f"event (the {'latest' if word == 'after' else 'earliest'} is '{near.id}', "
                 f"{near.date.year}), so the timeline stretches to show it and the other events "
                 "crowd together: check the year (a typo such as 2891 for 1981 does this)")


def _languages(node: Node, check: Checker) -> tuple[str, ...]:
    errors_before = check.folder.error_count()
    items = check.items(node, "exhibit", "languages")
    codes: list[str] = []
    for item in items:
        value = check.scalar(item, "exhibit", "languages", "a language code")
        if value is None:
            continue
        if not re.fullmatch(F.LANGUAGE_PATTERN, value.text):
            check.error(item.pos, f"exhibit: {shown(value.text)} is not a language code; use codes "
                        "such as en, zh or fr")
        elif len(codes) == L.MAX_LANGUAGES:
            check.error(item.pos, f"exhibit: at most {L.MAX_LANGUAGES} languages")
            break
        elif value.text in codes:
            check.error(item.pos, f"exhibit: language '{value.text}' is listed twice")
        else:
            codes.append(value.text)
    if not codes and check.folder.error_count() == errors_before:
        check.error(node.pos, "exhibit: 'languages' lists no language")
    return tuple(codes) or F.DEFAULT_LANGUAGES


def _interface(node: Node | None, check: Checker, languages: Node | None,
               ) -> tuple[tuple[str, tuple[tuple[str, _Word], ...]], ...]:
    """exhibit.yaml's `interface`: the kiosk's own words in languages it has none for (or
    reworded), each checked: a known key, a text, the same {numbers} as the English."""
    keys = i18n.interface_keys()
    langs = check.folder.languages
    given: dict[str, dict[str, _Word]] = {}
    if node is not None and not isinstance(node, YamlMapping):
        check.error(node.pos, "exhibit: 'interface' must be a mapping of languages, each a "
                    f"mapping of words (e.g. interface: {{fr: {{touch: ...}}}}), not "
                    f"{describe(node)}")
    elif node is not None:
        for lang_key, words in node.items:
            if lang_key.text not in langs:
                check.error(lang_key.pos, f"exhibit: 'interface' has language "
                            f"'{lang_key.text}', which the exhibit does not declare "
                            f"(languages: {', '.join(langs)})")
                continue
            if not isinstance(words, YamlMapping):
                check.error(words.pos, f"exhibit: 'interface.{lang_key.text}' must be a "
                            f"mapping of words (touch: ..., start: ...), not {describe(words)}")
                continue
            given[lang_key.text] = _interface_words(words, lang_key.text, check, keys)
    at: dict[str, Pos] = {}  # where to tell about a language: its interface key, or its code
    if isinstance(languages, YamlSequence):
        at |= {item.text: item.pos for item in languages.items if isinstance(item, Scalar)}
    if isinstance(node, YamlMapping):
        at |= {key.text: key.pos for key, _ in node.items}
    for lang in langs:
        if not i18n.has_cldr(lang):
            check.report(at.get(lang, Pos(1, 1)), "warning", f"exhibit: this kiosk has no "
                         f"CLDR data for the language '{lang}': its dates, digits and plural "
                         "forms are English's (check the code: e.g. 'fr', 'zh-Hant', 'ar-EG')")
        if lang in i18n.known_languages():
            continue
        missing = [key for key in keys if key != i18n.LANGUAGE_NAME_KEY
                   and key not in given.get(lang, {})]
        if missing:
            shown_keys = ", ".join(missing[:6]) + (", ..." if len(missing) > 6 else "")
            check.report(at.get(lang, Pos(1, 1)), "warning", "exhibit: the kiosk has no "
                         f"words of its own in '{lang}', and {len(missing)} interface words "
                         "are missing "
                         f"({shown_keys}); a visitor reading '{lang}' sees them in English: "
                         f"add them under 'interface:', '{lang}:' (see the list in "
                         "docs/content-format.md)")
    return tuple((lang, tuple(words.items())) for lang, words in given.items())


# A word as the model holds it: one text, or its plural forms as (category, text) pairs
_Word = str | tuple[tuple[str, str], ...]


def _interface_words(node: YamlMapping, lang: str, check: Checker,
                     keys: dict[str, str]) -> dict[str, _Word]:
    words: dict[str, _Word] = {}
    for key, value_node in node.items:
        label = f"interface.{lang}.{key.text}"
        if key.text not in keys:
            check.error(key.pos, f"exhibit: 'interface.{lang}' has an unknown word "
                        f"'{key.text}'{did_you_mean(key.text, tuple(keys))}")
            continue
        english = keys[key.text]
        if isinstance(value_node, YamlMapping) and i18n.counts(key.text):
            forms = _plural_forms(value_node, lang, check, label, english)
            if forms:
                words[key.text] = tuple(forms.items())
            continue
        value = check.scalar(value_node, "exhibit", label, "a text, or its plural forms "
                             "(one: ..., other: ...)" if i18n.counts(key.text) else "a text")
        text = _word_text(value, lang, check, label, english) if value is not None else None
        if text is not None:
            words[key.text] = text
    return words


def _plural_forms(node: YamlMapping, lang: str, check: Checker, label: str,
                  english: str) -> dict[str, str] | None:
    """A word's forms by CLDR plural category: each a word of its own; `other` required;
    a category the language never uses, or one it uses and the word lacks, is told."""
    used = i18n.plural_categories(lang)
    forms: dict[str, str] = {}
    given: set[str] = set()
    for category_node, text_node in node.items:
        category = category_node.text
        if category not in i18n.PLURAL_CATEGORIES:
            check.error(category_node.pos, f"exhibit: '{label}' has a form '{category}'; plural "
                        f"forms are CLDR's: {', '.join(i18n.PLURAL_CATEGORIES)}"
                        f"{did_you_mean(category, i18n.PLURAL_CATEGORIES)}")
            continue
        given.add(category)
        if category not in used and category != "other":  # `other`: the fallback, always
            check.report(category_node.pos, "warning", f"exhibit: '{label}.{category}' is "
                         f"never shown: '{lang}' has no '{category}' form (its forms, by "
                         f"CLDR: {', '.join(used)}); delete it")
        value = check.scalar(text_node, "exhibit", f"{label}.{category}", "a text")
        text = _word_text(value, lang, check, f"{label}.{category}", english,
                          i18n.single_number(category, lang)) if value is not None else None
        if text is not None:
            forms[category] = text
    if "other" not in given:
        check.error(node.pos, f"exhibit: '{label}' has no 'other' form: give one, for the "
                    "counts the other forms do not take (e.g. other: ... {n} ...)")
        return None
    missing = [category for category in used if category not in given]
    if missing:
        check.report(node.pos, "warning", f"exhibit: '{label}' has no "
                     f"{', '.join(repr(c) for c in missing)} form: '{lang}' uses "
                     f"{'it' if len(missing) == 1 else 'them'} (CLDR), and the 'other' form "
                     "is shown instead")
    return forms if "other" in forms else None


def _word_text(value: Scalar, lang: str, check: Checker, label: str, english: str,
               may_spell_n: bool = False) -> str | None:
    """One interface text, checked; None (and an error) when a visitor could not read it.
    With `may_spell_n` (a plural form for one count only), {n} may be written in words."""
    if not value.text.strip():
        check.error(value.pos, f"exhibit: '{label}' is empty; a visitor would see a "
                    "blank button: write the word, or delete the line (English shows)")
        return None
    if len(value.text) > L.SHORT_TEXT_CHARS:
        check.error(value.pos, f"exhibit: '{label}' has {len(value.text):,} characters; "
                    f"it may have at most {L.SHORT_TEXT_CHARS:,}: shorten it")
        return None
    wanted = i18n.placeholders(english) or set()
    found = i18n.placeholders(value.text)
    if found != wanted and not (may_spell_n and found == wanted - {"n"}):
        numbers = " and ".join(f"{{{name}}}" for name in sorted(wanted))
        check.error(value.pos, f"exhibit: '{label}' must have "
                    + (f"{numbers}, where the kiosk puts the number, as in the English "
                       f"{english!r}," if wanted else "no { or },")
                    + " and no other braces")
        return None
    check.characters(value, "exhibit", label, lang, translated=True)
    return value.text


def _check_format(node: Node, check: Checker) -> None:
    if not (isinstance(node, Scalar) and node.tag == INT_TAG and not node.quoted):
        check.error(node.pos, f"exhibit: 'format' must be the number 1, not {describe(node)}")
        return
    # ASCII digits only ('²'.isdigit() is true), and few of them: int() refuses 4,300 digits
    digits = node.text.replace("_", "").lstrip("+")
    number = int(digits) if re.fullmatch(r"[0-9]{1,9}", digits) else None
    if number is None and re.fullmatch(r"[0-9]+", digits):
        check.error(node.pos, f"exhibit: 'format' must be 1, not a number of {len(digits):,} "
                    "digits")
    elif number is not None and number > 1:
        check.error(node.pos, f"exhibit: this content is format {number}, which needs a "
                    "newer kiosk (this one reads format 1)")
    elif number != 1:
        check.error(node.pos, f"exhibit: 'format' must be 1, not {shown(node.text)}")


def _event_files(folder: Folder) -> list[Path]:
    """The YAML files in events/ (special files among them, to be reported as such)."""
    events = folder.root / EVENTS_DIR
    if not os.path.lexists(events):
        return []
    try:
        inside(folder.real, events)
        if not events.is_dir():
            return []
        entries = sorted(events.iterdir(), key=lambda p: p.name)
    except (FileProblem, OSError) as exc:
        reason = exc if isinstance(exc, FileProblem) else f"cannot be read ({exc.strerror})"
        folder.problems.append(Problem(EVENTS_DIR, 0, 0, "error", f"{EVENTS_DIR}/ {reason}"))
        return []
    files = [p for p in entries if not p.name.startswith(".") and not p.is_dir()]
    for path in files:
        if path.suffix not in EVENT_SUFFIXES and _misnamed_yaml(path.name):
            folder.problems.append(Problem(
                f"{EVENTS_DIR}/{path.name}", 0, 0, "warning",
                f"this event is not loaded: only files ending in .yaml or .yml are read; "
                f"rename it to {_misnamed_yaml(path.name)}"))
            folder.used.add(Path(os.path.join(folder.real, EVENTS_DIR, path.name)))  # told
    return [p for p in files if p.suffix in EVENT_SUFFIXES]


def _misnamed_yaml(name: str) -> str | None:
    """The name a YAML file was meant to have: `a.YAML`, `a.Yml`, and `a.yaml.txt` (a
    Windows editor adds .txt to a name whose extension it hides) become `a.yaml`."""
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix.lower() == "txt" and "." in stem:
        stem, _, suffix = stem.rpartition(".")
    if stem and suffix.lower() in ("yaml", "yml"):
        return f"{stem}.yaml"
    return None


def _misnamed_exhibit(root: Path) -> str:
    """'; rename exhibit.yml to exhibit.yaml' when a file of a near name is there."""
    try:
        names = sorted(os.listdir(root))
    except (OSError, ValueError):
        return ""
    near = [name for name in names if _misnamed_yaml(name.lower()) == EXHIBIT_FILE
            or name.lower() == EXHIBIT_FILE]
    return f"; rename {near[0]} to {EXHIBIT_FILE}" if near else ""


@dataclass(frozen=True)
class _Read:
    """An event file's bytes, or why it cannot be read (told when it is checked)."""

    file: str
    name: str
    data: bytes | None
    problem: Problem | None = None


def _read_event_file(path: Path, folder: Folder) -> _Read:
    file = f"{EVENTS_DIR}/{path.name}"
    try:
        data = read_limited(folder.real, path, L.MAX_YAML_BYTES)
    except FileProblem as exc:
        return _Read(file, path.name, None, Problem(file, 0, 0, "error", f"the file {exc}"))
    folder.bytes_read += len(data)
    return _Read(file, path.name, data)


def _event_of(read: _Read, folder: Folder) -> list[Event]:
    if read.data is None:
        folder.problems += [read.problem] if read.problem else []
        return []
    node, problems = read_yaml(read.data, read.file)
    folder.problems += problems
    if node is None:
        if not problems:
            folder.problems.append(Problem(read.file, 0, 0, "error",
                                           "the file is empty; it should hold one event"))
        return []
    event = Checker(read.file, folder).event(node, f"event in {read.name}")
    return [event] if event is not None else []


# `image: media/a.jpg` on a line of its own, as editors write it (quoted or not, after a
# list's dash or not): only to start checks early; the rules read the YAML properly
_IMAGE_LINE = re.compile(
    rb"""^[ \t-]*image:[ \t]*["']?([^"'#\r\n]+?)["']?[ \t]*(?:#[^\r\n]*)?\r?$""", re.MULTILINE)


def _check_pictures_ahead(folder: Folder, inline: Node | None,
                          files: list[bytes | None]) -> list[Future[None]]:
    """Start the checks of the pictures the events name (exhibit.yaml's list, and the
    event files' `image:` lines) on worker threads. Only paths that name a file inside the
    folder; what is wrong with any of them is told by the rules, in order."""
    sources: set[str] = set()
    for event in inline.items if isinstance(inline, YamlSequence) else ():
        media = event.get("media") if isinstance(event, YamlMapping) else None
        for item in media.items if isinstance(media, YamlSequence) else ():
            image = item.get("image") if isinstance(item, YamlMapping) else None
            if isinstance(image, Scalar) and image.text:
                sources.add(image.text)
    for data in files:
        for found in _IMAGE_LINE.finditer(data or b""):
            sources.add(found.group(1).decode("utf-8", "replace"))
    paths: dict[Path, None] = {}
    for source in sorted(sources):
        if "\\" in source or name_problem(source) or os.path.isabs(source) \
                or posixpath.normpath(source).startswith(".."):
            continue
        try:
            paths[inside(folder.real, folder.root / source)] = None
        except FileProblem:
            continue
    return check_ahead(folder.real, paths) if paths else []


def _warn_unused_files(folder: Folder, event_files: list[Path]) -> None:
    root = str(folder.real)
    used = {os.path.join(root, EXHIBIT_FILE), os.path.join(root, TRANSLATION_RECORD)}
    used |= {os.path.join(root, EVENTS_DIR, p.name) for p in event_files}
    used |= {str(p) for p in folder.used}
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(directory, name)
            if name.startswith(".") or name.endswith(SCHEMA_SUFFIX) or path in used:
                continue
            if os.path.islink(path) and str(_real(Path(path))) in used:
                continue
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            folder.problems.append(Problem(relative, 0, 0, "warning",
                                           "file is not used by any event"))


def _real(path: Path) -> Path | None:
    """Where a link leads; None for a loop or a path the system cannot follow."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None
