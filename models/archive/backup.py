"""Portable, verified backups: a zip of every table as JSON lines plus a signed-off manifest.

Why not copy the database file? A copy can catch SQLite mid-checkpoint and cannot move a
site from SQLite to PostgreSQL. This format is backend-neutral, is checked on the way out
(the audit chain must be intact before anything is written) and on the way back in
(member checksums, schema revision, and the audit chain of the restored rows), and a
restore is one transaction: it either completes or leaves the target untouched.

A backup file is only written where nothing is, or over a regular file with ``force``
(models.archive.output).  A file to restore is untrusted until checked: it must be a regular
file, and every size is capped *before* it is read (the manifest's, each member's, each
row's), so a zip bomb or ``/dev/zero`` is refused in words instead of exhausting memory.
Members are checked and restored as streams: memory does not grow with the backup.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import sqlite3
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, Table, func, insert, select, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator, TypeEngine

import models.entities  # noqa: F401  (registers every table)
from models.archive.errors import InputNotRegularError
from models.archive.output import new_file
from models.entities.base import Base, utcnow
from models.entities.database import Purpose
from models.i18n import Message
from models.kernel import schema
from models.kernel.audit import verify_chain
from models.kernel.db import read_only
from models.kernel.db_purpose import purpose_of
from models.kernel.errors import DomainError
from models.kernel.record_check import check_records

FORMAT = "celltrail-backup/1"
SKIPPED_TABLES = {"alembic_version"}
PURPOSE_TABLE = "database_purpose"  # written when a database is created, never restored over
MANIFEST = "manifest.json"

# Caps checked against the sizes the zip declares, before anything is inflated (zipfile
# never yields more than a member's declared size, so the declaration is a true bound).
MAX_MANIFEST_BYTES = 16 << 20  # a manifest is a few kilobytes: digests and row counts
MAX_ROW_CHARS = 256 << 20  # one row as a JSON line (label payloads are the largest)
# Deflate can shrink a run of one byte a thousandfold; table rows never shrink a hundredfold.
MAX_INFLATION = 100
INFLATION_CHECKED_ABOVE = 16 << 20
_CHUNK = 1 << 20


class BackupError(DomainError):
    code = "backup"


class BackupRecordsDifferError(BackupError):
    """Rows differ from the audit trail: no backup of them is written, none restored."""

    code = "backup_records_differ"
    terms = {"table": "record_kind"}


class BackupPurposeError(BackupError):
    code = "backup_purpose"


class BackupMemberTooLargeError(DomainError):
    code = "backup_member_too_large"


@dataclass(frozen=True)
class BackupManifest:
    format: str
    schema_revision: str
    created_at: str
    row_counts: dict[str, int]
    audit_last_seq: int
    audit_last_hash: str
    member_sha256: dict[str, str]


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED_TABLES]


def encode_value(value: Any) -> Any:
    """One column value as JSON: bytes as {"$b64": …}, dates and times as ISO 8601."""
    if isinstance(value, bytes):
        return {"$b64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in row.items():
        kind = _python_type(table.c[name].type)
        if value is None:
            out[name] = None
        elif kind is bytes:
            out[name] = base64.b64decode(value["$b64"])
        elif kind is datetime:
            out[name] = datetime.fromisoformat(value)
        elif kind is date:
            out[name] = date.fromisoformat(value)
        else:
            out[name] = value
    return out


def _python_type(column_type: TypeEngine[Any]) -> type | None:
    if isinstance(column_type, TypeDecorator):  # its own python_type is just `object`
        column_type = column_type.impl_instance
    try:
        return column_type.python_type
    except NotImplementedError:
        return None


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns)
    for row in conn.execute(select(table).order_by(*order)).mappings():
        yield {k: encode_value(v) for k, v in row.items()}


def create_backup(engine: Engine, destination: Path, *, force: bool = False) -> BackupManifest:
    """Write a verified backup of the whole database to ``destination`` (a .zip file); an
    existing file there is replaced only with ``force``, and never a non-regular one.

    Verification and dump share one connection and so one snapshot: the chain that was
    verified is exactly the chain that is written.
    """
    with new_file(destination, force=force) as tmp, read_only(engine).connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        report = verify_chain(Session(bind=conn))
        if report.first_break is not None:
            raise BackupError(
                detail=f"the audit chain is broken at entry "
                f"{report.first_break.seq}; investigate before backing up"
            )
        _require_records_match(Session(bind=conn), restoring=False)
        revision = MigrationContext.configure(conn).get_current_revision() or ""
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            counts, digests = _dump_tables(conn, archive)
            manifest = BackupManifest(
                format=FORMAT,
                schema_revision=revision,
                created_at=utcnow().isoformat(),
                row_counts=counts,
                audit_last_seq=report.last_seq,
                audit_last_hash=report.last_hash,
                member_sha256=digests,
            )
            archive.writestr(MANIFEST, json.dumps(manifest.__dict__, indent=2))
    return manifest


def _dump_tables(
    conn: Connection, archive: zipfile.ZipFile
) -> tuple[dict[str, int], dict[str, str]]:
    counts, digests = {}, {}
    for table in _tables():
        buffer = io.StringIO()
        counts[table.name] = 0
        for row in _rows(conn, table):
            buffer.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            counts[table.name] += 1
        data = buffer.getvalue().encode("utf-8")
        member = f"tables/{table.name}.jsonl"
        archive.writestr(member, data)
        digests[member] = hashlib.sha256(data).hexdigest()
    return counts, digests


def read_manifest(archive: zipfile.ZipFile) -> BackupManifest:
    try:
        raw = json.loads(_read_capped(archive, MANIFEST, MAX_MANIFEST_BYTES))
        manifest = BackupManifest(**raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupError(detail=f"not a CellTrail backup (manifest unreadable: {exc})") from exc
    if manifest.format != FORMAT:
        raise BackupError(detail=f"unknown backup format {manifest.format!r}")
    return manifest


def restore_backup(source: Path, engine: Engine) -> BackupManifest:
    """Restore into an empty, migrated database; all or nothing."""
    _require_regular_file(source)
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupError(detail=f"cannot open {source}: {exc}") from exc
    try:
        return _restore(archive, engine)
    except (BackupError, OperationalError, sqlite3.OperationalError):
        raise  # a refusal already, or the database itself is unreachable or locked
    except _DAMAGED as exc:  # the transaction has rolled back: the target is untouched
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BackupError(detail=f"the backup is damaged or not CellTrail's ({reason})") from exc


# What a damaged or hand-edited archive raises while it is read and its rows are inserted.
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,  # a member compressed with a method zipfile does not support
    RuntimeError,  # a member flagged as encrypted
    OSError,  # the file cannot be read back
    ValueError,  # bad JSON, base64, dates; UnicodeDecodeError
    TypeError,
    KeyError,
    AttributeError,
    SQLAlchemyError,  # rows the schema refuses (constraints, wrong types)
    sqlite3.Error,
)


def _restore(archive: zipfile.ZipFile, engine: Engine) -> BackupManifest:
    with archive:
        manifest = read_manifest(archive)
        if manifest.schema_revision != schema.head_revision():
            raise BackupError(
                detail=f"backup schema {manifest.schema_revision} differs from this "
                f"release's {schema.head_revision()}; restore with the matching release"
            )
        _verify_members(archive, manifest)
        purpose = _backup_purpose(archive)
        schema.upgrade(engine, purpose.value)  # a new database is created for the same purpose
        with engine.begin() as conn:
            _require_empty(conn)
            _require_purpose(conn, purpose)
            conn.execute(text("DELETE FROM audit_chain_head"))  # replaced by the backup's head
            for table in _tables():
                member = f"tables/{table.name}.jsonl"
                if member in manifest.member_sha256 and table.name != PURPOSE_TABLE:
                    _insert_rows(conn, table, archive, member)
            if engine.dialect.name == "postgresql":
                _reset_sequences(conn)
            _verify_restored(conn, manifest)
    return manifest


def _require_regular_file(source: Path) -> None:
    """A device (/dev/zero), a pipe or a directory is never opened as a backup."""
    try:
        found = os.stat(source)
    except OSError as exc:
        raise BackupError(detail=f"cannot open {source}: {exc.strerror}") from exc
    if not stat.S_ISREG(found.st_mode):
        raise InputNotRegularError(file=str(source))


def _checked_info(archive: zipfile.ZipFile, member: str, limit: int | None) -> zipfile.ZipInfo:
    """The member's entry, refused unread if its declared size exceeds ``limit`` or it
    inflates like a zip bomb rather than like table rows."""
    try:
        info = archive.getinfo(member)
    except KeyError as exc:
        raise BackupError(detail=f"{member} is missing from the backup") from exc
    if limit is not None and info.file_size > limit:
        raise BackupMemberTooLargeError(member=member, size=info.file_size, limit=limit)
    if info.file_size > INFLATION_CHECKED_ABOVE and info.file_size > MAX_INFLATION * max(
        info.compress_size, 1
    ):
        raise BackupMemberTooLargeError(
            member=member, size=info.file_size, limit=MAX_INFLATION * info.compress_size
        )
    return info


def _read_capped(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    with archive.open(_checked_info(archive, member, limit)) as stream:
        return stream.read(limit + 1)


def _verify_members(archive: zipfile.ZipFile, manifest: BackupManifest) -> None:
    """Every listed member is present and matches its checksum, read in chunks."""
    for member, expected in manifest.member_sha256.items():
        digest = hashlib.sha256()
        with archive.open(_checked_info(archive, member, None)) as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != expected:
            raise BackupError(detail=f"{member} is corrupt (checksum mismatch)")


def _backup_purpose(archive: zipfile.ZipFile) -> Purpose:
    """What the backed-up database was created for (written once, at its creation)."""
    member = f"tables/{PURPOSE_TABLE}.jsonl"
    try:
        row = json.loads(_read_capped(archive, member, MAX_MANIFEST_BYTES).splitlines()[0])
        return Purpose(row["purpose"])
    except (IndexError, KeyError, TypeError, ValueError) as exc:
        raise BackupError(detail=f"{member} is missing or unreadable") from exc


def _require_purpose(conn: Connection, purpose: Purpose) -> None:
    """A database keeps the purpose it was created with (its row cannot be replaced): a
    training backup never becomes a production database, nor the other way round."""
    found = purpose_of(conn)
    if found is not purpose:
        raise BackupPurposeError(
            backup=Message(f"db_purpose.{purpose.value}"),
            target=Message(f"db_purpose.{found.value}"),
        )


def _require_empty(conn: Connection) -> None:
    users = conn.execute(text("SELECT count(*) FROM user_account")).scalar_one()
    audit = conn.execute(text("SELECT count(*) FROM audit_entry")).scalar_one()
    if users or audit:
        raise BackupError(detail="the target database is not empty; restore only into a new one")


def _insert_rows(conn: Connection, table: Table, archive: zipfile.ZipFile, member: str) -> None:
    batch: list[dict[str, Any]] = []
    with archive.open(_checked_info(archive, member, None)) as raw:
        # newline="\n": lines end at "\n" only, never at U+2028, U+0085 … inside values
        for line in _lines(io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), member):
            batch.append(_decode(table, json.loads(line)))
        if len(batch) >= 2000:
            conn.execute(insert(table), batch)
            batch = []
    if batch:
        conn.execute(insert(table), batch)


def _lines(stream: io.TextIOWrapper, member: str) -> Iterator[str]:
    while line := stream.readline(MAX_ROW_CHARS + 1):
        if len(line) > MAX_ROW_CHARS:
            raise BackupMemberTooLargeError(member=member, size=len(line), limit=MAX_ROW_CHARS)
        if line.strip("\n"):
            yield line


def _reset_sequences(conn: Connection) -> None:
    for table in _tables():
        if "id" in table.c and table.c.id.autoincrement is not False and table.c.id.primary_key:
            top = conn.execute(select(func.max(table.c.id))).scalar()
            if top:
                conn.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), {top})")
                )


def _verify_restored(conn: Connection, manifest: BackupManifest) -> None:
    session = Session(bind=conn)
    report = verify_chain(session)
    if not report.intact or (report.last_seq, report.last_hash) != (
        manifest.audit_last_seq,
        manifest.audit_last_hash,
    ):
        raise BackupError(detail="the restored audit chain does not verify; nothing was restored")
    _require_records_match(session, restoring=True)


def _require_records_match(session: Session, *, restoring: bool) -> None:
    """Every row must be what the audit trail last recorded (record_check.py)."""
    records = check_records(session, limit=1)
    if not records.intact:
        first = records.mismatches[0]
        raise BackupRecordsDifferError(
            table=first.table,
            record=first.record_id,
            then=Message.of("backup.nothing_restored" if restoring else "backup.investigate"),
        )
