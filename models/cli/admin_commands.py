"""`celltrail init | demo | audit verify | audit anchor | user add`: the database (and on
PostgreSQL its application role), the demo site, the audit chain and its external anchors,
and user accounts. Each handler imports the core only when it runs."""

from __future__ import annotations

import argparse
import getpass
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.cli.registry import Arg, Command, Group, Result
from models.i18n import render, user_language
from models.kernel.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from models.core import Core
    from models.entities.database import Purpose
    from models.kernel.audit import ChainReport
    from models.kernel.db_roles import AppRoleReport

APP_ROLE_PASSWORD_ENV = "CELLTRAIL_APP_ROLE_PASSWORD"
PASSWORD_FILE_LIMIT = 4096


def _open(args: argparse.Namespace, purpose: Purpose | None = None) -> Core:
    from models.core import open_core
    from models.kernel.db import resolve_database_url

    return open_core(resolve_database_url(args.db), purpose=purpose)


def _safe_url(core: Core) -> str:
    return core.engine.url.render_as_string(hide_password=True)


def cmd_init(args: argparse.Namespace) -> Result:
    from models.entities.database import Purpose
    from models.kernel import schema

    if args.app_role is not None:
        _check_app_role_request(args)  # before anything is migrated
    elif args.password_file is not None:
        raise _password_refused(user_language(), "cli.init.password_file_needs_role")
    wanted = Purpose(args.purpose) if args.purpose else None
    core = _open(args, wanted)
    try:
        _require_purpose(core, wanted)
        revision = schema.current_revision(core.engine)
        lang = user_language()
        purpose = render(f"db_purpose.{core.purpose.value}", lang)
        data: dict[str, Any] = {
            "revision": revision,
            "url": _safe_url(core),
            "purpose": core.purpose.value,
        }
        text = render("cli.init.done", lang, revision=revision)
        text += "\n" + render("cli.init.purpose", lang, purpose=purpose)
        if args.app_role is not None:
            report = _set_up_app_role(core.engine, args.app_role, args.password_file)
            data["app_role"] = {
                "role": report.role,
                "owner": report.owner,
                "created": report.created,
                "password_set": report.password_set,
                "rights": {t: list(r) for t, r in report.rights.items()},
                "sequences": report.sequences,
            }
            text += "\n" + _app_role_text(report, lang)
        return 0, data, text
    finally:
        core.close()


def _require_purpose(core: Core, wanted: Purpose | None) -> None:
    """``init --purpose`` on an existing database: it must be what the database already is."""
    from models.i18n import Message
    from models.kernel.db_purpose import PurposeChangedError

    if wanted is not None and core.purpose is not wanted:
        raise PurposeChangedError(
            stored=Message(f"db_purpose.{core.purpose.value}"),
            wanted=Message(f"db_purpose.{wanted.value}"),
        )


def _purposes() -> list[str]:
    from models.entities.database import Purpose

    return [p.value for p in Purpose]


def _check_app_role_request(args: argparse.Namespace) -> None:
    from models.kernel.db import make_engine, resolve_database_url
    from models.kernel.db_roles import check_role_name, require_postgresql

    check_role_name(args.app_role)
    engine = make_engine(resolve_database_url(args.db))
    try:
        require_postgresql(engine, args.app_role)
    finally:
        engine.dispose()


def _set_up_app_role(engine: Engine, role: str, password_file: str | None) -> AppRoleReport:
    from models.kernel.db_roles import app_role_exists, grant_app_role

    lang = user_language()
    if password_file is not None:
        password: str | None = _read_password_file(Path(password_file), lang)
    elif os.environ.get(APP_ROLE_PASSWORD_ENV):
        password = os.environ[APP_ROLE_PASSWORD_ENV]
    elif app_role_exists(engine, role):
        password = None  # the role is kept as it is; its rights are set again
    else:
        password = _prompt_new_password(role, lang)
    return grant_app_role(engine, role, password)


def _password_refused(lang: str, reason: str, **params: object) -> ValidationError:
    return ValidationError(
        field=render("cli.field.password", lang), reason=render(reason, lang, **params)
    )


def _prompt_new_password(role: str, lang: str) -> str:
    try:
        first = getpass.getpass(render("cli.init.role_password_prompt", lang, role=role))
        second = getpass.getpass(render("cli.init.role_password_again", lang, role=role))
    except (EOFError, KeyboardInterrupt) as exc:  # Ctrl-D / Ctrl-C, or no terminal
        raise _password_refused(lang, "cli.no_password") from exc
    if first != second:
        raise _password_refused(lang, "cli.init.passwords_differ")
    return first


def _read_password_file(path: Path, lang: str) -> str:
    """The first line of a small regular file (not a pipe or a device), UTF-8."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise _password_refused(
            lang, "cli.init.password_file_unreadable", detail=exc.strerror or str(exc)
        ) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # before fdopen, which refuses a folder
        os.close(fd)
        raise _password_refused(lang, "cli.init.password_file_not_regular")
    with os.fdopen(fd, "rb") as handle:
        raw = handle.read(PASSWORD_FILE_LIMIT + 1)
    if len(raw) > PASSWORD_FILE_LIMIT:
        raise _password_refused(lang, "cli.init.password_file_too_large", limit=PASSWORD_FILE_LIMIT)
    try:
        line = raw.decode("utf-8").splitlines()[0] if raw.strip() else ""
    except UnicodeDecodeError as exc:
        raise _password_refused(lang, "cli.init.password_file_not_utf8") from exc
    if not line:
        raise _password_refused(lang, "cli.no_password")
    return line


def _app_role_text(report: AppRoleReport, lang: str) -> str:
    from models.kernel.db_roles import APPEND_RIGHTS, HEAD_RIGHTS, READ_RIGHTS, ROW_RIGHTS

    if report.created:
        state = render("cli.init.role_created", lang)
    elif report.password_set:
        state = render("cli.init.role_password_changed", lang)
    else:
        state = render("cli.init.role_kept", lang)
    return render(
        "cli.init.app_role",
        lang,
        role=report.role,
        state=state,
        rows=len(report.tables_with(ROW_RIGHTS)),
        append=", ".join(report.tables_with(APPEND_RIGHTS)),
        head=", ".join(report.tables_with(HEAD_RIGHTS)),
        read=", ".join(report.tables_with(READ_RIGHTS)),
        sequences=report.sequences,
        owner=report.owner,
    )


def cmd_demo(args: argparse.Namespace) -> Result:
    from models.demo.build import DEMO_PASSWORD, build_demo_site
    from models.entities.database import Purpose

    core = _open(args, Purpose.TRAINING)  # a new database for the demo is a training one
    try:
        summary = build_demo_site(core, password=args.password or DEMO_PASSWORD)
    finally:
        core.close()
    counts = ", ".join(f"{k}={v}" for k, v in summary.items())
    return 0, summary, render("cli.demo.done", user_language(), summary=counts)


def _chain_data(report: ChainReport) -> dict[str, Any]:
    data: dict[str, Any] = {
        "intact": report.intact,
        "entries_checked": report.entries_checked,
        "last_seq": report.last_seq,
        "last_hash": report.last_hash,
    }
    if report.first_break:
        data["first_break"] = {"seq": report.first_break.seq, "problem": report.first_break.problem}
    return data


def _chain_text(report: ChainReport, lang: str) -> str:
    if report.first_break:
        return render(
            "cli.audit.broken",
            lang,
            seq=report.first_break.seq,
            problem=report.first_break.problem,
            checked=report.entries_checked,
        )
    return render(
        "cli.audit.intact",
        lang,
        checked=report.entries_checked,
        seq=report.last_seq,
        hash=report.last_hash,
    )


def _verified_url(args: argparse.Namespace) -> tuple[str, ChainReport]:
    from models.kernel.audit_parallel import verify_chain_parallel

    core = _open(args)  # migrates, or refuses a newer schema, before anything is read
    url = core.engine.url.render_as_string(hide_password=False)
    core.close()
    return url, verify_chain_parallel(url)


def cmd_audit_verify(args: argparse.Namespace) -> Result:
    from models.cli.record_report import check_records_at
    from models.kernel.audit_anchor import read_anchor, shown

    # Every anchor is read first: a file that is not one is refused before a long check.
    anchors = [(Path(name), read_anchor(Path(name))) for name in args.anchor or ()]
    url, report = _verified_url(args)
    lang = user_language()
    data, lines = _chain_data(report), [_chain_text(report, lang)]
    records_intact, data["records"], record_lines = check_records_at(url, lang)
    lines += record_lines
    data["intact"] = report.intact and records_intact
    code = 0 if data["intact"] else 1
    if anchors:
        from sqlalchemy.orm import Session

        from models.kernel.audit_anchor import check_anchor
        from models.kernel.db import make_engine, read_only

        engine = make_engine(url)
        try:
            with Session(read_only(engine)) as session:
                checks = [(path, check_anchor(session, anchor)) for path, anchor in anchors]
        finally:
            engine.dispose()
        data["anchors"] = []
        for path, check in checks:
            data["anchors"].append(
                {
                    "file": str(path),
                    "seq": check.anchor.seq,
                    "entry_hash": check.anchor.entry_hash,
                    "held": check.held,
                    "found_hash": check.found_hash,
                    "chain_last_seq": check.chain_last,
                    "message": check.message(lang),
                }
            )
            lines.append(render("cli.audit.anchor.line", lang, file=shown(path), verdict=check))
            code = code if check.held else 1
    return code, data, "\n".join(lines)


def cmd_audit_anchor(args: argparse.Namespace) -> Result:
    from sqlalchemy.orm import Session

    from models.archive.output import check_destination, new_file
    from models.entities.base import utcnow
    from models.kernel.audit_anchor import shown, take_anchor
    from models.kernel.db import make_engine, read_only

    target = Path(args.output) if args.output else None
    if target is not None:  # refused now, not after a long verification
        check_destination(target, force=args.force)
    url, report = _verified_url(args)
    lang = user_language()
    if not report.intact:
        text = _chain_text(report, lang) + "\n" + render("cli.audit.anchor.refused", lang)
        return 1, _chain_data(report), text
    engine = make_engine(url)
    try:
        with Session(read_only(engine)) as session:
            anchor = take_anchor(session, report.last_seq, report.last_hash, taken_at=utcnow())
    finally:
        engine.dispose()
    lines = [render("cli.audit.anchor.taken", lang, seq=anchor.seq, hash=anchor.entry_hash)]
    data = anchor.as_json()
    if target is not None:
        with new_file(target, force=args.force) as temporary:
            temporary.write_text(anchor.text(), encoding="utf-8")
        lines.append(render("cli.audit.anchor.written", lang, file=shown(target)))
        data["file"] = str(target)
    lines.append(anchor.text().rstrip("\n"))
    return 0, data, "\n".join(lines)


def _roles() -> list[str]:
    from models.entities.accounts import Role

    return [r.value for r in Role]


def cmd_user_add(args: argparse.Namespace) -> Result:
    from models.cli.inputs import read_password
    from models.entities.accounts import Role

    lang = user_language()
    # The administrator proves who they are first (a name after --by alone adds nobody);
    # with --password-stdin the lines are: the administrator's password, the new one.
    by_password = read_password(args, args.by, lang) if args.by else None
    password = read_password(args, args.username, lang)
    core = _open(args)
    try:
        if args.by and by_password is not None:
            core.accounts.authenticate(args.by, by_password, purpose="user add")
        core.accounts.add_user(
            actor=args.by,
            username=args.username,
            full_name=args.name,
            password=password,
            roles=[Role(r) for r in args.role],
            site=args.site,
        )
        site = core.sites.site_of(args.username)
    finally:
        core.close()
    text = render("cli.user.added", lang, user=args.username, site=site)
    return 0, {"username": args.username, "roles": args.role, "site": site}, text


def cmd_user_site(args: argparse.Namespace) -> Result:
    """Move an account to another site (a transfer, or an account migrated without one)."""
    from models.cli.inputs import read_password

    lang = user_language()
    by_password = read_password(args, args.by, lang)
    core = _open(args)
    try:
        core.accounts.authenticate(args.by, by_password, purpose="user site")
        core.sites.move_account(
            actor=args.by, username=args.username, site=args.site, reason=args.reason
        )
    finally:
        core.close()
    text = render("cli.user.moved", lang, user=args.username, site=args.site)
    return 0, {"username": args.username, "site": args.site}, text


COMMANDS = (
    Command(
        "init",
        "cli.help.init",
        cmd_init,
        args=(
            Arg("--app-role", metavar="NAME", default=None, help="cli.help.init.app_role"),
            Arg(
                "--password-file", metavar="FILE", default=None, help="cli.help.init.password_file"
            ),
            Arg("--purpose", default=None, choices=_purposes, help="cli.help.init.purpose"),
        ),
    ),
    Command(
        "demo",
        "cli.help.demo",
        cmd_demo,
        args=(Arg("--password", default=None, help="cli.help.demo.password"),),
    ),
    Group(
        "audit",
        "cli.help.audit",
        (
            Command(
                "verify",
                "cli.help.audit.verify",
                cmd_audit_verify,
                args=(
                    Arg(
                        "--anchor",
                        action="append",
                        metavar="FILE",
                        default=None,
                        help="cli.help.audit.verify.anchor",
                    ),
                ),
            ),
            Command(
                "anchor",
                "cli.help.audit.anchor",
                cmd_audit_anchor,
                args=(
                    Arg("-o", "--output", metavar="FILE", help="cli.help.audit.anchor.output"),
                    Arg("--force", action="store_true", help="cli.help.audit.anchor.force"),
                ),
            ),
        ),
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
                    Arg("--site", default=None, help="cli.help.user.site"),
                    Arg("--by", help="cli.help.user.by"),
                    Arg(
                        "--password-stdin",
                        action="store_true",
                        help="cli.help.user.password_stdin",
                    ),
                ),
            ),
            Command(
                "site",
                "cli.help.user.move",
                cmd_user_site,
                args=(
                    Arg("username"),
                    Arg("--site", required=True, help="cli.help.user.site"),
                    Arg("--reason", required=True, help="cli.help.user.reason"),
                    Arg("--by", required=True, help="cli.help.site.by"),
                    Arg(
                        "--password-stdin",
                        action="store_true",
                        help="cli.help.password_stdin",
                    ),
                ),
            ),
        ),
    ),
)
