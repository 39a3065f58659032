"""The bundled "UNV and China" exhibit: valid, complete in both languages, true to the sources.

The sources are the two UNV articles in docs/sources/. These tests guard what a fact check and
a translator's review found: figures, quotations, approximate dates, length, colours, ranges.
"""

from __future__ import annotations

import colorsys
import importlib.util
import itertools
import json
import re
import subprocess
import sys

import jsonschema
import pytest
import yaml
from fontTools.ttLib import TTFont
from PIL import Image, ImageStat

from kiosk.content import load_folder
from kiosk.content.schema import json_schema
from kiosk.core.dates import Date
from kiosk.core.i18n import range_text
from kiosk.core.model import Event, Exhibit, Text
from tests.conftest import DATA, ROOT

SOURCES = ROOT / "docs" / "sources"
BODY_LIMIT = {"en": 80, "zh": 180}  # words, Chinese characters: what a visitor reads standing


def unwrap(text: str) -> str:
    """One line, one kind of apostrophe: how quoted text is compared with the sources."""
    return " ".join(text.replace("’", "'").replace("\n>", " ").split())


SOURCE_TEXT = unwrap(" ".join(path.read_text(encoding="utf-8")
                              for path in sorted(SOURCES.glob("*.txt"))))


def visible_texts(exhibit: Exhibit) -> list[Text]:
    """Every text a visitor reads: titles, eras, bodies, captions, display dates."""
    texts = [exhibit.title, exhibit.subtitle, *(era.title for era in exhibit.eras)]
    for event in exhibit.events:
        texts += [event.title, event.body, *(m.caption for m in event.media)]
        texts += [event.display_date] if event.display_date else []
    return texts


def block_quotes(markdown: str) -> list[list[str]]:
    """The paragraphs of each '>' block quotation of a Markdown text."""
    quotes: list[list[str]] = []
    inside = False
    for line in markdown.splitlines():
        if not line.startswith(">"):
            inside = False
            continue
        if not inside:
            quotes.append([""])
            inside = True
        content = line[1:].strip()
        if content:
            quotes[-1][-1] = f"{quotes[-1][-1]} {content}".strip()
        else:
            quotes[-1].append("")
    return [[paragraph for paragraph in quote if paragraph] for quote in quotes]


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
    assert run.stdout.strip() == f"{DATA}: 0 errors, 0 warnings"


def test_languages_and_span(exhibit: Exhibit) -> None:
    assert exhibit.languages == ("en", "zh")
    assert exhibit.events[0].id == "about-unv"  # what UNV is opens the story
    assert exhibit.events[0].date.year == 1981
    assert exhibit.events[-1].id == "looking-ahead"  # the 2021 commitments close it
    assert {e.date.year for e in exhibit.events} >= {1981, 1991, 1997, 2001, 2007, 2008, 2009,
                                                     2011, 2013, 2015, 2016, 2021}


def test_stories_are_not_split(exhibit: Exhibit) -> None:
    """The 2007-2016 figures sit after the 2007-2011 stories, not between them."""
    order = [e.id for e in exhibit.events]
    olympics = order.index("beijing-olympics")
    assert order[olympics:olympics + 4] == ["beijing-olympics", "olympic-experience",
                                            "wenchuan-earthquake", "young-migrants"]
    assert order.index("ten-years-of-service") > order.index("exchange-conference")


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
            assert "Illustration" in media.credit.get("en") and "插图" in media.credit.get("zh")
            assert media.alt.get("en").startswith("Illustration")
            assert media.width >= 1920


@pytest.mark.parametrize(("event_id", "en", "zh"), [
    ("about-unv", ["administered by", "United Nations Development Programme (UNDP)",
                   "peace and development", "Since 1981, UNV has nurtured an active and fruitful "
                   "partnership", "Together, they now support", "most consistent supporters",
                   "Special Voluntary Fund"],
     ["联合国开发计划署**管理", "和平与发展", "1981年以来", "如今，各方共同支持",
      "中国一直是联合国志愿人员组织**最稳定的支持者之一**", "特别自愿基金"]),
    ("assistance-project", ["89 international", "10 provinces", "28 Chinese", "Gabon"],
     ["89名", "10个省份", "28名", "加蓬、摩洛哥和几内亚", "培训中国的语言教师"]),
    ("third-country-programme", ["30 international", "Xinjiang"],
     ["30名", "新疆等欠发达省区", "第三个对华国家方案"]),
    ("poverty-alleviation", ["47 national"], ["47名本国联合国志愿人员"]),
    ("promoting-volunteerism", ["Four international and 15 national", "Ad de Raad"],
     ["4名国际", "15名本国", "北京国际志愿者协会"]),
    ("beijing-olympics", ["8,200", "Leiling", "Home for Migrant Workers", "Happy Football",
                          "Hong Dan Dan"],
     ["8200名", "乐龄", "工友之家", "快乐足球", "红丹丹"]),
    ("olympic-experience", ["2010 Expo", "2010 Asian Games", "2011 Kazakhstan", "Rio+20",
                            "2012 London"],
     ["2010年上海世博会", "2010年广州亚运会", "2011年哈萨克斯坦", "里约+20", "2012年伦敦"]),
    ("wenchuan-earthquake", ["2008 Wenchuan", "Hong Kong Red Cross"], ["2008年汶川", "香港红十字会"]),
    ("young-migrants", ["21 provinces", "Tianjin", "vulnerable migrant youth",
                        "In 2010, volunteer Guan Liwei"],
     ["21个省（区、市）", "中国青年志愿者协会", "千年发展目标实现基金联合方案", "志愿者Guan Liwei",
      "面向边缘化青年流动人口", "弱势流动青少年"]),
    ("civic-engagement", ["social management", "diffuse it to communities"],
     ["总括方案", "社会管理", "向社区延伸"]),
    ("civic-partners", ["Hetian", "Yunnan"], ["和田", "云南"]),
    ("youth-university-volunteers", ["In 2013", "10 volunteers", "**19**", "**20**"],
     ["2013年", "义务工作发展局", "**10名**", "**19名**", "**20名**", "大学生志愿人员"]),
    ("exchange-conference", ["over 27 countries", "milestones", "same account says over 18",
                             "volunteer-involving organizations"],
     ["超过27个国家", "大事记", "同一份回顾的另一段则称超过18个", "北京志愿服务联合会"]),
    ("ten-years-of-service", ["143", "63", "25 China-based", "almost 300"],
     ["143名", "63名", "25家", "近300名"]),
    ("china-at-35", ["35 years", "emerging international aid donor", "social safety nets"],
     ["35年", "新兴的国际援助捐助国", "社会安全网"]),
    ("priorities-at-35", ["emerging areas that best matched new national and global priorities",
                          "middle-income", "multilateral community"],
     ["新兴领域", "中等收入国家", "多边领域"]),
    ("south-south-cooperation", ["Nepal and Myanmar", "2018 State", "2017 Training Camp"],
     ["尼泊尔和缅甸", "2017年", "《**2018年世界志愿服务状况报告**》"]),
    ("virtual-mission", ["2021–2025", "Toily Kurbanov", "UNV would enhance",
                         "among other priority areas"],
     ["（2021—2025年）", "增强青年权能", "联合国驻华发展系统"]),
    ("partners-met", ["CICETE", "Soong Ching Ling Foundation", "COVID-19"],
     ["中国国际经济技术交流中心", "中国宋庆龄基金会", "中国宋庆龄青少年科技文化交流中心",
      "2019冠状病毒病（COVID-19）"]),
    ("knowledge-sharing", ["Knowledge Portal", "SCLSCC", "UN Community Volunteer"],
     ["知识门户", "联合国社区志愿人员"]),
    ("winter-olympics", ["Beijing Winter Olympics", "Olympic cities", "UNV aimed",
                         "It looked forward"],
     ["北京冬奥会", "奥运城市", "新一阶段合作"]),
    ("looking-ahead", ["legislation, policy and programmes", "fully funded", "Shalina Miah"],
     ["立法、政策和方案", "全额资助", "Shalina Miah"]),
])
def test_figures_as_the_sources_give_them(exhibit: Exhibit, event_id: str, en: list[str],
                                          zh: list[str]) -> None:
    index = exhibit.event_index(event_id)
    assert index is not None
    body = exhibit.events[index].body
    for lang, facts in (("en", en), ("zh", zh)):
        text = " ".join(body.get(lang).split())  # as read: the YAML's line breaks do not count
        for fact in facts:
            assert fact in text, fact


def test_every_number_of_the_sources_is_shown_in_both_languages(exhibit: Exhibit) -> None:
    """Every figure and year of the two articles reaches visitors, in English and in Chinese."""
    numbers = set(re.findall(r"\d[\d,]*\d|\d", SOURCE_TEXT.replace("(1)", "")))
    numbers -= {"2", "3", "4"}  # list markers "(2)" ... "(4)"; "Four" volunteers is spelt out
    assert {"143", "8,200", "293", "2021", "27", "18"} <= numbers
    numbers -= {"293"}  # an undated pull-out figure, kept out on purpose: see the next test
    for lang in exhibit.languages:
        shown = " ".join(text.get(lang) for text in visible_texts(exhibit))
        shown_numbers = set(re.findall(r"\d[\d,]*\d|\d", shown))
        missing = {n for n in numbers
                   if n not in shown_numbers and n.replace(",", "") not in shown_numbers}
        assert not missing, (lang, sorted(missing))


def test_quotations_are_the_speakers_words_whole_or_visibly_cut(exhibit: Exhibit) -> None:
    """Every quoted passage of an English body is in a source; a cut is marked with '…'."""
    quoted = 0
    for event in exhibit.events:
        for passage in re.findall(r'"([^"]+)"', event.body.get("en")):
            for piece in re.split(r"\s*(?:…|\.\.\.)\s*", unwrap(passage)):
                if piece:
                    assert piece in SOURCE_TEXT, (event.id, piece)
                    quoted += 1
    assert quoted >= 5


def test_quotations_name_their_speaker_in_both_languages(exhibit: Exhibit) -> None:
    speakers = []
    for event in exhibit.events:
        en, zh = (block_quotes(event.body.get(lang)) for lang in ("en", "zh"))
        assert len(en) == len(zh), event.id
        for (*words, attribution), (*zh_words, zh_attribution) in zip(en, zh, strict=True):
            assert attribution.startswith("— "), (event.id, attribution)
            assert zh_attribution.startswith("——"), (event.id, zh_attribution)
            speaker = attribution.removeprefix("— ").split(",")[0]
            assert speaker in SOURCE_TEXT, speaker
            assert "," in attribution, "the speaker's role follows the name"
            # Quoted whole in one language, quoted whole in the other.
            assert ("…" in "".join(words)) == ("…" in "".join(zh_words)), event.id
            speakers.append(speaker)
    assert sorted(set(speakers)) == ["Shalina Miah", "Toily Kurbanov"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_body_can_be_read_standing(exhibit: Exhibit, lang: str) -> None:
    for event in exhibit.events:
        body = event.body.get(lang)
        if lang == "en":
            length = len(re.findall(r"[A-Za-z0-9]+(?:['’.,-][A-Za-z0-9]+)*", body))
        else:
            length = len(re.findall(r"[\u4e00-\u9fff]", body))
        assert length <= BODY_LIMIT[lang], (event.id, length)


def test_era_colours_never_repeat(exhibit: Exhibit) -> None:
    """A colour used twice would suggest a link between two periods that is not there."""
    hues = []
    for era in exhibit.eras:
        assert era.color, era.id
        red, green, blue = (int(era.color[i:i + 2], 16) / 255 for i in (1, 3, 5))
        hues.append(colorsys.rgb_to_hsv(red, green, blue)[0] * 360)
    for (a, hue_a), (b, hue_b) in itertools.combinations(enumerate(hues), 2):
        distance = min(abs(hue_a - hue_b), 360 - abs(hue_a - hue_b))
        assert distance >= 20, (exhibit.eras[a].id, exhibit.eras[b].id)


def test_date_ranges_are_written_as_the_program_writes_them(exhibit: Exhibit) -> None:
    """Captions, bodies and display dates write a span exactly as i18n.range_text does."""
    spans = 0
    for lang in exhibit.languages:
        for text in visible_texts(exhibit):
            value = text.get(lang)
            for start, end in re.findall(r"(\d{4})年?\s*[-–—至到]\s*(\d{4})", value):
                expected = range_text(Date(int(start)), Date(int(end)), lang)
                assert expected in value, (value, expected)
                spans += 1
    assert spans >= 20


def test_approximate_dates_stay_approximate(exhibit: Exhibit) -> None:
    """A year the sources do not give is never stated as fact, not in a caption either."""
    approximate = [e for e in exhibit.events
                   if e.display_date and e.display_date.get("en").startswith("Around")]
    assert approximate[0].id == "virtual-mission"
    assert approximate[-1].id == "looking-ahead"
    for event in approximate:
        assert event.display_date is not None and event.display_date.get("zh") == "2021年前后"
        for media in event.media:
            for lang in exhibit.languages:
                assert not re.search(r"\d{4}", media.caption.get(lang)), event.id


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


def test_schema_takes_plural_forms_where_a_word_counts() -> None:
    """An editor's plural forms complete in the editor; a word without {n} stays one text."""
    exhibit = {"format": 1, "title": "T", "languages": ["en", "ar"], "interface": {"ar": {
        "events_n": {"one": "حدث واحد", "two": "حدثان", "other": "{n} حدث"}}}}
    jsonschema.validate(exhibit, json_schema())
    for wrong in ({"events_n": {"one": "حدث واحد"}}, {"events_n": {"tow": "x", "other": "y"}},
                  {"close": {"other": "إغلاق"}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**exhibit, "interface": {"ar": wrong}}, json_schema())


def english_texts(exhibit: Exhibit) -> list[tuple[str, str]]:
    """(where, text) for every English text of the exhibit but dates, alt texts included."""
    texts = [("exhibit", exhibit.title.get("en")), ("exhibit", exhibit.subtitle.get("en"))]
    for era in exhibit.eras:
        texts += [(era.id, era.title.get("en"))]
        texts += [(era.id, era.short_title.get("en"))] if era.short_title else []
    for event in exhibit.events:
        texts += [(event.id, text.get("en")) for text in (event.title, event.body)]
        texts += [(event.id, media.caption.get("en")) for media in event.media]
        texts += [(event.id, media.alt.get("en")) for media in event.media]
    return texts


def visible_texts_of(event: Event) -> list[Text]:
    """What a visitor reads on one event's card."""
    texts = [event.title, event.body, *(m.caption for m in event.media)]
    return texts + ([event.display_date] if event.display_date else [])


DATELINE = re.compile(r"^(?:\d{4}(?:–\d{4})?|Illustration): ")  # "2015: ...", "Illustration: ..."
ABBREVIATION = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|e\.g|i\.e)\.$")


def sentences(text: str) -> list[str]:
    """The sentences of a text as a reader meets them: headings, list items, quotations."""
    plain = re.sub(r"\*\*|^> ?|^- |^— .*$", "", text, flags=re.MULTILINE)
    found: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=- )", plain):
        pending = ""
        for piece in re.split(r'(?<=[.!?"])\s+', " ".join(paragraph.split())):
            pending = f"{pending} {piece}".strip()
            if pending and not ABBREVIATION.search(pending):
                found.append(DATELINE.sub("", pending.lstrip('"(')))
                pending = ""
        if pending:
            found.append(pending)
    return [sentence for sentence in found if sentence]


def test_sentences_split_as_a_reader_reads_them() -> None:
    assert sentences('**10 volunteers** went.\n\n- 2015: **19** more; Mr. Li said "Go." Then 20.') \
        == ["10 volunteers went.", '19 more; Mr. Li said "Go."', "Then 20."]


def test_no_english_sentence_starts_with_a_figure(exhibit: Exhibit) -> None:
    """UN house style: a sentence starts with a word ("In 2015, 10 ...", "Four ..."), not "10"."""
    checked = 0
    for where, text in english_texts(exhibit):
        for sentence in sentences(text):
            assert not sentence[0].isdigit(), (where, sentence)
            checked += 1
    assert checked > 150


def test_one_apostrophe_and_quotation_style(exhibit: Exhibit) -> None:
    """English: "'" and '"' everywhere, never "’" or "“ ”" beside them; Chinese keeps “ ”.

    One style throughout, the house's. Chinese is set in Noto Sans CJK SC, whose ’ “ ” are
    full-width, as Chinese wants them; English in Noto Sans, whose curly marks are narrow
    (kiosk/ui/shared/theme.py): either style would read right in English.
    """
    fonts = ROOT / "assets" / "fonts"
    for name, full_width in (("NotoSansCJKsc-Regular.subset.otf", True),
                             ("NotoSans-Regular.subset.ttf", False)):
        font = TTFont(fonts / name)
        cmap, advance = font["cmap"].getBestCmap(), font["hmtx"]
        em = font["head"].unitsPerEm
        for curly in "’“”":
            assert (advance[cmap[ord(curly)]][0] >= em) is full_width, (name, curly)
    apostrophes = quotations = 0
    for where, text in english_texts(exhibit):
        for mark in "’‘“”":
            assert mark not in text, (where, text)
        apostrophes += text.count("'")
        quotations += text.count('"')
    assert apostrophes > 20
    assert quotations >= 10 and quotations % 2 == 0


# Years inside names are not dates of the card: the Framework's span, the disease's name.
NAMED_YEARS = re.compile(r"\(2021[–—]2025年?\)|（2021[–—]2025年）|2019冠状病毒病")


def test_no_year_in_a_card_the_sources_do_not_date(exhibit: Exhibit) -> None:
    """A card dated "around" a year or by an occasion ("after 35 years") states no year of its own.

    Such a card may name the year the partnership began (1981), and years inside names.
    """
    undated = [event for event in exhibit.events if event.display_date and (
        event.display_date.get("en").startswith("Around")
        or not re.search(r"\d{4}", event.display_date.get("en")))]
    assert {event.id for event in undated} >= {"virtual-mission", "looking-ahead", "china-at-35",
                                                "priorities-at-35"}
    for event in undated:
        for lang in exhibit.languages:
            for text in (event.title, event.body, *(media.caption for media in event.media)):
                years = set(re.findall(r"\d{4}", NAMED_YEARS.sub("", text.get(lang))))
                assert years <= {"1981"}, (event.id, lang, years)


def test_the_undated_registrations_are_given_no_year(exhibit: Exhibit) -> None:
    """The 35-years article gives no year for the 25 organizations registered online."""
    index = exhibit.event_index("ten-years-of-service")
    assert index is not None
    body = exhibit.events[index].body
    for lang, marker, split in (("en", "25 China-based", r"(?<=[.;])\s+"), ("zh", "25家", r"[。；]")):
        [sentence] = [s for s in re.split(split, body.get(lang)) if marker in s]
        assert not re.search(r"\d{4}", sentence), sentence


@pytest.mark.parametrize("struck", [
    "By 2016", "截至2016年",  # the 25 registrations have no year in the source
    "293",  # the undated pull-out figure read as a second total: kept as a YAML comment only
    "photographed",  # the exhibit shows an illustration, not the 2010 photograph
    "another UNV account",  # both conference figures are the same article's
    "新冠肺炎",  # renamed in 2022; the UN term is 2019冠状病毒病（COVID-19）
    "主要支持者", "长期稳定",  # "one of UNV's most consistent supporters": 最稳定的支持者之一
    "will enhance", "UNV aims", "looks forward",  # the 2021 aims are told in their time
    "are also able", "areas that best match ",  # so are the 35-years article's
])
def test_what_the_reviews_struck_out_stays_out(exhibit: Exhibit, struck: str) -> None:
    for event in exhibit.events:
        for text in visible_texts_of(event):
            for lang in exhibit.languages:
                assert struck not in " ".join(text.get(lang).split()), (event.id, lang)


def test_the_undated_293_stays_where_editors_see_it() -> None:
    source = (DATA / "events" / "14-ten-years-of-service.yaml").read_text(encoding="utf-8")
    comments = [line for line in source.splitlines() if line.lstrip().startswith("#")]
    assert any("293 Chinese nationals" in line for line in comments)


def test_the_sdgs_are_not_dated_from_1981(exhibit: Exhibit) -> None:
    """The partnership began in 1981; the SDGs date from 2015: never in one sentence."""
    body = exhibit.events[0].body
    for lang, goals, split in (("en", "Sustainable Development Goals", r"(?<=\.)\s+"),
                               ("zh", "可持续发展目标", "。")):
        parts = re.split(split, " ".join(body.get(lang).split()))
        assert any(goals in part for part in parts)
        assert not [part for part in parts if goals in part and "1981" in part], lang


# Formulations that are cited whole or not at all (the era track takes a third line where a
# band needs one: kiosk/core/strip_layout.py era_lines).
OFFICIAL = ["中国特色社会主义", "社会主义市场经济", "科学发展观", "“一带一路”",
            "Socialism with Chinese Characteristics", "Socialist Market Economy"]
# English short titles in the official English formulation where the title paraphrases it
OFFICIAL_SHORT = {"chinese-characteristics": "Socialism with Chinese Characteristics",
                  "market-economy": "Socialist Market Economy",
                  "scientific-development": "Scientific Outlook on Development"}


def test_era_short_titles_keep_official_formulations_whole(exhibit: Exhibit) -> None:
    for era in exhibit.eras:
        assert era.short_title is not None, era.id
        for lang in exhibit.languages:
            title, short = era.title.get(lang), era.short_title.get(lang)
            for formulation in OFFICIAL:
                if formulation in title:
                    assert formulation in short, (era.id, short)
        if era.id in OFFICIAL_SHORT:
            assert era.short_title.get("en") == OFFICIAL_SHORT[era.id]


def test_cards_outside_every_era_are_drawn_in_one_neutral_grey(exhibit: Exhibit) -> None:
    """An era's colour on a card outside it would link the two: such cards are drawn in grey.

    The pictures in data/media are checked as drawn: the top of each is its colour over the
    night background, as scripts/make_illustrations.py paints it.
    """
    spec = importlib.util.spec_from_file_location("make_illustrations",
                                                  ROOT / "scripts" / "make_illustrations.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    red, green, blue = script.NEUTRAL
    assert red == green == blue  # no hue at all
    eras = {era.id: script.rgb(era.color) for era in exhibit.eras}
    colours = script.event_colours(DATA)
    outside = 0
    for event in exhibit.events:
        expected = eras[event.era] if event.era else script.NEUTRAL
        outside += event.era is None
        assert colours[event.id] == expected, event.id
        with Image.open(event.media[0].image) as image:
            top = image.convert("RGB").crop((0, 0, image.width, 4))
            drawn = ImageStat.Stat(top).median
        painted = script.mix(expected, script.BG, 0.55)
        assert max(abs(a - b) for a, b in zip(drawn, painted, strict=True)) <= 6, (event.id, drawn)
    assert outside >= 10
