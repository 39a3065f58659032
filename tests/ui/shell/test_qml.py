"""The QML is typed and checked: qmllint knows the Python view-models' properties, slots,
signals and enums (from their source, as Qt's own tools read it), so a misspelt name fails
here, without running a screen. The module lists every file, and colours come only from
the theme."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from kiosk.ui.shared.qmlmodule import QML_IMPORT_NAME, module_dir, qml_files
from tests.conftest import ROOT

MODULE = module_dir()
QML_FILES = sorted(qml_files())
VIEW_MODELS = sorted(p for p in (ROOT / "kiosk" / "ui").rglob("*.py")
                     if "@QmlElement" in p.read_text(encoding="utf-8"))


def tool(name: str) -> list[str]:
    """PySide6's `pyside6-<name>` command, run through its Python entry point: the same on
    every system, and present also where the wheel was unpacked without its scripts (the
    Windows set-up under Wine)."""
    return [sys.executable, "-c", "from PySide6.scripts import pyside_tool; "
            f"pyside_tool.{name.removeprefix('pyside6-')}()"]


def typed_module(folder: Path) -> Path:
    """A copy of the QML module (its qmldir and QML files, in their sub-folders) with a
    qmltypes file describing the Python view-models, made with PySide6's metaobjectdump
    and Qt's qmltyperegistrar. `folder` is the copy's import path; qmllint runs there,
    because it also looks for modules in its working folder, where the checkout's own
    copy of the module has no types."""
    module = folder.joinpath(*QML_IMPORT_NAME.split("."))
    for path in [MODULE / "qmldir", *QML_FILES]:
        (module / path.relative_to(MODULE)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, module / path.relative_to(MODULE))
    meta = folder / "viewmodels.json"
    subprocess.run([*tool("pyside6-metaobjectdump"), "-q", "-o", str(meta),
                    *map(str, VIEW_MODELS)], check=True)
    mark_constants(meta)
    qt_metatypes = Path(PySide6.__file__).parent / "Qt" / "metatypes"
    foreign = ",".join(str(qt_metatypes / f"qt6{m}_metatypes.json") for m in ("core", "gui", "qml"))
    subprocess.run([*tool("pyside6-qmltyperegistrar"), "--import-name", QML_IMPORT_NAME,
                    "--major-version", "1", f"--generate-qmltypes={module / 'kiosk.qmltypes'}",
                    f"--foreign-types={foreign}", "-o", str(folder / "registrations.cpp"),
                    str(meta)], check=True)
    with (module / "qmldir").open("a", encoding="utf-8") as qmldir:
        qmldir.write("typeinfo kiosk.qmltypes\n")
    return module


def constant_properties() -> set[tuple[str, str]]:
    """(class, property) of every `@Property(..., constant=True)` in the view-models."""
    found = set()
    for path in VIEW_MODELS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, ast.FunctionDef) and any(
                            isinstance(d, ast.Call) and getattr(d.func, "id", "") == "Property"
                            and any(k.arg == "constant" and getattr(k.value, "value", False)
                                    for k in d.keywords) for d in member.decorator_list):
                        found.add((node.name, member.name))
    return found


def mark_constants(meta: Path) -> None:
    """PySide6's metaobjectdump leaves out `constant=True` (6.11): put it in, so that qmllint
    knows a CONSTANT property needs no notify signal."""
    constants = constant_properties()
    dump = json.loads(meta.read_text(encoding="utf-8"))
    for module in dump:
        for cls in module["classes"]:
            for prop in cls.get("properties", []):
                if (cls["className"], prop["name"]) in constants:
                    prop["constant"] = True
    meta.write_text(json.dumps(dump), encoding="utf-8")


def test_every_view_model_is_in_the_module() -> None:
    names = {p.stem for p in VIEW_MODELS}
    assert {"navigation", "language", "display", "idle", "attract", "current", "exhibition",
            "staff"} <= names


def test_qmllint_finds_nothing(tmp_path: Path) -> None:
    module = typed_module(tmp_path)
    run = subprocess.run([*tool("pyside6-qmllint"), "--max-warnings", "0", "-I", str(tmp_path),
                          *(str(module / p.relative_to(MODULE)) for p in QML_FILES)],
                         cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
                         check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_qmllint_would_catch_a_misspelt_view_model_property(tmp_path: Path) -> None:
    """The check above means something: a wrong name on a Python singleton is found."""
    module = typed_module(tmp_path)
    main = module / next(p for p in QML_FILES if p.name == "Main.qml").relative_to(MODULE)
    main.write_text(main.read_text(encoding="utf-8").replace(
        "Navigation.Welcome", "Navigation.Welcom"), encoding="utf-8")
    run = subprocess.run([*tool("pyside6-qmllint"), "--max-warnings", "0", "-I", str(tmp_path),
                          str(main)], cwd=tmp_path, capture_output=True, text=True,
                         encoding="utf-8", check=False)
    assert run.returncode != 0
    assert "Welcom" in run.stdout + run.stderr


def test_the_module_lists_every_file() -> None:
    lines = (MODULE / "qmldir").read_text(encoding="utf-8").splitlines()
    listed = {MODULE / line.split()[-1] for line in lines if line.endswith(".qml")}
    assert listed == set(MODULE.rglob("*.qml"))
    assert lines[0] == f"module {QML_IMPORT_NAME}"


COLOUR_LITERAL = re.compile(r"\"#[0-9A-Fa-f]{3,8}\"|\"transparent\"|Qt\.(rgba|hsla|hsva)\(|"
                            r"color:\s*\"[a-z]+\"")


@pytest.mark.parametrize("path", QML_FILES, ids=lambda p: p.name)
def test_colours_come_from_the_theme(path: Path) -> None:
    found = [f"{path.name}:{number}: {line.strip()}"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if COLOUR_LITERAL.search(line)]
    assert found == []
