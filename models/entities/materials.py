"""Suppliers, material lots and their use per batch, and retained samples (§2.9, §2.23)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.entities.base import Base, str_enum, utcnow


class Supplier(Base):
    """A supplier may only deliver once QA has approved it (R-MAT-06)."""

    __tablename__ = "supplier"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    manufacturer: Mapped[str | None] = mapped_column(String(200))
    approved: Mapped[bool] = mapped_column(default=False)
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None]
    approval_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LotStatus(enum.StrEnum):
    QUARANTINE = "quarantine"
    RELEASED = "released"
    REJECTED = "rejected"


class MaterialLot(Base):
    """One receipt of one material (D05 §28 receipt record, R-MAT-02)."""

    __tablename__ = "material_lot"

    id: Mapped[int] = mapped_column(primary_key=True)
    internal_lot: Mapped[str] = mapped_column(String(40), unique=True)  # e.g. M-2503
    material_code: Mapped[str] = mapped_column(String(40), index=True)
    material_name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40))  # medium, enzyme, cryoprotectant …
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id"))
    supplier_lot: Mapped[str] = mapped_column(String(64))
    quantity_received: Mapped[float]
    quantity_remaining: Mapped[float]
    quantity_unit: Mapped[str] = mapped_column(String(20))
    containers: Mapped[int] = mapped_column(default=1)
    coa_ref: Mapped[str | None] = mapped_column(String(200))
    received_at: Mapped[datetime]
    received_by: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime]
    status: Mapped[LotStatus] = mapped_column(str_enum(LotStatus), default=LotStatus.QUARANTINE)
    contains_beta_lactam: Mapped[bool] = mapped_column(default=False)  # prohibited (R-MAT-08)
    remarks: Mapped[str | None] = mapped_column(Text)
    released_by: Mapped[str | None] = mapped_column(String(64))
    released_at: Mapped[datetime | None]
    release_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))
    supplier: Mapped[Supplier] = relationship()


class MaterialUsage(Base):
    """Lot → batch: how a bad reagent lot traces to every batch and recipient."""

    __tablename__ = "material_usage"

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("material_lot.id"), index=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)
    quantity: Mapped[float]
    used_by: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime]
    override_reason: Mapped[str | None] = mapped_column(String(500))  # FEFO overridden
    # The workspace the batch was open in when the material was used (R-LBL-11, R-SEG-01).
    workspace_id: Mapped[int | None] = mapped_column(ForeignKey("workspace.id"))


class RetainedSampleStatus(enum.StrEnum):
    RETAINED = "retained"
    DISPOSED = "disposed"


class RetainedSample(Base):
    """A retained sample (留样), kept until ≥ 3 months after treatment ends (R-RET-01)."""

    __tablename__ = "retained_sample"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)
    sample_type: Mapped[str] = mapped_column(String(80))
    quantity: Mapped[int]
    location: Mapped[str] = mapped_column(String(200))
    stored_at: Mapped[datetime]
    stored_by: Mapped[str] = mapped_column(String(64))
    treatment_end_at: Mapped[datetime | None]  # end of the recipients' course, when recorded
    status: Mapped[RetainedSampleStatus] = mapped_column(
        str_enum(RetainedSampleStatus), default=RetainedSampleStatus.RETAINED
    )
    disposed_at: Mapped[datetime | None]
    disposed_by: Mapped[str | None] = mapped_column(String(64))
    disposal_method: Mapped[str | None] = mapped_column(String(200))
    disposal_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))
