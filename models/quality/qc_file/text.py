"""From the bytes of an export to a header and raw rows: size, encoding, delimiter, quoting.

Encodings: UTF-8 with or without BOM, UTF-16 with a BOM (Excel's "Unicode text"), else
GB18030 (a superset of GBK/GB2312, what Chinese instruments and Excel on Chinese Windows
write).  A file that starts as UTF-8 — it has valid multi-byte UTF-8 before the first bad
byte — is *not* retried as GB18030: that would turn its Chinese text into plausible-looking
mojibake and import it; the bad byte is reported instead.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from models.quality.qc_file.columns import column_for
from models.quality.qc_file.errors import (
    FileEmptyError,
    FileNotTextError,
    FileQuotingBrokenError,
    FileTooManyRowsError,
    FileUndecodableError,
    QcFileProblem,
)

# One file is one signed transaction, recorded at roughly 5–10 ms a row on SQLite, which
# holds the database's write lock meanwhile: 2000 rows keep that to seconds and far inside
# the signature's five-minute freshness.  1 MiB leaves 500 bytes a row.
MAX_ROWS = 2000
MAX_FILE_BYTES = 1024 * 1024
DELIMITERS = (",", "\t", ";")
_NOT_TEXT = (
    (b"PK\x03\x04", "a zip archive or an Excel workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an Excel 97–2003 workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
)


class FileRefused(Exception):  # noqa: N818 - control flow inside the parser, never escapes it
    def __init__(self, *problems: QcFileProblem) -> None:
        super().__init__(problems)
        self.problems = problems


@dataclass(frozen=True)
class RawRow:
    line: int  # physical line the row starts on
    cells: tuple[str, ...]


@dataclass(frozen=True)
class TextTable:
    encoding: str
    delimiter: str
    header_line: int
    header: tuple[str, ...]
    rows: tuple[RawRow, ...]
    problems: tuple[QcFileProblem, ...]  # quoting and row-count problems met while splitting


def _whole(error: FileEmptyError | FileNotTextError) -> FileRefused:
    return FileRefused(QcFileProblem(0, "", error))


def _undecodable(data: bytes, offset: int, encoding: str) -> FileRefused:
    line = data.count(b"\n", 0, offset) + 1
    byte = f"0x{data[offset]:02X}" if offset < len(data) else "end of file"
    return FileRefused(
        QcFileProblem(line, "", FileUndecodableError(byte=byte, offset=offset, encoding=encoding))
    )


def decode(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was read in; refuses binary and undecodable data."""
    for signature, kind in _NOT_TEXT:
        if data.startswith(signature):
            raise _whole(FileNotTextError(kind=kind))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc.start, "UTF-16") from exc
    elif b"\x00" in data:
        raise _whole(FileNotTextError(kind="binary data (it contains NUL bytes)"))
    elif data.startswith(codecs.BOM_UTF8):
        try:
            text, encoding = data.decode("utf-8-sig"), "UTF-8 (BOM)"
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc.start + 3, "UTF-8") from exc
    else:
        text, encoding = _utf8_or_gb18030(data)
    if "\x00" in text:
        raise _whole(FileNotTextError(kind="binary data (it contains NUL characters)"))
    if not text.strip():
        raise _whole(FileEmptyError())
    return text, encoding


def _utf8_or_gb18030(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if not data[: exc.start].isascii():  # real UTF-8 text with a corrupt byte
            raise _undecodable(data, exc.start, "UTF-8") from exc
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc.start, "UTF-8 or GB18030") from exc


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def detect_delimiter(header_line: str) -> str:
    """The delimiter under which the header splits into the most known column names (then
    the most cells): robust to a comma inside a quoted Chinese header or a stray semicolon."""

    def score(delimiter: str) -> tuple[int, int]:
        cells = _split(header_line, delimiter)
        return sum(column_for(c) is not None for c in cells), len(cells)

    return max(DELIMITERS, key=score)


def split_table(text: str, encoding: str) -> TextTable:
    """Header (first non-blank row) and every non-blank row after it, with line numbers."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = detect_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: tuple[str, ...] | None = None
    header_line = 0
    rows: list[RawRow] = []
    problems: list[QcFileProblem] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(QcFileProblem(line, "", FileQuotingBrokenError(reason=str(exc))))
            break
        if not any(c.strip() for c in cells):
            continue  # blank lines (and rows of empty cells) carry nothing
        if header is None:
            header, header_line = _trim_trailing(cells), line
        elif len(rows) == MAX_ROWS:
            problems.append(QcFileProblem(line, "", FileTooManyRowsError(limit=MAX_ROWS)))
            break
        else:
            rows.append(RawRow(line, tuple(cells)))
    if header is None:
        raise _whole(FileEmptyError())
    return TextTable(encoding, delimiter, header_line, header, tuple(rows), tuple(problems))


def _trim_trailing(cells: list[str]) -> tuple[str, ...]:
    """Spreadsheets often end the header with empty cells ("a,b,c,,"): they are no column."""
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    return tuple(cells)
