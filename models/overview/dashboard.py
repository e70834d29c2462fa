"""What the home screen shows: open batches, unit status counts and recent activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models.entities.production import Batch, BatchStatus, ProductType, ProductUnit
from models.kernel.audit_queries import AuditRow, recent_audit

# Work that still needs someone comes first; closed batches fill the list after them.
_OPEN = (BatchStatus.IN_PROCESS, BatchStatus.FILLED, BatchStatus.QUARANTINE)


@dataclass(frozen=True)
class BatchRow:
    number: str
    product_code: str
    product_en: str
    product_zh: str
    status: str
    workspace: str | None
    created_at: datetime
    units: int


@dataclass(frozen=True)
class StatusCount:
    status: str
    count: int


@dataclass(frozen=True)
class Dashboard:
    batch_counts: tuple[StatusCount, ...]
    batches: tuple[BatchRow, ...]
    unit_quality: tuple[StatusCount, ...]
    unit_disposition: tuple[StatusCount, ...]
    recalled_units: int
    recent: tuple[AuditRow, ...]

    @property
    def open_batches(self) -> int:
        return sum(c.count for c in self.batch_counts if c.status in _OPEN)


def _counts(session: Session, column: object) -> tuple[StatusCount, ...]:
    query = select(column, func.count()).group_by(column).order_by(column)  # type: ignore[call-overload]
    return tuple(StatusCount(str(getattr(s, "value", s)), n) for s, n in session.execute(query))


def list_batches(session: Session, limit: int = 50) -> tuple[BatchRow, ...]:
    units = (
        select(ProductUnit.batch_id, func.count().label("n"))
        .group_by(ProductUnit.batch_id)
        .subquery()
    )
    open_first = case((Batch.status.in_(_OPEN), 0), else_=1)
    query = (
        select(Batch, ProductType, func.coalesce(units.c.n, 0))
        .join(ProductType, ProductType.id == Batch.product_type_id)
        .outerjoin(units, units.c.batch_id == Batch.id)
        .order_by(open_first, Batch.created_at.desc(), Batch.id.desc())
        .limit(limit)
    )
    return tuple(
        BatchRow(
            number=b.number,
            product_code=p.code,
            product_en=p.name_en,
            product_zh=p.name_zh,
            status=b.status.value,
            workspace=b.workspace,
            created_at=b.created_at,
            units=int(n),
        )
        for b, p, n in session.execute(query)
    )


def load_dashboard(session: Session, recent: int = 8) -> Dashboard:
    recalled = session.scalar(
        select(func.count()).select_from(ProductUnit).where(ProductUnit.recalled.is_(True))
    )
    latest = recent_audit(session, recent)  # as the audit desk lists them: no STATE entries
    return Dashboard(
        batch_counts=_counts(session, Batch.status),
        batches=list_batches(session),
        unit_quality=_counts(session, ProductUnit.quality_status),
        unit_disposition=_counts(session, ProductUnit.disposition),
        recalled_units=recalled or 0,
        recent=latest,
    )
