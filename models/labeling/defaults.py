"""The shipped label templates (drafts until QA approves them): one per container type.

Positions are millimetres from the top-left corner.  Linear symbols keep a 10X quiet zone
(x >= 2.5 mm at X = 0.25 mm) and Data Matrix at least X (ST-001 §6, standards §1.6).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.kernel.canonical import canonical_json

Element = dict[str, Any]


@dataclass(frozen=True)
class DefaultTemplate:
    code: str
    container_type: str
    partial: bool
    layout: str  # canonical JSON


def _text(
    field: str, x: float, y: float, h: float, caption: str = "", bold: bool = False
) -> Element:
    element: Element = {"kind": "text", "field": field, "x": x, "y": y, "h": h}
    if caption:
        element["caption"] = caption
    if bold:
        element["bold"] = True
    return element


def _symbol(symbol: str, x: float, y: float, h: float = 8.0, module: float = 0.25) -> Element:
    return {"kind": "symbol", "symbol": symbol, "x": x, "y": y, "h": h, "module": module}


def _full_body(top: float, line: float, size: float) -> list[Element]:
    """The human-readable block shared by bag, shipper and information sheet."""
    rows: list[tuple[str, str, bool]] = [
        ("product_name_zh", "", True),
        ("product_name_en", "", False),
        ("batch_number", "Batch 批号 ", False),
        ("donor_or_patient", "Donor/Patient 供者/患者 ", False),
        ("harvest", "Harvest 收获 ", False),
        ("quantity", "Qty 规格 ", False),
        ("storage_zh", "储存 ", False),
        ("storage_en", "Storage ", False),
        ("expiry_local", "Expiry 有效期 ", True),
        ("expiry_utc", "", False),
        ("status", "Status 状态 ", True),
        ("antibiotics", "", False),
    ]
    return [
        _text(field, 3, top + i * line, size, caption, bold)
        for i, (field, caption, bold) in enumerate(rows)
    ]


def _full(width: float, height: float, title: str, scale: float) -> dict[str, Any]:
    line, size = 3.6 * scale, 2.6 * scale
    head: list[Element] = [
        _symbol("din", 3, 2, h=8),
        _text("din", 3, 10.8, 3.4, bold=True),
        _symbol("datamatrix", width - 19, 2, module=0.4),
        {"kind": "biohazard", "x": width - 33, "y": 2, "size": 11},
        _symbol("product_code", 3, 16, h=7),
        _text("product_code", 3, 23.6, 2.4, caption="Prod Code 产品代码 "),
    ]
    elements = head + _full_body(28, line, size)
    if title:
        elements.append({"kind": "caption", "text": title, "x": 3, "y": height - 5, "h": 3})
    return {"width_mm": width, "height_mm": height, "elements": elements}


def _vial_partial() -> dict[str, Any]:
    """S13: a 25×10 mm label with the unique ID, the 2-D symbol and the batch number."""
    return {
        "width_mm": 25,
        "height_mm": 10,
        "info_sheet": "LT-INFO",
        "elements": [
            _symbol("datamatrix", 0.6, 0.6, module=0.25),
            _text("din", 7.4, 0.8, 1.9, bold=True),
            _text("batch_number", 7.4, 3.6, 1.6),
            {"kind": "biohazard", "x": 20.0, "y": 5.4, "size": 4.2},
        ],
    }


def _sample_tube() -> dict[str, Any]:
    return {
        "width_mm": 50,
        "height_mm": 25,
        "elements": [
            _symbol("din", 3, 1, h=6),
            _text("din", 3, 7.6, 2.4, bold=True),
            _text("batch_number", 3, 10.8, 2.0, caption="Batch 批号 "),
            _text("product_code", 3, 13.6, 2.0, caption="Prod 产品 "),
            _text("harvest", 3, 16.4, 2.0, caption="Harvest 收获 "),
            {"kind": "caption", "text": "QC sample 质控样品", "x": 3, "y": 19.6, "h": 2.0},
            {"kind": "biohazard", "x": 41, "y": 15, "size": 7},
        ],
    }


def default_templates() -> tuple[DefaultTemplate, ...]:
    return (
        DefaultTemplate("LT-BAG", "cryobag", False, canonical_json(_full(100, 76, "", 1.0))),
        DefaultTemplate("LT-VIAL-MINI", "cryovial", True, canonical_json(_vial_partial())),
        DefaultTemplate(
            "LT-INFO",
            "info_sheet",
            False,
            canonical_json(_full(100, 150, "Product information sheet 产品信息说明单", 1.4)),
        ),
        DefaultTemplate(
            "LT-SHIP",
            "shipper",
            False,
            canonical_json(_full(100, 150, "Cryogenic - keep upright 低温运输 请勿倒置", 1.4)),
        ),
        DefaultTemplate("LT-TUBE", "sample_tube", False, canonical_json(_sample_tube())),
    )
