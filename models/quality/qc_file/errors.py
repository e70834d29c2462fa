"""Everything that can be wrong with a QC results file, in English and Chinese.

Problems are *collected*, not raised one at a time: an analyst fixing an export wants every
bad row of the file listed at once (file, line, column, what is wrong), not one per attempt.
Each problem kind is a DomainError subclass so it carries its own bilingual wording; the
whole list is raised as one ``QcFileError`` and nothing of the file is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
        zh = lang.lower().startswith("zh")
        if self.line == 0:
            return "文件" if zh else "file"
        if not self.column:
            return f"第 {self.line} 行" if zh else f"line {self.line}"
        return (
            f"第 {self.line} 行，“{self.column}”列"
            if zh
            else f"line {self.line}, column {self.column!r}"
        )

    def message(self, lang: str = "en") -> str:
        colon = "：" if lang.lower().startswith("zh") else ": "
        return f"{self.where(lang)}{colon}{self.error.message(lang)}"

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "problem": self.code,
            "message": self.error.message(lang),
        }


def _details(problems: Sequence[QcFileProblem], lang: str) -> str:
    lines = [f"  - {p.message(lang)}" for p in problems[:MESSAGE_LIMIT]]
    more = len(problems) - MESSAGE_LIMIT
    if more > 0:
        lines.append(f"  … 另有 {more} 个问题" if lang == "zh" else f"  … and {more} more")
    return "\n".join(lines)


class QcFileError(DomainError):
    """The file was refused as a whole: nothing of it was imported."""

    code = "qc_file_refused"
    en = "QC file {file} was not imported ({count} problem(s); nothing was saved):\n{details_en}"
    zh = "QC 文件 {file} 未导入（{count} 个问题，未保存任何内容）：\n{details_zh}"

    def __init__(self, file: str, problems: Sequence[QcFileProblem]) -> None:
        self.problems: tuple[QcFileProblem, ...] = tuple(problems)
        super().__init__(
            file=file,
            count=len(self.problems),
            details_en=_details(self.problems, "en"),
            details_zh=_details(self.problems, "zh"),
        )


class QcFileAlreadyImportedError(QcFileError):
    code = "qc_file_already_imported"
    en = "QC file {file} was not imported again:\n{details_en}"
    zh = "QC 文件 {file} 未重复导入：\n{details_zh}"


# --- the file as a whole --------------------------------------------------------------------


class FileUnreadableError(DomainError):
    code = "file_unreadable"
    en = "the file cannot be read ({reason})"
    zh = "无法读取文件（{reason}）"


class FileTooLargeError(DomainError):
    code = "file_too_large"
    en = "the file is {size} bytes; at most {limit} bytes are accepted (split the export)"
    zh = "文件大小为 {size} 字节，最多接受 {limit} 字节（请拆分导出文件）"


class FileEmptyError(DomainError):
    code = "file_empty"
    en = "the file is empty"
    zh = "文件为空"


class FileNotTextError(DomainError):
    code = "file_not_text"
    en = "this is not a text (CSV) file but {kind}; export the results as CSV"
    zh = "这不是文本（CSV）文件，而是{kind}；请将结果导出为 CSV"


class FileUndecodableError(DomainError):
    code = "file_undecodable"
    en = (
        "byte {byte} at offset {offset} is not valid {encoding}; "
        "save the export as UTF-8 (or GB18030)"
    )
    zh = (
        "偏移 {offset} 处的字节 {byte} 不是有效的 {encoding} 编码；"
        "请将导出文件保存为 UTF-8（或 GB18030）"
    )


class FileNoRowsError(DomainError):
    code = "file_no_rows"
    en = "the file has a header but no result rows"
    zh = "文件只有表头，没有结果行"


class FileTooManyRowsError(DomainError):
    code = "file_too_many_rows"
    en = "more than {limit} result rows; split the export into smaller files"
    zh = "结果行超过 {limit} 行；请将导出文件拆分为较小的文件"


class FileQuotingBrokenError(DomainError):
    code = "file_quoting_broken"
    en = "the CSV quoting is broken here ({reason}); the rest of the file was not read"
    zh = "此处 CSV 引号格式错误（{reason}）；文件其余部分未读取"


class FileChangedError(DomainError):
    code = "file_changed"
    en = "the file changed after it was previewed (SHA-256 {was} → {now}); preview it again"
    zh = "文件在预览后已被修改（SHA-256 {was} → {now}）；请重新预览"


class FileAlreadyImportedError(DomainError):
    code = "file_already_imported"
    en = (
        "this exact file (SHA-256 {sha256}) was already imported by {actor} at {at} "
        "(audit entry {seq}); importing it twice would record every result twice"
    )
    zh = (
        "此文件（SHA-256 {sha256}）已由 {actor} 于 {at} 导入（审计记录 {seq}）；"
        "重复导入会使每个结果记录两次"
    )


# --- the header -----------------------------------------------------------------------------


class UnknownHeaderError(DomainError):
    code = "unknown_header"
    en = "unknown column {header!r}; the columns are: {known}"
    zh = "未知列 {header!r}；可用的列为：{known}"


class DuplicateHeaderError(DomainError):
    code = "duplicate_header"
    en = "column {header!r} means the same as column {first!r}"
    zh = "列 {header!r} 与列 {first!r} 含义相同"


class MissingColumnError(DomainError):
    code = "missing_column"
    en = "the required column {column} is missing (accepted headers: {aliases})"
    zh = "缺少必需的列 {column}（可用表头：{aliases}）"


# --- one row or one cell --------------------------------------------------------------------


class WrongCellCountError(DomainError):
    code = "wrong_cell_count"
    en = "the row has {found} cell(s) but the header has {expected}"
    zh = "该行有 {found} 个单元格，而表头有 {expected} 个"


class EmptyValueError(DomainError):
    code = "empty_value"
    en = "a value is required here"
    zh = "此处必须填写"


class ControlCharacterError(DomainError):
    code = "control_character"
    en = "the value contains a control character ({char})"
    zh = "值中含有控制字符（{char}）"


class ValueTooLongError(DomainError):
    code = "value_too_long"
    en = "the value has {length} characters; at most {limit} are allowed"
    zh = "该值有 {length} 个字符，最多允许 {limit} 个"


class UnknownBatchError(DomainError):
    code = "unknown_batch"
    en = "there is no batch {batch!r}"
    zh = "不存在批号 {batch!r}"


class NoApprovedSpecificationError(DomainError):
    code = "no_approved_specification"
    en = "batch {batch} has no approved specification to judge results against"
    zh = "批次 {batch} 没有已批准的质量标准，无法判定结果"


class UnknownTestError(DomainError):
    code = "unknown_test"
    en = "test {test!r} is not in specification {spec} of batch {batch}"
    zh = "检测项目 {test!r} 不在批次 {batch} 的质量标准 {spec} 中"


class NotANumberError(DomainError):
    code = "not_a_number"
    en = "{test} has a numeric limit; {value!r} is not a plain number (e.g. 93.5 or 1.0e8)"
    zh = "{test} 为数值限度；{value!r} 不是数字（例如 93.5 或 1.0e8）"


class ValueRefusedError(DomainError):
    code = "value_refused"
    en = "{test}: {reason}"
    zh = "{test}：{reason}"


class UnitMismatchError(DomainError):
    code = "unit_mismatch"
    en = "{test} is reported in {expected}, not {unit!r}"
    zh = "{test} 的单位应为 {expected}，而不是 {unit!r}"


class MethodMismatchError(DomainError):
    code = "method_mismatch"
    en = "{test} needs a {needs} method, but the rapid column says {given!r}"
    zh = "{test} 需要{needs}方法，但快速法列为 {given!r}"


class BadFlagError(DomainError):
    code = "bad_flag"
    en = "{value!r} is not yes or no (accepted: yes/no, true/false, 1/0, 是/否)"
    zh = "{value!r} 不是“是”或“否”（可用：是/否、yes/no、true/false、1/0）"


class BadTimeError(DomainError):
    code = "bad_time"
    en = (
        "{value!r} is not a plausible date and time "
        "(e.g. 2025-04-15 10:30:00 or 2025-04-15T10:30:00+08:00)"
    )
    zh = "{value!r} 不是有效的日期时间（例如 2025-04-15 10:30:00 或 2025-04-15T10:30:00+08:00）"


class AmbiguousLocalTimeError(DomainError):
    code = "ambiguous_local_time"
    en = "{value!r} has no UTC offset and occurs twice in the site's time zone {zone}; add it"
    zh = "{value!r} 没有 UTC 偏移，且在本站时区 {zone} 中出现两次；请加上偏移"


class NonexistentLocalTimeError(DomainError):
    code = "nonexistent_local_time"
    en = "{value!r} has no UTC offset and does not exist in the site's time zone {zone}"
    zh = "{value!r} 没有 UTC 偏移，且在本站时区 {zone} 中不存在"


class FutureTimeError(DomainError):
    code = "future_time"
    en = "{value!r} is in the future (now is {now})"
    zh = "{value!r} 晚于当前时间（现在是 {now}）"


class DuplicateRowError(DomainError):
    code = "duplicate_row"
    en = "the same result (batch {batch}, {test} at {at}) is already on line {first}"
    zh = "相同的结果（批次 {batch}，{test}，{at}）已在第 {first} 行出现"


class AlreadyRecordedError(DomainError):
    code = "already_recorded"
    en = "batch {batch} already has a {test} result at {at} (result {result_id})"
    zh = "批次 {batch} 已有 {at} 的 {test} 结果（结果 {result_id}）"


class RowRefusedError(DomainError):
    """The core refused a row the parser accepted (e.g. the specification changed between
    the check and the import); carries the core's own message in both languages."""

    code = "row_refused"
    en = "refused when recording: {detail_en}"
    zh = "记录时被拒绝：{detail_zh}"
