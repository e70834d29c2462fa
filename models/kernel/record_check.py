"""Checking records against the last state the audit trail recorded for them.

Two uses: `check_records` walks every bound table for `celltrail audit verify` (a row altered,
deleted or inserted outside CellTrail is named, with the fields that differ), and
`require_intact` is called by a decision (bedside verdict, release, dispatch…) on exactly the
records it relies on, before it decides. Both read the database directly, never the session's
objects, so pending changes of the current transaction are not mistaken for forgeries.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, DateTime, Table, bindparam, func, select, type_coerce
from sqlalchemy.orm import Session

import models.entities  # noqa: F401  (registers every bound table)
from models.entities.audit import AuditEntry
from models.i18n import render, term
from models.kernel.audit import AuditAction, _digest
from models.kernel.errors import DomainError
from models.kernel.record_state import (
    _TOUCHED,
    PERSONAL_FIELD,
    PERSONAL_TABLES,
    bound_tables,
    fields_of,
    fingerprint,
    key_index,
    key_value,
    personal_state,
    primary_key,
    read_values,
    state_text,
    stream_values,
)
from models.kernel.record_terms import field_words


class RecordIntegrityError(DomainError):
    """A record a decision relies on differs from its audit trail: a hard stop."""

    code = "record_integrity"
    terms = {"table": "record_kind"}

    def message(self, lang: str | None = "en") -> str:
        # ``fields`` stays the raw text in ``params`` (tests, deviations); readers get words.
        words = field_words(self.params.get("fields", ""), self.params.get("kind", ""))
        params = {
            **self.params,
            "table": term("record_kind", self.params.get("table")),
            "fields": words,
        }
        return render(self.code, lang, **params)


@dataclass(frozen=True)
class FieldDifference:
    field: str
    trail: Any
    row: Any


@dataclass(frozen=True)
class RecordMismatch:
    """One row that is not what the trail last recorded.

    ``kind``: "altered" (fields differ), "deleted" (row gone, trail says it exists) or
    "inserted" (row present, the trail has no state for it or says it was deleted).
    """

    table: str
    record_id: str
    kind: str
    fields: tuple[FieldDifference, ...] = ()
    trail_seq: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "id": self.record_id,
            "kind": self.kind,
            "trail_seq": self.trail_seq,
            "fields": [{"field": f.field, "trail": f.trail, "row": f.row} for f in self.fields],
        }


@dataclass
class RecordReport:
    rows_checked: int = 0
    states_in_trail: int = 0
    mismatches: list[RecordMismatch] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.mismatches


_AUDIT = AuditEntry.__table__.c
_STATE = AuditAction.STATE.value

# (table, id) → (seq, what the last STATE entry holds): its fingerprint; "" when only its text
# can say (personal data, or an entry older than fingerprints); None once deleted.
TrailIndex = dict[tuple[str, str], tuple[int, str | None]]


def _last_states(conn: Connection, page: int = 200_000) -> TrailIndex:
    """Every STATE entry in seq order through the driver's cursor (see ``stream_values``)."""
    index: TrailIndex = {}
    last = 0
    gone = _AUDIT.new_value.is_(None)
    columns = (_AUDIT.seq, _AUDIT.subject_type, _AUDIT.subject_id, _AUDIT.old_value, gone)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        while True:
            query = (
                select(*columns)
                .where(_AUDIT.action == _STATE, _AUDIT.seq > last)
                .order_by(_AUDIT.seq)
                .limit(page)
            )
            sql = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
            cursor.execute(str(sql))
            rows = cursor.fetchall()
            if not rows:
                return index
            for seq, table, key, print_, deleted in rows:
                index[(table, key)] = (seq, None if deleted else (print_ or ""))
            last = rows[-1][0]
    finally:
        cursor.close()


def check_records(session: Session, limit: int = 1000) -> RecordReport:
    """Compare every row of every bound table with its last recorded state (named up to
    ``limit`` mismatches; counting goes on)."""
    conn = session.connection()
    trail = _last_states(conn)
    report = RecordReport(states_in_trail=len(trail))
    # Rows whose fingerprint differs, and states whose row is gone: suspects, until checked
    # again one by one (check_many), because the app may have committed while we streamed.
    suspects: dict[Table, list[str]] = {}
    tables = {table.name: table for table in bound_tables()}
    pop = trail.pop
    for table in tables.values():
        name, key = table.name, key_index(table)
        checked = 0
        for values in stream_values(conn, table):
            checked += 1
            record_id = str(values[key])
            recorded = pop((name, record_id), None)
            if recorded is None or recorded[1] != fingerprint(values):
                suspects.setdefault(table, []).append(record_id)
        report.rows_checked += checked
    for (name, record_id), (seq, state) in trail.items():
        if state is not None and name in tables:
            suspects.setdefault(tables[name], []).append(record_id)
        elif state is not None:  # a state for a table this version does not have
            report.mismatches.append(RecordMismatch(name, record_id, "deleted", (), seq))
    for table, record_ids in suspects.items():
        for start in range(0, len(record_ids), _CHUNK):
            report.mismatches.extend(check_many(conn, table, record_ids[start : start + _CHUNK]))
    report.mismatches.sort(key=lambda m: (m.table, _natural(m.record_id)))
    del report.mismatches[limit:]
    return report


_CHUNK = 500


def _natural(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)


def _personal_matches(table: Table, row: dict[str, Any], trail_text: str) -> bool:
    try:
        recorded = json.loads(trail_text)
        salt = str(recorded[PERSONAL_FIELD]).split(":", 1)[0]
    except (ValueError, KeyError, TypeError):
        return False
    return bool(personal_state(table, row, salt) == recorded)


def _differences(table: Table, row: dict[str, Any], trail_text: str) -> tuple[FieldDifference, ...]:
    now = row
    if table.name in PERSONAL_TABLES:
        # Never show personal data: the trail holds only a salted digest of it.
        return (FieldDifference(PERSONAL_FIELD, "…", "…"),)
    try:
        then = json.loads(trail_text)
    except ValueError:
        then = {}
    names = sorted(set(now) | set(then))
    return tuple(
        FieldDifference(n, then.get(n), now.get(n)) for n in names if then.get(n) != now.get(n)
    )


# --- decisions: check exactly the records relied on ----------------------------------------


BreachHandler = Callable[[RecordIntegrityError], None]


def require_intact(session: Session, *records: object) -> None:
    """Refuse (RecordIntegrityError) if any of ``records`` (ORM objects; None is skipped)
    differs from the last state its audit trail recorded, or that state's entry no longer
    matches its own hash. Rows this transaction already changed are the app's own work."""
    conn = session.connection()
    touched: dict[str, set[object]] = session.info.get(_TOUCHED, {})
    wanted: dict[Table, set[str]] = {}
    for record in records:
        if record is None:
            continue
        table: Table = type(record).__table__  # type: ignore[attr-defined]
        key = getattr(record, str(primary_key(table).key))
        if key is not None and key not in touched.get(table.name, ()):
            wanted.setdefault(table, set()).add(str(key))
    for table, keys in wanted.items():
        mismatches = check_many(conn, table, sorted(keys))
        if mismatches:
            first = mismatches[0]
            raise RecordIntegrityError(
                table=table.name,
                record=first.record_id,
                fields=", ".join(f.field for f in first.fields) or first.kind,
                kind=first.kind,
            )


_ENTRY_COLUMNS = (
    _AUDIT.seq,
    type_coerce(_AUDIT.at, DateTime()).label("at"),
    _AUDIT.actor,
    _AUDIT.action,
    _AUDIT.subject_type,
    _AUDIT.subject_id,
    _AUDIT.old_value,
    _AUDIT.new_value,
    _AUDIT.reason,
    _AUDIT.workstation,
    _AUDIT.prev_hash,
    _AUDIT.entry_hash,
)
_STATES_OF = (
    select(*_ENTRY_COLUMNS)
    .where(
        _AUDIT.subject_type == bindparam("table"),
        _AUDIT.subject_id.in_(bindparam("ids", expanding=True)),
        _AUDIT.action == _STATE,
    )
    .order_by(_AUDIT.seq)
)


_LAST_STATE_SEQ = select(func.max(_AUDIT.seq)).where(
    _AUDIT.subject_type == bindparam("table"),
    _AUDIT.subject_id.in_(bindparam("ids", expanding=True)),
    _AUDIT.action == _STATE,
)

# How often a check is repeated when another station's commit lands between its two reads.
_RACE_RETRIES = 8


def check_many(conn: Connection, table: Table, record_ids: list[str]) -> list[RecordMismatch]:
    """The rows ``record_ids`` of ``table`` against their last recorded states.

    The trail and the rows are read by two statements. Under READ COMMITTED (PostgreSQL, and
    SQLite outside a transaction) another station's commit can land between them: the rows
    then show its change while the states read before it do not, which looks exactly like a
    forgery. So a mismatch is believed only if the trail of these records did not move while
    the rows were read; otherwise both are read again (a seqlock: an app commit always writes
    the row and its state together, a forgery never does)."""
    mismatches: list[RecordMismatch] = []
    for _attempt in range(_RACE_RETRIES):
        entries: dict[str, Any] = {}
        for entry in conn.execute(_STATES_OF, {"table": table.name, "ids": record_ids}):
            entries[entry.subject_id] = entry  # in seq order: the last one wins
        rows = read_values(conn, table, [key_value(table, k) for k in record_ids])
        found = (_compare(table, k, rows.get(k), entries.get(k)) for k in record_ids)
        mismatches = [mismatch for mismatch in found if mismatch is not None]
        if not mismatches:
            return []
        seen = max((entry.seq for entry in entries.values()), default=None)
        if _trail_head(conn, table, record_ids) == seen:
            return mismatches
    return mismatches


def _trail_head(conn: Connection, table: Table, record_ids: list[str]) -> int | None:
    seq: int | None = conn.execute(
        _LAST_STATE_SEQ, {"table": table.name, "ids": record_ids}
    ).scalar()
    return seq


def _compare(
    table: Table, record_id: str, values: tuple[Any, ...] | None, entry: Any
) -> RecordMismatch | None:
    if entry is not None:
        columns = tuple(entry)
        if _digest(columns[0], columns[1], *columns[2:-1]) != columns[-1]:
            return RecordMismatch(table.name, record_id, "altered", (), entry.seq)
    recorded = None if entry is None else entry.new_value
    seq = None if entry is None else entry.seq
    if values is None or recorded is None:
        if (values is None) == (recorded is None):
            return None  # never existed, or deleted through CellTrail
        kind = "deleted" if values is None else "inserted"
        return RecordMismatch(table.name, record_id, kind, (), seq)
    row = fields_of(table, values)
    if table.name in PERSONAL_TABLES:
        same = _personal_matches(table, row, recorded)
    else:
        same = state_text(table, row) == recorded
    if same:
        return None
    fields = _differences(table, row, recorded)
    return RecordMismatch(table.name, record_id, "altered", fields, seq)


def require_none_deleted(session: Session, entity: type, field_name: str, value: object) -> None:
    """Refuse if a row of ``entity`` whose last recorded state has ``field_name == value``
    (the print jobs of a batch, say) is gone from the database although the trail never recorded
    its deletion: a decision must not pass because evidence was removed."""
    table: Table = entity.__table__  # type: ignore[attr-defined]
    conn = session.connection()
    latest = (
        select(_AUDIT.subject_id, _AUDIT.new_value, _AUDIT.seq)
        .where(_AUDIT.action == _STATE, _AUDIT.subject_type == table.name)
        .order_by(_AUDIT.seq)
    )
    missing: list[str] = []
    for _attempt in range(_RACE_RETRIES):
        states: dict[str, tuple[str | None, int]] = {}
        for record_id, text, seq in conn.execute(latest):
            states[record_id] = (text, seq)
        wanted = [
            record_id
            for record_id, (text, _seq) in states.items()
            if text is not None and _field_of(text, field_name) == value
        ]
        if not wanted:
            return
        present = read_values(conn, table, [key_value(table, k) for k in wanted])
        missing = [record_id for record_id in wanted if record_id not in present]
        if not missing:
            return
        # As in check_many: a deletion committed by the app between the two reads moved the
        # trail too; only a row gone while its trail stood still was removed outside the app.
        if _trail_head(conn, table, missing) == max(states[k][1] for k in missing):
            break
    raise RecordIntegrityError(
        table=table.name, record=missing[0], fields="deleted", kind="deleted"
    )


def _field_of(text: str, name: str) -> Any:
    try:
        return json.loads(text).get(name)
    except (ValueError, AttributeError):
        return None
