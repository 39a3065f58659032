"""Translations spliced into YAML as editors write it: the file changes at the translated
values, in their own style, and nowhere else."""

from __future__ import annotations

import string
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.reader import STR_TAG, Scalar, YamlMapping, read_yaml
from kiosk.translation.yamledit import Document, EditError, render


def edited(before: str, *texts: tuple[tuple[str | int, ...], str], lang: str = "fr") -> str:
    doc = Document("events/x.yaml", textwrap.dedent(before).encode("utf-8"))
    for path, text in texts:
        doc.set_text(path, lang, "en", text)
    return doc.result().decode("utf-8")


def test_a_flow_mapping_gains_an_entry_before_its_brace() -> None:
    assert edited("""\
        id: x   # the id
        title: {en: The first volunteers, zh: 首批志愿者}   # from the article
        """, (("title",), "Les premiers volontaires")) == textwrap.dedent("""\
        id: x   # the id
        title: {en: The first volunteers, zh: 首批志愿者, fr: Les premiers volontaires}   # from the article
        """)


def test_a_block_mapping_gains_a_line_at_its_indentation() -> None:
    assert edited("""\
        title:
            en: The first volunteers   # checked
            zh: 首批志愿者
        # the story
        body: x
        """, (("title",), "Les premiers volontaires")) == textwrap.dedent("""\
        title:
            en: The first volunteers   # checked
            zh: 首批志愿者
            fr: Les premiers volontaires
        # the story
        body: x
        """)


def test_a_block_text_is_replaced_at_the_editors_indentation() -> None:
    assert edited("""\
        body:
          en: |
                First paragraph.

                - a point
          fr: |
                Ancien texte.

        media: []
        """, (("body",), "Premier paragraphe.\n\n- un point")) == textwrap.dedent("""\
        body:
          en: |
                First paragraph.

                - a point
          fr: |
                Premier paragraphe.

                - un point

        media: []
        """)


def test_spaces_at_the_end_of_a_block_are_replaced_with_it() -> None:
    before = "body:\n  en: |\n    One.  \n  fr: |\n    Un.   \n\n\nid: x\n"
    assert edited(before, (("body",), "Uno.")) == \
        "body:\n  en: |\n    One.  \n  fr: |\n    Uno.\n\n\nid: x\n"
    assert edited(before.replace("  fr: |\n    Un.   \n", ""), (("body",), "Uno.")) == \
        "body:\n  en: |\n    One.  \n  fr: |\n    Uno.\n\n\nid: x\n"


def test_a_new_translation_of_a_block_text_is_a_block_too() -> None:
    assert edited("""\
        body:
          en: |
            One.

            Two.
        id: x
        """, (("body",), "Un.\n\nDeux.")) == textwrap.dedent("""\
        body:
          en: |
            One.

            Two.
          fr: |
            Un.

            Deux.
        id: x
        """)


@pytest.mark.parametrize("text", [
    "yes", "no", "1981", "3.5", "null", "~", "a: b", "#1 du monde", "- un point", "[fr] x",
    "{n} événements", "l'UNV", '"cité"', "x #y", "  espaces", "fin ", "*gras*", "@x", "%x",
    "!x", "&x", "|x", ">x", "`x`", "a\tb", "\u2028", "ligne\nsuivante", "\\", "",
])
@pytest.mark.parametrize("flow", [True, False])
def test_every_text_comes_back_exactly_and_as_a_string(text: str, flow: bool) -> None:
    """Whatever a translator types, the kiosk reads it back as that very text, a string
    (YAML 1.1 would make `yes` true and 1981 a number)."""
    before = ("title: {en: The title, zh: 标题}\n" if flow else
              "title:\n  en: The title\n  zh: 标题\n")
    after = edited(before, (("title",), text))
    root, problems = read_yaml(after.encode("utf-8"), "x")
    assert problems == [] and isinstance(root, YamlMapping)
    title = root.get("title")
    assert isinstance(title, YamlMapping)
    value = title.get("fr")
    assert isinstance(value, Scalar) and (value.text, value.tag) == (text, STR_TAG)


def test_quotes_of_the_value_replaced_are_kept() -> None:
    assert edited("title:\n  en: 'The title'\n  fr: 'Le titre'\n",
                  (("title",), "L'autre titre")) == \
        "title:\n  en: 'The title'\n  fr: 'L''autre titre'\n"
    assert edited('title: {en: "The title", fr: "Le titre"}\n', (("title",), "Autre")) == \
        'title: {en: "The title", fr: "Autre"}\n'


def test_windows_line_ends_and_a_byte_order_mark_are_kept() -> None:
    raw = "\ufefftitle:\r\n  en: The title\r\n  zh: 标题\r\nbody:\r\n  en: |\r\n    One.\r\n"
    doc = Document("x.yaml", raw.encode("utf-8"))
    doc.set_text(("title",), "fr", "en", "Le titre")
    doc.set_text(("body",), "fr", "en", "Un.\n\nDeux.")
    assert doc.result().decode("utf-8") == (
        "\ufefftitle:\r\n  en: The title\r\n  zh: 标题\r\n  fr: Le titre\r\nbody:\r\n"
        "  en: |\r\n    One.\r\n  fr: |\r\n    Un.\r\n\r\n    Deux.\r\n")


def test_a_text_for_every_language_becomes_a_mapping() -> None:
    assert edited('title: "UNV"  # a name\nid: x\n', (("title",), "VNU")) == \
        'title: {en: "UNV", fr: "VNU"}  # a name\nid: x\n'
    assert edited("body: |\n  One.\n\n  Two.\nid: x\n", (("body",), "Un.\n\nDeux.")) == (
        "body:\n  en: |\n    One.\n\n    Two.\n  fr: |\n    Un.\n\n    Deux.\nid: x\n")


def test_texts_inside_a_list_of_photos() -> None:
    assert edited("""\
        media:
          - image: media/a.jpg
            caption: {en: A caption}
            credit: "Someone"
          - image: media/b.jpg
            alt:
              en: "A picture: two people"
        """, (("media", 0, "caption"), "Une légende"),
        (("media", 1, "alt"), "Une image : deux personnes")) == textwrap.dedent("""\
        media:
          - image: media/a.jpg
            caption: {en: A caption, fr: Une légende}
            credit: "Someone"
          - image: media/b.jpg
            alt:
              en: "A picture: two people"
              fr: "Une image : deux personnes"
        """)


EXHIBIT = """\
format: 1
languages:
  - en
  - zh   # Chinese
title: {en: T, zh: 标}
eras: []
"""


def test_a_language_is_added_to_the_list_in_its_style() -> None:
    doc = Document("exhibit.yaml", EXHIBIT.encode("utf-8"))
    doc.add_language("fr", ("en", "zh"))
    assert doc.result().decode("utf-8") == EXHIBIT.replace("# Chinese\n", "# Chinese\n  - fr\n")
    doc = Document("exhibit.yaml", b"format: 1\nlanguages: [en, zh]\ntitle: T\n")
    doc.add_language("fr", ("en", "zh"))
    assert doc.result() == b"format: 1\nlanguages: [en, zh, fr]\ntitle: T\n"


def test_languages_and_interface_are_made_when_missing() -> None:
    doc = Document("exhibit.yaml", b"format: 1\ntitle: T  # the title\nevents: []\n")
    doc.add_language("fr", ("en",))
    doc.set_words("fr", {"touch": "Touchez", "returning": "Retour dans {n} s"})
    assert doc.result().decode("utf-8") == (
        "format: 1\ntitle: T  # the title\nlanguages: [en, fr]\ninterface:\n  fr:\n"
        "    touch: Touchez\n    returning: Retour dans {n} s\nevents: []\n")


def test_interface_words_join_those_given() -> None:
    before = "format: 1\ninterface:\n  fr:\n    touch: Touchez\ntitle: T\n"
    doc = Document("exhibit.yaml", before.encode("utf-8"))
    doc.set_words("fr", {"touch": "Touchez l'écran", "close": "Fermer"})
    assert doc.result().decode("utf-8") == (
        "format: 1\ninterface:\n  fr:\n    touch: Touchez l'écran\n    close: Fermer\n"
        "title: T\n")
    doc = Document("exhibit.yaml", b"format: 1\ninterface: {ar: {touch: x}}\ntitle: T\n")
    doc.set_words("fr", {"close": "Fermer"})
    assert doc.result() == b"format: 1\ninterface: {ar: {touch: x}, fr: {close: Fermer}}\n" \
        b"title: T\n"


def test_a_style_that_cannot_hold_the_text_falls_back_to_double_quotes() -> None:
    assert render("a\nb", None, True, 0, "\n") == '"a\\nb"'
    assert render("  indented\nlines", "|", False, 4, "\n") == '"  indented\\nlines"'
    assert render("yes", None, False, 2, "\n") == '"yes"'


def test_a_path_that_is_not_there_is_an_edit_error() -> None:
    doc = Document("x.yaml", b"title: {en: T}\n")
    with pytest.raises(EditError):
        doc.set_text(("subtitle",), "fr", "en", "x")


YAML_ALPHABET = string.ascii_letters + string.digits + " \n\t:-[]{},&*!|>'\"#%@`?.~\\" + \
    "年é’«»\u00a0\u200b\r"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=YAML_ALPHABET, max_size=60),
       layout=st.sampled_from(["flow", "block", "literal", "shared", "missing-block"]))
def test_any_translation_is_written_exactly_or_refused(text: str, layout: str) -> None:
    """Whatever a translator types, the file reads back with exactly that text as the
    translation and every other value as it was; else nothing is made (EditError)."""
    before = {
        "flow": "title: {en: The title, zh: 标题}\nid: x\n",
        "block": "title:\n  en: The title\n  fr: Le titre\nid: x\n",
        "literal": "body:\n  en: |\n    One.\n  fr: |\n    Un.\nid: x\n",
        "shared": "title: The title\nid: x\n",
        "missing-block": "body:\n  en: |\n    One.\n\n    Two.\nid: x\n",
    }[layout]
    key = "body" if layout in ("literal", "missing-block") else "title"
    doc = Document("x.yaml", before.encode("utf-8"))
    try:
        doc.set_text((key,), "fr", "en", text)
        data = doc.result()
    except EditError:
        return
    root, problems = read_yaml(data, "x.yaml")
    assert problems == [] and isinstance(root, YamlMapping)
    value = root.get(key)
    assert isinstance(value, YamlMapping)
    fr = value.get("fr")
    assert isinstance(fr, Scalar) and fr.tag == STR_TAG
    assert fr.text in (text, text + "\n")
    assert data.decode("utf-8").endswith("id: x\n")
