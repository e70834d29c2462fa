"""What the feed carries: which records changed, as table, id and audit sequence only.

No content and no personal data travel: a notification is visible to every session connected
to the database, and the id alone (with the table) is what a screen needs to know whether it
shows the record. A station reads the record itself, with its own permissions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CHANNEL = "celltrail_changes"
# PostgreSQL refuses payloads of 8000 bytes or more: a larger commit (a migration, a bulk
# import) is announced by its sequence range alone and listeners read its rows from the trail.
MAX_PAYLOAD = 7000


@dataclass(frozen=True)
class Change:
    table: str
    record_id: str
    seq: int


@dataclass(frozen=True)
class ChangeSet:
    """The changes of the audit entries ``first_seq``..``last_seq`` (one commit, or several
    merged). ``complete`` is False when the rows were not listed (too many): a screen then
    treats every record as possibly changed."""

    first_seq: int
    last_seq: int
    changes: tuple[Change, ...] = ()
    complete: bool = True

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(c.table for c in self.changes)

    def touches(self, table: str, record_id: object | None = None) -> bool:
        """Whether the record (or any row of ``table``) may have changed."""
        if not self.complete:
            return True
        wanted = None if record_id is None else str(record_id)
        return any(c.table == table and wanted in (None, c.record_id) for c in self.changes)

    def newest(self, table: str, record_id: object) -> int | None:
        """The record's newest version in this set, if it changed."""
        seqs = [c.seq for c in self.changes if c.table == table and c.record_id == str(record_id)]
        return max(seqs, default=None)

    def __bool__(self) -> bool:
        return bool(self.changes) or not self.complete

    def __str__(self) -> str:  # what older subscribers log or compare: the tables touched
        return ",".join(sorted(self.tables)) or "audit"


def merge(sets: Sequence[ChangeSet]) -> ChangeSet:
    """Several change sets as one (a burst of commits refreshes a screen once)."""
    if len(sets) == 1:
        return sets[0]
    return ChangeSet(
        min(s.first_seq for s in sets),
        max(s.last_seq for s in sets),
        tuple(c for s in sets for c in s.changes),
        all(s.complete for s in sets),
    )


def encode(first_seq: int, last_seq: int, rows: Iterable[tuple[str, str, int]]) -> str:
    """The NOTIFY payload: sequence range and [table, id, seq] per changed row."""
    listed = [list(row) for row in rows]
    text = json.dumps({"a": first_seq, "z": last_seq, "r": listed}, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_PAYLOAD:
        text = json.dumps({"a": first_seq, "z": last_seq, "r": None}, separators=(",", ":"))
    return text


def decode(payload: str) -> ChangeSet | None:
    """A payload as a ChangeSet; None if it is not one of ours (never trusted blindly: any
    session on the database may NOTIFY this channel)."""
    try:
        data = json.loads(payload)
        first, last, rows = int(data["a"]), int(data["z"]), data["r"]
        if rows is None:
            return ChangeSet(first, last, (), complete=False)
        changes = tuple(Change(str(t), str(i), int(s)) for t, i, s in rows)
    except (ValueError, KeyError, TypeError):
        return None
    return ChangeSet(first, last, changes)
