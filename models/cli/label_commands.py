"""`celltrail label render` (preview file, no record change), `celltrail label print`
(request + print through the labeling service to a printer URL) and `celltrail label
recover` (record which labels of an unconfirmed or interrupted job came out).

``label print`` checks the printer address, and asks a network printer whether it answers
and is ready, before it asks for a password or creates a job: an address that cannot be used
must not leave a requested job behind.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, cast

from models.cli.inputs import read_password, record_id
from models.cli.registry import Arg, Command, Group, Result
from models.i18n import describe, render, user_language
from models.kernel.errors import ValidationError

if TYPE_CHECKING:
    from models.core import Core
    from printing.port import LabelPrinter


def _open(args: argparse.Namespace) -> Core:
    from models.core import open_core
    from models.kernel.db import resolve_database_url

    return open_core(resolve_database_url(args.db))


def cmd_render(args: argparse.Namespace) -> Result:
    from models.archive.output import check_destination, new_file
    from models.labeling.unit_labels import UnitLabelReads
    from printing.payload import render_payload
    from printing.port import PayloadFormat

    check_destination(args.output, force=args.force)  # before the database is opened
    core = _open(args)
    try:
        label = UnitLabelReads(core.uow).unit_label(args.din, args.template)
    finally:
        core.close()
    payload = render_payload(label.content, cast(PayloadFormat, args.format), args.dpi)
    with new_file(args.output, force=args.force) as temporary:
        temporary.write_bytes(payload)
    data = {
        "file": str(args.output),
        "din": label.din,
        "template": label.template,
        "version": label.version,
        "bytes": len(payload),
    }
    text = render(
        "cli.label.rendered",
        user_language(),
        template=label.template,
        version=label.version,
        din=label.din,
        file=args.output,
    )
    return 0, data, text


def _request(core: Core, args: argparse.Namespace) -> int:
    from models.labeling.unit_labels import UnitLabelReads

    if not (args.batch and args.template and args.station):
        lang = user_language()
        raise ValidationError(
            field=render("cli.field.arguments", lang),
            reason=render("cli.label.request_needs", lang),
        )
    targets = UnitLabelReads(core.uow).label_targets(args.batch, args.template, args.din)
    return core.labeling.request_labels(
        batch_id=targets.batch_id,
        template_id=targets.template_id,
        unit_ids=targets.unit_ids,
        printer_address=args.printer,
        station=args.station,
        actor=args.user,
    )


def _printer(address: str, lang: str) -> LabelPrinter:
    """The printer at ``address``, checked, and asked for its status where it can answer
    (no job byte is sent)."""
    from printing.port import PrinterError, Probing
    from printing.registry import open_printer

    try:
        printer = open_printer(address)
        if isinstance(printer, Probing):
            printer.probe()  # unreachable, not ready, or no status: before any job exists
        return printer
    except PrinterError as exc:  # an unusable printer URL, or a printer that is not there
        raise ValidationError(
            field=render("cli.field.printer", lang), reason=describe(exc, lang)
        ) from exc


def cmd_print(args: argparse.Namespace) -> Result:
    lang = user_language()
    printer = _printer(args.printer, lang)  # before a password is asked or a job exists
    core = _open(args)
    try:
        password = read_password(args, args.user, lang)
        core.accounts.authenticate(args.user, password, purpose="label print")
        job_id = args.job or _request(core, args)
        jobs = [job_id, *core.labeling.companion_jobs(job_id)]
        outcomes = [
            core.labeling.print_job(job_id=j, printer=printer, actor=args.user) for j in jobs
        ]
    finally:
        core.close()
    data = {
        "jobs": [
            {
                "job": o.job_id,
                "status": o.status.value,
                "labels": list(o.printed_label_ids),
                "unconfirmed": list(o.unconfirmed_label_ids),
                "error": describe(o.failure, lang) if o.failure else None,
            }
            for o in outcomes
        ]
    }
    text = "; ".join(
        render(
            "cli.label.job_printed",
            lang,
            job=o.job_id,
            status=o.status.value,
            count=len(o.printed_label_ids),
        )
        + (
            render("cli.label.job_unconfirmed", lang, job=o.job_id, count=len(unconfirmed))
            if (unconfirmed := o.unconfirmed_label_ids)
            else ""
        )
        + (
            render("cli.label.job_failed", lang, reason=describe(o.failure, lang))
            if o.failure
            else ""
        )
        for o in outcomes
    )
    # labels nobody confirmed are not a success: the person must scan what came out
    unsettled = any(o.failure or o.unconfirmed_label_ids for o in outcomes)
    return (1 if unsettled else 0), data, text


def cmd_recover(args: argparse.Namespace) -> Result:
    lang = user_language()
    scanned: list[str] = args.scanned or []
    if not scanned and not args.nothing_came_out:  # freeing every label must be said
        raise ValidationError(
            field=render("cli.field.arguments", lang),
            reason=render("cli.label.recover_needs", lang),
        )
    core = _open(args)
    try:
        password = read_password(args, args.user, lang)
        core.accounts.authenticate(args.user, password, purpose="label recover")
        outcome = core.labeling.recover_job(job_id=args.job, scanned=scanned, actor=args.user)
    finally:
        core.close()
    data = {
        "job": outcome.job_id,
        "status": outcome.status.value,
        "printed": list(outcome.printed_label_ids),
        "unsent": list(outcome.unsent_label_ids),
    }
    text = render(
        "cli.label.recovered",
        lang,
        job=outcome.job_id,
        printed=len(outcome.printed_label_ids),
        unsent=len(outcome.unsent_label_ids),
    )
    return 0, data, text


COMMANDS = (
    Group(
        "label",
        "cli.help.label",
        (
            Command(
                "render",
                "cli.help.label.render",
                cmd_render,
                args=(
                    Arg("din", help="cli.help.label.din"),
                    Arg("--template", help="cli.help.label.template"),
                    Arg("--format", choices=["zpl", "pdf", "png"], default="pdf"),
                    Arg("--dpi", type=int, choices=[203, 300, 600], default=300),
                    Arg("-o", "--output", type=Path, required=True),
                    Arg("--force", action="store_true", help="cli.help.force"),
                ),
            ),
            Command(
                "print",
                "cli.help.label.print",
                cmd_print,
                args=(
                    Arg("--batch", help="cli.help.label.batch"),
                    Arg("--din", action="append", help="cli.help.label.only_dins"),
                    Arg("--job", type=record_id, help="cli.help.label.job"),
                    Arg("--template", help="cli.help.label.template_with_batch"),
                    Arg("--printer", required=True, help="cli.help.label.printer"),
                    Arg("--station", help="cli.help.label.station"),
                    Arg("--user", required=True),
                    Arg("--password-stdin", action="store_true"),
                ),
            ),
            Command(
                "recover",
                "cli.help.label.recover",
                cmd_recover,
                args=(
                    Arg("--job", type=record_id, required=True, help="cli.help.label.recover_job"),
                    Arg(
                        "--scanned",
                        nargs="+",
                        action="extend",
                        metavar="CODE",
                        help="cli.help.label.scanned",
                    ),
                    Arg(
                        "--nothing-came-out",
                        action="store_true",
                        help="cli.help.label.nothing_came_out",
                    ),
                    Arg("--user", required=True),
                    Arg("--password-stdin", action="store_true"),
                ),
            ),
        ),
    ),
)
