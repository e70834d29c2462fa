"""Parsing an instrument/LIMS export of QC results into ``QcInput`` rows, all or nothing.

File format (CSV; see qc_file_columns for every accepted header name):

* UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK; comma, tab or semicolon
  delimited (detected from the header row); one header row, then one result per row.
* Required columns: batch/批号 (batch number), test/检测项目 (the specification's test key,
  e.g. ``viability``), result/结果, resulted_at/检测时间.  Optional: unit/单位 (must match
  the specification), method/方法, instrument/仪器, rapid/快速法 (yes/no; empty = what the
  specification's test requires), mutation_detected/基因突变 (yes/no, for TAGMe).
* Times carry a UTC offset or are read in the site's time zone (see qc_file_values).

Every row is checked against the database as it is now — the batch exists and has an
approved specification, the test is in it, the value is a number where the limit is
numeric, the unit and method kind agree — and every problem in the file is collected with
its line and column.  One bad row refuses the whole file: a partial import would leave the
release panel looking complete for some tests and silently missing for others.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from models.kernel.errors import DomainError
from models.quality.qc import QcInput
from models.quality.qc_file.columns import COLUMNS, aliases_of, column_for, known_headers
from models.quality.qc_file.errors import (
    DuplicateHeaderError,
    FileNoRowsError,
    FileTooLargeError,
    FileUnreadableError,
    MissingColumnError,
    QcFileError,
    QcFileProblem,
    UnknownHeaderError,
)
from models.quality.qc_file.rows import BatchLookup, BatchRef, QcFileRow, RowReader, SpecTestRef
from models.quality.qc_file.text import MAX_FILE_BYTES, FileRefused, TextTable, decode, split_table

__all__ = [
    "BatchLookup",
    "BatchRef",
    "QcFile",
    "QcFileRow",
    "SpecTestRef",
    "parse_qc_file",
    "read_qc_file",
]


@dataclass(frozen=True)
class QcFile:
    name: str
    sha256: str
    size: int
    encoding: str
    delimiter: str
    zone: str  # the zone times without an offset were read in
    rows: tuple[QcFileRow, ...]

    @property
    def inputs(self) -> list[QcInput]:
        return [row.data for row in self.rows]


def read_qc_file(path: str | Path) -> bytes:
    """The file's bytes, refusing what cannot be read and anything over the size limit
    (read no further than the limit, so a mistaken multi-gigabyte pick costs nothing)."""
    name = Path(path).name
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                size = max(len(data), Path(path).stat().st_size)
                problem = FileTooLargeError(size=size, limit=MAX_FILE_BYTES)
                raise QcFileError(name, [QcFileProblem(0, "", problem)])
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise QcFileError(name, [QcFileProblem(0, "", FileUnreadableError(reason=reason))]) from exc
    return data


def parse_qc_file(
    data: bytes, *, name: str, zone: ZoneInfo, lookup: BatchLookup, now: datetime
) -> QcFile:
    """The file's rows as ``QcInput`` (all of them), or ``QcFileError`` listing every problem."""
    if len(data) > MAX_FILE_BYTES:
        too_large = FileTooLargeError(size=len(data), limit=MAX_FILE_BYTES)
        raise QcFileError(name, [QcFileProblem(0, "", too_large)])
    try:
        text, encoding = decode(data)
        table = split_table(text, encoding)
    except FileRefused as refused:
        raise QcFileError(name, refused.problems) from None
    problems = list(table.problems)
    columns, header_problems = _map_header(table)
    problems += header_problems
    if any(c.required and c.key not in columns for c in COLUMNS):
        raise QcFileError(name, sorted(problems, key=lambda p: p.line))
    if not table.rows and not problems:
        raise QcFileError(name, [QcFileProblem(0, "", FileNoRowsError())])
    reader = RowReader(table, columns, zone, now)
    batches = lookup({n for raw in table.rows if (n := reader.text(raw, "batch"))})
    rows = []
    for raw in table.rows:
        row = reader.read(raw, batches)
        if row is not None:
            rows.append(row)
    problems += reader.problems
    if problems:
        raise QcFileError(name, sorted(problems, key=lambda p: p.line))
    return QcFile(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=encoding,
        delimiter={"\t": "tab"}.get(table.delimiter, table.delimiter),
        zone=zone.key,
        rows=tuple(rows),
    )


def _map_header(table: TextTable) -> tuple[dict[str, int], list[QcFileProblem]]:
    """Column key → cell index, and the problems: unknown, repeated and missing columns."""
    columns: dict[str, int] = {}
    problems: list[QcFileProblem] = []
    line = table.header_line
    for index, header in enumerate(table.header):
        column = column_for(header)
        if column is None:
            error: DomainError = UnknownHeaderError(header=header.strip(), known=known_headers())
            problems.append(QcFileProblem(line, header, error))
        elif column.key in columns:
            first = table.header[columns[column.key]]
            problems.append(
                QcFileProblem(line, header, DuplicateHeaderError(header=header, first=first))
            )
        else:
            columns[column.key] = index
    for column in COLUMNS:
        if column.required and column.key not in columns:
            missing = MissingColumnError(column=column.aliases[0], aliases=aliases_of(column))
            problems.append(QcFileProblem(line, "", missing))
    return columns, problems
