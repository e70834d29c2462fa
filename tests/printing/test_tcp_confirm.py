"""Confirmed output over raw ZPL: the printer must consume the job, or the send says why not.

Real loopback sockets against FakeZebraPrinter; ``fake.printed`` is what came out.
"""

from __future__ import annotations

import pytest

from models.i18n import describe
from printing.port import (
    CONTENT_TYPES,
    Outcome,
    PrinterConfirmationUnreadableError,
    PrinterConnectionLostError,
    PrinterFaultAfterSendError,
    PrinterNotConfirmedError,
    PrinterOutputUnknownError,
    PrintJob,
    Probing,
    UnsupportedPrinterAddressError,
)
from printing.registry import open_printer
from printing.status import PrinterStatus
from tests.fakes.printers import FakeZebraPrinter

LABEL = b"^XA^CI28^FO10,10^A0N,30,30^FDCT-2026-0001-A^FS^PQ1,0,1,N^XZ\n"
BIG = b"^XA^FO10,10^GFA,24000,24000,30," + b"F0" * 12000 + b"^FS^XZ\n"  # ~24 kB, like a bag


def _job(payload: bytes = LABEL) -> PrintJob:
    return PrintJob("J1", payload, CONTENT_TYPES["zpl"])


def test_a_printer_that_prints_confirms() -> None:
    with FakeZebraPrinter() as fake:
        result = open_printer(fake.url).send(_job())
        assert fake.wait_for_connections(1)
    assert result.outcome is Outcome.CONFIRMED
    assert (fake.printed, fake.jobs) == (1, [LABEL])


def test_slow_printer_is_waited_for_then_confirmed() -> None:
    with FakeZebraPrinter(drain_polls=4) as fake:
        result = open_printer(fake.url + "&confirm=10").send(_job())
        assert fake.wait_for_connections(1)
    assert result.outcome is Outcome.CONFIRMED and fake.printed == 1
    assert fake.polls >= 1 + 5  # the readiness ~HS, then polls until the buffer drained


def test_printer_still_holding_the_job_at_the_deadline_is_not_confirmed() -> None:
    with FakeZebraPrinter(drain_polls=1000) as fake:
        with pytest.raises(PrinterNotConfirmedError) as caught:
            open_printer(fake.url + "&confirm=0.3").send(_job())
        assert fake.printed == 0
    assert "0.3" in describe(caught.value, "en") and "0.3" in describe(caught.value, "zh")


@pytest.mark.parametrize("reset_after", [1, 1024, 10237])
def test_printer_that_resets_mid_job_is_connection_lost(reset_after: int) -> None:
    with FakeZebraPrinter(behaviour="reset", reset_after=reset_after) as fake:
        with pytest.raises(PrinterOutputUnknownError) as caught:
            open_printer(fake.url).send(_job(BIG))
        assert fake.wait_for_connections(1)
    assert isinstance(
        caught.value, PrinterConnectionLostError | PrinterConfirmationUnreadableError
    ), caught.value
    assert fake.printed == 0 and len(fake.jobs[0]) == reset_after


def test_printer_that_stops_reading_after_status_is_not_confirmed() -> None:
    with (
        FakeZebraPrinter(behaviour="deaf") as fake,
        pytest.raises(PrinterOutputUnknownError) as caught,
    ):
        open_printer(f"tcp://127.0.0.1:{fake.port}?timeout=0.3").send(_job(BIG * 8))
    assert isinstance(caught.value, PrinterNotConfirmedError | PrinterConnectionLostError)
    assert fake.printed == 0


@pytest.mark.parametrize(
    ("after", "words", "zh"),
    [
        (PrinterStatus(paper_out=True), "out of labels", "标签纸用完"),
        (PrinterStatus(head_open=True), "print head open", "打印头未合上"),
        (PrinterStatus(paused=True), "paused", "已暂停"),
    ],
)
def test_fault_reported_after_the_job_is_not_printed(
    after: PrinterStatus, words: str, zh: str
) -> None:
    with FakeZebraPrinter(after_job=after) as fake:
        with pytest.raises(PrinterFaultAfterSendError) as caught:
            open_printer(fake.url).send(_job())
        assert fake.wait_for_connections(1)
    assert fake.printed == 0 and fake.jobs == [LABEL]  # held in the printer, not out
    assert words in describe(caught.value, "en") and zh in describe(caught.value, "zh")


def test_garbage_after_the_job_is_not_confirmed() -> None:
    with (
        FakeZebraPrinter(behaviour="garbage") as fake,
        pytest.raises(PrinterConfirmationUnreadableError) as caught,
    ):
        open_printer(fake.url).send(_job())
    assert "HELLO" in describe(caught.value, "en")


def test_status_off_printer_is_only_sent() -> None:
    with FakeZebraPrinter(behaviour="silent") as fake:
        result = open_printer(fake.url + "&status=off").send(_job())
        assert fake.wait_for_connections(1)
    assert result.outcome is Outcome.SENT and fake.jobs == [LABEL]


def test_probe_asks_for_status_and_sends_no_job() -> None:
    with FakeZebraPrinter() as fake:
        printer = open_printer(fake.url)
        assert isinstance(printer, Probing)
        printer.probe()
        assert fake.wait_for_connections(1)
    assert (fake.polls, fake.jobs) == (1, [])


def test_confirm_option_is_checked_with_the_address() -> None:
    with pytest.raises(UnsupportedPrinterAddressError) as caught:
        open_printer("tcp://127.0.0.1?confirm=nan")
    assert caught.value.params["reason"] == "confirm"
