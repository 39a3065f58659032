"""The layers read from the folder names, and no import runs back up a layer.

    tools (snapshot, bench)  >  app (composition root)  >  ui  >  releases  >  services
        >  translation  >  importers  >  content

`kiosk.importers` (kiosk import, kiosk export --sheet) writes content folders and checks
them with the content loader: it sits just above content and needs nothing else of the
kiosk's, so the command line can use it without Qt or the kiosk's services.
`kiosk.translation` (the XLIFF/PO round trip) likewise reads and writes content folders
through kiosk.content and nothing else, and no content rule may depend on it.

`kiosk.cli` and `kiosk.__main__` sit on top; `kiosk/__init__.py` (the version) at the bottom.
Imports inside functions and `if TYPE_CHECKING:` blocks count too: a lazy import that runs
back up is still a cycle between layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "kiosk"
# releases: publishing, verifying and keeping releases without Qt (issue 22); it uses the
# content rules and the services, and the ui (staff panel) and app (start-up) use it
LAYERS = ["base", "content", "importers", "translation", "services", "releases", "ui", "app",
          "tools", "cli"]


def layer_of(module: str) -> str:
    """The layer of a dotted module name inside the kiosk package."""
    parts = module.split(".")
    if parts == ["kiosk"]:
        return "base"
    if parts[1] in ("content", "importers", "translation", "services", "releases", "ui",
                    "tools"):
        return parts[1]
    if parts[1] == "app":
        return "app"
    if parts[1] in ("cli", "__main__"):
        return "cli"
    raise AssertionError(f"{module}: not in any layer; put it in a layer's folder")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """Every kiosk module a file imports, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # `from kiosk import logs`-style imports name a module, not an attribute
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names
                      if (PACKAGE.parent / f"{node.module}.{alias.name}".replace(".", "/")
                          ).with_suffix(".py").exists()]
    return [(line, name) for line, name in found if name.split(".")[0] == "kiosk"]


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_runs_back_up_a_layer(path: Path) -> None:
    own = LAYERS.index(layer_of(module_name(path)))
    upward = [f"{path.relative_to(ROOT)}:{line}: imports {name} ({layer_of(name)} layer)"
              for line, name in imports(path) if LAYERS.index(layer_of(name)) > own]
    assert upward == []


@pytest.mark.parametrize("layer", ["content", "importers", "translation", "releases"])
def test_content_knows_nothing_of_qt(layer: str) -> None:
    offenders = [f"{path.relative_to(ROOT)}: {name}"
                 for path in sorted((PACKAGE / layer).rglob("*.py"))
                 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Import | ast.ImportFrom)
                 for name in ([a.name for a in node.names] if isinstance(node, ast.Import)
                              else [node.module or ""])
                 if name.startswith(("PySide6", "shiboken6"))]
    assert offenders == []


def test_the_check_sees_imports() -> None:
    """The walk finds the composition root's imports, lazy ones included, so an empty
    result above means something."""
    found = {name for _, name in imports(PACKAGE / "app.py")}
    assert {"kiosk.ui.view", "kiosk.services.settings", "kiosk.content"} <= found
    assert layer_of("kiosk.tools.bench") == "tools"
