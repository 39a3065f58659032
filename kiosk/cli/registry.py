"""What a command module gives the command line: its names, its parsers, and `run`.

A new command is a new module in kiosk/cli/ with `NAMES`, `add_parsers(sub)` and
`run(args) -> int` (an exit code of kiosk.services.exits), and one line in
kiosk/cli/__init__.py's COMMANDS."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Protocol, TypeAlias

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
# a hidden command (`_bench-child`): the arguments after its name in, an exit code out
Internal: TypeAlias = Callable[[Sequence[str]], int]


class Command(Protocol):
    @property
    def NAMES(self) -> tuple[str, ...]:  # the subcommands it answers (publish, releases...)
        ...

    def add_parsers(self, sub: Subparsers) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...
