"""Taking part of a retained sample (R-DON-11, R-DON-12, R-RET-01).

Use in development needs the donors' consent to it; asking for it without that consent is a
use beyond scope, which holds the donors' material until they consent again. An investigation
(an OOS result, a complaint, an adverse event) uses the sample for the reason the law keeps it,
so it needs no further consent, even after withdrawal."""

from __future__ import annotations

import enum

from models.chain.consent_checks import raise_hold, require_consent, source_donors
from models.chain.consent_errors import ConsentNotCoveredError
from models.chain.consent_scope import ConsentScope, Trigger
from models.entities.materials import RetainedSample, RetainedSampleStatus
from models.entities.production import Batch
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UowFactory
from models.quality.common import QA_ROLES, require_text


class SampleUse(enum.StrEnum):
    DEVELOPMENT = "development"
    INVESTIGATION = "investigation"


class RetainedSampleUse:
    def __init__(self, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def use(
        self, *, actor: str, sample_id: int, quantity: int, purpose: SampleUse, note: str
    ) -> int:
        """Take ``quantity`` aliquots; returns what is left."""
        require_text(note, "purpose")
        if quantity <= 0:
            raise ValidationError(field="quantity", reason="must be positive")
        try:
            return self._use(actor, sample_id, quantity, purpose, note)
        except ConsentNotCoveredError as refused:
            self._hold_beyond_scope(actor, sample_id, note)
            raise refused

    def _use(self, actor: str, sample_id: int, quantity: int, purpose: SampleUse, note: str) -> int:
        with self._uow() as uow:
            require_actor(uow.session, actor, QA_ROLES, "use retained samples")
            sample = get_or_404(uow.session, RetainedSample, sample_id, "retained sample")
            if sample.status is not RetainedSampleStatus.RETAINED:
                raise InvalidTransitionError(
                    kind="retained sample", ident=sample.code, current="disposed", target="used"
                )
            if quantity > sample.quantity:
                raise ValidationError(field="quantity", reason=f"{sample.quantity} left")
            if purpose is SampleUse.DEVELOPMENT:
                batch = get_or_404(uow.session, Batch, sample.batch_id, "batch")
                for donor in source_donors(uow.session, batch):
                    require_consent(
                        uow.session, donor, ConsentScope.DEVELOPMENT_USE, "sample_use", uow.clock()
                    )
            old, sample.quantity = sample.quantity, sample.quantity - quantity
            uow.audit.record(
                AuditAction.CHANGE,
                actor=actor,
                subject_type="retained_sample",
                subject_id=sample.code,
                old={"quantity": old},
                new={"quantity": sample.quantity, "purpose": purpose.value},
                reason=note,
            )
            uow.commit()
            return sample.quantity

    def _hold_beyond_scope(self, actor: str, sample_id: int, note: str) -> None:
        """A use the consent does not cover was asked for: re-consent first (R-DON-12)."""
        with self._uow() as uow:
            sample = get_or_404(uow.session, RetainedSample, sample_id, "retained sample")
            batch = get_or_404(uow.session, Batch, sample.batch_id, "batch")
            for donor in source_donors(uow.session, batch):
                detail = f"{sample.code}: {note}"
                raise_hold(uow, donor, Trigger.USE_BEYOND_SCOPE, detail, actor, sample=sample.code)
            uow.commit()
