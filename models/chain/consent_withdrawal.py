"""Withdrawal of consent: hold every unit and retained sample of the donor not yet administered,
list each with where it is (the trace), and record its fate (R-DON-11)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain import lookup
from models.chain.consent_scope import Fate
from models.chain.recall import affected_units
from models.chain.trace_nodes import _locations
from models.entities.consent import WithdrawalItem
from models.entities.materials import RetainedSample, RetainedSampleStatus
from models.entities.parties import Donor
from models.entities.production import Batch, Collection, Disposition

CLOSED = (Disposition.ADMINISTERED, Disposition.DESTROYED, Disposition.TRANSFORMED)
# Retained samples are kept for the retention period whatever the donor says (R-RET-01).
RETENTION = "R-RET-01"


@dataclass(frozen=True)
class HeldItem:
    kind: str
    code: str
    location: str
    fate: str
    reason: str | None


def hold_material(
    session: Session, consent_id: int, donor_code: str, kept_by_law: Mapping[str, str]
) -> list[HeldItem]:
    """Put the donor's open units on hold and write one WithdrawalItem per unit and sample.

    ``kept_by_law`` names units kept for a legal reason (code → reason); the rest are to be
    destroyed. Retained samples are always kept for their retention period."""
    items: list[HeldItem] = []
    units = [
        u
        for u in affected_units(session, donor_code)
        if u.disposition not in CLOSED and u.voided_reason is None
    ]
    where = _locations(session, units, {})
    for unit in units:
        code = lookup.unit_code(unit)
        unit.hold_reason = f"consent withdrawn ({donor_code})"
        reason = kept_by_law.get(code)
        fate = Fate.KEPT_BY_LAW if reason else Fate.DESTROY
        items.append(HeldItem("unit", code, where[unit.id], fate.value, reason))
    for sample in session.scalars(
        select(RetainedSample)
        .join(Batch, Batch.id == RetainedSample.batch_id)
        .join(Collection, Collection.id == Batch.collection_id)
        .join(Donor, Donor.id == Collection.donor_id)
        .where(Donor.code == donor_code, RetainedSample.status == RetainedSampleStatus.RETAINED)
        .order_by(RetainedSample.id)
    ):
        items.append(
            HeldItem(
                "retained_sample", sample.code, sample.location, Fate.KEPT_BY_LAW.value, RETENTION
            )
        )
    for item in items:
        session.add(
            WithdrawalItem(
                consent_id=consent_id,
                kind=item.kind,
                code=item.code,
                location=item.location[:200],
                fate=item.fate,
                reason=item.reason,
            )
        )
    return items
