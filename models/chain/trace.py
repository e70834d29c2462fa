"""Trace any identifier both ways: donor → collections → batches → units → recipients, and back.

From whatever is scanned or typed (donor code, collection, batch number, COI id — typed or
scanned —, DIN, recipient) the trace climbs to every donor upstream, then returns everything
downstream of those donors: so a recipient's trace lists every other recipient of the same
donor or batch. About a dozen indexed Core queries (the genealogy closures folded into them)
keep it fast on a site of a million units. ``gather`` walks once; ``build_trace`` lays the
walk out flat (CLI, archive, recall), ``trace_tree`` as the trace page's tree with a focus.
Result types live in ``trace_nodes`` and ``trace_tree``, identifier resolution in
``trace_resolve``; all are re-exported here. ``TraceService`` is the one door for callers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, or_, select
from sqlalchemy.orm import Session, aliased

from models.chain.genealogy_sql import closure_cte
from models.chain.records import RecordDetail, record_detail
from models.chain.trace_flat import flat_trace
from models.chain.trace_integrity import walk_integrity
from models.chain.trace_nodes import (
    BatchNode,
    CollectionNode,
    DonorNode,
    RecipientNode,
    Trace,
    UnitNode,
    _locations,
)
from models.chain.trace_resolve import (
    Focus,
    _upstream,
    find,
    locate,
    normalise,
    resolve,
    upstream,
)
from models.chain.trace_tree import NodeRef, TraceNode, TraceResult, Walk, build_tree, unit_status
from models.entities.logistics import Administration, StorageLocation
from models.entities.parties import Donor, Recipient, Site
from models.entities.production import (
    Batch,
    BatchSource,
    Collection,
    ProductType,
    ProductUnit,
    UnitLink,
)
from models.kernel.audit_queries import AuditRow, SignatureRow, audit_trail, signatures_for
from models.kernel.db import read_only

__all__ = [
    "BatchNode",
    "CollectionNode",
    "Dossier",
    "DonorNode",
    "Focus",
    "NodeRef",
    "RecipientNode",
    "Trace",
    "TraceNode",
    "TraceResult",
    "TraceService",
    "UnitNode",
    "_locations",
    "_upstream",
    "build_trace",
    "find",
    "gather",
    "locate",
    "normalise",
    "resolve",
    "trace_tree",
    "unit_status",
    "upstream",
]


class TraceService:
    """Every read of the chain of identity: the flat trace (CLI, archive, recall) and the
    tree the trace page shows; each method opens its own read-only snapshot."""

    def __init__(self, engine: Any) -> None:
        self._engine = read_only(engine)  # a snapshot that never waits for writers

    def trace(self, identifier: str) -> Trace:
        with Session(self._engine) as session, session.begin():
            return build_trace(session, identifier)

    def find(self, text: str) -> NodeRef | None:
        """The record scanned or typed text names, or None (the GUI says "nothing found")."""
        with Session(self._engine) as session, session.begin():
            return find(session, text)

    def tree(self, ref: NodeRef) -> TraceResult:
        """The whole tree from the donor(s) upstream of ``ref`` down, ``ref`` as its focus."""
        with Session(self._engine) as session, session.begin():
            return trace_tree(session, ref)

    def record(self, ref: NodeRef) -> RecordDetail:
        """One record's facts (detail panel, report headings); NotFoundError if it is gone."""
        with Session(self._engine) as session, session.begin():
            return record_detail(session, ref)

    def dossier(self, ref: NodeRef) -> Dossier:
        """One record's facts with its audit trail and signatures, from one snapshot."""
        with Session(self._engine) as session, session.begin():
            detail = record_detail(session, ref)
            return Dossier(
                detail,
                audit_trail(session, detail.subjects),
                signatures_for(session, detail.subjects),
            )


@dataclass(frozen=True)
class Dossier:
    detail: RecordDetail
    trail: tuple[AuditRow, ...]
    signatures: tuple[SignatureRow, ...]


def build_trace(session: Session, identifier: str) -> Trace:
    focus = locate(session, identifier)
    walk = gather(session, focus)
    return flat_trace(session, walk, identifier, focus)


def trace_tree(session: Session, ref: NodeRef) -> TraceResult:
    walk = gather(session, Focus(ref.kind, ref.id, ""))  # text matters for a COI focus only
    if not walk.donors and ref.kind == "recipient":
        walk.extra = list(_recipient_rows(session.connection(), Recipient.id == ref.id))
    return build_tree(walk, ref, walk_integrity(session.connection(), walk))


def gather(session: Session, focus: Focus) -> Walk:
    """Every record upstream donors lead to, with ids and edges: the one walk of the trace."""
    donor_ids, focus_batches = upstream(session, focus)
    conn = session.connection()
    collections = conn.execute(
        select(Collection, Donor.code.label("donor_code"))
        .join(Donor, Donor.id == Collection.donor_id)
        .where(Collection.donor_id.in_(donor_ids))
        .order_by(Collection.collected_at, Collection.id)
    ).all()
    anchor = select(Batch.id.label("id")).where(
        or_(Batch.id.in_(focus_batches), Batch.collection_id.in_([c.id for c in collections]))
    )
    pools = closure_cte(BatchSource.source_batch_id, BatchSource.pool_batch_id, anchor, "pools")
    batch_ids = {int(i) for i in conn.execute(select(pools.c.id)).scalars()}
    # Seed the unit closure with the batch ids as values, not the pools CTE: PostgreSQL
    # cannot estimate a recursive CTE and, guessing hundreds of thousands of rows, would
    # hash whole tables (10-50x slower at 1M units); with a short literal list it uses the
    # indexes, as SQLite does anyway.
    seeds = select(ProductUnit.id.label("id")).where(ProductUnit.batch_id.in_(batch_ids))
    below = closure_cte(UnitLink.parent_unit_id, UnitLink.child_unit_id, seeds, "below")
    units = _unit_rows(conn, select(below.c.id))
    batch_ids |= {u.batch_id for u in units}
    unit_ids = [u.id for u in units]
    given: dict[int, int] = dict(
        conn.execute(
            select(Administration.unit_id, Administration.recipient_id).where(
                Administration.unit_id.in_(unit_ids)
            )
        ).all()
    )
    wanted = set(given.values()) | {u.intended_recipient_id for u in units} - {None}
    recipients = _recipient_rows(
        conn, or_(Recipient.id.in_(wanted), Recipient.donor_id.in_(donor_ids))
    )
    donors = conn.execute(select(Donor).where(Donor.id.in_(donor_ids)).order_by(Donor.code)).all()
    batches = _batch_rows(conn, batch_ids)
    links = [
        (int(p), int(c))
        for p, c in conn.execute(
            select(UnitLink.parent_unit_id, UnitLink.child_unit_id)
            .where(UnitLink.child_unit_id.in_(unit_ids))
            .order_by(UnitLink.id)
        )
    ]
    return Walk(
        donors, collections, batches, units, recipients, given, links, _sources(conn, batches)
    )


def _recipient_rows(conn: Connection, where: Any) -> list[Any]:
    return list(
        conn.execute(
            select(Recipient, Site.code.label("site_code"))
            .outerjoin(Site, Site.id == Recipient.hospital_id)
            .where(where)
            .order_by(Recipient.code)
        ).all()
    )


def _sources(conn: Connection, batches: Sequence[Any]) -> list[tuple[int, int, str]]:
    """(pool, source, source number) for every pool among ``batches``, in the order pooled."""
    pools = [b.id for b in batches if b.is_pool]
    if not pools:
        return []
    source = aliased(Batch)
    return [
        (int(pool), int(ident), str(number))
        for pool, ident, number in conn.execute(
            select(BatchSource.pool_batch_id, source.id, source.number)
            .join(source, source.id == BatchSource.source_batch_id)
            .where(BatchSource.pool_batch_id.in_(pools))
            .order_by(BatchSource.id)
        )
    ]


def _unit_rows(conn: Connection, ids: Any) -> list[Any]:
    place = aliased(StorageLocation)
    return list(
        conn.execute(
            select(ProductUnit, Site.code.label("site_code"), place.code.label("place_code"))
            .outerjoin(Site, Site.id == ProductUnit.site_id)
            .outerjoin(place, place.id == ProductUnit.storage_location_id)
            .where(ProductUnit.id.in_(ids))
            .order_by(ProductUnit.id)
        ).all()
    )


def _batch_rows(conn: Connection, ids: set[int]) -> list[Any]:
    return list(
        conn.execute(
            select(
                Batch,
                ProductType.code.label("product"),
                ProductType.name_en.label("product_en"),
                ProductType.name_zh.label("product_zh"),
                Collection.code.label("coll"),
            )
            .join(ProductType, ProductType.id == Batch.product_type_id)
            .outerjoin(Collection, Collection.id == Batch.collection_id)
            .where(Batch.id.in_(ids))
            .order_by(Batch.id)
        ).all()
    )
