"""PDF (vector) and PNG (raster) bytes for spoolers, files and previews.

The PDF page is the label's size in millimetres exactly, unrotated, one page per label copy.
Text is real text in the raster's own font, embedded (``printing.pdf_fonts``), so it can be
searched and copied; bar codes are filled rectangles whose module width is snapped to whole
dots at ``dpi`` (what the printer will print); the biohazard mark is the same geometry the
raster paints (``printing.marks``), as paths.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable

from reportlab.lib import units
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from printing.content import Barcode, Biohazard, Box, LabelContent, Line, Text, mm_to_dots
from printing.marks import Disc, Ring, Triangle, biohazard_shapes
from printing.measure import line_em
from printing.pdf_fonts import PdfFont, pdf_font
from printing.raster import render_image
from printing.symbols import linear_modules, matrix_modules
from printing.walk import Drawn, line_extent, module_mm, walk

mm = float(units.mm)  # points per millimetre


def render_pdf(contents: LabelContent | Iterable[LabelContent], dpi: int = 300) -> bytes:
    """One page per label copy (``copies`` repeats the page), in order."""
    return layout_pdf(contents, dpi)[0]


def layout_pdf(
    contents: LabelContent | Iterable[LabelContent], dpi: int = 300
) -> tuple[bytes, list[list[Drawn]]]:
    """The PDF and, per page, the elements drawn on it (``printing.walk``)."""
    labels = [contents] if isinstance(contents, LabelContent) else list(contents)
    if not labels:
        raise ValueError("render_pdf needs at least one label")
    fonts = _document_fonts(labels)
    buffer = io.BytesIO()
    # invariant: no creation date or random id, so equal labels give equal bytes.  The
    # initial font is ours, so no unembedded Helvetica is named in the file.
    initial = next(iter(fonts.values())).name if fonts else None
    pdf = Canvas(buffer, pageCompression=1, invariant=1, initialFontName=initial)
    pages: list[list[Drawn]] = []
    for label in labels:
        for _ in range(label.copies):
            pdf.setPageSize((label.width_mm * mm, label.height_mm * mm))
            pages.append(walk(label, _PdfCanvas(pdf, label.height_mm, dpi, fonts)))
            pdf.showPage()
    pdf.save()
    return buffer.getvalue(), pages


def render_png(content: LabelContent, dpi: int = 300) -> bytes:
    """One copy of the label as PNG (``copies`` is ignored: PNG is for preview and files)."""
    buffer = io.BytesIO()
    render_image(content, dpi).save(buffer, "PNG", dpi=(dpi, dpi))
    return buffer.getvalue()


def _document_fonts(labels: list[LabelContent]) -> dict[bool, PdfFont]:
    """One font per weight for the whole document, covering every text in it (converting a
    face takes a few hundred ms; a batch's labels share their wording and so their font)."""
    texts: dict[bool, set[str]] = {}
    for label in labels:
        for element in label.elements:
            if isinstance(element, Text):
                texts.setdefault(element.bold, set()).update(element.text)
    return {bold: pdf_font("".join(sorted(chars)), bold) for bold, chars in texts.items()}


class _PdfCanvas:
    """Draws one page in points; takes millimetres from the top-left like the layout."""

    def __init__(
        self, pdf: Canvas, page_height_mm: float, dpi: int, fonts: dict[bool, PdfFont]
    ) -> None:
        self.pdf, self.page_height_mm, self.dpi = pdf, page_height_mm, dpi
        self.fonts = fonts

    def _x(self, x_mm: float) -> float:
        return float(x_mm * mm)

    def _y(self, y_mm: float) -> float:
        return float((self.page_height_mm - y_mm) * mm)

    def text(self, text: Text) -> Drawn:
        font = self.fonts[text.bold]
        size = text.height_mm * mm
        width = stringWidth(text.text, font.name, size)
        if text.max_width_mm is not None and width > text.max_width_mm * mm > 0:
            size *= text.max_width_mm * mm / width  # shrink, never wrap, as the raster does
            width = stringWidth(text.text, font.name, size)
        self.pdf.setFillGray(0)
        self.pdf.setFont(font.name, size)
        if text.rotated:
            return self._rotated(text, font, size, width)
        baseline = self._y(text.y_mm) - font.ascent * size  # (x, y) is the ascender line
        self.pdf.drawString(self._x(text.x_mm), baseline, text.text)
        return Drawn("text", text.x_mm, text.y_mm, width / mm, size / mm, text.text)

    def _rotated(self, text: Text, font: PdfFont, size: float, width: float) -> Drawn:
        """Turned 90° clockwise: the line's ascender line is the right edge of its column,
        so the baseline lies one descent in from the left edge (as on the raster)."""
        depth = line_em(text.bold) * size / mm
        baseline = text.x_mm + (line_em(text.bold) - font.ascent) * size / mm
        self.pdf.saveState()
        self.pdf.translate(self._x(baseline), self._y(text.y_mm))
        self.pdf.rotate(-90)  # reportlab turns counter-clockwise; the text reads downwards
        self.pdf.drawString(0, 0, text.text)
        self.pdf.restoreState()
        return Drawn("text", text.x_mm, text.y_mm, depth, width / mm, text.text)

    def barcode(self, code: Barcode) -> Drawn:
        module = module_mm(code, self.dpi)
        if code.symbology.is_linear:
            height = max(1, mm_to_dots(code.height_mm, self.dpi)) * 25.4 / self.dpi
            rows: list[str] = [linear_modules(code.symbology, code.data)]
            row_height = height
        else:
            matrix = matrix_modules(code.symbology, code.data)
            rows = ["".join("1" if dark else "0" for dark in row) for row in matrix]
            row_height, height = module, module * len(matrix)
        path = self.pdf.beginPath()
        for index, row in enumerate(rows):
            top = code.y_mm + index * row_height
            for start, length in _runs(row):
                # One path for the whole symbol: adjacent modules fill without seams.
                path.rect(
                    self._x(code.x_mm + start * module),
                    self._y(top + row_height),
                    length * module * mm,
                    row_height * mm,
                )
        self.pdf.setFillGray(0)
        self.pdf.drawPath(path, stroke=0, fill=1)
        width = len(rows[0]) * module
        return Drawn("barcode", code.x_mm, code.y_mm, width, height, code.data)

    def box(self, box: Box) -> Drawn:
        self.pdf.setFillGray(0)
        if box.filled:
            self._rect(box.x_mm, box.y_mm, box.width_mm, box.height_mm, fill=True)
        else:
            # The raster's frame lies inside the box; a PDF stroke is centred on its path.
            inset = min(box.thickness_mm, box.width_mm, box.height_mm) / 2
            self.pdf.setStrokeGray(0)
            self.pdf.setLineWidth(2 * inset * mm)
            self.pdf.setLineJoin(0)
            self._rect(
                box.x_mm + inset,
                box.y_mm + inset,
                box.width_mm - 2 * inset,
                box.height_mm - 2 * inset,
                fill=False,
            )
        return Drawn("box", box.x_mm, box.y_mm, box.width_mm, box.height_mm)

    def _rect(self, x_mm: float, y_mm: float, w_mm: float, h_mm: float, fill: bool) -> None:
        self.pdf.rect(
            self._x(x_mm), self._y(y_mm + h_mm), w_mm * mm, h_mm * mm, stroke=not fill, fill=fill
        )

    def line(self, line: Line) -> Drawn:
        self.pdf.setStrokeGray(0)
        self.pdf.setLineWidth(line.thickness_mm * mm)
        self.pdf.line(
            self._x(line.x_mm), self._y(line.y_mm), self._x(line.x2_mm), self._y(line.y2_mm)
        )
        return line_extent(line)

    def biohazard(self, mark: Biohazard) -> Drawn:
        for shape in biohazard_shapes(mark.x_mm, mark.y_mm, mark.size_mm):
            if isinstance(shape, Triangle):
                self._triangle(shape)
            elif isinstance(shape, Disc):
                self.pdf.setFillGray(0 if shape.ink else 1)
                self.pdf.circle(self._x(shape.cx), self._y(shape.cy), shape.r * mm, 0, 1)
            else:
                self._ring(shape)
        size = mark.size_mm
        return Drawn("biohazard", mark.x_mm, mark.y_mm, size, size)

    def _triangle(self, shape: Triangle) -> None:
        # Stroke a triangle shrunk towards its incentre by half the stroke, so the stroke
        # lies inside the corners as on the bitmap.
        (ax, ay), (bx, by), (cx, cy) = shape.corners
        sides = (
            math.dist((bx, by), (cx, cy)),
            math.dist((ax, ay), (cx, cy)),
            math.dist((ax, ay), (bx, by)),
        )
        perimeter = sum(sides)
        ix = (sides[0] * ax + sides[1] * bx + sides[2] * cx) / perimeter
        iy = (sides[0] * ay + sides[1] * by + sides[2] * cy) / perimeter
        area = abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2
        inradius = 2 * area / perimeter
        scale = max(0.0, (inradius - shape.width / 2) / inradius)
        path = self.pdf.beginPath()
        for index, (px, py) in enumerate(shape.corners):
            x, y = self._x(ix + (px - ix) * scale), self._y(iy + (py - iy) * scale)
            path.moveTo(x, y) if index == 0 else path.lineTo(x, y)
        path.close()
        self.pdf.setStrokeGray(0)
        self.pdf.setLineWidth(shape.width * mm)
        self.pdf.setLineJoin(0)
        self.pdf.drawPath(path, stroke=1, fill=0)

    def _ring(self, shape: Ring) -> None:
        self.pdf.setStrokeGray(0)
        self.pdf.setLineWidth(shape.width * mm)
        radius = (shape.r - shape.width / 2) * mm
        self.pdf.circle(self._x(shape.cx), self._y(shape.cy), radius, 1, 0)


def _runs(bits: str) -> list[tuple[int, int]]:
    """(start, length) of every run of "1"s."""
    runs: list[tuple[int, int]] = []
    start = -1
    for index, bit in enumerate(bits + "0"):
        if bit == "1" and start < 0:
            start = index
        elif bit != "1" and start >= 0:
            runs.append((start, index - start))
            start = -1
    return runs
