"""Staff settings from a TOML file, with safe defaults and clear messages for mistakes."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import get_args, get_type_hints

from kiosk.content.fields import EXHIBIT
from kiosk.core.atomic import write_atomic
from kiosk.core.limits import seconds_problem
from kiosk.services.paths import user_config_dir
from kiosk.services.pin import parse_pin_hash
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
    kiosk_name: str = ""  # in statistics reports; empty: the computer's name
    statistics: bool = True  # anonymous visitor statistics, kept on this computer only
    statistics_days: int = 365  # older visits are deleted
    statistics_export: str = ""  # folder for the staff panel's export; empty: a USB stick
    institution: str = ""  # the museum's name, at the top of the statistics report
    report_logo: str = ""  # a PNG or JPEG for the report; relative to kiosk.toml's folder
    releases_keep: int = 10  # releases `kiosk publish` keeps in the outbox (the newest)
    releases: str = ""  # an inbox of releases to follow (docs/fleet.md); empty: none
    status_folder: str = ""  # where the kiosk writes its fleet status; empty: status/ at home
    path: Path | None = field(default=None, compare=False)
    problems: tuple[str, ...] = field(default=(), compare=False)


def settings_path() -> Path:
    """kiosk.toml beside the packaged executable if there is one, else the user's config."""
    if is_frozen():
        beside = program_dir() / FILE_NAME
        if beside.is_file():
            return beside
    return user_config_dir() / FILE_NAME


def accepted_types(name: str) -> tuple[type, ...]:
    """The TOML value types a setting takes, read from its annotation in Settings (the one
    place the types are stated): `float | None` takes 1.5 and 90, `int | None` takes 2."""
    hint = get_type_hints(Settings)[name]
    types = tuple(t for t in get_args(hint) or (hint,) if t is not type(None))
    return (*types, int) if float in types else types


MAX_SETTINGS_BYTES = 64 * 1024  # a hand-written settings file is a few lines
MAX_SCREEN = 16
_IDLE = next(f for f in EXHIBIT if f.name == "idle_timeout")  # the content's own limits


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; every mistake becomes a message and the default is used instead.

    A line that cannot be read loses only itself: a typo elsewhere in the file must not
    drop the staff PIN. The caller logs `problems` (logging may not be set up yet)."""
    path = path or settings_path()
    if not path.is_file():
        return Settings(path=path)
    problems: list[str] = []
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            raise ValueError(f"larger than {MAX_SETTINGS_BYTES // 1024} kB")
        text = path.read_bytes().decode("utf-8", errors="replace")
    except (OSError, ValueError) as exc:
        return Settings(path=path, problems=(f"{path}: cannot be read ({exc}); "
                                             "using the defaults",))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        data = _readable_lines(text, path, exc, problems)
    problems += _private(path)
    values: dict[str, object] = {}
    known = {f.name for f in fields(Settings)} - {"path", "problems"}
    for key, value in data.items():
        if key not in known:
            problems.append(f"{path}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
            continue
        types = accepted_types(key)
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            problems.append(f"{path}: '{key}' has the wrong type ({type(value).__name__}); "
                            "using the default")
            continue
        values[key] = value
    if "log_level" in values and str(values["log_level"]).lower() not in LOG_LEVELS:
        problems.append(f"{path}: log_level must be one of {', '.join(LOG_LEVELS)}")
        del values["log_level"]
    idle = values.get("idle_timeout")
    if isinstance(idle, int | float) and _IDLE.minimum is not None and _IDLE.maximum is not None:
        problem = seconds_problem(_IDLE.name, float(idle), _IDLE.minimum, _IDLE.maximum)
        if problem:
            problems.append(f"{path}: {problem}")
            del values["idle_timeout"]
    screen = values.get("screen")
    if isinstance(screen, int) and not 0 <= screen <= MAX_SCREEN:
        problems.append(f"{path}: screen must be a number from 0 to {MAX_SCREEN}")
        del values["screen"]
    days = values.get("statistics_days")
    if isinstance(days, int) and days < 1:
        problems.append(f"{path}: statistics_days must be at least 1")
        del values["statistics_days"]
    keep = values.get("releases_keep")
    if isinstance(keep, int) and keep < 1:
        problems.append(f"{path}: releases_keep must be at least 1")
        del values["releases_keep"]
    pin_hash = values.get("pin_hash")
    if isinstance(pin_hash, str) and pin_hash and parse_pin_hash(pin_hash) is None:
        problems.append(f"{path}: pin_hash is not one that `kiosk set-pin` writes; no PIN "
                        "opens the staff panel until you run kiosk set-pin again")
        del values["pin_hash"]
    return Settings(path=path, problems=tuple(problems), **values)  # type: ignore[arg-type]


def _readable_lines(text: str, path: Path, error: tomllib.TOMLDecodeError,
                    problems: list[str]) -> dict[str, object]:
    """The settings of a damaged file, line by line: each line that reads on its own."""
    data: dict[str, object] = {}
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            for key, value in tomllib.loads(line).items():
                data.setdefault(key, value)
        except tomllib.TOMLDecodeError:
            bad.append(number)
    lines = ", ".join(str(n) for n in bad[:10]) + (" ..." if len(bad) > 10 else "")
    problems.append(f"{path}: is not valid TOML ({error}); line{'s' * (len(bad) > 1)} "
                    f"{lines} ignored, the other settings are used")
    return data


def _private(path: Path) -> list[str]:
    """Make the file readable by its owner only: it holds the PIN's hash, which a 4-digit
    PIN does not protect against anyone who can read it. On Windows, chmod cannot do this;
    the file's protection there is its folder's (a user's profile: that user and admins)."""
    if os.name != "posix":
        return []
    try:
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError as exc:
        return [f"{path}: other users can read it and it cannot be made private ({exc.strerror})"]
    return []


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Set pin_hash in the settings file, keeping its other lines; readable by its owner."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    lines = [line for line in lines if not line.strip().startswith("pin_hash")]
    lines.insert(0, f'pin_hash = "{pin_hash}"')
    path.parent.mkdir(parents=True, exist_ok=True)
    # created private: never readable by others, not even for a moment
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"), private=True)


def report_logo_path(settings: Settings) -> Path | None:
    """The report's logo file, a relative path read from kiosk.toml's own folder."""
    if not settings.report_logo.strip():
        return None
    path = Path(settings.report_logo.strip()).expanduser()
    if not path.is_absolute() and settings.path is not None:
        path = settings.path.parent / path
    return path


def lockout_path(settings_file: Path | None) -> Path | None:
    """Where the PIN's wrong tries are kept across restarts: beside the settings."""
    return settings_file.with_name("pin-lockout.json") if settings_file else None
