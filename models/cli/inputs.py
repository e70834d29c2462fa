"""What the command line accepts from its user, checked before any command reads it.

* Arguments are text in UTF-8: a name, an identifier or a file name that is not (a byte
  string smuggled in through a non-UTF-8 locale or a script) is refused by name, before it
  can reach a database, an audit entry or a file name recorded in the trail.
* Standard input (only ever a password here) is read through a guard: at most
  ``MAX_STDIN_BYTES`` bytes and strictly UTF-8, so ``< /dev/zero`` or a binary file is a
  one-line refusal, not an endless read or a decoding traceback.
* Number arguments that name a record are database ids: positive and within 64 bits.
* A SQLite database named by path must be a regular file (or not exist yet): SQLite would
  otherwise write its pages onto a device node such as an empty disk when run as root.

Cheap to import (no database layer): ``din check`` loads this module too.
"""

from __future__ import annotations

import argparse
import codecs
import getpass
import io
import os
import stat
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import PurePath
from typing import Any, BinaryIO, NoReturn

from models.i18n import render, user_language
from models.kernel.errors import DomainError, ValidationError

MAX_STDIN_BYTES = 64 * 1024  # a password is a line; nothing the CLI reads on stdin is larger
MAX_ID = 2**63 - 1  # the largest id a 64-bit integer column holds (SQLite and PostgreSQL)
_STDIN_ERRORS = "celltrail-stdin"


def record_id(text: str) -> int:
    """argparse ``type`` for an id naming a record (``--job 7``): 1 … 2**63-1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(render("cli.bad_id", user_language(), value=text[:40]))
    return value


def require_utf8(args: argparse.Namespace, names: Mapping[str, str], lang: str) -> None:
    """Refuse any argument that is not valid UTF-8 text (Python keeps undecodable argv bytes
    as lone surrogates, which every encoder after this point would choke on)."""
    for dest, value in vars(args).items():
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, str | PurePath) and not _is_utf8(str(item)):
                raise ValidationError(
                    field=names.get(dest, dest), reason=render("cli.not_utf8", lang)
                )


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class DatabaseNotRegularError(DomainError):
    code = "database_not_regular"


def require_regular_database(value: str | None) -> None:
    """Refuse a SQLite database path (``--db`` or CELLTRAIL_DB) that exists and is not a
    regular file (a link to one is fine): a device, a directory, a pipe."""
    value = value or os.environ.get("CELLTRAIL_DB")
    if not value:
        return
    if "://" in value:
        if not value.startswith("sqlite:///"):
            return  # a server database, or SQLite in memory
        value = value.removeprefix("sqlite:///").split("?", 1)[0]
    try:
        found = os.stat(os.path.expanduser(value))
    except (OSError, ValueError):
        return  # absent (created later) or unreadable: SQLite says why
    if not stat.S_ISREG(found.st_mode):
        raise DatabaseNotRegularError(file=value)


def read_password(args: argparse.Namespace, user: str, lang: str) -> str:
    """The password from standard input (``--password-stdin``) or typed at the terminal."""
    try:
        if args.password_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        return getpass.getpass(render("cli.password_prompt", lang, user=user))
    except (EOFError, KeyboardInterrupt) as exc:  # Ctrl-D / Ctrl-C at the prompt
        raise ValidationError(
            field=render("cli.field.password", lang), reason=render("cli.no_password", lang)
        ) from exc


# --- standard input ---------------------------------------------------------------------


def _stdin_refused(reason: str) -> NoReturn:
    lang = user_language()
    raise ValidationError(field=render("cli.field.stdin", lang), reason=reason)


def _not_utf8(_exc: UnicodeError) -> tuple[str, int]:
    _stdin_refused(render("cli.stdin_not_utf8", user_language()))


codecs.register_error(_STDIN_ERRORS, _not_utf8)


class _CappedInput(io.RawIOBase):
    """A read-only byte stream that refuses to deliver more than ``limit`` bytes."""

    def __init__(self, source: BinaryIO, limit: int) -> None:
        super().__init__()
        self._source = source
        self._left = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        want = min(len(view), self._left + 1)  # one byte more tells "too long" from "exact"
        read1 = getattr(self._source, "read1", None)
        chunk = read1(want) if read1 is not None else self._source.read(want)
        if len(chunk) > self._left:
            _stdin_refused(render("cli.stdin_too_long", user_language(), limit=MAX_STDIN_BYTES))
        self._left -= len(chunk)
        view[: len(chunk)] = chunk
        return len(chunk)


@contextmanager
def guarded_stdin() -> Iterator[None]:
    """While a command runs, ``sys.stdin`` reads at most MAX_STDIN_BYTES of strict UTF-8."""
    original = sys.stdin
    source = getattr(original, "buffer", None)
    if source is None or not hasattr(source, "read"):
        yield  # no byte stream underneath (closed, or replaced by a test): leave it alone
        return
    sys.stdin = io.TextIOWrapper(
        io.BufferedReader(_CappedInput(source, MAX_STDIN_BYTES)),
        encoding="utf-8",
        errors=_STDIN_ERRORS,
    )
    try:
        yield
    finally:
        sys.stdin = original
