"""A station's printer profile: settings in, the printer address the print path uses out."""

from __future__ import annotations

from typing import Any

import pytest

from models.i18n import describe
from printing.errors import PrinterError, PrinterProfileError, UnsupportedPrinterAddressError
from printing.profile import PrinterProfile
from printing.registry import open_printer
from printing.transports.system import SystemPrinter
from printing.transports.tcp import TcpZplPrinter


def test_zebra_profile_becomes_the_address_with_its_options() -> None:
    profile = PrinterProfile(
        "tcp://10.0.0.21:9100",
        dpi=300,
        media_width_mm=104,
        media_height_mm=150,
        darkness=5,
        status=False,
    )
    profile.check()
    printer = open_printer(profile.url())
    assert isinstance(printer, TcpZplPrinter)
    assert (printer.dpi, printer.dpi_fixed, printer.check_status) == (300, True, False)
    assert (printer.media_mm, printer.darkness) == ((104.0, 150.0), 5)


def test_profile_without_dpi_leaves_it_to_the_printer() -> None:
    printer = open_printer(PrinterProfile("tcp://10.0.0.21").url())
    assert isinstance(printer, TcpZplPrinter) and not printer.dpi_fixed


def test_spooler_profile_carries_language_and_media() -> None:
    profile = PrinterProfile(
        "system://Zebra_PDF", language="pdf", media_width_mm=86, media_height_mm=69
    )
    printer = open_printer(profile.url())
    assert isinstance(printer, SystemPrinter)
    assert (printer.payload_format, printer.media_mm) == ("pdf", (86.0, 69.0))


def test_round_trip_through_json_values() -> None:
    profile = PrinterProfile(
        "tcp://10.0.0.21:9100", dpi=600, media_width_mm=50.5, media_height_mm=25
    )
    assert PrinterProfile.from_dict(profile.to_dict()) == profile
    assert PrinterProfile.from_dict({"address": "tcp://h", "dpi": 300.0}).dpi == 300


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (["tcp://h"], "entry"),
        ({"dpi": 300}, "keys"),
        ({"address": "tcp://h", "colour": "red"}, "keys"),
        ({"address": "tcp://h", "dpi": "300"}, "type"),
        ({"address": "tcp://h", "dpi": 300.5}, "type"),
        ({"address": "tcp://h", "darkness": True}, "type"),
        ({"address": "tcp://h", "status": "off"}, "type"),
        ({"address": "tcp://h?dpi=300"}, "address_options"),
        ({"address": "tcp://h", "language": "pcl"}, "language"),
        ({"address": "tcp://h", "language": "pdf"}, "language_tcp"),
        ({"address": "tcp://h", "media_width_mm": 100}, "media_pair"),
        ({"address": "system://Q", "language": "pdf", "darkness": 3}, "darkness_zpl"),
    ],
)
def test_profile_refusals_are_typed_and_worded(data: Any, reason: str) -> None:
    with pytest.raises(PrinterProfileError) as caught:
        PrinterProfile.from_dict(data)
    assert caught.value.params["reason"] == reason
    for lang in ("en", "zh-CN"):
        text = describe(caught.value, lang)
        assert "printer_profile_problem" not in text and "{" not in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"address": "tcp://h", "dpi": 250}, "dpi"),
        ({"address": "tcp://h", "darkness": 31}, "darkness"),
        ({"address": "tcp://h", "media_width_mm": 0, "media_height_mm": 50}, "media"),
        ({"address": "file:///tmp/labels", "language": "pdf", "status": False}, "unknown_option"),
        ({"address": "ftp://h"}, "unknown_scheme"),
    ],
)
def test_out_of_range_settings_are_refused_as_addresses(data: Any, reason: str) -> None:
    with pytest.raises(UnsupportedPrinterAddressError) as caught:
        PrinterProfile.from_dict(data)
    assert caught.value.params["reason"] == reason
    assert "printer_address_problem" not in describe(caught.value, "zh-CN")


@pytest.mark.parametrize("media", ["104", "axb", "104x", "nanx5", "5x400"])
def test_media_option_is_checked(media: str) -> None:
    with pytest.raises(PrinterError):
        open_printer(f"tcp://h?media={media}")
