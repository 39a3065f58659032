"""The picture checks kept across starts: what kiosk.content.images found for each file
(by real path, size and modification time), so that an unchanged photo is decoded once per
change, not once per start (the bundled exhibit's 24 progressive JPEGs cost 1.6 s).

The check itself is not loosened: a file whose size or modification time changed is
checked again. The file is only a cache: unreadable or damaged, it is ignored.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from kiosk.content import images
from kiosk.core.atomic import write_atomic

log = logging.getLogger("kiosk.picture_checks")
FORMAT = 1


def load(path: Path) -> int:
    """Take the answers kept in `path`; how many (0 when there is none or it is damaged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return 0
    except (OSError, ValueError) as exc:
        log.warning("picture checks: %s cannot be read (%s); every picture is checked again",
                    path, exc)
        return 0
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return 0
    return images.remember(data.get("checks"))


def save(path: Path) -> None:
    """Keep the answers found so far (written whole or not at all)."""
    data = {"format": FORMAT, "checks": images.remembered()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        log.warning("picture checks: cannot keep them in %s (%s)", path, exc)
