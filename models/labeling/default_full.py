"""The full-face label (bag, shipper, information sheet), laid out in ISBT 128 quadrants.

ST-001 §7 fixes the positions of the DIN, blood group, product code and expiry (DS005) bar
codes on a 100 × 100 mm label, one per quadrant (standards §1.7).  Which code goes in which
quadrant is recorded there only as the usual assignment [U] - DIN upper left, product code
lower left, expiry lower right - and is followed here; the upper right, blood group on a
blood label, holds the 2-D compound symbol and the biohazard mark.  A bar code's text is
printed at most 2 mm under it, left-justified (standards §1.7).  The text blocks:

* upper left: the eye-readable DIN (``din_text``) and the facility that assigned it (FIN);
* upper right: who the product is for (donor or patient) and the chain-of-identity id;
* middle: the product description (name in Chinese and English, quantity, batch, harvest);
* lower left: product code, storage; lower right: expiry, local and UTC beneath it in
  parentheses (ST-001 §7.4.4.2);
* foot: status and antibiotics (R-LBL-03), and the sheet's title if it has one.

Taller labels (shipper, information sheet) keep the same face and print the body larger.
"""

from __future__ import annotations

from typing import Any

from models.labeling.default_parts import Element, biohazard, caption, line, symbol, text

_QUADRANT = 45.0  # text width inside one half of the label


def full_face(height: float, title: str) -> dict[str, Any]:
    """A 100 mm wide label ``height`` mm high; ``title`` is printed at its foot."""
    scale = 1.1 if height <= 100 else 1.3
    middle = 24.5
    # On the square label the lower quadrants start halfway down; a taller one keeps them
    # under the middle block and leaves its foot for the title.
    below_middle = middle + 5 * 4.1 * scale + 3.0
    lower = max(height / 2, below_middle) if height <= 100 else below_middle
    elements = _upper() + _middle(middle, scale) + _lower(lower, scale)
    if title:
        elements.append(caption(title, 3, height - 6, 3.2))
    return {"width_mm": 100, "height_mm": height, "elements": elements}


def _upper() -> list[Element]:
    return [
        symbol("din", 3, 3, h=9),
        text("din", 3, 12.2, 3.6, bold=True),
        text("facility", 3, 18.2, 2.4, caption="Facility 机构 ", max_w=_QUADRANT),
        symbol("datamatrix", 83.5, 3, module=0.4),
        biohazard(68, 3, 12),
        text(
            "donor_or_patient",
            52,
            16.5,
            2.6,
            caption="Donor/Patient 供者/患者 ",
            bold=True,
            max_w=_QUADRANT,
        ),
        text("coi", 52, 20.2, 2.4, caption="COI 身份链 ", max_w=_QUADRANT),
        line(3, 23.8, 97, 23.8),
    ]


def _middle(top: float, scale: float) -> list[Element]:
    size, pitch = 2.8 * scale, 4.1 * scale
    rows = [
        ("product_name_zh", "", True),
        ("product_name_en", "", False),
        ("quantity", "Qty 规格 ", False),
        ("batch_number", "Batch 批号 ", False),
        ("harvest", "Harvest 收获 ", False),
    ]
    return [
        text(field, 3, top + 0.6 + i * pitch, size + (0.4 if bold else 0), label, bold, 94)
        for i, (field, label, bold) in enumerate(rows)
    ]


def _lower(top: float, scale: float) -> list[Element]:
    size, pitch = 2.7 * scale, 4.0 * scale
    below = top + 9.6  # bar code text sits within 2 mm under its bar code (ST-001 §7.4.2)
    return [
        line(3, top - 1.6, 97, top - 1.6),
        symbol("product_code", 3, top, h=9),
        text("product_code", 3, below, size, caption="Prod Code 产品代码 ", max_w=_QUADRANT),
        text("storage_zh", 3, below + pitch, size, caption="储存 ", max_w=_QUADRANT),
        text("storage_en", 3, below + 2 * pitch, size, caption="Storage ", max_w=94),
        symbol("expiry", 53, top, h=9),
        text(
            "expiry_local",
            53,
            below,
            size + 0.3,
            caption="Expiry 有效期 ",
            bold=True,
            max_w=_QUADRANT,
        ),
        text("expiry_utc", 53, below + pitch, size, max_w=_QUADRANT),
        text(
            "status",
            3,
            below + 3 * pitch + 1.0,
            size + 0.3,
            caption="Status 状态 ",
            bold=True,
            max_w=_QUADRANT,
        ),
        text("antibiotics", 53, below + 3 * pitch + 1.0, size, max_w=_QUADRANT),
    ]
