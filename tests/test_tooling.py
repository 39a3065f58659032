"""The project's own checks: lint and types stay clean."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement

from tests.conftest import ROOT


def test_ruff() -> None:
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                         check=False)
    assert run.returncode == 0, run.stdout


def test_mypy() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", check=False)
    assert run.returncode == 0, run.stdout


def test_install_metadata_is_in_its_current_form() -> None:
    """A `license` table makes setuptools print a deprecation block at every install; the
    SPDX string it asks for needs setuptools 77 or later to build. The rule is checked on
    whatever pyproject says, so that changing the licence or the pin needs no edit here."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    licence = pyproject["project"]["license"]
    assert isinstance(licence, str), "an SPDX expression, not a table"
    assert canonicalize_license_expression(licence) == licence, "a valid SPDX expression"
    [setuptools] = [Requirement(r) for r in pyproject["build-system"]["requires"]
                    if Requirement(r).name == "setuptools"]
    assert not setuptools.specifier.contains("76.99"), "setuptools before 77 cannot build it"
    assert setuptools.specifier.contains("77.0")
