"""The bedside check (三查七对, R-DC-04, R-HOS-04/06) as a pure function of scanned facts.

Kept free of the database so every hard stop can be tested exhaustively and the GUI can
show the same verdict before the nurse confirms.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from models.entities.production import Disposition, QualityStatus
from models.i18n import render


class BedsideProblem(enum.StrEnum):
    UNKNOWN_PRODUCT = "unknown_product"
    UNKNOWN_RECIPIENT = "unknown_recipient"
    WRONG_RECIPIENT = "wrong_recipient"
    NOT_DISPENSED = "not_dispensed"
    NOT_RELEASED = "not_released"
    RECALLED = "recalled"
    ON_HOLD = "on_hold"
    VOIDED = "voided"
    EXPIRED = "expired"
    NOT_THAWED = "not_thawed"
    POST_THAW_EXPIRED = "post_thaw_expired"
    NOT_AVAILABLE = "not_available"
    WRONG_HOSPITAL = "wrong_hospital"


# Each problem reads as the catalogue's bedside.<problem>.


@dataclass(frozen=True)
class UnitFacts:
    code: str
    quality_status: QualityStatus
    disposition: Disposition
    recalled: bool
    on_hold: bool
    voided: bool
    expires_at: datetime | None
    needs_thaw: bool
    use_by: datetime | None  # end of thaw + post-thaw limit; None if not thawed
    intended_recipient: str | None
    autologous_recipients: frozenset[str]  # recipients whose own cells these are
    site: str | None = None  # code of the site holding the unit now (None while in transit)


@dataclass(frozen=True)
class BedsideVerdict:
    unit: str
    recipient: str
    problems: tuple[BedsideProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self, lang: str = "en") -> str:
        return "; ".join(render(f"bedside.{p.value}", lang) for p in self.problems)


def bedside_verdict(
    unit: UnitFacts | None,
    recipient: str | None,
    now: datetime,
    scanned: str = "?",
    recipient_hospital: str | None = None,
) -> BedsideVerdict:
    """Every reason not to administer; administration is allowed only when there is none.

    ``recipient_hospital`` is the code of the hospital the recipient is registered at: a unit
    held at any other site is a hard stop, as is a recipient registered nowhere."""
    if unit is None or recipient is None:
        problems = [BedsideProblem.UNKNOWN_PRODUCT] if unit is None else []
        problems += [BedsideProblem.UNKNOWN_RECIPIENT] if recipient is None else []
        return BedsideVerdict(unit.code if unit else scanned, recipient or "?", tuple(problems))
    problems = _identity(unit, recipient) + _state(unit, now)
    at_site = unit.disposition in (Disposition.AT_HOSPITAL, Disposition.THAWED)
    if at_site and unit.site != recipient_hospital:
        problems.append(BedsideProblem.WRONG_HOSPITAL)
    return BedsideVerdict(unit.code, recipient, tuple(problems))


def _identity(unit: UnitFacts, recipient: str) -> list[BedsideProblem]:
    if unit.autologous_recipients:
        return [] if recipient in unit.autologous_recipients else [BedsideProblem.WRONG_RECIPIENT]
    if unit.intended_recipient is None:
        return [BedsideProblem.NOT_DISPENSED]
    return [] if unit.intended_recipient == recipient else [BedsideProblem.WRONG_RECIPIENT]


def _state(unit: UnitFacts, now: datetime) -> list[BedsideProblem]:
    checks = [
        (unit.voided, BedsideProblem.VOIDED),
        (unit.recalled, BedsideProblem.RECALLED),
        (
            unit.quality_status not in (QualityStatus.RELEASED, QualityStatus.EMERGENCY_RELEASED),
            BedsideProblem.NOT_RELEASED,
        ),
        (unit.on_hold, BedsideProblem.ON_HOLD),
        (unit.expires_at is not None and unit.expires_at <= now, BedsideProblem.EXPIRED),
        (
            unit.disposition not in (Disposition.AT_HOSPITAL, Disposition.THAWED),
            BedsideProblem.NOT_AVAILABLE,
        ),
        (unit.needs_thaw and unit.use_by is None, BedsideProblem.NOT_THAWED),
        (unit.use_by is not None and unit.use_by <= now, BedsideProblem.POST_THAW_EXPIRED),
    ]
    return [problem for failed, problem in checks if failed]
