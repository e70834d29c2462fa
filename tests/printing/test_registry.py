"""Printers are chosen by the URL kept in settings; bad URLs fail with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.i18n import describe
from printing.port import UnsupportedPrinterAddressError
from printing.registry import open_printer
from printing.transports import system
from printing.transports.file import FilePrinter
from printing.transports.tcp import TcpZplPrinter


def test_tcp_url_gives_zpl_printer_with_default_port() -> None:
    printer = open_printer("tcp://10.0.0.5?dpi=300", name="Cleanroom 1")
    assert isinstance(printer, TcpZplPrinter)
    assert (printer.port, printer.dpi, printer.name) == (9100, 300, "Cleanroom 1")
    assert (printer.address, printer.payload_format) == ("tcp://10.0.0.5:9100", "zpl")


def test_file_url_defaults_to_pdf(tmp_path: Path) -> None:
    printer = open_printer(tmp_path.as_uri())
    assert isinstance(printer, FilePrinter) and printer.payload_format == "pdf"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://x", "unknown scheme"),
        ("printer-1", "unknown scheme"),
        ("tcp://:9100", "host name is required"),
        ("tcp://host:99999", "port"),
        ("tcp://host?dpi=250", "dpi"),
        ("tcp://host?timeout=soon", "timeout must be a number"),
        ("tcp://host?tiemout=5", "unknown option"),
        ("file:///tmp/labels?format=bmp", "format"),
        ("file://server/share", "absolute local directory"),
        ("system://", "queue name"),
    ],
)
def test_bad_urls_are_rejected_with_a_reason(url: str, reason: str) -> None:
    with pytest.raises(UnsupportedPrinterAddressError, match=reason) as caught:
        open_printer(url)
    assert caught.value.code == "printer_address_unsupported"
    assert "无法使用" in describe(caught.value, "zh")


@pytest.mark.skipif(not system.is_usable(), reason="lp (cups-client) is not installed")
def test_system_url_gives_spooler_printer() -> None:
    printer = open_printer("system://ZEBRA_RAW")
    assert printer.payload_format == "zpl" and printer.name == "ZEBRA_RAW"


@pytest.mark.skipif(system.is_usable(), reason="lp is installed here")
def test_system_url_without_lp_says_so() -> None:
    with pytest.raises(UnsupportedPrinterAddressError, match="lp command"):
        open_printer("system://ZEBRA_RAW")
