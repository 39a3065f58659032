"""The project's own checks: lint and types stay clean."""

from __future__ import annotations

import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement

from tests.conftest import ROOT


def hooks() -> dict[str, dict[str, Any]]:
    """The pre-commit hooks by id: the commands developers run at each commit."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_the_commit_hooks_need_no_network() -> None:
    """Hooks from the project's own virtual environment: pre-commit downloads nothing."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert {repo["repo"] for repo in config["repos"]} == {"local"}
    assert {hook["language"] for hook in hooks().values()} == {"system"}
    assert set(hooks()) >= {"ruff", "mypy"}


@pytest.mark.parametrize("hook", ["ruff", "mypy"])
def test_the_commit_hook_passes_on_the_whole_tree(hook: str) -> None:
    """Each hook's own command (with this Python for the venv's), over every file: so the
    hooks and the tests cannot drift apart."""
    config = hooks()[hook]
    program, *args = shlex.split(config["entry"])
    assert Path(program).name.startswith("python"), "a hook runs the venv's python -m TOOL"
    if config.get("pass_filenames", True):
        args.append(".")
    run = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                         encoding="utf-8", check=False)
    assert run.returncode == 0, run.stdout + run.stderr


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
