"""Units awaiting destruction: rejected, recalled, expired or thawed past their use-by, and
still existing (not administered, transformed or destroyed), with where each one is now.

One query (two outer joins for the place, one for the thaw); in-transit units are listed
too, so the coordinator sees them coming, but they must be received before destruction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from models.chain.disposal import state_reasons
from models.chain.trace_nodes import code_of, location_text
from models.entities.logistics import Shipment, ShipmentItem, ShipmentStatus, StorageLocation, Thaw
from models.entities.parties import Site
from models.entities.production import Batch, Disposition, ProductUnit, QualityStatus

_GONE = (Disposition.ADMINISTERED, Disposition.TRANSFORMED, Disposition.DESTROYED)


@dataclass(frozen=True)
class AwaitingUnit:
    unit_id: int
    code: str  # DIN, or DIN/division
    din: str
    batch: str
    product_code: str
    quality_status: str
    disposition: str
    recalled: bool
    expires_at: datetime | None
    use_by: datetime | None
    reasons: tuple[str, ...]  # DestructionReason values true of the unit now
    location: str  # where it is now, in words (as the trace says it)


def units_awaiting_destruction(
    session: Session, now: datetime, limit: int = 500
) -> tuple[AwaitingUnit, ...]:
    """Listed by batch, then unit: a batch's units are usually destroyed together."""
    place = aliased(StorageLocation)
    thaw_expired = (ProductUnit.disposition == Disposition.THAWED) & (Thaw.use_by <= now)
    query = (
        select(
            ProductUnit,
            Batch.number,
            Site.code.label("site"),
            place.code.label("place"),
            Thaw.use_by,
        )
        .join(Batch, Batch.id == ProductUnit.batch_id)
        .outerjoin(Site, Site.id == ProductUnit.site_id)
        .outerjoin(place, place.id == ProductUnit.storage_location_id)
        .outerjoin(Thaw, Thaw.unit_id == ProductUnit.id)
        .where(
            ProductUnit.disposition.not_in(_GONE),
            or_(
                ProductUnit.quality_status == QualityStatus.REJECTED,
                ProductUnit.recalled.is_(True),
                ProductUnit.expires_at <= now,
                thaw_expired,
            ),
        )
        .order_by(Batch.number, ProductUnit.din, ProductUnit.division)
        .limit(limit)
    )
    rows = session.execute(query).all()
    moving = [r[0].id for r in rows if r[0].disposition is Disposition.IN_TRANSIT]
    shipments = (
        dict(
            session.execute(
                select(ShipmentItem.unit_id, Shipment.code)
                .join(Shipment, Shipment.id == ShipmentItem.shipment_id)
                .where(
                    ShipmentItem.unit_id.in_(moving),
                    Shipment.status == ShipmentStatus.DISPATCHED,
                )
            ).all()
        )
        if moving
        else {}
    )
    return tuple(
        AwaitingUnit(
            unit_id=unit.id,
            code=code_of(unit.din, unit.division),
            din=unit.din,
            batch=number,
            product_code=unit.product_code,
            quality_status=unit.quality_status.value,
            disposition=unit.disposition.value,
            recalled=unit.recalled,
            expires_at=unit.expires_at,
            use_by=use_by,
            reasons=tuple(r.value for r in state_reasons(unit, use_by, now)),
            location=location_text(unit.disposition, site, where, None, shipments.get(unit.id)),
        )
        for unit, number, site, where, use_by in rows
    )
