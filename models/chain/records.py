"""One record's facts for the detail panel and the batch record export (read-only)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain.trace_tree import NodeRef, unit_status
from models.entities.logistics import Administration, Shipment, ShipmentItem, StorageLocation
from models.entities.parties import Donor, Recipient, ScreeningResult, Site
from models.entities.production import Batch, Collection, ProcessStep, ProductUnit
from models.entities.quality import QcResult
from models.kernel.audit_queries import Subject
from models.kernel.errors import NotFoundError
from models.kernel.record_version import versions_of

Value = str | int | float | datetime | None
T = TypeVar("T")


@dataclass(frozen=True)
class StepRow:
    id: int
    name: str
    performed_by: str
    performed_at: datetime
    verified_by: str | None
    verified_at: datetime | None
    voided_reason: str | None
    version: int = 0  # as read: verifying it refuses if it moved since (record_version)

    @classmethod
    def of(cls, s: ProcessStep, versions: Mapping[str, int] | None = None) -> StepRow:
        """The row the batch record and the cleanroom step list both show for one step."""
        return cls(
            s.id,
            s.name,
            s.performed_by,
            s.performed_at,
            s.verified_by,
            s.verified_at,
            s.voided_reason,
            (versions or {}).get(str(s.id), 0),
        )

    @classmethod
    def all_of(cls, session: Session, steps: Iterable[ProcessStep]) -> tuple[StepRow, ...]:
        """The rows of ``steps``, each with its version (one query for all)."""
        rows = list(steps)
        versions = versions_of(session, "process_step", [s.id for s in rows])
        return tuple(cls.of(s, versions) for s in rows)


@dataclass(frozen=True)
class RecordDetail:
    """``fields`` keys are stable English ids; the GUI translates them for display."""

    ref: NodeRef
    identifier: str
    status: str | None
    fields: tuple[tuple[str, Value], ...]
    subjects: tuple[Subject, ...]  # audit-trail subjects that belong to this record
    steps: tuple[StepRow, ...] = ()
    qc: tuple[tuple[str, str, str], ...] = ()  # (test, value, verdict)


def record_detail(session: Session, ref: NodeRef) -> RecordDetail:
    loaders = {
        "donor": _donor,
        "collection": _collection,
        "batch": _batch,
        "unit": _unit,
        "recipient": _recipient,
    }
    return loaders[ref.kind](session, ref)


def _get(session: Session, cls: type[T], ref: NodeRef) -> T:
    obj = session.get(cls, ref.id)
    if obj is None:
        raise NotFoundError(kind=ref.kind, ident=ref.id)
    return obj


def _donor(session: Session, ref: NodeRef) -> RecordDetail:
    donor = _get(session, Donor, ref)
    tests = session.scalars(
        select(ScreeningResult)
        .where(ScreeningResult.donor_id == donor.id)
        .order_by(ScreeningResult.sampled_at)
    ).all()
    fields: list[tuple[str, Value]] = [
        ("Donor type", donor.donor_type.value),
        ("Eligibility", donor.eligibility.value),
        ("ABO/Rh", donor.abo_rh),
        ("Registered", donor.registered_at),
    ]
    fields += [(t.test, f"{t.outcome.value} · {t.sampled_at:%Y-%m-%d}") for t in tests]
    subjects = [("donor", donor.code)]
    subjects += [("screening_result", f"{donor.code}/{t.test}") for t in tests]
    return RecordDetail(
        ref, donor.code, donor.eligibility.value, tuple(fields), tuple(dict.fromkeys(subjects))
    )


def _collection(session: Session, ref: NodeRef) -> RecordDetail:
    col = _get(session, Collection, ref)
    site = session.get(Site, col.site_id) if col.site_id else None
    fields: tuple[tuple[str, Value], ...] = (
        ("Donor", col.donor.code),
        ("Material", col.material),
        ("Quantity", col.quantity),
        ("Collection site", site.name if site else None),
        ("Collected", col.collected_at),
        ("Received", col.received_at),
        ("Received by", col.received_by),
        ("Transport temperature (°C)", col.transport_temp_c),
        (
            "Accepted",
            {True: "yes", False: "no"}.get(col.accepted) if col.accepted is not None else None,
        ),
    )
    status = None if col.accepted is None else ("accepted" if col.accepted else "rejected")
    return RecordDetail(ref, col.code, status, fields, (("collection", col.code),))


def _batch(session: Session, ref: NodeRef) -> RecordDetail:
    batch = _get(session, Batch, ref)
    steps = StepRow.all_of(
        session,
        session.scalars(
            select(ProcessStep)
            .where(ProcessStep.batch_id == batch.id)
            .order_by(ProcessStep.performed_at)
        ),
    )
    qc = tuple(
        (q.test, f"{q.value_text} {q.unit or ''}".strip(), q.verdict.value)
        for q in session.scalars(select(QcResult).where(QcResult.batch_id == batch.id))
    )
    units = session.scalars(select(ProductUnit.id).where(ProductUnit.batch_id == batch.id)).all()
    fields: tuple[tuple[str, Value], ...] = (
        ("Product", f"{batch.product_type.code} {batch.product_type.name_en}"),
        ("Product (Chinese)", batch.product_type.name_zh),
        ("Collection", batch.collection.code if batch.collection else None),
        ("Chain-of-identity ID", batch.coi_id),
        ("Workspace", batch.workspace),
        ("Harvest", batch.harvest_at),
        ("Created", batch.created_at),
        ("Created by", batch.created_by),
        ("Units", len(units)),
    )
    subjects = [("batch", batch.number)]
    for step in steps:
        subjects += [
            ("process_step", str(step.id)),
            ("process_step", f"{batch.number}/{step.name}"),
        ]
    return RecordDetail(ref, batch.number, batch.status.value, fields, tuple(subjects), steps, qc)


def _unit(session: Session, ref: NodeRef) -> RecordDetail:
    unit = _get(session, ProductUnit, ref)
    location = (
        session.get(StorageLocation, unit.storage_location_id) if unit.storage_location_id else None
    )
    shipments = session.scalars(
        select(Shipment.code).join(ShipmentItem).where(ShipmentItem.unit_id == unit.id)
    ).all()
    fields: tuple[tuple[str, Value], ...] = (
        ("Batch", unit.batch.number),
        ("Product code", f"{unit.product_code} / {unit.division}"),
        ("Container", unit.container_type),
        ("Cell count", unit.cell_count),
        ("Volume (mL)", unit.volume_ml),
        ("Expires", unit.expires_at),
        ("Disposition", unit.disposition.value),
        ("Storage location", location.code if location else None),
        ("Shipments", ", ".join(shipments) or None),
    )
    subjects = (("product_unit", unit.din), ("administration", unit.din))
    return RecordDetail(ref, unit.din, unit_status(unit), fields, subjects)


def _recipient(session: Session, ref: NodeRef) -> RecordDetail:
    rec = _get(session, Recipient, ref)
    hospital = session.get(Site, rec.hospital_id) if rec.hospital_id else None
    given = session.execute(
        select(
            ProductUnit.din,
            Administration.started_at,
            Administration.administered_by,
            Administration.verified_by,
        )
        .join(Administration, Administration.unit_id == ProductUnit.id)
        .where(Administration.recipient_id == rec.id)
        .order_by(Administration.started_at)
    )
    fields: list[tuple[str, Value]] = [
        ("Initials", rec.initials),
        ("Enrolment number", rec.enrolment_no),
        ("Hospital", hospital.name if hospital else None),
    ]
    for din, at, by, checked in given:
        fields += [("Administered", f"{din} · {by} / {checked}"), ("Administered at", at)]
    return RecordDetail(ref, rec.code, None, tuple(fields), (("recipient", rec.code),))
