"""`celltrail` command line: automation and validation evidence, Qt-free.

Every command takes --db (else CELLTRAIL_DB, else the per-user SQLite file) and
--json for machine-readable output. Exit codes: 0 success, 1 a check failed
(e.g. a broken audit chain), 2 the request was refused or invalid.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from models.core import Core, open_core
from models.entities.accounts import Role
from models.kernel.db import resolve_database_url
from models.kernel.errors import DatabaseUnavailableError, DomainError, ValidationError

Handler = Callable[[argparse.Namespace], tuple[int, dict[str, Any], str]]

# Command groups that live in their own modules (models/cli/*_commands.py). Each module has
# ``register(sub, common) -> dict[tuple[str, str | None], Handler]``; add one line per module.
COMMAND_MODULES: list[str] = [
    "models.cli.archive_commands",
    "models.cli.backup_commands",
    "models.cli.label_commands",
    "models.cli.qc_commands",
    "models.cli.trace_commands",
]


def _lang() -> str:
    return os.environ.get("CELLTRAIL_LANG") or os.environ.get("LANG", "en")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="celltrail", description="CellTrail GMP traceability")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        help="database URL or SQLite file path (default: CELLTRAIL_DB or the per-user database)",
    )
    common.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", parents=[common], help="create or upgrade the database schema")
    demo = sub.add_parser("demo", parents=[common], help="fill the database with a demo site")
    demo.add_argument("--password", default=None, help="password for every demo account")
    audit = sub.add_parser("audit", help="audit trail tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", parents=[common], help="verify the whole hash chain")
    user = sub.add_parser("user", help="user accounts")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", parents=[common], help="add a user account")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="printed name used in signatures")
    add.add_argument("--role", action="append", required=True, choices=[r.value for r in Role])
    add.add_argument("--by", help="administrator adding the user (not needed for the first user)")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the new password from standard input"
    )
    din = sub.add_parser("din", help="ISBT 128 donation identification numbers")
    din_sub = din.add_subparsers(dest="din_command", required=True)
    check = din_sub.add_parser("check", parents=[common], help="validate a scanned DIN")
    check.add_argument("text")
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        HANDLERS.update(module.register(sub, common))
    return parser


def _open(args: argparse.Namespace) -> Core:
    return open_core(resolve_database_url(args.db))


def cmd_init(args: argparse.Namespace) -> tuple[int, dict[str, Any], str]:
    core = _open(args)
    try:
        from models.kernel import schema
        revision = schema.current_revision(core.engine)
        return 0, {"revision": revision, "url": _safe_url(core)}, f"schema at {revision}"
    finally:
        core.close()


def cmd_demo(args: argparse.Namespace) -> tuple[int, dict[str, Any], str]:
    from models.demo.build import DEMO_PASSWORD, build_demo_site

    core = _open(args)
    try:
        summary = build_demo_site(core, password=args.password or DEMO_PASSWORD)
    finally:
        core.close()
    text = "demo site ready: " + ", ".join(f"{k}={v}" for k, v in summary.items())
    return 0, summary, text


def cmd_audit_verify(args: argparse.Namespace) -> tuple[int, dict[str, Any], str]:
    from models.kernel.audit_parallel import verify_chain_parallel

    core = _open(args)  # migrates, or refuses a newer schema, before anything is read
    url = core.engine.url.render_as_string(hide_password=False)
    core.close()
    report = verify_chain_parallel(url)
    data: dict[str, Any] = {
        "intact": report.intact,
        "entries_checked": report.entries_checked,
        "last_seq": report.last_seq,
        "last_hash": report.last_hash,
    }
    if report.first_break:
        data["first_break"] = {"seq": report.first_break.seq, "problem": report.first_break.problem}
        text = (
            f"AUDIT CHAIN BROKEN at entry {report.first_break.seq}: "
            f"{report.first_break.problem} ({report.entries_checked} entries intact before it)"
        )
        return 1, data, text
    text = (
        f"audit chain intact: {report.entries_checked} entries, "
        f"head {report.last_seq} {report.last_hash}"
    )
    return 0, data, text


def cmd_user_add(args: argparse.Namespace) -> tuple[int, dict[str, Any], str]:
    try:
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass(f"Password for {args.username}: ")
    except (EOFError, KeyboardInterrupt) as exc:  # Ctrl-D / Ctrl-C at the prompt
        raise ValidationError(field="password", reason="no password was entered") from exc
    core = _open(args)
    try:
        core.accounts.add_user(
            actor=args.by,
            username=args.username,
            full_name=args.name,
            password=password,
            roles=[Role(r) for r in args.role],
        )
    finally:
        core.close()
    return 0, {"username": args.username, "roles": args.role}, f"user {args.username} added"


def cmd_din_check(args: argparse.Namespace) -> tuple[int, dict[str, Any], str]:
    from models.isbt128 import describe_din_check

    verdict = describe_din_check(args.text)
    reason = verdict.get("reason_zh" if _lang().startswith("zh") else "reason_en")
    text = f"valid DIN {verdict.get('din')}" if verdict["valid"] else f"INVALID: {reason}"
    return (0 if verdict["valid"] else 1), verdict, text


def _safe_url(core: Core) -> str:
    return core.engine.url.render_as_string(hide_password=True)


HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("init", None): cmd_init,
    ("demo", None): cmd_demo,
    ("audit", "verify"): cmd_audit_verify,
    ("user", "add"): cmd_user_add,
    ("din", "check"): cmd_din_check,
}


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    sub = getattr(args, f"{args.command}_command", None)
    handler = HANDLERS[(args.command, sub)]
    try:
        code, data, text = handler(args)
    except (SQLAlchemyError, OSError) as exc:  # outside the domain: still no traceback
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        error = (
            DatabaseUnavailableError(detail=detail)
            if isinstance(exc, SQLAlchemyError)
            else ValidationError(field="file", reason=detail)
        )
        code, data, text = (
            2,
            {"error": error.code, "message": error.message(_lang())},
            f"error: {error.message(_lang())}",
        )
    except DomainError as exc:
        code, data, text = (
            2,
            {"error": exc.code, "message": exc.message(_lang())},
            f"error: {exc.message(_lang())}",
        )
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text, file=sys.stdout if code == 0 else sys.stderr)
    return code
