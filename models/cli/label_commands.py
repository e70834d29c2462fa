"""`celltrail label render` (preview file, no record change) and `celltrail label print`
(request + print through the labeling service to a printer URL)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core import Core, open_core
from models.entities.production import Batch, ProductUnit
from models.isbt128 import parse_din
from models.kernel.db import resolve_database_url
from models.kernel.errors import NotFoundError, ValidationError
from models.labeling.build import build_label
from models.labeling.fields import label_fields
from models.labeling.records import current_template, label_flags
from models.labeling.templates import usable_template
from printing.payload import render_payload
from printing.port import PayloadFormat, PrinterError
from printing.registry import open_printer

Result = tuple[int, dict[str, Any], str]


def register(sub: Any, common: argparse.ArgumentParser) -> dict[tuple[str, str | None], Any]:
    label = sub.add_parser("label", help="product labels")
    label_sub = label.add_subparsers(dest="label_command", required=True)
    render = label_sub.add_parser("render", parents=[common], help="render a label to a file")
    render.add_argument("din", help="the unit's DIN, scanned or typed with its check character")
    render.add_argument("--template", required=True, help="template code, e.g. LT-BAG")
    render.add_argument("--format", choices=["zpl", "pdf", "png"], default="pdf")
    render.add_argument("--dpi", type=int, choices=[203, 300, 600], default=300)
    render.add_argument("-o", "--output", type=Path, required=True)
    prt = label_sub.add_parser("print", parents=[common], help="request and print labels")
    prt.add_argument("--batch", help="batch number: label all its units (or --din)")
    prt.add_argument("--din", action="append", help="only these units (repeatable)")
    prt.add_argument("--job", type=int, help="print (or retry) an existing job instead")
    prt.add_argument("--template", help="template code (with --batch)")
    prt.add_argument("--printer", required=True, help="printer URL, e.g. tcp://10.0.0.5:9100")
    prt.add_argument("--station", help="labeling station (with --batch)")
    prt.add_argument("--user", required=True)
    prt.add_argument("--password-stdin", action="store_true")
    return {("label", "render"): cmd_render, ("label", "print"): cmd_print}


def _unit(session: Session, text: str) -> ProductUnit:
    din = parse_din(text)
    units = session.scalars(select(ProductUnit).where(ProductUnit.din == din.number)).all()
    if len(units) != 1:
        raise NotFoundError(kind="product unit (one per DIN)", ident=din.number)
    return units[0]


def cmd_render(args: argparse.Namespace) -> Result:
    core = open_core(resolve_database_url(args.db))
    try:
        with core.uow() as uow:
            unit = _unit(uow.session, args.din)
            template, layout = usable_template(
                uow.session, current_template(uow.session, args.template).id
            )
            fields = label_fields(uow.session, unit.id, label_flags(template, False))
            content = build_label(layout, fields)
            code, version = template.code, template.version
    finally:
        core.close()
    payload = render_payload(content, cast(PayloadFormat, args.format), args.dpi)
    args.output.write_bytes(payload)
    data = {
        "file": str(args.output),
        "din": fields.text("din"),
        "template": code,
        "version": version,
        "bytes": len(payload),
    }
    return 0, data, f"{code} v{version} label for {data['din']} → {args.output}"


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(f"Password for {args.user}: ")


def _request(core: Core, args: argparse.Namespace) -> int:
    if not (args.batch and args.template and args.station):
        raise ValidationError(field="arguments", reason="--batch, --template and --station")
    with core.uow() as uow:
        batch = uow.session.scalar(select(Batch).where(Batch.number == args.batch))
        if batch is None:
            raise NotFoundError(kind="batch", ident=args.batch)
        if args.din:
            unit_ids = [_unit(uow.session, text).id for text in args.din]
        else:
            unit_ids = list(
                uow.session.scalars(
                    select(ProductUnit.id)
                    .where(ProductUnit.batch_id == batch.id, ProductUnit.voided_reason.is_(None))
                    .order_by(ProductUnit.id)
                )
            )
        template_id = current_template(uow.session, args.template).id
        batch_id = batch.id
    return core.labeling.request_labels(
        batch_id=batch_id,
        template_id=template_id,
        unit_ids=unit_ids,
        printer_address=args.printer,
        station=args.station,
        actor=args.user,
    )


def cmd_print(args: argparse.Namespace) -> Result:
    core = open_core(resolve_database_url(args.db))
    try:
        core.accounts.authenticate(args.user, _password(args), purpose="label print")
        job_id = args.job or _request(core, args)
        printer = open_printer(args.printer)
        jobs = [job_id, *core.labeling.companion_jobs(job_id)]
        outcomes = [
            core.labeling.print_job(job_id=j, printer=printer, actor=args.user) for j in jobs
        ]
    except PrinterError as exc:  # an unusable printer URL
        raise ValidationError(field="printer", reason=exc.message("en")) from exc
    finally:
        core.close()
    data = {
        "jobs": [
            {
                "job": o.job_id,
                "status": o.status.value,
                "labels": list(o.printed_label_ids),
                "error": o.failure.message("en") if o.failure else None,
            }
            for o in outcomes
        ]
    }
    failed = [o for o in outcomes if o.failure]
    text = "; ".join(
        f"job {o.job_id}: {o.status.value}, {len(o.printed_label_ids)} label(s)"
        + (f" — {o.failure.message('en')}" if o.failure else "")
        for o in outcomes
    )
    return (1 if failed else 0), data, text
