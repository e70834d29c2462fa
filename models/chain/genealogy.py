"""Split, aliquot, pool and relabel units; void wrong entries. Nothing is ever deleted.

Every transformation closes the old code (``transformed``) and links old → new in
``unit_link`` with the reason, who and when (R-ID-04); a second person verifies it.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any

from models.chain import lookup
from models.chain.errors import (
    ReasonRequiredError,
    SegregationError,
    UnitNotUsableError,
)
from models.chain.genealogy_sql import (
    is_infectious,
    require_single_patient_if_autologous,
    void_problem,
)
from models.chain.identifiers import Identifiers
from models.chain.unit_containers import require_unit_container
from models.entities.accounts import Role, SignatureMeaning
from models.entities.parties import Donor
from models.entities.production import (
    Batch,
    BatchSource,
    BatchStatus,
    Collection,
    Disposition,
    LinkKind,
    ProductUnit,
    QualityStatus,
    UnitLink,
)
from models.entities.workspaces import Workspace
from models.i18n import Message
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService, Signer, require_different_person
from models.identity.sites import held_at_manufacturer
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.operating_space import require_space_for
from models.kernel.unit_of_work import UnitOfWork, UowFactory

HANDLERS = (Role.OPERATOR, Role.CLINICAL)
CHECKERS = (Role.VERIFIER, Role.QA, Role.CLINICAL)
TRANSFORMABLE = (Disposition.IN_STOCK, Disposition.AT_HOSPITAL, Disposition.THAWED)
VOIDABLE: dict[str, Any] = {
    "unit": lookup.unit,
    "batch": lookup.batch,
    "collection": lookup.collection,
    "donor": lookup.donor,
}


def child_divisions(parent: str, parts: int) -> list[str]:
    """ISBT 128 division codes: 00 → A0, B0 …; A0 → Aa, Ab …; deeper needs a new DIN."""
    if parts > 26:
        raise ValidationError(field="parts", reason="at most 26 divisions")
    if parent == "00":
        return [f"{c}0" for c in string.ascii_uppercase[:parts]]
    if parent[1] == "0":
        return [f"{parent[0]}{c}" for c in string.ascii_lowercase[:parts]]
    raise ValidationError(field="division", reason=f"{parent} cannot be divided again; relabel it")


class GenealogyService:
    def __init__(
        self, uow_factory: UowFactory, identifiers: Identifiers, signatures: SignatureService
    ) -> None:
        self._uow = uow_factory
        self._ids = identifiers
        self._signatures = signatures

    def _verifier(self, actor: str, reason: str, verifier: str, password: str) -> Signer:
        if not reason.strip():
            raise ReasonRequiredError(action="Re-coding a unit")
        require_different_person(actor, verifier)
        return self._signatures.reauthenticate(verifier, password, SignatureMeaning.VERIFIED)

    def split(
        self,
        *,
        actor: str,
        unit_code: str,
        parts: int,
        reason: str,
        verifier: str,
        verifier_password: str,
        kind: LinkKind = LinkKind.SPLIT,
        container_type: str | None = None,
        workspace: str | None = None,
    ) -> list[str]:
        """Divide one unit into ``parts`` (same DIN, new division codes). At the manufacturer
        the work is done in ``workspace`` (default: the one the batch is open in), which must
        hold no other batch (R-LBL-11)."""
        if kind not in (LinkKind.SPLIT, LinkKind.ALIQUOT) or parts < 2:
            raise ValidationError(field="split", reason="split or aliquot into at least 2 parts")
        if container_type is not None:
            require_unit_container(container_type)
        signer = self._verifier(actor, reason, verifier, verifier_password)
        with self._uow() as uow:
            require_actor(uow.session, actor, HANDLERS, "split units")
            parent = _transformable(uow, unit_code)
            space = _space(uow, workspace, [parent], "split")
            children = []
            for division in child_divisions(parent.division, parts):
                child = _derive(uow, parent, actor, din=parent.din, division=division)
                child.product_code = parent.product_code[:6] + division
                child.container_type = container_type or parent.container_type
                if parent.volume_ml:
                    child.volume_ml = parent.volume_ml / parts
                if parent.cell_count:
                    child.cell_count = parent.cell_count / parts
                children.append(child)
            return self._finish(uow, actor, signer, kind, [parent], children, reason, space)

    def relabel(
        self, *, actor: str, unit_code: str, reason: str, verifier: str, verifier_password: str
    ) -> str:
        """A new code (fresh DIN) for the same content, linked to the old one."""
        signer = self._verifier(actor, reason, verifier, verifier_password)
        with self._uow() as uow:
            require_actor(uow.session, actor, HANDLERS, "relabel units")
            parent = _transformable(uow, unit_code)
            child = _derive(
                uow, parent, actor, din=self._ids.din(uow).number, division=parent.division
            )
            return self._finish(uow, actor, signer, LinkKind.RELABEL, [parent], [child], reason)[0]

    def pool_units(
        self,
        *,
        actor: str,
        unit_codes: Sequence[str],
        reason: str,
        verifier: str,
        verifier_password: str,
        workspace: str | None = None,
    ) -> str:
        """Pool units into one new unit that traces to every source (R-ID-06), in a workspace
        holding no batch but the sources' at the manufacturer (R-LBL-11)."""
        if len(set(unit_codes)) < 2:
            raise ValidationError(field="pool", reason="pool at least two units")
        signer = self._verifier(actor, reason, verifier, verifier_password)
        with self._uow() as uow:
            require_actor(uow.session, actor, HANDLERS, "pool units")
            parents = [_transformable(uow, c) for c in dict.fromkeys(unit_codes)]
            space = _space(uow, workspace, parents, "pool")
            _same_infectious_class(uow, parents)
            require_single_patient_if_autologous(uow.session, {p.batch_id for p in parents})
            first = parents[0]
            child = _derive(uow, first, actor, din=self._ids.din(uow).number, division="00")
            child.product_code = first.product_code[:6] + "00"
            child.batch_id = self._pool_batch(uow, actor, parents)
            child.volume_ml = sum(p.volume_ml or 0 for p in parents) or None
            child.cell_count = sum(p.cell_count or 0 for p in parents) or None
            child.expires_at = min((p.expires_at for p in parents if p.expires_at), default=None)
            if child.batch_id != first.batch_id or any(
                p.quality_status is not first.quality_status for p in parents
            ):
                # a new pool batch is a new product: QA releases it like any batch (R-BAT-03)
                child.quality_status = QualityStatus.QUARANTINE
            return self._finish(uow, actor, signer, LinkKind.POOL, parents, [child], reason, space)[
                0
            ]

    def _pool_batch(self, uow: UnitOfWork, actor: str, parents: list[ProductUnit]) -> int:
        batch_ids = sorted({p.batch_id for p in parents})
        if len(batch_ids) == 1:
            return batch_ids[0]
        template = parents[0].batch
        pool = Batch(
            number=self._ids.batch_number(uow, template.product_type.category.value),
            product_type_id=template.product_type_id,
            is_pool=True,
            coi_id=self._ids.coi(uow).text,
            status=BatchStatus.QUARANTINE,  # released only through QA's release hook
            harvest_at=template.harvest_at,
            created_at=uow.clock(),
            created_by=actor,
        )
        uow.session.add(pool)
        uow.session.flush()
        for batch_id in batch_ids:
            uow.session.add(BatchSource(pool_batch_id=pool.id, source_batch_id=batch_id))
        uow.audit.record(
            AuditAction.CREATE,
            actor=actor,
            subject_type="batch",
            subject_id=pool.number,
            new={"pool": True, "source_batch_ids": batch_ids, "status": "quarantine"},
        )
        return pool.id

    def _finish(
        self,
        uow: UnitOfWork,
        actor: str,
        signer: Signer,
        kind: LinkKind,
        parents: list[ProductUnit],
        children: list[ProductUnit],
        reason: str,
        space: Workspace | None = None,
    ) -> list[str]:
        now = uow.clock()
        for parent in parents:
            for child in children:
                uow.session.add(
                    UnitLink(
                        parent_unit_id=parent.id,
                        child_unit_id=child.id,
                        kind=kind,
                        reason=reason,
                        linked_at=now,
                        linked_by=actor,
                        workspace_id=space.id if space is not None else None,
                    )
                )
            parent.disposition, parent.storage_location_id = Disposition.TRANSFORMED, None
        old = [lookup.unit_code(p) for p in parents]
        new = [lookup.unit_code(c) for c in children]
        content = {"kind": kind.value, "from": old, "to": new, "reason": reason}
        if space is not None:
            content["workspace"] = space.code
        self._signatures.sign(
            uow,
            signer=signer,
            meaning=SignatureMeaning.VERIFIED,
            subject_type="unit_link",
            subject_id=",".join(old),
            content=content,
            allowed_roles=CHECKERS,
        )
        uow.audit.record(
            AuditAction.TRANSITION,
            actor=actor,
            subject_type="product_unit",
            subject_id=",".join(old),
            old={"disposition": "in use"},
            new={"disposition": "transformed", **content},
            reason=reason,
        )
        uow.commit()
        return new

    def void(self, *, actor: str, kind: str, identifier: str, reason: str) -> None:
        """Mark a wrong record void with a reason; it stays visible in every trace."""
        if not reason.strip():
            raise ReasonRequiredError(action="Voiding")
        if kind not in VOIDABLE:
            raise ValidationError(field="kind", reason=f"one of {', '.join(VOIDABLE)}")
        with self._uow() as uow:
            require_actor(uow.session, actor, (Role.QA,), f"void a {kind}")
            record: ProductUnit | Batch | Collection | Donor = VOIDABLE[kind](
                uow.session, identifier
            )
            if record.voided_reason:
                raise InvalidTransitionError(
                    kind=kind, ident=identifier, current="voided", target="voided"
                )
            if isinstance(record, ProductUnit) and record.disposition is Disposition.ADMINISTERED:
                raise UnitNotUsableError(
                    unit=identifier, action="voiding", problem="already administered"
                )
            record.voided_reason = reason
            uow.audit.record(
                AuditAction.VOID,
                actor=actor,
                subject_type=kind,
                subject_id=identifier,
                old={"voided": False},
                new={"voided": True},
                reason=reason,
            )
            uow.commit()


def _transformable(uow: UnitOfWork, code: str) -> ProductUnit:
    unit = lookup.unit(uow.session, code)
    problem = (
        "recalled"
        if unit.recalled
        else unit.disposition.value
        if unit.disposition not in TRANSFORMABLE
        else void_problem(uow.session, unit)
    )
    if problem:
        raise UnitNotUsableError(unit=code, action="re-coding", problem=problem)
    return unit


def _space(
    uow: UnitOfWork, code: str | None, units: list[ProductUnit], action: str
) -> Workspace | None:
    """The workspace a split or pool at the manufacturer is done in; a hospital's
    re-processing (under its quality agreement, R-HOS-05) has none."""
    session = uow.session
    return require_space_for(
        session,
        code,
        {u.batch_id for u in units},
        ", ".join(sorted({u.batch.number for u in units})),
        Message(f"workspace_action.{action}"),
        required=all(held_at_manufacturer(session, u) for u in units),
    )


def _same_infectious_class(uow: UnitOfWork, units: list[ProductUnit]) -> None:
    """R-SEG: infectious material is never pooled with non-infectious material."""
    classes = {u.id: is_infectious(uow.session, u) for u in units}
    if len(set(classes.values())) > 1:
        unit = next(u for u in units if classes[u.id])
        raise SegregationError(unit=lookup.unit_code(unit), infectious="infectious", place="a pool")


def _derive(
    uow: UnitOfWork, parent: ProductUnit, actor: str, *, din: str, division: str
) -> ProductUnit:
    child = ProductUnit(
        din=din,
        product_code=parent.product_code,
        division=division,
        batch_id=parent.batch_id,
        container_type=parent.container_type,
        cell_count=parent.cell_count,
        volume_ml=parent.volume_ml,
        expires_at=parent.expires_at,
        quality_status=parent.quality_status,
        disposition=parent.disposition,
        storage_location_id=parent.storage_location_id,
        site_id=parent.site_id,
        intended_recipient_id=parent.intended_recipient_id,
        hold_reason=parent.hold_reason,
        created_at=uow.clock(),
        created_by=actor,
    )
    uow.session.add(child)
    uow.session.flush()
    return child
