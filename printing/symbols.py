"""Encode bar code data into module patterns, and size modules in whole printer dots.

One encoder per symbology feeds every bitmap renderer (screen preview, PDF, raster ZPL),
so what the operator previews is what is printed.  GS1 data uses the ``"\\x1d"`` separator
convention documented in ``printing.content``.
"""

from __future__ import annotations

from dataclasses import dataclass

import barcode
import segno
from pystrich.datamatrix import FNC1, DataMatrixData, DataMatrixEncoder

from printing.content import GS, Symbology

Matrix = tuple[tuple[bool, ...], ...]

# ISBT 128 ST-001 §6: linear X >= 0.17 mm; Data Matrix X >= 0.25 mm.  QR is not an ISBT
# carrier, so it gets the same floor as Data Matrix.
_MINIMUM_MODULE_MM = {True: 0.17, False: 0.25}


def linear_modules(symbology: Symbology, data: str) -> str:
    """Bars and spaces of a Code 128 / GS1-128 symbol as a '1'/'0' string, one per module.

    python-barcode optimises subset switching (ISBT requires subset C where it helps).  It
    wants ``"\\xf1"`` as FNC1; a raw GS crashes its writer (stack notes, pitfall 7).
    """
    if symbology is Symbology.CODE128:
        code = barcode.get_barcode_class("code128")(data)
    elif symbology is Symbology.GS1_128:
        code = barcode.get_barcode_class("gs1_128")(data.replace(GS, "\xf1"))
    else:
        raise ValueError(f"{symbology.value} is not a linear symbology")
    return str(code.build()[0])


def matrix_modules(symbology: Symbology, data: str) -> Matrix:
    """Dark (True) / light modules of a QR or Data Matrix symbol, without quiet zone."""
    if symbology is Symbology.QR:
        # Error level M and no boost keep the symbol size predictable for layouts.
        qr = segno.make_qr(data, error="m", boost_error=False)
        return tuple(tuple(bool(cell) for cell in row) for row in qr.matrix)
    if symbology in (Symbology.DATAMATRIX, Symbology.GS1_DATAMATRIX):
        return _datamatrix(data, gs1=symbology is Symbology.GS1_DATAMATRIX)
    raise ValueError(f"{symbology.value} is not a 2-D symbology")


def _datamatrix(data: str, gs1: bool) -> Matrix:
    # A leading FNC1 (codeword 232) marks GS1 Data Matrix (]d2); each GS becomes another FNC1.
    segments: list[object] = [FNC1] if gs1 else []
    for index, part in enumerate(data.split(GS) if gs1 else [data]):
        if index:
            segments.append(FNC1)
        segments.append(part)
    payload = DataMatrixData(*segments, encoding="ascii")  # type: ignore[arg-type]
    renderer = DataMatrixEncoder(payload, quiet_zone=0).init_renderer()
    return tuple(tuple(bool(cell) for cell in row) for row in renderer.matrix)


def dots_per_module(module_mm: float, dpi: int) -> int:
    """Nearest whole number of printer dots for a module; never 0 (a bar must print)."""
    return max(1, round(module_mm * dpi / 25.4))


def minimum_module_mm(symbology: Symbology) -> float:
    """The smallest X dimension ISBT 128 allows for this symbology."""
    return _MINIMUM_MODULE_MM[symbology.is_linear]


@dataclass(frozen=True)
class ModuleFit:
    """How a requested module width lands on a printer: dots, real width, legal minimum."""

    dots: int
    actual_mm: float
    minimum_mm: float

    @property
    def legal(self) -> bool:
        return self.actual_mm + 1e-9 >= self.minimum_mm


def fit_module(module_mm: float, dpi: int, symbology: Symbology) -> ModuleFit:
    """Snap ``module_mm`` to whole dots and say whether the result meets the ISBT minimum.

    Example: 0.17 mm at 300 dpi snaps to 2 dots = 0.169 mm, which is *not* legal; a template
    should ask for 0.25 mm (3 dots).  ``minimum_dots(symbology, dpi)`` gives the floor.
    """
    dots = dots_per_module(module_mm, dpi)
    actual = dots * 25.4 / dpi
    return ModuleFit(dots=dots, actual_mm=actual, minimum_mm=minimum_module_mm(symbology))


def minimum_dots(symbology: Symbology, dpi: int) -> int:
    """Fewest whole dots per module that still meet the ISBT minimum X at ``dpi``."""
    dots = 1
    while dots * 25.4 / dpi + 1e-9 < minimum_module_mm(symbology):
        dots += 1
    return dots
