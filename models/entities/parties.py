"""Donors, recipients, their consent and screening, and the sites they belong to.

Pseudonymous codes are what labels and most screens show; personal data sits in
separate ``*_identity`` tables so that it can be access-controlled, masked and
left out of exports without touching the chain of identity (privacy, R-PRV).
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.entities.base import Base, str_enum, utcnow


class SiteKind(enum.StrEnum):
    MANUFACTURER = "manufacturer"
    COLLECTION_SITE = "collection_site"
    HOSPITAL = "hospital"


class Site(Base):
    """A facility: our own (with its ISBT 128 facility code), a collection centre or a hospital."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[SiteKind] = mapped_column(str_enum(SiteKind))
    isbt_facility_code: Mapped[str | None] = mapped_column(String(5))
    qualified: Mapped[bool] = mapped_column(default=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")


class DonorType(enum.StrEnum):
    ALLOGENEIC = "allogeneic"
    AUTOLOGOUS = "autologous"


class Eligibility(enum.StrEnum):
    PENDING = "pending"
    PENDING_RETEST = "pending_retest"
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"


class Donor(Base):
    __tablename__ = "donor"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    donor_type: Mapped[DonorType] = mapped_column(str_enum(DonorType))
    eligibility: Mapped[Eligibility] = mapped_column(
        str_enum(Eligibility), default=Eligibility.PENDING
    )
    infectious: Mapped[bool] = mapped_column(default=False)
    abo_rh: Mapped[str | None] = mapped_column(String(8))
    hla_typing: Mapped[str | None] = mapped_column(String(200))
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    voided_reason: Mapped[str | None] = mapped_column(String(500))
    identity: Mapped[DonorIdentity | None] = relationship(back_populates="donor", uselist=False)
    screenings: Mapped[list[ScreeningResult]] = relationship(back_populates="donor")


class DonorIdentity(Base):
    __tablename__ = "donor_identity"

    donor_id: Mapped[int] = mapped_column(ForeignKey("donor.id"), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    national_id: Mapped[str | None] = mapped_column(String(64))
    contact: Mapped[str | None] = mapped_column(String(200))
    donor: Mapped[Donor] = relationship(back_populates="identity")


class Consent(Base):
    """One signed version of a donor's (or patient's) informed consent (R-DON-11, R-PRV-04).

    ``scope`` holds the covered uses as sorted words (models/chain/consent_scope.py). A new version
    names the one it supersedes; a version is never edited, only superseded or withdrawn."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("donor.id"), index=True)
    form_version: Mapped[str] = mapped_column(String(40))
    scope: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]
    signer_kind: Mapped[str] = mapped_column(String(24))
    signer_name: Mapped[str] = mapped_column(String(200))
    protocol: Mapped[str | None] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime]
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("consent.id"), unique=True)
    withdrawn_by: Mapped[str | None] = mapped_column(String(64))
    withdrawal_reason: Mapped[str | None] = mapped_column(String(500))
    donor: Mapped[Donor] = relationship()


class ScreeningOutcome(enum.StrEnum):
    NEGATIVE = "negative"
    POSITIVE = "positive"
    INDETERMINATE = "indeterminate"


class ScreeningResult(Base):
    """One infectious-disease (or other) donor screening test on one sample."""

    __tablename__ = "screening_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("donor.id"), index=True)
    test: Mapped[str] = mapped_column(String(40))  # e.g. HIV-1/2 Ab/Ag, HBsAg, NAT
    outcome: Mapped[ScreeningOutcome] = mapped_column(str_enum(ScreeningOutcome))
    blood_borne: Mapped[bool] = mapped_column(default=True)
    sampled_at: Mapped[datetime]
    laboratory: Mapped[str | None] = mapped_column(String(200))
    kit_lot: Mapped[str | None] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(String(64))
    donor: Mapped[Donor] = relationship(back_populates="screenings")


class Recipient(Base):
    """A patient/subject. Autologous recipients link to their own donor record."""

    __tablename__ = "recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    initials: Mapped[str] = mapped_column(String(10))
    enrolment_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    hospital_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    # autologous link; indexed because a trace walks donor → own recipient
    donor_id: Mapped[int | None] = mapped_column(ForeignKey("donor.id"), index=True)
    allergies: Mapped[str | None] = mapped_column(Text)
    weight_kg: Mapped[float | None]
    identity: Mapped[RecipientIdentity | None] = relationship(uselist=False)


class RecipientIdentity(Base):
    __tablename__ = "recipient_identity"

    recipient_id: Mapped[int] = mapped_column(ForeignKey("recipient.id"), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    medical_record_no: Mapped[str | None] = mapped_column(String(64))
