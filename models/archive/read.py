"""Reading a retention archive back, decades later, without a database.

``load_archive`` verifies the archive (models.archive.verify) and returns its content as
typed Python values: every table's rows with datetimes, dates and bytes decoded according
to the archive's own columns.json (so the reader does not depend on the schema of the day),
and the audit entries and signatures as TypedDicts.  ``summary`` and ``render_summary``
give the human overview `celltrail archive show` prints.

There is deliberately no import into a live database: the live database keeps its own rows
and its own audit chain, which an import could only duplicate or fork.  An archive is
evidence to read and verify; restoring a database is models.archive.backup's job.
"""

from __future__ import annotations

import base64
import binascii
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypedDict, cast

from models.archive.errors import ArchiveNotIntactError
from models.archive.format import ArchiveManifest
from models.archive.verify import VerifyReport, verify_archive


class AuditEntryRow(TypedDict):
    seq: int
    at: datetime
    actor: str
    action: str
    subject_type: str
    subject_id: str
    old_value: str | None
    new_value: str | None
    reason: str | None
    workstation: str | None
    prev_hash: str
    entry_hash: str


class SignatureRow(TypedDict):
    id: int
    user_id: int
    printed_name: str
    meaning: str
    signed_at: datetime
    subject_type: str
    subject_id: str
    content_hash: str
    reason: str | None


@dataclass(frozen=True)
class LoadedArchive:
    file: str
    manifest: ArchiveManifest
    trace: dict[str, Any]
    records: dict[str, list[dict[str, Any]]]  # per table, without audit_entry and signature
    audit: list[AuditEntryRow]
    signatures: list[SignatureRow]
    subjects: dict[str, set[str]]
    report: VerifyReport

    @property
    def intact(self) -> bool:
        return self.report.intact


# Fallback for format /1, which carried no columns.json: the fixed audit/signature fields.
_FIXED_KINDS = {
    "audit_entry": {"at": "datetime"},
    "signature": {"signed_at": "datetime"},
}


def load_archive(path: Path, *, require_intact: bool = True) -> LoadedArchive:
    """The archive's content, decoded.  Raises ArchiveNotIntactError if verification finds
    any problem, unless ``require_intact`` is False (forensics on a damaged archive: values
    that do not decode are then left as found)."""
    report = verify_archive(path)
    contents, manifest = report.contents, report.contents.manifest
    if manifest is None or (require_intact and not report.intact):
        first = report.problems[0].message() if report.problems else "unreadable"
        raise ArchiveNotIntactError(file=path.name, count=len(report.problems), first=first)
    kinds = contents.columns or _FIXED_KINDS
    tables = {
        table: [_decode(row, kinds.get(table, {})) for row in rows]
        for table, rows in contents.tables.items()
    }
    return LoadedArchive(
        file=str(path),
        manifest=manifest,
        trace=contents.trace or {},
        records={t: rows for t, rows in tables.items() if t not in ("audit_entry", "signature")},
        audit=cast(list[AuditEntryRow], tables.get("audit_entry", [])),
        signatures=cast(list[SignatureRow], tables.get("signature", [])),
        subjects=contents.subjects or {},
        report=report,
    )


def _decode(row: dict[str, Any], kinds: dict[str, str]) -> dict[str, Any]:
    return {name: _value(value, kinds.get(name)) for name, value in row.items()}


def _value(value: Any, kind: str | None) -> Any:
    try:
        if kind == "datetime" and isinstance(value, str):
            return datetime.fromisoformat(value)
        if kind == "date" and isinstance(value, str):
            return date.fromisoformat(value)
        if kind == "bytes" and isinstance(value, dict) and isinstance(value.get("$b64"), str):
            return base64.b64decode(value["$b64"], validate=True)
    except (ValueError, binascii.Error):
        pass  # only reachable with require_intact=False: keep what the archive says
    return value


# --- the human summary -----------------------------------------------------------------


def summary(archive: LoadedArchive, lang: str = "en") -> dict[str, Any]:
    """What `celltrail archive show --json` prints: the overview, not every row."""
    manifest, records = archive.manifest, archive.records
    return {
        "file": archive.file,
        "intact": archive.intact,
        "problems": [p.message(lang) for p in archive.report.problems],
        "format": manifest.format,
        "batch": manifest.batch,
        "exported_at": manifest.created_at,
        "exported_by": manifest.actor,
        "schema_revision": manifest.schema_revision,
        "chain_head": {"seq": manifest.audit_last_seq, "hash": manifest.audit_last_hash},
        "row_counts": manifest.row_counts,
        "batches": [_pick(r, "number", "status", "is_pool") for r in records.get("batch", [])],
        "units": [
            _pick(r, "din", "division", "quality_status", "disposition", "recalled")
            for r in records.get("product_unit", [])
        ],
        "releases": [
            _pick(r, "kind", "decided_by", "decided_at", "signature_id")
            for r in records.get("release_record", [])
        ],
        "signatures": [
            _pick(dict(s), "id", "meaning", "printed_name", "signed_at", "subject_type")
            | {"subject_id": s.get("subject_id")}
            for s in archive.signatures
        ],
        "audit": {
            "entries": len(archive.audit),
            "first_seq": min(_seqs(archive), default=None),
            "last_seq": max(_seqs(archive), default=None),
            "actions": dict(Counter(str(a.get("action")) for a in archive.audit)),
        },
        "trace": archive.trace,
    }


def _seqs(archive: LoadedArchive) -> list[int]:
    return [a["seq"] for a in archive.audit if isinstance(a.get("seq"), int)]


def _pick(row: dict[str, Any], *names: str) -> dict[str, Any]:
    return {name: row.get(name) for name in names}


def render_summary(archive: LoadedArchive, lang: str = "en") -> str:
    """Plain text for a reader with no other tool: verdict first, then the batch top-down."""
    m, records = archive.manifest, archive.records
    lines = [f"CellTrail archive {archive.file} ({m.format})"]
    if archive.intact:
        lines.append("INTEGRITY: intact (every member, audit entry and signature checked)")
    else:
        lines.append(f"INTEGRITY: NOT INTACT, {len(archive.report.problems)} problem(s):")
        lines += [f"  ! {p.message(lang)}" for p in archive.report.problems[:20]]
    lines.append(
        f"batch {m.batch}, exported {m.created_at} by {m.actor}, schema {m.schema_revision}"
    )
    lines += _trace_lines(archive.trace)
    lines += _record_lines(records)
    lines.append(f"signatures ({len(archive.signatures)}):")
    for s in archive.signatures:
        lines.append(
            f"  #{s.get('id')} {s.get('meaning')} by {s.get('printed_name')} at "
            f"{s.get('signed_at')} on {s.get('subject_type')} {s.get('subject_id')}"
        )
    seqs = _seqs(archive)
    span = f", seq {min(seqs)}..{max(seqs)}" if seqs else ""
    lines.append(f"audit entries: {len(archive.audit)}{span}")
    lines.append(f"audit chain head at export: entry {m.audit_last_seq} {m.audit_last_hash}")
    return "\n".join(lines)


def _items(value: Any) -> list[dict[str, Any]]:
    """A list of objects from untrusted JSON (a damaged archive may hold anything)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _trace_lines(trace: dict[str, Any]) -> list[str]:
    lines = ["chain of identity:"]
    for d in _items(trace.get("donors")):
        lines.append(f"  donor {d.get('code')} [{d.get('donor_type')}, {d.get('eligibility')}]")
    for c in _items(trace.get("collections")):
        lines.append(
            f"  collection {c.get('code')} from donor {c.get('donor')} ({c.get('material')})"
        )
    for b in _items(trace.get("batches")):
        lines.append(f"  batch {b.get('number')} {b.get('product')} [{b.get('status')}]")
    for u in _items(trace.get("units")):
        recalled = " RECALLED" if u.get("recalled") else ""
        lines.append(
            f"  unit {u.get('code')} [{u.get('quality_status')}, {u.get('disposition')}]"
            f"{recalled}: {u.get('location')}"
        )
    for r in _items(trace.get("recipients")):
        units = r.get("units")
        given = ", ".join(map(str, units)) if isinstance(units, list) else "?"
        lines.append(f"  recipient {r.get('code')} at {r.get('hospital')}: {given or 'none'}")
    return lines


def _record_lines(records: dict[str, list[dict[str, Any]]]) -> list[str]:
    lines = []
    for r in records.get("release_record", []):
        lines.append(f"release: {r.get('kind')} by {r.get('decided_by')} at {r.get('decided_at')}")
    verdicts = Counter(str(r.get("verdict")) for r in records.get("qc_result", []))
    if verdicts:
        lines.append("QC results: " + ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())))
    for r in records.get("deviation", []):
        lines.append(f"deviation {r.get('code')} [{r.get('status')}]: {r.get('title')}")
    for r in records.get("material_lot", []):
        lines.append(
            f"material lot {r.get('internal_lot')} {r.get('material_name')} "
            f"(supplier lot {r.get('supplier_lot')}, {r.get('status')})"
        )
    for r in records.get("retained_sample", []):
        lines.append(f"retained sample {r.get('code')} [{r.get('status')}] at {r.get('location')}")
    for r in records.get("recall", []):
        lines.append(f"recall {r.get('code')} ({r.get('initiated_at')}): {r.get('reason')}")
    return lines
