"""Collections, batches, process steps, product units and their genealogy.

Chain of identity: donor → collection → batch → units → (derived units) → recipients.
A batch comes from exactly one collection (so one donor, one collection event) unless
it is an explicit pool, whose constituents are listed in ``batch_source``.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.entities.base import Base, str_enum, utcnow
from models.entities.parties import Donor


class ProductCategory(enum.StrEnum):
    MSC = "msc"
    CAR_T = "car_t"
    IMMUNE_CELL = "immune_cell"
    OTHER = "other"


class ProductType(Base):
    """Catalogue entry: ISBT 128 product description code plus the label's fixed wording."""

    __tablename__ = "product_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)  # e.g. S1234 (cellular therapy)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200))
    category: Mapped[ProductCategory] = mapped_column(str_enum(ProductCategory))
    storage_condition_en: Mapped[str] = mapped_column(String(200))
    storage_condition_zh: Mapped[str] = mapped_column(String(200))
    shelf_life_hours: Mapped[int]
    post_thaw_minutes: Mapped[int | None]
    antibiotics: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


class Collection(Base):
    """One collection event of starting material from one donor (R-ID-05, R-BAT-01)."""

    __tablename__ = "collection"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("donor.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    material: Mapped[str] = mapped_column(String(80))  # cord tissue, leukapheresis, marrow …
    quantity: Mapped[str | None] = mapped_column(String(80))
    collected_at: Mapped[datetime]
    received_at: Mapped[datetime | None]
    received_by: Mapped[str | None] = mapped_column(String(64))
    transport_temp_c: Mapped[float | None]
    packaging_intact: Mapped[bool | None]
    label_complete: Mapped[bool | None]
    acceptance_window_hours: Mapped[int | None]
    accepted: Mapped[bool | None]
    # One chain-of-identity id per therapy: every collection of that therapy shares it.
    coi_id: Mapped[str | None] = mapped_column(String(40), index=True)
    voided_reason: Mapped[str | None] = mapped_column(String(500))
    donor: Mapped[Donor] = relationship()


class BatchStatus(enum.StrEnum):
    IN_PROCESS = "in_process"
    FILLED = "filled"
    QUARANTINE = "quarantine"
    RELEASED = "released"
    REJECTED = "rejected"
    RECALLED = "recalled"


class Batch(Base):
    __tablename__ = "batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    product_type_id: Mapped[int] = mapped_column(ForeignKey("product_type.id"))
    collection_id: Mapped[int | None] = mapped_column(ForeignKey("collection.id"), index=True)
    is_pool: Mapped[bool] = mapped_column(default=False)
    coi_id: Mapped[str | None] = mapped_column(String(40), index=True)  # chain-of-identity id
    status: Mapped[BatchStatus] = mapped_column(
        str_enum(BatchStatus), default=BatchStatus.IN_PROCESS
    )
    workspace: Mapped[str | None] = mapped_column(String(40))
    harvest_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    voided_reason: Mapped[str | None] = mapped_column(String(500))
    product_type: Mapped[ProductType] = relationship()
    collection: Mapped[Collection | None] = relationship()


class BatchSource(Base):
    """Constituent of a pooled batch: pools trace to every source batch (R-ID-06, R-BAT-03)."""

    __tablename__ = "batch_source"
    __table_args__ = (UniqueConstraint("pool_batch_id", "source_batch_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pool_batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)
    source_batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)


class ProcessStep(Base):
    """An operation on a batch, performed by one person and verified by a different one."""

    __tablename__ = "process_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    data: Mapped[str | None] = mapped_column(Text)  # canonical JSON of the recorded values
    performed_by: Mapped[str] = mapped_column(String(64))
    performed_at: Mapped[datetime]
    performed_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))
    verified_by: Mapped[str | None] = mapped_column(String(64))
    verified_at: Mapped[datetime | None]
    verified_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))
    voided_reason: Mapped[str | None] = mapped_column(String(500))


class QualityStatus(enum.StrEnum):
    QUARANTINE = "quarantine"
    RELEASED = "released"
    EMERGENCY_RELEASED = "emergency_released"
    REJECTED = "rejected"


class Disposition(enum.StrEnum):
    IN_STOCK = "in_stock"
    IN_TRANSIT = "in_transit"
    AT_HOSPITAL = "at_hospital"
    THAWED = "thawed"
    ADMINISTERED = "administered"
    TRANSFORMED = "transformed"  # split/pooled/relabelled into new codes; old code closed
    DESTROYED = "destroyed"


# What a product unit is filled into; each takes a label sized for it (R-LBL-07).
UNIT_CONTAINERS = ("cryobag", "cryovial", "syringe")


class ProductUnit(Base):
    """One container (bag, vial …) with its own never-reused ISBT 128 DIN + division."""

    __tablename__ = "product_unit"
    __table_args__ = (UniqueConstraint("din", "product_code", "division"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    din: Mapped[str] = mapped_column(String(16), index=True)  # the 13 DIN characters, no flags/K
    product_code: Mapped[str] = mapped_column(String(8))
    division: Mapped[str] = mapped_column(String(2), default="00")
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)
    container_type: Mapped[str] = mapped_column(String(24))
    cell_count: Mapped[float | None]
    volume_ml: Mapped[float | None]
    expires_at: Mapped[datetime | None]
    quality_status: Mapped[QualityStatus] = mapped_column(
        str_enum(QualityStatus), default=QualityStatus.QUARANTINE
    )
    disposition: Mapped[Disposition] = mapped_column(
        str_enum(Disposition), default=Disposition.IN_STOCK
    )
    recalled: Mapped[bool] = mapped_column(default=False)
    storage_location_id: Mapped[int | None] = mapped_column(ForeignKey("storage_location.id"))
    # Where the unit is now (our facility or a hospital) and whom it is dispensed for.
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    intended_recipient_id: Mapped[int | None] = mapped_column(
        ForeignKey("recipient.id"), index=True
    )
    # Set by a transport excursion or a site quarantine; blocks use until QA clears it.
    hold_reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    voided_reason: Mapped[str | None] = mapped_column(String(500))
    batch: Mapped[Batch] = relationship()


class LinkKind(enum.StrEnum):
    SPLIT = "split"
    ALIQUOT = "aliquot"
    POOL = "pool"
    RELABEL = "relabel"


class UnitLink(Base):
    """Genealogy edge parent → child; old and new codes stay linked forever (R-ID-04)."""

    __tablename__ = "unit_link"
    __table_args__ = (
        UniqueConstraint("parent_unit_id", "child_unit_id"),
        Index("ix_unit_link_child", "child_unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_unit_id: Mapped[int] = mapped_column(ForeignKey("product_unit.id"))
    child_unit_id: Mapped[int] = mapped_column(ForeignKey("product_unit.id"))
    kind: Mapped[LinkKind] = mapped_column(str_enum(LinkKind))
    reason: Mapped[str] = mapped_column(String(500))
    linked_at: Mapped[datetime]
    linked_by: Mapped[str] = mapped_column(String(64))
    # Where a manufacturer's split or pool was done (R-LBL-11: one batch per operating space);
    # NULL at a hospital, or before workspaces were registered.
    workspace_id: Mapped[int | None] = mapped_column(ForeignKey("workspace.id"))


class IdentifierSequence(Base):
    """Transactional counters (DIN sequence per facility and year, batch numbers …)."""

    __tablename__ = "identifier_sequence"
    __table_args__ = (UniqueConstraint("name", "scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    scope: Mapped[str] = mapped_column(String(40))
    next_value: Mapped[int] = mapped_column(default=1)
