"""ZPL output: golden files for a fixed label, Chinese as ^GFA bitmaps, copies as ^PQ.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1 pytest …`` and
review the diff like code.  The golden label holds no bitmaps; only its font 0 origins follow
the preview face's ascent (Noto Sans CJK, as .ci installs), which puts them on its baseline.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from printing.content import Barcode, Biohazard, Box, LabelContent, Line, Symbology, Text
from printing.zpl import render_zpl

GOLDEN = Path(__file__).parent / "golden"
GS1 = "01095060001343521727123110LOT42\x1d21SN0001"
SAMPLE = LabelContent(
    60,
    40,
    (
        Box(1, 1, 58, 38, thickness_mm=0.3),
        Text(3, 3, "CT-2026-0001-A", 3, bold=True),
        Text(3, 7, "Exp 2026-12-31 15:15 CST", 2.5, max_width_mm=40),
        Barcode(3, 11, Symbology.GS1_DATAMATRIX, GS1, module_mm=0.5),
        Barcode(22, 11, Symbology.QR, "CT-2026-0001-A", module_mm=0.5),
        Line(3, 26, 57, 26),
        Line(40, 12, 56, 24, thickness_mm=0.5),
        Box(44, 11, 12, 3, filled=True),
        Barcode(5, 28, Symbology.CODE128, "=A99981812345600", height_mm=8),
    ),
    copies=2,
)


@pytest.mark.parametrize("dpi", [203, 300])
def test_sample_label_matches_golden_file(dpi: int) -> None:
    golden = GOLDEN / f"sample_{dpi}dpi.zpl"
    actual = render_zpl(SAMPLE, dpi)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(actual)
    assert actual == golden.read_bytes()


def test_sample_label_frame_and_copies() -> None:
    zpl = render_zpl(SAMPLE, 203).decode()
    assert zpl.startswith("^XA\n^CI28\n^PW480\n^LL320\n")
    assert zpl.endswith("^PQ2,0,1,N\n^XZ\n")


def test_sample_label_decodes_after_offline_rendering(
    decode_image: Callable[[Image.Image], list[tuple[str, str]]],
    zpl_image: Callable[[bytes, int, float, float], Image.Image],
) -> None:
    image = zpl_image(render_zpl(SAMPLE, 203), 203, 60, 40)
    assert decode_image(image) == [
        ("]C0", "=A99981812345600"),
        ("]Q1", "CT-2026-0001-A"),
        ("]d2", GS1),
    ]


def test_chinese_text_becomes_a_graphic_field_not_font_text() -> None:
    label = LabelContent(60, 20, (Text(2, 2, "仅供自体使用", 3), Text(2, 8, "Autologous", 3)))
    zpl = render_zpl(label, 203).decode()
    graphic = re.search(r"\^FO16,16\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS", zpl)
    assert graphic is not None
    total, _, row_bytes, data = graphic.groups()
    assert len(data) == 2 * int(total) and int(total) % int(row_bytes) == 0
    assert set(data) != {"0"}  # some ink
    assert "仅" not in zpl
    # font 0 text, moved down from y = 64 onto the preview's baseline
    assert re.search(r"\^FO16,(6[5-9]|7\d)\^A0N,24,24\^FDAutologous\^FS", zpl)


def test_biohazard_mark_is_sent_as_graphic() -> None:
    zpl = render_zpl(LabelContent(20, 20, (Biohazard(2, 2, 12),)), 203).decode()
    assert re.search(r"\^FO16,16\^GFA,\d+,\d+,12,[0-9A-F]+\^FS", zpl)


def test_graphic_field_has_ink_where_the_bitmap_has_ink(
    zpl_image: Callable[[bytes, int, float, float], Image.Image],
) -> None:
    """GIVEN a filled box drawn as a bitmap WHEN rendered offline THEN ink lands in place."""
    label = LabelContent(20, 20, (Biohazard(2, 2, 12),))
    image = zpl_image(render_zpl(label, 203), 203, 20, 20).convert("L")
    assert image.getpixel((5, 5)) > 128  # paper outside the mark
    assert image.crop((16, 16, 112, 112)).getextrema()[0] < 128  # ink inside it


def test_text_with_zpl_command_characters_is_hex_escaped() -> None:
    zpl = render_zpl(LabelContent(40, 10, (Text(1, 1, "A^B~C\\D", 2),)), 203).decode()
    assert "^FH\\^FDA\\5EB\\7EC\\5CD^FS" in zpl


def test_qr_module_too_large_for_zpl_is_refused() -> None:
    label = LabelContent(100, 100, (Barcode(1, 1, Symbology.QR, "x", module_mm=2.0),))
    with pytest.raises(ValueError, match="maximum of 10"):
        render_zpl(label, 203)
