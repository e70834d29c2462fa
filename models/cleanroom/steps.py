"""Process steps: performed by one person, verified by a different person, both signed."""

from __future__ import annotations

import json
from typing import Any

from models.cleanroom.line_clearance import require_in_workspace
from models.entities.accounts import Role, SignatureMeaning
from models.entities.production import Batch, ProcessStep
from models.i18n import Message
from models.identity.signatures import SignatureService, require_different_person
from models.kernel.audit import AuditAction
from models.kernel.canonical import canonical_json
from models.kernel.errors import InvalidTransitionError
from models.kernel.record_version import claim
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UowFactory

PERFORMER_ROLES = (Role.OPERATOR,)
VERIFIER_ROLES = (Role.VERIFIER, Role.QA)


def step_content(step: ProcessStep) -> dict[str, Any]:
    """What both signatures are bound to: a later edit of any of it is detectable."""
    return {
        "step_id": step.id,
        "batch_id": step.batch_id,
        "name": step.name,
        "data": json.loads(step.data) if step.data else None,
        "performed_by": step.performed_by,
        "performed_at": step.performed_at,
    }


class StepService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def record_step(
        self, *, batch_id: int, name: str, data: dict[str, Any], username: str, password: str
    ) -> int:
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.PERFORMED)
        with self._uow() as uow:
            batch = get_or_404(uow.session, Batch, batch_id, "batch")
            require_in_workspace(uow, batch, Message.of("workspace_action.step", name=name))
            step = ProcessStep(
                batch_id=batch_id,
                name=name,
                data=canonical_json(data),
                performed_by=username,
                performed_at=uow.clock(),
            )
            uow.session.add(step)
            uow.session.flush()
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.PERFORMED,
                subject_type="process_step",
                subject_id=step.id,
                content=step_content(step),
                allowed_roles=PERFORMER_ROLES,
            )
            step.performed_signature_id = signature.id
            uow.audit.record(
                AuditAction.CREATE,
                actor=username,
                subject_type="process_step",
                subject_id=step.id,
                new=step_content(step),
            )
            uow.commit()
            return step.id

    def verify_step(
        self, *, step_id: int, username: str, password: str, expected_version: int | None = None
    ) -> None:
        """``expected_version``: the step's version the screen showed; a step verified or
        voided at another station meanwhile is refused by name (record_version.claim)."""
        with self._uow() as uow:
            claim(uow, "process_step", step_id, expected_version)
            step = uow.session.get(ProcessStep, step_id)
            if step is not None:
                require_different_person(step.performed_by, username, uow.session)  # refuse first
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.VERIFIED)
        with self._uow() as uow:
            claim(uow, "process_step", step_id, expected_version)
            step = get_or_404(uow.session, ProcessStep, step_id, "process step")
            if step.verified_by is not None or step.voided_reason is not None:
                raise InvalidTransitionError(
                    kind="process step",
                    ident=step_id,
                    current="verified" if step.verified_by else "voided",
                    target="verified",
                )
            require_different_person(step.performed_by, username, uow.session)
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.VERIFIED,
                subject_type="process_step",
                subject_id=step.id,
                content=step_content(step),
                allowed_roles=VERIFIER_ROLES,
            )
            step.verified_by, step.verified_at = username, signature.signed_at
            step.verified_signature_id = signature.id
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=username,
                subject_type="process_step",
                subject_id=step.id,
                old={"verified_by": None},
                new={"verified_by": username},
            )
            uow.commit()
