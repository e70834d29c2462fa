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
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from itertools import chain
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    DateTime,
    Float,
    Integer,
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
from sqlalchemy.types import NullType

from models.entities.base import Base
from models.kernel.audit import (
    _ENCODER,
    LAST_ACTOR,
    AuditLog,
    StateRecord,
    timestamp_text,
)

# Tables whose rows the trail does not describe: the trail itself, the number counters
# (whose uniqueness the records' own unique constraints already guard) and the site's secret
# keys (models/identity/unknown_names.py: a key copied into the trail would be no secret;
# triggers keep the table append-only instead) and the database's purpose (written with the
# schema, before any trail exists, and kept unchangeable by triggers: models/entities/database).
UNBOUND_TABLES = frozenset(
    {"audit_entry", "audit_chain_head", "identifier_sequence", "site_secret", "database_purpose"}
)
PERSONAL_TABLES = frozenset({"donor_identity", "recipient_identity"})
PERSONAL_FIELD = "personal_data"  # the salted digest's key in a personal table's state
SYSTEM_ACTOR = "system"

_TOUCHED = "celltrail.touched_rows"
_READ_CHUNK = 500


def bound_tables() -> list[Table]:
    """Every table whose rows the audit trail describes, in a fixed order."""
    return [t for t in Base.metadata.sorted_tables if t.name not in UNBOUND_TABLES]


# --- canonical values ------------------------------------------------------------------------
#
# Rows are read raw (no SQLAlchemy type processing: a forged value the app could not read is
# named, not a crash, and 1M rows are not run through Python type decorators) and each value
# is put into its canonical, backend-neutral form by a converter chosen once per column.


def _bytes_digest(value: Any) -> str:
    return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()


def _plain(value: Any) -> Any:
    """Any driver value as the canonical text holds it; the same on every backend."""
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


def _sqlite_timestamp(value: Any) -> Any:
    """SQLite stores a UTC time as 'YYYY-MM-DD HH:MM:SS.ffffff' (SQLAlchemy's format): the
    canonical text is the same instant in ISO form with its zone, as PostgreSQL's reads."""
    if isinstance(value, str) and len(value) == 26 and value[10] == " " and value[19] == ".":
        return f"{value[:10]}T{value[11:]}+00:00"
    return _plain(value)  # anything else was not written by CellTrail: kept as found


def _sqlite_boolean(value: Any) -> Any:
    return bool(value) if type(value) is int and value in (0, 1) else value


def _converter(column: Any, dialect: str) -> Any:
    """The converter for one column's driver values, or None when they are canonical as read."""
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(kind, DateTime):
        return _sqlite_timestamp if dialect == "sqlite" else _plain
    if isinstance(kind, Boolean):
        return _sqlite_boolean if dialect == "sqlite" else None
    if isinstance(kind, (String, Integer, Float)):  # Enum and Text are Strings
        return None
    return _plain  # dates, bytes, decimals and anything else


@cache
def _layout(table: Table) -> tuple[tuple[str, ...], int]:
    """A table's column names in name order (the canonical order) and its key's position."""
    names = tuple(sorted(c.name for c in table.columns))
    return names, names.index(primary_key(table).name)


@dataclass(frozen=True)
class _Plan:
    """How to read one table on one backend: its columns in name order, raw, and the function
    that turns a driver row into the tuple of canonical values (same order)."""

    columns: tuple[Any, ...]
    to_values: Any  # Callable[[Sequence[Any]], tuple[Any, ...]]
    key_index: int


@cache
def _plan(table: Table, dialect: str) -> _Plan:
    names, key_index = _layout(table)
    columns = tuple(type_coerce(table.c[n], NullType()).label(n) for n in names)
    converters = [_converter(table.c[n], dialect) for n in names]
    return _Plan(columns, _row_function(converters), key_index)


def _row_function(converters: list[Any]) -> Any:
    """One generated function per table: a tuple display with each converter inlined is several
    times faster than a loop over the columns, and the record check runs it on every row."""
    parts, scope = [], {}
    for i, convert in enumerate(converters):
        if convert is None:
            parts.append(f"r[{i}]")
        else:
            scope[f"c{i}"] = convert
            parts.append(f"(None if r[{i}] is None else c{i}(r[{i}]))")
    source = "def to_values(r):\n    return (" + ", ".join(parts) + ",)\n"
    exec(source, scope)  # noqa: S102 - generated from column positions only
    return scope["to_values"]


def fields_of(table: Table, values: tuple[Any, ...]) -> dict[str, Any]:
    """Column name → canonical value, in name order."""
    return dict(zip(_layout(table)[0], values, strict=True))


def key_index(table: Table) -> int:
    """The key's position in a row's canonical values."""
    return _layout(table)[1]


def key_of(table: Table, values: tuple[Any, ...]) -> str:
    return str(values[_layout(table)[1]])


def fingerprint(values: tuple[Any, ...]) -> str:
    """A short digest of a row's canonical values (str, int, float, bool and None, whose repr
    is fixed): cheaper to compare than the JSON text, which is read only to name what differs."""
    return hashlib.blake2b(repr(values).encode("utf-8"), digest_size=16).hexdigest()


def row_state(table: Table, values: tuple[Any, ...]) -> StateRecord:
    """The STATE record of one row: its canonical text and, unless personal, its fingerprint."""
    text = state_text(table, fields_of(table, values))
    personal = table.name in PERSONAL_TABLES
    return StateRecord(
        table.name, key_of(table, values), text, None if personal else fingerprint(values)
    )


def state_text(table: Table, fields: Mapping[str, Any], salt: str | None = None) -> str:
    """The canonical text of one row (its canonical ``fields``) as the trail records it."""
    if table.name in PERSONAL_TABLES:
        fields = personal_state(table, fields, salt or secrets.token_hex(16))
    return str(_ENCODER.encode(fields))


def personal_state(table: Table, fields: Mapping[str, Any], salt: str) -> dict[str, Any]:
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


def key_value(table: Table, value: object) -> object:
    """A key as its column's Python type (keys travel as text in the trail's subject_id)."""
    try:
        python_type = primary_key(table).type.python_type
    except NotImplementedError:
        return value
    return int(str(value)) if python_type is int else value


@cache
def _by_keys(table: Table, dialect: str) -> Select[Any]:
    """Rows whose key is in the expanding parameter ``keys`` (one cached statement per table)."""
    plan = _plan(table, dialect)
    return select(*plan.columns).where(primary_key(table).in_(bindparam("keys", expanding=True)))


def read_values(
    conn: Connection, table: Table, keys: Sequence[object]
) -> dict[str, tuple[Any, ...]]:
    """Current rows by primary key (as text), as tuples of canonical values."""
    plan = _plan(table, conn.dialect.name)
    query = _by_keys(table, conn.dialect.name)
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(keys), _READ_CHUNK):
        chunk = list(keys[start : start + _READ_CHUNK])
        rows: Sequence[Any]
        if table.name in PERSONAL_TABLES:
            rows = _driver_rows(conn, select(*plan.columns).where(primary_key(table).in_(chunk)))
        else:
            rows = conn.execute(query, {"keys": chunk}).fetchall()
        for row in rows:
            values = plan.to_values(row)
            found[str(values[plan.key_index])] = values
    return found


def _driver_rows(conn: Connection, query: Select[Any]) -> list[Any]:
    """Rows read through the driver's cursor on the same transaction, bypassing SQLAlchemy's
    engine log: at DEBUG it prints result rows, and personal data must never reach a log."""
    sql = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(sql))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def stream_values(conn: Connection, table: Table, page: int = 20_000) -> Iterator[tuple[Any, ...]]:
    """Every row of ``table`` in key order as canonical values, in pages (constant memory).

    Read through the driver's own cursor, on the same connection and transaction: at 1M rows
    SQLAlchemy's row objects cost a third of the read. The statement is compiled once per page
    with its two integers inlined."""
    plan = _plan(table, conn.dialect.name)
    key = primary_key(table)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    last: Any = None
    try:
        while True:
            query = select(*plan.columns).order_by(key).limit(page)
            if last is not None:
                query = query.where(key > last)
            sql = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
            cursor.execute(str(sql))
            rows = cursor.fetchall()
            if not rows:
                return
            to_values = plan.to_values
            for row in rows:
                yield to_values(row)
            last = key_value(table, rows[-1][plan.key_index])
    finally:
        cursor.close()


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
        batch: list[StateRecord] = []
        for values in stream_values(session.connection(), table, page):
            batch.append(row_state(table, values))
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
        rows = read_values(conn, table, keys)
        for key in keys:
            values = rows.get(str(key))
            if values is None:
                records.append(StateRecord(name, str(key), None))  # deleted by this commit
            else:
                records.append(row_state(table, values))
    actor = session.info.get(LAST_ACTOR) or SYSTEM_ACTOR
    AuditLog(session).record_states(records, actor=actor)
    session.info.pop(_TOUCHED, None)  # the STATE entries themselves are not bound rows


@event.listens_for(Session, "after_rollback")
def _forget_changed_rows(session: Session) -> None:
    session.info.pop(_TOUCHED, None)
