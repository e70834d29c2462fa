"""The trace as a tree with a focus, for the trace page and its report: the same walk as the
flat trace (``trace.py`` gathers the rows once), laid out donor → collection → batch → unit →
recipient, pools under each of their source batches, split/pooled/relabelled units under
the unit(s) they came from. Pure Python over rows already read: no query here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from models.chain.trace_nodes import IntegrityNote

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
    # records of the tree that differ from their audit trail (changed outside CellTrail)
    integrity: tuple[IntegrityNote, ...] = ()


def unit_status(unit: Any) -> str:
    """Recalled overrides the quality status: it is what the person holding the bag must see.
    ``unit`` is a ``ProductUnit`` or a row of its columns."""
    return "recalled" if unit.recalled else str(unit.quality_status.value)


@dataclass
class Walk:
    """Everything one trace reached, as rows with ids, plus the edges between them."""

    donors: Sequence[Any]
    collections: Sequence[Any]
    batches: Sequence[Any]  # with product, product_en, product_zh, coll
    units: Sequence[Any]  # with site_code, place_code
    recipients: Sequence[Any]  # with site_code
    given: dict[int, int]  # unit id → recipient id (one administration per unit)
    links: list[tuple[int, int]]  # (parent unit, child unit), children in the walk, link order
    sources: list[tuple[int, int, str]]  # (pool, source, source number) for pools in the walk
    extra: list[Any] = field(default_factory=list)  # a lone focus recipient (no donor, no unit)


def build_tree(
    walk: Walk, focus: NodeRef, integrity: tuple[IntegrityNote, ...] = ()
) -> TraceResult:
    """The tree from every donor upstream of ``focus`` (pools have several)."""
    return TraceResult(focus, _Layout(walk).roots(focus), integrity)


class _Layout:
    def __init__(self, walk: Walk) -> None:
        self.w = walk
        units = {u.id for u in walk.units}
        self.kids: dict[int, list[int]] = {}
        has_parent: set[int] = set()
        for parent, child in walk.links:
            if parent in units:
                self.kids.setdefault(parent, []).append(child)
                has_parent.add(child)
        self.unit = {u.id: u for u in walk.units}
        self.batch = {b.id: b for b in walk.batches}
        self.recipient = {r.id: r for r in [*walk.recipients, *walk.extra]}
        # a unit hangs under its parent unit when that parent is in the tree, else its batch
        self.top: dict[int, list[Any]] = {}
        for u in sorted(walk.units, key=lambda u: (u.din, u.division, u.id)):
            if u.id not in has_parent:
                self.top.setdefault(u.batch_id, []).append(u)
        self.pools: dict[int, list[int]] = {}
        self.fed: set[int] = set()  # batches made from another batch of the walk
        for pool, source, _number in walk.sources:
            if pool in self.batch and source in self.batch:
                self.pools.setdefault(source, []).append(pool)
                self.fed.add(pool)

    def roots(self, focus: NodeRef) -> tuple[TraceNode, ...]:
        if self.w.donors:
            return tuple(self.donor(d) for d in sorted(self.w.donors, key=lambda d: d.id))
        # no donor upstream (incomplete data): show what was reached rather than nothing
        heads = [b for b in self.batch.values() if b.id not in self.fed]
        if heads:
            return tuple(self.batch_node(b, frozenset()) for b in sorted(heads, key=_made))
        if focus.kind == "recipient" and focus.id in self.recipient:
            return (self.recipient_node(focus.id),)
        return ()

    def donor(self, d: Any) -> TraceNode:
        cols = sorted(
            (c for c in self.w.collections if c.donor_id == d.id),
            key=lambda c: (c.collected_at, c.id),
        )
        summary = f"{d.donor_type.value} {d.abo_rh or ''}".strip()
        children = tuple(self.collection(c) for c in cols)
        return TraceNode(NodeRef("donor", d.id), d.code, summary, d.eligibility.value, children)

    def collection(self, c: Any) -> TraceNode:
        batches = sorted((b for b in self.w.batches if b.collection_id == c.id), key=_made)
        summary = f"{c.material} {c.quantity or ''}".strip()
        status = None if c.accepted is None else ("accepted" if c.accepted else "rejected")
        children = tuple(self.batch_node(b, frozenset()) for b in batches)
        return TraceNode(NodeRef("collection", c.id), c.code, summary, status, children)

    def batch_node(self, b: Any, seen: frozenset[int]) -> TraceNode:
        seen = seen | {b.id}
        children = [self.unit_node(u.id, frozenset()) for u in self.top.get(b.id, [])]
        children += [
            self.batch_node(self.batch[p], seen) for p in self.pools.get(b.id, []) if p not in seen
        ]
        summary = f"{b.product} {b.product_en} / {b.product_zh}"
        return TraceNode(NodeRef("batch", b.id), b.number, summary, b.status.value, tuple(children))

    def unit_node(self, unit_id: int, seen: frozenset[int]) -> TraceNode:
        u, seen = self.unit[unit_id], seen | {unit_id}
        children = [self.unit_node(k, seen) for k in self.kids.get(unit_id, []) if k not in seen]
        if unit_id in self.w.given:
            children.append(self.recipient_node(self.w.given[unit_id]))
        summary = f"{u.product_code} /{u.division} {u.container_type} · {u.disposition.value}"
        status = unit_status(u)
        return TraceNode(NodeRef("unit", u.id), u.din, summary, status, tuple(children))

    def recipient_node(self, recipient_id: int) -> TraceNode:
        r = self.recipient[recipient_id]
        summary = f"{r.initials} {r.enrolment_no or ''}".strip()
        return TraceNode(NodeRef("recipient", r.id), r.code, summary, None)


def _made(b: Any) -> tuple[Any, int]:
    return (b.created_at, b.id)
