"""Storage, shipment with chain-of-custody events, hospital thaw, administration and recalls."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.entities.base import Base, str_enum, utcnow


class StorageLocation(Base):
    """A tank / rack / box position tree; infectious material has its own locations (R-SEG)."""

    __tablename__ = "storage_location"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("storage_location.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    temperature: Mapped[str | None] = mapped_column(String(40))
    infectious_only: Mapped[bool] = mapped_column(default=False)
    non_conforming: Mapped[bool] = mapped_column(default=False)


class ShipmentStatus(enum.StrEnum):
    PLANNED = "planned"
    DISPATCHED = "dispatched"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class Shipment(Base):
    __tablename__ = "shipment"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    destination_site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    container: Mapped[str | None] = mapped_column(String(40))
    logger_id: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[ShipmentStatus] = mapped_column(
        str_enum(ShipmentStatus), default=ShipmentStatus.PLANNED
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))


class ShipmentItem(Base):
    __tablename__ = "shipment_item"
    __table_args__ = (UniqueConstraint("shipment_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipment.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("product_unit.id"), index=True)


class CustodyEventKind(enum.StrEnum):
    DISPATCH = "dispatch"
    HANDOVER = "handover"
    DELAY = "delay"
    TEMPERATURE_EXCURSION = "temperature_excursion"
    RECEIPT = "receipt"
    STORED = "stored"
    MOVED = "moved"
    DESTROYED = "destroyed"  # witnessed destruction of a unit (models.chain.disposal)


class CustodyEvent(Base):
    """Who held which unit or shipment, when, at what temperature (chain of custody)."""

    __tablename__ = "custody_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CustodyEventKind] = mapped_column(str_enum(CustodyEventKind))
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipment.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("product_unit.id"), index=True)
    occurred_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(64))
    handed_to: Mapped[str | None] = mapped_column(String(200))
    temperature_c: Mapped[float | None]
    location_id: Mapped[int | None] = mapped_column(ForeignKey("storage_location.id"))
    note: Mapped[str | None] = mapped_column(Text)


class Thaw(Base):
    __tablename__ = "thaw"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("product_unit.id"), unique=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime]
    use_by: Mapped[datetime]
    performed_by: Mapped[str] = mapped_column(String(64))
    verified_by: Mapped[str | None] = mapped_column(String(64))
    viability_pct: Mapped[float | None]


class Administration(Base):
    """Bedside administration; recorded in the recipient's record (R-ID-15, R-DC-04)."""

    __tablename__ = "administration"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("product_unit.id"), unique=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("recipient.id"), index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    administered_by: Mapped[str] = mapped_column(String(64))
    verified_by: Mapped[str] = mapped_column(String(64))
    dose_note: Mapped[str | None] = mapped_column(String(200))


class Recall(Base):
    __tablename__ = "recall"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    reason: Mapped[str] = mapped_column(String(500))
    origin_identifier: Mapped[str] = mapped_column(String(64))
    initiated_by: Mapped[str] = mapped_column(String(64))
    initiated_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class RecallItem(Base):
    __tablename__ = "recall_item"
    __table_args__ = (UniqueConstraint("recall_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recall.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("product_unit.id"), index=True)
    location_at_recall: Mapped[str] = mapped_column(String(200))
    acknowledged_at: Mapped[datetime | None]
