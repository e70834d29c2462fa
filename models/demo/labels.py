"""Demo labeling data: approved default templates and a reconciled print history for the
first bags of the cord-MSC batch (scenario S1), printed to an in-memory archive printer."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from models.chain import lookup
from models.core import Core
from models.entities.labeling import LabelTemplate
from models.entities.production import Batch, ProductUnit
from models.labeling.defaults import default_templates
from printing.port import Outcome, PayloadFormat, PrintJob, PrintResult
from printing.registry import open_printer

DEMO_STATION = "C-201/BSC-02"


class _ArchivePrinter:
    """Keeps the bytes only: demo history must not need a printer.  It stands for a printer
    that confirmed every label, so the demo's history is printed, not awaiting a scan."""

    name = "demo-archive"
    address = "memory://demo-archive"
    payload_format: PayloadFormat = "zpl"
    dpi = 203

    def send(self, job: PrintJob) -> PrintResult:
        return PrintResult(job_id=job.job_id, outcome=Outcome.CONFIRMED, detail=self.address)


def add_templates(core: Core, password: str) -> dict[str, int]:
    """The default templates, authored by wang and approved by chen; ids by code."""
    ids: dict[str, int] = {}
    for template in default_templates():
        ids[template.code] = core.labeling.create_template_version(
            code=template.code,
            container_type=template.container_type,
            layout=template.layout,
            partial=template.partial,
            actor="wang",
        )
        core.labeling.approve_template(
            template_id=ids[template.code], username="chen", password=password
        )
    return ids


def label_first_units(
    core: Core, password: str, batch_number: str, ids: dict[str, int], count: int
) -> int:
    """LT-BAG labels for the first ``count`` units of the batch: printed by wang, checked
    by zhao (scan and fields), applied; returns how many."""
    with core.uow() as uow:
        batch_id = uow.session.scalar(select(Batch.id).where(Batch.number == batch_number))
        units = list(
            uow.session.scalars(
                select(ProductUnit.id)
                .where(ProductUnit.batch_id == batch_id)
                .order_by(ProductUnit.id)
                .limit(count)
            )
        )
    if batch_id is None or not units:
        return 0
    return _history(core, batch_id, units, ids, password)


def _history(
    core: Core, batch_id: int, units: list[int], ids: dict[str, int], password: str
) -> int:
    job_id = core.labeling.request_labels(
        batch_id=batch_id,
        template_id=ids["LT-BAG"],
        unit_ids=units,
        printer_address=_ArchivePrinter.address,
        station=DEMO_STATION,
        actor="wang",
    )
    outcome = core.labeling.print_job(job_id=job_id, printer=_ArchivePrinter(), actor="wang")
    for label_id in outcome.printed_label_ids:
        sheet = core.labeling.check_sheet(label_id)
        core.labeling.verify_label(
            label_id=label_id,
            username="zhao",
            password=password,
            scanned_text=sheet.record_scan,
            confirmed_fields=dict.fromkeys(sheet.plan.by_person, True),
        )
        core.labeling.apply_label(label_id=label_id, actor="wang")
    return len(outcome.printed_label_ids)


def print_bag_labels(
    core: Core, batch_number: str, unit_codes: Sequence[str], address: str, station: str
) -> list[int]:
    """LT-BAG labels (the newest approved version) for ``unit_codes`` requested and printed
    by wang to the printer at ``address``, as the label station's Print does; wang must be
    signed in at ``core``. Returns the printed labels' ids (they await their check)."""
    with core.uow() as uow:
        batch = lookup.batch(uow.session, batch_number).id
        units = [lookup.unit(uow.session, code).id for code in unit_codes]
        template = uow.session.scalars(
            select(LabelTemplate.id)
            .where(LabelTemplate.code == "LT-BAG")
            .order_by(LabelTemplate.id)
        ).all()[-1]
    job = core.labeling.request_labels(
        batch_id=batch,
        template_id=template,
        unit_ids=units,
        printer_address=address,
        station=station,
        actor="wang",
    )
    outcome = core.labeling.print_job(job_id=job, printer=open_printer(address), actor="wang")
    return list(outcome.printed_label_ids)
