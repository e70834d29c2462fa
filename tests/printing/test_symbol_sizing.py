"""Module widths snap to whole dots and report the ISBT 128 minimum X."""

from __future__ import annotations

import pytest

from printing.content import Barcode, Symbology
from printing.raster import barcode_bitmap
from printing.symbols import dots_per_module, fit_module, matrix_modules, minimum_dots
from printing.zpl import code128_data


@pytest.mark.parametrize(
    ("module_mm", "dpi", "dots"), [(0.25, 203, 2), (0.25, 300, 3), (0.17, 300, 2), (0.01, 203, 1)]
)
def test_dots_per_module_rounds_to_whole_dots_and_never_zero(
    module_mm: float, dpi: int, dots: int
) -> None:
    assert dots_per_module(module_mm, dpi) == dots


def test_0_17mm_at_300_dpi_snaps_below_the_linear_minimum() -> None:
    fit = fit_module(0.17, 300, Symbology.CODE128)
    assert (fit.dots, fit.legal, fit.minimum_mm) == (2, False, 0.17)
    assert fit_module(0.25, 300, Symbology.CODE128).legal


@pytest.mark.parametrize(
    ("symbology", "dpi", "dots"),
    [
        (Symbology.CODE128, 203, 2),
        (Symbology.CODE128, 300, 3),
        (Symbology.DATAMATRIX, 203, 2),
        (Symbology.DATAMATRIX, 300, 3),
        (Symbology.DATAMATRIX, 600, 6),
    ],
)
def test_minimum_dots_per_isbt_rules(symbology: Symbology, dpi: int, dots: int) -> None:
    assert minimum_dots(symbology, dpi) == dots


def test_data_matrix_bitmap_is_whole_modules() -> None:
    code = Barcode(0, 0, Symbology.DATAMATRIX, "=A99981812345600", module_mm=0.25)
    size = len(matrix_modules(code.symbology, code.data))
    assert barcode_bitmap(code, 300).size == (size * 3, size * 3)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ("=A99981812345600", ">:=A>599981812345600"),
        ("12345", ">:1>52345"),
        ("1234AB", ">;1234>6AB"),
        ("&>0251", ">:&>0>50251"),
        ("a^b~c", ">:a><b>=c"),
    ],
)
def test_code128_zpl_field_uses_subset_c_and_escapes(data: str, field: str) -> None:
    assert code128_data(data) == field


@pytest.mark.parametrize("data", ["", "中文", "a\nb"])
def test_code128_refuses_empty_or_non_ascii(data: str) -> None:
    with pytest.raises(ValueError, match="."):
        Barcode(0, 0, Symbology.CODE128, data)


def test_gs1_data_must_not_start_with_separator() -> None:
    with pytest.raises(ValueError, match="GS"):
        Barcode(0, 0, Symbology.GS1_128, "\x1d0109506000134352")
