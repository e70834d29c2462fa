"""The cell-preparation request that accompanies each collection (R-RCV-01): entered before the
collection is received, it names the consent it rests on; the release package shows it."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain import lookup
from models.chain.consent_checks import require_consent
from models.chain.consent_errors import RequestIncompleteError, RequestMissingError
from models.chain.consent_scope import ConsentScope
from models.chain.genealogy_sql import batch_sources
from models.entities.accounts import Role
from models.entities.consent import PreparationRequest
from models.entities.production import Batch, Collection
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.errors import ValidationError
from models.kernel.unit_of_work import UowFactory

ENTRY_ROLES = (Role.OPERATOR, Role.CLINICAL, Role.QA, Role.QA_HEAD)
CELL, CAR_T = "cell", "car_t"


@dataclass(frozen=True)
class RequestInput:
    code: str
    collection_code: str
    donor_basics: str
    clinical_information: str
    screening_reference: str
    treatment_plan: str
    car_t: bool = False
    patient_initials: str | None = None
    enrolment_no: str | None = None


def _missing(data: RequestInput) -> list[str]:
    needed = ["code", "donor_basics", "clinical_information", "screening_reference"]
    needed.append("treatment_plan")
    if data.car_t:  # the CAR-T form identifies the patient by initials and enrolment (D08)
        needed += ["patient_initials", "enrolment_no"]
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    return [name for name in needed if not str(values[name] or "").strip()]


def require_complete(data: RequestInput) -> None:
    missing = _missing(data)
    if missing:
        raise RequestIncompleteError(field=missing[0])


def request_for(session: Session, collection_id: int) -> PreparationRequest | None:
    return session.scalar(
        select(PreparationRequest).where(PreparationRequest.collection_id == collection_id)
    )


def batch_requests(session: Session, batch: Batch) -> list[str]:
    """The request codes of every collection a batch is made of (through pools); empty when
    any of them has none, so the release package cannot count it as proved."""
    ids = batch_sources(session, [batch.id])
    collections = set(
        session.scalars(
            select(Batch.collection_id).where(Batch.id.in_(ids), Batch.collection_id.is_not(None))
        )
    )
    rows = session.execute(
        select(PreparationRequest.collection_id, PreparationRequest.code).where(
            PreparationRequest.collection_id.in_(collections)
        )
    )
    found = {collection_id: code for collection_id, code in rows}
    if not collections or set(found) != collections:
        return []
    return sorted(found.values())


def require_request(session: Session, collection: Collection) -> PreparationRequest:
    found = request_for(session, collection.id)
    if found is None:
        raise RequestMissingError(collection=collection.code)
    return found


class PreparationRequestService:
    def __init__(self, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def add(self, *, actor: str, data: RequestInput) -> int:
        require_complete(data)
        with self._uow() as uow:
            require_actor(uow.session, actor, ENTRY_ROLES, "enter preparation requests")
            coll = lookup.collection(uow.session, data.collection_code)
            lookup.require_unused(uow.session, PreparationRequest.code, data.code.strip())
            if request_for(uow.session, coll.id) is not None:
                raise ValidationError(field="collection", reason=f"{coll.code!r} has a request")
            scope = ConsentScope.TREATMENT if data.car_t else ConsentScope.DONATION
            consent = require_consent(uow.session, coll.donor, scope, "request", uow.clock())
            request = PreparationRequest(
                code=data.code.strip(),
                collection_id=coll.id,
                consent_id=consent.id,
                variant=CAR_T if data.car_t else CELL,
                donor_basics=data.donor_basics.strip(),
                clinical_information=data.clinical_information.strip(),
                screening_reference=data.screening_reference.strip(),
                treatment_plan=data.treatment_plan.strip(),
                patient_initials=(data.patient_initials or "").strip() or None,
                enrolment_no=(data.enrolment_no or "").strip() or None,
                recorded_by=actor,
                recorded_at=uow.clock(),
            )
            uow.session.add(request)
            uow.session.flush()
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="preparation_request",
                subject_id=request.code,
                new={"collection": coll.code, "consent": consent.id, "variant": request.variant},
            )
            uow.commit()
            return request.id

    def require_collection(self, code: str) -> None:
        """NotFoundError unless the collection exists (checked before asking for a password)."""
        with self._uow() as uow:
            lookup.collection(uow.session, code)

    def show(self, code: str) -> dict[str, object]:
        with self._uow() as uow:
            request = uow.session.scalar(
                select(PreparationRequest).where(PreparationRequest.code == code.strip())
            )
            if request is None:
                raise RequestMissingError(collection=code)
            coll = uow.session.get(Collection, request.collection_id)
            return {
                "code": request.code,
                "collection": coll.code if coll else "",
                "consent_id": request.consent_id,
                "variant": request.variant,
                "donor_basics": request.donor_basics,
                "clinical_information": request.clinical_information,
                "screening_reference": request.screening_reference,
                "treatment_plan": request.treatment_plan,
                "patient_initials": request.patient_initials or "",
                "enrolment_no": request.enrolment_no or "",
            }
