"""Rejections raised by the ISBT 128 codec, each with an English and a Chinese reason.

A scan that is not exactly right must be refused with a reason the operator can act on at
the bench ("character 9 must be a digit"), because a misread identifier on a cell-therapy
bag is a patient-safety event.  Every class keeps its raw values in ``params`` so the audit
trail and the tests can inspect them without parsing message text.
"""

from __future__ import annotations

from models.i18n import render
from models.kernel.errors import DomainError


class Isbt128Error(DomainError):
    """Root of every refusal the ISBT 128 codec reports; nothing else may escape it."""

    code = "isbt128"
    en = "The ISBT 128 data could not be read: {detail}"
    zh = "无法读取 ISBT 128 数据：{detail}"


class EmptyScanError(Isbt128Error):
    code = "isbt128_empty"
    en = "Nothing was scanned or typed."
    zh = "未扫描或输入任何内容。"


class ForeignBarcodeError(Isbt128Error):
    code = "isbt128_foreign"
    en = "This is not an ISBT 128 bar code ({kind_en}); scan the ISBT 128 bar code instead."
    zh = "这不是 ISBT 128 条码（{kind_zh}）；请改扫 ISBT 128 条码。"


class UnknownDataIdentifierError(Isbt128Error):
    code = "isbt128_unknown_di"
    en = "Unknown ISBT 128 data identifier {di!r}."
    zh = "未知的 ISBT 128 数据标识符 {di!r}。"


class UnsupportedStructureError(Isbt128Error):
    code = "isbt128_unsupported"
    en = "{di!r} is {structure} ({name}), which CellTrail does not read here."
    zh = "{di!r} 是 {structure}（{name}），CellTrail 在此不读取该数据结构。"


class WrongLengthError(Isbt128Error):
    code = "isbt128_length"
    en = "{structure} must be {expected} characters long; {actual} were read."
    zh = "{structure} 应为 {expected} 个字符，实际读到 {actual} 个。"


class ConcatenatedScanError(Isbt128Error):
    code = "isbt128_concatenated"
    en = (
        "The scan holds more than one data structure ({structure} followed by {next_di!r}); "
        "scan one bar code at a time."
    )
    zh = "扫描内容包含多个数据结构（{structure} 之后还有 {next_di!r}）；请一次只扫描一个条码。"


class IllegalCharacterError(Isbt128Error):
    code = "isbt128_character"
    en = "{structure}: character {position} is {char}, but the {field_en} must be {expected_en}."
    zh = "{structure}：第 {position} 个字符为 {char}，但{field_zh}必须是{expected_zh}。"


class CheckCharacterMismatchError(Isbt128Error):
    code = "isbt128_check_character"
    en = "Wrong check character for DIN {din}: expected {expected}, got {actual}. Re-enter the DIN."
    zh = "DIN {din} 的校验字符错误：应为 {expected}，实际为 {actual}。请重新输入 DIN。"


class MissingCheckCharacterError(Isbt128Error):
    code = "isbt128_check_character_missing"
    en = "A typed DIN must end with its boxed check character; DIN {din} has none."
    zh = "手工输入的 DIN 必须以方框中的校验字符结尾；DIN {din} 缺少校验字符。"


class FlagMismatchError(Isbt128Error):
    code = "isbt128_flag_checksum"
    en = "DIN {din}: Type 3 flag characters must be {expected}, got {actual}."
    zh = "DIN {din}：第 3 类标志字符应为 {expected}，实际为 {actual}。"


class ReservedFlagError(Isbt128Error):
    code = "isbt128_flag_reserved"
    en = "DIN flag characters {flags} are reserved by ICCBBA and must not be used."
    zh = "DIN 标志字符 {flags} 为 ICCBBA 保留值，不得使用。"


class InvalidYearError(Isbt128Error):
    code = "isbt128_year"
    en = "The DIN year must be the last two digits of the year (0–99); got {year!r}."
    zh = "DIN 年份必须是年份的后两位数字（0–99）；实际为 {year!r}。"


class InvalidSequenceError(Isbt128Error):
    code = "isbt128_sequence"
    en = "The DIN sequence number must be 0–999999; got {sequence!r}."
    zh = "DIN 序列号必须在 0–999999 之间；实际为 {sequence!r}。"


class InvalidDateError(Isbt128Error):
    code = "isbt128_date"
    en = "{structure}: {value!r} is not a valid date/time ({reason_en})."
    zh = "{structure}：{value!r} 不是有效的日期/时间（{reason_zh}）。"


class WrongStructureError(Isbt128Error):
    code = "isbt128_wrong_structure"
    en = "This is {structure} ({name}), not {wanted_en}; scan the right bar code."
    zh = "这是 {structure}（{name}），不是{wanted_zh}；请扫描正确的条码。"


class KeyboardEntryRefusedError(Isbt128Error):
    code = "isbt128_keyboard_refused"
    en = "{text!r} looks typed, not scanned; this step requires scanning the DIN bar code."
    zh = "{text!r} 看起来是手工输入而非扫描；此步骤要求扫描 DIN 条码。"


class ScanTooLongError(Isbt128Error):
    """More characters than any ISBT 128 symbol can hold: a pasted file, not a scan. Its
    words live in the message catalogue (``models/i18n``)."""

    code = "isbt128_too_long"

    def message(self, lang: str = "en") -> str:
        return render(self.code, lang, **self.params)
