"""The print head's resolution read back with ~HI from a real loopback fake Zebra."""

from __future__ import annotations

import re

import pytest

from models.i18n import describe
from printing.content import Box, LabelContent
from printing.identify import parse_host_identification
from printing.payload import make_job
from printing.port import (
    PrinterMediaTooSmallError,
    PrinterResolutionMismatchError,
    PrinterResolutionUnreadableError,
)
from printing.registry import open_printer
from printing.resolution import at_device_resolution
from printing.transports.tcp import TcpZplPrinter
from tests.fakes.printers import FakeZebraPrinter

LABEL = LabelContent(width_mm=86.0, height_mm=69.0, elements=(Box(2, 2, 20, 10),))


def _pw(payload: bytes) -> int:
    found = re.search(rb"\^PW(\d+)", payload)
    assert found is not None
    return int(found.group(1))


@pytest.mark.parametrize(("dpi", "dots"), [(203, 687), (300, 1016), (600, 2031)])
def test_default_address_renders_at_the_printers_resolution(dpi: int, dots: int) -> None:
    with FakeZebraPrinter(dpi=dpi) as fake:
        printer = at_device_resolution(open_printer(fake.url))
    assert printer.dpi == dpi
    assert _pw(make_job("J1", LABEL, printer).payload) == dots  # 86 mm at the head's dpi


def test_fixed_dpi_that_differs_is_refused_in_both_languages() -> None:
    with FakeZebraPrinter(dpi=300) as fake:
        printer = open_printer(fake.url + "&dpi=203")
        with pytest.raises(PrinterResolutionMismatchError) as caught:
            at_device_resolution(printer)
        with pytest.raises(PrinterResolutionMismatchError):
            printer.probe()  # type: ignore[attr-defined]  # the CLI's check before a job
    assert "300 dpi" in describe(caught.value, "en") and "203 dpi" in describe(caught.value, "en")
    assert "分辨率" in describe(caught.value, "zh-CN")
    assert fake.jobs == []


def test_fixed_dpi_that_matches_is_used() -> None:
    with FakeZebraPrinter(dpi=300) as fake:
        printer = at_device_resolution(open_printer(fake.url + "&dpi=300"))
    assert printer.dpi == 300


def test_status_off_uses_the_configured_dpi_without_asking() -> None:
    with FakeZebraPrinter(dpi=300, behaviour="silent") as fake:
        printer = open_printer(fake.url + "&status=off&dpi=600")
        assert at_device_resolution(printer).dpi == 600
        assert open_printer(fake.url + "&status=off").dpi == 203
        assert at_device_resolution(open_printer(fake.url + "&status=off")).dpi == 203
    assert fake.identified == 0  # a device without status is never kept waiting for ~HI


def test_no_answer_to_hi_falls_back_to_the_configured_dpi() -> None:
    with FakeZebraPrinter(dpi=300, identify="silent") as fake:
        printer = TcpZplPrinter("127.0.0.1", fake.port, timeout=0.3)
        assert printer.query_resolution() is None
        assert at_device_resolution(printer).dpi == 203
        configured = TcpZplPrinter("127.0.0.1", fake.port, timeout=0.3, dpi=300)
        assert at_device_resolution(configured).dpi == 300


def test_garbage_answer_to_hi_is_a_typed_error() -> None:
    with (
        FakeZebraPrinter(identify="garbage") as fake,
        pytest.raises(PrinterResolutionUnreadableError) as caught,
    ):
        at_device_resolution(open_printer(fake.url))
    assert "HELLO" in describe(caught.value, "en")
    assert "分辨率" in describe(caught.value, "zh-CN")


@pytest.mark.parametrize(
    "reply",
    [b"", b"\x02ZT410,V1,xx,8KB\x03", b"\x02ZT410,V1,6,8KB\x03", b"\x02ZT410\x03", b"12"],
)
def test_unreadable_identifications(reply: bytes) -> None:
    with pytest.raises(PrinterResolutionUnreadableError):
        parse_host_identification(reply)


def test_real_identification_is_read() -> None:
    assert parse_host_identification(b"\x02ZD621-300dpi,V93.21.15Z,12,8192KB\x03\r\n") == 300


def test_darkness_is_sent_as_md_and_media_limits_the_label() -> None:
    printer = open_printer("tcp://127.0.0.1:9?darkness=-4&media=104x150")
    payload = make_job("J1", LABEL, printer).payload
    assert payload.startswith(b"^XA\n^CI28\n^MD-4\n")
    assert b"~SD" not in payload  # the printer's saved darkness is left alone
    assert b"^MD" not in make_job("J1", LABEL, open_printer("tcp://127.0.0.1:9")).payload
    narrow = open_printer("tcp://127.0.0.1:9?media=50x150")
    with pytest.raises(PrinterMediaTooSmallError) as caught:
        make_job("J1", LABEL, narrow)
    assert "86×69" in describe(caught.value, "en") and "50×150" in describe(caught.value, "zh-CN")


def test_profile_options_survive_in_the_recorded_address() -> None:
    url = "tcp://127.0.0.1:9?dpi=300&status=off&media=104x150&darkness=3&timeout=2"
    printer = open_printer(url)
    again = open_printer(printer.address)  # what a retry reopens from the job record
    assert isinstance(again, TcpZplPrinter)
    assert (again.dpi, again.dpi_fixed, again.check_status) == (300, True, False)
    assert (again.media_mm, again.darkness) == ((104.0, 150.0), 3)
