"""Audit trail reads: filtered pages for the QA desk, streams for exports, per-record trails."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from models.entities.accounts import Signature, User
from models.entities.audit import AuditEntry
from models.kernel.audit import AuditAction

Subject = tuple[str, str]


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields match everything; ``subject_id`` matches as a substring."""

    actor: str | None = None
    action: str | None = None
    subject_type: str | None = None
    subject_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    # The records' STATE entries (record_state.py) are evidence for `audit verify`, not reading
    # for the audit desk: left out unless asked for, or unless the action filter names them.
    record_states: bool = False


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    actor: str
    action: str
    subject_type: str
    subject_id: str
    old_value: str | None
    new_value: str | None
    reason: str | None
    workstation: str | None
    entry_hash: str


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True)
class AuditFacets:
    actors: tuple[str, ...]
    actions: tuple[str, ...]
    subject_types: tuple[str, ...]


@dataclass(frozen=True)
class SignatureRow:
    id: int
    username: str
    printed_name: str
    meaning: str
    signed_at: datetime
    subject_type: str
    subject_id: str
    content_hash: str
    reason: str | None


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        seq=entry.seq,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        subject_type=entry.subject_type,
        subject_id=entry.subject_id,
        old_value=entry.old_value,
        new_value=entry.new_value,
        reason=entry.reason,
        workstation=entry.workstation,
        entry_hash=entry.entry_hash,
    )


_STATE = AuditAction.STATE.value


def _where(query: Select[Any], flt: AuditFilter) -> Select[Any]:
    conditions = []
    if flt.actor:
        conditions.append(AuditEntry.actor == flt.actor)
    if flt.action:
        conditions.append(AuditEntry.action == flt.action)
    if flt.subject_type:
        conditions.append(AuditEntry.subject_type == flt.subject_type)
    if flt.subject_id:
        conditions.append(AuditEntry.subject_id.contains(flt.subject_id, autoescape=True))
    if flt.since:
        conditions.append(AuditEntry.at >= flt.since)
    if flt.until:
        conditions.append(AuditEntry.at <= flt.until)
    if not flt.record_states and flt.action != _STATE:
        conditions.append(AuditEntry.action != _STATE)
    return query.where(and_(*conditions)) if conditions else query


def count_audit(session: Session, flt: AuditFilter) -> int:
    return session.scalar(_where(select(func.count()).select_from(AuditEntry), flt)) or 0


def search_audit(
    session: Session, flt: AuditFilter, *, offset: int = 0, limit: int = 200
) -> AuditPage:
    """One page, newest first; ``total`` counts every match so the screen can page."""
    query = _where(select(AuditEntry), flt).order_by(AuditEntry.seq.desc())
    rows = tuple(_row(e) for e in session.scalars(query.offset(offset).limit(limit)))
    return AuditPage(rows=rows, total=count_audit(session, flt), offset=offset, limit=limit)


def recent_audit(session: Session, limit: int) -> tuple[AuditRow, ...]:
    """The newest ``limit`` entries the desk would show first (no count: for the home page)."""
    query = _where(select(AuditEntry), AuditFilter()).order_by(AuditEntry.seq.desc())
    return tuple(_row(e) for e in session.scalars(query.limit(limit)))


def position_of(session: Session, flt: AuditFilter, seq: int) -> int:
    """Index of entry ``seq`` in the newest-first list of matches (to page to it)."""
    query = _where(select(func.count()).select_from(AuditEntry), flt).where(AuditEntry.seq > seq)
    return session.scalar(query) or 0


def iter_audit(session: Session, flt: AuditFilter, batch: int = 2000) -> Iterator[AuditRow]:
    """Every match in seq order, fetched in keyset pages (constant memory for exports)."""
    last = 0
    while True:
        query = _where(select(AuditEntry), flt).where(AuditEntry.seq > last)
        page = [_row(e) for e in session.scalars(query.order_by(AuditEntry.seq).limit(batch))]
        if not page:
            return
        yield from page
        last = page[-1].seq
        session.expunge_all()


def audit_facets(session: Session) -> AuditFacets:
    def distinct(column: Any) -> tuple[str, ...]:
        return tuple(session.scalars(select(column).distinct().order_by(column)))

    return AuditFacets(
        actors=distinct(AuditEntry.actor),
        actions=distinct(AuditEntry.action),
        subject_types=distinct(AuditEntry.subject_type),
    )


def _any_subject(columns: tuple[Any, Any], subjects: Sequence[Subject]) -> Any:
    kind, ident = columns
    return or_(*(and_(kind == t, ident == i) for t, i in subjects))


def audit_trail(session: Session, subjects: Sequence[Subject]) -> tuple[AuditRow, ...]:
    """Every entry about any of ``subjects``, oldest first (one record's history)."""
    if not subjects:
        return ()
    cond = _any_subject((AuditEntry.subject_type, AuditEntry.subject_id), subjects)
    query = select(AuditEntry).where(cond, AuditEntry.action != _STATE).order_by(AuditEntry.seq)
    return tuple(_row(e) for e in session.scalars(query))


def signatures_for(session: Session, subjects: Sequence[Subject]) -> tuple[SignatureRow, ...]:
    if not subjects:
        return ()
    cond = _any_subject((Signature.subject_type, Signature.subject_id), subjects)
    query = (
        select(Signature, User.username)
        .join(User, User.id == Signature.user_id)
        .where(cond)
        .order_by(Signature.signed_at)
    )
    return tuple(
        SignatureRow(
            id=sig.id,
            username=username,
            printed_name=sig.printed_name,
            meaning=sig.meaning.value,
            signed_at=sig.signed_at,
            subject_type=sig.subject_type,
            subject_id=sig.subject_id,
            content_hash=sig.content_hash,
            reason=sig.reason,
        )
        for sig, username in session.execute(query)
    )
