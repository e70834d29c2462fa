"""`archive verify --db URL`: does the live database still vouch for this archive?

Offline, an archive can only be checked against itself.  The live chain is the independent
witness: every archived audit entry must still be the live entry at that seq (the live
chain's own integrity is `celltrail audit verify`'s job), the manifest's head must be a
live entry, and (from format /2) the live trail must record the export of exactly this
manifest — which exposes an archive whose members and checksums were rewritten together.
Read-only; nothing is written, not even an audit entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import SQLAlchemyError

from models.archive.checks import ArchiveContents
from models.archive.errors import (
    LiveEntryMismatchError,
    LiveEntryMissingError,
    LiveExportMissingError,
    LiveUnavailableError,
)
from models.archive.format import FORMAT
from models.entities.audit import AuditEntry
from models.kernel.audit import AuditAction
from models.kernel.db import make_engine, read_only
from models.kernel.errors import DomainError

_CHUNK = 500  # bound IN lists: SQLite caps bound parameters per statement


def cross_check(url: str, contents: ArchiveContents) -> list[DomainError]:
    manifest = contents.manifest
    if manifest is None:
        return []
    try:
        engine = make_engine(url)
    except DomainError as exc:  # a malformed URL or a missing driver
        return [LiveUnavailableError(detail=exc.message())]
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and not Path(database).is_file():
        engine.dispose()  # connecting would create an empty database file there
        return [LiveUnavailableError(detail=f"no database file {database}")]
    try:
        with read_only(engine).connect() as conn:
            archived = {
                row["seq"]: row.get("entry_hash")
                for row in contents.tables.get("audit_entry", [])
                if isinstance(row.get("seq"), int)
            }
            archived.setdefault(manifest.audit_last_seq, manifest.audit_last_hash)
            problems = _compare(conn, archived)
            if manifest.format == FORMAT and contents.manifest_sha256 is not None:
                problems += _export_recorded(conn, manifest.batch, contents.manifest_sha256)
            return problems
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        return [LiveUnavailableError(detail=detail)]
    finally:
        engine.dispose()


def _chunks(values: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _compare(conn: Connection, archived: dict[int, Any]) -> list[DomainError]:
    live: dict[int, str] = {}
    table = AuditEntry.__table__
    for chunk in _chunks(sorted(archived)):
        query = select(table.c.seq, table.c.entry_hash).where(table.c.seq.in_(chunk))
        live.update({int(seq): str(digest) for seq, digest in conn.execute(query)})
    problems: list[DomainError] = []
    for seq, digest in sorted(archived.items()):
        if seq not in live:
            problems.append(LiveEntryMissingError(seq=seq))
        elif live[seq] != digest:
            problems.append(LiveEntryMismatchError(seq=seq, live=live[seq]))
    return problems


def _export_recorded(conn: Connection, batch: str, manifest_sha256: str) -> list[DomainError]:
    table = AuditEntry.__table__
    query = select(table.c.new_value).where(
        table.c.action == AuditAction.EXPORT.value,
        table.c.subject_type == "batch",
        table.c.subject_id == batch[:64],
    )
    for (new_value,) in conn.execute(query):
        try:
            recorded = json.loads(new_value or "null")
        except ValueError:
            continue
        if isinstance(recorded, dict) and recorded.get("manifest_sha256") == manifest_sha256:
            return []
    return [LiveExportMissingError(batch=batch, digest=manifest_sha256)]
