"""Everything that can be wrong with a QC results file, as codes (words: models/i18n).

Problems are *collected*, not raised one at a time: an analyst fixing an export wants every
bad row of the file listed at once (file, line, column, what is wrong), not one per attempt.
Each problem kind is a DomainError subclass with its own code in the catalogue; the
whole list is raised as one ``QcFileError`` and nothing of the file is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.i18n import render
from models.kernel.errors import DomainError

MESSAGE_LIMIT = 20  # problems spelled out in the error message; the full list is on .problems


@dataclass(frozen=True)
class QcFileProblem:
    """One problem: ``line`` is the physical line in the file (1 = the header, 0 = the file
    as a whole) and ``column`` the header text as written in the file ("" = no one column)."""

    line: int
    column: str
    error: DomainError

    @property
    def code(self) -> str:
        return self.error.code

    def where(self, lang: str = "en") -> str:
        if self.line == 0:
            return render("qc_file.where_file", lang)
        if not self.column:
            return render("qc_file.where_line", lang, line=self.line)
        return render("qc_file.where_cell", lang, line=self.line, column=self.column)

    def message(self, lang: str = "en") -> str:
        return render("qc_file.problem", lang, where=self.where(lang), problem=self.error)

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "problem": self.code,
            "message": self.error.message(lang),
        }


@dataclass(frozen=True)
class _Details:
    """The problem list inside the file's refusal, rendered in the reader's language."""

    problems: tuple[QcFileProblem, ...]

    def message(self, lang: str = "en") -> str:
        lines = [f"  - {p.message(lang)}" for p in self.problems[:MESSAGE_LIMIT]]
        more = len(self.problems) - MESSAGE_LIMIT
        if more > 0:
            lines.append(render("qc_file.more", lang, more=more))
        return "\n".join(lines)


class QcFileError(DomainError):
    """The file was refused as a whole: nothing of it was imported."""

    code = "qc_file_refused"

    def __init__(self, file: str, problems: Sequence[QcFileProblem]) -> None:
        self.problems: tuple[QcFileProblem, ...] = tuple(problems)
        super().__init__(
            file=file,
            count=len(self.problems),
            details=_Details(self.problems),
        )


class QcFileAlreadyImportedError(QcFileError):
    code = "qc_file_already_imported"


# --- the file as a whole --------------------------------------------------------------------


class FileUnreadableError(DomainError):
    code = "file_unreadable"


class FileTooLargeError(DomainError):
    code = "file_too_large"


class FileEmptyError(DomainError):
    code = "file_empty"


class FileNotTextError(DomainError):
    code = "file_not_text"


class FileUndecodableError(DomainError):
    code = "file_undecodable"


class FileNoRowsError(DomainError):
    code = "file_no_rows"


class FileTooManyRowsError(DomainError):
    code = "file_too_many_rows"


class FileQuotingBrokenError(DomainError):
    code = "file_quoting_broken"


class FileChangedError(DomainError):
    code = "file_changed"


class FileAlreadyImportedError(DomainError):
    code = "file_already_imported"


# --- the header -----------------------------------------------------------------------------


class UnknownHeaderError(DomainError):
    code = "unknown_header"


class DuplicateHeaderError(DomainError):
    code = "duplicate_header"


class MissingColumnError(DomainError):
    code = "missing_column"


# --- one row or one cell --------------------------------------------------------------------


class WrongCellCountError(DomainError):
    code = "wrong_cell_count"


class EmptyValueError(DomainError):
    code = "empty_value"


class ControlCharacterError(DomainError):
    code = "control_character"


class ValueTooLongError(DomainError):
    code = "value_too_long"


class UnknownBatchError(DomainError):
    code = "unknown_batch"


class NoApprovedSpecificationError(DomainError):
    code = "no_approved_specification"


class UnknownTestError(DomainError):
    code = "unknown_test"


class NotANumberError(DomainError):
    code = "not_a_number"


class ValueRefusedError(DomainError):
    code = "value_refused"


class UnitMismatchError(DomainError):
    code = "unit_mismatch"


class MethodMismatchError(DomainError):
    code = "method_mismatch"


class BadFlagError(DomainError):
    code = "bad_flag"


class BadTimeError(DomainError):
    code = "bad_time"


class AmbiguousLocalTimeError(DomainError):
    code = "ambiguous_local_time"


class NonexistentLocalTimeError(DomainError):
    code = "nonexistent_local_time"


class FutureTimeError(DomainError):
    code = "future_time"


class DuplicateRowError(DomainError):
    code = "duplicate_row"


class AlreadyRecordedError(DomainError):
    code = "already_recorded"


class RowRefusedError(DomainError):
    """The core refused a row the parser accepted (e.g. the specification changed between
    the check and the import); carries the core's own error, rendered in the reader's
    language."""

    code = "row_refused"
