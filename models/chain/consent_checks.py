"""The one question every service asks before it touches a donor's material or data: does the
donor's current consent cover this use, and is nothing holding it (R-DON-11, R-DON-12)?"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain.consent_errors import (
    ConsentHoldError,
    ConsentMissingError,
    ConsentNotCoveredError,
    ConsentWithdrawnError,
)
from models.chain.consent_scope import LEGAL_AGE, ConsentScope, SignerKind, Trigger, parse_scope
from models.chain.genealogy_sql import donors_of_batches
from models.entities.consent import ConsentHold
from models.entities.parties import Consent, Donor, DonorIdentity, DonorType
from models.entities.production import Batch
from models.kernel.audit import AuditAction
from models.kernel.unit_of_work import UnitOfWork


def current_consent(session: Session, donor_id: int) -> Consent | None:
    """The newest version nobody superseded (withdrawn or not)."""
    superseded = select(Consent.supersedes_id).where(Consent.supersedes_id.is_not(None))
    return session.scalar(
        select(Consent)
        .where(Consent.donor_id == donor_id, Consent.id.not_in(superseded))
        .order_by(Consent.id.desc())
        .limit(1)
    )


def open_holds(session: Session, donor_id: int) -> list[ConsentHold]:
    return list(
        session.scalars(
            select(ConsentHold)
            .where(ConsentHold.donor_id == donor_id, ConsentHold.cleared_at.is_(None))
            .order_by(ConsentHold.id)
        )
    )


def came_of_age(session: Session, consent: Consent, today: date) -> bool:
    """A guardian signed for a minor who has since reached legal capacity: they must sign."""
    if consent.signer_kind != SignerKind.LEGAL_GUARDIAN:
        return False
    born = session.scalar(
        select(DonorIdentity.birth_date).where(DonorIdentity.donor_id == consent.donor_id)
    )
    return born is not None and _adult_on(born, today)


def _adult_on(born: date, today: date) -> bool:
    try:
        birthday = born.replace(year=born.year + LEGAL_AGE)
    except ValueError:  # born on 29 February: of age on 1 March
        birthday = date(born.year + LEGAL_AGE, 3, 1)
    return birthday <= today


def hold_triggers(session: Session, donor_id: int, now: datetime) -> list[Trigger]:
    """Every reason the donor's material is on hold until re-consent (empty = none)."""
    triggers = [Trigger(h.trigger) for h in open_holds(session, donor_id)]
    consent = current_consent(session, donor_id)
    if consent is not None and came_of_age(session, consent, now.date()):
        triggers.append(Trigger.LEGAL_CAPACITY)
    return triggers


def use_of(donor: Donor) -> ConsentScope:
    """What a collection is for: an allogeneic donor donates; an autologous patient is treated."""
    return (
        ConsentScope.TREATMENT
        if donor.donor_type is DonorType.AUTOLOGOUS
        else ConsentScope.DONATION
    )


def require_consent(
    session: Session, donor: Donor, scope: ConsentScope, action: str, now: datetime
) -> Consent:
    """The consent that covers ``scope`` for ``action``, or the refusal that says why not."""
    consent = current_consent(session, donor.id)
    if consent is None:
        raise ConsentMissingError(donor=donor.code, action=action)
    if consent.withdrawn_at is not None:
        raise ConsentWithdrawnError(
            donor=donor.code, date=f"{consent.withdrawn_at:%Y-%m-%d}", action=action
        )
    triggers = hold_triggers(session, donor.id, now)
    if triggers:
        raise ConsentHoldError(donor=donor.code, trigger=triggers[0].value, action=action)
    if scope not in parse_scope(consent.scope):
        raise ConsentNotCoveredError(
            donor=donor.code, version=consent.form_version, scope=scope.value, action=action
        )
    return consent


def source_donors(session: Session, batch: Batch) -> list[Donor]:
    """The donors whose material a batch is made of (through every pooled source)."""
    return donors_of_batches(session, [batch.id])


def raise_hold(
    uow: UnitOfWork,
    donor: Donor,
    trigger: Trigger,
    detail: str,
    actor: str,
    **noted: str,
) -> ConsentHold:
    """Hold the donor's material until re-consent (audited; ``noted`` joins the entry)."""
    hold = ConsentHold(
        donor_id=donor.id,
        trigger=trigger.value,
        detail=detail.strip()[:500],
        raised_at=uow.clock(),
        raised_by=actor,
    )
    uow.session.add(hold)
    uow.session.flush()
    uow.audit.record(
        AuditAction.CREATE,
        actor=actor,
        subject_type="consent_hold",
        subject_id=hold.id,
        new={"donor": donor.code, "trigger": trigger.value, **noted},
        reason=detail,
    )
    return hold
