"""The project's own checks: lint and types stay clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib

from tests.conftest import ROOT


def test_ruff() -> None:
    ruff = shutil.which("ruff", path=str(ROOT / ".venv" / "bin")) or "ruff"
    run = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stdout


def test_mypy() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stdout


def test_install_metadata_is_in_its_current_form() -> None:
    """A `license` table makes setuptools print a deprecation block at every install; the
    SPDX string it asks for needs setuptools 77 or later to build."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    assert pyproject["build-system"]["requires"] == ["setuptools>=77"]
