"""Recall: mark every affected unit, block it at every later step, list where each one is now.

Scope by what is recalled: a donor (or a recipient, whose donors are then suspected) takes
everything made from that donor, pools included; a batch takes its units and every pool made
from it; a unit takes itself and everything derived from it.  Administered units are listed
too, so their recipients can be followed up.  The ``recalled`` flag is what the shipment,
thaw, re-coding and bedside checks refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain import genealogy_sql as g
from models.chain import lookup
from models.chain.errors import ReasonRequiredError
from models.chain.identifiers import next_value
from models.chain.trace_nodes import _locations
from models.chain.trace_resolve import locate, upstream
from models.entities.accounts import Role, SignatureMeaning
from models.entities.logistics import Administration, Recall, RecallItem
from models.entities.production import Batch, BatchStatus, Collection, ProductUnit
from models.identity.accounts import require_actor
from models.identity.signatures import SignatureService
from models.kernel.audit import AuditAction
from models.kernel.site_time import site_local
from models.kernel.unit_of_work import UnitOfWork, UowFactory


@dataclass(frozen=True)
class RecalledUnit:
    unit: str
    disposition: str
    location: str
    newly_recalled: bool


@dataclass(frozen=True)
class RecallReport:
    code: str
    origin: str
    units: tuple[RecalledUnit, ...]


def affected_units(session: Session, identifier: str) -> list[ProductUnit]:
    focus = locate(session, identifier)  # a scanned COI or DIN means its stored text
    kind, ident = focus.kind, focus.ident
    if kind == "unit":
        roots: set[int] = g.unit_descendants(session, [ident])
    else:
        if kind == "batch":
            batches = {ident}
        else:
            donors, batches = upstream(session, focus)
            batches |= set(
                session.scalars(
                    select(Batch.id)
                    .join(Collection, Collection.id == Batch.collection_id)
                    .where(Collection.donor_id.in_(donors))
                )
            )
        batches = g.batch_pools(session, batches)
        roots = g.unit_descendants(
            session,
            session.scalars(select(ProductUnit.id).where(ProductUnit.batch_id.in_(batches))).all(),
        )
    return list(
        session.scalars(
            select(ProductUnit).where(ProductUnit.id.in_(roots)).order_by(ProductUnit.id)
        )
    )


class RecallService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def initiate(self, *, actor: str, password: str, identifier: str, reason: str) -> RecallReport:
        if not reason.strip():
            raise ReasonRequiredError(action="A recall")
        signer = self._signatures.reauthenticate(actor, password, SignatureMeaning.APPROVED)
        with self._uow() as uow:
            require_actor(uow.session, actor, (Role.QA,), "recall products", quality_decision=True)
            now = uow.clock()
            units = affected_units(uow.session, identifier)
            year = f"{site_local(uow.session, now):%Y}"
            code = f"RC-{year}-{next_value(uow.session, 'recall', year, 99999):05d}"
            recall = Recall(
                code=code,
                reason=reason,
                origin_identifier=identifier.strip()[:64],
                initiated_by=actor,
                initiated_at=now,
            )
            uow.session.add(recall)
            uow.session.flush()
            given = dict(
                uow.session.execute(
                    select(Administration.unit_id, Administration.recipient_id).where(
                        Administration.unit_id.in_([u.id for u in units])
                    )
                ).all()
            )
            where = _locations(uow.session, units, given)
            items = []
            for unit in units:
                items.append(
                    RecalledUnit(
                        lookup.unit_code(unit),
                        unit.disposition.value,
                        where[unit.id],
                        not unit.recalled,
                    )
                )
                unit.recalled = True
                uow.session.add(
                    RecallItem(
                        recall_id=recall.id,
                        unit_id=unit.id,
                        location_at_recall=where[unit.id][:200],
                    )
                )
            content = {"code": code, "origin": identifier, "units": [i.unit for i in items]}
            self._signatures.sign(
                uow,
                signer=signer,
                meaning=SignatureMeaning.APPROVED,
                subject_type="recall",
                subject_id=code,
                content=content,
                allowed_roles=(Role.QA,),
                reason=reason,
            )
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="recall",
                subject_id=code,
                new={**content, "locations": {i.unit: i.location for i in items}},
                reason=reason,
            )
            _mark_recalled_batches(uow, actor, code, {u.batch_id for u in units})
            uow.commit()
            return RecallReport(code, identifier, tuple(items))


def _mark_recalled_batches(uow: UnitOfWork, actor: str, recall: str, batch_ids: set[int]) -> None:
    """A released batch all of whose units are now recalled is itself recalled: its status says
    so on every screen, and it counts as closed for the retention archive."""
    session = uow.session
    for batch in session.scalars(
        select(Batch).where(Batch.id.in_(batch_ids), Batch.status == BatchStatus.RELEASED)
    ):
        still_good = session.scalar(
            select(ProductUnit.id).where(
                ProductUnit.batch_id == batch.id,
                ProductUnit.voided_reason.is_(None),
                ProductUnit.recalled.is_(False),
            )
        )
        if still_good is None:
            batch.status = BatchStatus.RECALLED
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="batch",
                subject_id=batch.number,
                old={"status": BatchStatus.RELEASED.value},
                new={"status": BatchStatus.RECALLED.value},
                reason=f"every unit recalled ({recall})",
            )
