"""Read-only release gates: panel vs approved spec, deviations, chain, labels, independence.

Each gate returns blocker texts instead of raising, so the GUI can show every reason at
once and the release service can refuse with the complete list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models.entities.labeling import PrintJob
from models.entities.production import Batch, ProcessStep, ProductUnit
from models.entities.quality import (
    Deviation,
    DeviationStatus,
    QcResult,
    Specification,
    SpecificationTest,
)
from models.identity.accounts import same_person
from models.kernel.errors import DomainError
from models.kernel.record_check import RecordIntegrityError, require_intact, require_none_deleted
from models.kernel.unit_of_work import UnitOfWork
from models.quality.blockers import Blocker
from models.quality.chain_release import release_blockers
from models.quality.panel import PanelAssessment, PanelLine, assess


class LabelGate(Protocol):
    """The labeling module's gate: raises a DomainError when reconciliation does not balance."""

    def __call__(self, session: Session, batch_id: int) -> object: ...


@dataclass(frozen=True)
class PanelRow:
    test: str
    required: bool
    is_cell_count: bool
    result_id: int | None
    value_text: str | None
    verdict: str | None
    verified_by: str | None


def _results(session: Session, batch_id: int, test: str) -> Sequence[QcResult]:
    return session.scalars(
        select(QcResult)
        .where(
            QcResult.batch_id == batch_id,
            QcResult.test == test,
            QcResult.voided_reason.is_(None),
        )
        .order_by(QcResult.resulted_at, QcResult.id)
    ).all()


def panel(
    session: Session, batch_id: int, spec: Specification
) -> tuple[PanelAssessment, list[PanelRow]]:
    lines, rows = [], []
    for t in spec.tests:
        results = _results(session, batch_id, t.test)
        verified = [r for r in results if r.verified_by is not None]
        latest = verified[-1] if verified else None
        lines.append(
            PanelLine(
                test=t.test,
                required=t.required,
                is_cell_count=t.is_cell_count,
                verdicts=tuple(r.verdict for r in results),
                latest_verified=latest.verdict if latest else None,
            )
        )
        rows.append(_row(t, latest))
    return assess(lines), rows


def _row(t: SpecificationTest, latest: QcResult | None) -> PanelRow:
    return PanelRow(
        test=t.test,
        required=t.required,
        is_cell_count=t.is_cell_count,
        result_id=latest.id if latest else None,
        value_text=latest.value_text if latest else None,
        verdict=latest.verdict.value if latest else None,
        verified_by=latest.verified_by if latest else None,
    )


def open_deviations(session: Session, batch_id: int) -> Sequence[Deviation]:
    unit_ids = select(ProductUnit.id).where(ProductUnit.batch_id == batch_id)
    return session.scalars(
        select(Deviation).where(
            Deviation.status != DeviationStatus.CLOSED,
            or_(Deviation.batch_id == batch_id, Deviation.unit_id.in_(unit_ids)),
        )
    ).all()


def chain_blockers(uow: UnitOfWork, batch: Batch) -> list[Blocker]:
    """Batch status and donor eligibility (every source donor of a pool), as the
    chain-of-identity service judges them; never re-implemented here."""
    return release_blockers(uow, batch)


def label_blockers(session: Session, batch_id: int, gate: LabelGate) -> list[Blocker]:
    try:
        gate(session, batch_id)
    except RecordIntegrityError:
        raise  # a forged record is a hard stop, not one blocker among others
    except DomainError as exc:
        return [Blocker.from_error("labels", exc)]
    return []


def independence_blockers(session: Session, batch: Batch, username: str) -> list[Blocker]:
    """The releaser must not have made the batch (R-REL-04)."""
    performers = set(
        session.scalars(select(ProcessStep.performed_by).where(ProcessStep.batch_id == batch.id))
    )
    performers.add(batch.created_by)
    if any(same_person(session, username, performer) for performer in performers):
        return [Blocker.of("releaser_involved", user=username, batch=batch.number)]
    return []


def require_batch_records_intact(
    session: Session, batch: Batch, units: Sequence[ProductUnit]
) -> None:
    """Every record a release decision reads about ``batch`` must match its audit trail: the
    batch, its units, steps, QC results (voided ones too), deviations and print jobs; and none
    of them may have been deleted outside CellTrail."""
    unit_ids = [u.id for u in units]
    results = session.scalars(select(QcResult).where(QcResult.batch_id == batch.id)).all()
    deviations = session.scalars(
        select(Deviation).where(
            or_(Deviation.batch_id == batch.id, Deviation.unit_id.in_(unit_ids))
        )
    ).all()
    steps = session.scalars(select(ProcessStep).where(ProcessStep.batch_id == batch.id)).all()
    jobs = session.scalars(select(PrintJob).where(PrintJob.batch_id == batch.id)).all()
    require_intact(session, batch, *units, *results, *deviations, *steps, *jobs)
    for table in (QcResult, Deviation, ProcessStep, PrintJob, ProductUnit):
        require_none_deleted(session, table, "batch_id", batch.id)
