"""Raw ZPL over TCP against a real loopback fake Zebra printer."""

from __future__ import annotations

import socket

import pytest

from models.i18n import describe
from printing.port import (
    CONTENT_TYPES,
    Outcome,
    PrinterError,
    PrinterNotReadyError,
    PrinterRejectedError,
    PrinterTimeoutError,
    PrinterUnreachableError,
    PrintJob,
)
from printing.registry import open_printer
from printing.status import PrinterStatus
from printing.transports.tcp import TcpZplPrinter
from tests.fakes.printers import FakeZebraPrinter

ZPL = b"^XA^CI28^FO10,10^A0N,30,30^FDCT-2026-0001-A^FS^XZ\n"


def _job(job_id: str = "JOB-1", payload: bytes = ZPL) -> PrintJob:
    return PrintJob(job_id, payload, CONTENT_TYPES["zpl"])


def test_job_bytes_arrive_exactly() -> None:
    big = ZPL + bytes(range(256)) * 400  # > one socket buffer, every byte value
    with FakeZebraPrinter() as fake:
        result = open_printer(fake.url, name="Z1").send(_job(payload=big))
        assert fake.wait_for_connections(1)
    assert result.outcome is Outcome.CONFIRMED and result.job_id == "JOB-1"
    assert fake.jobs == [big]


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (PrinterStatus(paper_out=True), "out of labels"),
        (PrinterStatus(paused=True), "paused"),
        (PrinterStatus(head_open=True), "head open"),
    ],
)
def test_not_ready_printer_gets_no_job_bytes(status: PrinterStatus, words: str) -> None:
    with FakeZebraPrinter(status=status) as fake:
        with pytest.raises(PrinterNotReadyError) as caught:
            open_printer(fake.url, name="Z1").send(_job())
        assert fake.wait_for_connections(1)
    assert fake.jobs == []
    assert words in describe(caught.value, "en")
    assert "未就绪" in describe(caught.value, "zh-CN")


def test_query_status_reads_the_printer() -> None:
    with FakeZebraPrinter(status=PrinterStatus(ribbon_out=True, labels_remaining=7)) as fake:
        printer = TcpZplPrinter("127.0.0.1", fake.port)
        status = printer.query_status()
    assert status.problems == ("ribbon_out",) and status.labels_remaining == 7


def test_status_check_can_be_switched_off_for_printers_without_hs() -> None:
    with FakeZebraPrinter(behaviour="silent") as fake:
        open_printer(fake.url + "&status=off").send(_job())
        assert fake.wait_for_connections(1)
    assert fake.jobs == [ZPL]


def test_dead_port_is_unreachable() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # free now, and nobody listens after the close
    with pytest.raises(PrinterUnreachableError):
        open_printer(f"tcp://127.0.0.1:{port}", name="gone").send(_job())


def test_printer_that_never_answers_times_out() -> None:
    with FakeZebraPrinter(behaviour="silent") as fake, pytest.raises(PrinterTimeoutError):
        TcpZplPrinter("127.0.0.1", fake.port, timeout=0.2).send(_job())
    assert fake.jobs == []


def test_connection_closed_by_printer_is_a_printer_error_and_sends_nothing() -> None:
    with FakeZebraPrinter(behaviour="close") as fake:
        with pytest.raises(PrinterError):
            open_printer(fake.url).send(_job())
        assert fake.wait_for_connections(1)
    assert fake.jobs == []


def test_pdf_job_is_refused_before_connecting() -> None:
    printer = TcpZplPrinter("127.0.0.1", 9)
    with pytest.raises(PrinterRejectedError):
        printer.send(PrintJob("J", b"%PDF", CONTENT_TYPES["pdf"]))
