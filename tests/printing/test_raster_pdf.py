"""Bitmap, PNG and PDF outputs: right size, one page per copy, symbols decodable."""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdf
from PIL import Image

from printing.content import Barcode, Biohazard, LabelContent, Symbology, Text
from printing.fonts import font_path, load_font
from printing.pdf import render_pdf, render_png
from printing.raster import render_image

LABEL = LabelContent(
    50,
    30,
    (
        Text(2, 2, "批号 LOT42", 3),
        Barcode(2, 8, Symbology.DATAMATRIX, "CT-1", module_mm=0.5),
        Biohazard(30, 8, 15),
    ),
)


def test_image_size_follows_label_size_and_dpi() -> None:
    assert render_image(LABEL, 203).size == (400, 240)
    assert render_image(LABEL, 300).size == (591, 354)


def test_text_is_shrunk_to_its_maximum_width() -> None:
    wide = Text(0, 0, "A rather long line of label text", 4, max_width_mm=20)
    image = render_image(LabelContent(60, 10, (wide,)), 300)
    ink = image.convert("L").point(lambda v: 255 - v).getbbox()
    assert ink is not None and ink[2] <= round(20 * 300 / 25.4)


def test_png_bytes_decode(decode_image: Callable[[Image.Image], list[tuple[str, str]]]) -> None:
    image = Image.open(io.BytesIO(render_png(LABEL, 300)))
    assert decode_image(image) == [("]d1", "CT-1")]


def test_pdf_has_one_page_per_copy_and_decodes(
    decode_image: Callable[[Image.Image], list[tuple[str, str]]],
    pdf_pages: Callable[[bytes, int], list[Image.Image]],
) -> None:
    pdf = render_pdf([LABEL, LabelContent(50, 30, LABEL.elements, copies=2)], dpi=300)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == 50  # label size in mm
    assert not reader.pages[0].images  # vector: no embedded bitmap
    pages = pdf_pages(pdf, 300)
    assert len(pages) == 3
    assert decode_image(pages[2]) == [("]d1", "CT-1")]


def test_font_lookup_is_cached_and_usable() -> None:
    assert font_path() is font_path()
    assert load_font(24).getlength("CT") > 0
