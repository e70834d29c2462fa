"""Specifications, QC results, deviations and release decisions (digest §2.16, §2.17, §2.26).

Release limits live in versioned, QA-approved ``Specification`` rows, never in code:
a new limit is a new specification version with its own approval signature.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.entities.base import Base, str_enum, utcnow


class QcVerdict(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"
    PENDING = "pending"


class SpecStatus(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    RETIRED = "retired"


class LimitKind(enum.StrEnum):
    MINIMUM = "minimum"  # value >= lower
    MAXIMUM = "maximum"  # value <= upper (or < upper when upper_exclusive)
    RANGE = "range"  # lower <= value <= upper
    EXPECTED = "expected"  # qualitative: value_text equals expected_text
    TAGME = "tagme"  # methylation PM score tiers (seed 000): < 60 / 60–80 / >= 80


class MethodKind(enum.StrEnum):
    RAPID = "rapid"
    COMPENDIAL = "compendial"
    ANY = "any"


class Specification(Base):
    """One version of the release specification of one product type."""

    __tablename__ = "specification"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    version: Mapped[int]
    product_type_id: Mapped[int] = mapped_column(ForeignKey("product_type.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[SpecStatus] = mapped_column(str_enum(SpecStatus), default=SpecStatus.DRAFT)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None]
    approval_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))
    tests: Mapped[list[SpecificationTest]] = relationship(
        back_populates="specification", order_by="SpecificationTest.position", lazy="selectin"
    )


class SpecificationTest(Base):
    """One release test with its acceptance limit and the document the limit comes from."""

    __tablename__ = "specification_test"
    __table_args__ = (UniqueConstraint("specification_id", "test"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    specification_id: Mapped[int] = mapped_column(ForeignKey("specification.id"))
    position: Mapped[int] = mapped_column(default=0)
    test: Mapped[str] = mapped_column(String(60))  # key QC results refer to, e.g. "sterility"
    limit_kind: Mapped[LimitKind] = mapped_column(str_enum(LimitKind))
    lower: Mapped[float | None]
    upper: Mapped[float | None]
    upper_exclusive: Mapped[bool] = mapped_column(default=False)
    expected_text: Mapped[str | None] = mapped_column(String(120))
    unit: Mapped[str | None] = mapped_column(String(40))
    method: Mapped[str | None] = mapped_column(String(120))
    method_kind: Mapped[MethodKind] = mapped_column(str_enum(MethodKind), default=MethodKind.ANY)
    # required: must pass before release; optional tests (e.g. compendial sterility behind a
    # rapid release) may still be pending, but any failing result blocks or recalls.
    required: Mapped[bool] = mapped_column(default=True)
    is_cell_count: Mapped[bool] = mapped_column(default=False)  # the only emergency-waivable test
    source: Mapped[str] = mapped_column(String(200))  # citation, e.g. "digest §4.1; 003 L364–369"
    specification: Mapped[Specification] = relationship(back_populates="tests")


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
    spec_test_id: Mapped[int | None] = mapped_column(ForeignKey("specification_test.id"))
    mutation_detected: Mapped[bool | None]  # TAGMe: a PM 60–80 score only matters with one
    evaluation: Mapped[str | None] = mapped_column(String(200))  # why the verdict is what it is
    is_post_release: Mapped[bool] = mapped_column(default=False)
    analyst_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))
    verified_at: Mapped[datetime | None]
    verifier_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))


class DeviationStatus(enum.StrEnum):
    OPEN = "open"
    INVESTIGATION = "investigation"
    CAPA = "capa"
    CLOSED = "closed"


class DeviationClass(enum.StrEnum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


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
    urgent: Mapped[bool] = mapped_column(default=False)  # report immediately (R-AE-04)
    qc_result_id: Mapped[int | None] = mapped_column(ForeignKey("qc_result.id"))
    material_lot_id: Mapped[int | None] = mapped_column(ForeignKey("material_lot.id"))
    investigation: Mapped[str | None] = mapped_column(Text)
    investigated_by: Mapped[str | None] = mapped_column(String(64))
    capa: Mapped[str | None] = mapped_column(Text)
    capa_by: Mapped[str | None] = mapped_column(String(64))
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closure_signature_id: Mapped[int | None] = mapped_column(ForeignKey("signature.id"))


class ReleaseKind(enum.StrEnum):
    STANDARD = "standard"
    RAPID = "rapid"  # released on rapid methods; compendial results still pending
    EMERGENCY = "emergency"  # cell count the only failure (R-REL-07)
    REJECTED = "rejected"


class ReleaseRecord(Base):
    """A QA disposition of one batch, bound by signature to the release package it saw."""

    __tablename__ = "release_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), index=True)
    kind: Mapped[ReleaseKind] = mapped_column(str_enum(ReleaseKind))
    specification_id: Mapped[int | None] = mapped_column(ForeignKey("specification.id"))
    decided_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime]
    signature_id: Mapped[int] = mapped_column(ForeignKey("signature.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
    failed_criteria: Mapped[str | None] = mapped_column(Text)  # canonical JSON list
    pending_tests: Mapped[str | None] = mapped_column(Text)  # canonical JSON list
    physician_name: Mapped[str | None] = mapped_column(String(200))
    physician_requested_at: Mapped[datetime | None]
    physician_justification: Mapped[str | None] = mapped_column(Text)
    package: Mapped[str] = mapped_column(Text)  # canonical JSON of exactly what was signed
