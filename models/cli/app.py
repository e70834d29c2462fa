"""`celltrail` command line: automation and validation evidence, Qt-free.

Every command takes --db (else CELLTRAIL_DB, else the per-user SQLite file) and
--json for machine-readable output. Exit codes: 0 success, 1 a check failed
(e.g. a broken audit chain), 2 the request was refused or invalid.

The commands themselves are declared in ``models/cli/*_commands.py`` (see ``registry``);
this module only builds the parser from those declarations, dispatches and prints. It must
not import the database layer: a command that needs it imports it in its handler.

Whatever a user types, the answer is one line in their language and exit 2, never a
traceback: arguments and standard input are checked first (models.cli.inputs), and errors
from outside the domain (the database, the file system) are told apart here: a value the
database refuses is the user's input, only a lost connection is "cannot be reached".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from models.cli.inputs import guarded_stdin, require_regular_database, require_utf8
from models.cli.registry import Arg, Command, Group, Handler, entries
from models.i18n import render, user_language
from models.kernel.errors import (
    DatabaseUnavailableError,
    DomainError,
    SchemaError,
    ValidationError,
)

# A parameter echoed back longer than this (a pasted file, a 5,000-character name) is shown
# by its start and its length: the error stays one readable line.
MAX_SHOWN_CHARS = 300
_NAMES = "_arg_names"  # Namespace attribute: dest -> how the user wrote the argument


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line in the user's language (exit 2, as argparse)."""

    lang = "en"

    def error(self, message: str) -> NoReturn:
        shown = _LONG_WORD.sub(lambda m: str(_shorten(m.group())), message)
        text = render("cli.usage_error", self.lang, message=shown, command=self.prog)
        self.exit(2, " ".join(text.split()) + "\n")


_LONG_WORD = re.compile(rf"\S{{{MAX_SHOWN_CHARS + 1},}}")


# argparse's own words (its gettext message ids) → catalogue codes; shown in the user's
# language while the parser is built and run. A message not listed stays English.
_ARGPARSE_WORDS = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.value",
    "expected one argument": "cli.argparse.one",
    "expected at least one argument": "cli.argparse.at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
}


@contextmanager
def _argparse_language(lang: str) -> Iterator[None]:
    original = argparse._  # type: ignore[attr-defined]
    if lang == "en":
        yield
        return

    def words(message: str) -> str:
        code = _ARGPARSE_WORDS.get(message)
        return render(code, lang) if code else str(original(message))

    argparse._ = words  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def build_parser(argv: Sequence[str] = (), lang: str = "en") -> argparse.ArgumentParser:
    """The parser for ``argv``: every command is listed, but only the one ``argv`` names gets
    its arguments (so parsing ``din check`` never imports, say, the account roles)."""
    with _argparse_language(lang):
        return _build_parser(argv, lang)


def _build_parser(argv: Sequence[str], lang: str) -> argparse.ArgumentParser:
    _Parser.lang = lang
    parser = _Parser(prog="celltrail", description=render("cli.help.celltrail", lang))
    common = _Parser(add_help=False)
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
    names = {"db": "--db"}
    for arg in command.args:
        action = parser.add_argument(*arg.flags, **_options(arg, lang))
        names[action.dest] = max(arg.flags, key=len)
    parser.set_defaults(handler=command.handler, **{_NAMES: names})


def _options(arg: Arg, lang: str) -> dict[str, Any]:
    options = dict(arg.options)
    if callable(options.get("choices")):
        options["choices"] = options["choices"]()
    if arg.help is not None:
        options["help"] = render(arg.help, lang)
    return options


# --- errors from outside the domain ------------------------------------------------------


def _refusal(exc: Exception, lang: str) -> DomainError | None:
    """The domain error to show for ``exc``; None for a programming error (it keeps its
    traceback). SQLAlchemy is looked up, not imported: if no command loaded it, none of its
    errors can have been raised."""
    if isinstance(exc, DomainError):
        return exc
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is not None and isinstance(exc, sqlalchemy_exc.SQLAlchemyError):
        return _database_refusal(exc, lang)
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(exc, sqlite3.Error):
        return SchemaError(detail=_first_line(exc))
    if isinstance(exc, OSError):
        return ValidationError(field=render("cli.field.file", lang), reason=_os_reason(exc))
    if isinstance(exc, EOFError):
        return ValidationError(
            field=render("cli.field.stdin", lang), reason=render("cli.no_input", lang)
        )
    return None


def _database_refusal(exc: Exception, lang: str) -> DomainError:
    """A value the database refuses is refused input; only a connection that could not be
    made or was lost is "the database cannot be reached"."""
    from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

    from models.kernel.unit_of_work import _is_connection_error

    orig = getattr(exc, "orig", None) or exc
    detail = _first_line(orig)
    field = render("cli.field.value", lang)
    if isinstance(exc, DataError):
        limit = re.search(r"character varying\((\d+)\)", detail)
        if limit:
            reason = render("cli.db.too_long", lang, limit=int(limit.group(1)))
        else:
            reason = render("cli.db.value_refused", lang, detail=detail)
        return ValidationError(field=field, reason=reason)
    if isinstance(exc, IntegrityError):
        return ValidationError(field=field, reason=render("cli.db.conflict", lang, detail=detail))
    if isinstance(exc, DBAPIError) and not _is_connection_error(exc):
        return SchemaError(detail=detail)
    return DatabaseUnavailableError(detail=detail)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _os_reason(exc: OSError) -> str:
    """ "No such file or directory: 'x.zip'", without the errno noise."""
    what = exc.strerror or _first_line(exc)
    return f"{what}: {exc.filename}" if exc.filename else what


def _one_line(error: DomainError, lang: str) -> str:
    """The error's words on one line, long echoed values cut to their start and length."""
    shown = error
    if any(_too_long(v) for v in error.params.values()):
        shown = type(error).__new__(type(error))
        shown.__dict__.update(error.__dict__)
        shown.params = {k: _shorten(v) for k, v in error.params.items()}
    return " ".join(shown.message(lang).split())


def _too_long(value: object) -> bool:
    return isinstance(value, str) and len(value) > MAX_SHOWN_CHARS


def _shorten(value: object) -> object:
    if isinstance(value, str) and _too_long(value):
        return f"{value[: MAX_SHOWN_CHARS // 2]}…[{len(value)}]"
    return value


# --- running a command -------------------------------------------------------------------


def _tolerant_output() -> None:
    """Text the terminal cannot encode (a Chinese message on a Latin-1 console) is escaped,
    never a UnicodeEncodeError after the work is done."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def run(argv: Sequence[str]) -> int:
    lang = user_language()
    _tolerant_output()
    with _argparse_language(lang):
        args = build_parser(argv, lang).parse_args(list(argv))
    handler: Handler = args.handler
    names: Mapping[str, str] = getattr(args, _NAMES, {})
    try:
        require_utf8(args, names, lang)
        if hasattr(args, "db"):
            require_regular_database(args.db)
        with guarded_stdin():
            code, data, text = handler(args)
    except Exception as exc:
        error = _refusal(exc, lang)
        if error is None:
            raise  # a programming error keeps its traceback
        message = _one_line(error, lang)
        code, data = 2, {"error": error.code, "message": message}
        text = render("cli.error", lang, message=message)
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text, file=sys.stdout if code == 0 else sys.stderr)
    return code
