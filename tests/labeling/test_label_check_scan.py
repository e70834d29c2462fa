"""The double-check around the scan: the core compares the scanned label with the record at
once, the fields a symbol carries count as confirmed by that scan only, the person confirms
the eye-only items - and every way around it is refused."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from models.core import Core
from models.entities.accounts import Signature
from models.entities.labeling import LabelState, PrintedLabel
from models.kernel.errors import InvalidTransitionError, SamePersonError
from models.labeling.check_items import PHYSICAL_ITEMS
from models.labeling.checks import VerificationResult
from models.labeling.errors import FieldsNotScannedError, LineStoppedError, ScanRefusedError
from tests.conftest import PASSWORD
from tests.fakes.printers import RecordingPrinter
from tests.labeling.conftest import Lot
from tests.labeling.flow import all_fields, datamatrix_of, job, labels_of

SCAN_FIELDS = ("din", "product_code", "harvest", "expiry_local", "expiry_utc")


@pytest.fixture
def printed(core: Core, templates: dict[str, int], lot: Lot) -> list[int]:
    job_id = core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=templates["LT-BAG"],
        unit_ids=lot.unit_ids,
        printer_address="memory://x",
        station="C-201/BSC-02",
        actor="wang",
    )
    core.labeling.print_job(job_id=job_id, printer=RecordingPrinter(), actor="wang")
    return [label.id for label in labels_of(core, job_id)]


def _label(core: Core, label_id: int) -> PrintedLabel:
    with core.uow() as uow:
        label = uow.session.get(PrintedLabel, label_id)
        assert label is not None
        uow.session.expunge(label)
        return label


def _din_barcode_of(core: Core, label_id: int) -> str:
    """What a scanner reads from the label's linear DIN symbol alone (Code 128, ]C0)."""
    content = json.loads(_label(core, label_id).content_json)
    [din] = [
        e["data"]
        for e in content["elements"]
        if e.get("symbology") == "code128" and not str(e["data"]).startswith(("=<", "&>"))
    ]
    return "]C0" + str(din)


def _sign(
    core: Core, label_id: int, scan: str, user: str = "zhao", items: dict[str, bool] | None = None
) -> VerificationResult:
    return core.labeling.verify_label(
        label_id=label_id,
        username=user,
        password=PASSWORD,
        scanned_text=scan,
        confirmed_fields={**all_fields(core, label_id), **(items or {})},
    )


def test_a_matching_scan_confirms_the_symbol_fields_at_once(core: Core, printed: list[int]) -> None:
    found = core.labeling.compare_scan(
        label_id=printed[0], scanned_text=datamatrix_of(core, printed[0]), actor="wang"
    )
    assert found.rejected is None and not found.unscanned
    assert set(found.matched) == set(SCAN_FIELDS)
    assert not set(found.by_eye) & set(SCAN_FIELDS) and "batch_number" in found.by_eye
    assert found.physical == PHYSICAL_ITEMS
    assert _label(core, printed[0]).state is LabelState.PRINTED  # comparing signs nothing

    assert _sign(core, printed[0], datamatrix_of(core, printed[0])).accepted
    label = _label(core, printed[0])
    with core.uow() as uow:
        signature = uow.session.scalar(
            select(Signature).where(Signature.id == label.verification_signature_id)
        )
        assert signature is not None and signature.printed_name  # zhao's own signature
    assert label.state is LabelState.VERIFIED and label.verified_by == "zhao"


def test_a_wrong_label_stops_the_line_the_moment_it_is_scanned(
    core: Core, printed: list[int]
) -> None:
    found = core.labeling.compare_scan(
        label_id=printed[0], scanned_text=datamatrix_of(core, printed[1]), actor="wang"
    )
    assert found.rejected is not None and not found.rejected.accepted
    assert found.rejected.deviation_id is not None
    assert {m.code for m in found.rejected.mismatches} >= {"scan_lacks_din"}
    assert _label(core, printed[0]).state is LabelState.REJECTED
    assert job(core, _label(core, printed[0]).print_job_id).line_stopped
    # ... and signed anyway, with every eye item ticked and the right scan this time: refused.
    with pytest.raises(InvalidTransitionError):
        _sign(core, printed[0], datamatrix_of(core, printed[0]))
    with pytest.raises(LineStoppedError):  # the job's other labels wait for QA too
        core.labeling.compare_scan(
            label_id=printed[1], scanned_text=datamatrix_of(core, printed[1]), actor="wang"
        )
    assert _label(core, printed[0]).state is LabelState.REJECTED


@pytest.mark.req("R-LBL-06")
def test_a_mismatching_scan_signed_anyway_is_rejected_not_verified(
    core: Core, printed: list[int]
) -> None:
    """Straight to the signature, skipping the comparison: the core compares again."""
    result = _sign(core, printed[0], datamatrix_of(core, printed[1]))
    assert not result.accepted and result.deviation_id is not None
    assert _label(core, printed[0]).state is LabelState.REJECTED


@pytest.mark.req("R-LBL-06")
def test_fields_claimed_matched_without_a_scan_of_them_are_refused(
    core: Core, printed: list[int]
) -> None:
    ticked_everything = dict.fromkeys(SCAN_FIELDS, True)
    # Only the linear DIN scanned: the product code and dates were never read by the machine.
    with pytest.raises(FieldsNotScannedError) as refused:
        _sign(core, printed[0], _din_barcode_of(core, printed[0]), items=ticked_everything)
    assert "product_code" in str(refused.value.params) and "din" not in refused.value.params[
        "fields"
    ].split(", ")
    with pytest.raises(ScanRefusedError):  # no scan at all
        _sign(core, printed[0], "", items=ticked_everything)
    with pytest.raises(ScanRefusedError):  # the DIN typed, not scanned
        _sign(core, printed[0], "A9990 25 000001", items=ticked_everything)
    assert _label(core, printed[0]).state is LabelState.PRINTED


@pytest.mark.req("R-DC-02", "R-LBL-06")
def test_the_printer_cannot_verify_after_scanning(core: Core, printed: list[int]) -> None:
    """wang requested and printed it: his scan may stop the line, never sign it off."""
    core.labeling.compare_scan(
        label_id=printed[0], scanned_text=datamatrix_of(core, printed[0]), actor="wang"
    )
    with pytest.raises(SamePersonError):
        _sign(core, printed[0], datamatrix_of(core, printed[0]), user="wang")
    assert _label(core, printed[0]).state is LabelState.PRINTED


@pytest.mark.parametrize("item", ["print_quality", "right_container", "batch_number"])
def test_an_eye_item_reported_wrong_rejects_the_label(
    core: Core, printed: list[int], item: str
) -> None:
    result = _sign(core, printed[0], datamatrix_of(core, printed[0]), items={item: False})
    assert not result.accepted and [m.code for m in result.mismatches] == ["field_not_confirmed"]
    assert job(core, _label(core, printed[0]).print_job_id).line_stopped


@pytest.mark.req("R-LBL-06")
def test_an_eye_item_left_out_is_refused(core: Core, printed: list[int]) -> None:
    confirmed = all_fields(core, printed[0])
    del confirmed["right_container"]
    with pytest.raises(Exception, match="right_container"):
        core.labeling.verify_label(
            label_id=printed[0],
            username="zhao",
            password=PASSWORD,
            scanned_text=datamatrix_of(core, printed[0]),
            confirmed_fields=confirmed,
        )
    assert _label(core, printed[0]).state is LabelState.PRINTED
