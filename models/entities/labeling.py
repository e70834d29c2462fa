"""Label templates (versioned, QA-approved), print jobs and every printed label."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum, utcnow


class TemplateStatus(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    RETIRED = "retired"


class LabelTemplate(Base):
    """An edited template is a new version that needs its own approval (R-LBL-04, R-LBL-19)."""

    __tablename__ = "label_template"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    version: Mapped[int]
    container_type: Mapped[str] = mapped_column(String(24))
    partial: Mapped[bool] = mapped_column(default=False)  # needs an information sheet (R-LBL-10)
    layout: Mapped[str] = mapped_column(Text)  # canonical JSON layout
    status: Mapped[TemplateStatus] = mapped_column(
        str_enum(TemplateStatus), default=TemplateStatus.DRAFT
    )
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approval_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))


class PrintJobStatus(enum.StrEnum):
    REQUESTED = "requested"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class PrintJob(Base):
    __tablename__ = "print_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("label_template.id"))
    printer_address: Mapped[str] = mapped_column(String(200))
    status: Mapped[PrintJobStatus] = mapped_column(
        str_enum(PrintJobStatus), default=PrintJobStatus.REQUESTED
    )
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime]
    reprint_reason: Mapped[str | None] = mapped_column(String(500))
    reprint_approval_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))
    failure: Mapped[str | None] = mapped_column(String(500))


class LabelState(enum.StrEnum):
    PRINTED = "printed"
    VERIFIED = "verified"
    APPLIED = "applied"
    REJECTED = "rejected"
    VOIDED = "voided"
    DESTROYED = "destroyed"


class PrintedLabel(Base):
    """One physical label, archived exactly as printed."""

    __tablename__ = "printed_label"

    id: Mapped[int] = mapped_column(primary_key=True)
    print_job_id: Mapped[int] = mapped_column(ForeignKey("print_job.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("product_unit.id"), index=True)
    is_reprint: Mapped[bool] = mapped_column(default=False)
    state: Mapped[LabelState] = mapped_column(str_enum(LabelState), default=LabelState.PRINTED)
    content_json: Mapped[str] = mapped_column(Text)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    verified_by: Mapped[str | None] = mapped_column(String(64))
    verified_at: Mapped[datetime | None]
    void_reason: Mapped[str | None] = mapped_column(String(500))
    destroyed_by: Mapped[str | None] = mapped_column(String(64))
    destroyed_at: Mapped[datetime | None]
