"""A print job's failure is stored as data and read in each reader's language (issue 13:
print errors stayed English under CELLTRAIL_LANG=zh)."""

from __future__ import annotations

from models.labeling.job_failure import failure_record, failure_words
from printing.errors import PrinterNotReadyError, PrinterStatusUnreadableError


def test_a_printer_error_is_read_in_either_language() -> None:
    stored = failure_record(PrinterNotReadyError(printer="ZT-1", problems=("paper_out",)))
    assert "ZT-1" in (failure_words(stored, "en") or "")
    assert "out of labels" in (failure_words(stored, "en") or "")
    chinese = failure_words(stored, "zh") or ""
    assert "ZT-1" in chinese and "标签纸用完" in chinese


def test_a_long_garbage_reply_still_fits_the_column_and_reads() -> None:
    stored = failure_record(PrinterStatusUnreadableError(printer="ZT-1", reply=b"\x00" * 5000))
    assert len(stored) <= 500
    assert "ZT-1" in (failure_words(stored, "zh") or "")


def test_older_plain_text_and_nothing_read_as_they_are() -> None:
    assert failure_words("printer on fire", "zh") == "printer on fire"
    assert failure_words("{not json", "en") == "{not json"
    assert failure_words(None, "en") is None
