"""A trace's records checked against their audit trail (issue 12): an investigator reading a
trace must see at once that a donor, batch, unit or recipient was changed outside CellTrail."""

from __future__ import annotations

from sqlalchemy import Connection

from models.chain.trace_nodes import IntegrityNote
from models.chain.trace_tree import NodeKind, NodeRef, Walk
from models.entities.parties import Donor, Recipient
from models.entities.production import Batch, Collection, ProductUnit
from models.kernel.record_check import check_many


def walk_integrity(conn: Connection, walk: Walk) -> tuple[IntegrityNote, ...]:
    """Every donor, collection, batch, unit and recipient the walk reached, against the last
    state the trail recorded for it; one note per record that differs."""
    notes: list[IntegrityNote] = []
    for entity, rows in (
        (Donor, walk.donors),
        (Collection, walk.collections),
        (Batch, walk.batches),
        (ProductUnit, walk.units),
        (Recipient, [*walk.recipients, *walk.extra]),
    ):
        ids = sorted({str(row.id) for row in rows})
        if ids:
            for m in check_many(conn, entity.__table__, ids):  # type: ignore[arg-type]
                fields = tuple(f.field for f in m.fields)
                notes.append(IntegrityNote(m.table, m.record_id, m.kind, fields))
    return tuple(notes)


_KINDS: dict[str, NodeKind] = {
    Donor.__tablename__: "donor",
    Collection.__tablename__: "collection",
    Batch.__tablename__: "batch",
    ProductUnit.__tablename__: "unit",
    Recipient.__tablename__: "recipient",
}


def forged_nodes(notes: tuple[IntegrityNote, ...]) -> frozenset[NodeRef]:
    """The trace nodes whose records differ, so the tree can mark each where it stands."""
    return frozenset(
        NodeRef(_KINDS[n.table], int(n.record))
        for n in notes
        if n.table in _KINDS and n.record.isdigit()
    )
