"""Small labels: the cryovial's full and partial labels and the QC sample tube's.

A small label carries the DIN bar code and the text of the DIN and product code; the rest of
the electronically readable set may go into a 2-D symbol (ST-001 §7.3.1, standards §1.7).
Text may not: R-LBL-01 wants every field readable on the container, so the full vial label
prints all of them in small type (1.7 mm, about 4.8 pt: print it at 300 dpi or finer), and a
vial too small even for that takes the partial label, whose information sheet holds the rest
(R-LBL-10).
"""

from __future__ import annotations

from typing import Any

from models.labeling.default_parts import biohazard, caption, symbol, text

_SMALL = 1.7  # the vial label's type size (mm)
_PITCH = 2.2
_HALF = 22.5  # a column of the vial label
_FULL = 45.0
_BESIDE_MARK = 40.0  # rows beside the biohazard mark


def vial() -> dict[str, Any]:
    """50 × 30 mm: DIN bar code, 2-D symbol, then every field, two to a row where short."""

    def row(n: int) -> float:
        return 9.6 + n * _PITCH

    return {
        "width_mm": 50,
        "height_mm": 30,
        "elements": [
            symbol("din", 2.5, 0.8, h=5.6),
            symbol("datamatrix", 41.5, 0.8, module=0.25),
            text("din", 2.5, 6.4, 2.2, bold=True),
            biohazard(43.5, 10, 5.5),
            text("product_name_zh", 2.5, row(0), _SMALL, bold=True, max_w=_BESIDE_MARK),
            text("product_name_en", 2.5, row(1), _SMALL, max_w=_BESIDE_MARK),
            text("batch_number", 2.5, row(2), _SMALL, caption="Batch 批号 ", max_w=26),
            text("product_code", 29, row(2), _SMALL, caption="Prod ", max_w=13),
            text(
                "donor_or_patient", 2.5, row(3), _SMALL, caption="Donor/Pt 供者/患者 ", max_w=_FULL
            ),
            text("quantity", 2.5, row(4), _SMALL, caption="Qty 规格 ", max_w=_FULL),
            text("harvest", 2.5, row(5), _SMALL, caption="Harvest 收获 ", max_w=_FULL),
            text(
                "expiry_local",
                2.5,
                row(6),
                _SMALL,
                caption="Expiry 有效期 ",
                bold=True,
                max_w=_FULL,
            ),
            text("storage_zh", 2.5, row(7), _SMALL, caption="储存 ", max_w=_HALF),
            text("status", 26, row(7), _SMALL, bold=True, max_w=_HALF),
            text("storage_en", 2.5, row(8), _SMALL, max_w=_HALF),
            text("coi", 26, row(8), _SMALL, caption="COI ", max_w=_HALF),
        ],
    }


def vial_partial() -> dict[str, Any]:
    """S13: 25 × 10 mm with the 2-D symbol, the DIN, product code and batch number."""
    return {
        "width_mm": 25,
        "height_mm": 10,
        "info_sheet": "LT-INFO",
        "elements": [
            symbol("datamatrix", 0.6, 1.0, module=0.25),
            text("din", 9.0, 0.6, 1.5, bold=True),
            text("product_code", 9.0, 3.3, 1.5, max_w=11.5),
            text("batch_number", 9.0, 6.1, 1.5, max_w=15.5),
            biohazard(21.2, 2.8, 3.6),
        ],
    }


def sample_tube() -> dict[str, Any]:
    return {
        "width_mm": 50,
        "height_mm": 25,
        "elements": [
            symbol("din", 3, 1, h=6),
            text("din", 3, 7.4, 2.4, bold=True),
            text("batch_number", 3, 11.0, 2.0, caption="Batch 批号 ", max_w=37),
            text("product_code", 3, 13.8, 2.0, caption="Prod 产品 ", max_w=37),
            text("harvest", 3, 16.6, 2.0, caption="Harvest 收获 ", max_w=37),
            caption("QC sample 质控样品", 3, 19.6, 2.0),
            biohazard(41, 15, 7),
        ],
    }
