"""Binding GMP records to the audit trail: every commit seals the rows it changed.

The hash chain proves that the audit table is intact; this module makes the *records* checkable
against it. Whenever a session commits, every row of a bound table that the transaction
inserted, changed or deleted gets a STATE audit entry in the same transaction, holding the row's
canonical content as the database now holds it (read back, not taken from the Python object, so
that a later read gives the same text), or null once the row is deleted. `record_check` compares
every current row with the last state the trail recorded for it.

The canonical text is backend-neutral (a SQLite backup restored into PostgreSQL reads the same):
times in UTC with microseconds, enums as their stored value, bytes as their SHA-256. Personal
data (`*_identity` tables) is never copied into the append-only trail: their state is a salted
digest of the whole row, so a change is still caught but nothing can be read back.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from itertools import chain
from typing import Any

from sqlalchemy import (
    Connection,
    Enum,
    Select,
    String,
    Table,
    TypeDecorator,
    bindparam,
    event,
    select,
)
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import type_coerce

from models.entities.base import Base
from models.kernel.audit import (
    _ENCODER,
    LAST_ACTOR,
    AuditLog,
    StateRecord,
    timestamp_text,
)

# Tables whose rows the trail does not describe: the trail itself and the number counters
# (whose uniqueness the records' own unique constraints already guard).
UNBOUND_TABLES = frozenset({"audit_entry", "audit_chain_head", "identifier_sequence"})
PERSONAL_TABLES = frozenset({"donor_identity", "recipient_identity"})
PERSONAL_FIELD = "personal_data"  # the salted digest's key in a personal table's state
SYSTEM_ACTOR = "system"

_TOUCHED = "celltrail.touched_rows"
_READ_CHUNK = 500


def bound_tables() -> list[Table]:
    """Every table whose rows the audit trail describes, in a fixed order."""
    return [t for t in Base.metadata.sorted_tables if t.name not in UNBOUND_TABLES]


def _bytes_digest(value: Any) -> str:
    return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()


def _plain(value: Any) -> Any:
    """A value as the canonical text holds it; the same on every backend."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    for kind, convert in _CONVERSIONS:
        if isinstance(value, kind):
            return convert(value)
    return str(value)


# datetime before date: a datetime is a date too
_CONVERSIONS: tuple[tuple[type | tuple[type, ...], Any], ...] = (
    (datetime, timestamp_text),
    (enum.Enum, lambda v: v.value),
    (date, lambda v: v.isoformat()),
    ((bytes, bytearray, memoryview), _bytes_digest),
    (Decimal, lambda v: str(v.normalize())),
)


def state_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """Column name → canonical value, in name order."""
    return {name: _plain(row[name]) for name in sorted(row)}


def state_text(table: Table, row: Mapping[str, Any], salt: str | None = None) -> str:
    """The canonical text of one row as the trail records it."""
    fields = state_fields(row)
    if table.name in PERSONAL_TABLES:
        fields = personal_state(table, fields, salt or secrets.token_hex(16))
    return str(_ENCODER.encode(fields))


def personal_state(table: Table, fields: dict[str, Any], salt: str) -> dict[str, Any]:
    """Primary key in clear, everything else as one salted digest (see the module docstring)."""
    keys = {c.name for c in table.primary_key.columns}
    kept = {name: value for name, value in fields.items() if name in keys}
    rest = {name: value for name, value in fields.items() if name not in keys}
    digest = hashlib.sha256((salt + _ENCODER.encode(rest)).encode("utf-8")).hexdigest()
    kept[PERSONAL_FIELD] = f"{salt}:{digest}"
    return kept


def primary_key(table: Table) -> ColumnElement[Any]:
    (column,) = table.primary_key.columns  # every CellTrail table has a one-column key
    return column


def _readable(column: Any) -> Any:
    """Enums are read as their stored text: a forged value outside the enum must be reported,
    not crash the check (the canonical text holds the stored value either way)."""
    if isinstance(column.type, Enum) or (
        isinstance(column.type, TypeDecorator) and isinstance(column.type.impl, Enum)
    ):
        return type_coerce(column, String()).label(column.name)
    return column


def key_value(table: Table, value: object) -> object:
    """A key as its column's Python type (keys travel as text in the trail's subject_id)."""
    try:
        python_type = primary_key(table).type.python_type
    except NotImplementedError:
        return value
    return int(str(value)) if python_type is int else value


@cache
def _columns(table: Table) -> tuple[Any, ...]:
    return tuple(_readable(c) for c in table.columns)


@cache
def _raw_columns(table: Table) -> tuple[Any, ...]:
    return tuple(type_coerce(c, String()).label(c.name) for c in table.columns)


@cache
def _by_keys(table: Table, raw: bool = False) -> Select[Any]:
    """Rows whose key is in the expanding parameter ``keys`` (one cached statement per table)."""
    columns = _raw_columns(table) if raw else _columns(table)
    return select(*columns).where(primary_key(table).in_(bindparam("keys", expanding=True)))


def read_rows(conn: Connection, table: Table, keys: Sequence[object]) -> dict[str, dict[str, Any]]:
    """Current rows by primary key (as text), as the app reads them; unreadable rows raw."""
    found: dict[str, dict[str, Any]] = {}
    name = primary_key(table).name
    for start in range(0, len(keys), _READ_CHUNK):
        chunk = list(keys[start : start + _READ_CHUNK])
        for row in _tolerant(conn, table, _by_keys(table), _by_keys(table, raw=True), chunk):
            found[str(row[name])] = row
    return found


_UNCONVERTIBLE = (ValueError, TypeError, LookupError, OverflowError)


def _tolerant(
    conn: Connection, table: Table, typed: Any, raw: Any, keys: list[object] | None = None
) -> list[dict[str, Any]]:
    """Rows of ``typed``; a row holding a value that cannot be converted (a forged date on
    SQLite, say) is read raw (``raw`` selects the same rows as text), so the check names it
    instead of failing."""
    params = {} if keys is None else {"keys": keys}
    try:
        return [dict(row._mapping) for row in conn.execute(typed, params)]
    except _UNCONVERTIBLE:
        pass
    name = primary_key(table).name
    rows: list[dict[str, Any]] = []
    for raw_row in conn.execute(raw, params):
        one = {"keys": [raw_row._mapping[name]]}
        try:
            rows.extend(dict(row._mapping) for row in conn.execute(_by_keys(table), one))
        except _UNCONVERTIBLE:
            rows.append(dict(raw_row._mapping))
    return rows


def stream_rows(conn: Connection, table: Table, page: int = 5000) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` in key order, in pages (constant memory at 1M rows)."""
    key = primary_key(table)
    last: Any = None
    while True:
        typed = select(*_columns(table)).order_by(key).limit(page)
        raw = select(*_raw_columns(table)).order_by(key).limit(page)
        if last is not None:
            typed, raw = typed.where(key > last), raw.where(key > last)
        rows = _tolerant(conn, table, typed, raw)
        if not rows:
            return
        yield from rows
        last = key_value(table, rows[-1][key.name])


def seal_all_rows(session: Session, tables: Iterable[Table], reason: str, page: int = 5000) -> int:
    """Record the current state of every row of ``tables`` (a migration's baseline: rows that
    existed before the trail described records, or whose columns a migration changed).

    Migrations pass tables reflected from the database, not the models, so that an older
    revision's upgrade never reads columns a later revision adds."""
    log = AuditLog(session)
    sealed = 0
    for table in tables:
        if table.name in UNBOUND_TABLES or table.name == "alembic_version":
            continue
        key = primary_key(table).name
        batch: list[StateRecord] = []
        for row in stream_rows(session.connection(), table, page):
            batch.append(StateRecord(table.name, str(row[key]), state_text(table, row)))
            if len(batch) >= page:
                log.record_states(batch, actor=SYSTEM_ACTOR, reason=reason)
                sealed, batch = sealed + len(batch), []
        log.record_states(batch, actor=SYSTEM_ACTOR, reason=reason)
        sealed += len(batch)
    return sealed


# --- sealing: one STATE entry per row a commit changed -------------------------------------


@event.listens_for(Session, "after_flush")
def _note_changed_rows(session: Session, _context: UOWTransaction) -> None:
    touched: dict[str, set[object]] = session.info.setdefault(_TOUCHED, {})
    for obj in chain(session.new, session.dirty, session.deleted):
        table = getattr(type(obj), "__table__", None)
        if not isinstance(table, Table) or table.name in UNBOUND_TABLES:
            continue
        if obj in session.dirty and not session.is_modified(obj, include_collections=False):
            continue
        key = getattr(obj, str(primary_key(table).key), None)
        if key is not None:
            touched.setdefault(table.name, set()).add(key)


@event.listens_for(Session, "before_commit")
def _seal_changed_rows(session: Session) -> None:
    session.flush()
    touched: dict[str, set[object]] = session.info.pop(_TOUCHED, {})
    if not touched:
        return
    tables = Base.metadata.tables
    conn = session.connection()
    records: list[StateRecord] = []
    for name in sorted(touched):
        table = tables[name]
        keys = sorted(touched[name], key=str)
        rows = read_rows(conn, table, keys)
        for key in keys:
            row = rows.get(str(key))
            state = state_text(table, row) if row is not None else None
            records.append(StateRecord(name, str(key), state))
    actor = session.info.get(LAST_ACTOR) or SYSTEM_ACTOR
    AuditLog(session).record_states(records, actor=actor)
    session.info.pop(_TOUCHED, None)  # the STATE entries themselves are not bound rows


@event.listens_for(Session, "after_rollback")
def _forget_changed_rows(session: Session) -> None:
    session.info.pop(_TOUCHED, None)
