"""The vector PDF: page = label size, real searchable text (Chinese too), decodable vector
bar codes, the biohazard mark as paths, and a typed refusal when a character has no font."""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdf
import pytest
from PIL import Image, ImageChops

from printing.content import GS, Barcode, Biohazard, LabelContent, Symbology, Text
from printing.errors import LabelFontMissingError
from printing.measure import ink_box_mm
from printing.pdf import layout_pdf, render_pdf
from printing.raster import render_image

Pages = Callable[[bytes, int], list[Image.Image]]
Decode = Callable[[Image.Image], list[tuple[str, str]]]

DIN = "A9999 24 123456 Q"
BAG = LabelContent(
    86,
    69,
    (
        Barcode(3, 2, Symbology.CODE128, "=A99992412345600", height_mm=8),
        Text(3, 11, DIN[:-1], 3.4, bold=True),
        Text(33, 11, "Q", 3.4, bold=True, boxed=True),
        Text(3, 16, "Human umbilical cord MSC injection", 2.6),
        Text(3, 20, "人脐带间充质干细胞注射液", 2.6, bold=True),
        Barcode(3, 26, Symbology.GS1_128, "10LOT42" + GS + "21SN0001", height_mm=8),
        Barcode(60, 30, Symbology.DATAMATRIX, "=A99992412345600=<S1234V00", module_mm=0.4),
        Barcode(60, 48, Symbology.QR, "批号 B-01", module_mm=0.5),
        Biohazard(60, 4, 14),
    ),
)
WANTED = [
    ("]C0", "=A99992412345600"),
    ("]C1", "10LOT42" + GS + "21SN0001"),
    ("]Q1", "批号 B-01"),
    ("]d1", "=A99992412345600=<S1234V00"),
]


def test_text_is_real_and_searchable() -> None:
    text = pypdf.PdfReader(io.BytesIO(render_pdf(BAG))).pages[0].extract_text()
    for wanted in (
        "A9999 24 123456",
        "Human umbilical cord MSC injection",
        "人脐带间充质干细胞注射液",
    ):
        assert wanted in text
    assert "Q" in text  # the boxed check character


def test_fonts_are_embedded_and_no_page_is_a_bitmap() -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(BAG)))
    page = reader.pages[0]
    assert not page.images
    fonts = page["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        descriptor = ref.get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # TrueType program inside the file


def test_each_page_is_its_label_size_in_mm_unrotated() -> None:
    small = LabelContent(25, 10, (Text(1, 1, "CT-1 批号", 2),), copies=2)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf([BAG, small])))
    sizes = [(86, 69), (25, 10), (25, 10)]
    assert len(reader.pages) == len(sizes)
    for page, (width, height) in zip(reader.pages, sizes, strict=True):
        assert abs(float(page.mediabox.width) / 72 * 25.4 - width) < 0.1
        assert abs(float(page.mediabox.height) / 72 * 25.4 - height) < 0.1
        assert page.rotation == 0


@pytest.mark.parametrize("dpi", [203, 300])
def test_vector_bar_codes_decode_after_rasterising(
    dpi: int, pdf_pages: Pages, decode_image: Decode
) -> None:
    [page] = pdf_pages(render_pdf(BAG, dpi), dpi)
    assert decode_image(page) == WANTED


def _region(image: Image.Image, mark: Biohazard, dpi: int) -> Image.Image:
    def dots(v: float) -> int:
        return round(v * dpi / 25.4)

    box = (
        dots(mark.x_mm),
        dots(mark.y_mm),
        dots(mark.x_mm + mark.size_mm),
        dots(mark.y_mm + mark.size_mm),
    )
    return image.convert("L").crop(box).point(lambda v: 255 if v < 128 else 0).convert("1")


def _ink(image: Image.Image) -> int:
    return image.histogram()[255]


def test_biohazard_is_in_the_pdf_and_the_png_and_they_agree(pdf_pages: Pages) -> None:
    mark = BAG.elements[-1]
    assert isinstance(mark, Biohazard)
    [page] = pdf_pages(render_pdf(BAG, 300), 300)
    vector, raster = _region(page, mark, 300), _region(render_image(BAG, 300), mark, 300)
    ink = _ink(vector)
    assert ink > 0.2 * vector.width * vector.height  # a bold triangle and a trefoil
    differ = _ink(ImageChops.logical_xor(vector, raster))
    assert differ < 0.08 * vector.width * vector.height  # same geometry, edges aside
    without = LabelContent(86, 69, BAG.elements[:-1])
    [blank] = pdf_pages(render_pdf(without, 300), 300)
    assert _ink(_region(blank, mark, 300)) == 0


def test_boxed_text_gets_a_frame_around_its_ink() -> None:
    _, [drawn] = layout_pdf(LabelContent(20, 10, (Text(2, 2, "Q", 3, boxed=True),)))
    text, frame = drawn
    assert (text.kind, frame.kind) == ("text", "box")
    left, top, right, bottom = ink_box_mm("Q", 3)
    assert frame.x_mm < text.x_mm + left and frame.x_mm + frame.width_mm > text.x_mm + right
    assert frame.y_mm < text.y_mm + top and frame.y_mm + frame.height_mm > text.y_mm + bottom


def test_a_character_no_font_has_is_refused_not_dropped() -> None:
    label = LabelContent(20, 10, (Text(1, 1, "CT \ue000", 2),))  # private use: no glyph
    with pytest.raises(LabelFontMissingError) as raised:
        render_pdf(label)
    assert raised.value.params["chars"] == "\ue000"
    assert raised.value.code == "printer_font_missing"


def test_documents_with_different_characters_each_get_their_own_glyphs() -> None:
    # reportlab once drew a second subset of a face with the first one's glyphs (tofu).
    for words in ("供者 批号", "收获 有效期 批号", "储存 状态"):
        pdf = render_pdf(LabelContent(40, 10, (Text(1, 1, words, 3, bold=True),)))
        assert words in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
