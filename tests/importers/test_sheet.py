"""Our own sheet: a bilingual exhibit goes to one workbook and comes back the same."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kiosk.content import Exhibit, load_folder
from kiosk.importers import ImportRefused, export_sheet
from tests.conftest import DATA, write_image
from tests.importers.common import imported, refused


def plain(exhibit: Exhibit) -> Any:
    """The exhibit as plain values, with its folder's place left out: two folders that
    hold the same exhibit give the same."""
    def walk(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: walk(getattr(value, f.name)) for f in dataclasses.fields(value)
                    if f.name not in ("folder", "image")}
        if isinstance(value, tuple | list):
            return [walk(v) for v in value]
        return value
    return walk(exhibit)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sheet = tmp_path_factory.mktemp("sheet") / "unv.xlsx"
    made = export_sheet(DATA, sheet)
    assert "24 events, 7 eras, 2 languages (en, zh)" in made[0]
    return sheet


def test_the_bundled_exhibit_goes_to_a_workbook_and_back_unchanged(exported: Path,
                                                                   tmp_path: Path) -> None:
    report, result = imported(exported, tmp_path / "back")
    assert result.errors == [] and result.warnings == []
    original = load_folder(DATA).exhibit
    assert original is not None and result.exhibit is not None
    assert plain(result.exhibit) == plain(original)
    for before, after in zip(original.events, result.exhibit.events, strict=True):
        for a, b in zip(before.media, after.media, strict=True):
            assert a.image.read_bytes() == b.image.read_bytes()  # the photos, copied
    assert "24 events" in report.made[0] and "24 pictures" in report.made[0]


def test_export_then_import_again_is_byte_identical(exported: Path, tmp_path: Path) -> None:
    imported(exported, tmp_path / "first")
    again = tmp_path / "again" / "unv.xlsx"
    export_sheet(tmp_path / "first", again)
    imported(again, tmp_path / "second")
    for path in sorted((tmp_path / "first").rglob("*.yaml")):
        twin = tmp_path / "second" / path.relative_to(tmp_path / "first")
        assert twin.read_bytes() == path.read_bytes()


def test_the_workbook_is_one_row_per_event_and_a_column_per_language(exported: Path) -> None:
    book = openpyxl.load_workbook(exported, read_only=True)
    assert book.sheetnames == ["Exhibit", "Eras", "Events", "Interface"]
    rows = list(book["Events"].iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:5] == ["id", "date", "end", "era", "highlight"]
    assert {"title:en", "title:zh", "body:en", "body:zh", "media1.image",
            "media1.caption:zh", "media1.credit:en", "media1.credit:zh",
            "media1.alt:en"} <= set(header)
    assert "media1.credit" not in header  # every bundled credit is a text per language
    assert len(rows) == 25
    first = dict(zip(header, rows[1], strict=True))
    assert first["id"] == "about-unv" and first["date"] == 1981
    assert first["title:zh"] == "以志愿服务促进和平与发展"
    assert (exported.parent / "media" / "about-unv.jpg").is_file()


def test_an_edit_in_the_workbook_comes_through(exported: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "edited.xlsx"
    book = openpyxl.load_workbook(exported)
    events = book["Events"]
    header = [c.value for c in events[1]]
    events.cell(2, header.index("title:zh") + 1, "新标题")
    events.cell(3, header.index("date") + 1, "1985-07")
    book.save(sheet)
    shutil.copytree(exported.parent / "media", tmp_path / "media")
    _, result = imported(sheet, tmp_path / "out")
    assert result.exhibit is not None
    by_id = {e.id: e for e in result.exhibit.events}
    assert by_id["about-unv"].title.get("zh") == "新标题"
    assert (by_id["assistance-project"].date.year,
            by_id["assistance-project"].date.month) == (1985, 7)


def test_mistakes_in_our_sheet_are_told_at_their_row(tmp_path: Path) -> None:
    source = tmp_path / "events.csv"
    source.write_text("id,date,era,highlight,title:en,title:zh,media1.image\n"
                      "first,1981,,yes,First,第一,\n"
                      "first,12/03/2019,,,Second,第二,\n"
                      "third,1990,nope,maybe,Third,第三,missing.jpg\n"
                      "fourth,1991,,,,,\n", encoding="utf-8", newline="")
    text, _ = refused(source, tmp_path / "out")
    assert "row 3, column id: error: the id 'first' is used twice" in text
    assert "row 3, column date: error: '12/03/2019' can be read two ways" in text
    assert "row 4, column era: error: no era has the id 'nope'" in text
    assert "row 4, column highlight: error: 'maybe'" in text
    assert "row 4, column media1.image: warning: 'missing.jpg': no such file" in text
    assert "row 5: error: no title" in text


def test_a_csv_in_our_layout(tmp_path: Path) -> None:
    source = tmp_path / "my-exhibit.csv"
    source.write_text("id,date,title:en,title:zh,body:en\n"
                      'one,1981,One,一,"Line one\n\nLine two"\n', encoding="utf-8", newline="")
    _, result = imported(source, tmp_path / "out")
    assert result.exhibit is not None
    assert result.exhibit.languages == ("en", "zh")
    assert result.exhibit.events[0].body.get("en") == "Line one\n\nLine two"


def test_a_credit_is_a_name_or_a_text_per_language(tmp_path: Path) -> None:
    """`media1.credit` is a name every language shows; `media1.credit:zh` a language's own
    credit. Both go to a workbook and come back as they were."""
    for name in ("a.jpg", "b.jpg"):
        write_image(tmp_path / name, (1600, 1000))
    source = tmp_path / "credits.csv"
    source.write_text("id,date,title:en,title:zh,media1.image,media1.credit,media1.credit:en,"
                      "media1.credit:zh,media1.alt:en,media1.alt:zh\n"
                      "one,1981,One,一,a.jpg,Xinhua,,,A,甲\n"
                      "two,1982,Two,二,b.jpg,,City archive,市档案馆,B,乙\n",
                      encoding="utf-8", newline="")
    _, result = imported(source, tmp_path / "out")
    assert result.exhibit is not None
    assert [p for p in result.warnings if "credit" in p.message] == []  # no 'zh' is missing
    one, two = (event.media[0].credit for event in result.exhibit.events)
    assert (one.get("en"), one.get("zh")) == ("Xinhua", "Xinhua")
    assert (two.get("en"), two.get("zh")) == ("City archive", "市档案馆")
    files = sorted((tmp_path / "out" / "events").iterdir())
    assert "    credit: Xinhua\n" in files[0].read_text(encoding="utf-8")
    assert "    credit:\n      en: City archive\n      zh: 市档案馆\n" in \
        files[1].read_text(encoding="utf-8")
    sheet = tmp_path / "again" / "credits.xlsx"
    export_sheet(tmp_path / "out", sheet)
    book = openpyxl.load_workbook(sheet, read_only=True)
    rows = list(book["Events"].iter_rows(values_only=True))
    book.close()
    found = [{key: value for key, value in zip(rows[0], row, strict=True)
              if key.startswith("media1.credit") and value} for row in rows[1:]]
    assert found == [{"media1.credit": "Xinhua"},
                     {"media1.credit:en": "City archive", "media1.credit:zh": "市档案馆"}]
    _, back = imported(sheet, tmp_path / "back")
    assert back.exhibit is not None and plain(back.exhibit) == plain(result.exhibit)


def test_export_refuses_to_replace_a_workbook(exported: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    target.write_bytes(b"mine")
    with pytest.raises(ImportRefused, match="already exists"):
        export_sheet(DATA, target)
    assert target.read_bytes() == b"mine"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "exhibit.yaml").write_text("format: 1\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="has errors; fix them first"):
        export_sheet(broken, tmp_path / "y.xlsx")
