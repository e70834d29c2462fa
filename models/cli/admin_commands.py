"""`celltrail init | demo | audit verify | user add`: the database, the demo site, the audit
chain and user accounts. Each handler imports the core only when it runs."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

from models.cli.registry import Arg, Command, Group, Result
from models.i18n import render, user_language
from models.kernel.errors import ValidationError

if TYPE_CHECKING:
    from models.core import Core


def _open(args: argparse.Namespace) -> Core:
    from models.core import open_core
    from models.kernel.db import resolve_database_url

    return open_core(resolve_database_url(args.db))


def _safe_url(core: Core) -> str:
    return core.engine.url.render_as_string(hide_password=True)


def cmd_init(args: argparse.Namespace) -> Result:
    from models.kernel import schema

    core = _open(args)
    try:
        revision = schema.current_revision(core.engine)
        text = render("cli.init.done", user_language(), revision=revision)
        return 0, {"revision": revision, "url": _safe_url(core)}, text
    finally:
        core.close()


def cmd_demo(args: argparse.Namespace) -> Result:
    from models.demo.build import DEMO_PASSWORD, build_demo_site

    core = _open(args)
    try:
        summary = build_demo_site(core, password=args.password or DEMO_PASSWORD)
    finally:
        core.close()
    counts = ", ".join(f"{k}={v}" for k, v in summary.items())
    return 0, summary, render("cli.demo.done", user_language(), summary=counts)


def cmd_audit_verify(args: argparse.Namespace) -> Result:
    from models.kernel.audit_parallel import verify_chain_parallel

    core = _open(args)  # migrates, or refuses a newer schema, before anything is read
    url = core.engine.url.render_as_string(hide_password=False)
    core.close()
    report = verify_chain_parallel(url)
    lang = user_language()
    data: dict[str, Any] = {
        "intact": report.intact,
        "entries_checked": report.entries_checked,
        "last_seq": report.last_seq,
        "last_hash": report.last_hash,
    }
    from models.cli.record_report import check_records_at

    records_intact, data["records"], record_lines = check_records_at(url, lang)
    if report.first_break:
        data["first_break"] = {"seq": report.first_break.seq, "problem": report.first_break.problem}
        text = render(
            "cli.audit.broken",
            lang,
            seq=report.first_break.seq,
            problem=report.first_break.problem,
            checked=report.entries_checked,
        )
        return 1, data, "\n".join([text, *record_lines])
    text = render(
        "cli.audit.intact",
        lang,
        checked=report.entries_checked,
        seq=report.last_seq,
        hash=report.last_hash,
    )
    data["intact"] = records_intact
    return (0 if records_intact else 1), data, "\n".join([text, *record_lines])


def _roles() -> list[str]:
    from models.entities.accounts import Role

    return [r.value for r in Role]


def cmd_user_add(args: argparse.Namespace) -> Result:
    from models.entities.accounts import Role

    lang = user_language()
    try:
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass(render("cli.password_prompt", lang, user=args.username))
    except (EOFError, KeyboardInterrupt) as exc:  # Ctrl-D / Ctrl-C at the prompt
        raise ValidationError(
            field=render("cli.field.password", lang), reason=render("cli.no_password", lang)
        ) from exc
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
    text = render("cli.user.added", lang, user=args.username)
    return 0, {"username": args.username, "roles": args.role}, text


COMMANDS = (
    Command("init", "cli.help.init", cmd_init),
    Command(
        "demo",
        "cli.help.demo",
        cmd_demo,
        args=(Arg("--password", default=None, help="cli.help.demo.password"),),
    ),
    Group(
        "audit",
        "cli.help.audit",
        (Command("verify", "cli.help.audit.verify", cmd_audit_verify),),
    ),
    Group(
        "user",
        "cli.help.user",
        (
            Command(
                "add",
                "cli.help.user.add",
                cmd_user_add,
                args=(
                    Arg("username"),
                    Arg("--name", required=True, help="cli.help.user.name"),
                    Arg("--role", action="append", required=True, choices=_roles),
                    Arg("--by", help="cli.help.user.by"),
                    Arg("--password-stdin", action="store_true", help="cli.help.password_stdin"),
                ),
            ),
        ),
    ),
)
