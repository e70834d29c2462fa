"""`celltrail validate --report FILE.pdf [--db URL] [--user NAME]`: qualify this installation.

IQ and OQ run on a scratch database (models/validation/run.py): by default a new SQLite
file, thrown away afterwards; ``--db`` a PostgreSQL test database, refused if it holds
anything but an untouched validation database. With ``--user`` the person running it signs
the report: their password is asked first (``--password-stdin``: the first line of standard
input), checked in the site database (``--site-db``, else CELLTRAIL_DB or the per-user
database) before the run, and the signature is recorded there. Exit 0 when every step
passed, 1 when any failed (each failing step named), 2 when the run was refused.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.cli.registry import Arg, Command, Result
from models.i18n import render, user_language
from models.kernel.errors import ValidationError

if TYPE_CHECKING:
    from models.core import Core
    from models.validation.iq_printers import StationSettings
    from models.validation.run import ValidationRun
    from models.validation.signoff import SignedReport


def cmd_validate(args: argparse.Namespace) -> Result:
    from models.archive.output import check_destination

    lang = user_language()
    check_destination(args.report, force=args.force)  # refused now, not after the run
    station = _station(args.station_config, lang)
    site, password = _signer(args, lang) if args.user else (None, "")
    try:
        from models.kernel.db import resolve_database_url
        from models.validation.run import qualify

        url = resolve_database_url(args.db) if args.db else None
        run = qualify(url, station)
        signed = _sign(site, run, args.user, password) if site is not None else None
    finally:
        if site is not None:
            site.close()
    _write(run, args.report, lang, signed, force=args.force)
    return _answer(run, args.report, lang, signed)


def _station(path: Path | None, lang: str) -> StationSettings:
    from models.validation.iq_printers import read_station

    try:
        return read_station(path)
    except ValueError as exc:
        raise ValidationError(
            field="--station-config",
            reason=render("cli.validate.station_unreadable", lang, detail=str(exc)[:300]),
        ) from exc


def _signer(args: argparse.Namespace, lang: str) -> tuple[Core, str]:
    """The site database and the signer's password, checked before the long run."""
    from models.cli.inputs import read_password
    from models.core import open_core
    from models.kernel.db import resolve_database_url

    password = read_password(args, args.user, lang)
    core = open_core(resolve_database_url(args.site_db), migrate=False)
    try:
        core.accounts.authenticate(args.user, password, purpose="validate")
    except BaseException:
        core.close()
        raise
    return core, password


def _sign(core: Core, run: ValidationRun, user: str, password: str) -> SignedReport:
    from models.validation.signoff import sign_report

    return sign_report(core, run, user, password)


def _signature_text(run: ValidationRun, signed: SignedReport | None, lang: str) -> str:
    if signed is None:
        return render("validate.report.unsigned", lang, account=run.environment.account)
    return render(
        "validate.report.signed",
        lang,
        name=signed.printed_name,
        user=signed.username,
        at=f"{signed.signed_at:%Y-%m-%d %H:%M:%S}",
        meaning=signed.meaning,
        signature=signed.signature_id,
        hash=signed.content_hash,
        database=signed.database,
    )


def _write(
    run: ValidationRun, path: Path, lang: str, signed: SignedReport | None, *, force: bool
) -> None:
    from models.archive.output import new_file
    from models.validation.report_pdf import write_report

    with new_file(path, force=force) as temporary:
        write_report(run, temporary, lang, _signature_text(run, signed, lang))
        temporary.chmod(0o644)


def _answer(run: ValidationRun, path: Path, lang: str, signed: SignedReport | None) -> Result:
    lines = [
        render(
            "cli.validate.step_failed",
            lang,
            step=r.id,
            title=r.title(lang),
            observed=r.observed.message(lang),
        )
        for r in run.failures
    ]
    data: dict[str, Any] = {
        "passed": run.passed,
        "report": str(path),
        "failed_steps": [r.id for r in run.failures],
        "steps": [
            {
                "step": r.id,
                "verdict": r.verdict.value,
                "codes": list(r.codes),
                "observed": r.observed.message(lang),
            }
            for r in run.results
        ],
        "requirements": run.codes,
        "environment": dict(run.environment.rows()),
        "signature_id": signed.signature_id if signed else None,
    }
    if run.passed:
        lines.append(
            render(
                "cli.validate.passed",
                lang,
                steps=len(run.results),
                codes=len(run.codes),
                file=path,
            )
        )
        return 0, data, "\n".join(lines)
    steps = ", ".join(r.id for r in run.failures)
    lines.append(render("cli.validate.failed", lang, steps=steps, file=path))
    return 1, data, "\n".join(lines)


COMMANDS = (
    Command(
        "validate",
        "cli.help.validate",
        cmd_validate,
        common=False,  # its --db is the scratch database, not the site's
        args=(
            Arg(
                "--report",
                type=Path,
                required=True,
                metavar="FILE.pdf",
                help="cli.help.validate.report",
            ),
            Arg("--db", metavar="URL", help="cli.help.validate.db"),
            Arg("--json", action="store_true", help="cli.help.json"),
            Arg("--user", metavar="NAME", help="cli.help.validate.user"),
            Arg("--site-db", metavar="URL", help="cli.help.validate.site_db"),
            Arg("--station-config", type=Path, metavar="FILE", help="cli.help.validate.station"),
            Arg("--password-stdin", action="store_true", help="cli.help.password_stdin"),
            Arg("--force", action="store_true", help="cli.help.force"),
        ),
    ),
)
