"""Reading the rows of a QC results file against the batches it names: every cell checked
(control characters, lengths, numbers, units, method kind, times, yes/no flags), every
problem collected with its line and column, duplicates within the file and against the
database refused.  The parser (qc_file) owns the file; this module owns one row."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from models.entities.quality import LimitKind, MethodKind, QcVerdict
from models.kernel.errors import DomainError
from models.quality.limits import evaluate
from models.quality.qc import QcInput
from models.quality.qc_file.columns import COLUMNS, MAX_LENGTH
from models.quality.qc_file.errors import (
    AlreadyRecordedError,
    ControlCharacterError,
    DuplicateRowError,
    EmptyValueError,
    MethodMismatchError,
    NoApprovedSpecificationError,
    NotANumberError,
    QcFileProblem,
    UnitMismatchError,
    UnknownBatchError,
    UnknownTestError,
    ValueRefusedError,
    ValueTooLongError,
    WrongCellCountError,
)
from models.quality.qc_file.text import RawRow, TextTable
from models.quality.qc_file.values import normalise, parse_flag, parse_number, parse_time


@dataclass  # not frozen: LimitLike's attributes are plain (settable) ones
class SpecTestRef:
    """What the parser needs of one approved specification test (a ``LimitLike``)."""

    test: str
    limit_kind: LimitKind
    lower: float | None = None
    upper: float | None = None
    upper_exclusive: bool = False
    expected_text: str | None = None
    unit: str | None = None
    method_kind: MethodKind = MethodKind.ANY

    @property
    def numeric(self) -> bool:
        return self.limit_kind is not LimitKind.EXPECTED


@dataclass(frozen=True)
class BatchRef:
    id: int
    number: str
    spec_code: str | None  # None: no approved specification
    tests: Mapping[str, SpecTestRef] = field(default_factory=dict)
    recorded: Mapping[tuple[str, datetime], int] = field(default_factory=dict)  # → result id


BatchLookup = Callable[[Collection[str]], Mapping[str, BatchRef]]


@dataclass(frozen=True)
class QcFileRow:
    line: int
    batch_number: str
    data: QcInput
    verdict: QcVerdict  # as the core will judge it: the preview shows what will open a deviation


class RowReader:
    """Turns raw rows into ``QcFileRow``s, collecting every problem instead of stopping."""

    def __init__(
        self, table: TextTable, columns: dict[str, int], zone: ZoneInfo, now: datetime
    ) -> None:
        self._table, self._columns, self._zone, self._now = table, columns, zone, now
        self.problems: list[QcFileProblem] = []
        self._seen: dict[tuple[int, str, datetime], int] = {}

    def text(self, raw: RawRow, key: str) -> str:
        index = self._columns.get(key)
        if index is None or index >= len(raw.cells):
            return ""
        return raw.cells[index].strip()

    def _header(self, key: str) -> str:
        index = self._columns.get(key)
        return self._table.header[index] if index is not None else ""

    def _bad(self, raw: RawRow, key: str, error: DomainError) -> None:
        self.problems.append(QcFileProblem(raw.line, self._header(key), error))

    def read(self, raw: RawRow, batches: Mapping[str, BatchRef]) -> QcFileRow | None:
        width = len(self._table.header)
        if len(raw.cells) < width or any(c.strip() for c in raw.cells[width:]):
            found = WrongCellCountError(found=len(raw.cells), expected=width)
            self.problems.append(QcFileProblem(raw.line, "", found))
            return None
        before = len(self.problems)
        self._check_cells(raw)
        batch = self._batch(raw, batches)
        test = self._test(raw, batch) if batch is not None else None
        at = self._time(raw)
        if test is None or at is None or batch is None or len(self.problems) > before:
            return None
        judged = self._input(raw, batch, test, at)
        if judged is None or not self._new(raw, batch, test, at):
            return None
        return QcFileRow(raw.line, batch.number, *judged)

    def _check_cells(self, raw: RawRow) -> None:
        for column in COLUMNS:
            value = self.text(raw, column.key)
            control = next((c for c in value if unicodedata.category(c) == "Cc"), None)
            if control is not None:
                self._bad(raw, column.key, ControlCharacterError(char=f"U+{ord(control):04X}"))
            elif len(value) > MAX_LENGTH.get(column.key, len(value)):
                limit = MAX_LENGTH[column.key]
                self._bad(raw, column.key, ValueTooLongError(length=len(value), limit=limit))
            elif column.required and not value and self._columns.get(column.key) is not None:
                self._bad(raw, column.key, EmptyValueError())

    def _batch(self, raw: RawRow, batches: Mapping[str, BatchRef]) -> BatchRef | None:
        number = self.text(raw, "batch")
        if not number:
            return None
        batch = batches.get(number)
        if batch is None:
            self._bad(raw, "batch", UnknownBatchError(batch=number))
        elif batch.spec_code is None:
            self._bad(raw, "batch", NoApprovedSpecificationError(batch=number))
            return None
        return batch

    def _test(self, raw: RawRow, batch: BatchRef) -> SpecTestRef | None:
        name = self.text(raw, "test")
        if not name:
            return None
        found = batch.tests.get(name)
        if found is None:  # "Viability" for "viability", but only when it is unambiguous
            folded = [t for key, t in batch.tests.items() if key.casefold() == name.casefold()]
            found = folded[0] if len(folded) == 1 else None
        if found is None:
            error = UnknownTestError(test=name, spec=batch.spec_code, batch=batch.number)
            self._bad(raw, "test", error)
        return found

    def _time(self, raw: RawRow) -> datetime | None:
        text = self.text(raw, "resulted_at")
        if not text:
            return None
        at = parse_time(text, self._zone, self._now)
        if isinstance(at, DomainError):
            self._bad(raw, "resulted_at", at)
            return None
        return at

    def _flag(self, raw: RawRow, key: str) -> bool | None:
        flag = parse_flag(self.text(raw, key))
        if isinstance(flag, DomainError):
            self._bad(raw, key, flag)
            return None
        return flag

    def _input(
        self, raw: RawRow, batch: BatchRef, test: SpecTestRef, at: datetime
    ) -> tuple[QcInput, QcVerdict] | None:
        before = len(self.problems)
        value = self.text(raw, "result")
        number = parse_number(value) if test.numeric else None
        if test.numeric:
            if number is None:
                self._bad(raw, "result", NotANumberError(test=test.test, value=value))
            value = normalise(value)
        unit = self.text(raw, "unit") or None
        if unit is not None and test.unit and unit != test.unit:
            self._bad(raw, "unit", UnitMismatchError(test=test.test, expected=test.unit, unit=unit))
        rapid = self._rapid(raw, test)
        mutation = self._flag(raw, "mutation")
        if len(self.problems) > before or rapid is None:
            return None
        try:
            judged = evaluate(test, value_num=number, value_text=value, mutation_detected=mutation)
        except ValueError as exc:  # e.g. a TAGMe score outside 0–100
            self._bad(raw, "result", ValueRefusedError(test=test.test, reason=str(exc)))
            return None
        data = QcInput(
            batch_id=batch.id,
            test=test.test,
            value_text=value,
            resulted_at=at,
            value_num=number,
            unit=unit,
            method=self.text(raw, "method") or None,
            instrument=self.text(raw, "instrument") or None,
            rapid_method=rapid,
            mutation_detected=mutation,
        )
        return data, judged.verdict

    def _rapid(self, raw: RawRow, test: SpecTestRef) -> bool | None:
        """The rapid flag; empty means "what the specification's test is" (a rapid test is
        by definition measured with its rapid method)."""
        given = self._flag(raw, "rapid")
        needs_rapid = test.method_kind is MethodKind.RAPID
        if given is None:
            return None if self.text(raw, "rapid") else needs_rapid
        if test.method_kind is not MethodKind.ANY and given != needs_rapid:
            mismatch = MethodMismatchError(
                test=test.test, needs=test.method_kind.value, given=self.text(raw, "rapid")
            )
            self._bad(raw, "rapid", mismatch)
            return None
        return given

    def _new(self, raw: RawRow, batch: BatchRef, test: SpecTestRef, at: datetime) -> bool:
        """A result is identified by batch, test and time: twice in the file, or already in
        the database (typed in by hand, or a re-export of an imported run), is refused."""
        key = (batch.id, test.test, at)
        when = at.astimezone(self._zone).isoformat(sep=" ")  # "+08:00": "CST" is ambiguous
        if key in self._seen:
            first = self._seen[key]
            error: DomainError = DuplicateRowError(
                batch=batch.number, test=test.test, at=when, first=first
            )
            self._bad(raw, "", error)
            return False
        self._seen[key] = raw.line
        recorded = batch.recorded.get((test.test, at))
        if recorded is not None:
            error = AlreadyRecordedError(
                batch=batch.number, test=test.test, at=when, result_id=recorded
            )
            self._bad(raw, "", error)
            return False
        return True
