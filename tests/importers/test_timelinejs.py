"""TimelineJS timelines (JSON and its sheet) into content folders the kiosk accepts."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import yaml

from kiosk.content import load_folder
from kiosk.core.advances import label_font
from kiosk.core.limits import LABEL_LINES, LABEL_PX, LABEL_WIDTH_PX
from kiosk.core.line_breaking import break_lines
from tests.conftest import write_image
from tests.importers.common import FIXTURES, event, imported, refused, timeline, written


def sheet_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", ["eras.json", "all-media-types.json",
                                  "my-own-timeline.csv", "women_in_computing.csv"])
def test_each_template_imports_and_passes_validate(name: str, tmp_path: Path) -> None:
    """TimelineJS's own samples, which no one on the project wrote: every event is there,
    under its headline, and the kiosk's loader accepts the folder."""
    source = FIXTURES / name
    report, result = imported(source, tmp_path / "out")
    assert result.errors == [], result.errors
    assert result.exhibit is not None
    if name.endswith(".json"):
        data = json.loads(source.read_text(encoding="utf-8"))
        headlines = [e["text"]["headline"] for e in data["events"]]
        eras = len(data.get("eras", []))
        title = data["title"]["text"]["headline"]
    else:
        rows = sheet_rows(source)
        headlines = [r["Headline"] for r in rows if r["Type"] not in ("title", "era")]
        eras = 0
        title = next(r["Headline"] for r in rows if r["Type"] == "title")
    titles = sorted(e.title.get("en") for e in result.exhibit.events)
    assert titles == sorted(" ".join(re.sub("<[^>]+>", "", h).split()) for h in headlines)
    assert len(result.exhibit.eras) == eras
    assert result.exhibit.title.get("en") == title
    assert report.made and "made" in report.made[0]


def test_eras_hold_their_events(tmp_path: Path) -> None:
    _, result = imported(FIXTURES / "eras.json", tmp_path / "out")
    assert result.exhibit is not None
    spans = {era.id: (era.start.year, era.end.year) for era in result.exhibit.eras}
    assert len(spans) == 3
    for ev in result.exhibit.events:
        if ev.era is not None:
            start, end = spans[ev.era]
            assert start <= ev.date.year <= end


@pytest.mark.parametrize("name", ["cosmo.json", "cosmo-mixed.json"])
def test_cosmological_templates_are_refused(name: str, tmp_path: Path) -> None:
    text, _ = refused(FIXTURES / name, tmp_path / "out")
    assert "at most 10,000 years" in text
    assert "13,800,000,000" in text  # the Big Bang, as the source gives it


def test_cosmological_scale_is_refused_in_a_sentence(tmp_path: Path) -> None:
    source = timeline(tmp_path / "t.json", {"scale": "cosmological",
                                            "events": [event(1990, "Hubble")]})
    text, _ = refused(source, tmp_path / "out")
    assert "cosmological" in text and "10,000 years" in text


def test_not_a_timelinejs_file(tmp_path: Path) -> None:
    source = tmp_path / "package.json"
    source.write_text('{"name": "x", "version": "1.0"}', encoding="utf-8")
    text, _ = refused(source, tmp_path / "out")
    assert "not a TimelineJS timeline" in text and "'events'" in text and "name" in text
    broken = tmp_path / "broken.json"
    broken.write_text('{"events": [\n  {"start_date": }\n]}', encoding="utf-8")
    text, _ = refused(broken, tmp_path / "out")
    assert "broken.json:2:" in text and "not valid JSON" in text


# Every field TimelineJS documents (timeline.knightlab.com/docs/json-format.html), written
# out here from the documentation, not read from the importer.
DOCUMENTED = {
    "timeline": ["events", "title", "eras", "scale"],
    "slide": ["start_date", "end_date", "text", "media", "group", "display_date",
              "background", "autolink", "unique_id"],
    "date": ["year", "month", "day", "hour", "minute", "second", "millisecond",
             "display_date", "format"],
    "text": ["headline", "text"],
    "media": ["url", "caption", "credit", "thumbnail", "alt", "title", "link",
              "link_target"],
    "era": ["start_date", "end_date", "text"],
}


def test_every_documented_field_is_carried_over_or_named(tmp_path: Path) -> None:
    """None dropped silently: each field's value is in the new folder's YAML, or the
    report names the field."""
    write_image(tmp_path / "src" / "pictures" / "hall.jpg", (1600, 900))
    full = {
        "start_date": {"year": "1987", "month": "6", "day": "5", "hour": "13",
                       "minute": "45", "second": "30", "millisecond": "500",
                       "display_date": "Early June 1987", "format": "mmmm yyyy"},
        "end_date": {"year": "1988", "month": "2", "day": "1"},
        "text": {"headline": "The hall opens", "text": "<p>Doors open.</p>"},
        "media": {"url": "pictures/hall.jpg", "caption": "The hall", "credit": "A. Person",
                  "thumbnail": "pictures/thumb.jpg", "alt": "A large hall",
                  "title": "Hall photo", "link": "https://example.org/hall",
                  "link_target": "_blank"},
        "group": "Buildings", "display_date": "June 1987 to February 1988",
        "background": {"color": "#123456"}, "autolink": False, "unique_id": "hall-opening",
    }
    data = {"scale": "human", "title": {"text": {"headline": "A museum"}},
            "eras": [{"start_date": {"year": "1980"}, "end_date": {"year": "1990"},
                      "text": {"headline": "The eighties", "text": "An era's story"}}],
            "events": [full]}
    for kind, fields in DOCUMENTED.items():  # the test itself is complete
        holder = {"timeline": data, "slide": full, "date": full["start_date"],
                  "text": full["text"], "media": full["media"], "era": data["eras"][0]}[kind]
        assert set(fields) <= set(holder), (kind, set(fields) - set(holder))
    report, result = imported(timeline(tmp_path / "src" / "t.json", data), tmp_path / "out")
    assert result.errors == []
    out = written(tmp_path / "out")
    said = "\n".join(report.lines())
    carried = {
        "timeline.events": "id: hall-opening", "timeline.title": "A museum",
        "timeline.eras": "The eighties", "timeline.scale": "format: 1",
        "slide.start_date": 'date: "1987-06-05"', "slide.end_date": 'end: "1988-02-01"',
        "slide.text": "The hall opens", "slide.media": "image: media/hall.jpg",
        "slide.display_date": "June 1987 to February 1988",
        "slide.unique_id": "id: hall-opening", "slide.group": "Buildings",
        "date.year": "1987-06-05", "date.month": "1987-06-05", "date.day": "1987-06-05",
        "text.headline": "The hall opens", "text.text": "Doors open.",
        "media.url": "media/hall.jpg", "media.caption": "The hall",
        "media.credit": "A. Person", "media.alt": "A large hall",
        "era.start_date": "start: 1980", "era.end_date": "end: 1990",
    }
    named = {"slide.background": "background", "slide.autolink": "autolink",
             "slide.group": "group", "date.hour": "date.hour", "date.minute": "date.minute",
             "date.second": "date.second", "date.millisecond": "date.millisecond",
             "date.format": "date.format", "date.display_date": "date.display_date",
             "media.thumbnail": "media.thumbnail", "media.title": "media.title",
             "media.link": "media.link", "media.link_target": "media.link_target",
             "era.text": "an era's text"}
    for kind, fields in DOCUMENTED.items():
        for name in fields:
            key = f"{kind}.{name}"
            assert key in carried or key in named, f"{key}: the test says nothing of it"
            assert (key in carried and carried[key] in out) or \
                (key in named and named[key] in said), f"{key} was dropped silently"
    assert (tmp_path / "out" / "media" / "hall.jpg").read_bytes() == \
        (tmp_path / "src" / "pictures" / "hall.jpg").read_bytes()
    assert "# TimelineJS group: Buildings" in out


def test_dates_keep_their_precision_and_bce(tmp_path: Path) -> None:
    data = {"events": [
        event(-221, "Qin unifies China"),
        {"start_date": {"year": "1981", "month": "5"}, "text": {"headline": "Month"}},
        {"start_date": {"year": 1981, "month": 5, "day": 12}, "text": {"headline": "Day"}},
        {"start_date": {"year": "1,990"}, "text": {"headline": "Commas"}},
    ]}
    _, result = imported(timeline(tmp_path / "t.json", data), tmp_path / "out")
    assert result.exhibit is not None
    shown = {e.title.get("en"): e.date_text("en") for e in result.exhibit.events}
    assert shown["Qin unifies China"] == "221 BCE"
    dates = {e.title.get("en"): e.date for e in result.exhibit.events}
    assert (dates["Month"].month, dates["Month"].day) == (5, None)
    assert (dates["Day"].month, dates["Day"].day) == (5, 12)
    assert dates["Commas"].year == 1990 and dates["Commas"].month is None
    assert "date: -221" in written(tmp_path / "out")


def test_the_time_of_day_keeps_the_order_and_is_named(tmp_path: Path) -> None:
    late = {"start_date": {"year": "2008", "month": "8", "day": "8", "hour": "20"},
            "text": {"headline": "Evening"}}
    early = {"start_date": {"year": "2008", "month": "8", "day": "8", "hour": "9"},
             "text": {"headline": "Morning"}}
    report, result = imported(timeline(tmp_path / "t.json", {"events": [late, early]}),
                              tmp_path / "out")
    assert result.exhibit is not None
    assert [e.title.get("en") for e in result.exhibit.events] == ["Morning", "Evening"]
    assert "events[0].start_date.hour" in "\n".join(report.lines())


def test_ids_are_made_from_headlines_and_unique(tmp_path: Path) -> None:
    data = {"events": [event(2001, "Olympic bid won!"), event(2002, "Olympic bid won!"),
                       event(2003, "北京奥运会"), event(2004, "x", unique_id="My Own ID")]}
    _, result = imported(timeline(tmp_path / "t.json", data), tmp_path / "out")
    assert result.exhibit is not None
    ids = [e.id for e in result.exhibit.events]
    assert ids == ["olympic-bid-won", "olympic-bid-won-2", "event-3", "my-own-id"]


def label_lines(text: str) -> int:
    font = label_font()
    assert font is not None
    return len(break_lines(text, LABEL_WIDTH_PX, lambda part: font.width(part, LABEL_PX)))


def test_long_headlines_get_a_short_title_of_their_first_words(tmp_path: Path) -> None:
    long = "The United Nations Volunteers programme opens its first office in Beijing"
    data = {"events": [event(1981, long), event(1982, "Short one")]}
    _, result = imported(timeline(tmp_path / "t.json", data), tmp_path / "out")
    assert result.exhibit is not None
    # no label spills; the headline itself takes 4 lines of the event's panel in the Latin
    # face that English is drawn in (Qt breaks it so too: "The United Nations Volunteers"
    # is 675 px of the 648), and validate tells the editor to shorten it
    assert [p.message.split(": ", 1)[1][:52] for p in result.warnings] == [
        "'title' (en) takes 4 lines in the event's panel at 1"]
    first, second = result.exhibit.events
    assert first.short_title is not None
    short = first.short_title.get("en")
    assert long.startswith(short) and len(short.split()) >= 3
    assert label_lines(short) <= LABEL_LINES < label_lines(long)
    assert not short.endswith((" of", " the", " in"))
    assert second.short_title is None
    chinese = "联合国志愿人员组织在北京开设第一个办事处并招募十二名本国志愿者"
    _, result = imported(timeline(tmp_path / "zh.json", {"events": [event(1981, chinese)]}),
                         tmp_path / "zh", language="zh")
    assert result.exhibit is not None
    assert [p for p in result.warnings if "spills" in p.message] == []
    shown = result.exhibit.events[0].short_title
    assert shown is not None and chinese.startswith(shown.get("zh"))


def test_html_becomes_the_markdown_the_kiosk_renders(tmp_path: Path) -> None:
    html = ('<p>Take <a href="https://en.wikipedia.org/wiki/Ada_Lovelace">Ada</a>: '
            '<b>first</b> <i>programmer</i>.</p><script>alert("x")</script>'
            '<ul><li>one</li><li>two</li></ul><img src="https://x.org/a.png">'
            '<blockquote>A quote. <cite>Edith Clarke</cite></blockquote>')
    data = {"events": [event(1843, "Ada", text={"headline": "Ada", "text": html})]}
    report, result = imported(timeline(tmp_path / "t.json", data), tmp_path / "out")
    assert result.exhibit is not None and result.warnings == []
    body = result.exhibit.events[0].body.get("en")
    assert body.startswith("Take Ada: **first** *programmer*.")
    assert "alert" not in body and "<" not in body and "https" not in body
    assert "- one\n- two" in body
    assert "> A quote.\n>\n> — Edith Clarke" in body
    said = "\n".join(report.lines())
    assert "events[0].text.text: warning" in said
    assert "<script>" in said and "alert" in said  # named, with what it held
    assert "the link to https://en.wikipedia.org/wiki/Ada_Lovelace" in said
    assert "the picture https://x.org/a.png" in said


def test_groups_are_kept_as_comments_and_named(tmp_path: Path) -> None:
    data = {"events": [event(2001, "A", group="Sport"), event(2002, "B", group="Sport"),
                       event(2003, "C", group="Culture")]}
    report, _ = imported(timeline(tmp_path / "t.json", data), tmp_path / "out")
    said = "\n".join(report.lines())
    assert "'Sport' (2)" in said and "'Culture' (1)" in said
    assert "# TimelineJS group: Culture" in written(tmp_path / "out")


def test_local_media_is_copied_and_missing_media_named(tmp_path: Path) -> None:
    write_image(tmp_path / "src" / "a.png", (1600, 900), "PNG")
    data = {"events": [event(2001, "A", media={"url": "a.png", "caption": "<b>Cap</b>",
                                               "credit": "Me", "alt": "Alt"}),
                       event(2002, "B", media={"url": "missing.jpg"}),
                       event(2003, "C", media={"url": "../outside.jpg"}),
                       event(2004, "D", media={"url": "anim.gif"})]}
    (tmp_path / "outside.jpg").write_bytes(b"x")
    (tmp_path / "src" / "anim.gif").write_bytes(b"GIF89a")
    report, result = imported(timeline(tmp_path / "src" / "t.json", data), tmp_path / "out")
    assert result.exhibit is not None
    media = result.exhibit.events[0].media[0]
    assert media.source == "media/a.png" and media.caption.get("en") == "Cap"
    assert (media.credit.get("en"), media.alt.get("en")) == ("Me", "Alt")
    assert "\n    credit: Me\n" in written(tmp_path / "out")  # a name, for every language
    said = "\n".join(report.lines())
    assert "events[1].media.url: warning: 'missing.jpg': no such file" in said
    assert "events[2].media.url: warning: '../outside.jpg' is outside" in said
    assert "events[3].media.url: warning: 'anim.gif' is a GIF file" in said


def test_video_links_say_how_to_download_them(tmp_path: Path) -> None:
    data = {"events": [event(2001, "A", media={"url": "https://youtu.be/abc"}),
                       event(2002, "B", media={"url": "https://vimeo.com/1234"})]}
    report, _ = imported(timeline(tmp_path / "t.json", data), tmp_path / "out")
    said = "\n".join(report.lines())
    assert "media 1, 'https://youtu.be/abc': a YouTube video" in said
    assert "media 2, 'https://vimeo.com/1234': a Vimeo video" in said
    assert "yt-dlp" in said and "`video` item" in said


def test_an_existing_folder_is_never_replaced_without_force(tmp_path: Path) -> None:
    source = timeline(tmp_path / "t.json", {"events": [event(2001, "New")]})
    out = tmp_path / "out"
    out.mkdir()
    (out / "exhibit.yaml").write_text("keep me", encoding="utf-8")
    report = None
    with pytest.raises(Exception, match="already exists"):
        imported(source, out)
    assert (out / "exhibit.yaml").read_text(encoding="utf-8") == "keep me"
    report, result = imported(source, out, force=True)
    assert result.exhibit is not None and result.exhibit.events[0].title.get("en") == "New"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert report.made


def test_a_failed_import_leaves_nothing(tmp_path: Path) -> None:
    source = timeline(tmp_path / "t.json", {"events": [event(2001, "Good"),
                                                       event("12/03/2019", "Bad")]})
    text, _ = refused(source, tmp_path / "out")
    assert "events[1].start_date: error: '12/03/2019' can be read two ways" in text
    assert not (tmp_path / "out").exists()


def test_the_yaml_is_what_an_editor_would_write(tmp_path: Path) -> None:
    data = {"title": {"text": {"headline": "展览: yes"}},
            "events": [event(1981, "No", text={"headline": "No", "text": "<p>a</p><p>b</p>"},
                             display_date="1981年"),
                       event(1982, "北京")]}
    imported(timeline(tmp_path / "t.json", data), tmp_path / "out", language="zh")
    text = (tmp_path / "out" / "exhibit.yaml").read_text(encoding="utf-8")
    assert '  zh: "展览: yes"' in text  # quoted only where YAML needs it, Chinese as is
    first = (tmp_path / "out" / "events" / "01-no.yaml").read_text(encoding="utf-8")
    assert 'zh: "No"' in first  # YAML would read a bare No as false
    assert "body:\n  zh: |-\n    a\n\n    b\n" in first  # a story is a literal block
    assert "北京" in (tmp_path / "out" / "events" / "02-event-2.yaml").read_text(
        encoding="utf-8")
    for path in (tmp_path / "out").rglob("*.yaml"):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)
    assert load_folder(tmp_path / "out").errors == []


def test_a_quotation_given_as_media_ends_the_story(tmp_path: Path) -> None:
    """TimelineJS shows a <blockquote> in the Media column as a quotation: so does the
    kiosk, in the story, in the form the content format gives quotations."""
    _, result = imported(FIXTURES / "my-own-timeline.csv", tmp_path / "out")
    assert result.exhibit is not None
    clarke = next(e for e in result.exhibit.events if e.id.startswith("edith-clarke"))
    body = clarke.body.get("en")
    assert body.startswith("> There is no demand for women engineers")
    assert body.endswith(">\n> — Edith Clarke, first female professor of electrical "
                         "engineering in the United States")


def test_a_short_title_never_splits_a_hyphenated_word(tmp_path: Path) -> None:
    _, result = imported(FIXTURES / "eras.json", tmp_path / "out")
    assert result.exhibit is not None
    siege = next(e for e in result.exhibit.events if e.id.startswith("joint-persian"))
    assert siege.short_title is not None
    assert siege.short_title.get("en") == "Joint Persian-Avar-Slav Siege"


def test_a_slide_of_the_wrong_shape_is_named(tmp_path: Path) -> None:
    odd = {"start_date": {"year": "2002"}, "text": "B", "media": "b.jpg", "colour": "red"}
    text, _ = refused(timeline(tmp_path / "t.json", {"events": [odd, "not a slide"]}),
                      tmp_path / "out")
    assert "events[1]: error: a slide must be an object, not str" in text
    assert "events[0].text: warning: 'text' must be an object" in text  # all told at once
    report, result = imported(timeline(tmp_path / "t.json", {"events": [odd]}),
                              tmp_path / "out")
    said = "\n".join(report.lines())
    assert "events[0].media: warning: 'media' must be an object" in said
    assert "events[0].colour: warning: 'colour' is not a TimelineJS slide field" in said
    assert "events[0].text.headline: warning: no headline: the event is called 'Event 1'" \
        in said
    assert result.exhibit is not None and len(result.exhibit.events) == 1


def test_the_template_sheet_as_a_workbook(tmp_path: Path) -> None:
    """The same sheet downloaded from Google Sheets as .xlsx: the same exhibit as its CSV."""
    import openpyxl

    book = openpyxl.Workbook()
    with (FIXTURES / "my-own-timeline.csv").open(encoding="utf-8", newline="") as f:
        for cells in csv.reader(f):
            book.active.append([int(c) if c.isdigit() else c for c in cells])
    book.save(tmp_path / "my-own-timeline.xlsx")
    _, from_xlsx = imported(tmp_path / "my-own-timeline.xlsx", tmp_path / "a")
    _, from_csv = imported(FIXTURES / "my-own-timeline.csv", tmp_path / "b")
    assert from_xlsx.exhibit is not None and from_csv.exhibit is not None
    assert from_xlsx.exhibit.events == from_csv.exhibit.events  # no photos: no paths
    assert from_xlsx.errors == []
