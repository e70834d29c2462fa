"""The trace laid out flat, one list per kind of record, JSON-ready: what the CLI prints,
the archive stores and the recall coordinator reads. Built from the rows ``trace.gather``
read; only the focus label (when the walk did not reach it) and shipments are queried here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from models.chain.trace_integrity import walk_integrity
from models.chain.trace_nodes import (
    BatchNode,
    CollectionNode,
    DonorNode,
    RecipientNode,
    Trace,
    UnitNode,
    _shipments,
    code_of,
    location_text,
)
from models.chain.trace_resolve import Focus
from models.chain.trace_tree import Walk
from models.entities.parties import Donor, Recipient
from models.entities.production import Batch, Collection, Disposition, ProductUnit


def flat_trace(session: Session, walk: Walk, identifier: str, focus: Focus) -> Trace:
    donors, collections, batches, units = walk.donors, walk.collections, walk.batches, walk.units
    codes = {u.id: code_of(u.din, u.division) for u in units}
    patients = {r.id: r.code for r in walk.recipients}
    labels = {
        "donor": {d.id: d.code for d in donors},
        "batch": {b.id: b.number for b in batches},
        "recipient": patients,
        "collection": {c.id: c.code for c in collections},
        "unit": codes,
    }
    conn = session.connection()
    return Trace(
        query=identifier,
        focus_kind=focus.kind,
        focus=labels.get(focus.kind, {}).get(focus.ident) or _focus_label(session, focus),
        donors=tuple(
            DonorNode(
                d.code,
                d.donor_type.value,
                d.eligibility.value,
                d.infectious,
                d.voided_reason is not None,
            )
            for d in donors
        ),
        collections=tuple(
            CollectionNode(
                c.code,
                c.donor_code,
                c.coi_id,
                c.material,
                c.collected_at,
                c.accepted,
                c.voided_reason is not None,
            )
            for c in collections
        ),
        batches=_batch_nodes(batches, walk.sources),
        units=_unit_nodes(conn, walk, codes, patients, {b.id: b.number for b in batches}),
        recipients=_recipient_nodes(walk.recipients, walk.given, codes),
        integrity=walk_integrity(conn, walk),
    )


def _focus_label(session: Session, focus: Focus) -> str:
    """The focus record's own code when the trace did not reach it (e.g. a lone recipient)."""
    table: dict[str, Any] = {
        "donor": Donor.code,
        "batch": Batch.number,
        "recipient": Recipient.code,
        "collection": Collection.code,
    }
    if focus.kind in table:
        column = table[focus.kind]
        return str(session.scalar(select(column).where(column.class_.id == focus.ident)))
    if focus.kind == "unit":
        row = session.execute(
            select(ProductUnit.din, ProductUnit.division).where(ProductUnit.id == focus.ident)
        ).first()
        return code_of(row[0], row[1]) if row else focus.text
    return focus.text


def _batch_nodes(rows: Sequence[Any], pooled: list[tuple[int, int, str]]) -> tuple[BatchNode, ...]:
    sources: dict[int, list[str]] = {}
    for pool, _source, number in pooled:
        sources.setdefault(pool, []).append(number)
    return tuple(
        BatchNode(
            b.number,
            b.product,
            b.status.value,
            b.coll,
            tuple(sources.get(b.id, [])),
            b.coi_id,
            b.harvest_at,
            b.voided_reason is not None,
        )
        for b in rows
    )


def _unit_nodes(
    conn: Connection,
    walk: Walk,
    codes: dict[int, str],
    patients: dict[int, str],
    batches: dict[int, str],
) -> tuple[UnitNode, ...]:
    units, given = walk.units, walk.given
    parents: dict[int, list[int]] = {}
    for parent, child in walk.links:
        parents.setdefault(child, []).append(parent)
    shipments = _shipments(conn, [u.id for u in units if u.disposition is Disposition.IN_TRANSIT])
    return tuple(
        UnitNode(
            codes[u.id],
            u.product_code,
            batches[u.batch_id],
            u.quality_status.value,
            u.disposition.value,
            u.recalled,
            u.hold_reason is not None,
            u.voided_reason is not None,
            u.expires_at,
            tuple(codes.get(p, str(p)) for p in parents.get(u.id, [])),
            location_text(
                u.disposition,
                u.site_code,
                u.place_code,
                patients.get(given.get(u.id, 0)),
                shipments.get(u.id),
            ),
        )
        for u in units
    )


def _recipient_nodes(
    rows: Sequence[Any], given: dict[int, int], codes: dict[int, str]
) -> tuple[RecipientNode, ...]:
    by_recipient: dict[int, list[str]] = {}
    for unit_id, recipient_id in given.items():
        by_recipient.setdefault(recipient_id, []).append(codes[unit_id])
    return tuple(
        RecipientNode(
            r.code,
            r.initials,
            r.enrolment_no,
            r.site_code,
            tuple(sorted(by_recipient.get(r.id, []))),
        )
        for r in rows
    )
