"""The round trip on the bundled exhibit: out to XLIFF or PO, back into the YAML."""

from __future__ import annotations

import difflib
from pathlib import Path

import polib
import pytest

from kiosk.cli import main
from kiosk.content import load_folder
from kiosk.content.loader import TRANSLATION_RECORD
from kiosk.translation.record import read_record
from kiosk.translation.roundtrip import export_translations, import_translations
from tests.conftest import DATA, MakeFolder
from tests.translation.conftest import (
    Q,
    french,
    pseudo,
    snapshot,
    translate_po,
    translate_xliff,
    xliff_units,
)


@pytest.mark.parametrize("fmt", ["xliff", "po"])
@pytest.mark.parametrize("lang", ["zh", "fr"])
def test_export_then_import_with_no_change_leaves_every_file_byte_identical(
        bundled: Path, tmp_path: Path, fmt: str, lang: str) -> None:
    """zh: every text translated, each comes back as it went; fr: none translated, every
    target comes back empty. Neither touches a byte of the folder (record included)."""
    before = snapshot(bundled)
    out = tmp_path / f"out.{'po' if fmt == 'po' else 'xlf'}"
    exported = export_translations(bundled, lang, fmt, out)  # type: ignore[arg-type]
    assert len(exported.units) > 150
    report = import_translations(out, bundled)
    assert report.written == [] and not report.trouble
    if lang == "zh":
        assert report.unchanged == len(exported.units)
    else:
        assert len(report.untranslated) == len(exported.units)
    assert snapshot(bundled) == before


def test_the_bundled_exhibit_has_its_record() -> None:
    """Shipped with a record of its zh translations, so that an English edit is marked at
    the next export; every unit of the exhibit is in it."""
    record = read_record(DATA)
    assert record is not None
    result = load_folder(DATA)
    assert result.exhibit is not None
    from kiosk.translation.units import extract

    units = extract(DATA, result.exhibit, "zh")
    assert set(record.sources["zh"]) == {u.id for u in units}


def test_a_third_language_by_xliff(bundled: Path, tmp_path: Path) -> None:
    """Pseudo-French for every unit: the kiosk then offers three languages, validate has no
    warning at all (no missing translation, no missing interface word), and each text
    reads in French while English and Chinese are as they were."""
    old = load_folder(bundled).exhibit
    assert old is not None
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    translate_xliff(out, out, french)
    report = import_translations(out, bundled)
    assert not report.trouble
    assert any("added 'fr' to the languages" in note for note in report.notes)
    result = load_folder(bundled)
    assert result.problems == []
    new = result.exhibit
    assert new is not None
    assert new.languages == ("en", "zh", "fr")
    assert new.title.get("fr") == pseudo("UNV and China")
    first = new.events[0]
    assert first.body.get("fr") == pseudo(old.events[0].body.get("en").rstrip("\n")) + "\n"
    assert "**" in first.body.get("fr")  # Markdown kept
    assert new.words["fr"]["touch"] == pseudo("Touch to explore")
    assert new.words["fr"]["returning"] == pseudo("Returning to the start in {n} s")
    assert new.words["fr"]["language_name"] == "Français"
    for lang in ("en", "zh"):
        assert new.title.get(lang) == old.title.get(lang)
        for a, b in zip(old.events, new.events, strict=True):
            assert (a.title.get(lang), a.body.get(lang)) == (b.title.get(lang), b.body.get(lang))
            assert [m.caption.get(lang) for m in a.media] == [m.caption.get(lang)
                                                               for m in b.media]
    # the whole translation is recorded: a second export marks nothing, translates all
    again = export_translations(bundled, "fr", "xliff", tmp_path / "again.xlf")
    assert all(u.unit.target is not None and not u.changed for u in again.units)


def test_a_third_language_by_po(bundled: Path, tmp_path: Path) -> None:
    out = tmp_path / "fr.po"
    export_translations(bundled, "fr", "po", out)
    translate_po(out, out, french)
    report = import_translations(out, bundled)
    assert not report.trouble and len(report.written) > 150
    result = load_folder(bundled)
    assert result.problems == [] and result.exhibit is not None
    assert result.exhibit.languages == ("en", "zh", "fr")


def test_a_photo_credit_is_translated(bundled: Path, make_folder: MakeFolder,
                                      tmp_path: Path) -> None:
    """A credit is a text: a unit of its own, written back into the photo's credit. A credit
    that is a name (one string for every language) is a shared unit: copied, it stays a
    name; translated, it becomes a text per language, other languages still showing it."""
    unit_id = "event/about-unv/media/media/about-unv.jpg/credit"
    units = {u.unit.id: u.unit for u in export_translations(
        bundled, "zh", "po", tmp_path / "zh.po").units}
    unit = units[unit_id]
    assert (unit.source, unit.target, unit.shared) == ("Illustration made for this exhibit",
                                                       "本展览专用插图", False)
    assert "photo 1 (media/about-unv.jpg), credit: who made the photo" in unit.note
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    translate_xliff(out, out, lambda uid, src: "Illustration réalisée pour cette exposition"
                    if uid == unit_id else None)
    report = import_translations(out, bundled)
    assert [item.unit_id for item in report.written] == [unit_id] and not report.trouble
    assert '    credit: {en: "Illustration made for this exhibit", zh: "本展览专用插图", fr: ' \
        '"Illustration réalisée pour cette exposition"}\n' in \
        (bundled / "events" / "01-about-unv.yaml").read_text(encoding="utf-8")
    exhibit = load_folder(bundled).exhibit
    assert exhibit is not None
    assert exhibit.events[0].media[0].credit.get("fr") == \
        "Illustration réalisée pour cette exposition"

    folder = make_folder("""\
        format: 1
        languages: [en, zh]
        title: {en: Photos, zh: 照片}
        events:
          - id: first
            date: 1981
            title: {en: The first volunteers, zh: 首批志愿者}
            media:
              - image: a.jpg
                alt: {en: Volunteers, zh: 志愿者}
                credit: Xinhua
        """, images=("a.jpg",))
    name_id = "event/first/media/a.jpg/credit"
    out = tmp_path / "name.xlf"
    assert [u.unit.shared for u in export_translations(folder, "fr", "xliff", out).units
            if u.unit.id == name_id] == [True]
    translate_xliff(out, out, lambda uid, src: src if uid == name_id else None)  # copy source
    assert import_translations(out, folder).written == []
    assert "    credit: Xinhua\n" in (folder / "exhibit.yaml").read_text(encoding="utf-8")
    translate_xliff(out, out, lambda uid, src: "Xinhua, Pékin" if uid == name_id else None)
    report = import_translations(out, folder)
    assert [item.unit_id for item in report.written] == [name_id]
    assert [item.unit_id for item in report.notices] == [name_id]  # zh shows the name still
    assert '        credit: {en: Xinhua, fr: "Xinhua, Pékin"}\n' in \
        (folder / "exhibit.yaml").read_text(encoding="utf-8")
    credit = load_folder(folder).exhibit.events[0].media[0].credit  # type: ignore[union-attr]
    assert (credit.get("en"), credit.get("zh"), credit.get("fr")) == (
        "Xinhua", "Xinhua", "Xinhua, Pékin")


def test_untouched_lines_stay_as_they_were(bundled: Path, tmp_path: Path) -> None:
    """A translated file changes at its translations only: every line of the file before
    is still there, in order (comments, quoting, block scalars, Chinese)."""
    before = {name: data.decode("utf-8").splitlines()
              for name, data in snapshot(bundled).items() if name.endswith(".yaml")}
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    translate_xliff(out, out, french)
    import_translations(out, bundled)
    for name, lines in before.items():
        if name == TRANSLATION_RECORD:
            continue
        after = (bundled / name).read_text(encoding="utf-8").splitlines()
        matcher = difflib.SequenceMatcher(None, lines, after, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            assert tag != "delete", (name, lines[i1:i2])
            if tag == "replace":  # a one-line mapping or list gains ", fr..." at its end
                for line in lines[i1:i2]:
                    assert any(new.startswith(line.rstrip()[:-1] + ", fr")
                               for new in after[j1:j2]), (name, line)


def test_a_changed_source_is_marked_in_both_formats(bundled: Path, tmp_path: Path) -> None:
    """An English title edited after the Chinese was made: XLIFF says needs-review, PO
    says fuzzy, with a note; every other translation stays as it was."""
    path = bundled / "events" / "06-beijing-olympics.yaml"
    text = path.read_text(encoding="utf-8")
    old_title = load_folder(bundled).exhibit.events[5].title.get("en")  # type: ignore[union-attr]
    path.write_text(text.replace(old_title, "The Beijing 2008 Olympic Games"),
                    encoding="utf-8")
    report = export_translations(bundled, "zh", "xliff", tmp_path / "zh.xlf")
    marked = [u.unit.id for u in report.units if u.changed]
    assert marked == ["event/beijing-olympics/title"]
    _, units = xliff_units(tmp_path / "zh.xlf")
    unit = next(u for u in units if u.get("id") == "event/beijing-olympics/title")
    target = unit.find(f"{Q}target")
    assert target is not None and target.get("state") == "needs-review-translation"
    assert "source text changed" in (unit.find(f"{Q}note").text or "")  # type: ignore[union-attr]
    export_translations(bundled, "zh", "po", tmp_path / "zh.po")
    fuzzy = [e.msgctxt for e in polib.pofile(str(tmp_path / "zh.po")) if e.fuzzy]
    assert fuzzy == ["event/beijing-olympics/title"]
    # the translator checks it and leaves it marked: not written, still marked next time
    report_in = import_translations(tmp_path / "zh.po", bundled)
    assert [item.unit_id for item in report_in.unconfirmed] == []  # same text: unchanged
    again = export_translations(bundled, "zh", "po", tmp_path / "zh2.po")
    assert [u.unit.id for u in again.units if u.changed] == ["event/beijing-olympics/title"]


def test_a_confirmed_translation_clears_the_mark(bundled: Path, tmp_path: Path) -> None:
    path = bundled / "exhibit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "en: UNV and China", "en: UNV and China, 1981 to today"), encoding="utf-8")
    export_translations(bundled, "zh", "po", tmp_path / "zh.po")
    translate_po(tmp_path / "zh.po", tmp_path / "zh.po",
                 lambda uid, src: "联合国志愿人员组织与中国：1981年至今" if uid == "exhibit/title"
                 else None)
    report = import_translations(tmp_path / "zh.po", bundled)
    assert [item.unit_id for item in report.written] == ["exhibit/title"]
    assert "zh: 联合国志愿人员组织与中国：1981年至今" in path.read_text(encoding="utf-8")
    again = export_translations(bundled, "zh", "po", tmp_path / "zh2.po")
    assert not any(u.changed for u in again.units)


def test_the_command_line(bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["translate", "export", str(bundled), "--to", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wrote unv-fr.xlf: 200 texts to translate into fr")
    translate_xliff(tmp_path / "unv-fr.xlf", tmp_path / "unv-fr.xlf", french)
    assert main(["translate", "import", "unv-fr.xlf", "--folder", str(bundled),
                 "--dry-run"]) == 0
    assert "fr: would write 200 translations" in capsys.readouterr().out
    assert load_folder(bundled).exhibit.languages == ("en", "zh")  # type: ignore[union-attr]
    assert main(["translate", "import", "unv-fr.xlf", "--folder", str(bundled)]) == 0
    assert "fr: wrote 200 translations" in capsys.readouterr().out
    assert main(["translate", "export", str(bundled), "--to", "en"]) == 1
    assert "'en' is the exhibit's default language" in capsys.readouterr().err
    assert main(["translate", "export", str(bundled), "--to", "French"]) == 1
    assert "'French' is not a language code" in capsys.readouterr().err


ODD = """\
# An exhibit formatted the way some editors do
format: 1
languages:
- en
- zh
title: { en: "Odd, but valid" , zh: 奇怪 }    # spaced braces
events:
- id: first
  date: 1981
  title:
      "en": 'Quoted keys, four spaces'
      "zh": 引号
  body:
      en: >
          A folded body,
          on two lines.

      zh: |-
          折叠
  media: []
- id: second
  date: 1985
  title: A shared title
"""


def test_editors_formatting_of_every_kind(make_folder: MakeFolder, tmp_path: Path) -> None:
    """Unindented lists, four-space indentation, spaced braces, quoted keys, a folded body,
    a strip-chomped block, Windows line ends: translated, each file changes only where a
    French text is added, and every other value reads as before."""
    folder = make_folder(ODD)
    path = folder / "exhibit.yaml"
    path.write_bytes(ODD.replace("\n", "\r\n").encode("utf-8"))
    old = load_folder(folder)
    assert old.errors == [] and old.exhibit is not None
    out = tmp_path / "fr.xlf"
    export_translations(folder, "fr", "xliff", out)
    translate_xliff(out, out, french)
    report = import_translations(out, folder)
    assert not report.trouble and len(report.written) == 4 + 29  # texts, words
    text = path.read_bytes().decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # Windows line ends, every one
    lines = text.split("\r\n")
    for line in ODD.splitlines():
        if line.startswith(("title: {", "- en", "- zh", "languages:", "  title: A shared")):
            continue  # the one-line mapping and the list gain French, the shared title too
        assert line in lines, line
    assert 'title: { en: "Odd, but valid" , zh: 奇怪, fr: "Ôdd, bût vàlîd" }    # spaced ' \
        'braces' in lines
    assert "      fr: |" in lines and "          À fôldéd bôdy, ôñ twô lîñés." in lines
    assert "- fr" in lines
    assert '  title: {en: A shared title, fr: À shàréd tîtlé}' in lines
    new = load_folder(folder)
    assert new.errors == [] and new.exhibit is not None
    first = new.exhibit.events[0]
    assert first.body.get("fr") == pseudo("A folded body, on two lines.") + "\n"
    assert first.body.get("zh") == old.exhibit.events[0].body.get("zh") == "折叠"
    assert first.title.get("en") == "Quoted keys, four spaces"
    assert new.exhibit.events[1].title.get("fr") == pseudo("A shared title")
    assert new.exhibit.events[1].title.get("en") == "A shared title"


def test_plural_forms_stay_out_of_the_files_for_translators(make_folder: MakeFolder) -> None:
    """A word given as its plural forms (the kiosk's Arabic, or the exhibit's) is not one
    text to translate: no unit, so an import never flattens its forms into one."""
    from kiosk.translation.units import interface_units

    root = make_folder("""\
        format: 1
        title: {en: T, ar: ت, fr: T}
        languages: [en, ar, fr]
        interface:
          fr:
            events_n: {one: "{n} événement", other: "{n} événements"}
        events:
          - {id: a, date: 1981, title: {en: A, ar: أ, fr: A}}
        """)
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    arabic = {unit.field: unit.target for unit in interface_units(exhibit, "ar")}
    french_words = {unit.field: unit.target for unit in interface_units(exhibit, "fr")}
    assert "events_n" not in arabic and "returning" not in arabic
    assert arabic["position"] == "{i} من {n}"
    assert "events_n" not in french_words and french_words["returning"] is None
