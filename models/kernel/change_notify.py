"""Every commit announces itself to the other stations, in its own transaction (PostgreSQL).

The audit entries a transaction appends are noted as they are flushed; just before COMMIT
(after record_state.py has sealed the changed rows with STATE entries) one ``pg_notify``
carries their sequence range and the changed rows' table and id. PostgreSQL delivers a
notification only if, and when, its transaction commits, in commit order, so a listener never
hears of a change it cannot read yet, nor of one that was rolled back. A commit that wrote audit
entries but changed no row (a sign-in, a refused scan) is announced too: listeners follow the
sequence without gaps and read the trail only when one was missed (models/feed).

SQLite has no NOTIFY; its stations watch the audit chain head instead (models/feed/sources.py).

Each process also remembers which entries it committed itself, per engine (``own_commits``):
the feed brings a station's own commits back to it, and a screen that refreshed already on
the station's own action need not refresh again (gui/live_feed.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session, UOWTransaction

# Imported first on purpose: its before_commit listener (the STATE entries) must run before
# ours, which announces them; SQLAlchemy calls listeners in the order they were registered.
import models.kernel.record_state  # noqa: F401
from models.entities.audit import AuditEntry
from models.kernel.audit import AuditAction
from models.kernel.change_set import CHANNEL, encode

_WRITTEN = "celltrail.feed_written"  # (seq, action, table, id) appended in this transaction
_COMMITTING = "celltrail.feed_committing"  # their sequences, from before COMMIT to after it
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
    if written:
        session.info[_COMMITTING] = [seq for seq, *_ in written]
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


@event.listens_for(Session, "after_commit")
def _remember(session: Session) -> None:
    seqs: list[int] | None = session.info.pop(_COMMITTING, None)
    if seqs:
        own_commits(session.get_bind().engine).add(seqs, time.monotonic())


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_WRITTEN, None)
    session.info.pop(_COMMITTING, None)


class OwnCommits:
    """The audit entries this process committed on one engine, and when (monotonic clock).
    Only entries whose COMMIT succeeded are noted: a sequence number is never another
    station's once it is here. The newest ``LIMIT`` are kept."""

    LIMIT = 20000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._at: dict[int, float] = {}  # in the order committed

    def add(self, seqs: Iterable[int], at: float) -> None:
        with self._lock:
            for seq in seqs:
                self._at[seq] = at
            while len(self._at) > self.LIMIT:
                del self._at[next(iter(self._at))]

    def committed_at(self, first_seq: int, last_seq: int) -> float | None:
        """When this process committed the last of the entries ``first_seq``..``last_seq``,
        if it committed every one of them; None if any of them is not its own."""
        if first_seq <= 0 or last_seq < first_seq or last_seq - first_seq >= self.LIMIT:
            return None
        with self._lock:
            times = [self._at.get(seq) for seq in range(first_seq, last_seq + 1)]
        if any(t is None for t in times):
            return None
        return max(t for t in times if t is not None)


_OWN: WeakKeyDictionary[Engine, OwnCommits] = WeakKeyDictionary()
_OWN_LOCK = threading.Lock()


def own_commits(engine: Engine) -> OwnCommits:
    """What this process committed through ``engine`` (one station's engine)."""
    with _OWN_LOCK:
        found = _OWN.get(engine)
        if found is None:
            found = _OWN[engine] = OwnCommits()
        return found
