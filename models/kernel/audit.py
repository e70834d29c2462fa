"""Writing and verifying the hash-chained audit trail.

Every create, change, state transition, print and signature goes through
``AuditLog.record`` inside the same transaction as the change itself, so a record
and its audit entry are committed together or not at all.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Row, event, select, type_coerce
from sqlalchemy.orm import Session

from models.entities.audit import GENESIS_HASH, AuditChainHead, AuditEntry
from models.entities.base import utcnow
from models.kernel.canonical import canonical_json
from models.kernel.errors import DomainError


class AuditAction(enum.StrEnum):
    CREATE = "create"
    CHANGE = "change"
    TRANSITION = "transition"
    VOID = "void"
    SIGN = "sign"
    PRINT = "print"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    SESSION_LOCK = "session_lock"
    SESSION_UNLOCK = "session_unlock"
    LOCKOUT = "lockout"
    UNLOCK = "unlock"
    EXPORT = "export"
    VERIFY = "verify"
    SCAN_REJECTED = "scan_rejected"
    # A record's canonical content after a change made through CellTrail (or null once it
    # is deleted): what `celltrail audit verify` compares every row with (record_state.py).
    STATE = "state"


class AuditTamperError(DomainError):
    code = "audit_tamper"


def timestamp_text(at: datetime) -> str:
    """A fixed text form of the time, independent of how the backend round-trips it.

    Naive values only come from the verifier's raw SQLite read, where UTC is stored.
    """
    if at.tzinfo is None:
        return at.isoformat(timespec="microseconds") + "+00:00"
    if at.tzinfo is not UTC:
        at = at.astimezone(UTC)
    return at.isoformat(timespec="microseconds")


def entry_digest(entry: AuditEntry) -> str:
    """Hash of every column except the hash itself, chained to the previous entry's hash."""
    return _digest(
        entry.seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.subject_type,
        entry.subject_id,
        entry.old_value,
        entry.new_value,
        entry.reason,
        entry.workstation,
        entry.prev_hash,
    )


# One reusable C-accelerated encoder: on 10M-row verifications json.dumps' per-call set-up
# costs more than the encoding itself. Values are ints, strings and None only.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _digest(seq: int, at: datetime, *texts: str | None) -> str:
    encoded = _ENCODER.encode([seq, timestamp_text(at), *texts]).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else canonical_json(value)


LAST_WRITTEN = "celltrail.audit_last_written"
LAST_ACTOR = "celltrail.audit_last_actor"
WORKSTATION = "celltrail.workstation"
_LOCKED_HEAD = "celltrail.locked_head"


@dataclass(frozen=True)
class StateRecord:
    """One row's canonical content (None: deleted) to append as a STATE entry, with its
    fingerprint (None for personal data and deletions), stored in the entry's ``old_value``:
    the record check compares fingerprints and reads the text only to name what differs."""

    subject_type: str
    subject_id: str
    state: str | None
    fingerprint: str | None = None


class AuditLog:
    """Appends entries within the caller's session; the caller's commit makes them durable."""

    def __init__(self, session: Session, workstation: str | None = None) -> None:
        self._session = session
        if workstation is not None:
            session.info[WORKSTATION] = workstation
        self._workstation = session.info.get(WORKSTATION)

    @property
    def last_written(self) -> tuple[int, str] | None:
        """(seq, hash) of the newest entry appended in this session: after a connection drop
        during COMMIT, finding it in the database proves the whole transaction was committed."""
        written: tuple[int, str] | None = self._session.info.get(LAST_WRITTEN)
        return written

    def record(
        self,
        action: AuditAction,
        *,
        actor: str,
        subject_type: str,
        subject_id: object,
        old: Any = None,
        new: Any = None,
        reason: str | None = None,
        at: datetime | None = None,
    ) -> AuditEntry:
        if at is not None and at.tzinfo is None:
            raise ValueError("naive datetime refused; pass an aware datetime")
        head = self._lock_head()
        entry = self._append(
            head,
            at=(at or utcnow()).astimezone(UTC),
            actor=actor,
            action=action.value,
            subject_type=subject_type,
            subject_id=str(subject_id),
            old_value=_as_text(old),
            new_value=_as_text(new),
            reason=reason,
        )
        self._session.info[LAST_ACTOR] = actor
        self._session.flush()
        return entry

    def record_states(
        self, records: list[StateRecord], *, actor: str, reason: str | None = None
    ) -> None:
        """Append one STATE entry per record under a single lock of the chain head."""
        if not records:
            return
        head = self._lock_head()
        at = utcnow()
        for record in records:
            self._append(
                head,
                at=at,
                actor=actor,
                action=AuditAction.STATE.value,
                subject_type=record.subject_type,
                subject_id=record.subject_id,
                old_value=record.fingerprint,
                new_value=record.state,
                reason=reason,
            )
        self._session.flush()

    def lock(self) -> None:
        """Take the chain head's lock now, before reading what a decision relies on: the
        transaction then waits for every other writer's commit and sees it (record_version)."""
        self._lock_head()

    def _lock_head(self) -> AuditChainHead:
        # Locking the head row serialises chain writers on PostgreSQL; SQLite is already
        # serialised by BEGIN IMMEDIATE.  Contiguous seq values make a removed row visible.
        # The lock lasts until the transaction ends: a second append in the same transaction
        # reuses the row it locked (the STATE entries of every commit come after its others).
        transaction = self._session.get_transaction()
        locked = self._session.info.get(_LOCKED_HEAD)
        if locked is not None and locked[0] is transaction:
            head: AuditChainHead = locked[1]
            return head
        head = self._session.execute(
            select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update()
        ).scalar_one()
        self._session.info[_LOCKED_HEAD] = (transaction, head)
        return head

    def _append(self, head: AuditChainHead, **columns: Any) -> AuditEntry:
        entry = AuditEntry(
            seq=head.last_seq + 1,
            workstation=self._workstation,
            prev_hash=head.last_hash,
            **columns,
        )
        entry.entry_hash = entry_digest(entry)
        head.last_seq, head.last_hash = entry.seq, entry.entry_hash
        self._session.add(entry)
        self._session.info[LAST_WRITTEN] = (entry.seq, entry.entry_hash)
        return entry


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    problem: str


@dataclass(frozen=True)
class ChainReport:
    entries_checked: int
    last_seq: int
    last_hash: str
    first_break: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.first_break is None


_COLUMNS = AuditEntry.__table__.c
# Reading `at` as a plain DateTime skips the UtcDateTime decorator (a third of the time).
_HASHED = (
    _COLUMNS.seq,
    type_coerce(_COLUMNS.at, DateTime()).label("at"),
    _COLUMNS.actor,
    _COLUMNS.action,
    _COLUMNS.subject_type,
    _COLUMNS.subject_id,
    _COLUMNS.old_value,
    _COLUMNS.new_value,
    _COLUMNS.reason,
    _COLUMNS.workstation,
    _COLUMNS.prev_hash,
)


def _stream(session: Session, batch: int, after: int, stop: int | None) -> Iterator[Row[Any]]:
    """Plain rows in seq order, in pages: constant memory and no ORM overhead at 10M rows."""
    last = after
    while True:
        query = select(*_HASHED, _COLUMNS.entry_hash).where(_COLUMNS.seq > last)
        if stop is not None:
            query = query.where(_COLUMNS.seq <= stop)
        rows = session.execute(query.order_by(_COLUMNS.seq).limit(batch)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq


@dataclass(frozen=True)
class SegmentReport:
    """One contiguous range checked on its own; ``entry_prev_hash`` is linked by the caller."""

    first_seq: int
    entry_prev_hash: str | None
    checked: int
    last_hash: str
    first_break: ChainBreak | None


Progress = Callable[[int, int], None]


def verify_segment(
    session: Session,
    first_seq: int,
    stop: int | None,
    prev_hash: str | None,
    batch: int = 20000,
    progress: Progress | None = None,
) -> SegmentReport:
    """Check entries first_seq..stop; with ``prev_hash`` None the first link is left to the
    caller (parallel verification joins the segments afterwards)."""
    expected, count, entry_prev, link = first_seq, 0, None, prev_hash
    for row in _stream(session, batch, first_seq - 1, stop):
        if count == 0:
            entry_prev = row.prev_hash
            link = prev_hash if prev_hash is not None else row.prev_hash
        problem = _check(row, expected, link or "")
        if problem:
            return SegmentReport(
                first_seq, entry_prev, count, link or "", ChainBreak(expected, problem)
            )
        expected, link, count = row.seq + 1, row.entry_hash, count + 1
        if progress is not None and count % batch == 0:
            progress(count, stop or count)
    if stop is not None and expected <= stop:
        problem = f"entry {expected} is missing (no later entries up to {stop})"
        return SegmentReport(
            first_seq, entry_prev, count, link or "", ChainBreak(expected, problem)
        )
    return SegmentReport(first_seq, entry_prev, count, link or GENESIS_HASH, None)


def verify_chain(
    session: Session, batch: int = 20000, progress: Progress | None = None
) -> ChainReport:
    """Recompute the whole chain; report the first entry altered, removed or inserted.

    ``progress(done, total)`` is called after every page, for a progress bar; ``total`` is
    the chain head's count (the verdict never depends on it).
    """
    head = session.get(AuditChainHead, 1)
    total = head.last_seq if head is not None else 0
    segment = verify_segment(session, 1, total if progress else None, GENESIS_HASH, batch, progress)
    if progress is not None and segment.first_break is None:
        # the head may undercount if rows were appended outside the app: check past it
        tail = verify_segment(session, total + 1, None, segment.last_hash, batch)
        segment = _concat(segment, tail)
        progress(segment.checked, max(total, segment.checked))
    return finish_report(session, segment.checked, segment.last_hash, segment.first_break)


def _concat(first: SegmentReport, tail: SegmentReport) -> SegmentReport:
    if tail.checked == 0 and tail.first_break is None:
        return first
    return SegmentReport(
        first.first_seq,
        first.entry_prev_hash,
        first.checked + tail.checked,
        tail.last_hash,
        tail.first_break,
    )


def finish_report(
    session: Session, checked: int, last_hash: str, first_break: ChainBreak | None
) -> ChainReport:
    """Compare the verified tip with the chain head: removing the newest entries is caught here."""
    if first_break is not None:
        return ChainReport(checked, first_break.seq - 1, last_hash, first_break)
    head = session.get(AuditChainHead, 1)
    if head is None or (head.last_seq, head.last_hash) != (checked, last_hash):
        found = "missing" if head is None else f"{head.last_seq}"
        problem = f"chain head ({found}) does not match the last entry; entries were removed"
        return ChainReport(checked, checked, last_hash, ChainBreak(checked + 1, problem))
    return ChainReport(checked, checked, last_hash, None)


def _check(row: Row[Any], expected_seq: int, prev_hash: str) -> str | None:
    if row.seq != expected_seq:
        return f"entry {expected_seq} is missing (next found is {row.seq})"
    if row.prev_hash != prev_hash:
        return "previous-hash link broken (an entry before it was removed or replaced)"
    values = tuple(row)
    if _digest(values[0], values[1], *values[2:-1]) != values[-1]:
        return "content does not match its hash (altered or inserted outside CellTrail)"
    return None


@event.listens_for(Session, "before_flush")
def _refuse_audit_edits(session: Session, _context: object, _instances: object) -> None:
    """Defence in depth above the database triggers: the ORM never updates or deletes entries."""
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditEntry) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditTamperError(seq=obj.seq)
