"""The template validator: mandatory fields per container type, partial labels, captions."""

from __future__ import annotations

import json
from typing import Any

import pytest

from models.labeling.defaults import default_templates
from models.labeling.layout import MANDATORY, LayoutError, validate_layout

TEMPLATES = {t.code: t for t in default_templates()}


def _bag() -> dict[str, Any]:
    layout: dict[str, Any] = json.loads(TEMPLATES["LT-BAG"].layout)
    return layout


def test_every_default_template_is_valid() -> None:
    for t in TEMPLATES.values():
        validate_layout(t.container_type, t.partial, t.layout, t.code)


@pytest.mark.parametrize("field", sorted(MANDATORY["cryobag"][0]))
@pytest.mark.req("R-LBL-01", "R-LBL-02")
def test_a_bag_template_missing_any_mandatory_field_is_rejected(field: str) -> None:
    layout = _bag()
    layout["elements"] = [e for e in layout["elements"] if e.get("field") != field]
    with pytest.raises(LayoutError, match=field):
        validate_layout("cryobag", False, json.dumps(layout))


@pytest.mark.parametrize("symbol", ["din", "product_code", "datamatrix"])
def test_a_bag_template_missing_a_symbol_is_rejected(symbol: str) -> None:
    layout = _bag()
    layout["elements"] = [e for e in layout["elements"] if e.get("symbol") != symbol]
    with pytest.raises(LayoutError, match=f"{symbol} symbol"):
        validate_layout("cryobag", False, json.dumps(layout))


def test_the_biohazard_mark_is_mandatory() -> None:
    layout = _bag()
    layout["elements"] = [e for e in layout["elements"] if e["kind"] != "biohazard"]
    with pytest.raises(LayoutError, match="biohazard"):
        validate_layout("cryobag", False, json.dumps(layout))


@pytest.mark.req("R-LBL-10")
def test_a_partial_label_needs_an_information_sheet_template() -> None:
    layout = json.loads(TEMPLATES["LT-VIAL-MINI"].layout)
    del layout["info_sheet"]
    with pytest.raises(LayoutError, match="info_sheet"):
        validate_layout("cryovial", True, json.dumps(layout))


def test_the_same_small_layout_is_not_enough_for_a_full_vial_label() -> None:
    with pytest.raises(LayoutError, match="missing mandatory"):
        validate_layout("cryovial", False, TEMPLATES["LT-VIAL-MINI"].layout)


@pytest.mark.parametrize(
    "element",
    [
        {"kind": "caption", "text": "Batch B-UCMSC-250303-001", "x": 1, "y": 1, "h": 2},
        {"kind": "text", "field": "status", "caption": "Exp 2026-03-24 ", "x": 1, "y": 1, "h": 2},
        {"kind": "text", "field": "donor_name", "x": 1, "y": 1, "h": 2},
        {"kind": "symbol", "symbol": "gs1", "x": 1, "y": 1},
        {"kind": "text", "field": "status", "x": 120, "y": 1, "h": 2},
    ],
)
@pytest.mark.req("R-LBL-01")
def test_literal_record_values_unknown_fields_and_stray_elements_are_rejected(
    element: dict[str, object],
) -> None:
    layout = _bag()
    layout["elements"].append(element)
    with pytest.raises(LayoutError):
        validate_layout("cryobag", False, json.dumps(layout))


@pytest.mark.req("R-LBL-07")
def test_a_label_too_big_for_its_container_is_rejected() -> None:
    with pytest.raises(LayoutError, match="exceeds"):
        validate_layout("cryovial", False, TEMPLATES["LT-BAG"].layout)


@pytest.mark.parametrize(
    ("kind", "key", "value"), [("text", "field", []), ("symbol", "symbol", {})]
)
def test_a_field_or_symbol_that_is_not_a_name_is_a_layout_error(
    kind: str, key: str, value: object
) -> None:
    """Found by the layout fuzzer: a list as a field name escaped as TypeError (unhashable)."""
    layout = _bag()
    element = next(e for e in layout["elements"] if e["kind"] == kind)
    element[key] = value
    with pytest.raises(LayoutError, match="must be a name"):
        validate_layout("cryobag", False, json.dumps(layout))
