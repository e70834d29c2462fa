"""Turn a ``LabelContent`` into the bytes a particular printer wants."""

from __future__ import annotations

from printing.content import LabelContent
from printing.pdf import render_pdf, render_png
from printing.port import (
    CONTENT_TYPES,
    DeviceSettings,
    LabelPrinter,
    PayloadFormat,
    PrinterMediaTooSmallError,
    PrintJob,
)
from printing.zpl import render_zpl

# A label may be this much larger than the stock (mm): template sizes are rounded the same
# way stock sizes are written, and a tenth of a millimetre is below one 600-dpi dot's width.
_MEDIA_TOLERANCE_MM = 0.05


def render_payload(
    content: LabelContent, payload_format: PayloadFormat, dpi: int, darkness: int | None = None
) -> bytes:
    """``darkness`` (ZPL only): the ``^MD`` adjustment sent with the label."""
    if payload_format == "zpl":
        return render_zpl(content, dpi, darkness)
    if payload_format == "pdf":
        return render_pdf(content, dpi)
    return render_png(content, dpi)


def make_job(job_id: str, content: LabelContent, printer: LabelPrinter) -> PrintJob:
    """A job in ``printer``'s format and resolution, ready for ``printer.send``; with a station
    profile, refused (``PrinterMediaTooSmallError``) if it does not fit the media loaded."""
    darkness = None
    if isinstance(printer, DeviceSettings):
        _require_fit(content, printer.name, printer.media_mm)
        darkness = printer.darkness
    payload = render_payload(content, printer.payload_format, printer.dpi, darkness)
    content_type = CONTENT_TYPES[printer.payload_format]
    return PrintJob(job_id, payload, content_type, content.width_mm, content.height_mm)


def _require_fit(content: LabelContent, printer: str, media: tuple[float, float] | None) -> None:
    if media is None:
        return
    width, height = media
    if content.width_mm > width + _MEDIA_TOLERANCE_MM or (
        content.height_mm > height + _MEDIA_TOLERANCE_MM
    ):
        raise PrinterMediaTooSmallError(
            printer=printer,
            label=f"{content.width_mm:g}×{content.height_mm:g}",
            media=f"{width:g}×{height:g}",
        )
