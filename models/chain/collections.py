"""Collection of starting material and its receipt at the facility (R-RCV, R-ID-05)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain import lookup
from models.chain.consent_checks import require_consent, use_of
from models.chain.errors import IneligibleDonorError
from models.chain.identifiers import Identifiers
from models.chain.prep_requests import require_request
from models.entities.accounts import Role
from models.entities.parties import DonorType, Eligibility
from models.entities.production import Collection
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.unit_of_work import UowFactory

STAFF = (Role.OPERATOR,)


@dataclass(frozen=True)
class ReceiptSpec:
    """The validated transport conditions for one kind of starting material (R-RCV-05)."""

    window_hours: int
    min_temp_c: float
    max_temp_c: float


DEFAULT_SPEC = ReceiptSpec(24, 2.0, 8.0)
RECEIPT_SPECS = {
    "umbilical cord": ReceiptSpec(24, 2.0, 8.0),
    "leukapheresis": ReceiptSpec(48, 2.0, 8.0),
    "bone marrow": ReceiptSpec(48, 2.0, 8.0),
}


@dataclass(frozen=True)
class ReceiptResult:
    accepted: bool
    elapsed_minutes: int
    problems: tuple[str, ...]


def receipt_problems(
    spec: ReceiptSpec,
    collected_at: datetime,
    received_at: datetime,
    temp_c: float,
    packaging_intact: bool,
    label_complete: bool,
) -> tuple[str, ...]:
    """Every failed acceptance check, in words (empty = acceptable)."""
    problems = []
    elapsed = received_at - collected_at
    if elapsed.total_seconds() < 0:
        problems.append("received before it was collected")
    elif elapsed.total_seconds() > spec.window_hours * 3600:
        problems.append(f"outside the {spec.window_hours} h window ({elapsed} elapsed)")
    if not spec.min_temp_c <= temp_c <= spec.max_temp_c:
        problems.append(f"transport {temp_c} °C outside {spec.min_temp_c}–{spec.max_temp_c} °C")
    if not packaging_intact:
        problems.append("packaging not intact")
    if not label_complete:
        problems.append("label incomplete or illegible")
    return tuple(problems)


class CollectionService:
    def __init__(self, uow_factory: UowFactory, identifiers: Identifiers) -> None:
        self._uow = uow_factory
        self._ids = identifiers

    def register_collection(
        self,
        *,
        actor: str,
        code: str,
        donor_code: str,
        site_code: str,
        material: str,
        collected_at: datetime,
        quantity: str | None = None,
        coi_id: str | None = None,
    ) -> str:
        """Register a collection; returns its chain-of-identity id (new, or ``coi_id`` when
        this collection belongs to a therapy that already has one)."""
        with self._uow() as uow:
            require_actor(uow.session, actor, STAFF, "register collections")
            donor = lookup.donor(uow.session, donor_code)
            if donor.voided_reason or (
                donor.donor_type is DonorType.ALLOGENEIC
                and donor.eligibility is Eligibility.INELIGIBLE
            ):
                state = "voided" if donor.voided_reason else donor.eligibility.value
                raise IneligibleDonorError(donor=donor_code, eligibility=state, action="collection")
            site = lookup.site(uow.session, site_code)
            if not site.qualified:  # R-RCV-03: only sites on the approved list
                raise ValidationError(field="site", reason=f"{site_code} is not qualified")
            lookup.require_unused(uow.session, Collection.code, code)
            coi = coi_id or self._ids.coi(uow).text
            if coi_id and _coi_owner(uow.session, coi_id) not in (None, donor.id):
                raise ValidationError(field="COI", reason=f"{coi_id} belongs to another donor")
            uow.session.add(
                Collection(
                    code=code,
                    donor_id=donor.id,
                    site_id=site.id,
                    material=material,
                    quantity=quantity,
                    collected_at=collected_at,
                    coi_id=coi,
                )
            )
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="collection",
                subject_id=code,
                new={"donor": donor_code, "site": site_code, "coi": coi, "at": collected_at},
            )
            uow.commit()
            return coi

    def receive(
        self,
        *,
        actor: str,
        collection_code: str,
        received_at: datetime,
        transport_temp_c: float,
        packaging_intact: bool,
        label_complete: bool,
        spec: ReceiptSpec | None = None,
    ) -> ReceiptResult:
        """Incoming inspection. A failed check is recorded as a rejection, never accepted."""
        with self._uow() as uow:
            require_actor(uow.session, actor, STAFF, "receive collections")
            coll = lookup.collection(uow.session, collection_code)
            if coll.accepted is not None:
                raise InvalidTransitionError(
                    kind="collection", ident=collection_code, current="received", target="received"
                )
            # R-RCV-01, R-DON-11: no sample is received without its request and the consent
            require_request(uow.session, coll)
            require_consent(uow.session, coll.donor, use_of(coll.donor), "receipt", received_at)
            spec = spec or RECEIPT_SPECS.get(coll.material, DEFAULT_SPEC)
            problems = receipt_problems(
                spec,
                coll.collected_at,
                received_at,
                transport_temp_c,
                packaging_intact,
                label_complete,
            )
            coll.received_at, coll.received_by = received_at, actor
            coll.transport_temp_c, coll.packaging_intact = transport_temp_c, packaging_intact
            coll.label_complete, coll.acceptance_window_hours = label_complete, spec.window_hours
            coll.accepted = not problems
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="collection",
                subject_id=collection_code,
                new={"accepted": coll.accepted, "problems": list(problems)},
                reason="; ".join(problems) or None,
            )
            uow.commit()
            minutes = int((received_at - coll.collected_at).total_seconds() // 60)
            return ReceiptResult(coll.accepted, minutes, problems)


def _coi_owner(session: Session, coi_id: str) -> int | None:
    return session.scalar(select(Collection.donor_id).where(Collection.coi_id == coi_id).limit(1))
