"""What a scanned or typed identifier names, and which donors and batches it descends from.

Identifiers are normalised first: a scanned COI bar code (``&/CH…``) means its 15-character
text, a scanned DIN its 13 characters. Every lookup is one UNION query, and each closure is
folded into the query that uses it, so the trace's cost does not grow with the statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, literal_column, select, union, union_all
from sqlalchemy.orm import Session

from models.chain.genealogy_sql import closure_cte
from models.chain.trace_tree import NodeKind, NodeRef
from models.entities.logistics import Administration
from models.entities.parties import Donor, Recipient
from models.entities.production import Batch, BatchSource, Collection, ProductUnit, UnitLink
from models.isbt128 import CoiScan, DinScan, Isbt128Error, parse_scan
from models.kernel.errors import NotFoundError

# priority of each lookup → the kind of record it finds (first match wins, as typed text
# could in theory be both a batch number and a donor code)
KINDS = ("unit", "unit", "batch", "donor", "recipient", "recipient", "collection", "coi", "coi")
# the record each lookup finds, for the trace page (a COI names its batch, else its collection)
RECORDS: tuple[NodeKind, ...] = (
    "unit",
    "unit",
    "batch",
    "donor",
    "recipient",
    "recipient",
    "collection",
    "batch",
    "collection",
)


@dataclass(frozen=True)
class Focus:
    kind: str  # donor, collection, coi, batch, unit or recipient
    ident: int
    text: str  # the identifier normalised: COI text, DIN (+ division), or the typed code


def normalise(text: str) -> tuple[str, str | None, str | None]:
    """(value, din, division): the identifier in its stored form; din set for unit codes."""
    value = text.strip()
    try:
        scan = parse_scan(value)
    except Isbt128Error:
        scan = None
    if isinstance(scan, CoiScan):
        return scan.coi.text, None, None
    if isinstance(scan, DinScan):
        return scan.din.number, scan.din.number, None
    if "/" in value:
        din, _, division = value.partition("/")
        return value, din.upper(), division or None
    return value, None, None


def locate(session: Session, text: str) -> Focus:
    """The record an identifier names; NotFoundError if none does."""
    value, priority, ident = _match(session, text)
    if priority is None:
        raise NotFoundError(kind="record", ident=value)
    return Focus(KINDS[priority], ident, value)


def find(session: Session, text: str) -> NodeRef | None:
    """The record scanned or typed text names (a COI: its batch), or None."""
    _value, priority, ident = _match(session, text)
    return None if priority is None else NodeRef(RECORDS[priority], ident)


def _match(session: Session, text: str) -> tuple[str, int | None, int]:
    """(normalised value, priority, id): one indexed query for the exact code; only when
    that finds nothing, a second ignoring case (codes typed in lower case), which may scan."""
    value, din, division = normalise(text)
    if not value:
        return value, None, 0
    row = session.execute(_lookup(value, din, division, lambda column: column)).first()
    if row is None and value.upper() != value.lower():
        folded = division.upper() if division else None
        row = session.execute(_lookup(value.upper(), din, folded, func.upper)).first()
        if row is not None and KINDS[int(row[0])] == "coi":
            # the trace follows a COI by its text: use it as stored, not as typed
            column = Batch.coi_id if RECORDS[int(row[0])] == "batch" else Collection.coi_id
            value = str(session.scalar(select(column).where(column.class_.id == row[1])))
    return (value, None, 0) if row is None else (value, int(row[0]), int(row[1]))


def _lookup(value: str, din: str | None, division: str | None, fold: Any) -> Any:
    """Every lookup in one UNION, best priority first; ``fold`` applies to stored codes."""

    def branch(priority: int, column: Any, *where: Any) -> Any:
        return select(literal_column(str(priority)).label("p"), column.label("i")).where(*where)

    branches = [
        branch(1, ProductUnit.id, fold(ProductUnit.din) == value.upper()),
        branch(2, Batch.id, fold(Batch.number) == value),
        branch(3, Donor.id, fold(Donor.code) == value),
        branch(4, Recipient.id, fold(Recipient.code) == value),
        branch(5, Recipient.id, fold(Recipient.enrolment_no) == value),
        branch(6, Collection.id, fold(Collection.code) == value),
        branch(7, Batch.id, fold(Batch.coi_id) == value),
        branch(8, Collection.id, fold(Collection.coi_id) == value),
    ]
    if din is not None:
        where = [fold(ProductUnit.din) == din]
        if division:
            where.append(fold(ProductUnit.division) == division)
        branches.insert(0, branch(0, ProductUnit.id, *where))
    compound = union_all(*branches).subquery()
    return select(compound.c.p, compound.c.i).order_by(compound.c.p, compound.c.i).limit(1)


def resolve(session: Session, text: str) -> tuple[str, int]:
    """(kind, id) of the record an identifier names; NotFoundError if none does."""
    focus = locate(session, text)
    return focus.kind, focus.ident


def _ids(conn: Connection, query: Any) -> set[int]:
    return {int(i) for i in conn.execute(query).scalars() if i is not None}


def upstream(session: Session, focus: Focus) -> tuple[set[int], set[int]]:
    """(donor ids, batch ids) the focus descends from."""
    conn = session.connection()
    kind, ident = focus.kind, focus.ident
    donors: set[int] = set()
    batches: set[int] = set()
    if kind == "donor":
        donors.add(ident)
    elif kind == "batch":
        batches.add(ident)
    elif kind == "collection":
        donors |= _ids(conn, select(Collection.donor_id).where(Collection.id == ident))
    elif kind == "coi":
        found: Any = union(
            select(literal_column("0").label("k"), Collection.donor_id.label("id")).where(
                Collection.coi_id == focus.text
            ),
            select(literal_column("1").label("k"), Batch.id.label("id")).where(
                Batch.coi_id == focus.text
            ),
        )
        for k, i in conn.execute(found):
            (batches if int(k) else donors).add(int(i))
    else:  # unit or recipient: the batches of the unit(s) and of every ancestor unit
        if kind == "unit":
            seeds: Any = select(ProductUnit.id.label("id")).where(ProductUnit.id == ident)
        else:
            donors |= _ids(conn, select(Recipient.donor_id).where(Recipient.id == ident))
            # a UNION, not "intended = r OR id IN (given)": PostgreSQL scans every unit for
            # the OR form, while each half alone is one index look-up
            either = union(
                select(ProductUnit.id.label("id")).where(
                    ProductUnit.intended_recipient_id == ident
                ),
                select(Administration.unit_id.label("id")).where(
                    Administration.recipient_id == ident
                ),
            ).subquery("given")
            seeds = select(either.c.id)
        ancestors = closure_cte(UnitLink.child_unit_id, UnitLink.parent_unit_id, seeds, "up")
        batches |= _ids(
            conn,
            select(ProductUnit.batch_id)
            .where(ProductUnit.id.in_(select(ancestors.c.id)))
            .distinct(),
        )
    return donors | donors_of_batch_ids(conn, batches), batches


def donors_of_batch_ids(conn: Connection, batch_ids: set[int]) -> set[int]:
    """Donor ids of the batches and, for pools, of every constituent batch (one query)."""
    if not batch_ids:
        return set()
    anchor = select(Batch.id.label("id")).where(Batch.id.in_(batch_ids))
    sources = closure_cte(BatchSource.pool_batch_id, BatchSource.source_batch_id, anchor, "src")
    return _ids(
        conn,
        select(Collection.donor_id)
        .join(Batch, Batch.collection_id == Collection.id)
        .where(Batch.id.in_(select(sources.c.id)))
        .distinct(),
    )


def _upstream(session: Session, kind: str, ident: int, text: str) -> tuple[set[int], set[int]]:
    """Former signature of :func:`upstream`, kept for callers; ``text`` is normalised here."""
    return upstream(session, Focus(kind, ident, normalise(text)[0]))
