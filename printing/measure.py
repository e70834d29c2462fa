"""Text metrics in millimetres, the same for every renderer and every resolution.

A layout that puts one text after another (the DIN, its flags, its boxed check character)
or frames a text needs its size before any device is chosen.  The raster, the PDF and the
ZPL graphics all draw with one face (``fonts.font_face``), so its metrics, read once at a
large reference size and scaled, are the metrics of every renderer to within a dot.
"""

from __future__ import annotations

import functools

from printing.fonts import load_font

_REFERENCE_PX = 1000  # large enough that rounding to whole pixels is below 0.1 %


@functools.cache
def _em_metrics(bold: bool) -> tuple[float, float]:
    font = load_font(_REFERENCE_PX, bold)
    ascent, descent = font.getmetrics() if hasattr(font, "getmetrics") else (_REFERENCE_PX, 0)
    return ascent / _REFERENCE_PX, descent / _REFERENCE_PX


def ascent_em(bold: bool = False) -> float:
    """From a text's top (its ascender line, where ``Text.y_mm`` lies) to its baseline."""
    return _em_metrics(bold)[0]


def line_em(bold: bool = False) -> float:
    """Ascender line to descender line: the depth of one line of text, in ems."""
    ascent, descent = _em_metrics(bold)
    return ascent + descent


def text_width_mm(text: str, height_mm: float, bold: bool = False) -> float:
    """The advance width of ``text`` at font size ``height_mm``."""
    return load_font(_REFERENCE_PX, bold).getlength(text) / _REFERENCE_PX * height_mm


def ink_box_mm(
    text: str, height_mm: float, bold: bool = False
) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the ink of ``text``, from the text's origin (its left
    edge on the ascender line), at font size ``height_mm``."""
    box = load_font(_REFERENCE_PX, bold).getbbox(text, anchor="la")
    left, top, right, bottom = (v / _REFERENCE_PX * height_mm for v in box)
    return left, top, right, bottom
