"""The project's own checks: lint and types stay clean."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_ruff() -> None:
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                         check=False)
    assert run.returncode == 0, run.stdout


def test_mypy() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", check=False)
    assert run.returncode == 0, run.stdout
