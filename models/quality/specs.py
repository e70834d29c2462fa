"""Versioned product specifications: drafted by QA, approved (signed) by a different QA person.

Approving a version retires the previously approved one for the same product type, so at
any time exactly one approved specification decides release (R-REL, §4 "configurable").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities.accounts import Signature, SignatureMeaning
from models.entities.production import ProductType
from models.entities.quality import (
    LimitKind,
    MethodKind,
    Specification,
    SpecificationTest,
    SpecStatus,
)
from models.identity.accounts import require_actor
from models.identity.signatures import (
    SignatureService,
    require_different_person,
    signature_matches,
)
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, NotFoundError, ValidationError
from models.kernel.record_check import RecordIntegrityError, require_intact, require_none_deleted
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UowFactory
from models.quality.common import QA_ROLES, require_text


@dataclass(frozen=True)
class SpecTestInput:
    test: str
    limit_kind: LimitKind
    source: str
    lower: float | None = None
    upper: float | None = None
    upper_exclusive: bool = False
    expected_text: str | None = None
    unit: str | None = None
    method: str | None = None
    method_kind: MethodKind = MethodKind.ANY
    required: bool = True
    is_cell_count: bool = False


def _check_limit(t: SpecTestInput) -> None:
    needs = {
        LimitKind.MINIMUM: t.lower is not None,
        LimitKind.MAXIMUM: t.upper is not None,
        LimitKind.RANGE: t.lower is not None and t.upper is not None,
        LimitKind.EXPECTED: bool(t.expected_text and t.expected_text.strip()),
        LimitKind.TAGME: True,
    }
    if not needs[t.limit_kind]:
        raise ValidationError(field=f"limit of {t.test}", reason=f"incomplete {t.limit_kind} limit")
    require_text(t.source, f"source of {t.test}")  # every limit must say where it comes from


def spec_content(spec: Specification) -> dict[str, Any]:
    return {
        "specification_id": spec.id,
        "code": spec.code,
        "version": spec.version,
        "product_type_id": spec.product_type_id,
        "tests": [
            {
                "test": t.test,
                "limit_kind": t.limit_kind,
                "lower": t.lower,
                "upper": t.upper,
                "upper_exclusive": t.upper_exclusive,
                "expected_text": t.expected_text,
                "unit": t.unit,
                "method_kind": t.method_kind,
                "required": t.required,
                "is_cell_count": t.is_cell_count,
                "source": t.source,
            }
            for t in spec.tests
        ],
    }


def approved_spec(session: Session, product_type_id: int) -> Specification | None:
    """The specification in force, refused if it, its tests or its approval signature differ
    from the audit trail, or the limits no longer match what QA signed."""
    spec = session.execute(
        select(Specification).where(
            Specification.product_type_id == product_type_id,
            Specification.status == SpecStatus.APPROVED,
        )
    ).scalar_one_or_none()
    if spec is None:
        return None
    signature = (
        session.get(Signature, spec.approval_signature_id) if spec.approval_signature_id else None
    )
    require_intact(session, spec, *spec.tests, signature)
    require_none_deleted(session, SpecificationTest, "specification_id", spec.id)
    if signature is None or not signature_matches(signature, spec_content(spec)):
        raise RecordIntegrityError(
            table="specification", record=spec.code, fields="approval signature", kind="altered"
        )
    return spec


class SpecificationService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def create_version(
        self,
        *,
        actor: str,
        code: str,
        product_type_id: int,
        title: str,
        tests: Sequence[SpecTestInput],
    ) -> int:
        """A new draft version (1 for a new code); limits are validated, never defaulted."""
        if not tests:
            raise ValidationError(field="tests", reason="a specification lists at least one test")
        for t in tests:
            _check_limit(t)
        if len({t.test for t in tests}) != len(tests):
            raise ValidationError(field="tests", reason="each test appears once")
        with self._uow() as uow:
            require_actor(uow.session, actor, QA_ROLES, "draft specifications")
            get_or_404(uow.session, ProductType, product_type_id, "product type")
            latest = uow.session.scalar(
                select(func.max(Specification.version)).where(Specification.code == code)
            )
            spec = Specification(
                code=require_text(code, "code"),
                version=(latest or 0) + 1,
                product_type_id=product_type_id,
                title=require_text(title, "title"),
                created_by=actor,
                created_at=uow.clock(),
                tests=[SpecificationTest(position=i, **vars(t)) for i, t in enumerate(tests)],
            )
            uow.session.add(spec)
            uow.session.flush()
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="specification",
                subject_id=f"{spec.code} v{spec.version}",
                new=spec_content(spec),
            )
            uow.commit()
            return spec.id

    def approve(self, *, spec_id: int, username: str, password: str) -> None:
        with self._uow() as uow:
            spec = uow.session.get(Specification, spec_id)
            if spec is not None:
                require_different_person(spec.created_by, username, uow.session)
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            spec = get_or_404(uow.session, Specification, spec_id, "specification")
            if spec.status is not SpecStatus.DRAFT:
                raise InvalidTransitionError(
                    kind="specification", ident=spec.code, current=spec.status, target="approved"
                )
            require_different_person(spec.created_by, username, uow.session)
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.APPROVED,
                subject_type="specification",
                subject_id=spec.id,
                content=spec_content(spec),
                allowed_roles=QA_ROLES,
            )
            previous = approved_spec(uow.session, spec.product_type_id)
            if previous is not None:
                previous.status = SpecStatus.RETIRED
                uow.session.flush()  # only one approved version per product at any time
            spec.status, spec.approved_by = SpecStatus.APPROVED, username
            spec.approved_at, spec.approval_signature_id = signature.signed_at, signature.id
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=username,
                subject_type="specification",
                subject_id=f"{spec.code} v{spec.version}",
                old={"status": "draft", "retired": previous.id if previous else None},
                new={"status": "approved"},
            )
            uow.commit()

    def current(self, product_type_id: int) -> dict[str, Any]:
        """The approved specification's content (for screens and the release package)."""
        with self._uow() as uow:
            spec = approved_spec(uow.session, product_type_id)
            if spec is None:
                raise NotFoundError(kind="approved specification", ident=product_type_id)
            return spec_content(spec) | {"title": spec.title, "approved_by": spec.approved_by}
