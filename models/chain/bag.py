"""The bag in the nurse's hand, before any wristband: what it is and whether it may be thawed.

The thaw's own rule (``thaw_blockers``) lives here so that the service that records a thaw
and the screen that offers the button read the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.chain.bedside import BedsideProblem, UnitFacts, bedside_verdict
from models.entities.logistics import Thaw
from models.entities.production import Disposition, ProductUnit

# Problems that only a wristband can settle (or that the thaw itself resolves): they do not
# stop a thaw.
_NOT_THAW_STOPS = frozenset(
    {
        BedsideProblem.WRONG_RECIPIENT,
        BedsideProblem.NOT_DISPENSED,
        BedsideProblem.NOT_THAWED,
        BedsideProblem.WRONG_HOSPITAL,
    }
)


@dataclass(frozen=True)
class BagFacts:
    """One unit as the bedside screen shows it, read at ``now`` (the core's clock)."""

    facts: UnitFacts
    product_en: str
    product_zh: str
    post_thaw_minutes: int | None  # None: not a frozen product
    thaw_started_at: datetime | None
    thaw_ended_at: datetime | None
    thawed_by: str | None
    thaw_blockers: tuple[str, ...]  # empty: a thaw may be recorded now
    now: datetime

    def product(self, lang: str) -> str:
        return self.product_zh if lang == "zh" else self.product_en


def thaw_blockers(
    facts: UnitFacts, post_thaw_minutes: int | None, now: datetime
) -> tuple[str, ...]:
    """Why this unit may not be thawed now (catalogue-free values the core reports)."""
    if post_thaw_minutes is None:
        return ("not a frozen product",)
    blocking = [
        p.value for p in bedside_verdict(facts, "-", now).problems if p not in _NOT_THAW_STOPS
    ]
    if blocking:
        return tuple(blocking)
    if facts.disposition is not Disposition.AT_HOSPITAL:
        return (facts.disposition.value,)
    return ()


def bag_facts(unit: ProductUnit, facts: UnitFacts, thaw: Thaw | None, now: datetime) -> BagFacts:
    product_type = unit.batch.product_type
    return BagFacts(
        facts=facts,
        product_en=product_type.name_en,
        product_zh=product_type.name_zh,
        post_thaw_minutes=product_type.post_thaw_minutes,
        thaw_started_at=thaw.started_at if thaw else None,
        thaw_ended_at=thaw.ended_at if thaw else None,
        thawed_by=thaw.performed_by if thaw else None,
        thaw_blockers=thaw_blockers(facts, product_type.post_thaw_minutes, now),
        now=now,
    )
