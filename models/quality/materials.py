"""Materials: approved suppliers, lot receipt, QA release, FEFO issue per batch, lot trace.

Issue refuses expired, unreleased, rejected and β-lactam lots outright (R-MAT-04/08);
choosing a usable lot other than the FEFO proposal needs a recorded reason (R-MAT-03).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from models.chain.genealogy_sql import batch_pools, unit_descendants
from models.entities.accounts import SignatureMeaning
from models.entities.logistics import Administration
from models.entities.materials import LotStatus, MaterialLot, MaterialUsage, Supplier
from models.entities.parties import Recipient
from models.entities.production import Batch, ProductUnit
from models.i18n import Message
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.operating_space import require_space_for
from models.kernel.rows import get_or_404
from models.kernel.unit_of_work import UowFactory
from models.quality.common import QA_ROLES, STAFF_ROLES, require_text
from models.quality.stock import fefo_pick, lot_block_reason


@dataclass(frozen=True)
class LotReceipt:
    internal_lot: str
    material_code: str
    material_name: str
    category: str
    supplier_id: int
    supplier_lot: str
    quantity: float
    quantity_unit: str
    expires_at: datetime
    containers: int = 1
    coa_ref: str | None = None
    contains_beta_lactam: bool = False
    remarks: str | None = None


@dataclass(frozen=True)
class LotTrace:
    lot: str
    batches: list[str]
    units: list[str]  # DIN + product code + division
    recipients: list[str]


def _lot_content(lot: MaterialLot) -> dict[str, Any]:
    return {
        "lot_id": lot.id,
        "internal_lot": lot.internal_lot,
        "material_code": lot.material_code,
        "supplier_id": lot.supplier_id,
        "supplier_lot": lot.supplier_lot,
        "quantity_received": lot.quantity_received,
        "coa_ref": lot.coa_ref,
        "expires_at": lot.expires_at,
        "contains_beta_lactam": lot.contains_beta_lactam,
    }


class MaterialService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def add_supplier(self, *, actor: str, code: str, name: str, manufacturer: str | None) -> int:
        with self._uow() as uow:
            require_actor(uow.session, actor, STAFF_ROLES, "register suppliers")
            supplier = Supplier(
                code=require_text(code, "supplier code"),
                name=require_text(name, "supplier name"),
                manufacturer=manufacturer,
                created_by=actor,
                created_at=uow.clock(),
            )
            uow.session.add(supplier)
            uow.session.flush()
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="supplier",
                subject_id=supplier.code,
                new={"name": name, "manufacturer": manufacturer, "approved": False},
            )
            uow.commit()
            return supplier.id

    def approve_supplier(self, *, supplier_id: int, username: str, password: str) -> None:
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            supplier = get_or_404(uow.session, Supplier, supplier_id, "supplier")
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.APPROVED,
                subject_type="supplier",
                subject_id=supplier.id,
                content={"supplier_id": supplier.id, "code": supplier.code, "name": supplier.name},
                allowed_roles=QA_ROLES,
            )
            supplier.approved, supplier.approved_by = True, username
            supplier.approved_at, supplier.approval_signature_id = signature.signed_at, signature.id
            uow.commit()

    def receive_lot(self, *, actor: str, receipt: LotReceipt) -> int:
        if receipt.quantity <= 0:
            raise ValidationError(field="quantity", reason="must be positive")
        with self._uow() as uow:
            require_actor(uow.session, actor, STAFF_ROLES, "receive materials")
            supplier = get_or_404(uow.session, Supplier, receipt.supplier_id, "supplier")
            if not supplier.approved:  # QA approval before receipt (R-MAT-06)
                raise ValidationError(
                    field="supplier", reason=f"{supplier.code} is not QA-approved"
                )
            fields = vars(receipt) | {"quantity_received": receipt.quantity}
            del fields["quantity"]
            lot = MaterialLot(
                **fields,
                quantity_remaining=receipt.quantity,
                received_at=uow.clock(),
                received_by=actor,
            )
            uow.session.add(lot)
            uow.session.flush()
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="material_lot",
                subject_id=lot.internal_lot,
                new=_lot_content(lot) | {"status": lot.status},
            )
            uow.commit()
            return lot.id

    def set_lot_status(
        self, *, lot_id: int, status: LotStatus, username: str, password: str, reason: str = ""
    ) -> None:
        """QA releases or rejects a quarantined lot; a rejected lot stays rejected."""
        signer = self._signatures.reauthenticate(username, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            lot = get_or_404(uow.session, MaterialLot, lot_id, "material lot")
            if lot.status is LotStatus.REJECTED or lot.status is status:
                raise InvalidTransitionError(
                    kind="material lot", ident=lot.internal_lot, current=lot.status, target=status
                )
            signature = self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.APPROVED,
                subject_type="material_lot",
                subject_id=lot.id,
                content=_lot_content(lot) | {"status": status.value},
                allowed_roles=QA_ROLES,
                reason=reason or None,
            )
            old, lot.status = lot.status, status
            if status is LotStatus.RELEASED:
                lot.released_by, lot.released_at = username, signature.signed_at
                lot.release_signature_id = signature.id
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=username,
                subject_type="material_lot",
                subject_id=lot.internal_lot,
                old={"status": old.value},
                new={"status": status.value},
                reason=reason or None,
            )
            uow.commit()

    def propose_lot(self, material_code: str) -> int | None:
        """The pick-list proposal: earliest expiry first, then earliest receipt."""
        with self._uow() as uow:
            lots = uow.session.scalars(
                select(MaterialLot).where(MaterialLot.material_code == material_code)
            ).all()
            pick = fefo_pick(lots, uow.clock())
            return pick.id if pick else None

    def issue_to_batch(
        self,
        *,
        lot_id: int,
        batch_id: int,
        quantity: float,
        actor: str,
        override_reason: str | None = None,
    ) -> int:
        with self._uow() as uow:
            require_actor(uow.session, actor, STAFF_ROLES, "issue materials")
            lot = get_or_404(uow.session, MaterialLot, lot_id, "material lot")
            batch = get_or_404(uow.session, Batch, batch_id, "batch")
            # R-LBL-11, R-SEG-01: material goes into the batch in the workspace it is open in
            space = require_space_for(
                uow.session,
                None,
                {batch_id},
                batch.number,
                Message("workspace_action.material_use"),
            )
            now = uow.clock()
            blocked = lot_block_reason(lot, now)
            if blocked:
                raise ValidationError(field=f"lot {lot.internal_lot}", reason=blocked)
            if not 0 < quantity <= lot.quantity_remaining:
                raise ValidationError(field="quantity", reason="exceeds the quantity on hand")
            siblings = uow.session.scalars(
                select(MaterialLot).where(MaterialLot.material_code == lot.material_code)
            ).all()
            pick = fefo_pick(siblings, now)
            if pick is not None and pick.id != lot.id and not (override_reason or "").strip():
                raise ValidationError(
                    field=f"lot {lot.internal_lot}",
                    reason=f"FEFO proposes {pick.internal_lot}; give a reason to override",
                )
            lot.quantity_remaining -= quantity
            usage = MaterialUsage(
                lot_id=lot.id,
                batch_id=batch_id,
                quantity=quantity,
                used_by=actor,
                used_at=now,
                override_reason=override_reason,
                workspace_id=space.id if space is not None else None,
            )
            uow.session.add(usage)
            uow.session.flush()
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="material_usage",
                subject_id=usage.id,
                new={
                    "lot": lot.internal_lot,
                    "batch_id": batch_id,
                    "quantity": quantity,
                    "workspace": space.code if space is not None else None,
                },
                reason=override_reason,
            )
            uow.commit()
            return usage.id

    def trace_lot(self, lot_id: int) -> LotTrace:
        """Lot → batches (and pools made from them) → units → recipients."""
        with self._uow() as uow:
            s = uow.session
            lot = get_or_404(s, MaterialLot, lot_id, "material lot")
            used = set(
                s.scalars(select(MaterialUsage.batch_id).where(MaterialUsage.lot_id == lot_id))
            )
            batch_ids = batch_pools(s, used)  # a lot in a batch also reaches its pools
            batches = s.scalars(select(Batch.number).where(Batch.id.in_(batch_ids))).all()
            direct = s.scalars(select(ProductUnit.id).where(ProductUnit.batch_id.in_(batch_ids)))
            unit_ids = unit_descendants(s, direct)  # splits and relabels keep the link
            units = s.scalars(select(ProductUnit).where(ProductUnit.id.in_(unit_ids))).all()
            recipients = s.scalars(
                select(Recipient.code)
                .join(Administration, Administration.recipient_id == Recipient.id)
                .where(Administration.unit_id.in_(unit_ids))
            ).all()
            return LotTrace(
                lot=lot.internal_lot,
                batches=sorted(batches),
                units=sorted(u.din + u.product_code + u.division for u in units),
                recipients=sorted(set(recipients)),
            )
