"""The emitter writes what YAML reads back as the same text, and quotes only where needed."""

from __future__ import annotations

import pytest
import yaml

from kiosk.importers.yamlout import block, scalar

NASTY = ["yes", "No", "ON", "null", "~", "", "1981", "-221", "1981-05-12", "0x1F", "1e3",
         ".5", "+1", "a: b", "a #b", "#x", "- x", "? x", "[x]", "{x}", "*x", "&x", "!x",
         "|x", ">x", "'x'", '"x"', "%x", "@x", "`x", "x:", "x ", " x", "\tx", "a\tb",
         "联合国志愿人员组织", "“一带一路”倡议", "1981年以来", "a\u2028b", "a\u0085b",
         "zero\u200bwidth", "bom\ufeff", "ctrl\x07", "back\\slash", "Since 1981",
         "UNV: 35 years", "Olympics, 2008", "it's", "100%", "=SUM(A1)", "<b>x</b>"]


@pytest.mark.parametrize("text", NASTY)
def test_a_one_line_text_reads_back_the_same(text: str) -> None:
    assert yaml.safe_load(f"key: {scalar(text)}\n") == {"key": text}


def test_plain_where_yaml_allows_it() -> None:
    assert scalar("Since 1981") == "Since 1981"
    assert scalar("联合国志愿人员组织与中国") == "联合国志愿人员组织与中国"
    assert scalar("yes") == '"yes"' and scalar("1981") == '"1981"'


@pytest.mark.parametrize("text", ["a\nb", "a\n", "a\n\n", "a\n\nb\n", "> quote\n>\n> — x",
                                  "  indented\nx", "x\n  y", "trailing \nx", "x\n \ny",
                                  "第一段。\n\n第二段。", "a\r\nb", "- list\n- items\n"])
def test_a_story_reads_back_the_same(text: str) -> None:
    written = f"body:{block(text, '  ')}\n"
    assert yaml.safe_load(written) == {"body": text}, written


def test_a_story_is_a_literal_block() -> None:
    assert block("a\n\nb\n", "  ") == " |\n  a\n\n  b"
    assert block("a\nb", "  ") == " |-\n  a\n  b"
