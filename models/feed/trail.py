"""Catching up from the audit trail: which rows changed after sequence N.

The trail is the feed's memory: every change a station missed (a dropped connection, a
machine that slept, SQLite, which has no notifications) is a STATE entry after the last
sequence it saw. Both reads use the primary key (``seq``) or the one-row chain head.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from models.entities.audit import AuditChainHead, AuditEntry
from models.kernel.audit import AuditAction
from models.kernel.change_set import Change, ChangeSet

CATCH_UP_LIMIT = 5000  # rows listed at most; beyond, the set says "anything may have changed"
_STATE = AuditAction.STATE.value


def chain_head(conn: Connection) -> int:
    """The newest audit sequence (0 on an empty trail)."""
    seq = conn.execute(select(AuditChainHead.last_seq).where(AuditChainHead.id == 1)).scalar()
    return int(seq or 0)


def changes_after(conn: Connection, seq: int, limit: int = CATCH_UP_LIMIT) -> ChangeSet | None:
    """The rows changed after ``seq`` up to the chain head; None if nothing was appended."""
    head = chain_head(conn)
    if head <= seq:
        return None
    rows = conn.execute(
        select(AuditEntry.seq, AuditEntry.subject_type, AuditEntry.subject_id)
        .where(AuditEntry.seq > seq, AuditEntry.seq <= head, AuditEntry.action == _STATE)
        .order_by(AuditEntry.seq)
        .limit(limit + 1)
    ).all()
    if len(rows) > limit:
        return ChangeSet(seq + 1, head, (), complete=False)
    return ChangeSet(seq + 1, head, tuple(Change(t, str(i), int(s)) for s, t, i in rows))
