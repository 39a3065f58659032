"""The guide's "Translating with a CAT tool" section is real: its commands are run, in
order, on a copy of the bundled exhibit named `unv`, with what the guide says happens
between them, and their output compared with the guide's."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import DATA, ROOT
from tests.translation.conftest import translate_xliff

GUIDE = ROOT / "docs" / "content-guide.md"
SECTION = "## Translating with a CAT tool (XLIFF or PO)"
COMMAND = re.compile(r"```text\n\$ (?P<command>kiosk translate [^\n]+)\n(?P<output>.*?)```",
                     re.S)

FRENCH = {
    "exhibit/title": "Les VNU et la Chine",
    "exhibit/subtitle": "Un partenariat pour le développement depuis 1981",
    "interface/touch": "Touchez pour explorer",
    "interface/still_there": "Vous êtes toujours là ?",
    "interface/returning": "Retour au début dans {n} s",
    "interface/continue": "Continuer",
    "interface/previous": "Événement précédent",
    "interface/next": "Événement suivant",
    "interface/close": "Fermer",
    "interface/home": "Retour au début",
    "interface/photo_of": "Photo {i} sur {n}",
    "interface/open_photo": "Afficher la photo en plein écran",
    "interface/display_options": "Options d'affichage",
    "interface/larger_text": "Texte plus grand",
    "interface/high_contrast": "Contraste élevé",
    "interface/reduce_motion": "Moins d'animations",
    "interface/timeline": "Frise chronologique",
    "interface/start": "Commencer au début",
    "interface/events_n": "{n} événements",
    "interface/on": "Activé",
    "interface/off": "Désactivé",
    "interface/language_name": "Français",
    "interface/others_n": "+{n}",
    "interface/position": "{i} sur {n}",
    "interface/zoom_in": "Agrandir la frise",
    "interface/zoom_out": "Réduire la frise",
    "interface/play": "Lire",
    "interface/pause": "Pause",
    "interface/captions": "Sous-titres",
    "interface/full_screen": "Plein écran",
    "interface/cannot_play": "Cet enregistrement ne peut pas être lu",
}
OLD_SUBTITLE = "en: A partnership for development since 1981"
NEW_SUBTITLE = "en: Partners in development since 1981"


def section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start:end if end > 0 else len(text)]


def translator(work: Path) -> None:
    """The translator fills in the welcome screen's texts and the kiosk's words."""
    translate_xliff(work / "unv-fr.xlf", work / "unv-fr.xlf",
                    lambda unit_id, source: FRENCH.get(unit_id))


def editor(work: Path) -> None:
    """Meanwhile an editor rewords the English subtitle."""
    path = work / "unv" / "exhibit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(OLD_SUBTITLE, NEW_SUBTITLE),
                    encoding="utf-8")


# what happens before each command of the section, in order
BEFORE: list[Callable[[Path], None] | None] = [None, translator, editor, None, None]


def run_section(work: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    """Each command of the section with the output it gives, run in `work`."""
    shutil.copytree(DATA, work / "unv")
    found = []
    for index, match in enumerate(COMMAND.finditer(section())):
        step = BEFORE[index] if index < len(BEFORE) else None
        if step is not None:
            step(work)
        main(match["command"].split()[1:])
        captured = capsys.readouterr()
        found.append((match["output"], captured.out + captured.err))
    return found


def test_the_section_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    results = run_section(tmp_path, capsys)
    assert len(results) == len(BEFORE)
    for written, printed in results:
        assert printed == written
    # the excerpts of files it shows are what the commands wrote
    text = section()
    exhibit = (tmp_path / "unv" / "exhibit.yaml").read_text(encoding="utf-8")
    excerpt = re.search(r"<!-- exhibit.yaml after the import -->\n```yaml\n(.*?)```", text, re.S)
    assert excerpt is not None
    assert excerpt[1].replace(NEW_SUBTITLE, OLD_SUBTITLE) in \
        exhibit.replace(NEW_SUBTITLE, OLD_SUBTITLE)
    excerpts = re.findall(r"<!-- (\S+) -->\n```\w+\n(.*?)```", text, re.S)
    assert [name for name, _ in excerpts] == ["unv-fr.xlf", "unv-fr-2.xlf", "unv-de.po"]
    for name, shown in excerpts:
        assert shown in (tmp_path / name).read_text(encoding="utf-8"), name
