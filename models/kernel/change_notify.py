"""Every commit announces itself to the other stations, in its own transaction (PostgreSQL).

The audit entries a transaction appends are noted as they are flushed; just before COMMIT
(after record_state.py has sealed the changed rows with STATE entries) one ``pg_notify``
carries their sequence range and the changed rows' table and id. PostgreSQL delivers a
notification only if, and when, its transaction commits, in commit order, so a listener never
hears of a change it cannot read yet, nor of one that was rolled back. A commit that wrote audit
entries but changed no row (a sign-in, a refused scan) is announced too: listeners follow the
sequence without gaps and read the trail only when one was missed (models/feed).

SQLite has no NOTIFY; its stations watch the audit chain head instead (models/feed/sources.py).
"""

from __future__ import annotations

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, UOWTransaction

# Imported first on purpose: its before_commit listener (the STATE entries) must run before
# ours, which announces them; SQLAlchemy calls listeners in the order they were registered.
import models.kernel.record_state  # noqa: F401
from models.entities.audit import AuditEntry
from models.kernel.audit import AuditAction
from models.kernel.change_set import CHANNEL, encode

_WRITTEN = "celltrail.feed_written"  # (seq, action, table, id) appended in this transaction
_STATE = AuditAction.STATE.value


@event.listens_for(Session, "after_flush")
def _note_entries(session: Session, _context: UOWTransaction) -> None:
    entries = [obj for obj in session.new if isinstance(obj, AuditEntry)]
    if entries:
        written: list[tuple[int, str, str, str]] = session.info.setdefault(_WRITTEN, [])
        written.extend((e.seq, e.action, e.subject_type, e.subject_id) for e in entries)


@event.listens_for(Session, "before_commit")
def _announce(session: Session) -> None:
    written: list[tuple[int, str, str, str]] = session.info.pop(_WRITTEN, [])
    if not written or session.get_bind().dialect.name != "postgresql":
        return
    seqs = [seq for seq, *_ in written]
    rows = _changed_rows(written)
    session.execute(select(func.pg_notify(CHANNEL, encode(min(seqs), max(seqs), rows))))


def _changed_rows(written: list[tuple[int, str, str, str]]) -> list[tuple[str, str, int]]:
    """Each row a STATE entry sealed, once, with its newest sequence (its new version)."""
    newest: dict[tuple[str, str], int] = {}
    for seq, action, table, record_id in written:
        if action == _STATE:
            newest[(table, record_id)] = max(seq, newest.get((table, record_id), 0))
    return [(table, record_id, seq) for (table, record_id), seq in sorted(newest.items())]


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_WRITTEN, None)
