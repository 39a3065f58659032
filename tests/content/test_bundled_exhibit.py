"""The bundled "UNV and China" exhibit: valid, complete in both languages, true to the sources."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
import yaml

from kiosk.content import load_folder
from kiosk.content.model import Exhibit
from kiosk.content.schema import json_schema
from tests.conftest import DATA


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    result = load_folder(DATA)
    assert result.problems == []
    assert result.exhibit is not None
    return result.exhibit


def test_validates_strictly_with_no_warning() -> None:
    run = subprocess.run([sys.executable, "-m", "kiosk", "validate", "--strict", str(DATA)],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert run.returncode == 0, run.stdout
    assert run.stdout.strip() == "0 errors, 0 warnings"


def test_languages_and_span(exhibit: Exhibit) -> None:
    assert exhibit.languages == ("en", "zh")
    assert exhibit.events[0].date.year == 1981
    assert exhibit.events[-1].id == "looking-ahead"  # the priorities close the story
    assert "virtual-mission" in [e.id for e in exhibit.events]
    assert {e.date.year for e in exhibit.events} >= {1981, 1991, 1997, 2001, 2007, 2008, 2009,
                                                     2011, 2013, 2015, 2016, 2021}


def test_every_text_is_translated(exhibit: Exhibit) -> None:
    for event in exhibit.events:
        for text in (event.title, event.body, *(m.caption for m in event.media),
                     *(m.alt for m in event.media)):
            assert text.has("en") and text.has("zh"), event.id
            assert text.get("zh") != text.get("en"), event.id
    for era in exhibit.eras:
        assert era.title.has("zh")


def test_every_event_has_a_credited_illustration(exhibit: Exhibit) -> None:
    for event in exhibit.events:
        assert event.media, event.id
        for media in event.media:
            assert "Illustration" in media.credit and "插图" in media.credit
            assert media.alt.get("en").startswith("Illustration")
            assert media.width >= 1920


@pytest.mark.parametrize(("event_id", "en", "zh"), [
    ("assistance-project", ["89 international", "10 provinces", "28 Chinese", "Gabon"],
     ["89名", "10个省份", "28名", "加蓬、摩洛哥和几内亚"]),
    ("third-country-programme", ["30 international", "Xinjiang"], ["30名", "新疆"]),
    ("poverty-alleviation", ["47 national"], ["47名"]),
    ("promoting-volunteerism", ["Four international and 15 national", "Ad de Raad"],
     ["4名国际", "15名国内", "北京国际志愿者协会"]),
    ("beijing-olympics", ["8,200"], ["8200名"]),
    ("ten-years-of-service", ["143", "63"], ["143名", "63名"]),
    ("young-migrants", ["21 provinces", "Tianjin"], ["21个省份", "中国青年志愿者协会"]),
    ("youth-university-volunteers", ["10 volunteers", "**19**", "**20**"],
     ["义务工作发展局", "**10名**", "**19名**", "**20名**"]),
    ("exchange-conference", ["over 27 countries", "over 18 countries"],
     ["27个以上国家", "18个以上国家", "北京志愿服务联合会"]),
    ("online-volunteering", ["25 China-based", "293"], ["25家", "293名"]),
    ("south-south-cooperation", ["Nepal and Myanmar", "2018 State"], ["尼泊尔和缅甸", "2017年", "《**2018年世界志愿服务状况报告**》"]),
    ("virtual-mission", ["2021–2025", "Toily Kurbanov", "Winter Olympics"],
     ["中国国际经济技术交流中心", "中国宋庆龄基金会", "中国宋庆龄青少年科技文化交流中心",
      "（2021—2025年）"]),
])
def test_figures_as_the_sources_give_them(exhibit: Exhibit, event_id: str, en: list[str],
                                          zh: list[str]) -> None:
    index = exhibit.event_index(event_id)
    assert index is not None
    body = exhibit.events[index].body
    for fact in en:
        assert fact in body.get("en"), fact
    for fact in zh:
        assert fact in body.get("zh"), fact


def test_schema_files_match_the_schema_command() -> None:
    assert json.loads((DATA / "exhibit.schema.json").read_text(encoding="utf-8")) == json_schema()
    assert json.loads((DATA / "event.schema.json").read_text(encoding="utf-8")) == json_schema()["$defs"]["event"]


def test_bundled_yaml_satisfies_the_json_schema() -> None:
    schema = json_schema()
    jsonschema.validate(yaml.safe_load((DATA / "exhibit.yaml").read_text(encoding="utf-8")), schema)
    event_schema = {**schema["$defs"]["event"], "$defs": schema["$defs"]}
    for path in sorted((DATA / "events").glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), event_schema)


def test_schema_rejects_a_typo() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": 1, "title": "T", "tittle": "x"}, json_schema())
