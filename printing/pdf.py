"""PDF and PNG bytes for spoolers, files and previews, from the 1-bit raster.

The PDF embeds one lossless 1-bit image per page at ``dpi`` (Pillow's PDF writer), page size
= label size.  Good enough for office printers and archives; vector PDF is not needed for
labels whose bar codes are already snapped to the printer grid.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from printing.content import LabelContent
from printing.raster import render_image


def render_pdf(contents: LabelContent | Iterable[LabelContent], dpi: int = 300) -> bytes:
    """One page per label copy (``copies`` repeats the page), in order."""
    labels = [contents] if isinstance(contents, LabelContent) else list(contents)
    if not labels:
        raise ValueError("render_pdf needs at least one label")
    pages = [render_image(label, dpi) for label in labels for _ in range(label.copies)]
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi))
    return buffer.getvalue()


def render_png(content: LabelContent, dpi: int = 300) -> bytes:
    """One copy of the label as PNG (``copies`` is ignored: PNG is for preview and files)."""
    buffer = io.BytesIO()
    render_image(content, dpi).save(buffer, "PNG", dpi=(dpi, dpi))
    return buffer.getvalue()
