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
    Element,
    LabelContent,
    Line,
    Text,
    mm_to_dots,
)
from printing.fonts import Font, load_font
from printing.marks import draw_biohazard
from printing.symbols import dots_per_module, linear_modules, matrix_modules

INK, PAPER = 0, 1  # mode "1": 0 is black


def render_image(content: LabelContent, dpi: int = 300) -> Image.Image:
    """The whole label as a mode "1" image, (width, height) in dots, 0 = ink."""
    size = (mm_to_dots(content.width_mm, dpi), mm_to_dots(content.height_mm, dpi))
    image = Image.new("1", size, PAPER)
    draw = ImageDraw.Draw(image)
    for element in content.elements:
        _draw_element(image, draw, element, dpi)
    return image


def _draw_element(
    image: Image.Image, draw: ImageDraw.ImageDraw, element: Element, dpi: int
) -> None:
    def dots(mm: float) -> int:
        return mm_to_dots(mm, dpi)

    if isinstance(element, Text):
        image.paste(text_bitmap(element, dpi), (dots(element.x_mm), dots(element.y_mm)))
    elif isinstance(element, Barcode):
        image.paste(barcode_bitmap(element, dpi), (dots(element.x_mm), dots(element.y_mm)))
    elif isinstance(element, Box):
        box = _box_corners(element, dpi)
        if element.filled:
            draw.rectangle(box, fill=INK)
        else:
            draw.rectangle(box, outline=INK, width=max(1, dots(element.thickness_mm)))
    elif isinstance(element, Line):
        start = (dots(element.x_mm), dots(element.y_mm))
        end = (dots(element.x2_mm), dots(element.y2_mm))
        draw.line([start, end], fill=INK, width=max(1, dots(element.thickness_mm)))
    else:
        draw_biohazard(draw, dots(element.x_mm), dots(element.y_mm), dots(element.size_mm))


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
    """Just the text, tightly sized; its top-left is the element's (x, y) (ascender line)."""
    font = fitted_font(text, dpi)
    left, top, right, bottom = font.getbbox(text.text, anchor="la")
    image = Image.new("1", (max(1, math.ceil(right)), max(1, math.ceil(bottom))), PAPER)
    ImageDraw.Draw(image).text((0, 0), text.text, font=font, fill=INK, anchor="la")
    return image


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
