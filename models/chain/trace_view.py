"""Chain of identity, read-only: donor → collection → batch → units → recipients, and back.

Small on purpose (``find``, ``trace``, ``record_detail``) so the GUI can later switch to
the chain-of-identity trace service.  Searching any record returns the whole tree from
its donor(s) down, with the searched record as the focus: that is "and back".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from models.entities.logistics import Administration
from models.entities.parties import Donor, Recipient
from models.entities.production import Batch, BatchSource, Collection, ProductUnit, UnitLink
from models.isbt128 import CoiScan, DinScan, Isbt128Error, parse_scan

NodeKind = Literal["donor", "collection", "batch", "unit", "recipient"]


@dataclass(frozen=True)
class NodeRef:
    kind: NodeKind
    id: int


@dataclass(frozen=True)
class TraceNode:
    ref: NodeRef
    identifier: str  # what the label / scanner shows: donor code, batch number, DIN …
    summary: str  # one line of context, not translated (product names are bilingual data)
    status: str | None
    children: tuple[TraceNode, ...] = ()

    def walk(self) -> Iterable[tuple[int, TraceNode]]:
        """Depth-first (depth, node) pairs; used for exports and for finding the focus."""
        stack: list[tuple[int, TraceNode]] = [(0, self)]
        while stack:
            depth, node = stack.pop()
            yield depth, node
            stack.extend((depth + 1, c) for c in reversed(node.children))


@dataclass(frozen=True)
class TraceResult:
    focus: NodeRef
    roots: tuple[TraceNode, ...]


def find(session: Session, text: str) -> NodeRef | None:
    """Resolve any identifier (scanned or typed) to the record it names, or None."""
    value = text.strip()
    if not value:
        return None
    try:
        scan = parse_scan(value)
    except Isbt128Error:
        scan = None
    if isinstance(scan, DinScan):
        return _first(
            session, "unit", select(ProductUnit.id).where(ProductUnit.din == scan.din.number)
        )
    if isinstance(scan, CoiScan):
        value = scan.coi.text
    upper = value.upper()
    lookups: list[tuple[NodeKind, Select[int]]] = [
        ("unit", select(ProductUnit.id).where(func.upper(ProductUnit.din) == upper)),
        ("batch", select(Batch.id).where(func.upper(Batch.number) == upper)),
        ("batch", select(Batch.id).where(func.upper(Batch.coi_id) == upper)),
        ("donor", select(Donor.id).where(func.upper(Donor.code) == upper)),
        ("collection", select(Collection.id).where(func.upper(Collection.code) == upper)),
        ("recipient", select(Recipient.id).where(func.upper(Recipient.code) == upper)),
        ("recipient", select(Recipient.id).where(func.upper(Recipient.enrolment_no) == upper)),
    ]
    for kind, query in lookups:
        ref = _first(session, kind, query)
        if ref:
            return ref
    return None


def _first(session: Session, kind: NodeKind, query: Select[int]) -> NodeRef | None:
    found = session.scalars(query.limit(1)).first()
    return NodeRef(kind, int(found)) if found is not None else None


def trace(session: Session, focus: NodeRef) -> TraceResult:
    """The full tree from every donor upstream of ``focus`` (pools have several)."""
    donors = sorted(_donors_of(session, focus))
    if donors:
        roots = tuple(_donor_node(session, d) for d in donors)
    elif focus.kind == "recipient":
        roots = (_recipient_node(session, focus.id),)
    else:
        roots = (_orphan_node(session, focus),)
    return TraceResult(focus=focus, roots=roots)


# -- upstream ("back") ---------------------------------------------------------------------


def _donors_of(session: Session, ref: NodeRef) -> set[int]:
    if ref.kind == "donor":
        return {ref.id}
    if ref.kind == "collection":
        return set(session.scalars(select(Collection.donor_id).where(Collection.id == ref.id)))
    if ref.kind == "batch":
        return _donors_of_batch(session, ref.id, set())
    if ref.kind == "unit":
        batch_id = session.scalar(select(ProductUnit.batch_id).where(ProductUnit.id == ref.id))
        parents = session.scalars(
            select(UnitLink.parent_unit_id).where(UnitLink.child_unit_id == ref.id)
        )
        found = _donors_of_batch(session, batch_id, set()) if batch_id else set()
        for parent in parents:
            found |= _donors_of(session, NodeRef("unit", parent))
        return found
    recipient = session.get(Recipient, ref.id)
    found = {recipient.donor_id} if recipient and recipient.donor_id else set()
    units = session.scalars(
        select(Administration.unit_id).where(Administration.recipient_id == ref.id)
    )
    for unit in units:
        found |= _donors_of(session, NodeRef("unit", unit))
    return found


def _donors_of_batch(session: Session, batch_id: int, seen: set[int]) -> set[int]:
    if batch_id in seen:
        return set()
    seen.add(batch_id)
    query = select(Collection.donor_id).join(Batch, Batch.collection_id == Collection.id)
    found = set(session.scalars(query.where(Batch.id == batch_id)))
    sources = session.scalars(
        select(BatchSource.source_batch_id).where(BatchSource.pool_batch_id == batch_id)
    )
    for source in sources:
        found |= _donors_of_batch(session, source, seen)
    return found


# -- downstream ----------------------------------------------------------------------------


def _donor_node(session: Session, donor_id: int) -> TraceNode:
    donor = session.get(Donor, donor_id)
    assert donor is not None
    collections = session.scalars(
        select(Collection).where(Collection.donor_id == donor_id).order_by(Collection.collected_at)
    )
    children = tuple(_collection_node(session, c) for c in collections)
    summary = f"{donor.donor_type.value} {donor.abo_rh or ''}".strip()
    return TraceNode(
        NodeRef("donor", donor.id), donor.code, summary, donor.eligibility.value, children
    )


def _collection_node(session: Session, collection: Collection) -> TraceNode:
    batches = session.scalars(
        select(Batch).where(Batch.collection_id == collection.id).order_by(Batch.created_at)
    )
    children = tuple(_batch_node(session, b, set()) for b in batches)
    summary = f"{collection.material} {collection.quantity or ''}".strip()
    status = (
        "accepted"
        if collection.accepted
        else ("rejected" if collection.accepted is False else None)
    )
    return TraceNode(
        NodeRef("collection", collection.id), collection.code, summary, status, children
    )


def _batch_node(session: Session, batch: Batch, seen: set[int]) -> TraceNode:
    seen = seen | {batch.id}
    top_units = session.scalars(
        select(ProductUnit)
        .where(ProductUnit.batch_id == batch.id)
        .where(~ProductUnit.id.in_(select(UnitLink.child_unit_id)))
        .order_by(ProductUnit.din, ProductUnit.division)
    )
    children = [_unit_node(session, u, set()) for u in top_units]
    pools = session.scalars(
        select(Batch)
        .join(BatchSource, BatchSource.pool_batch_id == Batch.id)
        .where(BatchSource.source_batch_id == batch.id)
    )
    children += [_batch_node(session, p, seen) for p in pools if p.id not in seen]
    summary = (
        f"{batch.product_type.code} {batch.product_type.name_en} / {batch.product_type.name_zh}"
    )
    return TraceNode(
        NodeRef("batch", batch.id), batch.number, summary, batch.status.value, tuple(children)
    )


def unit_status(unit: ProductUnit) -> str:
    """Recalled overrides the quality status: it is what the person holding the bag must see."""
    return "recalled" if unit.recalled else unit.quality_status.value


def _unit_node(session: Session, unit: ProductUnit, seen: set[int]) -> TraceNode:
    seen = seen | {unit.id}
    kids = session.scalars(
        select(ProductUnit)
        .join(UnitLink, UnitLink.child_unit_id == ProductUnit.id)
        .where(UnitLink.parent_unit_id == unit.id)
    )
    children = [_unit_node(session, k, seen) for k in kids if k.id not in seen]
    recipients = session.scalars(
        select(Administration.recipient_id).where(Administration.unit_id == unit.id)
    )
    children += [_recipient_node(session, r) for r in recipients]
    summary = (
        f"{unit.product_code} /{unit.division} {unit.container_type} · {unit.disposition.value}"
    )
    return TraceNode(
        NodeRef("unit", unit.id), unit.din, summary, unit_status(unit), tuple(children)
    )


def _recipient_node(session: Session, recipient_id: int) -> TraceNode:
    recipient = session.get(Recipient, recipient_id)
    assert recipient is not None
    summary = f"{recipient.initials} {recipient.enrolment_no or ''}".strip()
    return TraceNode(NodeRef("recipient", recipient.id), recipient.code, summary, None)


def _orphan_node(session: Session, ref: NodeRef) -> TraceNode:
    """A record with no donor upstream (incomplete data): show it alone rather than nothing."""
    if ref.kind == "batch":
        batch = session.get(Batch, ref.id)
        assert batch is not None
        return _batch_node(session, batch, set())
    unit = session.get(ProductUnit, ref.id)
    assert unit is not None
    return _unit_node(session, unit, set())
