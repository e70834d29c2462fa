"""Consent versions entered and e-signed at a station, re-consent holds and withdrawal
(R-DON-11, R-DON-12, R-PRV-04)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from models.chain import lookup
from models.chain.consent_checks import _adult_on, current_consent, open_holds, raise_hold
from models.chain.consent_errors import ConsentMissingError, ConsentWithdrawnError
from models.chain.consent_scope import ConsentScope, SignerKind, Trigger, scope_text
from models.chain.consent_withdrawal import HeldItem, hold_material
from models.chain.errors import ReasonRequiredError
from models.entities.accounts import Role, SignatureMeaning
from models.entities.parties import Consent, DonorIdentity
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService
from models.kernel.audit import AuditAction
from models.kernel.errors import ValidationError
from models.kernel.unit_of_work import UowFactory

# Consent is taken where the donor or patient is: clinical staff, or QA/operators on their behalf.
ENTRY_ROLES = (Role.CLINICAL, Role.OPERATOR, Role.QA, Role.QA_HEAD)
HOLD_ROLES = (Role.QA, Role.QA_HEAD)


@dataclass(frozen=True)
class ConsentInput:
    donor_code: str
    form_version: str
    signed_on: datetime
    signer_kind: SignerKind
    signer_name: str
    scopes: Iterable[ConsentScope]
    protocol: str | None = None


@dataclass(frozen=True)
class ConsentVersion:
    id: int
    form_version: str
    protocol: str | None
    signed_at: datetime
    signer_kind: str
    signer_name: str
    scope: tuple[str, ...]
    supersedes_id: int | None
    withdrawn_at: datetime | None


@dataclass(frozen=True)
class ConsentFile:
    donor: str
    versions: tuple[ConsentVersion, ...]
    holds: tuple[str, ...]


class ConsentService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def record(self, *, actor: str, password: str, data: ConsentInput) -> int:
        """A new version; it supersedes the donor's current one and clears open holds."""
        if not data.form_version.strip() or not data.signer_name.strip():
            raise ValidationError(field="consent", reason="form version and signer")
        scope = scope_text(data.scopes)
        signer = self._signatures.reauthenticate(actor, password, SignatureMeaning.PERFORMED)
        with self._uow() as uow:
            require_actor(uow.session, actor, ENTRY_ROLES, "record consent")
            donor = lookup.donor(uow.session, data.donor_code)
            if data.signed_on > uow.clock():
                raise ValidationError(field="signed", reason="in the future")
            born = uow.session.scalar(
                select(DonorIdentity.birth_date).where(DonorIdentity.donor_id == donor.id)
            )
            _check_signer(data.signer_kind, born, data.signed_on.date())
            previous = current_consent(uow.session, donor.id)
            consent = Consent(
                donor_id=donor.id,
                form_version=data.form_version.strip(),
                scope=scope,
                signed_at=data.signed_on,
                signer_kind=data.signer_kind.value,
                signer_name=data.signer_name.strip(),
                protocol=(data.protocol or "").strip() or None,
                recorded_by=actor,
                recorded_at=uow.clock(),
                supersedes_id=previous.id if previous else None,
            )
            uow.session.add(consent)
            uow.session.flush()
            for hold in open_holds(uow.session, donor.id):
                hold.cleared_at, hold.cleared_by_consent_id = uow.clock(), consent.id
            content: dict[str, object] = {"donor": donor.code, "scope": scope}
            content |= {"version": consent.form_version}
            content |= {"signer": [consent.signer_kind, consent.signer_name]}
            self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.PERFORMED,
                subject_type="consent",
                subject_id=consent.id,
                content=content,
                allowed_roles=ENTRY_ROLES,
            )
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="consent",
                subject_id=consent.id,
                new={**content, "supersedes": consent.supersedes_id},
            )
            uow.commit()
            return consent.id

    def withdraw(
        self,
        *,
        actor: str,
        password: str,
        donor_code: str,
        reason: str,
        kept_by_law: Mapping[str, str] | None = None,
    ) -> list[HeldItem]:
        """Withdraw the current consent: every open unit and sample is held and listed."""
        if not reason.strip():
            raise ReasonRequiredError(action="Withdrawing_consent")
        signer = self._signatures.reauthenticate(actor, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            require_actor(uow.session, actor, ENTRY_ROLES, "withdraw consent")
            donor = lookup.donor(uow.session, donor_code)
            consent = current_consent(uow.session, donor.id)
            if consent is None:
                raise ConsentMissingError(donor=donor.code, action="withdrawal")
            if consent.withdrawn_at is not None:
                raise ConsentWithdrawnError(
                    donor=donor.code, date=f"{consent.withdrawn_at:%Y-%m-%d}", action="withdrawal"
                )
            consent.withdrawn_at, consent.withdrawn_by = uow.clock(), actor
            consent.withdrawal_reason = reason.strip()[:500]
            items = hold_material(uow.session, consent.id, donor.code, kept_by_law or {})
            content = {"donor": donor.code, "consent": consent.id, "items": [i.code for i in items]}
            self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.APPROVED,
                subject_type="consent",
                subject_id=consent.id,
                content=content,
                allowed_roles=ENTRY_ROLES,
                reason=reason,
            )
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="consent",
                subject_id=consent.id,
                new={**content, "fates": {i.code: i.fate for i in items}},
                reason=reason,
            )
            uow.commit()
            return items

    def require_reconsent(
        self, *, actor: str, donor_code: str, trigger: Trigger, detail: str
    ) -> int:
        """A protocol or scope change, or a use beyond scope: hold until the donor re-consents."""
        if not detail.strip():
            raise ReasonRequiredError(action="Requiring_re-consent")
        with self._uow() as uow:
            require_actor(uow.session, actor, HOLD_ROLES, "require re-consent")
            donor = lookup.donor(uow.session, donor_code)
            hold = raise_hold(uow, donor, trigger, detail, actor)
            uow.commit()
            return hold.id

    def show(self, donor_code: str) -> ConsentFile:
        with self._uow() as uow:
            donor = lookup.donor(uow.session, donor_code)
            rows = uow.session.scalars(
                select(Consent).where(Consent.donor_id == donor.id).order_by(Consent.id)
            )
            versions = tuple(
                ConsentVersion(
                    c.id,
                    c.form_version,
                    c.protocol,
                    c.signed_at,
                    c.signer_kind,
                    c.signer_name,
                    tuple(c.scope.split(",")),
                    c.supersedes_id,
                    c.withdrawn_at,
                )
                for c in rows
            )
            holds = tuple(h.trigger for h in open_holds(uow.session, donor.id))
            return ConsentFile(donor.code, versions, holds)


def _check_signer(kind: SignerKind, born: date | None, on: date) -> None:
    """A minor's consent is signed by a legal guardian; an adult signs for themselves."""
    if born is None:
        return
    adult = _adult_on(born, on)
    if not adult and kind is not SignerKind.LEGAL_GUARDIAN:
        raise ValidationError(field="signer", reason="a minor's consent needs a legal guardian")
    if adult and kind is SignerKind.LEGAL_GUARDIAN:
        raise ValidationError(field="signer", reason="an adult signs their own consent")
