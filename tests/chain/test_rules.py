"""Every chain rule, attacked: each test tries to break one and expects a typed refusal."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest
from sqlalchemy import func, select

from models.chain.bedside import BedsideProblem, UnitFacts, bedside_verdict
from models.chain.errors import (
    BedsideStopError,
    CollectionNotAcceptedError,
    IneligibleDonorError,
    PoolSourceNotReleasedError,
    ReasonRequiredError,
    ScanMismatchError,
    SegregationError,
    SingleSourceBatchError,
    UnitNotUsableError,
)
from models.entities.audit import AuditEntry
from models.entities.parties import DonorType, Eligibility, ScreeningOutcome
from models.entities.production import Disposition, QualityStatus
from models.isbt128 import Isbt128Error
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, SamePersonError, ValidationError
from tests.chain.conftest import Flow, ago, scan
from tests.conftest import PASSWORD

POS = ScreeningOutcome.POSITIVE


@pytest.mark.req("R-BAT-01", "R-BAT-02", "R-ID-11", "R-ID-21", "R-SEG-04")
def test_a_batch_from_two_donors_is_refused(flow: Flow) -> None:
    for donor in ("DN-1", "DN-2"):
        flow.eligible_donor(donor)
        flow.accepted_collection(donor, f"CL-{donor}")
    with pytest.raises(SingleSourceBatchError, match="2 donors"):
        flow.c.batches.create_batch(
            actor="wang", collections=["CL-DN-1", "CL-DN-2"], product_code="S1389"
        )


@pytest.mark.req("R-BAT-01", "R-BAT-02", "R-BAT-04", "R-ID-21")
def test_a_batch_from_two_collections_of_one_donor_is_refused(flow: Flow) -> None:
    flow.eligible_donor("DN-1")
    flow.accepted_collection("DN-1", "CL-1a")
    flow.accepted_collection("DN-1", "CL-1b")
    with pytest.raises(SingleSourceBatchError, match="2 collections"):
        flow.c.batches.create_batch(
            actor="wang", collections=["CL-1a", "CL-1b"], product_code="S1389"
        )


def test_positive_allogeneic_donor_is_ineligible_flagged_and_cannot_be_collected(
    flow: Flow,
) -> None:
    flow.c.donors.register_donor(actor="wang", code="DN-X", donor_type=DonorType.ALLOGENEIC)
    state = flow.screen("DN-X", ago(3), outcome=POS)
    assert state is Eligibility.INELIGIBLE
    assert flow.c.trace.trace("DN-X").donors[0].infectious
    with pytest.raises(IneligibleDonorError):
        flow.register_collection("DN-X", "CL-X", ago(1))


@pytest.mark.req("R-SEG-05", "R-STO-01", "R-STO-03")
def test_infectious_autologous_material_is_segregated(flow: Flow) -> None:
    """S14: HBsAg-positive CAR-T patient: processed, but stored and shipped apart."""
    flow.eligible_donor("DN-CT19015", DonorType.AUTOLOGOUS, outcome=POS)
    flow.accepted_collection("DN-CT19015", "CL-015", material="leukapheresis")
    with pytest.raises(SegregationError):
        flow.filled_batch("CL-015", 2, product="S2210", location="T-03")
    batch, units = flow.filled_batch("CL-015", 2, product="S2210", location="T-INF-01")
    assert all("X00" in u or u for u in units)
    with pytest.raises(SegregationError):
        flow.c.storage.store(actor="wang", unit_code=units[0], location_code="T-03")
    flow.release(batch)
    _, clean = flow.released_batch("DN-CLEAN", 1)
    with pytest.raises(SegregationError, match="mixed shipment"):
        flow.c.shipments.create(
            actor="wang", code="SH-MIX", destination="HOSP-C", units=[units[0], clean[0]]
        )


@pytest.mark.req("R-DON-05")
def test_a_retest_inside_90_days_does_not_make_the_donor_eligible(flow: Flow) -> None:
    d = flow.c.donors
    d.register_donor(actor="wang", code="DN-R", donor_type=DonorType.ALLOGENEIC)
    flow.screen("DN-R", ago(150), "HIV")
    flow.accepted_collection("DN-R", "CL-R")
    batch, _ = flow.filled_batch("CL-R", 1)
    state = flow.screen("DN-R", ago(61), "HIV")  # 89 days
    assert state is Eligibility.PENDING_RETEST
    with pytest.raises(InvalidTransitionError, match="pending_retest"):
        flow.release(batch)


@pytest.mark.parametrize(
    ("received_hours_after", "temp", "problem"),
    [(30, 5.0, "window"), (2, 15.0, "transport"), (-1, 5.0, "before it was collected")],
)
@pytest.mark.req("R-DC-03", "R-RCV-02", "R-RCV-05")
def test_receipt_outside_window_or_temperature_is_rejected_and_blocks_the_batch(
    flow: Flow, received_hours_after: float, temp: float, problem: str
) -> None:
    flow.eligible_donor("DN-W")
    flow.register_collection("DN-W", "CL-W", ago(2))
    result = flow.receive("CL-W", ago(2, -received_hours_after), temp)
    assert not result.accepted and problem in result.problems[0]
    with pytest.raises(CollectionNotAcceptedError):
        flow.c.batches.create_batch(actor="wang", collections="CL-W", product_code="S1389")


@pytest.mark.req("R-RCV-02")
def test_incomplete_label_or_broken_packaging_is_rejected(flow: Flow) -> None:
    flow.eligible_donor("DN-L")
    flow.register_collection("DN-L", "CL-L", ago(1))
    result = flow.receive("CL-L", ago(0.9), 5, packaging_intact=False, label_complete=False)
    assert len(result.problems) == 2


@pytest.mark.req("R-BAT-07", "R-CSV-15")
def test_fill_needs_a_harvest_date_and_time(flow: Flow) -> None:
    flow.eligible_donor("DN-H")
    flow.accepted_collection("DN-H", "CL-H")
    number = flow.c.batches.create_batch(actor="wang", collections="CL-H", product_code="S1389")
    with pytest.raises(ValidationError, match="harvest"):
        flow.c.batches.fill(actor="wang", batch_number=number, count=2, container_type="cryobag")
    with pytest.raises(ValidationError, match="time zone"):
        flow.c.batches.record_harvest(
            actor="wang", batch_number=number, harvest_at=datetime(2025, 3, 24, 15, 20)
        )


@pytest.mark.req("R-BAT-03", "R-BAT-06")
def test_only_released_batches_can_be_pooled(flow: Flow) -> None:
    released, _ = flow.released_batch("DN-P1", 1)
    flow.eligible_donor("DN-P2")
    flow.accepted_collection("DN-P2", "CL-P2")
    quarantined, _ = flow.filled_batch("CL-P2", 1)
    with pytest.raises(PoolSourceNotReleasedError, match="quarantine"):
        flow.c.batches.create_pool(
            actor="wang", sources=[released, quarantined], product_code="S1389", reason="pool"
        )


@pytest.mark.req("R-CSV-15", "R-REL-05", "R-REL-11", "R-STO-01")
def test_unreleased_units_cannot_be_shipped(flow: Flow) -> None:
    flow.eligible_donor("DN-U")
    flow.accepted_collection("DN-U", "CL-U")
    _, units = flow.filled_batch("CL-U", 1)
    with pytest.raises(UnitNotUsableError, match="not released"):
        flow.c.shipments.create(actor="wang", code="SH-U", destination="HOSP-B", units=units)


@pytest.mark.req("R-TRN-04")
def test_hospital_receipt_must_scan_every_unit(flow: Flow) -> None:
    _, units = flow.released_batch("DN-S", 2)
    s = flow.c.shipments
    s.create(actor="wang", code="SH-S", destination="HOSP-B", units=units)
    s.dispatch(actor="wang", code="SH-S", at=ago(hours=3), temperature_c=-180)
    with pytest.raises(ScanMismatchError, match="missing"):
        flow.c.hospital.receive_shipment(
            actor="liu", code="SH-S", at=ago(hours=1), temperature_c=-170, scanned=units[:1]
        )


@pytest.mark.req("R-TRN-04")
def test_s10_excursion_holds_units_at_the_hospital_until_qa_clears_them(flow: Flow) -> None:
    _, units = flow.released_batch("DN-T", 2)
    flow.patient("P-T")
    s = flow.c.shipments
    s.create(actor="wang", code="SH-250702-03", destination="HOSP-B", units=units, recipient="P-T")
    s.dispatch(actor="wang", code="SH-250702-03", at=ago(hours=9), temperature_c=-182)
    s.record_delay(
        actor="wang",
        code="SH-250702-03",
        at=ago(hours=7),
        minutes=320,
        handling="courier rebooked on next flight",
    )
    excursion = partial(
        s.record_excursion,
        actor="wang",
        code="SH-250702-03",
        at=ago(hours=6),
        temperature_c=-128,
        minutes=42,
    )
    with pytest.raises(ReasonRequiredError):
        excursion(handling=" ")
    excursion(handling="deviation DV-1 opened")
    held = flow.c.hospital.receive_shipment(
        actor="liu", code="SH-250702-03", at=ago(hours=1), temperature_c=-160, scanned=units
    )
    assert held == sorted(units)
    with pytest.raises(UnitNotUsableError, match="on_hold"):
        flow.give(units[0], "P-T")
    s.clear_hold(actor="chen", unit_code=units[0], reason="stability data cover 42 min at -128 °C")
    flow.give(units[0], "P-T")


def _ready_for_bedside(flow: Flow) -> list[str]:
    _, units = flow.released_batch("DN-B", 3)
    flow.patient("P-RIGHT")
    flow.patient("P-WRONG")
    flow.ship_and_receive("SH-B", units, "P-RIGHT")
    flow.thaw(units[0])
    return units


def test_bedside_wrong_recipient_is_a_hard_stop_and_is_audited(flow: Flow) -> None:
    units = _ready_for_bedside(flow)
    with pytest.raises(BedsideStopError, match="another recipient"):
        flow.administer(scan(units[0]), "P-WRONG")
    with flow.core.uow() as uow:
        rejected = uow.session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == AuditAction.SCAN_REJECTED.value)
        )
    assert rejected == 1
    flow.administer(scan(units[0]), "P-RIGHT")


@pytest.mark.req("R-AE-06", "R-HOS-04")
def test_bedside_refuses_unthawed_recalled_and_post_thaw_expired_units(flow: Flow) -> None:
    units = _ready_for_bedside(flow)
    with pytest.raises(BedsideStopError, match="not thawed"):
        flow.administer(scan(units[1]), "P-RIGHT")
    flow.c.hospital.thaw(
        actor="liu", unit_code=units[2], started_at=ago(hours=2.1), ended_at=ago(hours=2)
    )
    with pytest.raises(BedsideStopError, match="post-thaw"):
        flow.administer(scan(units[2]), "P-RIGHT")
    flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=units[0], reason="OOS")
    with pytest.raises(BedsideStopError, match="recalled"):
        flow.administer(scan(units[0]), "P-RIGHT")


@pytest.mark.req("R-CSV-16")
def test_bedside_refuses_a_foreign_or_typed_barcode(flow: Flow) -> None:
    units = _ready_for_bedside(flow)
    with pytest.raises(Isbt128Error):
        flow.administer("4006381333931", "P-RIGHT")  # an EAN-13 from a syringe box
    with pytest.raises(Isbt128Error):
        flow.administer(f"{units[0][:5]} {units[0][5:7]} {units[0][7:]} X", "P-RIGHT")


@pytest.mark.req("R-CSV-14")
def test_bedside_needs_a_second_person(flow: Flow) -> None:
    units = _ready_for_bedside(flow)
    with pytest.raises(SamePersonError):
        flow.administer(scan(units[0]), "P-RIGHT", verifier="liu")


@pytest.mark.req("R-REL-05", "R-STO-02")
def test_bedside_verdict_lists_every_problem_of_an_unreleased_expired_unit() -> None:
    now = ago()
    facts = UnitFacts(
        code="U",
        quality_status=QualityStatus.QUARANTINE,
        disposition=Disposition.AT_HOSPITAL,
        recalled=True,
        on_hold=True,
        voided=False,
        expires_at=ago(1),
        needs_thaw=False,
        use_by=None,
        intended_recipient="P1",
        autologous_recipients=frozenset(),
    )
    verdict = bedside_verdict(facts, "P1", now)
    assert set(verdict.problems) == {
        BedsideProblem.NOT_RELEASED,
        BedsideProblem.EXPIRED,
        BedsideProblem.RECALLED,
        BedsideProblem.ON_HOLD,
    }
    assert "已过期" in verdict.describe("zh")
    assert not bedside_verdict(facts, None, now).ok


@pytest.mark.req("R-ID-12")
def test_autologous_product_cannot_be_dispensed_to_another_patient(flow: Flow) -> None:
    _, units = flow.released_autologous("DN-A", "P-OWN", 1)
    flow.patient("P-OTHER")
    with pytest.raises(UnitNotUsableError, match="another patient"):
        flow.c.shipments.create(
            actor="wang", code="SH-A", destination="HOSP-C", units=units, recipient="P-OTHER"
        )


@pytest.mark.req("R-CSV-04")
def test_void_needs_a_reason_and_keeps_the_record(flow: Flow) -> None:
    _, units = flow.released_batch("DN-V", 2)
    with pytest.raises(ReasonRequiredError):
        flow.c.genealogy.void(actor="chen", kind="unit", identifier=units[1], reason="  ")
    flow.c.genealogy.void(actor="chen", kind="unit", identifier=units[1], reason="entered twice")
    nodes = {u.code: u for u in flow.c.trace.trace(units[0]).units}
    assert nodes[units[1]].voided
    with pytest.raises(UnitNotUsableError, match="voided"):
        flow.c.shipments.create(actor="wang", code="SH-V", destination="HOSP-B", units=units[1:])


@pytest.mark.req("R-CSV-04", "R-ID-04")
def test_re_coding_needs_a_reason_and_a_different_verifier(flow: Flow) -> None:
    _, units = flow.released_batch("DN-G", 1)
    relabel = partial(
        flow.c.genealogy.relabel, actor="wang", unit_code=units[0], verifier_password=PASSWORD
    )
    with pytest.raises(SamePersonError):
        relabel(reason="damaged", verifier="wang")
    with pytest.raises(ReasonRequiredError):
        flow.split(units[0], reason="")
    new = relabel(reason="damaged", verifier="zhao")
    assert new != units[0]
    with pytest.raises(UnitNotUsableError, match="transformed"):
        relabel(reason="again", verifier="zhao")


@pytest.mark.req("R-ID-06")
def test_pooling_units_traces_to_every_source(flow: Flow) -> None:
    _, a = flow.released_batch("DN-PA", 1)
    _, b = flow.released_batch("DN-PB", 1)
    pooled = flow.pool([a[0], b[0]])
    trace = flow.c.trace.trace(pooled)
    assert {d.code for d in trace.donors} == {"DN-PA", "DN-PB"}
    assert set({u.code: u for u in trace.units}[pooled].derived_from) == {a[0], b[0]}
    report = flow.c.recalls.initiate(
        actor="chen", password=PASSWORD, identifier="DN-PA", reason="donor found ineligible"
    )
    assert {i.unit for i in report.units} == {a[0], pooled}
