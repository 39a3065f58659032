"""Whatever bytes an editor's file holds, the loader reports problems; it never raises."""

from __future__ import annotations

import copy
import re
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content import fields as F
from kiosk.content import load_folder
from kiosk.content.reader import read_yaml

YAML_ALPHABET = string.ascii_letters + string.digits + " \n\t:-[]{},&*!|>'\"#%@`?.~\\" + "年é"

yaml_like = st.text(alphabet=YAML_ALPHABET, max_size=300)
keys = st.sampled_from(["format", "title", "events", "id", "date", "end", "media", "image",
                        "era", "eras", "languages", "highlight", "alt", "caption", "tittle"])
scalars = st.one_of(st.integers(-3000, 3000), st.booleans(), st.none(),
                    st.text(alphabet=YAML_ALPHABET, max_size=20))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)


@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    node, problems = read_yaml(data, "x.yaml")
    if node is None and not problems:  # only a file with no value at all (blank, comments)
        assert yaml.safe_load(data.decode("utf-8-sig")) is None


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150,
          deadline=None)  # a folder on a busy disk: the time is not what this tests
@given(text=yaml_like)
def test_arbitrary_yaml_text_in_a_folder(tmp_path_factory: object, text: str) -> None:
    root = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    (root / "exhibit.yaml").write_text(text, encoding="utf-8")
    result = load_folder(root)
    assert result.exhibit is None or not result.errors
    assert result.exhibit is not None or result.errors


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150,
          deadline=None)  # a folder on a busy disk: the time is not what this tests
@given(document=documents, events=st.lists(documents, max_size=3))
def test_structured_documents(tmp_path_factory: object, document: object,
                              events: list[object]) -> None:
    root = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    (root / "exhibit.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    (root / "events").mkdir()
    for number, event in enumerate(events):
        (root / "events" / f"{number}.yaml").write_text(yaml.safe_dump(event), encoding="utf-8")
    result = load_folder(root)
    for problem in result.problems:
        assert problem.file and problem.message
        assert problem.line >= 0 and problem.col >= 0
    assert (result.exhibit is None) == bool(result.errors)


# --- every field's reader, whatever its value (issue 28) ---------------------------------

BASE: dict[str, object] = {
    "format": 1, "title": "T", "languages": ["en", "zh"],
    "eras": [{"id": "e", "title": "E", "start": 1980, "end": 1990}],
    "events": [{"id": "a", "date": 1981, "title": "A", "era": "e",
                "media": [{"image": "a.png", "alt": "x"}]}],
}
PLACES = [("exhibit", f.name) for f in F.EXHIBIT] + [("era", f.name) for f in F.ERA] \
    + [("event", f.name) for f in F.EVENT] + [("media", f.name) for f in F.MEDIA]
NUMBERISH = "0123456789０１２３４５６７８９²³¹٣۴߃१੩-+_.:#eE \n\t"
values = st.one_of(
    st.text(max_size=30),  # any Unicode, format characters and surrogate-free controls
    st.text(alphabet=NUMBERISH, max_size=12),
    st.integers(), st.integers(4290, 5000).map(lambda n: f"@@DIGITS{n}@@"),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none(),
    st.lists(st.text(alphabet=NUMBERISH, max_size=6), max_size=3),
    st.dictionaries(st.sampled_from(["en", "zh", "fr", "en\n"]), st.text(max_size=8),
                    max_size=3),
)


def _write(root: Path, document: object) -> None:
    """The document as YAML, with each @@DIGITS<n>@@ a plain number of n digits (too long
    for Python to print, so written here)."""
    text = yaml.safe_dump(document, allow_unicode=True, width=10**9)
    text = re.sub(r"'?@@DIGITS([0-9]+)@@'?", lambda m: "9" * int(m[1]), text)
    (root / "exhibit.yaml").write_text(text, encoding="utf-8")


def _place(document: dict[str, object], where: str, name: str, value: object) -> None:
    eras = document["eras"]
    events = document["events"]
    assert isinstance(eras, list) and isinstance(events, list)
    target = {"exhibit": document, "era": eras[0], "event": events[0],
              "media": events[0]["media"][0]}[where]
    target[name] = value


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200,
          deadline=None)  # a folder on a busy disk: the time is not what this tests
@given(place=st.sampled_from(PLACES), value=values)
def test_every_field_reader_gives_problems_never_an_exception(
        tmp_path_factory: object, place: tuple[str, str], value: object) -> None:
    """Each key of the format, given any value: the loader answers with problems (or
    takes it), whatever the value; int() of 5,000 digits, '²', '２０１９', 'id\\n' included."""
    root = Path(tmp_path_factory.mktemp("field"))  # type: ignore[attr-defined]
    document = copy.deepcopy(BASE)
    _place(document, *place, value)
    _write(root, document)
    result = load_folder(root)
    assert (result.exhibit is None) == bool(result.errors)
    for problem in result.problems:
        assert problem.file and problem.message


@pytest.mark.parametrize("place", PLACES, ids=lambda p: f"{p[0]}.{p[1]}")
def test_every_field_reader_with_hostile_numbers(tmp_path: Path, place: tuple[str, str]) -> None:
    """The values that raised before, at every key (the seeded cases the search above may
    not draw in its few examples)."""
    for number, value in enumerate(["9" * 5000, "²", "２０１９", "first\n", "#2F6690\n",
                                    "@@DIGITS5000@@", float("inf"), "1e999", "\u202e", "<img src=x>"]):
        root = tmp_path / f"{number}"
        root.mkdir()
        document = copy.deepcopy(BASE)
        _place(document, *place, value)
        _write(root, document)
        result = load_folder(root)
        assert (result.exhibit is None) == bool(result.errors)
