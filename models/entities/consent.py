"""What follows from consent: re-consent holds, withdrawal lists and preparation requests.

The consent versions themselves are ``parties.Consent``; these tables record what the rules in
``models/chain/consent_*`` decided (R-DON-11, R-DON-12, R-RCV-01)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.entities.base import Base

if TYPE_CHECKING:
    from models.entities.parties import Consent
    from models.entities.production import Collection


class ConsentHold(Base):
    """A re-consent trigger: the donor's material is on hold until a new consent clears it."""

    __tablename__ = "consent_hold"

    id: Mapped[int] = mapped_column(primary_key=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("donor.id"), index=True)
    trigger: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(String(500))
    raised_at: Mapped[datetime]
    raised_by: Mapped[str] = mapped_column(String(64))
    cleared_at: Mapped[datetime | None]
    cleared_by_consent_id: Mapped[int | None] = mapped_column(ForeignKey("consent.id"))


class WithdrawalItem(Base):
    """One unit or retained sample held when consent was withdrawn: where it was, and its fate
    (destroyed, or kept because the law requires it, e.g. retention R-RET-01)."""

    __tablename__ = "consent_withdrawal_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    code: Mapped[str] = mapped_column(String(64))
    location: Mapped[str] = mapped_column(String(200))
    fate: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str | None] = mapped_column(String(500))


class PreparationRequest(Base):
    """The cell-preparation request that accompanies a collection (R-RCV-01)."""

    __tablename__ = "preparation_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collection.id"), unique=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id"))
    variant: Mapped[str] = mapped_column(String(16))
    donor_basics: Mapped[str] = mapped_column(Text)
    clinical_information: Mapped[str] = mapped_column(Text)
    screening_reference: Mapped[str] = mapped_column(String(200))
    treatment_plan: Mapped[str] = mapped_column(Text)
    patient_initials: Mapped[str | None] = mapped_column(String(10))
    enrolment_no: Mapped[str | None] = mapped_column(String(40))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime]
    collection: Mapped[Collection] = relationship()
    consent: Mapped[Consent] = relationship()
