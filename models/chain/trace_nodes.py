"""The trace's result types (frozen dataclasses, JSON-ready) and the words for a unit's place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, aliased

from models.entities.logistics import Shipment, ShipmentItem, StorageLocation
from models.entities.parties import Recipient, Site
from models.entities.production import Disposition, ProductUnit


@dataclass(frozen=True)
class DonorNode:
    code: str
    donor_type: str
    eligibility: str
    infectious: bool
    voided: bool


@dataclass(frozen=True)
class CollectionNode:
    code: str
    donor: str
    coi_id: str | None
    material: str
    collected_at: datetime
    accepted: bool | None
    voided: bool


@dataclass(frozen=True)
class BatchNode:
    number: str
    product: str
    status: str
    collection: str | None
    sources: tuple[str, ...]
    coi_id: str | None
    harvest_at: datetime | None
    voided: bool


@dataclass(frozen=True)
class UnitNode:
    code: str
    product_code: str
    batch: str
    quality_status: str
    disposition: str
    recalled: bool
    on_hold: bool
    voided: bool
    expires_at: datetime | None
    derived_from: tuple[str, ...]
    location: str  # where it is now, in words (stock location, shipment, hospital, recipient)


@dataclass(frozen=True)
class RecipientNode:
    code: str
    initials: str
    enrolment_no: str | None
    hospital: str | None
    units: tuple[str, ...]


@dataclass(frozen=True)
class IntegrityNote:
    table: str
    record: str
    kind: str  # altered | deleted | inserted
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Trace:
    query: str
    focus_kind: str
    focus: str
    donors: tuple[DonorNode, ...]
    collections: tuple[CollectionNode, ...]
    batches: tuple[BatchNode, ...]
    units: tuple[UnitNode, ...]
    recipients: tuple[RecipientNode, ...]
    # records of the trace that differ from their audit trail (changed outside CellTrail)
    integrity: tuple[IntegrityNote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def code_of(din: str, division: str) -> str:
    """A unit's human code from its columns (see ``lookup.unit_code``)."""
    return din if division == "00" else f"{din}/{division}"


def location_text(
    disposition: Disposition | str,
    site: str | None,
    place: str | None,
    patient: str | None,
    shipment: str | None,
) -> str:
    """Where a unit is now, in words: the answer a recall coordinator needs first."""
    match Disposition(disposition):
        case Disposition.ADMINISTERED:
            return f"administered to {patient or '?'}"
        case Disposition.IN_TRANSIT:
            return f"in transit ({shipment or '?'})"
        case Disposition.IN_STOCK:
            return f"{site or ''} {place or 'unplaced'}".strip()
        case Disposition.AT_HOSPITAL | Disposition.THAWED as where:
            return f"{site or ''} ({where.value})"
        case other:
            return other.value


def _shipments(conn: Connection, moving: list[int]) -> dict[int, str]:
    if not moving:
        return {}
    return dict(
        conn.execute(
            select(ShipmentItem.unit_id, Shipment.code)
            .join(Shipment, Shipment.id == ShipmentItem.shipment_id)
            .where(ShipmentItem.unit_id.in_(moving))
        ).all()
    )


def _locations(
    session: Session, units: Iterable[ProductUnit], given: dict[int, int]
) -> dict[int, str]:
    """Where each (ORM) unit is now, in words; used by the recall report."""
    units = list(units)
    conn = session.connection()
    ids = [u.id for u in units]
    place = aliased(StorageLocation)
    where = {
        row.id: row
        for row in conn.execute(
            select(ProductUnit.id, Site.code.label("site"), place.code.label("place"))
            .outerjoin(Site, Site.id == ProductUnit.site_id)
            .outerjoin(place, place.id == ProductUnit.storage_location_id)
            .where(ProductUnit.id.in_(ids))
        )
    }
    patients = dict(
        conn.execute(
            select(Recipient.id, Recipient.code).where(Recipient.id.in_(set(given.values())))
        ).all()
    )
    shipments = _shipments(conn, [u.id for u in units if u.disposition is Disposition.IN_TRANSIT])
    return {
        u.id: location_text(
            u.disposition,
            where[u.id].site if u.id in where else None,
            where[u.id].place if u.id in where else None,
            patients.get(given.get(u.id, 0)),
            shipments.get(u.id),
        )
        for u in units
    }
