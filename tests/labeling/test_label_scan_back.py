"""Every symbol of every shipped template, printed from a real record, reads back through the
scan router's own entry points to exactly that record (issue 15).

Each template is rendered as the PNG preview, as ZPL (rasterised offline by zplkit, as a
printer would print it) and as the vector PDF (rasterised by poppler's pdftoppm), at 203 and
300 dpi.  zxing-cpp decodes every symbol; each one then goes where a scan at the desk goes
(``gui/scan_router.ScanRouter.route``): ``parse_scan``, then the trace lookup.  The DIN and the
2-D symbol open the unit; every value equals the record: the DIN with this label's flags,
the product code, the expiry (DS005) to the minute, and the DS023 compound message, whose
structures (DIN, product code, expiry, harvest, chain-of-identity id DS040) are all checked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

import pytest
from PIL import Image

from models.chain.trace_tree import NodeRef
from models.core import Core
from models.entities.labeling import LabelTemplate
from models.isbt128 import (
    CoiScan,
    DateKind,
    DateScan,
    DinScan,
    OtherStructureScan,
    ProductCodeScan,
    parse_scan,
)
from models.isbt128.compound import read_compound
from models.labeling.build import build_label, expected_scans, scan_value, symbol_data
from models.labeling.defaults import DefaultTemplate, default_templates
from models.labeling.fields import LabelFields, label_fields
from models.labeling.layout import validate_layout
from models.labeling.records import label_flags
from printing.content import LabelContent
from printing.pdf import render_pdf
from printing.raster import render_image
from printing.zpl import render_zpl
from tests.labeling.conftest import HARVEST, decode, make_lot, zpl_to_image
from tests.printing.conftest import rasterise_pdf

TEMPLATES = {t.code: t for t in default_templates()}
COI = "CHA9990250000AB"  # DS040 text of the batch: FIN A9990, 2025, sequence 0000AB
AIM = {"din": "]C0", "product_code": "]C0", "expiry": "]C0", "datamatrix": "]d1"}
Render = Callable[[LabelContent], Image.Image]
RENDERERS: dict[str, Render] = {
    "png-203": lambda c: render_image(c, 203),
    "png-300": lambda c: render_image(c, 300),
    "zpl-203": lambda c: zpl_to_image(render_zpl(c, 203), 203, c.width_mm, c.height_mm),
    "zpl-300": lambda c: zpl_to_image(render_zpl(c, 300), 300, c.width_mm, c.height_mm),
    "pdf-300": lambda c: rasterise_pdf(render_pdf(c, 300), 300)[0],
}


def _flags(template: DefaultTemplate) -> str:
    """The flags the print run gives this template's labels (12 partial, 13 its sheet)."""
    row = LabelTemplate(
        code=template.code, container_type=template.container_type, partial=template.partial
    )
    return label_flags(row, is_reprint=False)


@pytest.fixture
def unit(core: Core) -> int:
    lot = make_lot(core, "B-SCAN-01", count=1, infectious=True, autologous=True, coi=COI)
    return lot.unit_ids[0]


def _fields(core: Core, unit_id: int, template: DefaultTemplate) -> LabelFields:
    with core.uow() as uow:
        return label_fields(uow.session, unit_id, _flags(template))


def _check_one(core: Core, unit_id: int, fields: LabelFields, aim: str, text: str) -> None:
    """What the scan router does with this scan, and that it is the record's."""
    scanned = aim + text
    scan = parse_scan(scanned)
    if isinstance(scan, DinScan):  # the DIN's bar code or the compound 2-D symbol
        assert scan.din == fields.din  # flags included
        assert core.chain.trace.find(scanned) == NodeRef("unit", unit_id)
    elif isinstance(scan, ProductCodeScan):
        assert scan.product_code == fields.product_code
    else:
        assert isinstance(scan, DateScan) and scan.date.kind is DateKind.EXPIRATION
        expiry = fields.expires_at
        assert (scan.date.day, scan.date.time) == (expiry.date(), time(expiry.hour, expiry.minute))
    if text.startswith("=+"):
        _check_compound(fields, scanned)


def _check_compound(fields: LabelFields, scanned: str) -> None:
    parts = read_compound(scanned)
    assert not any(isinstance(p, OtherStructureScan) for p in parts)
    values = {scan_value(p) for p in parts if not isinstance(p, OtherStructureScan)}
    assert len(parts) == 5 and values == expected_scans(fields)
    [coi] = [p for p in parts if isinstance(p, CoiScan)]
    assert coi.coi.text == COI
    harvest = [p.date for p in parts if isinstance(p, DateScan)]
    assert any(d.kind is DateKind.PRODUCTION for d in harvest)
    assert {(d.day, d.time) for d in harvest} >= {
        (fields.harvest_at.date(), time(fields.harvest_at.hour, fields.harvest_at.minute))
    }


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_symbol_reads_back_as_the_record(core: Core, unit: int, code: str) -> None:
    template = TEMPLATES[code]
    layout = validate_layout(template.container_type, template.partial, template.layout, code)
    fields = _fields(core, unit, template)
    assert fields.harvest_at == HARVEST  # a real record, read back from the database
    data = symbol_data(fields)
    wanted = sorted((AIM[name], data[name]) for name in layout.symbols())
    content = build_label(layout, fields)
    for renderer, render in RENDERERS.items():
        found = decode(render(content))
        assert found == wanted, f"{code} as {renderer}"
        for aim, text in found:
            _check_one(core, unit, fields, aim, text)


def test_the_din_carries_each_templates_flags(core: Core, unit: int) -> None:
    """A partial vial label is flagged 12, its information sheet 13, the others 00."""
    flags = {code: _fields(core, unit, t).din.flags for code, t in TEMPLATES.items()}
    assert flags == {
        "LT-BAG": "00",
        "LT-VIAL": "00",
        "LT-VIAL-MINI": "12",
        "LT-SYRINGE": "00",
        "LT-INFO": "13",
        "LT-SHIP": "00",
        "LT-TUBE": "00",
    }
