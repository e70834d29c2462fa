"""Donors and recipients: registration, screening and the eligibility it implies (R-DON).

Eligibility is derived, never typed in: every screening result re-evaluates it, so a
positive blood-borne result can never be overlooked and a retest inside the window period
can never make a donor eligible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from models.chain import lookup
from models.entities.accounts import Role
from models.entities.parties import (
    Donor,
    DonorIdentity,
    DonorType,
    Eligibility,
    Recipient,
    RecipientIdentity,
    ScreeningOutcome,
    ScreeningResult,
)
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.errors import ValidationError
from models.kernel.unit_of_work import UowFactory

RETEST_INTERVAL = timedelta(days=90)  # window period, R-DON-05 / digest §4.2
REGISTRARS = (Role.OPERATOR, Role.QA)
CLINIC = (Role.CLINICAL, Role.OPERATOR, Role.QA)


@dataclass(frozen=True)
class Screening:
    outcome: ScreeningOutcome
    blood_borne: bool
    sampled_at: datetime


def evaluate_eligibility(
    donor_type: DonorType, results: Sequence[Screening]
) -> tuple[Eligibility, bool]:
    """(eligibility, infectious) from the screening history alone.

    Allogeneic: any non-negative blood-borne result → ineligible and infectious; all negative
    → pending retest until a negative blood-borne sample ≥ 90 days after the index sample.
    Autologous: usable whatever the result (R-DON-07), but a positive one flags the donor
    infectious so its material is segregated (S14).
    """
    blood = [r for r in results if r.blood_borne]
    infectious = any(r.outcome is not ScreeningOutcome.NEGATIVE for r in blood)
    if donor_type is DonorType.AUTOLOGOUS:
        return Eligibility.ELIGIBLE, infectious
    if infectious:
        return Eligibility.INELIGIBLE, True
    if not blood:
        return Eligibility.PENDING, False
    index = min(r.sampled_at for r in blood)
    retested = any(r.sampled_at - index >= RETEST_INTERVAL for r in blood)
    return (Eligibility.ELIGIBLE if retested else Eligibility.PENDING_RETEST), False


class DonorService:
    def __init__(self, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def register_donor(
        self,
        *,
        actor: str,
        code: str,
        donor_type: DonorType,
        full_name: str | None = None,
        abo_rh: str | None = None,
        hla_typing: str | None = None,
    ) -> None:
        with self._uow() as uow:
            require_actor(uow.session, actor, REGISTRARS, "register donors")
            _require_new(uow.session.scalar(select(Donor.id).where(Donor.code == code)), code)
            donor = Donor(
                code=code,
                donor_type=donor_type,
                abo_rh=abo_rh,
                hla_typing=hla_typing,
                eligibility=Eligibility.ELIGIBLE
                if donor_type is DonorType.AUTOLOGOUS
                else Eligibility.PENDING,
                registered_at=uow.clock(),
            )
            uow.session.add(donor)
            uow.session.flush()
            if full_name:  # personal data lives apart from the pseudonymous code (R-PRV)
                uow.session.add(DonorIdentity(donor_id=donor.id, full_name=full_name))
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="donor",
                subject_id=code,
                new={"type": donor_type.value, "eligibility": donor.eligibility.value},
            )
            uow.commit()

    def record_screening(
        self,
        *,
        actor: str,
        donor_code: str,
        test: str,
        outcome: ScreeningOutcome,
        sampled_at: datetime,
        blood_borne: bool = True,
        laboratory: str | None = None,
        kit_lot: str | None = None,
    ) -> Eligibility:
        """Record one result and return the donor's re-evaluated eligibility."""
        outcome = ScreeningOutcome(outcome)  # a plain string from the CLI or GUI is accepted
        with self._uow() as uow:
            require_actor(uow.session, actor, REGISTRARS, "record donor screening")
            donor = lookup.donor(uow.session, donor_code)
            if sampled_at > uow.clock():
                raise ValidationError(field="sample time", reason="it is in the future")
            uow.session.add(
                ScreeningResult(
                    donor_id=donor.id,
                    test=test,
                    outcome=outcome,
                    blood_borne=blood_borne,
                    sampled_at=sampled_at,
                    laboratory=laboratory,
                    kit_lot=kit_lot,
                    recorded_by=actor,
                )
            )
            uow.session.flush()
            old = (donor.eligibility.value, donor.infectious)
            history = [Screening(s.outcome, s.blood_borne, s.sampled_at) for s in donor.screenings]
            eligibility, infectious = evaluate_eligibility(donor.donor_type, history)
            donor.eligibility, donor.infectious = eligibility, donor.infectious or infectious
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="screening_result",
                subject_id=f"{donor_code}/{test}",
                new={"outcome": outcome.value, "sampled_at": sampled_at},
            )
            if old != (donor.eligibility.value, donor.infectious):
                uow.audit.record(
                    AuditAction.TRANSITION,
                    actor=actor,
                    subject_type="donor",
                    subject_id=donor_code,
                    old={"eligibility": old[0], "infectious": old[1]},
                    new={"eligibility": eligibility.value, "infectious": donor.infectious},
                )
            uow.commit()
            return eligibility

    def register_recipient(
        self,
        *,
        actor: str,
        code: str,
        initials: str,
        hospital_code: str,
        enrolment_no: str | None = None,
        autologous_donor: str | None = None,
        full_name: str | None = None,
        weight_kg: float | None = None,
    ) -> None:
        with self._uow() as uow:
            require_actor(uow.session, actor, CLINIC, "register recipients")
            _require_new(
                uow.session.scalar(select(Recipient.id).where(Recipient.code == code)), code
            )
            donor = lookup.donor(uow.session, autologous_donor) if autologous_donor else None
            recipient = Recipient(
                code=code,
                initials=initials,
                enrolment_no=enrolment_no,
                hospital_id=lookup.site(uow.session, hospital_code).id,
                donor_id=donor.id if donor else None,
                weight_kg=weight_kg,
            )
            uow.session.add(recipient)
            uow.session.flush()
            if full_name:
                uow.session.add(RecipientIdentity(recipient_id=recipient.id, full_name=full_name))
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="recipient",
                subject_id=code,
                new={"initials": initials, "enrolment_no": enrolment_no, "donor": autologous_donor},
            )
            uow.commit()


def _require_new(existing: int | None, code: str) -> None:
    if existing is not None:
        raise ValidationError(
            field="code", reason=f"{code!r} already exists; codes are never reused"
        )
