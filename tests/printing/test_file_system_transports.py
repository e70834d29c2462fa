"""Directory and OS-spooler printers."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from printing.content import Barcode, LabelContent, Symbology
from printing.errors import PrinterSpoolerDownError
from printing.payload import make_job
from printing.port import (
    CONTENT_TYPES,
    Outcome,
    PrinterRejectedError,
    PrinterUnreachableError,
    PrintJob,
)
from printing.registry import open_printer
from printing.transports import ipp
from printing.transports.system import SystemPrinter, media_attributes

LABEL = LabelContent(40, 20, (Barcode(3, 3, Symbology.GS1_DATAMATRIX, "10LOT42\x1d21SN1"),))
Decode = Callable[[Image.Image], list[tuple[str, str]]]


def test_file_printer_writes_decodable_pdf(
    tmp_path: Path, decode_image: Decode, pdf_pages: Callable[[bytes, int], list[Image.Image]]
) -> None:
    printer = open_printer(f"{tmp_path.as_uri()}?format=pdf")
    result = printer.send(make_job("JOB-7", LABEL, printer))
    assert result.outcome is Outcome.CONFIRMED
    assert [p.name for p in tmp_path.iterdir()] == ["JOB-7.pdf"]  # no temp files left
    assert len(pypdf.PdfReader(tmp_path / "JOB-7.pdf").pages) == 1
    [page] = pdf_pages((tmp_path / "JOB-7.pdf").read_bytes(), 300)
    assert decode_image(page) == [("]d2", "10LOT42\x1d21SN1")]


def test_file_printer_writes_decodable_png(tmp_path: Path, decode_image: Decode) -> None:
    printer = open_printer(f"{tmp_path.as_uri()}?format=png&dpi=203")
    printer.send(make_job("JOB-8", LABEL, printer))
    image = Image.open(io.BytesIO((tmp_path / "JOB-8.png").read_bytes()))
    assert image.size == (320, 160)
    assert decode_image(image) == [("]d2", "10LOT42\x1d21SN1")]


def test_file_printer_never_overwrites_a_job(tmp_path: Path) -> None:
    printer = open_printer(f"{tmp_path.as_uri()}?format=zpl")
    printer.send(make_job("JOB-1", LABEL, printer))
    with pytest.raises(PrinterRejectedError, match="already exists"):
        printer.send(make_job("JOB-1", LABEL, printer))


@pytest.mark.parametrize("job_id", ["../escape", "a/b", "", ".hidden"])
def test_file_printer_refuses_unsafe_job_ids(tmp_path: Path, job_id: str) -> None:
    printer = open_printer(f"{tmp_path.as_uri()}?format=zpl")
    with pytest.raises(PrinterRejectedError):
        printer.send(PrintJob(job_id, b"^XA^XZ", CONTENT_TYPES["zpl"]))


def test_missing_directory_is_unreachable(tmp_path: Path) -> None:
    printer = open_printer(f"{(tmp_path / 'absent').as_uri()}?format=zpl")
    with pytest.raises(PrinterUnreachableError):
        printer.send(PrintJob("J1", b"^XA^XZ", CONTENT_TYPES["zpl"]))


def test_system_printer_without_a_spooler_says_so(tmp_path: Path) -> None:
    """Nothing listens on the socket: the print service is down, not "no such printer"."""
    printer = SystemPrinter("Q", server=str(tmp_path / "no-cupsd.sock"), timeout=1)
    with pytest.raises(PrinterSpoolerDownError) as caught:
        printer.send(make_job("J", LABEL, printer))
    assert caught.value.params["server"] == str(tmp_path / "no-cupsd.sock")


def test_zpl_job_carries_no_media_and_pdf_job_its_size() -> None:
    zpl = PrintJob("J", b"^XA^XZ", CONTENT_TYPES["zpl"], 86, 69)
    assert media_attributes(zpl, "zpl", 203) == []
    pdf = PrintJob("J", b"%PDF", CONTENT_TYPES["pdf"], 25.4, 12.5)
    [media, *_] = media_attributes(pdf, "pdf", 203)
    assert media.values == ("Custom.25.4x12.5mm",)
    assert media_attributes(PrintJob("J", b"%PDF", CONTENT_TYPES["pdf"]), "pdf", 203) == []


def test_ipp_codec_reads_back_what_it_writes_and_refuses_garbage() -> None:
    request = ipp.encode(
        ipp.GET_JOB_ATTRIBUTES,
        3,
        [ipp.Attr.integer("job-id", 42), ipp.Attr.keyword("requested-attributes", "a", "b")],
        [ipp.Attr.boolean("fit-to-page", False)],
    )
    decoded = ipp.decode(request)  # a request has a reply's shape; its "status" is the op
    assert decoded.first("job-id") == 42
    assert decoded.attributes["requested-attributes"] == ["a", "b"]
    assert decoded.first("fit-to-page") is False
    for garbage in (b"", b"HTTP/1.1 200 OK\r\n", request[:-9]):
        with pytest.raises(ValueError):
            ipp.decode(garbage)
