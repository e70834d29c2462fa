"""Material issue rules (R-MAT-03/04/08) and retained-sample retention (R-RET-01)."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from models.entities.materials import LotStatus

RETENTION_MONTHS = 3


class LotLike(Protocol):
    status: LotStatus
    expires_at: datetime
    received_at: datetime
    contains_beta_lactam: bool
    quantity_remaining: float


L = TypeVar("L", bound=LotLike)


def lot_block_reason(lot: LotLike, at: datetime) -> str | None:
    """Why the lot cannot be issued at ``at``, or None when it can."""
    if lot.contains_beta_lactam:
        return "contains a β-lactam antibiotic (prohibited, R-MAT-08)"
    if lot.status is LotStatus.REJECTED:
        return "lot is rejected"
    if lot.status is not LotStatus.RELEASED:
        return "lot is not released by QA (R-MAT-04)"
    if lot.expires_at <= at:
        return f"lot expired on {lot.expires_at:%Y-%m-%d}"
    if lot.quantity_remaining <= 0:
        return "lot is used up"
    return None


def fefo_pick(lots: Sequence[L], at: datetime) -> L | None:
    """First-expiry-first-out, then first-in-first-out, among lots that may be issued."""
    usable = [lot for lot in lots if lot_block_reason(lot, at) is None]
    usable.sort(key=lambda lot: (lot.expires_at, lot.received_at))
    return usable[0] if usable else None


def add_months(moment: datetime, months: int) -> datetime:
    """Calendar months, clamping the day (30 Nov + 3 months = 28/29 Feb)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def keep_until(treatment_ends: Sequence[datetime | None]) -> datetime | None:
    """Earliest disposal: 3 months after the latest known treatment end; None if none known."""
    known = [end for end in treatment_ends if end is not None]
    return add_months(max(known), RETENTION_MONTHS) if known else None
