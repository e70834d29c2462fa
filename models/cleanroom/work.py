"""Reads for the cleanroom work list and the QA release desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.chain.records import StepRow
from models.entities import Batch, ProcessStep, ProductType, ProductUnit, Shipment, Site
from models.entities.logistics import ShipmentStatus, StorageLocation
from models.entities.parties import SiteKind
from models.entities.production import BatchStatus, Disposition, QualityStatus

OPEN_STATUSES = (BatchStatus.IN_PROCESS, BatchStatus.FILLED, BatchStatus.QUARANTINE)


@dataclass(frozen=True)
class WorkBatch:
    id: int
    number: str
    product: str
    status: str
    workspace: str | None
    harvest_at: datetime | None
    units: int
    open_steps: int  # recorded, not yet verified


@dataclass(frozen=True)
class WaitingUnit:
    code: str
    batch: str
    quality_status: str


@dataclass(frozen=True)
class WorkList:
    batches: tuple[WorkBatch, ...]
    awaiting_storage: tuple[WaitingUnit, ...]
    shippable: tuple[WaitingUnit, ...]  # released, in stock: can go on a shipment
    planned_shipments: tuple[str, ...]
    locations: tuple[str, ...]
    hospitals: tuple[str, ...]


def _unit_code(unit: ProductUnit) -> str:
    return unit.din if unit.division == "00" else f"{unit.din}/{unit.division}"


def work_list(session: Session) -> WorkList:
    units = select(ProductUnit.batch_id, func.count().label("n")).group_by(ProductUnit.batch_id)
    unit_counts: dict[int, int] = {b: n for b, n in session.execute(units)}
    open_steps: dict[int, int] = {
        b: n
        for b, n in session.execute(
            select(ProcessStep.batch_id, func.count())
            .where(ProcessStep.verified_by.is_(None), ProcessStep.voided_reason.is_(None))
            .group_by(ProcessStep.batch_id)
        )
    }
    batches = session.execute(
        select(Batch, ProductType.code)
        .join(ProductType, ProductType.id == Batch.product_type_id)
        .where(Batch.status.in_(OPEN_STATUSES), Batch.voided_reason.is_(None))
        .order_by(Batch.created_at, Batch.id)
    ).all()
    return WorkList(
        batches=tuple(
            WorkBatch(
                b.id,
                b.number,
                code,
                b.status.value,
                b.workspace,
                b.harvest_at,
                unit_counts.get(b.id, 0),
                open_steps.get(b.id, 0),
            )
            for b, code in batches
        ),
        awaiting_storage=_units(
            session,
            ProductUnit.storage_location_id.is_(None),
            ProductUnit.site_id.is_not(None),
        ),
        shippable=_units(
            session,
            ProductUnit.quality_status.in_(
                (QualityStatus.RELEASED, QualityStatus.EMERGENCY_RELEASED)
            ),
            ProductUnit.recalled.is_(False),
        ),
        planned_shipments=tuple(
            session.scalars(
                select(Shipment.code)
                .where(Shipment.status == ShipmentStatus.PLANNED)
                .order_by(Shipment.id)
            )
        ),
        locations=tuple(
            session.scalars(
                select(StorageLocation.code)
                .where(StorageLocation.non_conforming.is_(False))
                .order_by(StorageLocation.code)
            )
        ),
        hospitals=tuple(
            session.scalars(
                select(Site.code).where(Site.kind == SiteKind.HOSPITAL).order_by(Site.code)
            )
        ),
    )


def _units(session: Session, *conditions: object) -> tuple[WaitingUnit, ...]:
    rows = session.execute(
        select(ProductUnit, Batch.number)
        .join(Batch, Batch.id == ProductUnit.batch_id)
        .where(
            ProductUnit.disposition == Disposition.IN_STOCK,
            ProductUnit.voided_reason.is_(None),
            *conditions,  # type: ignore[arg-type]
        )
        .order_by(ProductUnit.id)
    ).all()
    return tuple(WaitingUnit(_unit_code(u), number, u.quality_status.value) for u, number in rows)


def batch_steps(session: Session, batch_id: int) -> tuple[StepRow, ...]:
    steps = session.scalars(
        select(ProcessStep).where(ProcessStep.batch_id == batch_id).order_by(ProcessStep.id)
    )
    return StepRow.all_of(session, steps)


@dataclass(frozen=True)
class ReleaseChoice:
    id: int
    number: str
    status: str


def release_batches(session: Session) -> list[ReleaseChoice]:
    """Quarantine first (the ones QA can decide), then the rest, newest first."""
    rows = session.execute(
        select(Batch.id, Batch.number, Batch.status)
        .where(Batch.voided_reason.is_(None))
        .order_by(Batch.status != BatchStatus.QUARANTINE, Batch.id.desc())
    ).all()
    return [ReleaseChoice(i, n, s.value) for i, n, s in rows]
