"""Label templates (versioned, QA-approved), print jobs and every printed label."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.entities.base import Base, str_enum, utcnow


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
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None]
    retired_at: Mapped[datetime | None]


class PrintJobStatus(enum.StrEnum):
    REQUESTED = "requested"
    PRINTING = "printing"
    PRINTED = "printed"
    # sent, but the printer could not vouch for every label: a person scans what came out
    UNCONFIRMED = "unconfirmed"
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
    station: Mapped[str | None] = mapped_column(String(40), index=True)  # line clearance (R-LBL-11)
    # The operating space (workspace) the labels are applied in: one batch at a time there
    # (R-LBL-11), whichever station prints. NULL before workspaces were registered.
    workspace_id: Mapped[int | None] = mapped_column(ForeignKey("workspace.id"), index=True)
    unit_ids: Mapped[str | None] = mapped_column(Text)  # canonical JSON list, in print order
    printed_by: Mapped[str | None] = mapped_column(String(64))
    printed_at: Mapped[datetime | None]
    # A partial label's information sheet is printed as its own job, linked here (R-LBL-10).
    companion_of_id: Mapped[int | None] = mapped_column(ForeignKey("print_job.id"))
    # A verification mismatch stops the line until QA resumes it (R-LBL-06, S3).
    line_stopped: Mapped[bool] = mapped_column(default=False)
    deviation_id: Mapped[int | None] = mapped_column(ForeignKey("deviation.id"))


class LabelState(enum.StrEnum):
    SENDING = "sending"  # archived and handed to the printer; outcome not yet recorded
    UNSENT = "unsent"  # the printer failed before this label; never counted as printed
    # job bytes reached (or may have reached) the printer, which did not confirm the label:
    # neither printed nor free to print again until a person scans what came out
    UNCONFIRMED = "unconfirmed"
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
    printed_at: Mapped[datetime | None]
    reprint_of_id: Mapped[int | None] = mapped_column(ForeignKey("printed_label.id"))
    verification_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))
    applied_by: Mapped[str | None] = mapped_column(String(64))
    applied_at: Mapped[datetime | None]
    voided_by: Mapped[str | None] = mapped_column(String(64))
    voided_at: Mapped[datetime | None]
    destruction_witness: Mapped[str | None] = mapped_column(String(64))
