"""~HS parsing and bilingual printer errors."""

from __future__ import annotations

import pytest

from models.i18n import describe, terms
from printing.port import (
    PrinterError,
    PrinterNotReadyError,
    PrinterStatusUnreadableError,
    PrinterUnreachableError,
)
from printing.status import PrinterStatus, format_host_status, parse_host_status

# A reply as documented in the ZPL II guide: paper out and head open, 3 labels left.
ZEBRA_REPLY = (
    b"\x02030,1,0,1218,000,0,0,0,000,0,0,0\x03\r\n"
    b"\x02001,0,1,0,1,2,6,0,00000003,1,000\x03\r\n"
    b"\x021234,0\x03\r\n"
)


def test_parse_documented_reply() -> None:
    status = parse_host_status(ZEBRA_REPLY)
    assert status.problems == ("paper_out", "head_open") and not status.ready
    assert status.labels_remaining == 3
    words = terms("printer_problem", status.problems)  # printing holds no words
    assert words.message("en") == "out of labels, print head open"
    assert words.message("zh") == "标签纸用完、打印头未合上"


def test_format_and_parse_round_trip() -> None:
    status = PrinterStatus(paused=True, ribbon_out=True, formats_in_buffer=2, labels_remaining=9)
    assert parse_host_status(format_host_status(status)) == status


@pytest.mark.parametrize("reply", [b"", b"\x02garbage\x03", ZEBRA_REPLY[:40]])
def test_unreadable_reply_is_a_typed_error(reply: bytes) -> None:
    with pytest.raises(PrinterStatusUnreadableError):
        parse_host_status(reply, printer="Z1")


def test_error_messages_in_both_languages() -> None:
    error = PrinterUnreachableError(printer="Z1", detail="Connection refused")
    assert isinstance(error, PrinterError) and error.code == "printer_unreachable"
    assert describe(error, "en").startswith("Printer Z1 cannot be reached (Connection refused)")
    assert describe(error, "zh_CN") == "无法连接打印机 Z1（Connection refused）。未打印任何内容。"
    # printing holds no words: its str() is the code and parameters, for logs
    assert str(error).startswith("printer_unreachable")


def test_missing_parameter_never_hides_the_error() -> None:
    assert "Z1" in describe(PrinterNotReadyError(printer="Z1"), "en")
