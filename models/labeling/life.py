"""After the double-check: apply, void, witnessed destruction, and resuming a stopped line."""

from __future__ import annotations

from typing import Any

from models.entities.accounts import Role, SignatureMeaning
from models.entities.labeling import LabelState, PrintedLabel, PrintJob
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService, require_different_person
from models.kernel.audit import AuditAction
from models.kernel.errors import ValidationError
from models.kernel.record_version import claim
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.labeling.checks import (
    HANDLER_ROLES,
    label_and_job,
    require_line_running,
    require_reason,
    require_state,
)

WITNESS_ROLES = (Role.VERIFIER, Role.QA)
RESUME_ROLES = (Role.QA, Role.QA_HEAD)
_VOIDABLE = (LabelState.PRINTED, LabelState.VERIFIED, LabelState.REJECTED)


def mark_voided(
    uow: UnitOfWork, label: PrintedLabel, actor: str, why: str, *, old: Any = None, new: Any = None
) -> None:
    """A label voided by hand or by crash recovery: who, when, why, and one VOID audit entry."""
    label.state, label.void_reason = LabelState.VOIDED, why
    label.voided_by, label.voided_at = actor, uow.clock()
    uow.audit.record(
        AuditAction.VOID,
        actor=actor,
        subject_type="printed_label",
        subject_id=label.id,
        old=old,
        new=new,
        reason=why,
    )


class LifeActions:
    _uow: UowFactory
    _signatures: SignatureService

    def apply_label(
        self, *, label_id: int, actor: str, expected_version: int | None = None
    ) -> None:
        """Only a verified label goes on a container (R-LBL-06)."""
        with self._uow() as uow:
            claim(uow, "printed_label", label_id, expected_version)
            require_actor(uow.session, actor, HANDLER_ROLES, "apply labels")
            label, job = label_and_job(uow, label_id)
            require_state(label, [LabelState.VERIFIED], "applied")
            require_line_running(job)
            label.state, label.applied_by, label.applied_at = LabelState.APPLIED, actor, uow.clock()
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="printed_label",
                subject_id=label.id,
                old={"state": "verified"},
                new={"state": "applied"},
            )
            uow.commit()

    def void_label(
        self, *, label_id: int, actor: str, reason: str, expected_version: int | None = None
    ) -> None:
        """Unused, spoiled or rejected labels are voided, then destroyed under a witness."""
        why = require_reason(reason, "voiding a label")
        with self._uow() as uow:
            claim(uow, "printed_label", label_id, expected_version)
            require_actor(uow.session, actor, HANDLER_ROLES, "void labels")
            label = get_or_404(uow.session, PrintedLabel, label_id, "printed label")
            require_state(label, _VOIDABLE, "voided")
            old = {"state": label.state.value}
            mark_voided(uow, label, actor, why, old=old, new={"state": "voided"})
            uow.commit()

    def record_destruction(
        self, *, label_ids: list[int], actor: str, witness: str, witness_password: str
    ) -> None:
        """Voided labels destroyed by ``actor`` and witnessed (signed) by a second person."""
        if not label_ids:
            raise ValidationError(field="labels", reason="choose the labels that were destroyed")
        require_different_person(actor, witness)
        signer = self._signatures.reauthenticate(
            witness, witness_password, SignatureMeaning.VERIFIED
        )
        with self._uow() as uow:
            require_actor(uow.session, actor, HANDLER_ROLES, "destroy labels")
            labels = [get_or_404(uow.session, PrintedLabel, i, "printed label") for i in label_ids]
            for label in labels:
                require_state(label, [LabelState.VOIDED], "destroyed")
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.VERIFIED,
                subject_type="label_destruction",
                subject_id=",".join(map(str, sorted(label_ids))),
                content={"labels": sorted(label_ids), "destroyed_by": actor},
                allowed_roles=WITNESS_ROLES,
            )
            for label in labels:
                label.state, label.destroyed_by = LabelState.DESTROYED, actor
                label.destroyed_at, label.destruction_witness = signature.signed_at, witness
                uow.audit.record(
                    AuditAction.TRANSITION,
                    actor=actor,
                    subject_type="printed_label",
                    subject_id=label.id,
                    old={"state": "voided"},
                    new={"state": "destroyed", "witness": witness},
                )
            uow.commit()

    def resume_line(
        self,
        *,
        job_id: int,
        username: str,
        password: str,
        reason: str,
        expected_version: int | None = None,
    ) -> None:
        """QA lifts a line stop after reviewing the deviation; the rejected label stays
        rejected until it is voided. ``expected_version``: the job's version the screen showed
        (a line resumed or a job cancelled elsewhere since is refused by name)."""
        why = require_reason(reason, "resuming a stopped line")
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.REVIEWED)
        with self._uow() as uow:
            claim(uow, "print_job", job_id, expected_version)
            job = get_or_404(uow.session, PrintJob, job_id, "print job")
            if not job.line_stopped:
                raise ValidationError(field="print job", reason=f"job {job_id} is not stopped")
            self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.REVIEWED,
                subject_type="print_job",
                subject_id=job.id,
                content={"job_id": job.id, "deviation_id": job.deviation_id},
                allowed_roles=RESUME_ROLES,
                reason=why,
            )
            job.line_stopped = False
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=username,
                subject_type="print_job",
                subject_id=job.id,
                old={"line_stopped": True},
                new={"line_stopped": False},
                reason=why,
            )
            uow.commit()
