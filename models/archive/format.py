"""The retention archive's file format, shared by the exporter, the verifier and the reader.

Kept free of database code on purpose: verifying or reading an archive decades from now
must need nothing but this package and the zip file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from models.archive.backup import encode_value

FORMAT = "celltrail-archive/2"
# /1 (the first release) lacks subjects.json, columns.json and README.txt; everything else
# is the same, so it is still read and verified, minus the checks that need those members.
READABLE_FORMATS = ("celltrail-archive/1", FORMAT)

MANIFEST = "manifest.json"
TRACE = "trace.json"
AUDIT = "audit.jsonl"
SIGNATURES = "records/signature.jsonl"
SUBJECTS = "subjects.json"
COLUMNS = "columns.json"
README = "README.txt"

# Tables that hold personal data: they must never be archived (R-PRV).
PERSONAL_DATA_TABLES = frozenset({"donor_identity", "recipient_identity"})


def record_member(table: str) -> str:
    """The member holding ``table``'s rows (the audit trail has its own top-level member)."""
    return AUDIT if table == "audit_entry" else f"records/{table}.jsonl"


def member_table(member: str) -> str | None:
    """Inverse of ``record_member``; None for members that are not row lists."""
    if member == AUDIT:
        return "audit_entry"
    if member.startswith("records/") and member.endswith(".jsonl"):
        return member[len("records/") : -len(".jsonl")]
    return None


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


def split_subject(subject_id: str) -> list[str]:
    """Some entries name several records at once ("A…01,A…02" for a split or a pool)."""
    return [part.strip() for part in subject_id.split(",")]


def matches(subjects: dict[str, set[str]], subject_type: str, subject_id: str) -> bool:
    """Whether an audit entry or signature about (type, id) is about an archived record.

    The one rule both sides use: the exporter to select entries, the verifier to check them.
    """
    keys = subjects.get(subject_type)
    return keys is not None and any(part in keys for part in split_subject(subject_id))


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=encode_value)


def to_jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(to_json(row) + "\n" for row in rows).encode("utf-8")


README_TEXT = """\
CellTrail batch retention archive ({format}) / CellTrail 批次归档
=====================================================================

This zip is the retention record of one closed batch. It can be read without CellTrail.
本压缩包为一个已关闭批次的留存记录，无需 CellTrail 亦可阅读。

manifest.json   batch, export time and account, schema revision, the audit-chain head the
                export verified (audit_last_seq / audit_last_hash), rows per table and the
                SHA-256 of every other member.
trace.json      the chain of identity: donors, collections, batches, units, recipients
                (pseudonymous codes only; no names or ID numbers).
records/T.jsonl the rows of table T that belong to the batch, one JSON object per line.
columns.json    the type of every column: integer, float, boolean, text, datetime (ISO 8601,
                UTC), date, bytes (stored as {{"$b64": base64}}).
subjects.json   per table, the identifiers under which the audit trail and signatures name
                each archived row.
audit.jsonl     the audit-trail entries about those rows (a subset of the hash chain).
records/signature.jsonl  the electronic signatures about those rows.

Audit entry hash / 审计记录哈希: entry_hash = SHA-256 (hex) of the UTF-8 bytes of the compact
JSON array [seq, at, actor, action, subject_type, subject_id, old_value, new_value, reason,
workstation, prev_hash] (separators "," and ":", non-ASCII kept as is), where "at" is the UTC
time written as YYYY-MM-DDTHH:MM:SS.ffffff+00:00. prev_hash is the entry_hash of entry seq-1.

Verify with / 校验命令: celltrail archive verify THIS.zip
"""
