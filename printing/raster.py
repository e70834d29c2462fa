"""Render a ``LabelContent`` to a 1-bit bitmap at a printer's resolution.

Bar code modules are drawn as whole dots (``symbols.dots_per_module``), never scaled, so the
bitmap is print-grade at that dpi.  The same functions produce the bitmaps that ZPL embeds
for Chinese text and the biohazard mark.
"""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from printing.content import (
    Barcode,
    Biohazard,
    Box,
    LabelContent,
    Line,
    Text,
    mm_to_dots,
)
from printing.fonts import Font, load_font
from printing.marks import draw_biohazard
from printing.symbols import dots_per_module, linear_modules, matrix_modules
from printing.walk import Drawn, walk

INK, PAPER = 0, 1  # mode "1": 0 is black


def render_image(content: LabelContent, dpi: int = 300) -> Image.Image:
    """The whole label as a mode "1" image, (width, height) in dots, 0 = ink."""
    return layout_image(content, dpi)[0]


def layout_image(content: LabelContent, dpi: int = 300) -> tuple[Image.Image, list[Drawn]]:
    """The label's bitmap and the elements drawn on it (``printing.walk``)."""
    size = (mm_to_dots(content.width_mm, dpi), mm_to_dots(content.height_mm, dpi))
    image = Image.new("1", size, PAPER)
    drawn = walk(content, _RasterCanvas(image, dpi))
    return image, drawn


class _RasterCanvas:
    """Draws on a bitmap in whole dots and reports the dots it covered, in mm."""

    def __init__(self, image: Image.Image, dpi: int) -> None:
        self.image, self.draw, self.dpi = image, ImageDraw.Draw(image), dpi

    def _dots(self, mm: float) -> int:
        return mm_to_dots(mm, self.dpi)

    def _mm(self, dots: float) -> float:
        return dots * 25.4 / self.dpi

    def text(self, text: Text) -> Drawn:
        x, y = self._dots(text.x_mm), self._dots(text.y_mm)
        if text.rotated:
            bitmap = text_bitmap(text, self.dpi)
            self.image.paste(bitmap, (x, y))
            width, height = self._mm(bitmap.width), self._mm(bitmap.height)
            return Drawn("text", self._mm(x), self._mm(y), width, height, text.text)
        self.image.paste(text_bitmap(text, self.dpi), (x, y))
        font = fitted_font(text, self.dpi)
        size = float(getattr(font, "size", self._dots(text.height_mm)))
        width = self._mm(font.getlength(text.text))
        return Drawn("text", self._mm(x), self._mm(y), width, self._mm(size), text.text)

    def barcode(self, code: Barcode) -> Drawn:
        x, y = self._dots(code.x_mm), self._dots(code.y_mm)
        bitmap = barcode_bitmap(code, self.dpi)
        self.image.paste(bitmap, (x, y))
        width, height = self._mm(bitmap.width), self._mm(bitmap.height)
        return Drawn("barcode", self._mm(x), self._mm(y), width, height, code.data)

    def box(self, box: Box) -> Drawn:
        corners = _box_corners(box, self.dpi)
        if box.filled:
            self.draw.rectangle(corners, fill=INK)
        else:
            self.draw.rectangle(corners, outline=INK, width=max(1, self._dots(box.thickness_mm)))
        x0, y0, x1, y1 = (self._mm(v) for v in corners)
        step = self._mm(1)  # the corners are inclusive dots
        return Drawn("box", x0, y0, x1 - x0 + step, y1 - y0 + step)

    def line(self, line: Line) -> Drawn:
        start = (self._dots(line.x_mm), self._dots(line.y_mm))
        end = (self._dots(line.x2_mm), self._dots(line.y2_mm))
        self.draw.line([start, end], fill=INK, width=max(1, self._dots(line.thickness_mm)))
        x0, x1 = sorted((start[0], end[0]))
        y0, y1 = sorted((start[1], end[1]))
        return Drawn("line", self._mm(x0), self._mm(y0), self._mm(x1 - x0), self._mm(y1 - y0))

    def biohazard(self, mark: Biohazard) -> Drawn:
        x, y, size = self._dots(mark.x_mm), self._dots(mark.y_mm), self._dots(mark.size_mm)
        draw_biohazard(self.draw, x, y, size)
        return Drawn("biohazard", self._mm(x), self._mm(y), self._mm(size), self._mm(size))


def _box_corners(box: Box, dpi: int) -> tuple[int, int, int, int]:
    x0, y0 = mm_to_dots(box.x_mm, dpi), mm_to_dots(box.y_mm, dpi)
    return x0, y0, x0 + mm_to_dots(box.width_mm, dpi) - 1, y0 + mm_to_dots(box.height_mm, dpi) - 1


def fitted_font(text: Text, dpi: int) -> Font:
    """The font for ``text``, shrunk (never wrapped) until it fits ``max_width_mm``."""
    size = max(1, mm_to_dots(text.height_mm, dpi))
    font = load_font(size, text.bold)
    if text.max_width_mm is None:
        return font
    limit = mm_to_dots(text.max_width_mm, dpi)
    width = font.getlength(text.text)
    if width > limit > 0:
        font = load_font(max(1, math.floor(size * limit / width)), text.bold)
    return font


def text_bitmap(text: Text, dpi: int) -> Image.Image:
    """Just the text, tightly sized; its top-left is the element's (x, y) (ascender line).

    A rotated text is its whole line, ascender to descender line, turned 90° clockwise, so
    where its baseline falls does not depend on which glyphs it has.
    """
    font = fitted_font(text, dpi)
    left, top, right, bottom = font.getbbox(text.text, anchor="la")
    if text.rotated and hasattr(font, "getmetrics"):
        bottom = max(bottom, sum(font.getmetrics()))
    image = Image.new("1", (max(1, math.ceil(right)), max(1, math.ceil(bottom))), PAPER)
    ImageDraw.Draw(image).text((0, 0), text.text, font=font, fill=INK, anchor="la")
    return image.transpose(Image.Transpose.ROTATE_270) if text.rotated else image


def barcode_bitmap(code: Barcode, dpi: int) -> Image.Image:
    """The symbol drawn module by module, each module a whole number of dots."""
    module = dots_per_module(code.module_mm, dpi)
    if code.symbology.is_linear:
        bars = linear_modules(code.symbology, code.data)
        height = max(1, mm_to_dots(code.height_mm, dpi))
        image = Image.new("1", (len(bars) * module, height), PAPER)
        draw = ImageDraw.Draw(image)
        for index, bar in enumerate(bars):
            if bar == "1":
                left = index * module
                draw.rectangle((left, 0, left + module - 1, image.height), fill=INK)
        return image
    matrix = matrix_modules(code.symbology, code.data)
    image = Image.new("1", (len(matrix[0]) * module, len(matrix) * module), PAPER)
    draw = ImageDraw.Draw(image)
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                x, y = col_index * module, row_index * module
                draw.rectangle((x, y, x + module - 1, y + module - 1), fill=INK)
    return image


def biohazard_bitmap(mark: Biohazard, dpi: int) -> Image.Image:
    size = max(1, mm_to_dots(mark.size_mm, dpi))
    image = Image.new("1", (size, size), PAPER)
    draw_biohazard(ImageDraw.Draw(image), 0, 0, size)
    return image
