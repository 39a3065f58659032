"""One test per kind of error and warning: the exact message and the exact position."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from kiosk.content import load_folder, reader
from kiosk.content.problems import Problem, with_source
from kiosk.core.i18n import word
from tests.conftest import MINIMAL, MakeFolder, write_image

TWO_LANGS = """\
format: 1
languages: [en, zh]
title: {en: Test, zh: 测试}
eras:
  - id: reform
    title: {en: Reform, zh: 改革}
    start: 1981
    end: 1991
events:
"""


def problems_of(root: Path) -> list[str]:
    return [str(p) for p in load_folder(root).problems]


def only(root: Path) -> str:
    found = problems_of(root)
    assert len(found) == 1, found
    return found[0]


def test_minimal_folder_is_valid(make_folder: MakeFolder) -> None:
    result = load_folder(make_folder(MINIMAL))
    assert result.problems == []
    assert result.exhibit is not None
    assert [e.id for e in result.exhibit.events] == ["first"]


# Each of YAML's common traps, at the position the editor must look at, with the fix. Both
# parsers (libyaml and PyYAML's own) word their errors differently; the hints must not.
YAML_TRAPS = {
    "a quote closed by an apostrophe lines later": (
        MINIMAL.replace("date: 1981", "date: '81") + "  - id: second\n    date: 1990\n"
        "    title: People's Republic\n",
        "exhibit.yaml:5:11: error: the quote ' that starts this text is not closed on its "
        "line, so YAML reads on, over the keys below, to the ' on line 9; close it on this "
        "line (date: '81'), or write the value without the quote (date: 81)"),
    "colon in a text": (
        "format: 1\ntitle: Reform: the start\n",
        "exhibit.yaml:2:14: error: a colon followed by a space inside a text starts a new key; "
        "put the whole text in quotes: title: \"Reform: the start\""),
    "colon in a list item's text": (
        MINIMAL.replace("title: First", "title: Note: first"),
        "exhibit.yaml:6:16: error: a colon followed by a space inside a text starts a new key; "
        "put the whole text in quotes: title: \"Note: first\""),
    "colon in a text in braces": (
        "format: 1\ntitle: {en: Reform: the start}\n",
        "exhibit.yaml:2:19: error: a colon followed by a space inside [...] or {...} starts a "
        "new key; put that text in quotes: \"Reform: the start\""),
    "key indented too far": (
        MINIMAL.replace("    title: First", "      title: First"),
        "exhibit.yaml:6:7: error: 'title' starts in column 7, but 'date' on line 5 starts in "
        "column 5; keys of one mapping must start in the same column (indent with spaces)"),
    "key indented too little": (
        MINIMAL.replace("    title: First", "   title: First"),
        "exhibit.yaml:6:4: error: 'title' starts in column 4, but 'date' on line 5 starts in "
        "column 5; keys of one mapping must start in the same column (indent with spaces)"),
    "key under a list item at the dash": (
        MINIMAL.replace("    date: 1981", "  date: 1981"),
        "exhibit.yaml:5:3: error: 'date' starts in column 3, but 'id' on line 4 starts in "
        "column 5; keys of one mapping must start in the same column (indent with spaces)"),
    "text going on under a key": (
        "format: 1\ntitle: Reform and\n  opening: a story\n",
        "exhibit.yaml:3:3: error: 'opening' starts in column 3, but 'title' on line 2 starts in "
        "column 1; keys of one mapping must start in the same column (indent with spaces); if "
        "this line continues the text of 'title', quote that text"),
    "unclosed double quote": (
        "format: 1\ntitle: \"Reform\nevents: []\n",
        "exhibit.yaml:2:8: error: the quote \" that starts this text is never closed; end the "
        "text with \""),
    "unclosed single quote": (
        "format: 1\nevents: []\ntitle: 'Reform\n",
        "exhibit.yaml:3:8: error: the quote ' that starts this text is never closed; end the "
        "text with '"),
    "apostrophe in a single-quoted text": (
        "format: 1\ntitle: 'Reform's start'\n",
        "exhibit.yaml:2:16: error: this text was closed by the apostrophe before it; write it in "
        "double quotes instead: title: \"Reform's start\""),
    "text after a closing quote": (
        "format: 1\ntitle: \"Reform\" and opening\n",
        "exhibit.yaml:2:17: error: text follows the closing \"; a value that starts with \" ends "
        "at the matching \", so put the whole text in quotes: title: '\"Reform\" and opening'"),
    "unclosed bracket": (
        "format: 1\ntitle: [unclosed\nevents: []\n",
        "exhibit.yaml:2:8: error: the [ here is never closed; add ] after the last item, or "
        "quote the text if the [ is part of it"),
    "bracket left open at the end of the file": (
        "format: 1\ntitle: [\n",
        "exhibit.yaml:2:8: error: the [ here is never closed; add ] after the last item, or "
        "quote the text if the [ is part of it"),
    "brace left open, then another key": (
        "format: 1\ntitle: {en: \"[A]\", zh: B\nevents: []\n",
        "exhibit.yaml:2:8: error: the { here is never closed; add } after the last item, or "
        "quote the text if the { is part of it"),
    "reserved first character": (
        "format: 1\ntitle: *Reform* and opening\n",
        "exhibit.yaml:2:8: error: a text cannot start with * in YAML; put it in quotes: "
        "title: \"*Reform* and opening\""),
    "text not indented under its key": (
        "format: 1\ntitle: T\nsubtitle: |\nReform\n",
        "exhibit.yaml:4:1: error: this line is not 'key: value'; if it belongs to the text of "
        "the key above, indent it further than that key"),
}


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with each of PyYAML's parsers (libyaml when PyYAML was built with it)."""
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML was built without libyaml")
        monkeypatch.setattr(reader, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(reader, "_Loader", yaml.SafeLoader)
    return str(request.param)


@pytest.mark.parametrize("trap", YAML_TRAPS)
def test_yaml_trap_is_explained(make_folder: MakeFolder, parser: str, trap: str) -> None:
    text, message = YAML_TRAPS[trap]
    assert only(make_folder(text)) == message


def test_tab_between_values_python_parser(make_folder: MakeFolder,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml accepts a tab after a colon; PyYAML's own parser does not, and says where."""
    monkeypatch.setattr(reader, "_Loader", yaml.SafeLoader)
    root = make_folder(MINIMAL.replace("title: First", "title:\tFirst"))
    assert only(root) == ("exhibit.yaml:6:11: error: tab character; YAML takes only spaces "
                          "here, replace it with a space")


def test_other_malformed_yaml_keeps_the_parsers_words(make_folder: MakeFolder) -> None:
    root = make_folder("format: 1\ntitle: T\n? [a]\n: b\n- c\n")
    message = only(root)
    assert message.startswith("exhibit.yaml:5:1: error: malformed YAML: ")
    assert message.endswith("; check the colons, quotes, brackets and indentation on this line "
                            "and the one before")


def test_duplicate_key(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "title: Again\n")
    assert only(root) == ("exhibit.yaml:7:1: error: key 'title' is given twice in this "
                          "mapping (first at line 2)")


def test_unknown_key_with_suggestion(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "    tittle: Oops\n")
    assert only(root) == ("exhibit.yaml:7:5: error: event 'first': unknown key 'tittle' "
                          "(did you mean 'title'?)")


def test_misspelt_required_key_is_told_once(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL.replace("    title: First", "    tittle: First"))
    assert only(root) == ("exhibit.yaml:6:5: error: event 'first': unknown key 'tittle' "
                          "(did you mean 'title'?)")


def test_missing_required_key(make_folder: MakeFolder) -> None:
    root = make_folder("format: 1\ntitle: T\nevents:\n  - id: a\n    title: A\n")
    assert only(root) == "exhibit.yaml:4:5: error: event 'a': missing required key 'date'"


def test_wrong_type(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "    highlight: sometimes\n")
    assert only(root) == ("exhibit.yaml:7:16: error: event 'first': 'highlight' must be true "
                          "or false, not 'sometimes'")


def test_text_given_as_list(make_folder: MakeFolder) -> None:
    root = make_folder("format: 1\ntitle: [a, b]\nevents: [{id: a, date: 1981, title: A}]\n")
    assert only(root) == ("exhibit.yaml:2:8: error: exhibit: 'title' must be a text or a "
                          "mapping of languages (en), not a list")


@pytest.mark.parametrize("value", ["1981-5", "1981-05-12-01", "1981.5", "May 1981"])
def test_bad_date(make_folder: MakeFolder, value: str) -> None:
    root = make_folder(MINIMAL.replace("date: 1981", f"date: {value}"))
    assert only(root) == (f"exhibit.yaml:5:11: error: event 'first': 'date' '{value}' is not a "
                          "date; write a year (1981, or -221 for 221 BCE), a year and month "
                          "(\"1981-05\") or a full date (\"1981-05-12\")")


@pytest.mark.parametrize(("value", "reason"), [
    ("\"2022-02-30\"", "there is no 30 February 2022; February 2022 has 28 days"),
    ("2022-02-30", "there is no 30 February 2022; February 2022 has 28 days"),  # unquoted too
    ("\"2023-02-29\"", "there is no 29 February 2023; February 2023 has 28 days"),
    ("\"1981-04-31\"", "there is no 31 April 1981; April 1981 has 30 days"),
    ("\"1981-01-00\"", "there is no day 0 (days are 01 to 31)"),
    ("\"1981-13\"", "there is no month 13 (months are 01 to 12)"),
    ("0", "there is no year 0 (1 BCE is followed by 1 CE; write -1 for 1 BCE)"),
])
def test_impossible_date_is_named(make_folder: MakeFolder, value: str, reason: str) -> None:
    root = make_folder(MINIMAL.replace("date: 1981", f"date: {value}"))
    assert only(root) == (f"exhibit.yaml:5:11: error: event 'first': 'date' "
                          f"'{value.strip(chr(34))}': {reason}")


@pytest.mark.parametrize(("dates", "when"), [
    ("date: 2022", "2022"),
    ("date: 1975\n    end: 1980", "1975–1980"),
    ("date: \"1992-01\"", "January 1992"),
])
def test_event_outside_its_era_is_a_warning(make_folder: MakeFolder, dates: str,
                                            when: str) -> None:
    root = make_folder(TWO_LANGS + f"  - id: a\n    {dates}\n    era: reform\n"
                       "    title: {en: A, zh: 甲}\n")
    result = load_folder(root)
    assert [str(p) for p in result.problems] == [
        f"exhibit.yaml:11:11: warning: event 'a': dated {when}, outside its era 'reform' "
        "(1981–1991); check the date, or give the event the era it belongs to"]
    assert result.exhibit is not None


@pytest.mark.parametrize("dates", ["date: 1991", "date: 1975\n    end: 1981",
                                   "date: \"1991-12-31\"", "date: 1978\n    end: 2000"])
def test_event_touching_its_era_is_fine(make_folder: MakeFolder, dates: str) -> None:
    root = make_folder(TWO_LANGS + f"  - id: a\n    {dates}\n    era: reform\n"
                       "    title: {en: A, zh: 甲}\n")
    assert problems_of(root) == []


def test_no_era_warning_for_dates_already_in_error(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - id: a\n    date: 2022\n    end: 2001\n    era: reform\n"
                       "    title: {en: A, zh: 甲}\n")
    assert only(root) == "exhibit.yaml:12:10: error: event 'a': 'end' is before 'date'"


def test_era_span_is_checked_for_events_in_their_own_files(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - {id: a, date: 1981, title: {en: A, zh: 甲}}\n",
                       events={"b.yaml": "id: b\ndate: -221\nera: reform\n"
                                         "title: {en: B, zh: 乙}\n"})
    assert only(root) == ("events/b.yaml:2:7: warning: event 'b': dated 221 BCE, outside its "
                          "era 'reform' (1981–1991); check the date, or give the event the "
                          "era it belongs to")


def test_end_before_start(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "    end: 1980\n")
    assert only(root) == "exhibit.yaml:7:10: error: event 'first': 'end' is before 'date'"


def test_era_end_before_start(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS.replace("end: 1991", "end: 1971")
                       + "  - {id: a, date: 1981, title: {en: A, zh: 甲}}\n")
    assert only(root) == "exhibit.yaml:8:10: error: era 'reform': 'end' is before 'start'"


def test_duplicate_id_across_files(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL, events={"a.yaml": "id: first\ndate: 1990\ntitle: Again\n"})
    assert only(root) == ("events/a.yaml:1:5: error: event id 'first' is used twice "
                          "(first in exhibit.yaml line 4)")


def test_unknown_era(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - {id: a, date: 1981, title: {en: A, zh: 甲}, "
                       "era: reforms}\n")
    assert only(root) == ("exhibit.yaml:10:53: error: event 'a': unknown era 'reforms' "
                          "(did you mean 'reform'?) (eras: reform)")


def test_undeclared_language(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - {id: a, date: 1981, title: {en: A, zh: 甲, fr: Un}}\n")
    assert only(root) == ("exhibit.yaml:10:47: error: event 'a': 'title' has language 'fr', "
                          "which the exhibit does not declare (languages: en, zh)")


def test_missing_default_language(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - {id: a, date: 1981, title: {zh: 甲}}\n")
    assert only(root) == ("exhibit.yaml:10:32: error: event 'a': no 'en' title; the default "
                          "language must always be given")


def test_missing_translation_is_a_warning(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - {id: a, date: 1981, title: {en: A}}\n")
    result = load_folder(root)
    assert [str(p) for p in result.problems] == [
        "exhibit.yaml:10:32: warning: event 'a': no 'zh' title; 'en' is shown instead"]
    assert result.exhibit is not None
    assert result.exhibit.events[0].title.get("zh") == "A"


def test_format_too_new(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL.replace("format: 1", "format: 2"))
    assert only(root) == ("exhibit.yaml:1:9: error: exhibit: this content is format 2, which "
                          "needs a newer kiosk (this one reads format 1)")


@pytest.mark.parametrize("value", ["0", "\"1\"", "one"])
def test_format_not_one(make_folder: MakeFolder, value: str) -> None:
    root = make_folder(MINIMAL.replace("format: 1", f"format: {value}"))
    assert only(root).startswith("exhibit.yaml:1:9: error: exhibit: 'format' must be")


def test_no_events(make_folder: MakeFolder) -> None:
    root = make_folder("format: 1\ntitle: Empty\n")
    assert only(root) == ("exhibit.yaml:1:1: error: the exhibit has no events; add some under "
                          "'events:' or as files in events/")


def test_missing_exhibit_file(tmp_path: Path) -> None:
    assert only(tmp_path) == "exhibit.yaml: error: no exhibit.yaml in the content folder"


def test_unreadable_folder(tmp_path: Path) -> None:
    result = load_folder(tmp_path / "nowhere")
    assert not result.readable
    assert "content folder does not exist" in str(result.problems[0])


def test_unquoted_colour_is_a_comment(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS.replace("end: 1991", "end: 1991\n    color: #2F6690")
                       + "  - {id: a, date: 1981, title: {en: A, zh: 甲}}\n")
    assert only(root) == ("exhibit.yaml:9:11: error: era 'reform': 'color' is empty; quote the "
                          "colour, e.g. color: \"#2F6690\" (an unquoted # starts a comment)")


def test_idle_timeout_too_short(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "idle_timeout: 3\n")
    assert only(root) == ("exhibit.yaml:7:15: error: exhibit: 'idle_timeout' must be between "
                          "10 and 3600 seconds, not 3")


def test_bad_slug(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL.replace("id: first", "id: First Event"))
    assert only(root) == ("exhibit.yaml:4:9: error: event 1: 'id' 'First Event' may only have "
                          "lowercase letters, digits and single '-' between them")


# --- images ------------------------------------------------------------------------------

PHOTO = MINIMAL + "    media:\n      - image: {path}\n        alt: A picture\n"


def test_image_ok(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.jpg"), images=("media/a.jpg",))
    result = load_folder(root)
    assert result.problems == []
    assert result.exhibit is not None
    media = result.exhibit.events[0].media[0]
    assert (media.width, media.height) == (1920, 1080)


def test_image_missing_with_suggestion(make_folder: MakeFolder) -> None:
    """The misspelt picture is not also reported as unused: that would be the same mistake
    told twice, once in words that send the editor the wrong way."""
    root = make_folder(PHOTO.format(path="media/photo.jpg"), images=("media/photo.jpeg",))
    assert only(root) == ("exhibit.yaml:8:16: error: event 'first', photo 1: image "
                          "'media/photo.jpg' does not exist (did you mean 'photo.jpeg'?)")


def test_no_unused_file_warning_when_an_event_file_does_not_parse(
        make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL, images=("media/a.jpg",), events={
        "b.yaml": "id: b\ndate: 1990\ntitle: Reform: the start\nmedia:\n  - image: media/a.jpg\n"})
    assert only(root) == ("events/b.yaml:3:14: error: a colon followed by a space inside a "
                          "text starts a new key; put the whole text in quotes: "
                          "title: \"Reform: the start\"")


def test_image_path_leaving_folder(make_folder: MakeFolder, tmp_path: Path) -> None:
    write_image(tmp_path / "outside.jpg")
    root = make_folder(PHOTO.format(path="../outside.jpg"))
    assert only(root) == ("exhibit.yaml:8:16: error: event 'first', photo 1: image path "
                          "'../outside.jpg' leaves the content folder")


@pytest.mark.posix  # making a symbolic link needs administrator rights on Windows
def test_image_link_leaving_folder(make_folder: MakeFolder, tmp_path: Path) -> None:
    write_image(tmp_path / "outside.jpg")
    root = make_folder(PHOTO.format(path="media/link.jpg"))
    (root / "media").mkdir()
    (root / "media" / "link.jpg").symlink_to(tmp_path / "outside.jpg")
    assert only(root) == ("exhibit.yaml:8:16: error: event 'first', photo 1: image "
                          "'media/link.jpg' is a link to a place outside the content folder; "
                          "copy the file into the folder instead")


@pytest.mark.parametrize("path", ["/etc/passwd", "C:/photos/a.jpg"])
def test_image_path_absolute(make_folder: MakeFolder, path: str) -> None:
    root = make_folder(PHOTO.format(path=path))
    assert only(root) == (f"exhibit.yaml:8:16: error: event 'first', photo 1: image path "
                          f"'{path}' is absolute; write it relative to the content folder, "
                          "e.g. media/photo.jpg")


def test_image_corrupt(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/bad.jpg"))
    (root / "media").mkdir()
    (root / "media" / "bad.jpg").write_bytes(b"this is not a jpeg")
    assert only(root) == ("exhibit.yaml:8:16: error: event 'first', photo 1: image "
                          "'media/bad.jpg' is not a readable JPEG, PNG or WebP image")


def test_image_wrong_format(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.gif"))
    write_image(root / "media" / "a.gif", fmt="GIF")
    assert only(root) == ("exhibit.yaml:8:16: error: event 'first', photo 1: image "
                          "'media/a.gif' is a GIF image, which the kiosk cannot show (it shows "
                          "JPEG, PNG and WebP); export it as PNG (or JPEG for a photo)")


def test_image_too_small(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.png"))
    write_image(root / "media" / "a.png", size=(640, 480), fmt="PNG")
    assert only(root) == ("exhibit.yaml:8:16: warning: event 'first', photo 1: image is only "
                          "640x480; on a 1920x1080 screen it is enlarged 2.2x and looks "
                          "blurred (use at least 1280x720)")


def test_image_too_large(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.png"))
    write_image(root / "media" / "a.png", size=(8000, 6000), fmt="PNG")
    assert only(root) == ("exhibit.yaml:8:16: warning: event 'first', photo 1: image is "
                          "8000x6000 (48 MP, 0 MB), which slows the kiosk down; scale it to "
                          "about 3840 px on its long side")


def test_exif_rotation_swaps_size(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.jpg"))
    write_image(root / "media" / "a.jpg", size=(1920, 1080), orientation=6)
    result = load_folder(root)
    assert result.exhibit is not None
    media = result.exhibit.events[0].media[0]
    assert (media.width, media.height) == (1080, 1920)


def test_missing_alt_is_a_warning(make_folder: MakeFolder) -> None:
    text = PHOTO.format(path="media/a.jpg").replace("        alt: A picture\n", "")
    root = make_folder(text, images=("media/a.jpg",))
    assert only(root) == ("exhibit.yaml:8:9: warning: event 'first', photo 1: no 'alt' text; "
                          "describe the picture for visitors who use a screen reader")


def test_unused_file_is_a_warning(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL, images=("media/forgotten.jpg",))
    assert only(root) == "media/forgotten.jpg: warning: file is not used by any event"


# --- YAML traps ----------------------------------------------------------------------------


def test_norway_and_unquoted_dates_are_read_as_written(make_folder: MakeFolder) -> None:
    root = make_folder("format: 1\nlanguages: [en, no]\ntitle: {en: On, no: På}\n"
                       "events:\n  - {id: a, date: 1981-05-12, title: {en: Yes, no: Ja}}\n")
    result = load_folder(root)
    assert [p.message.split(",")[0] for p in result.problems] == [
        "exhibit: the kiosk has no words of its own in 'no'"]  # only that
    assert result.exhibit is not None
    assert result.exhibit.languages == ("en", "no")
    assert result.exhibit.title.get("en") == "On"
    event = result.exhibit.events[0]
    assert event.title.get("en") == "Yes"
    assert event.date_text("en") == "12 May 1981"


def test_tab_indentation(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "\ttitle: Tab\n")
    assert only(root) == ("exhibit.yaml:7:1: error: tab character in indentation; YAML indents "
                          "with spaces only (set your editor to insert spaces for the Tab key)")


def test_byte_order_mark_is_accepted(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL)
    (root / "exhibit.yaml").write_bytes(b"\xef\xbb\xbf" + (root / "exhibit.yaml").read_bytes())
    assert problems_of(root) == []


def test_not_utf8(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL)
    (root / "exhibit.yaml").write_bytes(MINIMAL.replace("First", "Caf\xe9").encode("latin-1"))
    assert only(root) == ("exhibit.yaml:6:15: error: the file is not UTF-8: it was saved as "
                          "Windows 'ANSI' ('é' here); save it as UTF-8 (in Notepad: File > "
                          "Save As, Encoding: UTF-8)")


def test_alias_bomb_is_rejected(make_folder: MakeFolder) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    root = make_folder("\n".join(lines) + "\n")
    assert only(root) == ("exhibit.yaml:2:8: error: anchors and aliases (&name, *name) are not "
                          "supported in content files; write the value out in full")


def test_recursive_alias_is_rejected(make_folder: MakeFolder) -> None:
    root = make_folder("format: 1\ntitle: &t [*t]\n")
    assert "anchors and aliases" in only(root)


def test_deep_nesting_is_rejected(make_folder: MakeFolder) -> None:
    root = make_folder("format: " + "[" * 100000 + "\n")
    assert only(root).startswith("exhibit.yaml:1:58: error: the file is nested too deeply")


def test_empty_event_file(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL, events={"empty.yaml": ""})
    assert only(root) == "events/empty.yaml: error: the file is empty; it should hold one event"


def test_all_problems_of_a_folder_in_one_run(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "    tittle: x\nsubtitel: y\n",
                       events={"b.yaml": "id: b\ndate: 19999-1\ntitle: B\n"})
    found = load_folder(root).problems
    assert [(p.file, p.line) for p in found] == [
        ("exhibit.yaml", 7), ("exhibit.yaml", 8), ("events/b.yaml", 2)]
    assert all(isinstance(p, Problem) and p.is_error for p in found)


# --- the source line under a problem, as `kiosk validate` prints it ------------------------


def test_source_line_with_a_caret_under_the_column(make_folder: MakeFolder) -> None:
    root = make_folder("format: 1\ntitle: {en: 测试: 甲}\n")
    assert with_source(only_problem(root), root).splitlines() == [
        "exhibit.yaml:2:15: error: a colon followed by a space inside [...] or {...} starts a "
        "new key; put that text in quotes: \"测试: 甲\"",
        " 2 | title: {en: 测试: 甲}",
        "   |                 ^",  # under the colon: Chinese characters are two columns wide
    ]


def test_caret_under_a_tab_lines_up_as_the_tab_does(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + " \ttitle: Tab\n", name="tabbed")
    assert with_source(only_problem(root), root).splitlines()[1:] == [
        " 7 |  \ttitle: Tab",
        "   |  ^",
    ]


def only_problem(root: Path) -> Problem:
    problems = load_folder(root).problems
    assert len(problems) == 1, problems
    return problems[0]


def test_problems_without_a_line_print_alone(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL, images=("media/unused.jpg",))
    problem = load_folder(root).problems[0]
    assert with_source(problem, root) == "media/unused.jpg: warning: file is not used by any event"


@pytest.mark.posix  # FIFOs are POSIX
def test_source_line_is_never_read_from_a_special_file(tmp_path: Path) -> None:
    """A FIFO where exhibit.yaml should be would block a plain read for ever."""
    os.mkfifo(tmp_path / "exhibit.yaml")
    problem = Problem("exhibit.yaml", 2, 8, "error", "broken")
    assert with_source(problem, tmp_path) == "exhibit.yaml:2:8: error: broken"


# --- what an editor met: mistakes that looked right in the editor -------------------------

def test_blank_translation_of_a_title_is_an_error(make_folder: MakeFolder) -> None:
    for blank in ('""', '" "'):
        root = make_folder(TWO_LANGS + f"  - {{id: a, date: 1981, title: {{en: A, zh: {blank}}}}}\n",
                           name=f"c{len(blank)}")
        assert only(root) == (
            "exhibit.yaml:10:44: error: event 'a': 'title.zh' is empty, so a visitor reading "
            "'zh' would see a blank title; write the title, or delete the 'zh' line to show "
            "the 'en' title instead")


def test_every_language_blank_is_told_at_each_and_not_as_missing(
        make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + '  - {id: a, date: 1981, title: {en: "", zh: ""}}\n')
    assert problems_of(root) == [
        "exhibit.yaml:10:37: error: event 'a': 'title.en' is empty, so a visitor reading 'en' "
        "would see a blank title; write the title",
        "exhibit.yaml:10:45: error: event 'a': 'title.zh' is empty, so a visitor reading 'zh' "
        "would see a blank title; write the title, or delete the 'zh' line to show the 'en' "
        "title instead"]


def test_blank_translation_of_a_caption_falls_back_with_a_warning(
        make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - id: a\n    date: 1981\n    title: {en: A, zh: 甲}\n"
                       "    body: {en: Story, zh: ' '}\n")
    result = load_folder(root)
    assert [str(p) for p in result.problems] == [
        "exhibit.yaml:13:27: warning: event 'a': 'body.zh' is empty; the 'en' body is shown "
        "instead: write it, or delete the line"]
    assert result.exhibit is not None and result.exhibit.events[0].body.get("zh") == "Story"


def test_a_title_too_long_is_not_also_missing(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + f"  - {{id: a, date: 1981, title: {{en: {'x' * 221}, "
                       "zh: 甲}}\n")
    assert only(root) == ("exhibit.yaml:10:37: error: event 'a': 'title.en' has 221 "
                          "characters; it may have at most 200: shorten it")


def test_words_curly_quotes_in_english_are_a_warning_with_the_straight_text(
        make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL.replace("title: First",
                                       "title: UNV\u2019s start in \u201cBeijing\u201d"))
    assert only(root) == (
        "exhibit.yaml:6:15: warning: event 'first': 'title' has Word's curly quote \u2019 "
        "(after 'UNV'); the kiosk's font draws curly quotes full-width, with a wide gap: type "
        "straight quotes ' and \" instead, e.g. 'UNV's start in \"Beijing\"' (in Word: File > "
        "Options > Proofing > AutoCorrect Options > AutoFormat As You Type, untick \"Straight "
        "quotes with smart quotes\")")


def test_curly_quotes_in_chinese_are_right(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - {id: a, date: 1981, title: {en: A, zh: \u201c北京\u201d}}\n")
    assert problems_of(root) == []


def test_curly_quote_in_a_body_is_told_at_its_own_line(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "    body: |\n      First line.\n      It\u2019s here.\n")
    assert only(root).startswith("exhibit.yaml:9:9: warning: event 'first': 'body' has Word's "
                                 "curly quote \u2019 (after 'It')")


def test_link_and_html_in_a_body_are_told_at_their_own_lines(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "    body:\n      en: |\n        First line.\n"
                       "        See [the site](http://example.org) and <b>this</b>.\n")
    assert problems_of(root) == [
        "exhibit.yaml:10:13: warning: event 'first': 'body' (en): a link cannot be followed "
        "on a kiosk; only its text shows (http://example.org)",
        "exhibit.yaml:10:48: warning: event 'first': 'body' (en): raw HTML is shown as "
        "typed: '<b>'",
        "exhibit.yaml:10:55: warning: event 'first': 'body' (en): raw HTML is shown as "
        "typed: '</b>'"]


def test_photo_name_differing_in_case_is_suggested_first(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/about-unv.jpg"),
                       images=("media/About-UNV.JPG", "media/youth-volunteers.jpg"))
    assert problems_of(root)[0] == (
        "exhibit.yaml:8:16: error: event 'first', photo 1: image 'media/about-unv.jpg' does "
        "not exist (did you mean 'About-UNV.JPG'? Capitals count: the name must be written "
        "exactly as the file is named)")


HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)
AVIF = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + bytes(64)


@pytest.mark.parametrize(("head", "what"), [
    (HEIC, "a HEIC photo (an iPhone's own format)"),
    (AVIF, "an AVIF image (saved by newer Android phones and web pages)"),
    (b"II*\x00" + bytes(64), "a TIFF image (as scanners save them, and cameras' RAW files)"),
    (b"BM" + bytes(64), "a BMP image (as Windows Paint saves them)"),
])
def test_photo_formats_from_phones_and_scanners_are_named(
        make_folder: MakeFolder, head: bytes, what: str) -> None:
    root = make_folder(PHOTO.format(path="media/IMG_0001.jpg"))
    (root / "media").mkdir()
    (root / "media" / "IMG_0001.jpg").write_bytes(head)
    assert only(root).startswith(
        f"exhibit.yaml:8:16: error: event 'first', photo 1: image 'media/IMG_0001.jpg' is "
        f"{what}, which the kiosk cannot show (it shows JPEG, PNG and WebP); ")


def test_a_heic_photo_says_how_to_export_a_jpeg(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.heic"))
    (root / "media").mkdir()
    (root / "media" / "a.heic").write_bytes(HEIC)
    assert only(root).endswith(
        "export it as JPEG: on the iPhone, Settings > Camera > Formats > Most Compatible "
        "takes JPEGs from now on; on a Mac, open it in Preview and File > Export as JPEG; on "
        "Windows, open it in Photos and Save as .jpg")


def test_real_tiff_and_bmp_files_are_named(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.tif"))
    write_image(root / "media" / "a.tif", fmt="TIFF")
    assert "is a TIFF image" in only(root)


def test_exhibit_yml_is_told_to_be_renamed(tmp_path: Path) -> None:
    (tmp_path / "exhibit.yml").write_text(MINIMAL, encoding="utf-8")
    assert problems_of(tmp_path) == ["exhibit.yaml: error: no exhibit.yaml in the content "
                                     "folder; rename exhibit.yml to exhibit.yaml"]


@pytest.mark.parametrize(("name", "fixed"), [("b.YAML", "b.yaml"), ("b.yaml.txt", "b.yaml"),
                                             ("b.Yml", "b.yaml")])
def test_an_event_file_not_loaded_for_its_name_is_a_warning(
        make_folder: MakeFolder, name: str, fixed: str) -> None:
    root = make_folder(MINIMAL, events={name: "id: b\ndate: 1990\ntitle: B\n"})
    assert problems_of(root) == [
        f"events/{name}: warning: this event is not loaded: only files ending in .yaml or "
        f".yml are read; rename it to {fixed}"]


def test_utf16_is_named_as_notepad_names_it(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL)
    (root / "exhibit.yaml").write_bytes(MINIMAL.encode("utf-16"))
    assert only(root) == ("exhibit.yaml: error: the file was saved as UTF-16 (what Notepad "
                          "calls 'Unicode'): save it as UTF-8 (in Notepad: File > Save As, "
                          "Encoding: UTF-8)")
    (root / "exhibit.yaml").write_bytes(MINIMAL.encode("utf-16-le"))  # no byte order mark
    assert "saved as UTF-16" in only(root)


def test_a_third_language_without_texts_is_one_summary_line(make_folder: MakeFolder) -> None:
    events = "".join(f"  - {{id: e{i}, date: {1981 + i}, title: {{en: E, zh: 甲}}}}\n"
                     for i in range(8))
    root = make_folder(TWO_LANGS.replace("[en, zh]", "[en, zh, fr]") + events)
    assert problems_of(root)[1:] == [
        "exhibit.yaml:3:8: warning: fr: 10 texts missing; first at exhibit.yaml:3:8 "
        "(exhibit: no 'fr' title); 'en' is shown instead of each (they are listed one by one "
        "when at most 5 are left)"]


def test_curly_quotes_meant_as_yaml_quotes_are_removed_by_the_suggestion(
        make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL.replace("title: First", "title: \u201cBeijing 2008\u201d"))
    assert only(root) == ("exhibit.yaml:6:12: warning: event 'first': 'title' is in Word's "
                          "curly quotes, which YAML does not read as quotes: a visitor would "
                          "see them; remove them: title: Beijing 2008")
    root = make_folder(MINIMAL.replace("title: First", "title: \u201cReform: the start\u201d"),
                       name="colon")
    assert only(root) == ("exhibit.yaml:6:19: error: a colon followed by a space inside a text "
                          "starts a new key; put the whole text in quotes: "
                          "title: \"Reform: the start\"")


FRENCH = TWO_LANGS.replace("[en, zh]", "[en, fr]").replace("zh: 测试", "fr: Essai") \
    .replace("zh: 改革", "fr: Réforme").replace("events:\n", """\
interface:
  fr:
    touch: Touchez pour explorer
    returning: Retour au début dans {n} s
    photo_of: Photo {i} sur {x}
    tuoch: x
events:
  - {id: a, date: 1981, title: {en: A, fr: Un}}
""")


def test_interface_words_for_a_language_the_kiosk_does_not_know(
        make_folder: MakeFolder) -> None:
    assert problems_of(make_folder(FRENCH)) == [
        "exhibit.yaml:10:3: warning: exhibit: the kiosk has no words of its own in 'fr', and "
        "26 interface words are missing (still_there, continue, previous, next, close, home, "
        "...); a visitor reading 'fr' sees them in English: add them under 'interface:', "
        "'fr:' (see the list in docs/content-format.md)",
        "exhibit.yaml:13:15: error: exhibit: 'interface.fr.photo_of' must have {i} and {n}, "
        "where the kiosk puts the number, as in the English 'Photo {i} of {n}', and no "
        "other braces",
        "exhibit.yaml:14:5: error: exhibit: 'interface.fr' has an unknown word 'tuoch' (did "
        "you mean 'touch'?)"]


def test_interface_words_reach_the_exhibit(make_folder: MakeFolder) -> None:
    text = FRENCH.replace("    photo_of: Photo {i} sur {x}\n    tuoch: x\n", "")
    result = load_folder(make_folder(text))
    assert result.exhibit is not None
    assert result.exhibit.words == {"fr": {"touch": "Touchez pour explorer",
                                           "returning": "Retour au début dans {n} s"}}


def test_a_language_the_kiosk_does_not_know_without_interface_words_is_told(
        make_folder: MakeFolder) -> None:
    text = TWO_LANGS.replace("[en, zh]", "[en, fr]").replace("zh: 测试", "fr: Essai") \
        .replace("zh: 改革", "fr: Réforme") + "  - {id: a, date: 1981, title: {en: A, fr: B}}\n"
    assert problems_of(make_folder(text)) == [
        "exhibit.yaml:2:17: warning: exhibit: the kiosk has no words of its own in 'fr', and "
        "28 interface words are missing (touch, still_there, returning, continue, previous, "
        "next, ...); a visitor reading 'fr' sees them in English: add them under "
        "'interface:', 'fr:' (see the list in docs/content-format.md)"]


LONG_TITLE = ("The United Nations Volunteers programme and the China Volunteer Service "
              "Federation sign the first memorandum of understanding on volunteer "
              "cooperation in Beijing")


def test_a_title_that_will_not_fit_its_panel_is_a_warning(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + f"  - id: a\n    date: 1981\n    short_title: A\n"
                       f"    title:\n      en: {LONG_TITLE}\n      zh: 中国青年志愿者\n")
    assert only(root) == (
        "exhibit.yaml:14:11: warning: event 'a': 'title' (en) takes 7 lines in the event's "
        "panel at 1920x1080, even set smaller; it fits in 3, and more push the story below "
        "the fold: shorten it (about 65 characters fit), and put the rest in the body")


def test_the_bundled_titles_fit_and_the_font_is_read_as_fonttools_reads_it() -> None:
    from fontTools.ttLib import TTFont

    from kiosk.core.advances import FONTS, TITLE_FONT, title_font
    font = title_font()
    assert font is not None
    reference = TTFont(FONTS / TITLE_FONT)
    cmap, metrics = reference.getBestCmap(), reference["hmtx"]
    units = reference["head"].unitsPerEm
    for char in "Training Volunteers for the Beijing 2008 Olympic Games 中国青年志愿者，。":
        assert font.advance(char) == metrics[cmap[ord(char)]][0] / units, char


def test_a_character_the_fonts_lack_is_told_with_how_to_add_it(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - {id: a, date: 1998, title: {en: Zhu Rongji, zh: 朱镕基}}\n")
    assert only(root) == (
        "exhibit.yaml:10:54: warning: event 'a': 'title.zh' has '镕' (U+9555 CJK UNIFIED "
        "IDEOGRAPH-9555), which the kiosk's fonts lack: it is drawn in another font of the "
        "computer, or as an empty box; add it to the fonts with scripts/subset_fonts.py "
        "--content <this folder> (see docs/content-guide.md)")


def test_english_left_in_the_chinese_text_is_a_warning(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - {id: a, date: 1981, title: {en: Reform begins, "
                       "zh: Reform begins}}\n")
    assert only(root) == (
        "exhibit.yaml:10:56: warning: event 'a': 'title.zh' has no Chinese, Japanese or "
        "Korean character, so it is likely not in 'zh' (an untranslated copy?): a visitor "
        "reading 'zh' reads it as typed; translate it, or delete the line to show the "
        "default language's text")


def test_languages_swapped_is_a_warning(make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + "  - {id: a, date: 1981, title: {en: 改革开始, zh: 改革}}\n")
    assert only(root).startswith(
        "exhibit.yaml:10:37: warning: event 'a': 'title.en' is written in Chinese "
        "characters, but it is the 'en' text: were two languages swapped?")


def test_a_timeline_label_that_spills_out_of_the_strip_is_a_warning(
        make_folder: MakeFolder) -> None:
    root = make_folder(TWO_LANGS + f"  - id: a\n    date: 1981\n    title: {{en: {LONG_TITLE[:72]}, "
                       "zh: 甲}\n")
    assert problems_of(root) == [
        "exhibit.yaml:12:17: warning: event 'a': the timeline labels the event with its "
        "'title' (en), which takes 3 lines there and spills out of the strip; give the event "
        "a 'short_title' of a few words (about 50 characters fit)"]
    root = make_folder(TWO_LANGS + f"  - id: a\n    date: 1981\n    title: A\n"
                       f"    short_title: {LONG_TITLE[:72]}\n", name="short")
    assert problems_of(root) == [
        "exhibit.yaml:13:18: warning: event 'a': the timeline labels the event with its "
        "'short_title' (en), which takes 3 lines there and spills out of the strip; shorten "
        "it to about 50 characters"]


def test_a_chinese_credit_or_a_text_for_every_language_is_not_the_wrong_language(
        make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="media/a.jpg").replace(
        "title: First", "title: 北京") + "        credit: 新华社\n", images=("media/a.jpg",))
    assert problems_of(root) == []


def test_a_folder_name_differing_in_case_is_suggested(make_folder: MakeFolder) -> None:
    root = make_folder(PHOTO.format(path="Media/Photos/a.jpg"), images=("media/photos/A.jpg",))
    assert problems_of(root)[0] == (
        "exhibit.yaml:8:16: error: event 'first', photo 1: image 'Media/Photos/a.jpg' does "
        "not exist (did you mean 'media/photos/A.jpg'? Capitals count: the path must be "
        "written exactly as the folders and the file are named)")


@pytest.mark.parametrize(("title", "column"), [
    ("Reform <b>begins</b>", 19),  # plain: the tag's own column
    ("'It''s <b>reform</b>'", 19),  # '' is one quote as read, two as typed
    ('"Reform \\u00e9 <b>begins</b>"', 27),  # \u00e9 is one character as read, six as typed
])
def test_markup_is_told_at_its_own_column(make_folder: MakeFolder, title: str,
                                          column: int) -> None:
    root = make_folder(MINIMAL.replace("title: First", f"title: {title}"))
    assert only(root) == (
        f"exhibit.yaml:6:{column}: warning: event 'first': 'title' has markup '<b>'; the kiosk "
        "shows texts as plain text, so a visitor would read it as typed: write the text "
        "without HTML")


def test_an_invisible_character_typed_as_an_escape_is_told_at_the_escape(
        make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL.replace("title: First", 'title: "Reform\\u200bbegins"'))
    assert only(root) == (
        "exhibit.yaml:6:19: warning: event 'first': 'title' has the invisible character "
        "U+200B ZERO WIDTH SPACE (after 'Reform'); delete it unless it is meant")


ERAS = """\
format: 1
title: Test
eras:
{eras}
events:
  - {{id: first, date: 1981, title: First}}
"""


def era_lines(colours: list[str | None]) -> str:
    return "\n".join(f"  - {{id: e{i}, title: E{i}, start: {1900 + i}, end: {1901 + i}"
                     + (f", color: \"{c}\"" if c else "") + "}" for i, c in enumerate(colours))


def test_an_era_colour_that_melts_into_the_track_is_a_warning(make_folder: MakeFolder) -> None:
    root = make_folder(ERAS.format(eras=era_lines(["#2F6690", "#333333"])))
    assert only(root) == (
        "exhibit.yaml:5:56: warning: era 'e1': 'color' \"#333333\" is too close to the "
        "timeline's track (#24384F, 1.06:1 in the normal colours; at least 1.5:1), so the band "
        "melts into it: choose a lighter or brighter colour, e.g. \"#3A7D44\"")


def test_an_era_colour_too_light_for_its_white_name_is_a_warning(
        make_folder: MakeFolder) -> None:
    root = make_folder(ERAS.format(eras=era_lines(["#FFE600"])))
    assert only(root) == (
        "exhibit.yaml:4:56: warning: era 'e0': 'color' \"#FFE600\" is too light for the era's "
        "white name, so the kiosk draws it darkened to #7F7300: choose a darker colour "
        "yourself (white text on it at 4.5:1 or more), e.g. \"#7F7300\"")


def test_two_eras_of_one_colour_are_a_warning(make_folder: MakeFolder) -> None:
    root = make_folder(ERAS.format(eras=era_lines(["#2F6690", "#3A7D44", "#2f6691"])))
    assert only(root) == (
        "exhibit.yaml:6:56: warning: era 'e2': 'color' \"#2F6691\" is the colour of era 'e0' "
        "too, so visitors may take the two bands for one: give it another colour, e.g. "
        "color: \"#9C6644\"")


def test_more_eras_than_the_kiosks_colours_are_told_to_take_one(
        make_folder: MakeFolder) -> None:
    from kiosk.core.colours import ERA_PALETTE

    root = make_folder(ERAS.format(eras=era_lines([None] * (len(ERA_PALETTE) + 1))))
    assert only(root) == (
        "exhibit.yaml:13:5: warning: era 'e9': has no 'color', and the kiosk's 9 era colours "
        "are used up, so its band has the colour of era 'e0' and visitors may take the two "
        "for one: give it a 'color'")


def test_the_default_era_colours_pass_their_own_rules() -> None:
    from kiosk.core.colours import ERA_PALETTE, era_colour_problems

    assert {colour: era_colour_problems(colour) for colour in ERA_PALETTE} == {
        colour: [] for colour in ERA_PALETTE}


LONG_EXHIBIT_TITLE = (
    "The United Nations Volunteers programme and the People's Republic of China: forty years "
    "of partnership in volunteering, from the first volunteers of 1981 to the digital "
    "volunteering of today")


def test_an_exhibit_title_that_hides_the_welcome_picture_is_a_warning(
        make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL.replace("title: Test exhibit", f'title: "{LONG_EXHIBIT_TITLE}"'))
    assert problems_of(root) == [  # seen: kiosk snapshot, welcome and top bar alike
        "exhibit.yaml:2:8: warning: exhibit: 'title' (en) takes 5 lines on the welcome screen "
        "at 1920x1080, even set smaller, and hides most of its picture; it fits in 3: shorten "
        "it (about 120 characters fit), and put the rest in the 'subtitle'",
        "exhibit.yaml:2:8: warning: exhibit: 'title' (en) is too long for the top bar of the "
        "event screens at 1920x1080, which cuts it short with '…': shorten it (about 105 "
        "characters fit), and put the rest in the 'subtitle'"]


def test_an_exhibit_title_cut_short_in_the_top_bar_is_a_warning(
        make_folder: MakeFolder) -> None:
    title = "联合国志愿人员组织与中华人民共和国：四十年的伙伴关系，从一九八一年的第一批志愿者到今天的数字志愿服务与南南合作"
    root = make_folder(TWO_LANGS.replace("zh: 测试", f"zh: {title}")
                       + "  - {id: a, date: 1981, title: {en: A, zh: 甲}}\n")
    assert only(root) == (
        "exhibit.yaml:3:23: warning: exhibit: 'title' (zh) is too long for the top bar of the "
        "event screens at 1920x1080, which cuts it short with '…': shorten it (about 50 "
        "characters fit), and put the rest in the 'subtitle'")


# --- what else an editor could type that would look wrong on screen (issue 27) ----------

def test_markdown_the_body_does_not_lay_out_is_told_at_its_line(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "    body: |\n      # The first volunteers\n      They came in "
                       "1981.\n\n      ---\n\n      ```\n      code\n      ```\n      | year | "
                       "volunteers |\n      |---|---|\n      | 1981 | 3 |\n")
    assert problems_of(root) == [
        "exhibit.yaml:8:7: warning: event 'first': 'body' (en): a heading's '#' is shown as "
        "typed (the body has no headings): make the line a paragraph of its own in bold: "
        "**...**",
        "exhibit.yaml:11:7: warning: event 'first': 'body' (en): a line of '---' is shown as "
        "typed (the body has no rules or underlined headings): delete it; a blank line "
        "separates paragraphs",
        "exhibit.yaml:13:7: warning: event 'first': 'body' (en): '```' is shown as typed (the "
        "body has no code blocks): delete it and the closing one",
        "exhibit.yaml:16:7: warning: event 'first': 'body' (en): a table is shown as typed, "
        "with its '|' (the body has no tables): write it as a list, one '- ' line a row"]


def test_markdown_in_a_plain_text_is_a_warning_at_its_column(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL.replace("title: First", "title: The **first** volunteers"))
    assert only(root) == (
        "exhibit.yaml:6:16: warning: event 'first': 'title' has Markdown '**first**'; only an "
        "event's body is Markdown, so a visitor would read the marks as typed: write the text "
        "without them")


def test_an_event_copied_under_another_id_is_a_warning(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "  - id: first-copy\n    date: 1981\n    title: first\n")
    assert only(root) == (
        "exhibit.yaml:7:9: warning: event 'first-copy': has the date and title of event "
        "'first' (exhibit.yaml line 4), so visitors see the event twice on the timeline: "
        "delete one of them, or tell them apart")


def test_a_year_far_from_every_other_is_a_warning(make_folder: MakeFolder) -> None:
    events = "".join(f"  - {{id: e{i}, date: {1981 + i * 5}, title: E{i}}}\n" for i in range(4))
    root = make_folder("format: 1\ntitle: T\nevents:\n" + events
                       + "  - {id: typo, date: 2891, title: Typo}\n")
    assert only(root) == (
        "exhibit.yaml:8:10: warning: event 'typo': is dated 2891, 895 years after every other "
        "event (the latest is 'e3', 1996), so the timeline stretches to show it and the other "
        "events crowd together: check the year (a typo such as 2891 for 1981 does this)")
    spread = make_folder("format: 1\ntitle: T\nevents:\n" + "".join(
        f"  - {{id: e{i}, date: {year}, title: E{i}}}\n"
        for i, year in enumerate((1900, 1920, 1950, 1990, 2020))), name="spread")
    assert problems_of(spread) == []  # a long story with a gap is not a typo


@pytest.mark.parametrize(("display", "told"), [
    ("Spring 1991", True), ("Since 1981", False), ("The 1980s", False), ("c. 1980", False),
    ("1980年代", False), ("After 35 years", False)])
def test_a_display_date_that_names_another_year_is_a_warning(
        make_folder: MakeFolder, display: str, told: bool) -> None:
    root = make_folder(MINIMAL + f"    display_date: {display}\n")
    expected = [
        "exhibit.yaml:7:19: warning: event 'first': 'display_date' (en) says 1991, but the "
        "event is placed at 1981 on the timeline by its 'date': correct the one that is wrong"]
    assert problems_of(root) == (expected if told else [])


def test_a_panorama_is_told_it_is_a_thin_strip(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL + "    media:\n      - {image: media/pano.jpg, alt: A view}\n")
    write_image(root / "media" / "pano.jpg", size=(6000, 1200))
    assert only(root) == (
        "exhibit.yaml:8:17: warning: event 'first', photo 1: image is 6000x1200, 5 times as "
        "wide as it is high: shown whole, it is a thin strip across the photo's place (a "
        "panorama?); crop it to at most 3:1, or show its parts as several photos")


def test_a_subtitle_that_hides_the_welcome_picture_is_a_warning(make_folder: MakeFolder) -> None:
    subtitle = "Forty years of volunteering together, " * 12
    root = make_folder(MINIMAL.replace("title: Test exhibit",
                                       f"title: Test exhibit\nsubtitle: '{subtitle.strip()}'"))
    assert only(root) == (
        "exhibit.yaml:3:11: warning: exhibit: 'subtitle' (en) takes 6 lines on the welcome "
        "screen at 1920x1080 and hides most of its picture; it fits in 4: shorten it (about "
        "300 characters fit)")


@pytest.mark.parametrize(("title", "expected"), [
    ("|\n      First\n", "exhibit.yaml:6:12: warning: event 'first': 'title' ends with a line "
     "break (a '|' or '>' block keeps it), which a visitor sees as an empty line under it: "
     "write the text on the key's line, or start the block with '|-' (or '>-')"),
    ('"  First volunteers"', "exhibit.yaml:6:13: warning: event 'first': 'title' starts with "
     "spaces, which shift it on screen: delete them"),
    ('"First\\tvolunteers"', "exhibit.yaml:6:18: warning: event 'first': 'title' has a tab, "
     "which is drawn as a wide gap: type a space instead"),
])
def test_white_space_a_visitor_sees_is_a_warning(make_folder: MakeFolder, title: str,
                                                 expected: str) -> None:
    root = make_folder(MINIMAL.replace("title: First", f"title: {title}"))
    assert only(root) == expected
    assert problems_of(make_folder(MINIMAL.replace("title: First", "title: |-\n      First\n"),
                                   name="kept")) == []


ARABIC_COUNTS = FRENCH.replace("[en, fr]", "[en, ar]").replace("fr: Essai", "ar: تجربة") \
    .replace("fr: Réforme", "ar: إصلاح").replace("fr: Un", "ar: واحد").replace("""\
  fr:
    touch: Touchez pour explorer
    returning: Retour au début dans {n} s
    photo_of: Photo {i} sur {x}
    tuoch: x
""", """\
  ar:
    events_n: {zero: لا أحداث, one: حدث واحد, two: حدثان, few: "{n} أحداث",
               many: "{n} حدثًا", other: "{n} حدث"}
""")


def test_a_word_with_a_count_may_be_given_as_its_plural_forms(make_folder: MakeFolder) -> None:
    """Arabic's six forms reach the visitor, each for its counts: 'two events' in words,
    not '2 أحداث'."""
    result = load_folder(make_folder(ARABIC_COUNTS))
    assert [str(p) for p in result.problems] == []
    assert result.exhibit is not None
    words = result.exhibit.words
    assert [word("events_n", "ar", words, n=n) for n in (1, 2, 3, 11, 100)] == [
        "حدث واحد", "حدثان", "3 أحداث", "11 حدثًا", "100 حدث"]


def test_plural_forms_are_checked_against_the_languages_rules(make_folder: MakeFolder) -> None:
    text = FRENCH.replace("    photo_of: Photo {i} sur {x}\n    tuoch: x\n", """\
    events_n: {one: "{n} événement", two: deux événements, few: "{n} x", others: "{n} y"}
    position: {one: "{i} sur un", other: "{i} sur {n}"}
    close: {one: Fermer, other: Fermer}
""")
    assert problems_of(make_folder(text))[1:] == [
        "exhibit.yaml:13:15: error: exhibit: 'interface.fr.events_n' has no 'other' form: give "
        "one, for the counts the other forms do not take (e.g. other: ... {n} ...)",
        "exhibit.yaml:13:38: warning: exhibit: 'interface.fr.events_n.two' is never shown: "
        "'fr' has no 'two' form (its forms, by CLDR: one, other); delete it",
        "exhibit.yaml:13:43: error: exhibit: 'interface.fr.events_n.two' must have {n}, where "
        "the kiosk puts the number, as in the English '{n} events', and no other braces",
        "exhibit.yaml:13:60: warning: exhibit: 'interface.fr.events_n.few' is never shown: "
        "'fr' has no 'few' form (its forms, by CLDR: one, other); delete it",
        "exhibit.yaml:13:74: error: exhibit: 'interface.fr.events_n' has a form 'others'; "
        "plural forms are CLDR's: zero, one, two, few, many, other (did you mean 'other'?)",
        "exhibit.yaml:14:21: error: exhibit: 'interface.fr.position.one' must have {i} and "
        "{n}, where the kiosk puts the number, as in the English '{i} of {n}', and no other "
        "braces",
        "exhibit.yaml:15:12: error: exhibit: 'interface.fr.close' must be a text, not a mapping"]


def test_plural_forms_a_language_uses_and_lacks_are_told(make_folder: MakeFolder) -> None:
    text = ARABIC_COUNTS.replace('few: "{n} أحداث",\n               many: "{n} حدثًا", ', "")
    assert problems_of(make_folder(text)) == [
        "exhibit.yaml:11:15: warning: exhibit: 'interface.ar.events_n' has no 'few', 'many' "
        "form: 'ar' uses them (CLDR), and the 'other' form is shown instead"]


def test_a_language_cldr_does_not_know_is_told(make_folder: MakeFolder) -> None:
    text = TWO_LANGS.replace("[en, zh]", "[en, zz]").replace("zh: 测试", "zz: Essai") \
        .replace("zh: 改革", "zz: Réforme") + "  - {id: a, date: 1981, title: {en: A, zz: B}}\n"
    assert problems_of(make_folder(text))[0] == (
        "exhibit.yaml:2:17: warning: exhibit: this kiosk has no CLDR data for the language "
        "'zz': its dates, digits and plural forms are English's (check the code: e.g. 'fr', "
        "'zh-Hant', 'ar-EG')")
