"""Reads for the label station: batches, units, approved templates, print jobs and labels."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities.labeling import (
    LabelState,
    LabelTemplate,
    PrintedLabel,
    PrintJob,
    TemplateStatus,
)
from models.entities.production import Batch, BatchStatus, ProductUnit
from models.entities.quality import Deviation
from models.kernel.record_version import versions_of
from models.kernel.rows import get_or_404
from models.labeling.build import build_label
from models.labeling.containers import require_template_fits, template_for_unit
from models.labeling.errors import WrongContainerTemplateError
from models.labeling.fields import label_fields
from models.labeling.records import label_flags, template_layout
from printing.content import (
    Barcode,
    Biohazard,
    Box,
    Element,
    LabelContent,
    Line,
    Symbology,
    Text,
)

LABEL_BATCH_STATUSES = (BatchStatus.FILLED, BatchStatus.QUARANTINE, BatchStatus.RELEASED)
_HIDDEN = (LabelState.SENDING, LabelState.UNSENT)
_AWAITING = (LabelState.SENDING, LabelState.UNCONFIRMED)


@dataclass(frozen=True)
class BatchChoice:
    id: int
    number: str
    status: str
    units: int


@dataclass(frozen=True)
class UnitRow:
    id: int
    din: str
    container_type: str
    label_state: str | None  # the unit's latest printed label, if any


@dataclass(frozen=True)
class TemplateRow:
    id: int
    code: str
    version: int
    container_type: str


@dataclass(frozen=True)
class JobRow:
    id: int
    template: str
    status: str
    printer: str
    requested_by: str
    requested_at: datetime
    printed_by: str | None
    units: int
    line_stopped: bool
    deviation: str | None
    reprint_reason: str | None
    reprint_approved: bool
    companion_of: int | None
    failure: str | None
    awaiting: int = 0  # labels sent (or being sent) that no printer or person confirmed yet
    version: int = 0  # as read: an action on the job refuses if it moved (record_version)

    @property
    def awaiting_reprint_approval(self) -> bool:
        return bool(self.reprint_reason) and not self.reprint_approved


@dataclass(frozen=True)
class LabelRow:
    id: int
    job_id: int
    unit_id: int | None
    din: str
    state: str
    is_reprint: bool
    verified_by: str | None
    applied_by: str | None
    version: int = 0  # as read: an action on the label refuses if it moved (record_version)


def label_batches(session: Session) -> list[BatchChoice]:
    counts = (
        select(ProductUnit.batch_id, func.count().label("n"))
        .group_by(ProductUnit.batch_id)
        .subquery()
    )
    rows = session.execute(
        select(Batch.id, Batch.number, Batch.status, counts.c.n)
        .join(counts, counts.c.batch_id == Batch.id)
        .where(Batch.status.in_(LABEL_BATCH_STATUSES))
        .order_by(Batch.status != BatchStatus.QUARANTINE, Batch.created_at.desc(), Batch.id.desc())
    ).all()
    return [BatchChoice(i, n, str(s.value), c) for i, n, s, c in rows]


def batch_units(session: Session, batch_id: int) -> list[UnitRow]:
    latest = dict(
        session.execute(
            select(PrintedLabel.unit_id, PrintedLabel.state)
            .join(PrintJob, PrintedLabel.print_job_id == PrintJob.id)
            .where(PrintJob.batch_id == batch_id, PrintedLabel.state.not_in(_HIDDEN))
            .order_by(PrintedLabel.id)
        ).all()
    )
    units = session.scalars(
        select(ProductUnit)
        .where(ProductUnit.batch_id == batch_id, ProductUnit.voided_reason.is_(None))
        .order_by(ProductUnit.id)
    )
    return [
        UnitRow(
            u.id,
            u.din if u.division == "00" else f"{u.din}/{u.division}",
            u.container_type,
            latest[u.id].value if u.id in latest else None,
        )
        for u in units
    ]


def approved_templates(session: Session) -> list[TemplateRow]:
    rows = session.scalars(
        select(LabelTemplate)
        .where(LabelTemplate.status == TemplateStatus.APPROVED)
        .order_by(LabelTemplate.code)
    )
    return [TemplateRow(t.id, t.code, t.version, t.container_type) for t in rows]


def print_jobs(session: Session, batch_id: int) -> list[JobRow]:
    awaiting = dict(
        session.execute(
            select(PrintedLabel.print_job_id, func.count())
            .join(PrintJob, PrintedLabel.print_job_id == PrintJob.id)
            .where(PrintJob.batch_id == batch_id, PrintedLabel.state.in_(_AWAITING))
            .group_by(PrintedLabel.print_job_id)
        ).all()
    )
    rows = session.execute(
        select(PrintJob, LabelTemplate.code, LabelTemplate.version, Deviation.code)
        .join(LabelTemplate, LabelTemplate.id == PrintJob.template_id)
        .outerjoin(Deviation, Deviation.id == PrintJob.deviation_id)
        .where(PrintJob.batch_id == batch_id)
        .order_by(PrintJob.id.desc())
    ).all()
    versions = versions_of(session, "print_job", [job.id for job, *_ in rows])
    return [
        JobRow(
            id=job.id,
            template=f"{code} v{version}",
            status=job.status.value,
            printer=job.printer_address,
            requested_by=job.requested_by,
            requested_at=job.requested_at,
            printed_by=job.printed_by,
            units=len(json.loads(job.unit_ids or "[]")),
            line_stopped=job.line_stopped,
            deviation=deviation,
            reprint_reason=job.reprint_reason,
            reprint_approved=job.reprint_approval_signature_id is not None,
            companion_of=job.companion_of_id,
            failure=job.failure,
            awaiting=awaiting.get(job.id, 0),
            version=versions.get(str(job.id), 0),
        )
        for job, code, version, deviation in rows
    ]


def printed_labels(session: Session, batch_id: int) -> list[LabelRow]:
    rows = session.execute(
        select(PrintedLabel, ProductUnit.din)
        .join(PrintJob, PrintedLabel.print_job_id == PrintJob.id)
        .outerjoin(ProductUnit, ProductUnit.id == PrintedLabel.unit_id)
        .where(PrintJob.batch_id == batch_id, PrintedLabel.state.not_in(_HIDDEN))
        .order_by(PrintedLabel.id.desc())
    ).all()
    versions = versions_of(session, "printed_label", [label.id for label, _din in rows])
    return [
        LabelRow(
            label.id,
            label.print_job_id,
            label.unit_id,
            din or "",
            label.state.value,
            label.is_reprint,
            label.verified_by,
            label.applied_by,
            versions.get(str(label.id), 0),
        )
        for label, din in rows
    ]


def awaiting_check(session: Session, unit_id: int) -> tuple[str, str | None]:
    """(DIN, number of the labellable batch whose printed label of the unit awaits its
    double-check, or None): where a scan of the unit at the label station should lead."""
    din = session.scalar(select(ProductUnit.din).where(ProductUnit.id == unit_id)) or ""
    number = session.scalar(
        select(Batch.number)
        .join(PrintJob, PrintJob.batch_id == Batch.id)
        .join(PrintedLabel, PrintedLabel.print_job_id == PrintJob.id)
        .where(
            PrintedLabel.unit_id == unit_id,
            PrintedLabel.state == LabelState.PRINTED,
            Batch.status.in_(LABEL_BATCH_STATUSES),
        )
        .order_by(PrintedLabel.id.desc())
        .limit(1)
    )
    return din, number


def job_people(session: Session, label_id: int) -> tuple[str, str | None]:
    """(requested_by, printed_by) of the job that printed ``label_id``."""
    row = session.execute(
        select(PrintJob.requested_by, PrintJob.printed_by)
        .join(PrintedLabel, PrintedLabel.print_job_id == PrintJob.id)
        .where(PrintedLabel.id == label_id)
    ).one()
    return row[0], row[1]


def deviation_code(session: Session, deviation_id: int | None) -> str | None:
    if deviation_id is None:
        return None
    return session.scalar(select(Deviation.code).where(Deviation.id == deviation_id))


def archived_label(session: Session, label_id: int) -> tuple[LabelContent, str]:
    """The label exactly as it was sent (its archived content) and its job's printer URL."""
    row = session.execute(
        select(PrintedLabel.content_json, PrintJob.printer_address)
        .join(PrintJob, PrintedLabel.print_job_id == PrintJob.id)
        .where(PrintedLabel.id == label_id)
    ).one()
    return content_from_json(row[0]), row[1]


def unit_preview(session: Session, unit_id: int, template_id: int) -> LabelContent:
    """What the template would print for the unit now (the service builds it the same way);
    a template sized for another container is refused, as a request for it would be."""
    template = get_or_404(session, LabelTemplate, template_id, "label template")
    require_template_fits(template, get_or_404(session, ProductUnit, unit_id, "product unit"))
    fields = label_fields(session, unit_id, label_flags(template, False))
    return build_label(template_layout(template), fields)


def fitting_template(session: Session, unit_id: int, template_id: int) -> int:
    """``template_id`` if it fits the unit's container, else the one its container takes."""
    template = get_or_404(session, LabelTemplate, template_id, "label template")
    unit = get_or_404(session, ProductUnit, unit_id, "product unit")
    try:
        require_template_fits(template, unit)
    except WrongContainerTemplateError:
        return template_for_unit(session, unit).id
    return template_id


_TYPES: dict[str, type[Element]] = {
    "Text": Text,
    "Barcode": Barcode,
    "Box": Box,
    "Line": Line,
    "Biohazard": Biohazard,
}


def content_from_json(text: str) -> LabelContent:
    """Inverse of models.labeling.records.content_json."""
    raw = json.loads(text)
    elements: list[Element] = []
    for item in raw["elements"]:
        values = dict(item)
        cls = _TYPES[values.pop("type")]
        if cls is Barcode:
            values["symbology"] = Symbology(values["symbology"])
        elements.append(cls(**values))
    return LabelContent(
        width_mm=raw["width_mm"],
        height_mm=raw["height_mm"],
        elements=tuple(elements),
        copies=raw.get("copies", 1),
    )
