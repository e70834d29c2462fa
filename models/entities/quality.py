"""QC results and deviations (specifications and release decisions build on these)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum, utcnow


class QcVerdict(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"
    PENDING = "pending"


class QcResult(Base):
    __tablename__ = "qc_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)
    test: Mapped[str] = mapped_column(String(60))
    method: Mapped[str | None] = mapped_column(String(120))
    value_text: Mapped[str] = mapped_column(String(120))
    value_num: Mapped[float | None]
    unit: Mapped[str | None] = mapped_column(String(40))
    verdict: Mapped[QcVerdict] = mapped_column(str_enum(QcVerdict))
    rapid_method: Mapped[bool] = mapped_column(default=False)
    instrument: Mapped[str | None] = mapped_column(String(80))
    resulted_at: Mapped[datetime]
    analyst: Mapped[str] = mapped_column(String(64))
    verified_by: Mapped[str | None] = mapped_column(String(64))
    voided_reason: Mapped[str | None] = mapped_column(String(500))


class DeviationStatus(enum.StrEnum):
    OPEN = "open"
    INVESTIGATION = "investigation"
    CAPA = "capa"
    CLOSED = "closed"


class Deviation(Base):
    __tablename__ = "deviation"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    classification: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[DeviationStatus] = mapped_column(
        str_enum(DeviationStatus), default=DeviationStatus.OPEN
    )
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("product_unit.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None]
