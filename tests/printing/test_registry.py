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
    assert (printer.address, printer.payload_format) == ("tcp://10.0.0.5:9100?dpi=300", "zpl")


def test_file_url_defaults_to_pdf(tmp_path: Path) -> None:
    printer = open_printer(tmp_path.as_uri())
    assert isinstance(printer, FilePrinter) and printer.payload_format == "pdf"


@pytest.mark.parametrize(
    ("url", "reason", "words"),
    [
        ("ftp://x", "unknown_scheme", "unknown kind of address"),
        ("printer-1", "unknown_scheme", "unknown kind of address"),
        ("tcp://:9100", "host_required", "host name is required"),
        ("tcp://host:99999", "port", "port"),
        ("tcp://host:0", "port", "port"),
        ("tcp://host?dpi=250", "dpi", "dpi"),
        ("tcp://host?dpi=nan", "dpi", "dpi"),
        ("tcp://host?dpi=1e999", "dpi", "dpi"),
        ("tcp://host?timeout=soon", "timeout", "timeout must be a number"),
        ("tcp://host?timeout=nan", "timeout", "timeout must be a number"),
        ("tcp://host?timeout=inf", "timeout", "timeout must be a number"),
        ("tcp://host?timeout=-1", "timeout", "timeout must be a number"),
        ("tcp://host?timeout=0", "timeout", "timeout must be a number"),
        ("tcp://host?timeout=301", "timeout", "timeout must be a number"),
        ("tcp://host?tiemout=5", "unknown_option", "option"),
        ("tcp://" + "a" * 150 + ":9100", "host_invalid", "host name"),  # a label > 63
        ("tcp://" + "a" * 5000 + ":9100", "too_long", "200 characters"),
        ("tcp://bad host:9100", "host_invalid", "host name"),
        ("tcp://[::1:9100", "unreadable", "URL"),
        ("file:///tmp/labels?format=bmp", "format", "format"),
        ("file://server/share", "directory", "absolute local directory"),
        ("file:///tmp/a%00b", "directory", "absolute local directory"),
        ("system://", "queue_required", "queue name"),
    ],
)
def test_bad_urls_are_rejected_with_a_reason(url: str, reason: str, words: str) -> None:
    with pytest.raises(UnsupportedPrinterAddressError) as caught:
        open_printer(url)
    assert caught.value.code == "printer_address_unsupported"
    assert caught.value.params["reason"] == reason
    assert words in describe(caught.value, "en")
    assert "无法使用" in describe(caught.value, "zh")
    assert len(describe(caught.value, "en")) < 600  # a runaway address is not echoed whole


def test_the_reason_is_in_the_readers_language() -> None:
    with pytest.raises(UnsupportedPrinterAddressError) as caught:
        open_printer("tcp://10.0.0.5?timeout=nan")
    assert "0.1 至 300" in describe(caught.value, "zh")
    assert "timeout must be a number of seconds" in describe(caught.value, "en")


@pytest.mark.parametrize(
    "url", ["tcp://10.0.0.5", "tcp://[fe80::1]:9100", "tcp://zebra-1.lab_net.local.:6101"]
)
def test_ip_addresses_and_host_names_are_accepted(url: str) -> None:
    assert isinstance(open_printer(url), TcpZplPrinter)


def test_a_socket_error_other_than_oserror_never_passes_the_printer() -> None:
    """A printer built by hand (no registry check) with a host no resolver takes: the print
    run must get a PrinterError, never a UnicodeError that would strand its job."""
    from printing.port import PrinterError, PrintJob

    printer = TcpZplPrinter("a" * 70 + ".example", timeout=0.5)
    with pytest.raises(PrinterError):
        printer.send(PrintJob(job_id="J1", payload=b"^XA^XZ", content_type="zpl"))


def test_system_url_gives_spooler_printer() -> None:
    printer = open_printer("system://ZEBRA_RAW")
    assert printer.payload_format == "zpl" and printer.name == "ZEBRA_RAW"


def test_system_url_names_its_spooler() -> None:
    printer = open_printer("system://Q?format=pdf&server=127.0.0.1:6310&timeout=5")
    assert isinstance(printer, system.SystemPrinter)
    assert (printer.server, printer.timeout) == ("127.0.0.1:6310", 5.0)
    assert printer.address == "system://Q?format=pdf&server=127.0.0.1:6310"
    assert open_printer("system://Q?server=/run/cups/cups.sock").address.endswith("cups.sock")


@pytest.mark.parametrize("server", ["127.0.0.1:0", "host:99999", "bad host:631", ":631"])
def test_system_url_refuses_a_bad_server(server: str) -> None:
    with pytest.raises(UnsupportedPrinterAddressError) as caught:
        open_printer(f"system://Q?server={server}")
    assert caught.value.params["reason"] == "server"
    assert "CUPS" in describe(caught.value, "zh")
