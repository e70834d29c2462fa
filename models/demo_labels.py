"""Demo labeling data: approved default templates and a reconciled print history for the
cord-MSC batch (scenario S1), printed to an in-memory archive printer."""

from __future__ import annotations

from sqlalchemy import select

from models.core import Core
from models.entities.production import Batch, ProductUnit
from models.labels.defaults import default_templates
from printing.port import Outcome, PayloadFormat, PrintJob, PrintResult

DEMO_BATCH = "B-UCMSC-250303-001"
DEMO_STATION = "C-201/BSC-02"


class _ArchivePrinter:
    """Keeps the bytes only: demo history must not need a printer."""

    name = "demo-archive"
    address = "memory://demo-archive"
    payload_format: PayloadFormat = "zpl"
    dpi = 203

    def send(self, job: PrintJob) -> PrintResult:
        return PrintResult(job_id=job.job_id, outcome=Outcome.SENT, detail=self.address)


def add_demo_labels(core: Core, password: str, history_units: int = 4) -> dict[str, int]:
    """Templates authored by wang and approved by chen; labels for the first
    ``history_units`` units of the demo batch printed, verified by zhao and applied."""
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
    with core.uow() as uow:
        batch_id = uow.session.scalar(select(Batch.id).where(Batch.number == DEMO_BATCH))
        units = list(
            uow.session.scalars(
                select(ProductUnit.id)
                .where(ProductUnit.batch_id == batch_id)
                .order_by(ProductUnit.id)
                .limit(history_units)
            )
        )
    if batch_id is None or not units:
        return {"templates": len(ids), "labels": 0}
    return {"templates": len(ids), "labels": _history(core, batch_id, units, ids, password)}


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
            confirmed_fields={name: True for name, _ in sheet.fields},
        )
        core.labeling.apply_label(label_id=label_id, actor="wang")
    return len(outcome.printed_label_ids)
