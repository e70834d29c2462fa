"""Directory and OS-spooler printers."""

from __future__ import annotations

import io
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from printing.content import Barcode, LabelContent, Symbology
from printing.payload import make_job
from printing.port import (
    CONTENT_TYPES,
    Outcome,
    PrinterRejectedError,
    PrinterUnreachableError,
    PrintJob,
)
from printing.registry import open_printer
from printing.transports.system import SystemPrinter

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


def _fake_lp(tmp_path: Path, exit_code: int = 0) -> Path:
    """A stand-in ``lp`` that records its arguments and stdin, like CUPS would receive them."""
    script = tmp_path / "lp"
    script.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\n"
        f"out = pathlib.Path({str(tmp_path)!r})\n"
        "(out / 'args').write_text(' '.join(sys.argv[1:]))\n"
        "(out / 'stdin').write_bytes(sys.stdin.buffer.read())\n"
        "print('request id is ZEBRA_RAW-42 (1 file(s))')\n"
        f"sys.exit({exit_code})\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_system_printer_spools_raw_zpl_through_lp(tmp_path: Path) -> None:
    printer = SystemPrinter("ZEBRA_RAW", lp_command=str(_fake_lp(tmp_path)))
    job = make_job("JOB-3", LABEL, printer)
    result = printer.send(job)
    assert (result.outcome, result.detail) == (Outcome.SENT, "ZEBRA_RAW-42")
    assert (tmp_path / "args").read_text() == "-d ZEBRA_RAW -o raw -t JOB-3 -"
    assert (tmp_path / "stdin").read_bytes() == job.payload


def test_system_printer_reports_lp_failure(tmp_path: Path) -> None:
    printer = SystemPrinter("Q", lp_command=str(_fake_lp(tmp_path, exit_code=1)))
    with pytest.raises(PrinterRejectedError):
        printer.send(make_job("J", LABEL, printer))


def test_system_printer_without_lp_is_unreachable(tmp_path: Path) -> None:
    printer = SystemPrinter("Q", lp_command=str(tmp_path / "no-such-lp"))
    with pytest.raises(PrinterUnreachableError):
        printer.send(make_job("J", LABEL, printer))
