"""JSON-able DIN verdict for ``celltrail din check STRING`` and other non-GUI callers."""

from __future__ import annotations

from models.i18n import render
from models.isbt128 import checkchar
from models.isbt128.errors import Isbt128Error
from models.isbt128.structures import DinScan, parse_scan, wrong_structure_error

Verdict = dict[str, str | bool | None]


def describe_din_check(text: str) -> Verdict:
    """Check a scanned or typed DIN and explain the result in English and Chinese.

    Never raises for bad input: a CLI must print a verdict, not a traceback.
    """
    try:
        scan = parse_scan(text)
        if not isinstance(scan, DinScan):
            raise wrong_structure_error(text, "din")
    except Isbt128Error as exc:
        return _refusal(exc)
    din = scan.din
    return {
        "valid": True,
        "din": din.number,
        "check_character": din.check_character,
        "eye_readable": din.format_eye_readable(),
        "data_content": din.data_content(),
        "flags": din.flags,
        "flag_type": din.flag_type.value,
        "entry": scan.entry,
        "symbology": scan.aim,
        "test_facility": din.is_test_facility,
        "error_code": None,
        "reason_en": render("isbt128_din_valid", "en", din=din.format_eye_readable()),
        "reason_zh": render("isbt128_din_valid", "zh", din=din.format_eye_readable()),
    }


def _refusal(exc: Isbt128Error) -> Verdict:
    din = exc.params.get("din")
    number = din if isinstance(din, str) and len(din) == 13 else None
    return {
        "valid": False,
        # The DIN and its correct K are reported when the 13 characters were readable,
        # so the operator can compare them with the label.
        "din": number,
        "check_character": checkchar.check_character(number) if number else None,
        "error_code": exc.code,
        "reason_en": exc.message("en"),
        "reason_zh": exc.message("zh"),
    }
