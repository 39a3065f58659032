"""The layers read from the folder names, and no import runs back up a layer: the
import-linter contracts of pyproject.toml ([tool.importlinter]). The core and the content
format know nothing of Qt; UI features (kiosk/ui/<feature>/) do not import each other;
only the shell (kiosk/ui/shell/) composes them. docs/architecture.md draws the map.
Imports inside functions and `if TYPE_CHECKING:` blocks count too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's `lint-imports` on the tree at `root`, through its Python entry point
    (the same on every system)."""
    return subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import "
                           "lint_imports_command as c; sys.exit(c())", "--no-cache"],
                          cwd=root, capture_output=True, text=True, encoding="utf-8",
                          check=False, env={**os.environ, "PYTHONPATH": os.pathsep.join(
                              [str(root), *filter(None, [os.environ.get("PYTHONPATH")])])})


def test_every_contract_is_kept() -> None:
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_a_feature_importing_another_breaks_a_contract(tmp_path: Path) -> None:
    """The contracts mean something: the same check on a copy where the idle feature
    imports the timeline's view-model fails, and says which contract and which line."""
    shutil.copytree(ROOT / "kiosk", tmp_path / "kiosk",
                    ignore=shutil.ignore_patterns("__pycache__", "*.qml", "qmldir"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    idle = tmp_path / "kiosk" / "ui" / "idle" / "idle.py"
    idle.write_text(idle.read_text(encoding="utf-8")
                    + "\nfrom kiosk.ui.timeline import strip  # noqa: E402,F401\n",
                    encoding="utf-8")
    run = lint_imports(tmp_path)
    assert run.returncode != 0
    assert "Features do not import each other" in run.stdout
    assert "kiosk.ui.idle.idle -> kiosk.ui.timeline.strip" in run.stdout
