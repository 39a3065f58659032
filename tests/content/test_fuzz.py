"""Whatever bytes an editor's file holds, the loader reports problems; it never raises."""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
