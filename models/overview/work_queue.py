"""QA's work queue for the home screen: what waits for QA right now (issue 14).

Open deviations (most severe and oldest first), label lines stopped by a mismatch, batches in
quarantine awaiting a release decision, and printed labels awaiting their double-check. Each
item carries the identifiers a screen needs to open it; nothing here is worded (the screen
words statuses and classes, the catalogue words release blockers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session, aliased

from models.entities.labeling import LabelState, PrintedLabel, PrintJob
from models.entities.production import Batch, BatchStatus, ProductType, ProductUnit
from models.entities.quality import Deviation, DeviationClass, DeviationStatus
from models.i18n import Message

LIMIT = 200  # per list: a queue longer than this is a problem no screen solves


@dataclass(frozen=True)
class OpenDeviation:
    id: int
    code: str
    title: str
    classification: str | None  # minor / major / critical; None: not yet classified
    status: str
    opened_at: datetime
    urgent: bool
    batch: str | None  # the batch number it concerns, if any
    unit: str | None  # the unit's DIN, if it concerns one


@dataclass(frozen=True)
class StoppedLine:
    job_id: int
    batch_id: int
    batch: str
    station: str | None
    deviation: str | None
    requested_at: datetime


@dataclass(frozen=True)
class AwaitingRelease:
    batch_id: int
    batch: str
    product_code: str
    product_en: str
    product_zh: str
    created_at: datetime
    # Filled by DashboardReads.work_queue: why it cannot be released yet (empty: ready).
    blockers: tuple[Message, ...] = ()

    @property
    def ready(self) -> bool:
        return not self.blockers


@dataclass(frozen=True)
class LabelAwaitingCheck:
    label_id: int
    batch_id: int
    batch: str
    unit: str  # DIN, product code and division as the label carries them
    printed_at: datetime | None
    reprint: bool


@dataclass(frozen=True)
class WorkQueue:
    deviations: tuple[OpenDeviation, ...]
    stopped_lines: tuple[StoppedLine, ...]
    awaiting_release: tuple[AwaitingRelease, ...]
    labels_to_check: tuple[LabelAwaitingCheck, ...]

    @property
    def empty(self) -> bool:
        return not (
            self.deviations or self.stopped_lines or self.awaiting_release or self.labels_to_check
        )


_SEVERITY = case(
    (Deviation.classification == DeviationClass.CRITICAL.value, 0),
    (Deviation.classification == DeviationClass.MAJOR.value, 1),
    (Deviation.classification == DeviationClass.MINOR.value, 2),
    else_=3,
)


def open_deviations(session: Session) -> tuple[OpenDeviation, ...]:
    unit = aliased(ProductUnit)
    query = (
        select(Deviation, Batch.number, unit.din)
        .outerjoin(Batch, Batch.id == Deviation.batch_id)
        .outerjoin(unit, unit.id == Deviation.unit_id)
        .where(Deviation.status != DeviationStatus.CLOSED)
        .order_by(Deviation.urgent.desc(), _SEVERITY, Deviation.opened_at, Deviation.id)
        .limit(LIMIT)
    )
    return tuple(
        OpenDeviation(
            id=d.id,
            code=d.code,
            title=d.title,
            classification=d.classification,
            status=d.status.value,
            opened_at=d.opened_at,
            urgent=d.urgent,
            batch=batch,
            unit=din,
        )
        for d, batch, din in session.execute(query)
    )


def stopped_lines(session: Session) -> tuple[StoppedLine, ...]:
    query = (
        select(PrintJob, Batch.number, Deviation.code)
        .join(Batch, Batch.id == PrintJob.batch_id)
        .outerjoin(Deviation, Deviation.id == PrintJob.deviation_id)
        .where(PrintJob.line_stopped.is_(True))
        .order_by(PrintJob.requested_at, PrintJob.id)
        .limit(LIMIT)
    )
    return tuple(
        StoppedLine(job.id, job.batch_id, number, job.station, code, job.requested_at)
        for job, number, code in session.execute(query)
    )


def quarantined_batches(session: Session) -> tuple[AwaitingRelease, ...]:
    query = (
        select(Batch, ProductType)
        .join(ProductType, ProductType.id == Batch.product_type_id)
        .where(Batch.status == BatchStatus.QUARANTINE, Batch.voided_reason.is_(None))
        .order_by(Batch.created_at, Batch.id)
        .limit(LIMIT)
    )
    return tuple(
        AwaitingRelease(b.id, b.number, p.code, p.name_en, p.name_zh, b.created_at)
        for b, p in session.execute(query)
    )


def labels_to_check(session: Session) -> tuple[LabelAwaitingCheck, ...]:
    query = (
        select(PrintedLabel, PrintJob.batch_id, Batch.number, ProductUnit)
        .join(PrintJob, PrintJob.id == PrintedLabel.print_job_id)
        .join(Batch, Batch.id == PrintJob.batch_id)
        .join(ProductUnit, ProductUnit.id == PrintedLabel.unit_id)
        .where(PrintedLabel.state == LabelState.PRINTED)
        .order_by(PrintedLabel.printed_at, PrintedLabel.id)
        .limit(LIMIT)
    )
    return tuple(
        LabelAwaitingCheck(
            label_id=label.id,
            batch_id=batch_id,
            batch=number,
            unit=f"{unit.din} {unit.product_code} {unit.division}",
            printed_at=label.printed_at,
            reprint=label.is_reprint,
        )
        for label, batch_id, number, unit in session.execute(query)
    )


def load_work_queue(session: Session) -> WorkQueue:
    return WorkQueue(
        deviations=open_deviations(session),
        stopped_lines=stopped_lines(session),
        awaiting_release=quarantined_batches(session),
        labels_to_check=labels_to_check(session),
    )
