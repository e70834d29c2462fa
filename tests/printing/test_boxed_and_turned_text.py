"""The two marks ISBT 128 puts on the eye-readable DIN, on every device: the check character
in a box whose frame touches nothing, and the flag characters turned 90° clockwise.

Checked on what each renderer really puts on paper: the PNG preview, the ZPL rasterised
offline (zplkit) and the vector PDF rasterised by pdftoppm."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PIL import Image, ImageChops

from printing.content import LabelContent, Text
from printing.pdf import render_pdf
from printing.raster import layout_image, render_image
from printing.walk import BOXED_FRAME_MM, Drawn, boxed_frame
from printing.zpl import render_zpl

DIN = Text(2, 2, "A9990 25 000001", 3.4, bold=True, exact_face=True)
FLAGS = Text(31.2, 3.3, "12", 2.4, bold=True, rotated=True)
CHECK = Text(36.5, 2, "8", 3.4, bold=True, boxed=True)
LABEL = LabelContent(42, 10, (DIN, FLAGS, CHECK))
Pages = Callable[[bytes, int], list[Image.Image]]
ZplImage = Callable[[bytes, int, float, float], Image.Image]


def _dots(mm: float, dpi: int) -> int:
    return round(mm * dpi / 25.4)


def _ink(image: Image.Image) -> Image.Image:
    """Ink as 255, paper as 0."""
    return image.convert("L").point(lambda v: 255 if v < 128 else 0)


def _crop(image: Image.Image, x: float, y: float, w: float, h: float, dpi: int) -> Image.Image:
    box = (_dots(x, dpi), _dots(y, dpi), _dots(x + w, dpi), _dots(y + h, dpi))
    return _ink(image).crop(box)


def _images(dpi: int, pages: Pages, zpl_image: ZplImage) -> dict[str, Image.Image]:
    return {
        "png": render_image(LABEL, dpi),
        "zpl": zpl_image(render_zpl(LABEL, dpi), dpi, LABEL.width_mm, LABEL.height_mm),
        "pdf": pages(render_pdf(LABEL, dpi), dpi)[0],
    }


@pytest.mark.parametrize("dpi", [203, 300])
def test_the_check_character_sits_in_a_closed_frame_it_does_not_touch(
    dpi: int, pdf_pages: Pages, zpl_image: ZplImage
) -> None:
    frame = boxed_frame(CHECK)
    dot = 25.4 / dpi
    for renderer, image in _images(dpi, pdf_pages, zpl_image).items():
        # the frame: a closed ring of ink
        ring = _crop(image, frame.x_mm, frame.y_mm, frame.width_mm, frame.height_mm, dpi)
        edges = [
            ring.crop((0, 0, ring.width, 1)),
            ring.crop((0, ring.height - 1, ring.width, ring.height)),
        ]
        edges += [
            ring.crop((0, 0, 1, ring.height)),
            ring.crop((ring.width - 1, 0, ring.width, ring.height)),
        ]
        for edge in edges:
            assert edge.histogram()[255] >= 0.9 * edge.width * edge.height, renderer
        # inside it, clear of the frame by at least a dot all round: the character
        inset = BOXED_FRAME_MM + dot
        inner = _crop(
            image,
            frame.x_mm + inset,
            frame.y_mm + inset,
            frame.width_mm - 2 * inset,
            frame.height_mm - 2 * inset,
            dpi,
        )
        glyph = inner.getbbox()
        assert glyph is not None, renderer
        left, top, right, bottom = glyph
        assert left >= 1 and top >= 1, (renderer, glyph, inner.size)
        assert right <= inner.width - 1 and bottom <= inner.height - 1, (
            renderer,
            glyph,
            inner.size,
        )


def _flags_drawn() -> Drawn:
    _, drawn = layout_image(LABEL, 300)
    [flags] = [d for d in drawn if d.data == "12"]
    return flags


@pytest.mark.parametrize("dpi", [203, 300])
def test_the_flags_are_turned_clockwise_everywhere(
    dpi: int, pdf_pages: Pages, zpl_image: ZplImage
) -> None:
    where = _flags_drawn()
    pad = 0.3
    crops = {
        renderer: _crop(
            image,
            where.x_mm - pad,
            where.y_mm - pad,
            where.width_mm + 2 * pad,
            where.height_mm + 2 * pad,
            dpi,
        )
        for renderer, image in _images(dpi, pdf_pages, zpl_image).items()
    }
    reference = crops["png"]
    for renderer, crop in crops.items():
        ink = crop.getbbox()
        assert ink is not None, renderer
        width, height = ink[2] - ink[0], ink[3] - ink[1]
        assert height > 1.2 * width, (renderer, ink)  # "12" reads downwards, not across
        glyphs = crop.crop(ink)
        top = glyphs.crop((0, 0, glyphs.width, glyphs.height // 2)).histogram()[255]
        bottom = glyphs.crop((0, glyphs.height // 2, glyphs.width, glyphs.height)).histogram()[255]
        assert top < bottom, renderer  # the thin "1" first, at the top: turned clockwise
        # clockwise, not anticlockwise: it matches the preview better than the preview
        # turned half round (which is what anticlockwise would look like)
        same = _agreement(crop, reference)
        flipped = _agreement(crop, reference.rotate(180))
        assert same > flipped, (renderer, same, flipped)


def _agreement(a: Image.Image, b: Image.Image) -> int:
    """Ink dots the two crops share."""
    both = ImageChops.multiply(a, b.resize(a.size))
    return both.histogram()[255]
