"""Every label of a training or validation database says "TEST — NOT FOR CLINICAL USE"
(issue 16), in free space so every symbol still scans; a production label does not; a label
with no room for the banner is refused rather than printed without it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from models.core import Core
from models.entities.database import Purpose
from models.entities.labeling import PrintedLabel
from models.entities.parties import Site, SiteKind
from models.labeling.build import build_label
from models.labeling.errors import BannerNoRoomError
from models.labeling.fields import label_fields
from models.labeling.layout import parse_layout
from printing.transports.file import FilePrinter
from tests.conftest import make_core
from tests.labeling.conftest import Lot, approve_defaults, make_lot
from tests.printing.conftest import decode, rasterise_pdf

BANNER_EN, BANNER_ZH = "TEST — NOT FOR CLINICAL USE", "测试 — 不得用于临床"


def _print(core: Core, lot: Lot, template: int, folder: Path) -> tuple[list[Path], list[int]]:
    printer = FilePrinter(folder, "pdf", dpi=300)
    job = core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=template,
        unit_ids=lot.unit_ids,
        printer_address=printer.address,
        station="LS-T",
        actor="wang",
    )
    outcome = core.labeling.print_job(job_id=job, printer=printer, actor="wang")
    assert len(outcome.printed_label_ids) == len(lot.unit_ids)
    return sorted(folder.glob("*.pdf")), list(outcome.printed_label_ids)


def _text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())


@pytest.mark.req("R-CSV-33")
@pytest.mark.parametrize("template", ["LT-BAG", "LT-VIAL-MINI", "LT-TUBE", "LT-SHIP"])
def test_a_training_label_carries_the_banner_and_still_scans(
    core: Core, tmp_path: Path, template: str
) -> None:
    container = {"LT-VIAL-MINI": "cryovial", "LT-TUBE": "sample_tube", "LT-SHIP": "shipper"}
    lot = make_lot(core, count=1, container=container.get(template, "cryobag"), infectious=True)
    pdfs, labels = _print(core, lot, approve_defaults(core)[template], tmp_path)
    text = _text(pdfs[0])
    if template == "LT-VIAL-MINI":  # 25 × 10 mm: the short words; its sheet has the full ones
        assert "TEST" in text and "测试" in text
    else:
        assert BANNER_EN in text and BANNER_ZH in text
    decoded = {data for _, data in decode(rasterise_pdf(pdfs[0].read_bytes())[0])}
    assert decoded == _symbols(core, labels[0])  # every symbol still scans, banner or not
    if template != "LT-TUBE":  # and the 2-D symbol reads as the record says
        assert core.labeling.check_sheet(labels[0]).record_scan.removeprefix("]d1") in decoded


def _symbols(core: Core, label_id: int) -> set[str]:
    """The data of every symbol the printed label's archived content holds."""
    with core.uow() as uow:
        label = uow.session.get(PrintedLabel, label_id)
        assert label is not None
        elements = json.loads(label.content_json)["elements"]
    return {str(e["data"]) for e in elements if "symbology" in e}


def test_a_production_label_has_no_banner(tmp_path: Path) -> None:
    core = make_core(f"sqlite:///{tmp_path / 'prod.db'}", purpose=Purpose.PRODUCTION)
    try:
        with core.uow() as uow:  # our own facility, with a real code
            uow.session.add(
                Site(code="TJ", name="TJ", kind=SiteKind.MANUFACTURER, isbt_facility_code="W0000")
            )
            uow.commit()
        lot = make_lot(core, count=1)
        (folder := tmp_path / "out").mkdir()
        pdfs, _ = _print(core, lot, approve_defaults(core)["LT-BAG"], folder)
        assert "TEST" not in _text(pdfs[0]) and "测试" not in _text(pdfs[0])
    finally:
        core.close()


@pytest.mark.req("R-CSV-33")
def test_a_label_without_room_for_the_banner_is_refused(core: Core) -> None:
    """A 25×10 mm label filled edge to edge with a box leaves no free space."""
    lot = make_lot(core, count=1, container="cryovial")
    crowded = {
        "width_mm": 25,
        "height_mm": 10,
        "elements": [
            {"kind": "box", "x": 0, "y": 0, "w": 25, "h": 10, "filled": True},
            {"kind": "text", "field": "din", "x": 1, "y": 1, "h": 2},
        ],
    }
    with core.uow() as uow:
        fields = label_fields(uow.session, lot.unit_ids[0])
    with pytest.raises(BannerNoRoomError):
        build_label(parse_layout(json.dumps(crowded)), fields)
    roomy = {**crowded, "elements": crowded["elements"][1:]}
    texts = [e.text for e in build_label(parse_layout(json.dumps(roomy)), fields).elements]
    assert any(BANNER_EN in t for t in texts if isinstance(t, str))  # with room, it is there
