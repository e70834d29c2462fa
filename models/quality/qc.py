"""QC results: recorded and signed by the analyst, verified by a different person.

Each result is judged against the batch's approved specification. An out-of-specification
result opens a deviation in the same transaction; one arriving after release is flagged
``is_post_release``, opens an urgent critical deviation and recalls the batch (R-REL-08).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.accounts import Role, SignatureMeaning
from models.entities.production import Batch
from models.entities.quality import (
    DeviationClass,
    MethodKind,
    QcResult,
    QcVerdict,
    ReleaseKind,
    ReleaseRecord,
    SpecificationTest,
)
from models.identity.accounts import get_user
from models.identity.signatures import SignatureService, Signer, require_different_person
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, NotFoundError, ValidationError
from models.kernel.record_check import require_intact
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.quality.common import STAFF_ROLES
from models.quality.deviations import DeviationInput, open_deviation_in
from models.quality.limits import evaluate
from models.quality.specs import approved_spec

VERIFIER_ROLES = (Role.VERIFIER, Role.QA, Role.QA_HEAD)

# (batch number, reason, QA username, password) -> recall code: the chain-of-identity
# RecallService.initiate, injected so recall is never re-implemented here. It signs with
# its own re-authentication, so it runs after our commit, in its own transaction.
BatchRecaller = Callable[[str, str, str, str], str]


@dataclass(frozen=True)
class QcInput:
    batch_id: int
    test: str
    value_text: str
    resulted_at: datetime
    value_num: float | None = None
    unit: str | None = None
    method: str | None = None
    instrument: str | None = None
    rapid_method: bool = False
    mutation_detected: bool | None = None


@dataclass(frozen=True)
class QcOutcome:
    result_id: int
    verdict: QcVerdict
    deviation_id: int | None
    post_release: bool
    recall_code: str | None = None  # set when the recorder (a QA user) started the recall
    recall_pending: bool = False  # a post-release OOS whose recall QA must still sign


def result_content(r: QcResult) -> dict[str, Any]:
    return {
        "result_id": r.id,
        "batch_id": r.batch_id,
        "test": r.test,
        "value_text": r.value_text,
        "value_num": r.value_num,
        "unit": r.unit,
        "method": r.method,
        "instrument": r.instrument,
        "rapid_method": r.rapid_method,
        "resulted_at": r.resulted_at,
        "verdict": r.verdict,
        "analyst": r.analyst,
    }


def is_released(session: Session, batch_id: int) -> bool:
    kinds = (ReleaseKind.STANDARD, ReleaseKind.RAPID, ReleaseKind.EMERGENCY)
    return bool(
        session.scalar(
            select(ReleaseRecord.id)
            .where(ReleaseRecord.batch_id == batch_id, ReleaseRecord.kind.in_(kinds))
            .limit(1)
        )
    )


def _spec_test(session: Session, batch: Batch, data: QcInput) -> SpecificationTest:
    spec = approved_spec(session, batch.product_type_id)
    if spec is None:
        raise NotFoundError(kind="approved specification for batch", ident=batch.number)
    test = next((t for t in spec.tests if t.test == data.test), None)
    if test is None:
        raise ValidationError(field="test", reason=f"{data.test!r} is not in {spec.code}")
    if test.unit and (data.unit or test.unit) != test.unit:
        raise ValidationError(field="unit", reason=f"{data.test} is reported in {test.unit}")
    if test.method_kind is not MethodKind.ANY and (
        data.rapid_method != (test.method_kind is MethodKind.RAPID)
    ):
        raise ValidationError(
            field="method", reason=f"{data.test} needs a {test.method_kind} method"
        )
    return test


class QcService:
    def __init__(
        self, uow_factory: UowFactory, signatures: SignatureService, recall_batch: BatchRecaller
    ) -> None:
        self._uow = uow_factory
        self._signatures = signatures
        self._recall_batch = recall_batch

    def record_result(self, data: QcInput, *, username: str, password: str) -> QcOutcome:
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.PERFORMED)
        return self._record(data, signer, password)

    def import_results(
        self, rows: Sequence[QcInput], *, username: str, password: str
    ) -> list[QcOutcome]:
        """Instrument/LIMS import: one re-authentication, one signed record per row."""
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.PERFORMED)
        return [self._record(row, signer, password) for row in rows]

    def _record(self, data: QcInput, signer: Signer, password: str) -> QcOutcome:
        if data.resulted_at.tzinfo is None:  # an instrument export without a time zone
            raise ValidationError(field="resulted_at", reason="the time must carry its time zone")
        with self._uow() as uow:
            batch = get_or_404(uow.session, Batch, data.batch_id, "batch")
            spec_test = _spec_test(uow.session, batch, data)
            try:
                judged = evaluate(
                    spec_test,
                    value_num=data.value_num,
                    value_text=data.value_text,
                    mutation_detected=data.mutation_detected,
                )
            except ValueError as exc:
                raise ValidationError(field=data.test, reason=str(exc)) from exc
            result = QcResult(
                **vars(data),
                verdict=judged.verdict,
                evaluation=judged.note,
                spec_test_id=spec_test.id,
                analyst=signer.username,
                is_post_release=is_released(uow.session, batch.id),
            )
            uow.session.add(result)
            uow.session.flush()
            self._sign_as_analyst(uow, signer, result)
            deviation_id = self._deviation_if_oos(uow, signer.username, batch, result)
            uow.commit()
            outcome = QcOutcome(result.id, result.verdict, deviation_id, result.is_post_release)
            may_recall = Role.QA in get_user(uow.session, signer.username).role_set
        if outcome.post_release and outcome.verdict is QcVerdict.FAIL:
            if not may_recall:  # the urgent deviation is open; QA signs the recall next
                return replace(outcome, recall_pending=True)
            code = self._recall(outcome.result_id, signer.username, password)
            return replace(outcome, recall_code=code)
        return outcome

    def recall_for_result(self, *, result_id: int, username: str, password: str) -> str:
        """QA starts the recall a post-release OOS result calls for (R-REL-08, R-AE-06)."""
        with self._uow() as uow:
            result = get_or_404(uow.session, QcResult, result_id, "QC result")
            if not (result.is_post_release and result.verdict is QcVerdict.FAIL):
                raise ValidationError(field="result", reason="not a post-release OOS result")
        return self._recall(result_id, username, password)

    def _recall(self, result_id: int, username: str, password: str) -> str:
        with self._uow() as uow:
            result = get_or_404(uow.session, QcResult, result_id, "QC result")
            batch = get_or_404(uow.session, Batch, result.batch_id, "batch")
            number = batch.number
            reason = f"post-release OOS: {result.test} = {result.value_text} (result {result.id})"
        return self._recall_batch(number, reason, username, password)

    def _sign_as_analyst(self, uow: UnitOfWork, signer: Signer, result: QcResult) -> None:
        signature = self._signatures.sign(
            uow,
            signer=signer,
            meaning=SignatureMeaning.PERFORMED,
            subject_type="qc_result",
            subject_id=result.id,
            content=result_content(result),
            allowed_roles=STAFF_ROLES,
        )
        result.analyst_signature_id = signature.id
        uow.audit.record(
            AuditAction.CREATE,
            actor=signer.username,
            subject_type="qc_result",
            subject_id=result.id,
            new=result_content(result) | {"is_post_release": result.is_post_release},
        )

    def _deviation_if_oos(
        self, uow: UnitOfWork, actor: str, batch: Batch, result: QcResult
    ) -> int | None:
        if result.verdict is not QcVerdict.FAIL:
            return None
        late = result.is_post_release
        dev = open_deviation_in(
            uow,
            actor,
            DeviationInput(
                title=f"{'Post-release ' if late else ''}OOS {result.test} — batch {batch.number}",
                description=f"{result.test} = {result.value_text}: {result.evaluation}",
                classification=DeviationClass.CRITICAL if late else DeviationClass.MAJOR,
                batch_id=batch.id,
                qc_result_id=result.id,
                urgent=late,  # issued product may be in use: report immediately (R-AE-04)
            ),
        )
        return dev.id

    def verify_result(self, *, result_id: int, username: str, password: str) -> None:
        with self._uow() as uow:
            found = uow.session.get(QcResult, result_id)
            if found is not None:
                require_different_person(found.analyst, username, uow.session)
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.VERIFIED)
        with self._uow() as uow:
            result = get_or_404(uow.session, QcResult, result_id, "QC result")
            require_intact(uow.session, result)  # the second person signs what was recorded
            if result.verified_by is not None or result.voided_reason is not None:
                raise InvalidTransitionError(
                    kind="QC result", ident=result_id, current="verified/voided", target="verified"
                )
            require_different_person(result.analyst, username, uow.session)
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.VERIFIED,
                subject_type="qc_result",
                subject_id=result.id,
                content=result_content(result),
                allowed_roles=VERIFIER_ROLES,
            )
            result.verified_by, result.verified_at = username, signature.signed_at
            result.verifier_signature_id = signature.id
            uow.audit.record(
                AuditAction.VERIFY,
                actor=username,
                subject_type="qc_result",
                subject_id=result.id,
                new={"verified_by": username},
            )
            uow.commit()
