"""One layout, many renderers: the element walk every renderer draws through.

ZPL, the raster (PNG, preview) and the vector PDF each implement ``Canvas``; ``walk`` hands
them the label's elements in order and collects what each one reports it drew, as ``Drawn``
records in millimetres from the label's top-left corner.  Each canvas measures with its own
means (font metrics, module counts, dots), so comparing the lists of two renderers checks
that they really put the same things in the same places (tests/printing).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from printing.content import Barcode, Biohazard, Box, LabelContent, Line, Text
from printing.measure import ink_box_mm
from printing.symbols import dots_per_module, linear_modules, matrix_modules

Kind = Literal["text", "barcode", "box", "line", "biohazard"]

# Gap between a boxed text (the DIN check character) and its frame, in the text's height
# (0.4 mm at 3.6 mm) but never under 0.15 mm; and the frame's weight (two dots at 203 dpi).
BOXED_PAD_EM = 0.11
BOXED_PAD_MIN_MM = 0.15
BOXED_FRAME_MM = 0.25


@dataclass(frozen=True)
class Drawn:
    """What a renderer put on the label: kind, top-left, extent, and its text or data.

    Text's (x, y) is its ascender line and ``height_mm`` its font size after fitting; a
    line's extent is its bounding box.
    """

    kind: Kind
    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    data: str = ""


class Canvas(Protocol):
    """A renderer's drawing surface; every method draws one element and says what it drew."""

    def text(self, text: Text) -> Drawn: ...

    def barcode(self, code: Barcode) -> Drawn: ...

    def box(self, box: Box) -> Drawn: ...

    def line(self, line: Line) -> Drawn: ...

    def biohazard(self, mark: Biohazard) -> Drawn: ...


def walk(content: LabelContent, canvas: Canvas) -> list[Drawn]:
    """Draw every element of ``content`` on ``canvas`` in order; what was drawn, in order."""
    drawn: list[Drawn] = []
    for element in content.elements:
        if isinstance(element, Text):
            drawn.append(canvas.text(element))
            if element.boxed:
                drawn.append(canvas.box(boxed_frame(element)))
        elif isinstance(element, Barcode):
            drawn.append(canvas.barcode(element))
        elif isinstance(element, Box):
            drawn.append(canvas.box(element))
        elif isinstance(element, Line):
            drawn.append(canvas.line(element))
        else:
            drawn.append(canvas.biohazard(element))
    return drawn


def boxed_frame(text: Text) -> Box:
    """The frame around a boxed text (ISBT 128 prints the DIN's check character boxed).

    It surrounds the text's ink, not its line: the ascender line lies well above a capital
    or digit, and the descender line below it.  The ink comes from the font every renderer
    draws with (``printing.measure``), so every renderer draws the same frame; the text is
    one character at its full size (``max_width_mm`` does not shrink it).
    """
    left, top, right, bottom = ink_box_mm(text.text, text.height_mm, text.bold)
    inset = boxed_inset_mm(text.height_mm)
    return Box(
        text.x_mm + left - inset,
        text.y_mm + top - inset,
        right - left + 2 * inset,
        bottom - top + 2 * inset,
        thickness_mm=BOXED_FRAME_MM,
    )


def boxed_inset_mm(height_mm: float) -> float:
    """From a boxed text's ink to the outer edge of its frame (drawn inside that edge)."""
    return max(BOXED_PAD_MIN_MM, BOXED_PAD_EM * height_mm) + BOXED_FRAME_MM


def symbol_modules(code: Barcode) -> tuple[int, int]:
    """(columns, rows) of a symbol in modules; rows is 0 for linear codes (bar height rules)."""
    if code.symbology.is_linear:
        return len(linear_modules(code.symbology, code.data)), 0
    matrix = matrix_modules(code.symbology, code.data)
    return len(matrix[0]), len(matrix)


def module_mm(code: Barcode, dpi: int) -> float:
    """The module width as printed: ``module_mm`` snapped to whole dots at ``dpi``."""
    return dots_per_module(code.module_mm, dpi) * 25.4 / dpi


def line_extent(line: Line) -> Drawn:
    x0, x1 = sorted((line.x_mm, line.x2_mm))
    y0, y1 = sorted((line.y_mm, line.y2_mm))
    return Drawn("line", x0, y0, x1 - x0, y1 - y0)
