"""Turn a ``LabelContent`` into the bytes a particular printer wants."""

from __future__ import annotations

from printing.content import LabelContent
from printing.pdf import render_pdf, render_png
from printing.port import CONTENT_TYPES, LabelPrinter, PayloadFormat, PrintJob
from printing.zpl import render_zpl


def render_payload(content: LabelContent, payload_format: PayloadFormat, dpi: int) -> bytes:
    if payload_format == "zpl":
        return render_zpl(content, dpi)
    if payload_format == "pdf":
        return render_pdf(content, dpi)
    return render_png(content, dpi)


def make_job(job_id: str, content: LabelContent, printer: LabelPrinter) -> PrintJob:
    """A job in ``printer``'s format and resolution, ready for ``printer.send``."""
    payload = render_payload(content, printer.payload_format, printer.dpi)
    content_type = CONTENT_TYPES[printer.payload_format]
    return PrintJob(job_id, payload, content_type, content.width_mm, content.height_mm)
