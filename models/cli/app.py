"""`celltrail` command line: automation and validation evidence, Qt-free.

Every command takes --db (else CELLTRAIL_DB, else the per-user SQLite file) and
--json for machine-readable output. Exit codes: 0 success, 1 a check failed
(e.g. a broken audit chain), 2 the request was refused or invalid.

The commands themselves are declared in ``models/cli/*_commands.py`` (see ``registry``);
this module only builds the parser from those declarations, dispatches and prints. It must
not import the database layer: a command that needs it imports it in its handler.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from models.cli.registry import Arg, Command, Group, Handler, entries
from models.i18n import render, user_language
from models.kernel.errors import DatabaseUnavailableError, DomainError, ValidationError


def build_parser(argv: Sequence[str] = (), lang: str = "en") -> argparse.ArgumentParser:
    """The parser for ``argv``: every command is listed, but only the one ``argv`` names gets
    its arguments (so parsing ``din check`` never imports, say, the account roles)."""
    parser = argparse.ArgumentParser(
        prog="celltrail", description=render("cli.help.celltrail", lang)
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help=render("cli.help.db", lang))
    common.add_argument("--json", action="store_true", help=render("cli.help.json", lang))
    sub = parser.add_subparsers(dest="command", required=True)
    declared = entries()
    wanted = argv[0] if argv else None
    every = wanted not in {e.name for e in declared}  # top-level --help or a usage error
    for entry in declared:
        if not (every or entry.name == wanted):
            sub.add_parser(entry.name, help=render(entry.help, lang))
        elif isinstance(entry, Group):
            group = sub.add_parser(entry.name, help=render(entry.help, lang))
            inner = group.add_subparsers(dest=f"{entry.name}_command", required=True)
            for command in entry.commands:
                _add_command(inner, command, common, lang)
        else:
            _add_command(sub, entry, common, lang)
    return parser


def _add_command(sub: Any, command: Command, common: argparse.ArgumentParser, lang: str) -> None:
    parser = sub.add_parser(
        command.name,
        parents=[common] if command.common else [],
        help=render(command.help, lang),
        description=render(command.description, lang) if command.description else None,
        formatter_class=(
            argparse.RawDescriptionHelpFormatter if command.description else argparse.HelpFormatter
        ),
    )
    for arg in command.args:
        parser.add_argument(*arg.flags, **_options(arg, lang))
    parser.set_defaults(handler=command.handler)


def _options(arg: Arg, lang: str) -> dict[str, Any]:
    options = dict(arg.options)
    if callable(options.get("choices")):
        options["choices"] = options["choices"]()
    if arg.help is not None:
        options["help"] = render(arg.help, lang)
    return options


def _outside_domain() -> tuple[type[BaseException], ...]:
    """Errors from outside the domain that still must not become a traceback. SQLAlchemy is
    looked up, not imported: if no command loaded it, none of its errors can be raised."""
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is None:
        return (OSError,)
    return (sqlalchemy_exc.SQLAlchemyError, OSError)


def _refusal(exc: BaseException) -> DomainError:
    if isinstance(exc, DomainError):
        return exc
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    if isinstance(exc, OSError):
        return ValidationError(field="file", reason=detail)
    return DatabaseUnavailableError(detail=detail)


def run(argv: Sequence[str]) -> int:
    lang = user_language()
    args = build_parser(argv, lang).parse_args(list(argv))
    handler: Handler = args.handler
    try:
        code, data, text = handler(args)
    except Exception as exc:
        # Looked up after the handler ran: it may have been the one to import SQLAlchemy.
        if not isinstance(exc, (DomainError, *_outside_domain())):
            raise  # a programming error keeps its traceback
        error = _refusal(exc)
        message = error.message(lang)
        code, data = 2, {"error": error.code, "message": message}
        text = render("cli.error", lang, message=message)
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text, file=sys.stdout if code == 0 else sys.stderr)
    return code
