from __future__ import annotations

from kiosk.releases.versions import next_version, problem, program_key, version_key


def test_versions_compare_number_by_number_not_as_text() -> None:
    assert version_key("10") > version_key("9")  # type: ignore[operator]
    assert version_key("1.10") > version_key("1.9")  # type: ignore[operator]
    assert version_key("2026.12.7") > version_key("2026.2.28")  # type: ignore[operator]
    assert version_key("1.0") == version_key("1")


def test_only_ascii_numbers_joined_by_dots_are_versions() -> None:
    for text in ("", "v3", "1..2", "1.2.", "３", "1 ", "1-2", "1.2.3.4.5.6.7"):
        assert version_key(text) is None, text
        assert problem(text) is not None
    assert problem("3") is None


def test_the_next_version_raises_the_last_number() -> None:
    assert next_version(None) == "1"
    assert next_version("3") == "4"
    assert next_version("1.9") == "1.10"


def test_a_program_version_with_a_suffix_counts_by_its_numbers() -> None:
    assert program_key("0.2.0.dev1") == (0, 2)
    assert program_key("0.1.0") == (0, 1)
    assert program_key("dev") is None
