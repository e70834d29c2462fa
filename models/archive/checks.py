"""The meaning of an archive's content, checked offline: audit entries and signatures.

Runs on whatever models.archive.verify could parse, trusted or not, and names every
problem by audit seq, signature id or member line.  The audit digest is recomputed with
models.kernel.audit's own function, so archive and live chain can never disagree on the rule.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from models.archive.errors import (
    AuditDigestMismatchError,
    AuditHeadMismatchError,
    AuditLinkBrokenError,
    AuditOrderError,
    AuditSubjectForeignError,
    BatchMissingError,
    MemberContentError,
    ReleasePackageMismatchError,
    SignatureMismatchError,
    SignatureMissingError,
    SignatureNotArchivedError,
    SignatureSubjectForeignError,
    SignatureUnauditedError,
    TraceMismatchError,
)
from models.archive.format import (
    AUDIT,
    COLUMNS,
    SIGNATURES,
    ArchiveManifest,
    matches,
    record_member,
)
from models.entities.audit import GENESIS_HASH, AuditEntry
from models.kernel.audit import entry_digest
from models.kernel.errors import DomainError


@dataclass(frozen=True)
class ArchiveContents:
    """What could be read and parsed, not yet trusted: the verdict is in the report."""

    manifest: ArchiveManifest | None = None
    manifest_sha256: str | None = None
    trace: dict[str, Any] | None = None
    # per table (including "signature" and "audit_entry"), the rows as JSON objects …
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # … and the line of its member each row came from (invalid lines are left out)
    lines: dict[str, list[int]] = field(default_factory=dict)
    subjects: dict[str, set[str]] | None = None  # None in format /1, which had none
    columns: dict[str, dict[str, str]] | None = None

    def numbered(self, table: str) -> list[tuple[int, dict[str, Any]]]:
        return list(zip(self.lines.get(table, []), self.tables.get(table, []), strict=True))


_AUDIT_TEXT = ("at", "actor", "action", "subject_type", "subject_id", "prev_hash", "entry_hash")
_AUDIT_OPTIONAL = ("old_value", "new_value", "reason", "workstation")
_SIGNATURE_TEXT = ("subject_type", "subject_id", "content_hash", "meaning", "printed_name")


def check_batch(contents: ArchiveContents, problems: list[DomainError]) -> None:
    """The archive is about the batch its manifest names, and describes all its tables."""
    manifest = contents.manifest
    if manifest is None:
        return
    batches = contents.tables.get("batch", [])
    if not any(row.get("number") == manifest.batch for row in batches):
        problems.append(BatchMissingError(batch=manifest.batch))
    if contents.trace is not None and contents.trace.get("focus") != manifest.batch:
        focus = contents.trace.get("focus")
        problems.append(TraceMismatchError(batch=manifest.batch, focus=focus))
    if contents.columns is not None and (
        missing := set(manifest.row_counts) - set(contents.columns)
    ):
        reason = "no column types for " + ", ".join(sorted(missing))
        problems.append(MemberContentError(member=COLUMNS, line=1, reason=reason))


def check_audit(contents: ArchiveContents, problems: list[DomainError]) -> list[AuditEntry]:
    """Every entry's own hash; links where entries are consecutive; the manifest's head.

    The archive holds a subset of the chain, so a link can only be checked between
    neighbours (seq n and n+1) that were both archived; the live cross-check does the rest.
    """
    head_seq = contents.manifest.audit_last_seq if contents.manifest else None
    entries: list[AuditEntry] = []
    previous: AuditEntry | None = None
    for line, row in contents.numbered("audit_entry"):
        entry = _audit_entry(row, line, problems)
        if entry is None:
            continue
        entries.append(entry)
        seq = entry.seq
        if entry_digest(entry) != entry.entry_hash:
            problems.append(AuditDigestMismatchError(seq=seq))
        if seq == 1 and entry.prev_hash != GENESIS_HASH:
            problems.append(AuditLinkBrokenError(seq=seq, prev=0))
        if previous is not None and seq <= previous.seq:
            problems.append(AuditOrderError(seq=seq, prev=previous.seq))
            continue
        if (
            previous is not None
            and seq == previous.seq + 1
            and entry.prev_hash != previous.entry_hash
        ):
            problems.append(AuditLinkBrokenError(seq=seq, prev=previous.seq))
        previous = entry
        _check_head(contents, entry, head_seq, problems)
        subjects = contents.subjects
        if subjects is not None and not matches(subjects, entry.subject_type, entry.subject_id):
            problems.append(
                AuditSubjectForeignError(
                    seq=seq, subject_type=entry.subject_type, subject_id=entry.subject_id
                )
            )
    return entries


def _check_head(
    contents: ArchiveContents, entry: AuditEntry, head_seq: int | None, problems: list[DomainError]
) -> None:
    if head_seq is None or contents.manifest is None:
        return
    if entry.seq > head_seq:
        detail = f"the export verified the chain only up to entry {head_seq}"
        problems.append(AuditHeadMismatchError(seq=entry.seq, detail=detail))
    elif entry.seq == head_seq and entry.entry_hash != contents.manifest.audit_last_hash:
        detail = f"its hash is not the head hash {contents.manifest.audit_last_hash}"
        problems.append(AuditHeadMismatchError(seq=entry.seq, detail=detail))


def _audit_entry(row: dict[str, Any], line: int, problems: list[DomainError]) -> AuditEntry | None:
    """The row as an (unsaved) AuditEntry, so models.kernel.audit.entry_digest applies to it."""
    wrong = [name for name in _AUDIT_TEXT if not isinstance(row.get(name), str)]
    wrong += [name for name in _AUDIT_OPTIONAL if not isinstance(row.get(name), str | None)]
    seq = row.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        wrong.insert(0, "seq")
    expected = {"seq", *_AUDIT_TEXT, *_AUDIT_OPTIONAL}
    wrong += [f"{name} (unexpected)" for name in sorted(set(row) - expected)]
    at = _timestamp(row.get("at"))
    if at is None and "at" not in wrong:
        wrong.append("at (not an ISO 8601 time)")
    if wrong:
        reason = "bad or missing audit field(s): " + ", ".join(wrong)
        problems.append(MemberContentError(member=AUDIT, line=line, reason=reason))
        return None
    return AuditEntry(**{**row, "at": at})


def _timestamp(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def check_signatures(
    contents: ArchiveContents, entries: list[AuditEntry], problems: list[DomainError]
) -> None:
    """Each signature matches its signing audit entry and is about an archived record; each
    row's signature reference resolves; each release package matches its signature."""
    signing = _signing_entries(entries)
    signatures: dict[int, dict[str, Any]] = {}
    for line, row in contents.numbered("signature"):
        sig_id = row.get("id")
        wrong = [name for name in _SIGNATURE_TEXT if not isinstance(row.get(name), str)]
        if not isinstance(sig_id, int) or isinstance(sig_id, bool):
            wrong.insert(0, "id")
        if _timestamp(row.get("signed_at")) is None:
            wrong.append("signed_at")
        if wrong:
            reason = "bad or missing signature field(s): " + ", ".join(wrong)
            problems.append(MemberContentError(member=SIGNATURES, line=line, reason=reason))
            continue
        assert isinstance(sig_id, int)  # narrowed by the checks above
        signatures[sig_id] = row
        found = signing.get(sig_id)
        if found is None:
            problems.append(SignatureUnauditedError(signature=sig_id))
        elif differs := _differences(row, *found):
            problems.append(
                SignatureMismatchError(
                    signature=sig_id, seq=found[0].seq, fields=", ".join(differs)
                )
            )
    # the exporter archives a signature with its signing entry, so one without the other
    # means a signature row was removed
    for sig_id, (entry, _new) in sorted(signing.items()):
        if sig_id not in signatures:
            problems.append(SignatureNotArchivedError(seq=entry.seq, signature=sig_id))
    referenced = _check_references(contents, signatures, problems)
    if contents.subjects is not None:
        for sig_id, row in signatures.items():
            about = matches(contents.subjects, row["subject_type"], row["subject_id"])
            if not about and sig_id not in referenced:
                problems.append(
                    SignatureSubjectForeignError(
                        signature=sig_id,
                        subject_type=row["subject_type"],
                        subject_id=row["subject_id"],
                    )
                )
    _check_release_packages(contents, signatures, problems)


def _signing_entries(entries: list[AuditEntry]) -> dict[int, tuple[AuditEntry, dict[str, Any]]]:
    """signature id → its "sign" audit entry and what that entry recorded about it."""
    out: dict[int, tuple[AuditEntry, dict[str, Any]]] = {}
    for entry in entries:
        if entry.action != "sign" or entry.new_value is None:
            continue
        try:
            new = json.loads(entry.new_value)
        except ValueError:
            continue  # not a signing record this code understands; the digest still holds
        sig_id = new.get("signature_id") if isinstance(new, dict) else None
        if isinstance(sig_id, int):
            out.setdefault(sig_id, (entry, new))
    return out


def _differences(row: dict[str, Any], entry: AuditEntry, new: dict[str, Any]) -> list[str]:
    pairs = {
        "content_hash": (row["content_hash"], new.get("content_hash")),
        "meaning": (row["meaning"], new.get("meaning")),
        "printed_name": (row["printed_name"], new.get("printed_name")),
        "subject_type": (row["subject_type"], entry.subject_type),
        "subject_id": (row["subject_id"], entry.subject_id),
        "signed_at": (_timestamp(row["signed_at"]), entry.at),
    }
    return [name for name, (ours, theirs) in pairs.items() if ours != theirs]


def _check_references(
    contents: ArchiveContents, signatures: dict[int, dict[str, Any]], problems: list[DomainError]
) -> set[int]:
    referenced: set[int] = set()
    for table in sorted(contents.tables):
        if table in ("signature", "audit_entry"):
            continue
        for line, row in contents.numbered(table):
            for column, value in row.items():
                if not column.endswith("signature_id") or value is None:
                    continue
                if isinstance(value, int) and value in signatures:
                    referenced.add(value)
                else:
                    problems.append(
                        SignatureMissingError(
                            member=record_member(table), line=line, column=column, signature=value
                        )
                    )
    return referenced


def _check_release_packages(
    contents: ArchiveContents, signatures: dict[int, dict[str, Any]], problems: list[DomainError]
) -> None:
    """QA signed the canonical JSON stored in ``package``: its SHA-256 is the signature's."""
    for _line, row in contents.numbered("release_record"):
        sig_id, package = row.get("signature_id"), row.get("package")
        signature = signatures.get(sig_id) if isinstance(sig_id, int) else None
        if signature is None or not isinstance(package, str):
            continue  # a missing signature is reported by the reference check
        if hashlib.sha256(package.encode("utf-8")).hexdigest() != signature["content_hash"]:
            problems.append(ReleasePackageMismatchError(record=row.get("id"), signature=sig_id))
