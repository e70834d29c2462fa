"""Workspaces (cleanroom suites, biosafety cabinets), who occupies them and their line clearances.

R-SEG-01/02/03/05/06: a batch is processed in a workspace only after a verified line
clearance, one batch at a time, infectious material only in an infectious area (and never
the reverse).  The rules live in ``models.cleanroom.line_clearance``; this module is the
record:

- ``Workspace``: master data, created by admin or QA.
- ``LineClearance``: append-only; the checklist, the performer's and a different
  verifier's e-signatures, and the batch it clears (the one that last ended there).
- ``WorkspaceUse``: one stay of one batch in one workspace, started on exactly one
  clearance (``clearance_id`` is unique: a clearance is used up by the start it allows).
  Only ``ended_at``/``ended_by`` may ever be written after insert, once; the migration's
  triggers refuse anything else, and partial unique indexes allow one open stay per
  workspace and per batch even if two workstations race.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.entities.base import Base, utcnow
from models.entities.production import Batch


class Workspace(Base):
    __tablename__ = "workspace"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # e.g. C-201/BSC-02
    name: Mapped[str] = mapped_column(String(200))
    infectious_area: Mapped[bool] = mapped_column(default=False)  # 感染性样本制备间 (R-SEG-05)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))


class LineClearance(Base):
    """清场 record: every checklist item confirmed, performed and verified by two people."""

    __tablename__ = "line_clearance"
    __table_args__ = (UniqueConstraint("workspace_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"))
    # 1, 2, 3 … per workspace: the signatures and the audit trail name the clearance by
    # workspace and number (the row is append-only, so it cannot point back to them later).
    number: Mapped[int]
    # The batch that last ended in the workspace (None for a workspace never used before).
    previous_batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id"))
    previous_infectious: Mapped[bool] = mapped_column(default=False)
    checklist: Mapped[str] = mapped_column(Text)  # canonical JSON: item key → confirmed
    performed_by: Mapped[str] = mapped_column(String(64))
    performed_at: Mapped[datetime]
    performed_signature_id: Mapped[int] = mapped_column(ForeignKey("signature.id"))
    verified_by: Mapped[str] = mapped_column(String(64))
    verified_at: Mapped[datetime]
    verified_signature_id: Mapped[int] = mapped_column(ForeignKey("signature.id"))
    workspace: Mapped[Workspace] = relationship()
    previous_batch: Mapped[Batch | None] = relationship()


class WorkspaceUse(Base):
    """One batch's stay in one workspace, from the start a clearance allowed to its end."""

    __tablename__ = "workspace_use"
    __table_args__ = (
        Index(
            "ux_workspace_use_open_workspace",
            "workspace_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
        Index(
            "ux_workspace_use_open_batch",
            "batch_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)
    clearance_id: Mapped[int] = mapped_column(ForeignKey("line_clearance.id"), unique=True)
    started_at: Mapped[datetime]
    started_by: Mapped[str] = mapped_column(String(64))
    ended_at: Mapped[datetime | None]
    ended_by: Mapped[str | None] = mapped_column(String(64))
    workspace: Mapped[Workspace] = relationship()
    batch: Mapped[Batch] = relationship()
