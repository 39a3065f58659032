"""The project's own checks: lint and types stay clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

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
