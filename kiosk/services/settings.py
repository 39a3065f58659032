"""Staff settings from a TOML file, with safe defaults and clear messages for mistakes."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

import platformdirs

from kiosk.services.platform import is_frozen, program_dir

FILE_NAME = "kiosk.toml"
LOG_LEVELS = ("debug", "info", "warning", "error")


@dataclass(frozen=True)
class Settings:
    pin_hash: str = ""  # "pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>"; `kiosk set-pin`
    screen: int | None = None
    idle_timeout: float | None = None  # seconds; overrides the exhibit's
    default_language: str | None = None
    log_level: str = "info"
    reduced_motion: bool = False
    path: Path | None = field(default=None, compare=False)
    problems: tuple[str, ...] = field(default=(), compare=False)


def settings_path() -> Path:
    """kiosk.toml beside the packaged executable if there is one, else the user's config."""
    if is_frozen():
        beside = program_dir() / FILE_NAME
        if beside.is_file():
            return beside
    return Path(platformdirs.user_config_dir("kiosk", appauthor=False)) / FILE_NAME


_TYPES: dict[str, tuple[type, ...]] = {
    "pin_hash": (str,), "screen": (int,), "idle_timeout": (int, float),
    "default_language": (str,), "log_level": (str,), "reduced_motion": (bool,),
}


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; every mistake becomes a message and the default is used instead."""
    path = path or settings_path()
    if not path.is_file():
        return Settings(path=path)
    problems: list[str] = []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        return Settings(path=path, problems=(f"{path}: cannot be read ({exc}); "
                                             "using the defaults",))
    values: dict[str, object] = {}
    known = {f.name for f in fields(Settings)} - {"path", "problems"}
    for key, value in data.items():
        if key not in known:
            problems.append(f"{path}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
            continue
        types = _TYPES[key]
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            problems.append(f"{path}: '{key}' has the wrong type ({type(value).__name__}); "
                            "using the default")
            continue
        values[key] = value
    if "log_level" in values and str(values["log_level"]).lower() not in LOG_LEVELS:
        problems.append(f"{path}: log_level must be one of {', '.join(LOG_LEVELS)}")
        del values["log_level"]
    idle = values.get("idle_timeout")
    if isinstance(idle, int | float) and idle < 10:
        problems.append(f"{path}: idle_timeout must be at least 10 seconds")
        del values["idle_timeout"]
    screen = values.get("screen")
    if isinstance(screen, int) and screen < 0:
        problems.append(f"{path}: screen must be 0 or more")
        del values["screen"]
    settings = Settings(path=path, problems=tuple(problems), **values)  # type: ignore[arg-type]
    for problem in problems:
        logging.getLogger("kiosk.settings").warning(problem)
    return settings


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Set pin_hash in the settings file, keeping its other lines."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    lines = [line for line in lines if not line.strip().startswith("pin_hash")]
    lines.insert(0, f'pin_hash = "{pin_hash}"')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
