"""The spooler transport against a real cupsd started by the test (tests/printing/cups_server).

Queues are raw socket queues to a fake Zebra on loopback, so what the device received is
known byte for byte; the spooler's view is read back over IPP.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from models.i18n import describe
from printing.content import Barcode, LabelContent, Symbology
from printing.errors import (
    PrinterHeldAtSpoolerError,
    PrinterQueueMissingError,
    PrinterSpoolerAbortedError,
    PrinterSpoolerDownError,
)
from printing.payload import make_job
from printing.port import Outcome
from printing.registry import open_printer
from printing.transports import ipp
from printing.transports.system import SystemPrinter
from tests.fakes.printers import FakeZebraPrinter
from tests.printing.cups_server import CupsServer, why_not

pytestmark = pytest.mark.skipif(why_not() is not None, reason=str(why_not()))

LABEL = LabelContent(86, 69, (Barcode(3, 3, Symbology.GS1_DATAMATRIX, "10LOT42\x1d21SN1"),))


@pytest.fixture(scope="module")
def cups() -> Iterator[CupsServer]:
    server = CupsServer()
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def zebra() -> Iterator[FakeZebraPrinter]:
    with FakeZebraPrinter(lifetime=300) as printer:
        yield printer


@pytest.fixture(scope="module")
def raw_queue(cups: CupsServer, zebra: FakeZebraPrinter) -> str:
    cups.add_socket_queue("ZEBRA_RAW", zebra.port)
    return "ZEBRA_RAW"


def _printer(cups: CupsServer, queue: str, fmt: str = "zpl", timeout: float = 10) -> SystemPrinter:
    printer = open_printer(f"system://{queue}?format={fmt}&server={cups.server}&timeout={timeout}")
    assert isinstance(printer, SystemPrinter)
    return printer


def _job_attributes(cups: CupsServer, queue: str, spooler_job: int) -> ipp.Response:
    body = ipp.encode(
        ipp.GET_JOB_ATTRIBUTES,
        7,
        [
            ipp.Attr.uri("printer-uri", f"ipp://localhost/printers/{queue}"),
            ipp.Attr.integer("job-id", spooler_job),
        ],
    )
    return ipp.post(cups.server, f"/printers/{queue}", body, 5)


def test_completed_job_is_confirmed_with_its_spooler_id(
    cups: CupsServer, zebra: FakeZebraPrinter, raw_queue: str
) -> None:
    printer = _printer(cups, raw_queue)
    job = make_job("celltrail-label-1", LABEL, printer)
    before = zebra.connections
    result = printer.send(job)
    assert result.outcome is Outcome.CONFIRMED
    assert result.spooler_job is not None
    assert result.detail == f"ZEBRA_RAW-{result.spooler_job}"
    assert zebra.wait_for_connections(before + 1)
    assert zebra.jobs[-1] == job.payload  # a raw queue passes the ZPL untouched
    assert _job_attributes(cups, raw_queue, result.spooler_job).first("job-state") == 9


def test_pdf_job_is_spooled_at_the_label_size_unscaled(cups: CupsServer, raw_queue: str) -> None:
    printer = _printer(cups, raw_queue, "pdf")
    result = printer.send(make_job("celltrail-label-2", LABEL, printer))
    assert result.spooler_job is not None
    spooled = _job_attributes(cups, raw_queue, result.spooler_job)
    assert spooled.first("media") == "Custom.86x69mm"
    assert spooled.first("orientation-requested") == 3  # portrait: never turned
    assert spooled.first("fit-to-page") is False
    assert spooled.first("print-scaling") == "none"
    assert spooled.first("scaling") == 100


def test_png_job_is_printed_at_its_own_resolution(cups: CupsServer, raw_queue: str) -> None:
    printer = _printer(cups, raw_queue, "png")
    result = printer.send(make_job("celltrail-label-3", LABEL, printer))
    assert result.spooler_job is not None
    spooled = _job_attributes(cups, raw_queue, result.spooler_job)
    assert (spooled.first("media"), spooled.first("ppi")) == ("Custom.86x69mm", 203)
    assert spooled.first("scaling") is None  # for images "scaling" would fill the page


def test_stopped_queue_is_held_and_the_job_withdrawn(
    cups: CupsServer, zebra: FakeZebraPrinter, raw_queue: str
) -> None:
    printer = _printer(cups, raw_queue)
    cups.run("cupsdisable", raw_queue)
    try:
        with pytest.raises(PrinterHeldAtSpoolerError) as caught:
            printer.send(make_job("celltrail-label-4", LABEL, printer))
    finally:
        cups.run("cupsenable", raw_queue)
    error = caught.value
    assert error.params["reason"] == "queue_stopped"
    assert "queue is stopped" in describe(error, "en") and "withdrawn" in describe(error, "en")
    assert "队列已停止" in describe(error, "zh")
    # Withdrawn: re-enabling the queue prints nothing late.
    assert cups.run("lpstat", "-W", "not-completed", "-o", raw_queue).strip() == ""
    count = zebra.connections
    time.sleep(0.5)
    assert zebra.connections == count


def test_held_job_is_not_printed(cups: CupsServer, zebra: FakeZebraPrinter) -> None:
    cups.add_socket_queue("HOLDING", zebra.port)
    cups.run("lpadmin", "-p", "HOLDING", "-o", "job-hold-until-default=indefinite")
    printer = _printer(cups, "HOLDING")
    with pytest.raises(PrinterHeldAtSpoolerError) as caught:
        printer.send(make_job("celltrail-label-5", LABEL, printer))
    assert caught.value.params["reason"] == "job_held"


def test_job_the_spooler_aborts_is_not_printed(cups: CupsServer) -> None:
    cups.run("lpadmin", "-p", "BROKEN", "-E", "-v", "fail://device")
    cups.run("lpadmin", "-p", "BROKEN", "-o", "printer-error-policy=abort-job")
    printer = _printer(cups, "BROKEN")
    with pytest.raises(PrinterSpoolerAbortedError) as caught:
        printer.send(make_job("celltrail-label-6", LABEL, printer))
    assert caught.value.params["reason"] == "aborted"
    assert "not printed" in describe(caught.value, "en")
    assert "任务已中止" in describe(caught.value, "zh")


def test_device_failure_under_the_default_policy_is_not_printed(cups: CupsServer) -> None:
    """CUPS's default error policy stops the queue on a device failure and requeues the job:
    it had started, so it is withdrawn and reported as stopped while printing."""
    cups.run("lpadmin", "-p", "BROKEN_STOPS", "-E", "-v", "fail://device")
    cups.run("lpadmin", "-p", "BROKEN_STOPS", "-o", "printer-error-policy=stop-printer")
    printer = _printer(cups, "BROKEN_STOPS")
    with pytest.raises(PrinterSpoolerAbortedError) as caught:
        printer.send(make_job("celltrail-label-9", LABEL, printer))
    assert caught.value.params["reason"] == "stopped_while_printing"
    assert cups.run("lpstat", "-W", "not-completed", "-o", "BROKEN_STOPS").strip() == ""


def test_missing_queue_says_so(cups: CupsServer) -> None:
    printer = _printer(cups, "NO_SUCH_QUEUE")
    with pytest.raises(PrinterQueueMissingError) as caught:
        printer.send(make_job("celltrail-label-7", LABEL, printer))
    assert "no queue named 'NO_SUCH_QUEUE'" in describe(caught.value, "en")
    assert "NO_SUCH_QUEUE" in describe(caught.value, "zh")


def test_cupsd_down_says_the_print_service_is_not_running() -> None:
    stopped = CupsServer()
    try:
        stopped.start()
        stopped.stop()
        printer = _printer(stopped, "ZEBRA_RAW")
        with pytest.raises(PrinterSpoolerDownError) as caught:
            printer.send(make_job("celltrail-label-8", LABEL, printer))
    finally:
        stopped.close()
    words = describe(caught.value, "en")
    assert "not running" in words and "does not exist" not in words
    assert "打印服务" in describe(caught.value, "zh")
