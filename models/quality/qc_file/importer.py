"""Importing a QC results file: parse, then record every row through the existing
``QcService.import_results`` in ONE transaction, signed by the analyst, with one audit entry
naming the file and its SHA-256.

``QcService`` opens and commits a unit of work per row; here it is handed a factory whose
units of work all join one open transaction (their commit only flushes), so every result,
signature, deviation and audit entry of the file is committed together or not at all — a
crash half-way leaves nothing.  The audit entry (subject ``qc_file_import``, id = SHA-256)
makes the file attributable and is what refuses importing the same bytes twice; that check
runs under the audit-chain lock, so two workstations importing one file cannot both win.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self, overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.audit import AuditChainHead
from models.identity.signatures import SignatureService
from models.kernel.audit import AuditAction
from models.kernel.errors import DomainError, NotFoundError, ValidationError
from models.kernel.site_time import site_zone
from models.kernel.unit_of_work import UnitOfWork, UowFactory
from models.quality.qc import QcInput, QcOutcome, QcService
from models.quality.qc_file.catalog import IMPORT_SUBJECT, load_batches, previous_import
from models.quality.qc_file.errors import (
    FileAlreadyImportedError,
    FileChangedError,
    QcFileAlreadyImportedError,
    QcFileError,
    QcFileProblem,
    RowRefusedError,
)
from models.quality.qc_file.parse import QcFile, parse_qc_file, read_qc_file


class _HasQc(Protocol):
    @property
    def qc(self) -> QcService: ...


class ImporterSource(Protocol):
    """What ``for_core`` takes from the core (the core is built above this area)."""

    @property
    def uow(self) -> UowFactory: ...
    @property
    def signatures(self) -> SignatureService: ...
    @property
    def quality(self) -> _HasQc: ...


log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
_RECALL_AFTER_COMMIT = "(recall after commit)"


@dataclass(frozen=True)
class QcImportReport:
    file: str
    sha256: str
    audit_seq: int
    outcomes: tuple[QcOutcome, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "audit_seq": self.audit_seq,
            "imported": len(self.outcomes),
            "failed": sum(o.verdict.value == "fail" for o in self.outcomes),
            "results": [
                {
                    "result_id": o.result_id,
                    "verdict": o.verdict.value,
                    "deviation_id": o.deviation_id,
                    "post_release": o.post_release,
                    "recall_code": o.recall_code,
                    "recall_pending": o.recall_pending,
                }
                for o in self.outcomes
            ],
        }


class _JoinedUnitOfWork(UnitOfWork):
    """The import's open unit of work, handed out as if it were a fresh one: ``commit()``
    only flushes and leaving it neither rolls back nor closes (the import does both once)."""

    def __init__(self, outer: UnitOfWork) -> None:  # no super().__init__: no session of its own
        self.clock, self.session, self.audit = outer.clock, outer.session, outer.audit

    def reading(self) -> Self:
        return self

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def commit(self) -> None:
        self.session.flush()


class _OneTransaction:
    """A ``UowFactory`` whose first call opens the transaction (after QcService has
    re-authenticated the signer in its own short one, so SQLite's write lock is not held
    while the password is checked) and runs ``on_begin`` in it."""

    def __init__(
        self, factory: UowFactory, stack: ExitStack, on_begin: Callable[[UnitOfWork], None]
    ) -> None:
        self._factory, self._stack, self._on_begin = factory, stack, on_begin
        self.outer: UnitOfWork | None = None

    def __call__(self) -> UnitOfWork:
        if self.outer is None:
            self.outer = self._stack.enter_context(self._factory())
            self._on_begin(self.outer)
        return _JoinedUnitOfWork(self.outer)


class _TrackedRows(Sequence[QcInput]):
    """The rows, remembering which one ``import_results`` is on (to name its line if the
    core refuses it) and reporting progress."""

    def __init__(self, parsed: QcFile, progress: Progress | None) -> None:
        self._parsed, self._progress = parsed, progress
        self.current: int | None = None

    def __len__(self) -> int:
        return len(self._parsed.rows)

    @overload
    def __getitem__(self, index: int) -> QcInput: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[QcInput]: ...
    def __getitem__(self, index: int | slice) -> QcInput | Sequence[QcInput]:
        inputs = self._parsed.inputs
        return inputs[index]

    def __iter__(self) -> Iterator[QcInput]:
        total = len(self._parsed.rows)
        for number, row in enumerate(self._parsed.rows):
            self.current = number
            if self._progress is not None:
                self._progress(number, total)
            yield row.data

    def line(self) -> int:
        return self._parsed.rows[self.current].line if self.current is not None else 0


def _defer_recall(_batch: str, _reason: str, _username: str, _password: str) -> str:
    """Inside the import's transaction a recall (its own signed transaction) cannot run: it
    would wait for our own lock.  It is started after the commit (see ``_recalls``)."""
    return _RECALL_AFTER_COMMIT


class QcFileImporter:
    def __init__(self, uow: UowFactory, signatures: SignatureService, qc: QcService) -> None:
        self._uow, self._signatures, self._qc = uow, signatures, qc

    @classmethod
    def for_core(cls, core: ImporterSource) -> QcFileImporter:
        return cls(core.uow, core.signatures, core.quality.qc)

    def preview(self, path: str | Path) -> QcFile:
        """Parse and check against the database as it is now; writes nothing."""
        return self._parse(path)

    def _parse(self, path: str | Path) -> QcFile:
        name = Path(path).name
        data = read_qc_file(path)
        unit = self._uow()
        with unit.reading() as uow:
            # The same bytes again: say so first, not as "every row already recorded".
            _refuse_if_imported(uow.session, name, hashlib.sha256(data).hexdigest())
            return parse_qc_file(
                data,
                name=name,
                zone=site_zone(uow.session),
                lookup=lambda numbers: load_batches(uow.session, numbers),
                now=unit.clock(),
            )

    def import_file(
        self,
        path: str | Path,
        *,
        username: str,
        password: str,
        expected_sha256: str | None = None,
        progress: Progress | None = None,
    ) -> QcImportReport:
        """Import every row or none.  ``expected_sha256``: the file the user previewed and
        confirmed; if the bytes on disk changed since, nothing is imported."""
        parsed = self._parse(path)
        if expected_sha256 is not None and parsed.sha256 != expected_sha256:
            changed = FileChangedError(was=expected_sha256[:12], now=parsed.sha256[:12])
            raise QcFileError(parsed.name, [QcFileProblem(0, "", changed)])
        rows = _TrackedRows(parsed, progress)
        with ExitStack() as stack:
            tx = _OneTransaction(self._uow, stack, lambda uow: _lock_and_refuse(uow, parsed))
            recording = QcService(tx, self._signatures, _defer_recall)
            try:
                outcomes = recording.import_results(rows, username=username, password=password)
            except (ValidationError, NotFoundError) as exc:
                if rows.current is None or exc.params.get("field") == "signature":
                    raise
                why = RowRefusedError(detail=exc)
                raise QcFileError(parsed.name, [QcFileProblem(rows.line(), "", why)]) from exc
            assert tx.outer is not None  # a parsed file has at least one row
            entry = tx.outer.audit.record(
                AuditAction.CREATE,
                actor=username,
                subject_type=IMPORT_SUBJECT,
                subject_id=parsed.sha256,
                new={
                    "file": parsed.name,
                    "sha256": parsed.sha256,
                    "bytes": parsed.size,
                    "encoding": parsed.encoding,
                    "zone": parsed.zone,
                    "rows": len(outcomes),
                    "result_ids": [o.result_id for o in outcomes],
                },
                reason="QC results imported from an instrument/LIMS file",
            )
            tx.outer.commit()
            seq = entry.seq
        if progress is not None:
            progress(len(outcomes), len(outcomes))
        return QcImportReport(
            parsed.name, parsed.sha256, seq, self._recalls(outcomes, username, password)
        )

    def _recalls(
        self, outcomes: list[QcOutcome], username: str, password: str
    ) -> tuple[QcOutcome, ...]:
        """Start the recalls a post-release OOS result calls for, now that it is committed;
        one that cannot start stays pending (its urgent deviation is already open)."""
        done = []
        for outcome in outcomes:
            if outcome.recall_code != _RECALL_AFTER_COMMIT:
                done.append(outcome)
                continue
            try:
                code = self._qc.recall_for_result(
                    result_id=outcome.result_id, username=username, password=password
                )
                done.append(replace(outcome, recall_code=code))
            except DomainError as exc:
                log.warning("recall for QC result %d not started: %s", outcome.result_id, exc)
                done.append(replace(outcome, recall_code=None, recall_pending=True))
        return tuple(done)


def _refuse_if_imported(session: Session, name: str, sha256: str) -> None:
    earlier = previous_import(session, sha256)
    if earlier is not None:
        already = FileAlreadyImportedError(
            sha256=sha256[:12],
            actor=earlier.actor,
            at=f"{earlier.at:%Y-%m-%d %H:%M} UTC",
            seq=earlier.seq,
        )
        raise QcFileAlreadyImportedError(name, [QcFileProblem(0, "", already)])


def _lock_and_refuse(uow: UnitOfWork, parsed: QcFile) -> None:
    """Take the audit-chain lock first (PostgreSQL; SQLite's BEGIN IMMEDIATE already holds
    the database), then look for an earlier import: a concurrent import of the same file
    has either committed — and is seen — or waits for us."""
    uow.session.execute(
        select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update()
    ).scalar_one()
    _refuse_if_imported(uow.session, parsed.name, parsed.sha256)
