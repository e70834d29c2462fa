"""Every default template, filled from a real record, renders to ZPL, PNG and PDF, and every
symbol decodes (zxing-cpp) to exactly the record's data, which the ISBT 128 parser accepts."""

from __future__ import annotations

import pytest

from models.core import Core
from models.isbt128 import parse_concatenated
from models.labeling.build import build_label, expected_scans, scan_value, symbol_data
from models.labeling.defaults import default_templates
from models.labeling.fields import LabelFields, label_fields
from models.labeling.layout import validate_layout
from printing.content import Biohazard
from printing.pdf import render_pdf, render_png
from printing.raster import render_image
from printing.zpl import render_zpl
from tests.labeling.conftest import decode, make_lot, zpl_to_image

TEMPLATES = {t.code: t for t in default_templates()}
FLAGS = {"LT-VIAL-MINI": "12", "LT-INFO": "13"}


@pytest.fixture
def fields(core: Core) -> dict[str, LabelFields]:
    lot = make_lot(core, "B-SYM-01", count=1, infectious=True, autologous=True)
    with core.uow() as uow:
        return {
            code: label_fields(uow.session, lot.unit_ids[0], FLAGS.get(code, "00"))
            for code in TEMPLATES
        } | {"repeat": label_fields(uow.session, lot.unit_ids[0], "05")}


def _wanted(code: str, fields: LabelFields) -> list[tuple[str, str]]:
    template = TEMPLATES[code]
    layout = validate_layout(template.container_type, template.partial, template.layout)
    data = symbol_data(fields)
    aim = {"din": "]C0", "product_code": "]C0", "expiry": "]C0", "datamatrix": "]d1"}
    return sorted((aim[s], data[s]) for s in layout.symbols())


def _content(code: str, fields: LabelFields):  # type: ignore[no-untyped-def]
    template = TEMPLATES[code]
    layout = validate_layout(template.container_type, template.partial, template.layout)
    return build_label(layout, fields)


@pytest.mark.parametrize("code", sorted(TEMPLATES))
@pytest.mark.parametrize("dpi", [203, 300])
def test_zpl_symbols_decode_to_the_record(
    code: str, dpi: int, fields: dict[str, LabelFields]
) -> None:
    content = _content(code, fields[code])
    image = zpl_to_image(render_zpl(content, dpi), dpi, content.width_mm, content.height_mm)
    assert decode(image) == _wanted(code, fields[code])


@pytest.mark.parametrize("code", sorted(TEMPLATES))
@pytest.mark.parametrize("dpi", [203, 300])
def test_raster_symbols_decode_to_the_record(
    code: str, dpi: int, fields: dict[str, LabelFields]
) -> None:
    content = _content(code, fields[code])
    assert decode(render_image(content, dpi)) == _wanted(code, fields[code])
    assert render_png(content, dpi).startswith(b"\x89PNG")
    assert render_pdf(content, dpi).startswith(b"%PDF")


@pytest.mark.parametrize("code", sorted(TEMPLATES))
@pytest.mark.req("R-ID-01")
def test_decoded_symbols_parse_back_to_exactly_the_record(
    code: str, fields: dict[str, LabelFields]
) -> None:
    for aim, text in decode(render_image(_content(code, fields[code]), 300)):
        values = {scan_value(s) for s in parse_concatenated(aim + text)}
        assert values <= expected_scans(fields[code])
        # the DIN, or one linear code: the product code or the expiry (DS005)
        assert fields[code].din in values or (len(values) == 1 and len(text) < 16)


def test_repeat_label_carries_flag_05_in_symbol_and_text(fields: dict[str, LabelFields]) -> None:
    content = _content("LT-BAG", fields["repeat"])
    [(_, din)] = [
        x
        for x in decode(render_image(content, 300))
        if x[0] == "]C0" and x[1][0] == "=" and x[1][1] != "<"
    ]
    assert din.endswith("05")
    assert fields["repeat"].text("din").split()[3] == "05"


@pytest.mark.req("R-LBL-01", "R-LBL-02")
def test_record_values_reach_the_label(fields: dict[str, LabelFields]) -> None:
    bag = fields["LT-BAG"]
    assert bag.text("expiry_local") == "2026-03-24 15:20 CST"
    assert bag.text("expiry_utc") == "(2026-03-24 07:20 UTC)"
    assert bag.text("harvest") == "2025-03-24 15:20 CST"
    assert bag.text("donor_or_patient") == "ZWJ E-B-SYM-01"  # autologous: patient, pseudonymous
    assert bag.text("status") == "QUARANTINE 待放行"
    assert bag.biohazard
    assert any(isinstance(e, Biohazard) for e in _content("LT-BAG", bag).elements)
