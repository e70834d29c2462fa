"""What the QC file parser needs from the database: the batches a file names with their
approved specification tests and the results they already have, the site's time zone, and
whether this exact file was imported before."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.audit import AuditEntry
from models.entities.production import Batch
from models.entities.quality import QcResult, Specification, SpecStatus
from models.quality.qc_file.rows import BatchRef, SpecTestRef

IMPORT_SUBJECT = "qc_file_import"  # audit subject type; subject id = the file's SHA-256
_CHUNK = 500  # IN-list size: far below SQLite's and PostgreSQL's bound-parameter limits


def _chunks(values: Collection[str]) -> Iterator[list[str]]:
    ordered = sorted(values)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def load_batches(session: Session, numbers: Collection[str]) -> dict[str, BatchRef]:
    found: dict[str, BatchRef] = {}
    for chunk in _chunks(numbers):
        for batch in session.scalars(select(Batch).where(Batch.number.in_(chunk))):
            found[batch.number] = _batch_ref(session, batch)
    return found


def _batch_ref(session: Session, batch: Batch) -> BatchRef:
    spec = session.scalar(
        select(Specification).where(
            Specification.product_type_id == batch.product_type_id,
            Specification.status == SpecStatus.APPROVED,
        )
    )
    if spec is None:
        return BatchRef(batch.id, batch.number, None)
    tests = {
        t.test: SpecTestRef(
            test=t.test,
            limit_kind=t.limit_kind,
            lower=t.lower,
            upper=t.upper,
            upper_exclusive=t.upper_exclusive,
            expected_text=t.expected_text,
            unit=t.unit,
            method_kind=t.method_kind,
        )
        for t in spec.tests
    }
    results = session.execute(
        select(QcResult.test, QcResult.resulted_at, QcResult.id).where(
            QcResult.batch_id == batch.id, QcResult.voided_reason.is_(None)
        )
    )
    recorded = {(test, at): result_id for test, at, result_id in results}
    return BatchRef(batch.id, batch.number, f"{spec.code} v{spec.version}", tests, recorded)


@dataclass(frozen=True)
class PreviousImport:
    seq: int
    actor: str
    at: datetime


def previous_import(session: Session, sha256: str) -> PreviousImport | None:
    entry = session.scalar(
        select(AuditEntry)
        .where(AuditEntry.subject_type == IMPORT_SUBJECT, AuditEntry.subject_id == sha256)
        .order_by(AuditEntry.seq)
        .limit(1)
    )
    return None if entry is None else PreviousImport(entry.seq, entry.actor, entry.at)
