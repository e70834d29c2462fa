"""`celltrail archive`: write, verify and read the retention archive of a closed batch.

    celltrail archive BATCH -o FILE.zip --user U   export (QA or auditor; audited)
    celltrail archive verify FILE.zip [--db URL]    check it; exit 0 intact, 1 not
    celltrail archive show FILE.zip                 human summary; exit 0 intact, 1 not

verify and show need no database.  verify's --db is used only when given explicitly (not
CELLTRAIL_DB): it then also cross-checks the archive against that live database. The same
text, for --help, is in the catalogue (``cli.help.archive.description``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from models.cli.registry import Arg, Command, Result
from models.i18n import render, user_language
from models.kernel.errors import ValidationError

if TYPE_CHECKING:
    from models.archive.verify import VerifyReport

USAGE = (
    "BATCH -o FILE.zip --user U [--password-stdin] [--force]"
    " | verify FILE.zip [--db URL] | show FILE.zip"
)


def cmd_archive(args: argparse.Namespace) -> Result:
    match args.target:
        case ["verify", file]:
            return cmd_verify(args, Path(file))
        case ["show", file]:
            return cmd_show(Path(file))
        case [batch]:
            return cmd_export(args, batch)
        case _:
            raise _usage_error("cli.archive.usage", usage=USAGE)


def _usage_error(code: str, **params: object) -> ValidationError:
    lang = user_language()
    return ValidationError(
        field=render("cli.field.arguments", lang), reason=render(code, lang, **params)
    )


def cmd_export(args: argparse.Namespace, batch: str) -> Result:
    from models.archive.export import export_batch_archive, require_archivable_input
    from models.cli.inputs import read_password
    from models.core import open_core
    from models.kernel.db import resolve_database_url

    if args.output is None or not args.user:
        raise _usage_error("cli.archive.export_needs")
    core = open_core(resolve_database_url(args.db), migrate=False)
    try:
        require_archivable_input(
            core, batch_number=batch, destination=args.output, force=args.force
        )
        password = read_password(args, args.user, user_language())  # a name alone exports nothing
        core.accounts.authenticate(args.user, password, purpose="archive export")
        manifest = export_batch_archive(
            core, batch_number=batch, destination=args.output, actor=args.user, force=args.force
        )
    finally:
        core.close()
    text = render(
        "cli.archive.written",
        user_language(),
        batch=manifest.batch,
        file=args.output,
        rows=sum(manifest.row_counts.values()),
        seq=manifest.audit_last_seq,
        hash=manifest.audit_last_hash,
    )
    return 0, {"file": str(args.output), **manifest.__dict__}, text


def cmd_verify(args: argparse.Namespace, file: Path) -> Result:
    from models.archive.verify import verify_archive
    from models.kernel.db import resolve_database_url

    live = resolve_database_url(args.db) if args.db else None
    report = verify_archive(file, live_url=live)
    lang = user_language()
    return (0 if report.intact else 1), report.to_dict(lang), _verdict(report, lang)


def _verdict(report: VerifyReport, lang: str) -> str:
    data = report.to_dict(lang)
    if report.intact:
        live = render("cli.archive.live_agrees", lang) if report.live_checked else ""
        return render(
            "cli.archive.intact",
            lang,
            file=report.file,
            members=data["members_checked"],
            entries=data["audit_entries"],
            signatures=data["signatures"],
            live=live,
        )
    problems = "".join(f"\n  - {p['message']}" for p in data["problems"])
    head = render("cli.archive.not_intact", lang, file=report.file, problems=len(report.problems))
    return head + problems


def cmd_show(file: Path) -> Result:
    from models.archive.errors import ArchiveNotIntactError
    from models.archive.read import load_archive, render_summary, summary
    from models.archive.verify import verify_archive

    lang = user_language()
    try:
        archive = load_archive(file, require_intact=False)
    except ArchiveNotIntactError:  # not even a manifest to summarise: say what is wrong
        report = verify_archive(file)
        return 1, report.to_dict(lang), _verdict(report, lang)
    return (0 if archive.intact else 1), summary(archive, lang), render_summary(archive, lang)


COMMANDS = (
    Command(
        "archive",
        "cli.help.archive",
        cmd_archive,
        description="cli.help.archive.description",
        args=(
            # One positional list instead of sub-commands, so `archive BATCH …` keeps working
            # next to `archive verify FILE` and `archive show FILE`.
            Arg("target", nargs="+", metavar="ARG", help="cli.help.archive.target"),
            Arg("-o", "--output", type=Path, help="cli.help.archive.output"),
            Arg("--user", help="cli.help.archive.user"),
            Arg("--force", action="store_true", help="cli.help.force"),
            Arg("--password-stdin", action="store_true", help="cli.help.password_stdin"),
        ),
    ),
)
