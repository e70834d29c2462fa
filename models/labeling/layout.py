"""Template layouts: JSON that places record *fields*, symbols and marks, and its validator.

A layout never holds a record value: text elements name a field of ``LabelFields`` and
symbols name what they encode, so a label can only ever show what the record says
(R-LBL-01).  Captions ("Expiry 有效期") are fixed wording and may not contain digits, which
keeps DINs, batch numbers, dates and counts out of them.  Example element list::

    {"kind": "text", "field": "batch_number", "x": 4, "y": 20, "h": 2.5, "caption": "Batch 批号 "}
    {"kind": "symbol", "symbol": "din", "x": 4, "y": 3, "h": 8, "module": 0.25}
    {"kind": "biohazard", "x": 88, "y": 4, "size": 9}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from models.entities.production import UNIT_CONTAINERS
from models.kernel.errors import DomainError
from models.labeling.fields import TEXT_FIELDS

# What a product unit is filled into (a label sized for it, R-LBL-07), then what travels or
# goes with any unit.
CONTAINER_TYPES = (*UNIT_CONTAINERS, "shipper", "sample_tube", "info_sheet")
SYMBOLS = (
    "din",
    "product_code",
    "expiry",
    "datamatrix",
)  # Code 128 DIN, Code 128 DS003, Code 128 DS005, 2-D compound (DS023)
KINDS = ("text", "caption", "symbol", "biohazard", "box", "line")

_FULL_TEXT = frozenset(
    {
        "donor_or_patient",
        "product_name_en",
        "product_name_zh",
        "batch_number",
        "din",
        "product_code",
        "harvest",
        "quantity",
        "storage_en",
        "storage_zh",
        "expiry_local",
        "status",
    }
)
_FULL_SYMBOLS = frozenset({"din", "product_code", "datamatrix"})
# Products leave the site in these, so the expiry also shows UTC (ST-001 §7.4.4.2).
_TRAVELLING = (_FULL_TEXT | {"expiry_utc"}, _FULL_SYMBOLS)
MANDATORY: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # The shipped bag label also bar-codes the expiry (DS005) in its quadrant (standards
    # §1.7), but that is not required: bag templates approved before it still print.
    "cryobag": _TRAVELLING,
    "shipper": _TRAVELLING,
    "info_sheet": _TRAVELLING,
    # A small label carries the DIN bar code and the text of the DIN and product code; the
    # rest of the electronically readable set may go into a 2-D symbol (ST-001 §7.3.1).
    "cryovial": (_FULL_TEXT, frozenset({"din", "datamatrix"})),
    # A syringe (intra-articular or local MSC doses) is labelled like a vial: a flag label on
    # the barrel, which leaves the graduations readable.
    "syringe": (_FULL_TEXT, frozenset({"din", "datamatrix"})),
    "sample_tube": (frozenset({"din", "batch_number", "product_code", "harvest"}), frozenset()),
}
# R-LBL-10 / S13: a partial label carries at least the unique ID (eye-readable and in the
# 2-D symbol) and the batch number; everything else goes on the information sheet.
PARTIAL = (frozenset({"din", "batch_number"}), frozenset({"datamatrix"}))
# Largest label per container, leaving the contents visible (R-LBL-07).
MAX_SIZE_MM = {
    "cryobag": (100.0, 100.0),
    "cryovial": (50.0, 30.0),
    "syringe": (60.0, 30.0),
    "sample_tube": (60.0, 30.0),
    "shipper": (150.0, 150.0),
    "info_sheet": (210.0, 297.0),
}


class LayoutError(DomainError):
    code = "label_layout_invalid"


@dataclass(frozen=True)
class Layout:
    width_mm: float
    height_mm: float
    elements: tuple[dict[str, Any], ...]
    info_sheet: str | None  # code of the companion information-sheet template (partial only)

    def fields(self) -> frozenset[str]:
        return frozenset(e["field"] for e in self.elements if e["kind"] == "text")

    def symbols(self) -> frozenset[str]:
        return frozenset(e["symbol"] for e in self.elements if e["kind"] == "symbol")

    def has_biohazard(self) -> bool:
        return any(e["kind"] == "biohazard" for e in self.elements)


def parse_layout(text: str, template: str = "?") -> Layout:
    """Read a stored layout; structural problems raise ``LayoutError``."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LayoutError(template=template, reason=f"not JSON ({exc.msg})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("elements"), list):
        raise LayoutError(template=template, reason="needs an object with an elements list")
    width, height = _number(raw, "width_mm", template), _number(raw, "height_mm", template)
    if width <= 0 or height <= 0:
        raise LayoutError(template=template, reason="the label size must be positive")
    elements = tuple(_element(e, template) for e in raw["elements"])
    info_sheet = raw.get("info_sheet")
    if info_sheet is not None and not isinstance(info_sheet, str):
        raise LayoutError(template=template, reason="info_sheet must be a template code")
    return Layout(width, height, elements, info_sheet)


def validate_layout(container_type: str, partial: bool, text: str, template: str = "?") -> Layout:
    """The full check run before a template version is saved and again before it is approved."""
    layout = parse_layout(text, template)
    if container_type not in MANDATORY:
        raise LayoutError(template=template, reason=f"unknown container type {container_type!r}")
    _check_size(layout, container_type, template)
    required_text, required_symbols = PARTIAL if partial else MANDATORY[container_type]
    missing = sorted(required_text - layout.fields()) + [
        f"{s} symbol" for s in sorted(required_symbols - layout.symbols())
    ]
    if not layout.has_biohazard():
        missing.append("biohazard mark")  # drawn only for infectious-donor material
    if container_type == "sample_tube" and not layout.symbols() & {"din", "datamatrix"}:
        missing.append("din or datamatrix symbol")
    if missing:
        raise LayoutError(template=template, reason="missing mandatory " + ", ".join(missing))
    if partial and not layout.info_sheet:
        raise LayoutError(template=template, reason="a partial label needs an info_sheet template")
    return layout


def human_readable_fields(layout: Layout) -> tuple[str, ...]:
    """What the verifier confirms item by item, in reading order."""
    seen: dict[str, None] = {}
    for element in layout.elements:
        if element["kind"] == "text":
            seen.setdefault(element["field"], None)
    return tuple(seen)


def _check_size(layout: Layout, container_type: str, template: str) -> None:
    max_w, max_h = MAX_SIZE_MM[container_type]
    if layout.width_mm > max_w or layout.height_mm > max_h:
        raise LayoutError(
            template=template,
            reason=f"{layout.width_mm}×{layout.height_mm} mm exceeds {max_w}×{max_h} mm "
            f"allowed on a {container_type}",
        )
    for element in layout.elements:
        if element["x"] >= layout.width_mm or element["y"] >= layout.height_mm:
            raise LayoutError(template=template, reason=f"element outside the label: {element}")


_REQUIRED_KEYS = {
    "text": ("field", "x", "y", "h"),
    "caption": ("text", "x", "y", "h"),
    "symbol": ("symbol", "x", "y"),
    "biohazard": ("x", "y", "size"),
    "box": ("x", "y", "w", "h"),
    "line": ("x", "y", "x2", "y2"),
}


def _element(raw: Any, template: str) -> dict[str, Any]:
    if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
        raise LayoutError(template=template, reason=f"unknown element {raw!r}")
    for key in _REQUIRED_KEYS[raw["kind"]]:
        if key not in raw:
            raise LayoutError(template=template, reason=f"{raw['kind']} element needs {key!r}")
    for key in ("x", "y", "h", "w", "x2", "y2", "size", "module", "max_w"):
        if key in raw:
            _number(raw, key, template)
    # A field or symbol name must be a string before it is looked up: a list or an object
    # from a hand-edited layout would otherwise escape as TypeError (unhashable), not a
    # LayoutError the template editor can show.
    for key in ("field", "symbol"):
        if key in raw and not isinstance(raw[key], str):
            raise LayoutError(template=template, reason=f"{key} must be a name, not {raw[key]!r}")
    if raw["kind"] == "text" and raw["field"] not in TEXT_FIELDS:
        raise LayoutError(template=template, reason=f"unknown field {raw['field']!r}")
    if raw["kind"] == "symbol" and raw["symbol"] not in SYMBOLS:
        raise LayoutError(template=template, reason=f"unknown symbol {raw['symbol']!r}")
    for key in ("caption", "text"):
        _check_caption(raw, key, template)
    return raw


def _check_caption(raw: dict[str, Any], key: str, template: str) -> None:
    if key == "text" and raw["kind"] != "caption":
        return
    value = raw.get(key, "")
    if not isinstance(value, str) or any(ch.isdigit() for ch in value):
        raise LayoutError(
            template=template,
            reason=f"caption {value!r} must be fixed wording without digits; "
            "record values come from fields",
        )


def _number(raw: dict[str, Any], key: str, template: str) -> float:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise LayoutError(template=template, reason=f"{key} must be a non-negative number")
    return float(value)
