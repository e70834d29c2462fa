"""Retained samples (留样): registration, treatment-end recording, signed disposal (R-RET-01).

The earliest disposal date is three months after the latest treatment end known for the
batch: a recorded course end, or the last administration of any of its units. Disposal is
also refused while any unit of the batch is still unaccounted for (not yet given, not
destroyed), because its recipient's course has not even started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, type_coerce
from sqlalchemy.orm import Session

from models.chain.consent_checks import require_consent, source_donors
from models.chain.consent_scope import ConsentScope
from models.entities.accounts import SignatureMeaning
from models.entities.base import UtcDateTime
from models.entities.logistics import Administration
from models.entities.materials import RetainedSample, RetainedSampleStatus
from models.entities.production import Batch, Disposition, ProductUnit
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UowFactory
from models.quality.common import QA_ROLES, STAFF_ROLES, require_text
from models.quality.stock import keep_until

CLOSED = (Disposition.ADMINISTERED, Disposition.DESTROYED, Disposition.TRANSFORMED)


@dataclass(frozen=True)
class SampleInput:
    batch_id: int
    code: str
    sample_type: str
    quantity: int
    location: str


def _treatment_ends(session: Session, sample: RetainedSample) -> list[datetime | None]:
    given = func.coalesce(Administration.ended_at, Administration.started_at)
    last_given = session.scalar(
        # type_coerce keeps the aggregate aware: SQLite stores UTC without a zone
        select(type_coerce(func.max(given), UtcDateTime()))
        .join(ProductUnit, ProductUnit.id == Administration.unit_id)
        .where(ProductUnit.batch_id == sample.batch_id)
    )
    return [sample.treatment_end_at, last_given]


def _open_units(session: Session, batch_id: int) -> list[str]:
    return list(
        session.scalars(
            select(ProductUnit.din).where(
                ProductUnit.batch_id == batch_id,
                ProductUnit.voided_reason.is_(None),
                ProductUnit.disposition.not_in(CLOSED),
            )
        )
    )


class RetainedSampleService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def register(self, *, actor: str, data: SampleInput) -> int:
        if data.quantity <= 0:
            raise ValidationError(field="quantity", reason="must be positive")
        with self._uow() as uow:
            require_actor(uow.session, actor, STAFF_ROLES, "register retained samples")
            batch = get_or_404(uow.session, Batch, data.batch_id, "batch")
            for donor in source_donors(uow.session, batch):  # R-DON-11: storage was agreed
                require_consent(
                    uow.session,
                    donor,
                    ConsentScope.BIOSAMPLE_STORAGE,
                    "sample_storage",
                    uow.clock(),
                )
            sample = RetainedSample(
                **vars(data) | {"location": require_text(data.location, "location")},
                stored_at=uow.clock(),
                stored_by=actor,
            )
            uow.session.add(sample)
            uow.session.flush()
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="retained_sample",
                subject_id=sample.code,
                new=vars(data),
            )
            uow.commit()
            return sample.id

    def record_treatment_end(self, *, batch_id: int, ended_at: datetime, actor: str) -> None:
        """The recipients' course end (e.g. after the last of 4 infusions), for every sample."""
        with self._uow() as uow:
            require_actor(uow.session, actor, QA_ROLES, "record treatment end")
            samples = uow.session.scalars(
                select(RetainedSample).where(RetainedSample.batch_id == batch_id)
            ).all()
            for sample in samples:
                old, sample.treatment_end_at = sample.treatment_end_at, ended_at
                uow.audit.record(
                    AuditAction.CHANGE,
                    actor=actor,
                    subject_type="retained_sample",
                    subject_id=sample.code,
                    old={"treatment_end_at": old},
                    new={"treatment_end_at": ended_at},
                )
            uow.commit()

    def keep_until(self, sample_id: int) -> datetime | None:
        with self._uow() as uow:
            sample = get_or_404(uow.session, RetainedSample, sample_id, "retained sample")
            return keep_until(_treatment_ends(uow.session, sample))

    def dispose(self, *, sample_id: int, method: str, username: str, password: str) -> None:
        require_text(method, "disposal method")
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            sample = get_or_404(uow.session, RetainedSample, sample_id, "retained sample")
            if sample.status is RetainedSampleStatus.DISPOSED:
                raise InvalidTransitionError(
                    kind="retained sample", ident=sample.code, current="disposed", target="disposed"
                )
            self._require_due(uow.session, sample, uow.clock())
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.APPROVED,
                subject_type="retained_sample",
                subject_id=sample.id,
                content={"code": sample.code, "batch_id": sample.batch_id, "method": method},
                allowed_roles=QA_ROLES,
                reason="retained sample disposal",
            )
            sample.status, sample.disposal_method = RetainedSampleStatus.DISPOSED, method
            sample.disposed_at, sample.disposed_by = signature.signed_at, username
            sample.disposal_signature_id = signature.id
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=username,
                subject_type="retained_sample",
                subject_id=sample.code,
                old={"status": "retained"},
                new={"status": "disposed", "method": method},
            )
            uow.commit()

    def _require_due(self, session: Session, sample: RetainedSample, now: datetime) -> None:
        open_units = _open_units(session, sample.batch_id)
        if open_units:
            raise ValidationError(
                field="disposal", reason=f"units of the batch are still in use: {open_units}"
            )
        due = keep_until(_treatment_ends(session, sample))
        if due is None:
            raise ValidationError(field="disposal", reason="no treatment end is known yet")
        if now < due:
            raise ValidationError(field="disposal", reason=f"keep until {due:%Y-%m-%d} (R-RET-01)")
