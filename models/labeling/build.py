"""Turn a layout and a unit's fields into ``printing.content.LabelContent``, and say exactly
what each symbol must decode to (the verifier's and the tests' oracle)."""

from __future__ import annotations

import dataclasses
from typing import Any

from models.isbt128 import CoiIdentifier, DateKind, Din, IsbtDate, ProductCode
from models.isbt128.compound import write_compound
from models.isbt128.structures import ParsedScan
from models.labeling.banner import with_banner
from models.labeling.din_text import din_texts
from models.labeling.fields import LabelFields
from models.labeling.layout import Layout
from printing.content import Barcode, Biohazard, Box, Element, LabelContent, Line, Symbology, Text

ScanValue = Din | ProductCode | IsbtDate | CoiIdentifier


def _dates(fields: LabelFields) -> tuple[IsbtDate, IsbtDate]:
    """Expiry (DS005) and harvest as production date-time (DS009), in site-local time as
    ISBT 128 requires."""
    expiry = fields.expires_at
    harvest = fields.harvest_at
    return (
        IsbtDate(
            "&>", DateKind.EXPIRATION, expiry.date(), expiry.time().replace(second=0, microsecond=0)
        ),
        IsbtDate(
            "&}",
            DateKind.PRODUCTION,
            harvest.date(),
            harvest.time().replace(second=0, microsecond=0),
        ),
    )


def symbol_data(fields: LabelFields) -> dict[str, str]:
    """Bar code data content per symbol name; the Data Matrix is a DS023 compound message
    (ST-001 §2.4.23), so a reader knows how many structures it holds and checks them all.
    It carries the chain-of-identity id (DS040) when the batch has one in ISBT 128 form."""
    din = fields.din.data_content()
    code = fields.product_code.data_content()
    expiry, harvest = _dates(fields)
    coi = fields.coi_identifier
    structures = [din, code, expiry.data_content(), harvest.data_content()]
    return {
        "din": din,
        "product_code": code,
        "expiry": expiry.data_content(),
        "datamatrix": write_compound(structures + ([coi.data_content()] if coi else [])),
    }


def expected_scans(fields: LabelFields) -> frozenset[ScanValue]:
    """Every value a scan of this label may legitimately yield."""
    coi = fields.coi_identifier
    return frozenset({fields.din, fields.product_code, *_dates(fields), *([coi] if coi else [])})


def scan_value(scan: ParsedScan) -> Any:
    """The comparable value inside a parsed scan (AIM prefix and entry mode ignored)."""
    if scan.kind == "din":
        return scan.din
    if scan.kind == "product_code":
        return scan.product_code
    if scan.kind == "date":
        return scan.date
    if scan.kind == "other":  # a structure no CellTrail label carries: never on the record
        return dataclasses.replace(scan, aim=None)
    return scan.coi


def build_label(layout: Layout, fields: LabelFields) -> LabelContent:
    data = symbol_data(fields)
    elements = [
        element for raw in layout.elements for element in _elements(raw, layout, fields, data)
    ]
    content = LabelContent(layout.width_mm, layout.height_mm, tuple(elements))
    # a training or validation database: "TEST — NOT FOR CLINICAL USE" on every label
    return with_banner(content, fields.banner) if fields.banner else content


def _elements(
    raw: dict[str, Any], layout: Layout, fields: LabelFields, data: dict[str, str]
) -> list[Element]:
    if raw["kind"] == "text" and raw["field"] == "din":
        x, y, height = float(raw["x"]), float(raw["y"]), float(raw["h"])
        bold = bool(raw.get("bold", False))
        return list(din_texts(fields.din, x, y, height, bold, raw.get("caption", "")))
    element = _element(raw, layout, fields, data)
    return [] if element is None else [element]


def _element(
    raw: dict[str, Any], layout: Layout, fields: LabelFields, data: dict[str, str]
) -> Element | None:
    kind, x, y = raw["kind"], float(raw["x"]), float(raw["y"])
    if kind in ("text", "caption"):
        if kind == "caption":
            text = raw["text"]
        else:
            text = raw.get("caption", "") + fields.text(raw["field"])
        fit = float(raw.get("max_w", layout.width_mm - x - 0.5))
        return Text(x, y, text, float(raw["h"]), bool(raw.get("bold", False)), fit)
    if kind == "symbol":
        symbology = Symbology.DATAMATRIX if raw["symbol"] == "datamatrix" else Symbology.CODE128
        return Barcode(
            x,
            y,
            symbology,
            data[raw["symbol"]],
            height_mm=float(raw.get("h", 8.0)),
            module_mm=float(raw.get("module", 0.25)),
        )
    if kind == "biohazard":
        return Biohazard(x, y, float(raw["size"])) if fields.biohazard else None
    if kind == "box":
        return Box(x, y, float(raw["w"]), float(raw["h"]), filled=bool(raw.get("filled", False)))
    return Line(x, y, float(raw["x2"]), float(raw["y2"]))
