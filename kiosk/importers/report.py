"""What an import made and every problem with its source, each at its row or JSON path."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning", "note"]


class ImportRefused(Exception):
    """The source cannot be imported at all; the message says where and why, in one
    sentence, and nothing was written."""


@dataclass(frozen=True)
class Finding:
    where: str  # "events[3].media.url", "row 5, column Media", "" for the whole source
    level: Level
    message: str

    def line(self, source: str) -> str:
        place = f"{source}: {self.where}" if self.where else source
        return f"{place}: {self.level}: {self.message}"


@dataclass
class Report:
    source: str  # the source's file name, as printed before every finding
    made: list[str] = field(default_factory=list)  # what was written, one line each
    findings: list[Finding] = field(default_factory=list)

    def error(self, where: str, message: str) -> None:
        self.findings.append(Finding(where, "error", message))

    def warning(self, where: str, message: str) -> None:
        self.findings.append(Finding(where, "warning", message))

    def note(self, where: str, message: str) -> None:
        self.findings.append(Finding(where, "note", message))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    def lines(self) -> list[str]:
        return [finding.line(self.source) for finding in self.findings]
