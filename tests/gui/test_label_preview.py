"""The label preview is the printer's own raster: every element, the biohazard mark included."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from gui.widgets.label_preview import LabelPreview
from printing.content import Barcode, Biohazard, LabelContent, Symbology, Text, mm_to_dots
from printing.raster import render_image

pytestmark = pytest.mark.gui

MARK = Biohazard(67, 2, 11)  # where LT-BAG puts it for an infectious donor
LABEL = LabelContent(
    100,
    76,
    (
        Barcode(3, 2, Symbology.CODE128, "=A99992412345600", height_mm=8),
        Text(3, 10.8, "A9999 24 123456 Q", 3.4, bold=True),
        MARK,
        Text(3, 28, "间充质干细胞", 2.6, bold=True),
    ),
)


def _dark_pixels(image: QImage, mark: Biohazard, dpi: int) -> int:
    left, top, size = (mm_to_dots(v, dpi) for v in (mark.x_mm, mark.y_mm, mark.size_mm))
    return sum(
        1
        for x in range(left, left + size)
        for y in range(top, top + size)
        if image.pixelColor(x, y).lightness() < 128
    )


def test_preview_shows_the_biohazard_mark(qtbot: QtBot) -> None:
    preview = LabelPreview()
    qtbot.addWidget(preview)
    preview.show_content(LABEL, 203)
    assert preview.image is not None
    size = mm_to_dots(MARK.size_mm, 203)
    assert _dark_pixels(preview.image, MARK, 203) > 0.2 * size * size
    raster = render_image(LABEL, 203).convert("L")
    assert preview.image.size().toTuple() == raster.size
    assert preview.pixmap() is not None and not preview.pixmap().isNull()

    without = LabelContent(100, 76, tuple(e for e in LABEL.elements if e is not MARK))
    preview.show_content(without, 203)
    assert preview.image is not None
    assert _dark_pixels(preview.image, MARK, 203) == 0
