"""The one registry of `celltrail` commands: each command is declared once, where it lives.

A command group is a module ``models/cli/<anything>_commands.py`` with a module-level
``COMMANDS`` tuple of ``Command`` (a top-level command, ``celltrail trace ID``) and ``Group``
(a word with sub-commands, ``celltrail din check``) values. Each declaration carries the
name, the help (a catalogue code, rendered in the user's language), the arguments and the
handler; adding a command means adding one declaration, nowhere else.

Importing this module or a command module must stay cheap: the command modules import the
core, SQLAlchemy or the printing library only inside the handler that needs them, so that
``celltrail din check`` starts without loading a database layer it does not use.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

Result = tuple[int, dict[str, Any], str]
"""A handler's answer: exit code (0 ok, 1 check failed, 2 refused), JSON data, text."""
Handler = Callable[[argparse.Namespace], Result]

HELP_WORDS = ("-h", "--help")


class Arg:
    """One ``add_argument`` call; ``help`` is a catalogue code, ``choices`` may be a
    zero-argument callable so that a command's enum is only imported when it is parsed."""

    def __init__(self, *flags: str, help: str | None = None, **options: Any) -> None:
        self.flags = flags
        self.help = help
        self.options = options


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    handler: Handler
    args: tuple[Arg, ...] = ()
    common: bool = True  # takes --db and --json
    description: str | None = None  # catalogue code of a longer --help text, shown as laid out


@dataclass(frozen=True)
class Group:
    name: str
    help: str
    commands: tuple[Command, ...] = field(default=())


Entry = Command | Group


def _modules() -> Iterator[ModuleType]:
    import models.cli

    for info in sorted(pkgutil.iter_modules(models.cli.__path__), key=lambda i: i.name):
        if info.name.endswith("_commands"):
            yield importlib.import_module(f"models.cli.{info.name}")


def entries() -> list[Entry]:
    """Every declared command and group, in a stable order (by module, then as declared)."""
    found: list[Entry] = []
    for module in _modules():
        found.extend(module.COMMANDS)
    names = [e.name for e in found]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:  # two modules claiming one word: a programming error, caught by any test
        raise RuntimeError(f"celltrail commands declared twice: {sorted(duplicates)}")
    return found


def first_words() -> frozenset[str]:
    """The first words that select the command line rather than the desktop app."""
    return frozenset(e.name for e in entries()) | frozenset(HELP_WORDS)
