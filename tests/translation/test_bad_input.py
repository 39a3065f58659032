"""Translation files gone wrong: each is told with its line, and the content folder is
never damaged (every check before the first write; a failed import leaves every file)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import load_folder
from kiosk.translation.roundtrip import TranslateError, export_translations, import_translations
from tests.conftest import MakeFolder
from tests.translation.conftest import Q, french, pseudo, snapshot, translate_xliff, xliff_units


@pytest.fixture
def french_file(bundled: Path, tmp_path: Path) -> Path:
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    translate_xliff(out, out, french)
    return out


def refused(file: Path, folder: Path, *expected: str, force: bool = False) -> str:
    """Import `file`, which must fail with every expected phrase and change nothing."""
    before = snapshot(folder)
    with pytest.raises(TranslateError) as caught:
        import_translations(file, folder, force=force)
    message = str(caught.value)
    for phrase in expected:
        assert phrase in message
    assert snapshot(folder) == before
    return message


def test_a_file_for_another_exhibit_is_refused(french_file: Path, make_folder: MakeFolder,
                                               tmp_path: Path) -> None:
    other = make_folder("""\
        format: 1
        languages: [en, fr]
        title: {en: Another exhibit, fr: Une autre exposition}
        events:
          - {id: first, date: 1981, title: {en: First, fr: Premier}}
        """)
    export_translations(other, "fr", "xliff", tmp_path / "other.xlf")  # gives it a record
    message = refused(french_file, other, "was exported from the exhibit 'unv-and-china-",
                      "but ", "is exhibit 'another-exhibit-", "--force")
    assert "nothing was written" in message
    # forced, every unit is still checked against its source: none of the exhibit's texts
    # is there; the kiosk's own words are, in every exhibit
    report = import_translations(french_file, other, force=True)
    assert len(report.gone) > 140
    assert {item.unit_id.split("/")[0] for item in report.written} == {"interface"}


def test_a_copy_of_the_folder_without_its_record_needs_force(
        bundled: Path, french_file: Path) -> None:
    (bundled / "translation-record.yaml").unlink()
    refused(french_file, bundled, "no translation-record.yaml", "--force")
    report = import_translations(french_file, bundled, force=True)
    assert len(report.written) == 200 and not report.trouble
    assert load_folder(bundled).exhibit.languages == ("en", "zh", "fr")  # type: ignore[union-attr]


def test_a_tool_that_reorders_units_changes_nothing(bundled: Path, french_file: Path,
                                                    tmp_path: Path) -> None:
    """Units matched by id: a file with its units reversed, and moved into groups, writes
    the very same bytes as the file in export order."""
    copy = tmp_path / "copy"
    shutil.copytree(bundled, copy)
    tree, units = xliff_units(french_file)
    body = tree.getroot().find(f"{Q}file/{Q}body")
    assert body is not None
    for unit in units:
        body.remove(unit)
    import xml.etree.ElementTree as ET

    group = ET.SubElement(body, f"{Q}group", {"id": "g1"})
    for unit in reversed(units):
        group.append(unit)
    shuffled = tmp_path / "shuffled.xlf"
    tree.write(shuffled, encoding="utf-8", xml_declaration=True)
    import_translations(french_file, bundled)
    import_translations(shuffled, copy)
    assert snapshot(copy) == snapshot(bundled)


@pytest.mark.parametrize("cut", [0.5, 0.99])
def test_a_malformed_file_is_told_with_its_line(bundled: Path, french_file: Path,
                                                cut: float) -> None:
    data = french_file.read_bytes()
    french_file.write_bytes(data[:int(len(data) * cut)])
    message = refused(french_file, bundled, "is not well-formed XML", "nothing was written")
    assert message.startswith(f"{french_file}:")  # C:\... on Windows: the line follows it
    line = int(message[len(f"{french_file}:"):].split(":")[0])
    assert 1 < line <= data[:int(len(data) * cut)].count(b"\n") + 1


def test_a_malformed_po_file_is_told_with_its_line(bundled: Path, tmp_path: Path) -> None:
    out = tmp_path / "fr.po"
    export_translations(bundled, "fr", "po", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    bad = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and i > 20)
    lines[bad] = "garbage here"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = refused(out, bundled, "the PO file cannot be read (Syntax error)")
    assert message.startswith(f"{out}:{bad + 1}: ")


def test_not_xliff_and_xliff_2_are_told(bundled: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.xlf"
    other.write_text('<?xml version="1.0"?>\n<html><body/></html>\n', encoding="utf-8")
    refused(other, bundled, "other.xlf:2: this is not an XLIFF file", "<html>")
    other.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>',
                     encoding="utf-8")
    refused(other, bundled, "this is XLIFF 2.0", "XLIFF 1.2")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY a "ha">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<xliff version="1.2"><file original="x" source-language="en" target-language="fr">
<body><trans-unit id="exhibit/title"><source>&c;</source></trans-unit></body></file></xliff>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE xliff SYSTEM "file:///etc/passwd">
<xliff version="1.2"><file original="x" source-language="en" target-language="fr">
<body><trans-unit id="exhibit/title"><source>&ext;</source></trans-unit></body></file></xliff>
"""


@pytest.mark.parametrize("text,line", [(BILLION_LAUGHS, 2), (EXTERNAL, 4)])
def test_entities_are_refused(bundled: Path, tmp_path: Path, text: str, line: int) -> None:
    """No DTD declarations, no entity of a DTD: nothing is read from it."""
    path = tmp_path / "evil.xlf"
    path.write_text(text, encoding="utf-8")
    message = refused(path, bundled, "which a translation file never needs")
    assert message.startswith(f"{path}:{line}:")


def test_a_unit_that_no_longer_exists(bundled: Path, french_file: Path) -> None:
    """An editor renamed an event after the export: its units are told, with the line in
    the file, and everything else is written."""
    path = bundled / "events" / "06-beijing-olympics.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "id: beijing-olympics", "id: olympics-2008"), encoding="utf-8")
    report = import_translations(french_file, bundled)
    gone = [item.unit_id for item in report.gone]
    assert gone and all(unit_id.startswith("event/beijing-olympics/") for unit_id in gone)
    lines = french_file.read_text(encoding="utf-8").splitlines()
    for item in report.gone:
        assert "<target" in lines[item.line - 1]
    assert report.trouble
    assert any(u.startswith("event/olympics-2008/") for u in report.not_in_file)
    assert load_folder(bundled).exhibit.events[5].title.get("fr")  # type: ignore[union-attr]


def test_a_conflict_with_an_edit_made_meanwhile(bundled: Path, french_file: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The English title changed after the export: its translation (of the old title) is
    not written; the report names it and where the text is now; exit status 1."""
    path = bundled / "events" / "06-beijing-olympics.yaml"
    text = path.read_text(encoding="utf-8")
    title = load_folder(bundled).exhibit.events[5].title.get("en")  # type: ignore[union-attr]
    path.write_text(text.replace(title, "The Beijing 2008 Olympic Games"), encoding="utf-8")
    assert main(["translate", "import", str(french_file), "--folder", str(bundled)]) == 1
    out = capsys.readouterr().out
    assert "not written: the source text was changed in the folder after the export" in out
    assert (": event/beijing-olympics/title: the en text is now 'The Beijing 2008 Olympic "
            "Games' (events/06-beijing-olympics.yaml:") in out
    exhibit = load_folder(bundled).exhibit
    assert exhibit is not None
    assert exhibit.events[5].title.get("fr") == "The Beijing 2008 Olympic Games"  # fallback
    body = exhibit.events[5].body
    assert body.get("fr") == pseudo(body.get("en").rstrip("\n")) + "\n"  # the rest is written


def test_empty_targets_are_left_untranslated(bundled: Path, tmp_path: Path) -> None:
    """Half the units translated: those are written, the rest are listed as untranslated
    and the kiosk shows English there (validate counts them)."""
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    seen: list[str] = []

    def half(unit_id: str, source: str) -> str:
        seen.append(unit_id)
        return french(unit_id, source) if len(seen) % 2 else ""

    translate_xliff(out, out, half)
    report = import_translations(out, bundled)
    assert len(report.written) == 100 and len(report.untranslated) == 100
    assert not report.trouble
    assert "left untranslated (empty in the file): 100" in report.lines()
    result = load_folder(bundled)
    assert result.errors == []
    assert any("fr: " in p.message and "texts missing" in p.message for p in result.warnings)


def test_a_language_not_declared_is_added_only_when_something_is_written(
        bundled: Path, tmp_path: Path) -> None:
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    before = snapshot(bundled)
    report = import_translations(out, bundled)  # every target empty
    assert report.written == [] and snapshot(bundled) == before
    translate_xliff(out, out, lambda uid, src: pseudo(src) if uid == "exhibit/title" else None)
    report = import_translations(out, bundled)
    assert "added 'fr' to the languages in exhibit.yaml: the kiosk now offers en, zh, fr" \
        in report.notes
    assert "languages: [en, zh, fr]" in (bundled / "exhibit.yaml").read_text(encoding="utf-8")


def test_at_most_eight_languages(make_folder: MakeFolder, tmp_path: Path) -> None:
    folder = make_folder("""\
        format: 1
        languages: [en, zh, ar, de, es, it, ja, ko]
        title: Eight
        events:
          - {id: first, date: 1981, title: First}
        """)
    export_translations(folder, "fr", "xliff", tmp_path / "fr.xlf")
    translate_xliff(tmp_path / "fr.xlf", tmp_path / "fr.xlf", french)
    refused(tmp_path / "fr.xlf", folder, "has 8 languages already")


def test_markup_changes_in_a_body_are_kept_as_text(bundled: Path, tmp_path: Path) -> None:
    """A translator who drops the list markers and types HTML: written as typed (the kiosk
    shows Markdown as the translation has it), and the report says what differs."""
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    unit_id = "event/south-south-cooperation/body"
    translated = ("Les objectifs de l'UNV.\n\n<b>10 Volontaires</b> au Népal; un chercheur; "
                  "un camp d'entraînement.")
    translate_xliff(out, out, lambda uid, src: translated if uid == unit_id else None)
    report = import_translations(out, bundled)
    assert [item.unit_id for item in report.written] == [unit_id]
    notice = report.notices[0].message
    assert "list items: 3 in the source, 0 here" in notice and "bold: 3 in the source, 0" \
        in notice
    exhibit = load_folder(bundled)
    assert exhibit.exhibit is not None
    assert exhibit.exhibit.events[16].body.get("fr") == translated + "\n"
    assert any("HTML" in p.message for p in exhibit.warnings)


def test_inline_codes_are_refused_with_their_line(bundled: Path, french_file: Path) -> None:
    text = french_file.read_text(encoding="utf-8")
    at = text.index("<target", text.index('id="event/about-unv/title"'))
    end = text.index("</target>", at)
    text = text[:end] + '<ph id="1">&lt;br/&gt;</ph>' + text[end:]
    french_file.write_text(text, encoding="utf-8")
    line = text[:at].count("\n") + 1
    refused(french_file, bundled, f"fr.xlf:{line}: the unit 'event/about-unv/title' has an "
            "inline <ph> element")


def test_segment_marks_are_read_through(bundled: Path, french_file: Path) -> None:
    """Tools that segment put each sentence of a target in <mrk mtype="seg">."""
    text = french_file.read_text(encoding="utf-8")
    at = text.index(">", text.index("<target", text.index('id="exhibit/subtitle"'))) + 1
    end = text.index("</target>", at)
    text = text[:at] + '<mrk mtype="seg" mid="1">' + text[at:end] + "</mrk>" + text[end:]
    french_file.write_text(text, encoding="utf-8")
    import_translations(french_file, bundled)
    exhibit = load_folder(bundled).exhibit
    assert exhibit is not None
    assert exhibit.subtitle.get("fr") == pseudo("A partnership for development since 1981")


def test_an_interface_word_without_its_number_is_refused(bundled: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    translate_xliff(out, out, lambda uid, src: "Retour au début" if uid ==
                    "interface/returning" else french(uid, src))
    report = import_translations(out, bundled)
    assert [(i.unit_id, i.message) for i in report.refused] == [
        ("interface/returning", "must have {n} where the kiosk puts the number, and no "
         "other braces")]
    words = load_folder(bundled).exhibit.words["fr"]  # type: ignore[union-attr]
    assert "returning" not in words and words["touch"] == pseudo("Touch to explore")


def test_a_translation_that_would_break_the_folder_puts_every_file_back(
        bundled: Path, tmp_path: Path) -> None:
    """A right-to-left override (U+202E) pasted into one title is an error for validate:
    the import is undone, every file as it was, and the error is told."""
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    translate_xliff(out, out, lambda uid, src: "Titre \u202etrompeur" if uid ==
                    "event/about-unv/title" else french(uid, src))
    message = refused(out, bundled, "every file was put back as it was",
                      "events/01-about-unv.yaml:")
    assert "1 error" in message


def test_a_title_too_long_is_refused(bundled: Path, tmp_path: Path) -> None:
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    translate_xliff(out, out, lambda uid, src: "Très long " * 30 if uid == "exhibit/title"
                    else None)
    report = import_translations(out, bundled)
    assert report.refused[0].message == ("300 characters; a title may have at most 200: "
                                         "shorten it")


def test_a_folder_with_errors_is_not_imported_into(bundled: Path, french_file: Path) -> None:
    path = bundled / "events" / "06-beijing-olympics.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("date:", "dat:"),
                    encoding="utf-8")
    refused(french_file, bundled, "has 1 error; fix it first", "unknown key 'dat'")


def test_a_file_from_another_default_language(bundled: Path, french_file: Path) -> None:
    text = french_file.read_text(encoding="utf-8")
    french_file.write_text(text.replace('source-language="en"', 'source-language="zh"'),
                           encoding="utf-8")
    refused(french_file, bundled, "translates from 'zh', but the exhibit's default language "
            "is 'en'")


def test_a_text_shared_by_every_language(make_folder: MakeFolder, tmp_path: Path) -> None:
    """`title: UNV` is one text for every language: a translator who copies it leaves it
    so; one who translates it turns it into a mapping, and the report says what that
    means for the other languages."""
    folder = make_folder("""\
        format: 1
        languages: [en, zh]
        title: UNV   # a name
        events:
          - id: first
            date: 1981
            title: {en: The first volunteers, zh: 首批志愿者}
            body: |
              Twenty volunteers came.
        """)
    out = tmp_path / "fr.xlf"
    export_translations(folder, "fr", "xliff", out)
    shared = ("exhibit/title", "event/first/body")
    translate_xliff(out, out, lambda uid, src: src if uid in shared else None)  # copy source
    report = import_translations(out, folder)
    assert report.written == []
    assert "title: UNV   # a name" in (folder / "exhibit.yaml").read_text(encoding="utf-8")
    translate_xliff(out, out, lambda uid, src: {"exhibit/title": "VNU",
                                                "event/first/body": "Vingt volontaires."}
                    .get(uid))
    report = import_translations(out, folder)
    assert [(i.unit_id, i.message) for i in report.notices] == [
        ("exhibit/title", "was one text for every language; now one per language (en, fr): "
         "zh shows the en text, as before, and validate counts it as not translated"),
        ("event/first/body", "was one text for every language; now one per language (en, "
         "fr): zh shows the en text, as before, and validate counts it as not translated")]
    text = (folder / "exhibit.yaml").read_text(encoding="utf-8")
    assert "title: {en: UNV, fr: VNU}   # a name" in text
    assert "    body:\n      en: |\n        Twenty volunteers came.\n      fr: |\n" \
        "        Vingt volontaires.\n" in text
    result = load_folder(folder)
    assert result.exhibit is not None and result.exhibit.title.get("zh") == "UNV"


def test_the_warnings_a_translation_brings_are_told(bundled: Path, tmp_path: Path) -> None:
    """A French typographic apostrophe is a warning of validate's (the kiosk's font draws
    it full-width): the import names it, at its line."""
    out = tmp_path / "fr.xlf"
    export_translations(bundled, "fr", "xliff", out)
    translate_xliff(out, out, lambda uid, src: "L\u2019UNV et la Chine" if uid ==
                    "exhibit/title" else french(uid, src))
    lines = import_translations(out, bundled).lines()
    assert lines[-2] == f"{bundled}: 0 errors, 1 warning, 1 of them new:"
    assert lines[-1].startswith("  exhibit.yaml:") and "curly quote" in lines[-1]


def test_a_file_saved_during_the_import_is_not_overwritten(
        bundled: Path, french_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor saves an event file after the import read it: that save is kept, and no
    file is left translated."""
    from kiosk.translation import roundtrip

    original = roundtrip._write
    saved = bundled / "events" / "24-looking-ahead.yaml"

    def editor_saves_first(writes: list[tuple[Path, bytes, bytes | None]]) -> None:
        saved.write_bytes(saved.read_bytes() + b"# saved meanwhile\n")
        original(writes)

    monkeypatch.setattr(roundtrip, "_write", editor_saves_first)
    before = snapshot(bundled)
    with pytest.raises(TranslateError, match="was changed while the import ran"):
        import_translations(french_file, bundled)
    after = snapshot(bundled)
    assert after["events/24-looking-ahead.yaml"].endswith(b"# saved meanwhile\n")
    del after["events/24-looking-ahead.yaml"], before["events/24-looking-ahead.yaml"]
    assert after == before


def test_what_the_file_holds_decides_not_its_name(bundled: Path, french_file: Path,
                                                  tmp_path: Path) -> None:
    """An XLIFF file saved as UTF-16 (some Windows tools do) under a .po name is read as
    the XLIFF it is."""
    text = french_file.read_text(encoding="utf-8").replace(
        "<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="UTF-16"?>')
    odd = tmp_path / "fr.po"
    odd.write_bytes(text.encode("utf-16"))
    report = import_translations(odd, bundled)
    assert len(report.written) == 200 and not report.trouble
