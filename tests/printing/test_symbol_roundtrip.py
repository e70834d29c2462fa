"""Every symbology decodes to exactly its input, from the bitmap and from the printer's ZPL."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PIL import Image

from printing.content import Barcode, LabelContent, Symbology
from printing.raster import render_image
from printing.zpl import render_zpl

GS1 = "01095060001343521727123110LOT42\x1d21SN0001"
CASES = [
    (Symbology.CODE128, "CT-2026-0001-A", "]C0"),
    (Symbology.CODE128, "=A99981812345600", "]C0"),  # ISBT DIN: subset C for the digits
    (Symbology.CODE128, "&>0251001530", "]C0"),  # DS005 '>' must not become an invocation
    (Symbology.CODE128, "a^b~c_d\\e", "]C0"),  # ZPL command prefixes in the data
    (Symbology.GS1_128, GS1, "]C1"),
    (Symbology.QR, "CT-2026-0001-A 样本 批次42", "]Q1"),
    (Symbology.QR, "x^y~z_w", "]Q1"),
    (Symbology.DATAMATRIX, "=A99981812345600", "]d1"),
    (Symbology.DATAMATRIX, "a^b~c_d", "]d1"),
    (Symbology.GS1_DATAMATRIX, GS1, "]d2"),
]


def _label(symbology: Symbology, data: str) -> LabelContent:
    module = 0.25 if symbology.is_linear else 0.5
    code = Barcode(5, 3, symbology, data, height_mm=12, module_mm=module)
    return LabelContent(100, 30, (code,))


@pytest.mark.parametrize(("symbology", "data", "aim"), CASES)
@pytest.mark.parametrize("dpi", [203, 300])
def test_raster_render_decodes_to_input(
    decode_image: Callable[[Image.Image], list[tuple[str, str]]],
    symbology: Symbology,
    data: str,
    aim: str,
    dpi: int,
) -> None:
    assert decode_image(render_image(_label(symbology, data), dpi)) == [(aim, data)]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("dpi", [203, 300])
def test_zpl_render_decodes_to_input(
    decode_image: Callable[[Image.Image], list[tuple[str, str]]],
    zpl_image: Callable[[bytes, int, float, float], Image.Image],
    case: tuple[Symbology, str, str],
    dpi: int,
) -> None:
    symbology, data, aim = case
    zpl = render_zpl(_label(symbology, data), dpi)
    assert decode_image(zpl_image(zpl, dpi, 100, 30)) == [(aim, data)]


def test_gs1_data_matrix_separators_survive_as_gs(
    decode_image: Callable[[Image.Image], list[tuple[str, str]]],
) -> None:
    """The HRI would hide a missing separator; the raw text must keep GS between fields."""
    [(aim, text)] = decode_image(render_image(_label(Symbology.GS1_DATAMATRIX, GS1), 203))
    assert aim == "]d2"
    assert text.split("\x1d") == ["01095060001343521727123110LOT42", "21SN0001"]
