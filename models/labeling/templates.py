"""Versioned label templates: drafted by one person, approved by QA with an e-signature bound
to the exact layout; approving a version retires the previous one (R-LBL-04, R-LBL-19)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities.accounts import Role, Signature, SignatureMeaning
from models.entities.labeling import LabelTemplate, TemplateStatus
from models.identity.accounts import require_actor
from models.identity.signatures import (
    SignatureService,
    require_different_person,
    signature_matches,
)
from models.kernel.audit import AuditAction
from models.kernel.canonical import canonical_json
from models.kernel.errors import InvalidTransitionError
from models.kernel.record_check import require_intact
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.labeling.errors import TemplateNotUsableError
from models.labeling.layout import Layout, validate_layout
from models.labeling.records import template_content

AUTHOR_ROLES = (Role.OPERATOR, Role.QA, Role.ADMIN)
APPROVER_ROLES = (Role.QA,)


def usable_template(session: Session, template_id: int) -> tuple[LabelTemplate, Layout]:
    """An approved, effective version whose layout still matches its approval signature."""
    template = get_or_404(session, LabelTemplate, template_id, "label template")
    name = f"{template.code} v{template.version}"

    def refuse(reason: str) -> TemplateNotUsableError:
        return TemplateNotUsableError(
            template=template.code, version=template.version, reason=reason
        )

    if template.status is not TemplateStatus.APPROVED:
        raise refuse(f"it is {template.status.value}, not approved")
    signature = (
        session.get(Signature, template.approval_signature_id)
        if template.approval_signature_id
        else None
    )
    require_intact(session, template, signature)
    if signature is None or not signature_matches(signature, template_content(template)):
        raise refuse("the layout changed after QA approval; approve a new version")
    layout = validate_layout(template.container_type, template.partial, template.layout, name)
    return template, layout


class TemplateActions:
    _uow: UowFactory
    _signatures: SignatureService

    def create_template_version(
        self,
        *,
        code: str,
        container_type: str,
        layout: str | dict[str, Any],
        actor: str,
        partial: bool = False,
    ) -> int:
        """Save a new DRAFT version (editing a template always means a new version)."""
        text = canonical_json(json.loads(layout) if isinstance(layout, str) else layout)
        with self._uow() as uow:
            require_actor(uow.session, actor, AUTHOR_ROLES, "author label templates")
            version = (
                uow.session.scalar(
                    select(func.max(LabelTemplate.version)).where(LabelTemplate.code == code)
                )
                or 0
            ) + 1
            validate_layout(container_type, partial, text, f"{code} v{version}")
            template = LabelTemplate(
                code=code,
                version=version,
                container_type=container_type,
                partial=partial,
                layout=text,
                created_by=actor,
                created_at=uow.clock(),
            )
            uow.session.add(template)
            uow.session.flush()
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="label_template",
                subject_id=template.id,
                new=template_content(template),
            )
            uow.commit()
            return template.id

    def approve_template(self, *, template_id: int, username: str, password: str) -> None:
        with self._uow() as uow:  # refuse the author before asking for a password
            draft = get_or_404(uow.session, LabelTemplate, template_id, "label template")
            require_different_person(draft.created_by, username, uow.session)
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            template = get_or_404(uow.session, LabelTemplate, template_id, "label template")
            if template.status is not TemplateStatus.DRAFT:
                raise InvalidTransitionError(
                    kind="label template",
                    ident=f"{template.code} v{template.version}",
                    current=template.status.value,
                    target=TemplateStatus.APPROVED.value,
                )
            require_different_person(template.created_by, username, uow.session)
            name = f"{template.code} v{template.version}"
            validate_layout(template.container_type, template.partial, template.layout, name)
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.APPROVED,
                subject_type="label_template",
                subject_id=template.id,
                content=template_content(template),
                allowed_roles=APPROVER_ROLES,
            )
            self._retire_previous(uow.session, template, username, uow)
            template.status = TemplateStatus.APPROVED
            template.approval_signature_id = signature.id
            template.approved_by, template.approved_at = username, signature.signed_at
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=username,
                subject_type="label_template",
                subject_id=template.id,
                old={"status": "draft"},
                new={"status": "approved", "signature_id": signature.id},
            )
            uow.commit()

    @staticmethod
    def _retire_previous(
        session: Session, template: LabelTemplate, actor: str, uow: UnitOfWork
    ) -> None:
        previous = session.scalars(
            select(LabelTemplate).where(
                LabelTemplate.code == template.code,
                LabelTemplate.status == TemplateStatus.APPROVED,
            )
        )
        for old in previous:
            old.status, old.retired_at = TemplateStatus.RETIRED, uow.clock()
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="label_template",
                subject_id=old.id,
                old={"status": "approved"},
                new={"status": "retired", "superseded_by": template.id},
            )
