"""Archive export of one closed batch for long-term (30-year) retention.

A zip holding everything a regulator may ask about one batch long after the live database
has moved on: its trace, the rows of the batch and of every record that hangs off it (as
JSON lines, one file per table), the audit entries and e-signatures about those records,
and a manifest with the checksum of every member and the audit-chain head the export was
verified against.  Personal data (``donor_identity``, ``recipient_identity``) never enters
the archive: donors and recipients appear only under their pseudonymous codes (R-PRV).

Only a closed batch is archived: released, rejected or recalled, with every unit (and every
unit derived from them) at the end of its life, so the archive cannot go stale.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from models.audit import verify_chain
from models.backup import encode_value
from models.base import utcnow
from models.db import read_only
from models.entities.accounts import Role, Signature
from models.entities.audit import AuditEntry
from models.entities.labeling import PrintedLabel, PrintJob
from models.entities.logistics import (
    Administration,
    CustodyEvent,
    Shipment,
    ShipmentItem,
    Thaw,
)
from models.entities.parties import Donor, Recipient
from models.entities.production import (
    Batch,
    BatchSource,
    BatchStatus,
    Collection,
    Disposition,
    ProcessStep,
    ProductUnit,
    UnitLink,
)
from models.entities.quality import Deviation, QcResult, ReleaseRecord
from models.errors import DomainError, NotFoundError
from models.services.accounts import get_user, require_role
from models.services.lookup import unit_code

if TYPE_CHECKING:
    from models.core import Core

FORMAT = "celltrail-archive/1"
ARCHIVE_ROLES = (Role.QA, Role.AUDITOR)
CLOSED_STATUSES = frozenset({BatchStatus.RELEASED, BatchStatus.REJECTED, BatchStatus.RECALLED})
TERMINAL_DISPOSITIONS = frozenset(
    {Disposition.ADMINISTERED, Disposition.DESTROYED, Disposition.TRANSFORMED}
)
# Tables that hold personal data: they must never be archived (R-PRV).
PERSONAL_DATA_TABLES = frozenset({"donor_identity", "recipient_identity"})


class ArchiveError(DomainError):
    code = "archive"
    en = "Archive export refused: {detail}"
    zh = "归档导出被拒绝：{detail}"


class BatchNotClosedError(DomainError):
    code = "batch_not_closed"
    en = "Batch {batch} is not closed and cannot be archived: {reason}"
    zh = "批次 {batch} 尚未关闭，不能归档：{reason}"


@dataclass(frozen=True)
class ArchiveManifest:
    format: str
    batch: str
    created_at: str
    actor: str
    schema_revision: str
    audit_last_seq: int
    audit_last_hash: str
    row_counts: dict[str, int]
    member_sha256: dict[str, str] = field(default_factory=dict)


@dataclass
class _Collected:
    """Rows per table, in the order they are written, and the audit subjects they stand for."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    subjects: dict[str, set[str]] = field(default_factory=dict)
    signature_ids: set[int] = field(default_factory=set)

    def add(self, entity: type[Any], records: Iterable[Any], keys: Any = None) -> None:
        table: Table = entity.__table__
        bucket = self.rows.setdefault(table.name, [])
        seen = {row["id"] for row in bucket if "id" in row}
        for record in records:
            row = {c.key: getattr(record, _attr(record, c.key)) for c in table.columns}
            if row.get("id") in seen:
                continue
            bucket.append({k: encode_value(v) for k, v in row.items()})
            subjects = self.subjects.setdefault(table.name, set())
            if "id" in row:
                subjects.add(str(row["id"]))
            for key in keys(record) if keys else ():
                subjects.add(str(key))
            for name, value in row.items():
                if name.endswith("signature_id") and value is not None:
                    self.signature_ids.add(int(value))


def _attr(record: Any, column_key: str) -> str:
    mapper = type(record).__mapper__
    return str(mapper.get_property_by_column(mapper.local_table.c[column_key]).key)


def export_batch_archive(
    core: Core, *, batch_number: str, destination: Path, actor: str
) -> ArchiveManifest:
    """Write the retention archive of closed batch ``batch_number`` to ``destination`` (.zip).

    The checks and the dump share one read-only connection and so one snapshot: the chain
    that was verified is the chain whose entries are archived.  The export is audited.
    """
    engine = read_only(core.engine)
    with engine.connect() as conn:
        session = Session(bind=conn)
        require_role(get_user(session, actor), ARCHIVE_ROLES, "archive batch records")
        batch = session.execute(
            select(Batch).where(Batch.number == batch_number)
        ).scalar_one_or_none()
        if batch is None:
            raise NotFoundError(kind="batch", ident=batch_number)
        units = _units_with_derived(session, batch)
        _require_closed(batch, units)
        report = verify_chain(session)
        if report.first_break is not None:
            raise ArchiveError(
                detail=f"the audit chain is broken at entry {report.first_break.seq}; "
                "investigate before archiving"
            )
        revision = MigrationContext.configure(conn).get_current_revision() or ""
        collected = _collect(session, batch, units)
        audit_rows = _audit_rows(session, collected)
        signatures = _signature_rows(session, collected)
        session.close()
    trace = core.chain.trace.trace(batch_number).to_dict()

    members: dict[str, bytes] = {"trace.json": _json(trace).encode("utf-8")}
    counts: dict[str, int] = {}
    for table_name, rows in collected.rows.items():
        members[f"records/{table_name}.jsonl"] = _jsonl(rows)
        counts[table_name] = len(rows)
    members["records/signature.jsonl"] = _jsonl(signatures)
    counts["signature"] = len(signatures)
    members["audit.jsonl"] = _jsonl(audit_rows)
    counts["audit_entry"] = len(audit_rows)

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
    tmp = destination.with_suffix(destination.suffix + ".partial")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(manifest.__dict__, indent=2))
    tmp.replace(destination)
    core.reports.record_export(
        actor=actor,
        kind="batch",
        subject=batch_number,
        file_name=destination.name,
        rows=sum(counts.values()),
        file_format=FORMAT,
    )
    return manifest


def read_archive_manifest(archive: zipfile.ZipFile) -> ArchiveManifest:
    try:
        manifest = ArchiveManifest(**json.loads(archive.read("manifest.json")))
    except (KeyError, TypeError, ValueError) as exc:
        raise ArchiveError(detail=f"not a CellTrail archive (manifest unreadable: {exc})") from exc
    if manifest.format != FORMAT:
        raise ArchiveError(detail=f"unknown archive format {manifest.format!r}")
    return manifest


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=encode_value)


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    for row in rows:
        buffer.write(_json(row) + "\n")
    return buffer.getvalue().encode("utf-8")


def _units_with_derived(session: Session, batch: Batch) -> list[ProductUnit]:
    """The batch's units and, transitively, every unit split, pooled or relabelled from them."""
    units = {
        u.id: u
        for u in session.scalars(
            select(ProductUnit).where(ProductUnit.batch_id == batch.id).order_by(ProductUnit.id)
        )
    }
    frontier = set(units)
    while frontier:
        children = set(
            session.scalars(
                select(UnitLink.child_unit_id).where(UnitLink.parent_unit_id.in_(frontier))
            )
        ) - set(units)
        for child in session.scalars(select(ProductUnit).where(ProductUnit.id.in_(children))):
            units[child.id] = child
        frontier = children
    return [units[k] for k in sorted(units)]


def _require_closed(batch: Batch, units: list[ProductUnit]) -> None:
    if batch.status not in CLOSED_STATUSES:
        raise BatchNotClosedError(batch=batch.number, reason=f"status is {batch.status.value}")
    open_units = [u for u in units if u.disposition not in TERMINAL_DISPOSITIONS]
    if open_units:
        listed = ", ".join(f"{unit_code(u)} ({u.disposition.value})" for u in open_units[:10])
        more = f" and {len(open_units) - 10} more" if len(open_units) > 10 else ""
        raise BatchNotClosedError(batch=batch.number, reason=f"units still open: {listed}{more}")


def _collect(session: Session, batch: Batch, units: list[ProductUnit]) -> _Collected:
    out = _Collected()
    unit_ids = [u.id for u in units]
    sources = list(
        session.scalars(select(BatchSource).where(BatchSource.pool_batch_id == batch.id))
    )
    source_batches = list(
        session.scalars(select(Batch).where(Batch.id.in_([s.source_batch_id for s in sources])))
    )
    collection_ids = {b.collection_id for b in [batch, *source_batches]} - {None}
    collections = list(session.scalars(select(Collection).where(Collection.id.in_(collection_ids))))
    donors = list(
        session.scalars(select(Donor).where(Donor.id.in_({c.donor_id for c in collections})))
    )
    out.add(Batch, [batch], lambda b: [b.number])
    out.add(BatchSource, sources)
    out.add(Collection, collections, lambda c: [c.code])
    out.add(Donor, donors, lambda d: [d.code])
    out.add(ProductUnit, units, lambda u: [u.din, unit_code(u)])
    links = session.scalars(
        select(UnitLink)
        .where(UnitLink.parent_unit_id.in_(unit_ids) | UnitLink.child_unit_id.in_(unit_ids))
        .order_by(UnitLink.id)
    )
    out.add(UnitLink, links)
    for entity in (ProcessStep, QcResult, ReleaseRecord):
        out.add(
            entity,
            session.scalars(select(entity).where(entity.batch_id == batch.id).order_by(entity.id)),
        )
    deviations = session.scalars(
        select(Deviation)
        .where((Deviation.batch_id == batch.id) | Deviation.unit_id.in_(unit_ids))
        .order_by(Deviation.id)
    )
    out.add(Deviation, deviations, lambda d: [d.code])
    jobs = list(
        session.scalars(select(PrintJob).where(PrintJob.batch_id == batch.id).order_by(PrintJob.id))
    )
    out.add(PrintJob, jobs)
    labels = session.scalars(
        select(PrintedLabel)
        .where(
            PrintedLabel.print_job_id.in_([j.id for j in jobs]) | PrintedLabel.unit_id.in_(unit_ids)
        )
        .order_by(PrintedLabel.id)
    )
    out.add(PrintedLabel, labels)
    _collect_logistics(session, out, unit_ids)
    return out


def _collect_logistics(session: Session, out: _Collected, unit_ids: list[int]) -> None:
    items = list(
        session.scalars(
            select(ShipmentItem).where(ShipmentItem.unit_id.in_(unit_ids)).order_by(ShipmentItem.id)
        )
    )
    shipments = list(
        session.scalars(
            select(Shipment)
            .where(Shipment.id.in_({i.shipment_id for i in items}))
            .order_by(Shipment.id)
        )
    )
    codes = {s.id: s.code for s in shipments}
    out.add(Shipment, shipments, lambda s: [s.code])
    out.add(ShipmentItem, items)
    events = session.scalars(
        select(CustodyEvent)
        .where(
            CustodyEvent.unit_id.in_(unit_ids)
            | (CustodyEvent.shipment_id.in_(list(codes)) & CustodyEvent.unit_id.is_(None))
        )
        .order_by(CustodyEvent.id)
    )
    out.add(
        CustodyEvent,
        events,
        lambda e: [codes[e.shipment_id]] if e.shipment_id in codes else [],
    )
    out.add(
        Thaw,
        session.scalars(select(Thaw).where(Thaw.unit_id.in_(unit_ids)).order_by(Thaw.id)),
    )
    administrations = list(
        session.scalars(
            select(Administration)
            .where(Administration.unit_id.in_(unit_ids))
            .order_by(Administration.id)
        )
    )
    out.add(Administration, administrations)
    recipient_ids = {a.recipient_id for a in administrations} | set(
        session.scalars(
            select(ProductUnit.intended_recipient_id).where(
                ProductUnit.id.in_(unit_ids), ProductUnit.intended_recipient_id.is_not(None)
            )
        )
    )
    recipients = session.scalars(
        select(Recipient).where(Recipient.id.in_(recipient_ids)).order_by(Recipient.id)
    )
    out.add(Recipient, recipients, lambda r: [r.code])


def _matches(subjects: dict[str, set[str]], subject_type: str, subject_id: str) -> bool:
    keys = subjects.get(subject_type)
    if not keys:
        return False
    # some entries name several records at once ("A…01,A…02" for a split or pool)
    return any(part.strip() in keys for part in subject_id.split(","))


def _audit_rows(session: Session, collected: _Collected) -> list[dict[str, Any]]:
    types = [t for t, keys in collected.subjects.items() if keys]
    table = AuditEntry.__table__
    rows = []
    for entry in session.scalars(
        select(AuditEntry).where(AuditEntry.subject_type.in_(types)).order_by(AuditEntry.seq)
    ):
        if _matches(collected.subjects, entry.subject_type, entry.subject_id):
            rows.append({c.key: encode_value(getattr(entry, c.key)) for c in table.columns})
    return rows


def _signature_rows(session: Session, collected: _Collected) -> list[dict[str, Any]]:
    types = [t for t, keys in collected.subjects.items() if keys]
    table = Signature.__table__
    rows = []
    for sig in session.scalars(
        select(Signature)
        .where(Signature.subject_type.in_(types) | Signature.id.in_(collected.signature_ids))
        .order_by(Signature.id)
    ):
        if sig.id in collected.signature_ids or _matches(
            collected.subjects, sig.subject_type, sig.subject_id
        ):
            rows.append({c.key: encode_value(getattr(sig, c.key)) for c in table.columns})
    return rows
