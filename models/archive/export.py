"""Archive export of one closed batch for long-term (30-year) retention.

A zip holding everything a regulator may ask about one batch long after the live database
has moved on: its trace, the rows of the batch and of every record that hangs off it (as
JSON lines, one file per table; models.archive.collect says which), the audit entries and
e-signatures about those records, the type of every column, a plain-language README, and a
manifest with the checksum of every member and the audit-chain head the export was
verified against.  Personal data (``donor_identity``, ``recipient_identity``) never enters
the archive: donors and recipients appear only under their pseudonymous codes (R-PRV).

Only a closed batch is archived: released, rejected or recalled, with every unit (and every
unit derived from them) at the end of its life, so the archive cannot go stale.

The export is audited with the SHA-256 of the manifest it wrote, so the live trail vouches
for the archive: ``celltrail archive verify --db`` finds an archive that was rewritten
consistently (members and manifest checksums together).  Verifying and reading need no
database: models.archive.verify and models.archive.read.  There is no import back into a
live database, by design: the live database keeps its own rows (see models.archive.read).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Table, select
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator, TypeEngine

from models.archive.collect import audit_rows, collect, signature_rows, units_with_derived
from models.archive.errors import ArchiveError, BatchNotClosedError
from models.archive.format import (
    AUDIT,
    COLUMNS,
    FORMAT,
    MANIFEST,
    PERSONAL_DATA_TABLES,
    README,
    README_TEXT,
    SIGNATURES,
    SUBJECTS,
    TRACE,
    ArchiveManifest,
    record_member,
    to_json,
    to_jsonl,
)
from models.archive.output import check_destination, new_file
from models.chain.consent_checks import require_consent, source_donors
from models.chain.consent_scope import ConsentScope
from models.chain.lookup import unit_code
from models.entities.accounts import Role, Signature
from models.entities.audit import AuditEntry
from models.entities.base import utcnow
from models.entities.production import Batch, BatchStatus, Disposition, ProductUnit
from models.identity.accounts import require_actor
from models.identity.principals import PRINCIPALS
from models.kernel.audit import AuditAction, verify_chain
from models.kernel.db import read_only
from models.kernel.errors import NotFoundError

if TYPE_CHECKING:
    from models.core import Core

__all__ = [
    "ARCHIVE_ROLES",
    "FORMAT",
    "PERSONAL_DATA_TABLES",
    "ArchiveError",
    "ArchiveManifest",
    "BatchNotClosedError",
    "export_batch_archive",
]

ARCHIVE_ROLES = (Role.QA, Role.AUDITOR)
CLOSED_STATUSES = frozenset({BatchStatus.RELEASED, BatchStatus.REJECTED, BatchStatus.RECALLED})
TERMINAL_DISPOSITIONS = frozenset(
    {Disposition.ADMINISTERED, Disposition.DESTROYED, Disposition.TRANSFORMED}
)


def require_archivable_input(
    core: Core, *, batch_number: str, destination: Path, force: bool
) -> None:
    """What can be refused before anyone is asked for a password: the destination, a batch
    number that names no batch, a batch not closed."""
    check_destination(destination, force=force)
    with core.uow().reading() as uow:
        batch = uow.session.scalars(select(Batch).where(Batch.number == batch_number)).first()
        if batch is None:
            raise NotFoundError(kind="batch", ident=batch_number)
        _require_closed(batch, units_with_derived(uow.session, batch))


def export_batch_archive(
    core: Core, *, batch_number: str, destination: Path, actor: str, force: bool = False
) -> ArchiveManifest:
    """Write the retention archive of closed batch ``batch_number`` to ``destination`` (.zip);
    an existing file there is replaced only with ``force``, and never a non-regular one
    (models.archive.output).

    The checks and the dump share one read-only connection and so one snapshot: the chain
    that was verified is the chain whose entries are archived.  The export is audited.
    """
    check_destination(destination, force=force)  # before any work: refused means untouched
    engine = read_only(core.engine)
    with engine.connect() as conn:
        # A session of its own (one snapshot with the dump) that still knows who signed in.
        session = Session(bind=conn, info={PRINCIPALS: core.accounts.principals})
        require_actor(session, actor, ARCHIVE_ROLES, "archive batch records")
        batch = session.execute(
            select(Batch).where(Batch.number == batch_number)
        ).scalar_one_or_none()
        if batch is None:
            raise NotFoundError(kind="batch", ident=batch_number)
        units = units_with_derived(session, batch)
        _require_closed(batch, units)
        report = verify_chain(session)
        if report.first_break is not None:
            raise ArchiveError(
                detail=f"the audit chain is broken at entry {report.first_break.seq}; "
                "investigate before archiving"
            )
        revision = MigrationContext.configure(conn).get_current_revision() or ""
        for donor in source_donors(session, batch):  # R-PRV-04: the donor agreed to sharing
            require_consent(session, donor, ConsentScope.SHARING, "archive_export", utcnow())
        collected = collect(session, batch, units)
        signatures = signature_rows(session, collected)  # may add subjects: before audit
        audit = audit_rows(session, collected, report.last_seq)
        session.close()
    trace = core.chain.trace.trace(batch_number).to_dict()

    members: dict[str, bytes] = {TRACE: to_json(trace).encode("utf-8")}
    counts: dict[str, int] = {}
    for table_name, rows in collected.rows.items():
        members[record_member(table_name)] = to_jsonl(rows)
        counts[table_name] = len(rows)
    members[SIGNATURES] = to_jsonl(signatures)
    counts["signature"] = len(signatures)
    members[AUDIT] = to_jsonl(audit)
    counts["audit_entry"] = len(audit)
    tables: list[Table] = [*collected.tables.values(), _table(Signature), _table(AuditEntry)]
    members[COLUMNS] = to_json({t.name: _column_kinds(t) for t in tables}).encode("utf-8")
    subjects = {t: sorted(keys) for t, keys in collected.subjects.items()}
    members[SUBJECTS] = to_json(subjects).encode("utf-8")
    members[README] = README_TEXT.format(format=FORMAT).encode("utf-8")

    manifest = ArchiveManifest(
        format=FORMAT,
        batch=batch_number,
        created_at=utcnow().isoformat(),
        actor=actor,
        schema_revision=revision,
        audit_last_seq=report.last_seq,
        audit_last_hash=report.last_hash,
        row_counts=counts,
        member_sha256={name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    )
    manifest_bytes = json.dumps(manifest.__dict__, indent=2).encode("utf-8")
    with (
        new_file(destination, force=force) as tmp,
        zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for name, data in members.items():
            archive.writestr(name, data)
        archive.writestr(MANIFEST, manifest_bytes)
    _audit_export(core, actor, batch_number, destination, manifest, manifest_bytes)
    return manifest


def _audit_export(
    core: Core,
    actor: str,
    batch_number: str,
    destination: Path,
    manifest: ArchiveManifest,
    manifest_bytes: bytes,
) -> None:
    """What ReportService.record_export writes, plus the manifest's SHA-256: with it the live
    audit trail vouches for this very archive (checked by ``archive verify --db``)."""
    with core.uow() as uow:
        require_actor(uow.session, actor, ARCHIVE_ROLES, "archive batch records")
        uow.audit.record(
            AuditAction.EXPORT,
            actor=actor,
            subject_type="batch",
            subject_id=batch_number[:64],
            new={
                "file": destination.name,
                "rows": sum(manifest.row_counts.values()),
                "format": FORMAT,
                "manifest_sha256": hashlib.sha256(manifest_bytes).hexdigest(),
            },
        )
        uow.commit()


def _table(entity: type[Any]) -> Table:
    table: Table = entity.__table__
    return table


def _column_kinds(table: Table) -> dict[str, str]:
    """Each column's type in words a reader without this code understands (see README.txt)."""
    return {c.key: _kind(c.type) for c in table.columns}


# Order matters: bool is an int and datetime a date; enums are stored as their text.
_KINDS: tuple[tuple[type, str], ...] = (
    (bool, "boolean"),
    (int, "integer"),
    (float, "float"),
    (datetime, "datetime"),
    (date, "date"),
    (bytes, "bytes"),
)


def _kind(column_type: TypeEngine[Any]) -> str:
    if isinstance(column_type, TypeDecorator):  # its own python_type is just `object`
        column_type = column_type.impl_instance
    try:
        python_type = column_type.python_type
    except NotImplementedError:
        return "text"
    return next((kind for t, kind in _KINDS if issubclass(python_type, t)), "text")


def _require_closed(batch: Batch, units: list[ProductUnit]) -> None:
    if batch.status not in CLOSED_STATUSES:
        raise BatchNotClosedError(batch=batch.number, reason=f"status is {batch.status.value}")
    open_units = [u for u in units if u.disposition not in TERMINAL_DISPOSITIONS]
    if open_units:
        listed = ", ".join(f"{unit_code(u)} ({u.disposition.value})" for u in open_units[:10])
        more = f" and {len(open_units) - 10} more" if len(open_units) > 10 else ""
        raise BatchNotClosedError(batch=batch.number, reason=f"units still open: {listed}{more}")
