"""One layout, many renderers: ZPL, PNG (and so the preview) and PDF draw the same elements
in the same places, and what each says it drew is really on its output."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PIL import Image

from printing.content import GS, Barcode, Biohazard, Box, LabelContent, Line, Symbology, Text
from printing.elements import drawn_elements
from printing.raster import layout_image
from printing.walk import Drawn

LABEL = LabelContent(
    100,
    76,
    (
        Box(1, 1, 98, 74),
        Barcode(3, 3, Symbology.CODE128, "=A99992412345600", height_mm=8),
        Text(3, 12, "A9999 24 123456", 3.4, bold=True),
        Text(34, 12, "Q", 3.4, bold=True, boxed=True),
        Text(39, 12, "05", 2.4, bold=True, rotated=True),
        Text(3, 18, "人脐带间充质干细胞注射液", 3),
        Text(3, 23, "Human umbilical cord MSC injection, a rather long line", 2.5, max_width_mm=60),
        Line(3, 28, 97, 28),
        Barcode(3, 31, Symbology.GS1_128, "10LOT42" + GS + "21SN0001", height_mm=8),
        Barcode(70, 40, Symbology.GS1_DATAMATRIX, "10LOT42" + GS + "21SN0001", module_mm=0.5),
        Barcode(40, 50, Symbology.QR, "批号 B-01", module_mm=0.5),
        Box(3, 60, 20, 8, filled=True),
        Biohazard(80, 4, 12),
    ),
)
Pages = Callable[[bytes, int], list[Image.Image]]


def _close(a: Drawn, b: Drawn, dpi: int, size_tolerance_mm: float) -> bool:
    dot = 25.4 / dpi
    return (
        abs(a.x_mm - b.x_mm) <= dot
        and abs(a.y_mm - b.y_mm) <= dot
        and abs(a.width_mm - b.width_mm) <= size_tolerance_mm
        and abs(a.height_mm - b.height_mm) <= size_tolerance_mm
    )


@pytest.mark.parametrize("dpi", [203, 300])
def test_zpl_png_and_pdf_draw_the_same_elements_in_the_same_places(dpi: int) -> None:
    lists = {r: drawn_elements(LABEL, r, dpi) for r in ("zpl", "png", "pdf")}
    shapes = {r: [(d.kind, d.data) for d in drawn] for r, drawn in lists.items()}
    assert shapes["zpl"] == shapes["png"] == shapes["pdf"]
    kinds = {kind for kind, _ in shapes["png"]}
    assert kinds == {"text", "barcode", "box", "line", "biohazard"}
    for zpl, png, pdf in zip(lists["zpl"], lists["png"], lists["pdf"], strict=True):
        # Symbols are whole modules everywhere: equal to a dot.  Text is measured with the
        # raster's whole-dot font sizes against the PDF's exact ones: 3 % of its width.
        tolerance = 25.4 / dpi if png.kind != "text" else max(0.2, 0.03 * png.width_mm)
        assert _close(png, pdf, dpi, tolerance), (png, pdf)
        if not (zpl.kind == "text" and zpl.data.isascii()):  # font 0 keeps full height
            assert _close(png, zpl, dpi, tolerance), (png, zpl)
        else:
            assert _close(png, zpl, dpi, max(tolerance, 0.6)), (png, zpl)


def test_fitted_text_stays_within_its_width_everywhere() -> None:
    for renderer in ("png", "pdf"):
        [fitted] = [d for d in drawn_elements(LABEL, renderer, 300) if "rather long" in d.data]
        assert fitted.width_mm <= 60 + 0.01


def _ink_box(image: Image.Image, drawn: Drawn, dpi: int) -> tuple[int, int, int, int] | None:
    """The bounding box of ink inside ``drawn``'s extent widened by 0.3 mm, in dots."""
    pad = 0.3

    def dots(mm: float) -> int:
        return round(mm * dpi / 25.4)

    x0, y0 = dots(drawn.x_mm - pad), dots(drawn.y_mm - pad)
    box = (
        x0,
        y0,
        dots(drawn.x_mm + drawn.width_mm + pad),
        dots(drawn.y_mm + drawn.height_mm + pad),
    )
    ink = image.convert("L").crop(box).point(lambda v: 255 if v < 128 else 0).getbbox()
    return None if ink is None else (ink[0] + x0, ink[1] + y0, ink[2] + x0, ink[3] + y0)


def _assert_listed_where_inked(image: Image.Image, drawn: list[Drawn], dpi: int) -> None:
    def dots(mm: float) -> int:
        return round(mm * dpi / 25.4)

    for item in drawn:
        found = _ink_box(image, item, dpi)
        assert found is not None, item
        if item.kind in ("barcode", "biohazard"):
            want = (dots(item.x_mm), dots(item.y_mm))
            want += (dots(item.x_mm + item.width_mm), dots(item.y_mm + item.height_mm))
            # The biohazard's triangle is narrower than its square: only x and bottom bind.
            if item.kind == "biohazard":
                found, want = found[::2], want[::2]
            assert all(abs(f - w) <= 2 for f, w in zip(found, want, strict=True)), (item, found)


def test_what_the_png_lists_is_on_the_png() -> None:
    image, drawn = layout_image(LABEL, 300)
    _assert_listed_where_inked(image, drawn, 300)


def test_what_the_pdf_lists_is_on_the_pdf(pdf_pages: Pages) -> None:
    from printing.pdf import layout_pdf

    pdf, [drawn] = layout_pdf(LABEL, 300)
    [page] = pdf_pages(pdf, 300)
    _assert_listed_where_inked(page, drawn, 300)
