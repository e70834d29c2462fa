"""Every way around the double-check, the template approval and the reconciliation, refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.core import Core
from models.entities.audit import AuditEntry
from models.entities.labeling import LabelState, LabelTemplate, TemplateStatus
from models.entities.quality import Deviation
from models.kernel.errors import InvalidTransitionError, PermissionDeniedError, SamePersonError
from models.labeling.errors import (
    AlreadyLabelledError,
    FieldsNotConfirmedError,
    LabelsNotReconciledError,
    LineStoppedError,
    ReprintNotApprovedError,
    ScanRefusedError,
    StationBusyError,
    TemplateNotUsableError,
)
from models.labeling.layout import LayoutError
from models.labeling.reconciliation import require_labels_reconciled
from tests.conftest import PASSWORD
from tests.fakes.printers import RecordingPrinter
from tests.labeling.conftest import HARVEST, Lot, make_lot, template_row
from tests.labeling.flow import all_fields, datamatrix_of, job, labels_of, record_scan, verify

STATION = "C-201/BSC-02"


def _printed(core: Core, lot: Lot, template_id: int, station: str = STATION) -> list[int]:
    job_id = core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=template_id,
        unit_ids=lot.unit_ids,
        printer_address="memory://x",
        station=station,
        actor="wang",
    )
    core.labeling.print_job(job_id=job_id, printer=RecordingPrinter(), actor="wang")
    return [label.id for label in labels_of(core, job_id)]


def _verify(core: Core, label_id: int, scan: str, user: str = "zhao", **fields: bool):  # type: ignore[no-untyped-def]
    confirmed = {**all_fields(core, label_id), **fields}
    return core.labeling.verify_label(
        label_id=label_id,
        username=user,
        password=PASSWORD,
        scanned_text=scan,
        confirmed_fields=confirmed,
    )


@pytest.fixture
def printed(core: Core, templates: dict[str, int], lot: Lot) -> list[int]:
    return _printed(core, lot, templates["LT-BAG"])


def _state(core: Core, label_id: int) -> LabelState:
    [label] = [x for x in labels_of(core, _job_of(core, label_id)) if x.id == label_id]
    return label.state


def _job_of(core: Core, label_id: int) -> int:
    from models.entities.labeling import PrintedLabel

    with core.uow() as uow:
        label = uow.session.get(PrintedLabel, label_id)
        assert label is not None
        return label.print_job_id


# --- the double-check -------------------------------------------------------------------


@pytest.mark.req("R-DC-02", "R-LBL-06")
def test_the_requester_cannot_verify_their_own_labels(core: Core, printed: list[int]) -> None:
    with pytest.raises(SamePersonError):
        _verify(core, printed[0], datamatrix_of(core, printed[0]), user="wang")
    assert _state(core, printed[0]) is LabelState.PRINTED


@pytest.mark.req("R-LBL-06")
def test_a_clinical_user_cannot_verify(core: Core, printed: list[int]) -> None:
    with pytest.raises(PermissionDeniedError):
        _verify(core, printed[0], datamatrix_of(core, printed[0]), user="liu")


@pytest.mark.req("R-LBL-06")
def test_a_skipped_field_is_refused_and_nothing_is_recorded(core: Core, printed: list[int]) -> None:
    confirmed = all_fields(core, printed[0])
    del confirmed["batch_number"]  # printed text no symbol carries: only eyes can check it
    with pytest.raises(FieldsNotConfirmedError, match="batch_number"):
        core.labeling.verify_label(
            label_id=printed[0],
            username="zhao",
            password=PASSWORD,
            scanned_text=datamatrix_of(core, printed[0]),
            confirmed_fields=confirmed,
        )
    assert _state(core, printed[0]) is LabelState.PRINTED


@pytest.mark.req("R-CSV-27", "R-LBL-06")
def test_another_units_label_scanned_rejects_stops_the_line_and_opens_a_deviation(
    core: Core, printed: list[int]
) -> None:
    result = _verify(core, printed[0], datamatrix_of(core, printed[1]))
    assert not result.accepted and result.deviation_id is not None
    assert _state(core, printed[0]) is LabelState.REJECTED
    assert job(core, _job_of(core, printed[0])).line_stopped
    with core.uow() as uow:
        deviation = uow.session.get(Deviation, result.deviation_id)
        assert deviation is not None and "not on this unit's record" in deviation.description
    with pytest.raises(LineStoppedError):  # the line is stopped for the job's other labels
        verify(core, printed[1])
    core.labeling.resume_line(
        job_id=_job_of(core, printed[0]),
        username="chen",
        password=PASSWORD,
        reason="wrong label picked up; segregated",
    )
    assert verify(core, printed[1])


@pytest.mark.req("R-LBL-06")
def test_a_field_that_does_not_match_rejects_the_label(core: Core, printed: list[int]) -> None:
    """S3: the checker sees a harvest time different from the batch record."""
    result = _verify(core, printed[0], datamatrix_of(core, printed[0]), harvest=False)
    assert not result.accepted and [m.code for m in result.mismatches] == ["field_not_confirmed"]
    assert "harvest date and time" in result.mismatches[0].message("en")
    assert "收获日期和时间" in result.mismatches[0].message("zh")  # R-LBL-01: 收获日期及时间


@pytest.mark.req("R-LBL-06")
def test_a_label_that_no_longer_matches_the_record_is_rejected(
    core: Core, printed: list[int]
) -> None:
    from datetime import timedelta

    from models.entities.production import ProductUnit

    with core.uow() as uow:  # the record is corrected after printing
        label_unit = uow.session.get(ProductUnit, 1)
        assert label_unit is not None and label_unit.expires_at is not None
        label_unit.expires_at -= timedelta(hours=6)
        uow.commit()
    result = _verify(core, printed[0], datamatrix_of(core, printed[0]))
    assert not result.accepted
    [mismatch] = result.mismatches
    assert mismatch.code == "scan_not_on_record"
    assert mismatch.message("en").startswith("The scanned expiry date 2026-03-24 ")
    assert "有效期" in mismatch.message("zh") and "IsbtDate" not in mismatch.message("en")
    assert record_scan(core, printed[0]) != datamatrix_of(core, printed[0])


@pytest.mark.parametrize(
    "scan",
    ["]C10109506000134352", "hello", "A9990 25 000001 A", "", "]Q1=A99902500000100"],
)
@pytest.mark.req("R-CSV-16")
def test_a_foreign_or_typed_scan_is_refused_audited_and_changes_nothing(
    core: Core, printed: list[int], scan: str
) -> None:
    with pytest.raises(ScanRefusedError):
        _verify(core, printed[0], scan)
    assert _state(core, printed[0]) is LabelState.PRINTED
    with core.uow() as uow:
        actions = uow.session.scalars(
            select(AuditEntry.action).where(
                AuditEntry.subject_type == "printed_label", AuditEntry.subject_id == str(printed[0])
            )
        )
        assert "scan_rejected" in list(actions)


@pytest.mark.req("R-CSV-15", "R-LBL-06")
def test_only_a_verified_label_can_be_applied(core: Core, printed: list[int]) -> None:
    with pytest.raises(InvalidTransitionError):
        core.labeling.apply_label(label_id=printed[0], actor="wang")


def test_a_verified_label_cannot_be_verified_again(core: Core, printed: list[int]) -> None:
    assert verify(core, printed[0])
    with pytest.raises(InvalidTransitionError):
        verify(core, printed[0], username="chen")


# --- reprints ---------------------------------------------------------------------------


def _voided_and_reprint(core: Core, label_id: int) -> int:
    core.labeling.void_label(label_id=label_id, actor="wang", reason="smudged in the printer")
    return core.labeling.request_reprint(
        label_id=label_id,
        reason="smudged",
        printer_address="memory://x",
        station=STATION,
        actor="wang",
    )


@pytest.mark.req("R-CSV-15")
def test_a_reprint_without_qa_approval_does_not_print(core: Core, printed: list[int]) -> None:
    reprint = _voided_and_reprint(core, printed[0])
    with pytest.raises(ReprintNotApprovedError):
        core.labeling.print_job(job_id=reprint, printer=RecordingPrinter(), actor="wang")
    assert labels_of(core, reprint) == []


def test_the_requester_cannot_approve_their_reprint_nor_can_an_operator(
    core: Core, printed: list[int]
) -> None:
    reprint = _voided_and_reprint(core, printed[0])
    with pytest.raises(SamePersonError):
        core.labeling.approve_reprint(job_id=reprint, username="wang", password=PASSWORD)
    with pytest.raises(PermissionDeniedError):
        core.labeling.approve_reprint(job_id=reprint, username="zhao", password=PASSWORD)


def test_an_approved_reprint_is_marked_as_a_repeat_label(core: Core, printed: list[int]) -> None:
    reprint = _voided_and_reprint(core, printed[0])
    core.labeling.approve_reprint(job_id=reprint, username="li", password=PASSWORD)
    core.labeling.print_job(job_id=reprint, printer=RecordingPrinter(), actor="wang")
    [label] = labels_of(core, reprint)
    assert label.is_reprint and label.reprint_of_id == printed[0]
    assert datamatrix_of(core, label.id).startswith("]d1=+04000=A9990250000010" + "5")  # flag 05
    assert verify(core, label.id)


def test_a_live_label_cannot_be_reprinted_or_printed_twice(
    core: Core, printed: list[int], templates: dict[str, int], lot: Lot
) -> None:
    with pytest.raises(InvalidTransitionError):
        core.labeling.request_reprint(
            label_id=printed[0],
            reason="again",
            printer_address="memory://x",
            station=STATION,
            actor="wang",
        )
    with pytest.raises(AlreadyLabelledError):
        _printed(core, lot, templates["LT-BAG"])


# --- templates --------------------------------------------------------------------------


def _draft(core: Core, code: str = "LT-BAG", actor: str = "wang") -> int:
    from models.labeling.defaults import default_templates

    [bag] = [t for t in default_templates() if t.code == "LT-BAG"]
    return core.labeling.create_template_version(
        code=code, container_type="cryobag", layout=bag.layout, actor=actor
    )


@pytest.mark.req("R-LBL-04")
def test_an_unapproved_template_cannot_print(core: Core, lot: Lot) -> None:
    with pytest.raises(TemplateNotUsableError, match="draft"):
        _printed(core, lot, _draft(core))


@pytest.mark.req("R-LBL-04")
def test_the_author_cannot_approve_and_only_qa_can(core: Core) -> None:
    draft = _draft(core, actor="chen")
    with pytest.raises(SamePersonError):
        core.labeling.approve_template(template_id=draft, username="chen", password=PASSWORD)
    with pytest.raises(PermissionDeniedError):
        core.labeling.approve_template(template_id=draft, username="zhao", password=PASSWORD)


@pytest.mark.req("R-CSV-25", "R-LBL-19")
def test_a_new_version_retires_the_old_one_which_can_no_longer_print(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    v2 = _draft(core)
    assert template_row(core, v2).version == 2
    assert template_row(core, templates["LT-BAG"]).status is TemplateStatus.APPROVED  # until v2
    core.labeling.approve_template(template_id=v2, username="chen", password=PASSWORD)
    assert template_row(core, templates["LT-BAG"]).status is TemplateStatus.RETIRED
    with pytest.raises(TemplateNotUsableError, match="retired"):
        _printed(core, lot, templates["LT-BAG"])
    assert len(_printed(core, lot, v2)) == 2


@pytest.mark.req("R-CSV-06", "R-LBL-04")
def test_editing_an_approved_layout_in_place_breaks_its_approval(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    with core.uow() as uow:
        template = uow.session.get(LabelTemplate, templates["LT-BAG"])
        assert template is not None
        template.layout = template.layout.replace('"h":8', '"h":9')
        uow.commit()
    with pytest.raises(TemplateNotUsableError, match="changed after QA approval"):
        _printed(core, lot, templates["LT-BAG"])


@pytest.mark.req("R-LBL-10")
def test_a_partial_template_without_the_unique_id_cannot_be_saved(core: Core) -> None:
    """S13 negative: a partial vial label must carry the unique ID."""
    from models.labeling.defaults import default_templates

    [vial] = [t for t in default_templates() if t.code == "LT-VIAL-MINI"]
    layout = vial.layout.replace('"field":"din"', '"field":"status"')
    with pytest.raises(LayoutError, match="din"):
        core.labeling.create_template_version(
            code="LT-VIAL-X", container_type="cryovial", layout=layout, partial=True, actor="wang"
        )


# --- station lock and reconciliation --------------------------------------------------


@pytest.mark.req("R-LBL-11")
def test_a_second_batch_is_refused_at_a_station_until_the_first_reconciles(
    core: Core, templates: dict[str, int], printed: list[int]
) -> None:
    other = make_lot(core, "B-CIK-250501-002", first_sequence=50)
    with pytest.raises(StationBusyError, match="B-LBL-0001"):
        _printed(core, other, templates["LT-BAG"])
    assert _printed(core, other, templates["LT-BAG"], station="C-202/BSC-01")  # another station
    for label_id in printed:
        assert verify(core, label_id)
        core.labeling.apply_label(label_id=label_id, actor="wang")
    third = make_lot(core, "B-NK-250501-004", first_sequence=90)
    assert len(_printed(core, third, templates["LT-BAG"])) == 2


@pytest.mark.req("R-LBL-05")
def test_release_gate_needs_witnessed_destruction_of_voided_labels(
    core: Core, printed: list[int]
) -> None:
    assert verify(core, printed[0])
    core.labeling.apply_label(label_id=printed[0], actor="wang")
    core.labeling.void_label(label_id=printed[1], actor="wang", reason="unit discarded")
    report = core.labeling.reconciliation(1)
    assert report.balanced and (report.printed, report.applied, report.voided) == (2, 1, 1)
    with core.uow() as uow, pytest.raises(LabelsNotReconciledError, match="destruction"):
        require_labels_reconciled(uow.session, 1)
    with pytest.raises(SamePersonError):
        core.labeling.record_destruction(
            label_ids=[printed[1]], actor="wang", witness="wang", witness_password=PASSWORD
        )
    core.labeling.record_destruction(
        label_ids=[printed[1]], actor="wang", witness="zhao", witness_password=PASSWORD
    )
    with core.uow() as uow:
        assert require_labels_reconciled(uow.session, 1).destroyed == 1


@pytest.mark.req("R-LBL-05")
def test_release_gate_refuses_labels_still_awaiting_their_check(
    core: Core, printed: list[int]
) -> None:
    report = core.labeling.reconciliation(1)
    assert not report.balanced and report.awaiting_check == 2
    with core.uow() as uow, pytest.raises(LabelsNotReconciledError, match="printed 2"):
        require_labels_reconciled(uow.session, 1)


def test_a_record_time_with_seconds_and_microseconds_still_verifies(
    core: Core, templates: dict[str, int]
) -> None:
    """Times from the clock carry seconds and microseconds; the label shows minutes. The
    double check compares minute to minute and must not stop the line over the rest."""
    lot = make_lot(core, "B-LBL-0077", harvest=HARVEST.replace(second=31, microsecond=123456))
    [label_id, _] = _printed(core, lot, templates["LT-BAG"])
    result = _verify(core, label_id, datamatrix_of(core, label_id))
    assert result.accepted, result.mismatches
