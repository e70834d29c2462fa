"""Controlled, witnessed destruction of non-conforming product units (GMP: 不合格品销毁).

A unit is destroyed by one person and witnessed by a *different* person, both signing with
their own password (meanings: performed, verified).  The stated reason must be true of the
unit: a rejected, recalled, expired or thawed-and-unusable unit is destroyed for that
reason by the staff of the place it is at (manufacturing staff at the manufacturer,
clinical staff at a hospital); a unit with none of those faults is destroyed as damaged or
for another reason, with a note, by QA at the manufacturer and by the hospital's clinical
staff at a hospital. Performer and witness both belong to the site holding the unit
(models/identity/sites.py).  Units that no longer exist as such
(administered, transformed into new codes, already destroyed) or that nobody holds (in
transit) are refused.  Infectious donors' units go the biohazard route.

Destruction sets the disposition to DESTROYED, frees the storage position and writes a
DESTROYED custody event whose note is the canonical JSON of the signed record.  Refused
attempts by authenticated users are audited too.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain import lookup
from models.chain.genealogy_sql import is_infectious
from models.entities.accounts import Role, SignatureMeaning, User
from models.entities.logistics import CustodyEvent, CustodyEventKind, StorageLocation, Thaw
from models.entities.parties import Site
from models.entities.production import Disposition, ProductUnit, QualityStatus
from models.i18n import Message, render, term
from models.identity.accounts import get_user
from models.identity.signatures import SignatureService, require_different_person
from models.identity.sites import require_held_by
from models.kernel.audit import AuditAction
from models.kernel.canonical import canonical_json
from models.kernel.errors import DomainError, NotFoundError, ValidationError
from models.kernel.record_version import RecordChangedError, claim, version_of
from models.kernel.unit_of_work import UnitOfWork, UowFactory

E = TypeVar("E", bound=enum.StrEnum)


class DestructionReason(enum.StrEnum):
    REJECTED = "rejected"  # the unit's quality status is rejected
    RECALLED = "recalled"  # the unit is flagged recalled
    EXPIRED = "expired"  # its expiry has passed
    THAW_EXPIRED = "thaw_expired"  # thawed: past its use-by, or not to be given (with a note)
    DAMAGED = "damaged"  # QA only, with a note
    OTHER = "other"  # QA only, with a note


class DestructionMethod(enum.StrEnum):
    CLINICAL_WASTE = "autoclave_incineration"
    BIOHAZARD = "biohazard_incineration"


# Reasons and methods read as the catalogue's words: destruction_reason.<value>,
# destruction_method.<value> (the GUI's choices show the same words).

MANUFACTURING_STAFF = (Role.OPERATOR, Role.QA, Role.QA_HEAD)
CLINICAL_STAFF = (Role.CLINICAL,)
QA_DECIDERS = (Role.QA, Role.QA_HEAD)
WITNESSES_AT_MANUFACTURER = (Role.OPERATOR, Role.VERIFIER, Role.QA, Role.QA_HEAD)
WITNESSES_AT_HOSPITAL = (Role.CLINICAL, Role.VERIFIER, Role.QA)
QA_REASONS = frozenset({DestructionReason.DAMAGED, DestructionReason.OTHER})
AT_HOSPITAL = frozenset({Disposition.AT_HOSPITAL, Disposition.THAWED})
MAX_NOTE = 1000

# Why a unit cannot be destroyed at all, whatever the reason (destruction_problem.<code>).
_STATE_PROBLEMS: dict[Disposition, str] = {
    Disposition.ADMINISTERED: "administered",
    Disposition.TRANSFORMED: "transformed",
    Disposition.DESTROYED: "already_destroyed",
    Disposition.IN_TRANSIT: "in_transit",
}


def _problem(code: str, **params: Any) -> Message:
    return Message.of(f"destruction_problem.{code}", **params)


class DestructionRefusedError(DomainError):
    """Root of every refused destruction; ``problem`` (a Message) says why."""

    code = "destruction_refused"


class UnitNotDestroyableError(DestructionRefusedError):
    code = "unit_not_destroyable"


class DestructionReasonError(DestructionRefusedError):
    code = "destruction_reason_untrue"


class DestructionNoteRequiredError(DestructionRefusedError):
    code = "destruction_note_required"


class DestructionRoleError(DestructionRefusedError):
    code = "destruction_role"


class DestructionMethodError(DestructionRefusedError):
    code = "destruction_method"


@dataclass(frozen=True)
class Destruction:
    """What was recorded: the custody event and the signed record (as in its note)."""

    event_id: int
    unit: str
    reason: str
    method: str
    at: datetime
    record: dict[str, Any]


@dataclass(frozen=True)
class Assessment:
    """A unit as the destruction form needs it (read-only; the core re-checks on signing)."""

    unit: str
    batch: str
    disposition: str
    quality_status: str
    recalled: bool
    expires_at: datetime | None
    use_by: datetime | None
    place: str  # "manufacturer" or "hospital"
    where: str  # site and storage position in words
    infectious: bool
    true_reasons: tuple[str, ...]  # the state reasons that are true now (QA may add more)
    blocked: Message | None  # why the unit cannot be destroyed at all, or None
    version: int = 0  # the unit's version as read: signing refuses if it moved since
    unit_id: int = 0  # the product_unit row (what the change feed names)


def _parse_choice(enum: type[E], value: E | str, field: str) -> E:
    """One of the enum's values, typed in any case and spacing; anything else is refused."""
    try:
        return enum(str(value).strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise ValidationError(field=field, reason=f"{value!r} is not one of {choices}") from None


def parse_reason(reason: DestructionReason | str) -> DestructionReason:
    return _parse_choice(DestructionReason, reason, "destruction reason")


def parse_method(method: DestructionMethod | str) -> DestructionMethod:
    return _parse_choice(DestructionMethod, method, "destruction method")


def state_reasons(
    unit: ProductUnit, use_by: datetime | None, now: datetime
) -> list[DestructionReason]:
    """The reasons the unit's own records make true (DAMAGED/OTHER are QA's judgement)."""
    found = []
    if unit.quality_status is QualityStatus.REJECTED:
        found.append(DestructionReason.REJECTED)
    if unit.recalled:
        found.append(DestructionReason.RECALLED)
    if unit.expires_at is not None and unit.expires_at <= now:
        found.append(DestructionReason.EXPIRED)
    if unit.disposition is Disposition.THAWED and use_by is not None and use_by <= now:
        found.append(DestructionReason.THAW_EXPIRED)
    return found


class DisposalService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def assess(self, unit: str | int, product_code_scan: str | None = None) -> Assessment:
        """The facts the destruction form shows, by unit code/scan or by unit id."""
        with self._uow().reading() as uow:
            found = _find(uow.session, unit, product_code_scan)
            facts = _Facts.of(uow.session, found)
            now = uow.clock()
            blocked = _STATE_PROBLEMS.get(found.disposition)
            return Assessment(
                unit=facts.code,
                batch=found.batch.number,
                disposition=found.disposition.value,
                quality_status=found.quality_status.value,
                recalled=found.recalled,
                expires_at=found.expires_at,
                use_by=facts.use_by,
                place=facts.place,
                where=facts.where,
                infectious=facts.infectious,
                true_reasons=tuple(r.value for r in _suggested(found, facts, now)),
                blocked=_problem(blocked) if blocked else None,
                version=version_of(uow.session, "product_unit", found.id),
                unit_id=found.id,
            )

    def destroy_unit(
        self,
        *,
        actor: str,
        password: str,
        unit_code: str,
        reason: DestructionReason | str,
        method: DestructionMethod | str,
        witness: str,
        witness_password: str,
        note: str | None = None,
        product_code_scan: str | None = None,
        expected_version: int | None = None,
    ) -> Destruction:
        """Destroy one unit under a witness; both sign the same record (see module doc).
        ``expected_version``: the unit's version the dialog read (record_version.claim)."""
        why, how = parse_reason(reason), parse_method(method)
        text = (note or "").strip()
        if len(text) > MAX_NOTE:
            raise ValidationError(field="note", reason=f"at most {MAX_NOTE} characters")
        require_different_person(actor, witness)
        performer = self._signatures.reauthenticate(actor, password, SignatureMeaning.PERFORMED)
        verifier = self._signatures.reauthenticate(
            witness, witness_password, SignatureMeaning.VERIFIED
        )
        with self._uow() as uow:
            session = uow.session
            unit = _find(session, unit_code, product_code_scan)
            try:
                claim(uow, "product_unit", unit.id, expected_version, ident=unit_code)
            except RecordChangedError:
                _stale_elsewhere(uow, (actor, witness), unit, why, how)
                raise
            # a second station destroying the same unit waits here, then sees it destroyed
            session.refresh(unit, with_for_update=True)
            facts = _Facts.of(session, unit)
            try:
                actor_roles, witness_roles = _check(
                    uow, unit, facts, (actor, witness), why, how, text
                )
            except DomainError as exc:
                _refuse(uow, actor, facts.code, why, how, witness, exc)
                raise
            now = uow.clock()
            record: dict[str, Any] = {
                "unit": facts.code,
                "batch": unit.batch.number,
                "reason": why.value,
                "method": how.value,
                "method_text": render(f"destruction_method.{how.value}", "en"),  # signed, English
                "destroyed_by": actor,
                "witness": witness,
                "at": now,
                "site": facts.site,
                "location": facts.location,
                "disposition_before": unit.disposition.value,
                "quality_status": unit.quality_status.value,
                "recalled": unit.recalled,
                "expires_at": unit.expires_at,
                "use_by": facts.use_by,
                "infectious": facts.infectious,
                "note": text or None,
            }
            for signer, meaning, roles in (
                (performer, SignatureMeaning.PERFORMED, actor_roles),
                (verifier, SignatureMeaning.VERIFIED, witness_roles),
            ):
                self._signatures.sign(
                    uow,
                    signer=signer,
                    meaning=meaning,
                    subject_type="product_unit",
                    subject_id=facts.code,
                    content=record,
                    allowed_roles=roles,
                    reason=f"destruction ({why.value})",
                )
            event = CustodyEvent(
                kind=CustodyEventKind.DESTROYED,
                unit_id=unit.id,
                occurred_at=now,
                recorded_by=actor,
                location_id=unit.storage_location_id,
                note=canonical_json(record),
            )
            session.add(event)
            old = {"disposition": unit.disposition.value, "location": facts.location}
            unit.disposition, unit.storage_location_id = Disposition.DESTROYED, None
            session.flush()
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="product_unit",
                subject_id=facts.code,
                old=old,
                new={"disposition": Disposition.DESTROYED.value, "custody_event": event.id}
                | record,
                reason=f"{why.value}: {text}"[:500] if text else why.value,
            )
            uow.commit()
            return Destruction(event.id, facts.code, why.value, how.value, now, record)


@dataclass(frozen=True)
class _Facts:
    code: str
    use_by: datetime | None
    place: str  # "manufacturer" | "hospital"
    site: str | None
    location: str | None
    infectious: bool

    @property
    def where(self) -> str:
        return " ".join(p for p in (self.site, self.location) if p) or "-"

    @classmethod
    def of(cls, session: Session, unit: ProductUnit) -> _Facts:
        use_by = session.scalar(select(Thaw.use_by).where(Thaw.unit_id == unit.id))
        site = session.scalar(select(Site.code).where(Site.id == unit.site_id))
        location = session.scalar(
            select(StorageLocation.code).where(StorageLocation.id == unit.storage_location_id)
        )
        return cls(
            code=lookup.unit_code(unit),
            use_by=use_by,
            place="hospital" if unit.disposition in AT_HOSPITAL else "manufacturer",
            site=site,
            location=location,
            infectious=is_infectious(session, unit),
        )


def _suggested(unit: ProductUnit, facts: _Facts, now: datetime) -> list[DestructionReason]:
    found = state_reasons(unit, facts.use_by, now)
    if unit.disposition is Disposition.THAWED and DestructionReason.THAW_EXPIRED not in found:
        found.append(DestructionReason.THAW_EXPIRED)  # true once a note says why not given
    return found


def _find(session: Session, unit: str | int, product_code_scan: str | None) -> ProductUnit:
    if isinstance(unit, int):
        found = session.get(ProductUnit, unit)
        if found is None:
            raise NotFoundError(kind="product unit", ident=str(unit))
        return found
    return lookup.unit(session, unit, product_code_scan)


def _stale_elsewhere(
    uow: UnitOfWork,
    people: tuple[str, str],
    unit: ProductUnit,
    why: DestructionReason,
    how: DestructionMethod,
) -> None:
    """A stale screen at another site than the one holding ``unit`` is refused for the site
    (as ``_check`` would refuse it), not told who changed the unit, where and when."""
    actor, witness = people
    try:
        for name in people:
            require_held_by(uow.session, get_user(uow.session, name), unit)
    except DomainError as exc:
        _refuse(uow, actor, lookup.unit_code(unit), why, how, witness, exc)
        raise exc from None


# (place, who) -> the roles allowed; the rule in words is destruction_rule.<place>_<who>
_ROLE_RULES: dict[tuple[str, str], tuple[Role, ...]] = {
    ("manufacturer", "actor"): MANUFACTURING_STAFF,
    ("hospital", "actor"): CLINICAL_STAFF,
    ("manufacturer", "witness"): WITNESSES_AT_MANUFACTURER,
    ("hospital", "witness"): WITNESSES_AT_HOSPITAL,
}


def _require_role(
    user: User, facts: _Facts, who: str, roles: tuple[Role, ...], rule: Message
) -> tuple[Role, ...]:
    if user.active and user.role_set & set(roles):
        return roles
    raise DestructionRoleError(
        username=user.username,
        roles=",".join(sorted(r.value for r in user.role_set)) or "-",
        unit=facts.code,
        task=Message(f"destruction_task.{who}"),
        place=Message(f"destruction_place.{facts.place}"),
        problem=rule,
    )


def _role_rule(facts: _Facts, who: str) -> tuple[tuple[Role, ...], Message]:
    return _ROLE_RULES[facts.place, who], Message(f"destruction_rule.{facts.place}_{who}")


def _check(
    uow: UnitOfWork,
    unit: ProductUnit,
    facts: _Facts,
    people: tuple[str, str],
    why: DestructionReason,
    how: DestructionMethod,
    note: str,
) -> tuple[tuple[Role, ...], tuple[Role, ...]]:
    """Every rule, in the order a user fixes them; returns the roles each signer signs in."""
    blocked = _STATE_PROBLEMS.get(unit.disposition)
    if blocked:
        raise UnitNotDestroyableError(unit=facts.code, problem=_problem(blocked))
    performer, checker = (get_user(uow.session, name) for name in people)
    staff = _require_role(performer, facts, "actor", *_role_rule(facts, "actor"))
    reason = term("destruction_reason", why)
    # At the manufacturer only QA decides a unit is damaged; at a hospital its own clinical
    # staff do (the unit is theirs since receipt), with a note and a witness of that hospital.
    if why in QA_REASONS and facts.place == "manufacturer":
        only_qa = Message.of("destruction_rule.only_qa", reason=reason)
        _require_role(performer, facts, "actor", QA_DECIDERS, only_qa)
    said = {"unit": facts.code, "reason": reason}
    true = state_reasons(unit, facts.use_by, uow.clock())
    problem = None if why in QA_REASONS or why in true else _untrue(unit, facts, why)
    if problem is not None:
        raise DestructionReasonError(**said, problem=problem)
    if not note and why in QA_REASONS:
        raise DestructionNoteRequiredError(**said, problem=_problem("say_what_happened"))
    if not note and why is DestructionReason.THAW_EXPIRED and why not in true:
        raise DestructionNoteRequiredError(**said, problem=_problem("use_by_not_passed"))
    witnesses = _require_role(checker, facts, "witness", *_role_rule(facts, "witness"))
    for person in (performer, checker):  # both of the site holding the unit
        require_held_by(uow.session, person, unit)
    if facts.infectious and how is not DestructionMethod.BIOHAZARD:
        raise DestructionMethodError(
            unit=facts.code,
            method=term("destruction_method", how),
            problem=_problem("infectious_donor"),
        )
    return staff, witnesses


def _untrue(unit: ProductUnit, facts: _Facts, why: DestructionReason) -> Message | None:
    """Why ``why`` is not true of the unit (None: true, or true once a note explains it)."""
    if why is DestructionReason.EXPIRED:
        if unit.expires_at is None:
            return _problem("no_expiry")
        return _problem("not_expired", at=unit.expires_at.isoformat(timespec="minutes"))
    if why is DestructionReason.THAW_EXPIRED:
        thawed = unit.disposition is Disposition.THAWED and facts.use_by is not None
        return None if thawed else _problem("not_thawed")
    if why is DestructionReason.REJECTED:
        return _problem("not_rejected", status=term("status", unit.quality_status))
    if why is DestructionReason.RECALLED:
        return _problem("not_recalled")
    return None


def _refuse(
    uow: UnitOfWork,
    actor: str,
    code: str,
    why: DestructionReason,
    how: DestructionMethod,
    witness: str,
    exc: DomainError,
) -> None:
    """Nothing of the refused attempt is kept except the refusal itself (as at the bedside)."""
    uow.session.rollback()
    uow.audit.record(
        AuditAction.SCAN_REJECTED,
        actor=actor,
        subject_type="product_unit",
        subject_id=code,
        new={
            "attempt": "destruction",
            "reason": why.value,
            "method": how.value,
            "witness": witness,
            "refusal": exc.code,
        },
        reason=exc.message("en")[:500],
    )
    uow.commit()
