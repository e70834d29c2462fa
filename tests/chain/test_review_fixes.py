"""Review findings on the chain of identity, each attacked: scanned COI ids, voided lineage,
pool release, pool segregation, the bedside hospital check and recalled units everywhere."""

from __future__ import annotations

import pytest

from models.chain.bedside import BedsideProblem
from models.chain.errors import BedsideStopError, SegregationError, UnitNotUsableError
from models.chain.recall import affected_units
from models.entities.parties import DonorType, ScreeningOutcome
from models.entities.production import BatchStatus, QualityStatus
from models.isbt128 import parse_scan
from models.kernel.errors import InvalidTransitionError, ValidationError
from tests.chain.conftest import Flow, ago, scan
from tests.conftest import PASSWORD

POS = ScreeningOutcome.POSITIVE


def _batch_status(flow: Flow, number: str) -> BatchStatus:
    from models.chain import lookup
    with flow.core.uow() as uow:
        return lookup.batch(uow.session, number).status


def _unit_status(flow: Flow, code: str) -> QualityStatus:
    from models.chain import lookup
    with flow.core.uow() as uow:
        return lookup.unit(uow.session, code).quality_status


def _recall(flow: Flow, identifier: str) -> None:
    flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=identifier, reason="OOS")


# 1 — a scanned COI bar code is the same identifier as the typed COI text


@pytest.mark.req("R-ID-07")
def test_a_scanned_coi_traces_and_recalls_like_the_typed_one(flow: Flow) -> None:
    flow.eligible_donor("DN-COI")
    coi = flow.accepted_collection("DN-COI", "CL-COI")
    batch, units = flow.filled_batch("CL-COI", 3)
    flow.release(batch)
    _, other = flow.released_batch("DN-OTHER", 2)
    scanned = f"&/{coi}"
    assert parse_scan(scanned).kind == "coi"
    typed = flow.c.trace.trace(coi)
    from_scan = flow.c.trace.trace(f"  {scanned} ")
    assert [d.code for d in from_scan.donors] == ["DN-COI"]
    assert {u.code for u in from_scan.units} == set(units) == {u.code for u in typed.units}
    assert [b.number for b in from_scan.batches] == [batch]
    assert from_scan.focus_kind == "coi" and from_scan.focus == coi
    with flow.core.uow() as uow:
        assert {u.din for u in affected_units(uow.session, scanned)} == set(units)
    report = flow.c.recalls.initiate(
        actor="chen", password=PASSWORD, identifier=scanned, reason="COI mix-up suspected"
    )
    assert {i.unit for i in report.units} == set(units)
    assert not any(u.recalled for u in flow.c.trace.trace(other[0]).units)


# 2 — a voided batch (or any voided ancestor) blocks every later step


def test_units_of_a_voided_batch_are_refused_at_every_later_step(flow: Flow) -> None:
    batch, units = flow.released_batch("DN-VB", 5)
    flow.patient("P-VB")
    flow.ship_and_receive("SH-VB-1", units[:1], "P-VB")
    flow.thaw(units[0])
    s = flow.c.shipments
    s.create(actor="wang", code="SH-VB-2", destination="HOSP-B", units=[units[1]])
    flow.c.genealogy.void(actor="chen", kind="batch", identifier=batch, reason="wrong donor")
    with pytest.raises(UnitNotUsableError, match=f"batch {batch}"):
        s.create(actor="wang", code="SH-VB-3", destination="HOSP-B", units=[units[2]])
    with pytest.raises(UnitNotUsableError, match="voided"):
        s.dispatch(actor="wang", code="SH-VB-2", at=ago(hours=1), temperature_c=-180)
    with pytest.raises(BedsideStopError, match="voided"):
        flow.administer(scan(units[0]), "P-VB")
    verdict = flow.c.hospital.check_bedside(product_scan=scan(units[0]), recipient_scan="P-VB")
    assert BedsideProblem.VOIDED in verdict.problems
    with pytest.raises(UnitNotUsableError, match="voided"):
        flow.split(units[3])


def test_a_voided_ancestor_unit_or_pool_source_blocks_the_descendants(flow: Flow) -> None:
    _, units = flow.released_batch("DN-VA", 2)
    new = flow.c.genealogy.relabel(
        actor="wang",
        unit_code=units[0],
        reason="damaged",
        verifier="zhao",
        verifier_password=PASSWORD,
    )
    flow.c.genealogy.void(actor="chen", kind="unit", identifier=units[0], reason="wrong DIN")
    with pytest.raises(UnitNotUsableError, match=f"unit {units[0]}"):
        flow.c.shipments.create(actor="wang", code="SH-VA", destination="HOSP-B", units=[new])

    b1, _ = flow.released_batch("DN-VP1", 1)
    b2, _ = flow.released_batch("DN-VP2", 1)
    pool = flow.c.batches.create_pool(
        actor="wang", sources=[b1, b2], product_code="S1389", reason="pool"
    )
    flow.c.batches.record_harvest(actor="wang", batch_number=pool, harvest_at=ago(5))
    pooled = flow.c.batches.fill(
        actor="wang", batch_number=pool, count=2, container_type="cryobag", location_code="T-03"
    )
    flow.release(pool)
    flow.c.genealogy.void(actor="chen", kind="batch", identifier=b2, reason="donor mix-up")
    with pytest.raises(UnitNotUsableError, match=f"batch {b2}"):
        flow.c.shipments.create(actor="wang", code="SH-VP", destination="HOSP-B", units=pooled)

    b3, _ = flow.released_batch("DN-VP3", 1)
    b4, _ = flow.released_batch("DN-VP4", 1)
    pool2 = flow.c.batches.create_pool(
        actor="wang", sources=[b3, b4], product_code="S1389", reason="pool"
    )
    flow.c.batches.record_harvest(actor="wang", batch_number=pool2, harvest_at=ago(5))
    flow.c.batches.fill(actor="wang", batch_number=pool2, count=1, container_type="cryobag")
    flow.c.genealogy.void(actor="chen", kind="batch", identifier=b4, reason="donor mix-up")
    with pytest.raises(InvalidTransitionError, match=f"Source batch {b4} is voided"):
        flow.release(pool2)


# 3 — a pool of units from several batches is a new batch in quarantine


@pytest.mark.req("R-BAT-03")
def test_pooling_units_of_released_batches_starts_a_quarantined_pool_batch(flow: Flow) -> None:
    batch_a, a = flow.released_batch("DN-QA", 1)
    batch_b, b = flow.released_batch("DN-QB", 1)
    pooled = flow.pool([a[0], b[0]])
    trace = flow.c.trace.trace(pooled)
    pool = next(n for n in trace.batches if n.sources)
    assert _batch_status(flow, pool.number) is BatchStatus.QUARANTINE
    assert _unit_status(flow, pooled) is QualityStatus.QUARANTINE
    with pytest.raises(UnitNotUsableError, match="not released"):
        flow.c.shipments.create(actor="wang", code="SH-PQ", destination="HOSP-B", units=[pooled])
    # a source batch outside the trace (DN-QA's) is still named by its number, not its id
    forward = flow.c.trace.trace("DN-QB")
    assert next(n for n in forward.batches if n.sources).sources == (batch_a, batch_b)
    flow.release(pool.number)  # the hook QA's release decision calls
    assert _unit_status(flow, pooled) is QualityStatus.RELEASED
    flow.c.shipments.create(actor="wang", code="SH-PQ", destination="HOSP-B", units=[pooled])
    # a source batch outside the trace (DN-QA's) is still named by its number, not its id
    forward = flow.c.trace.trace("DN-QB")
    assert next(n for n in forward.batches if n.sources).sources == (batch_a, batch_b)


# 4 — infectious material is never pooled with non-infectious material


def _infectious_units(flow: Flow) -> tuple[str, list[str]]:
    flow.eligible_donor("DN-INF", DonorType.AUTOLOGOUS, outcome=POS)
    flow.accepted_collection("DN-INF", "CL-INF", material="leukapheresis")
    batch, units = flow.filled_batch("CL-INF", 2, location="T-INF-01")
    flow.release(batch)
    return batch, units


@pytest.mark.req("R-BAT-06", "R-SEG-05")
def test_infectious_and_non_infectious_units_cannot_be_pooled(flow: Flow) -> None:
    _, infectious = _infectious_units(flow)
    _, clean = flow.released_batch("DN-CLN", 1)
    for codes in ([infectious[0], clean[0]], [clean[0], infectious[0]]):
        with pytest.raises(SegregationError, match="pool"):
            flow.pool(codes)


@pytest.mark.req("R-BAT-06", "R-SEG-05")
def test_infectious_and_non_infectious_batches_cannot_be_pooled(flow: Flow) -> None:
    infectious, _ = _infectious_units(flow)
    clean, _ = flow.released_batch("DN-CLN", 1)
    with pytest.raises(SegregationError, match="pool"):
        flow.c.batches.create_pool(
            actor="wang", sources=[clean, infectious], product_code="S1389", reason="pool"
        )


# 5 — the bedside refuses a unit held at another hospital than the recipient's


def test_bedside_stops_a_unit_at_another_hospital_than_the_recipients(flow: Flow) -> None:
    _, units = flow.released_autologous("DN-HC", "P-HC", 2, hospital="HOSP-C")
    with pytest.raises(ValidationError, match="not registered at HOSP-B"):
        flow.c.shipments.create(
            actor="wang", code="SH-HX", destination="HOSP-B", units=units, recipient="P-HC"
        )
    flow.ship_and_receive("SH-HB", units, None, hospital="HOSP-B")  # the wrong hospital
    with pytest.raises(UnitNotUsableError, match="another hospital"):
        flow.c.hospital.dispense(actor="liu", unit_code=units[1], recipient="P-HC")
    flow.thaw(units[0])
    verdict = flow.c.hospital.check_bedside(product_scan=scan(units[0]), recipient_scan="P-HC")
    assert verdict.problems == (BedsideProblem.WRONG_HOSPITAL,)
    assert "医院" in verdict.describe("zh")
    with pytest.raises(BedsideStopError, match="another hospital"):
        flow.administer(scan(units[0]), "P-HC")


def test_bedside_accepts_the_same_unit_at_the_recipients_own_hospital(flow: Flow) -> None:
    _, units = flow.released_autologous("DN-HOK", "P-HOK", 1, hospital="HOSP-C")
    flow.ship_and_receive("SH-HOK", units, None, hospital="HOSP-C")
    assert flow.give(units[0], "P-HOK") > 0


# 6 — a recalled unit is refused at dispatch, re-coding and hospital receipt


@pytest.mark.req("R-STO-01")
def test_a_unit_recalled_after_planning_is_refused_at_dispatch(flow: Flow) -> None:
    _, units = flow.released_batch("DN-RD", 2)
    s = flow.c.shipments
    s.create(actor="wang", code="SH-RD", destination="HOSP-B", units=units)
    _recall(flow, units[1])
    with pytest.raises(UnitNotUsableError, match="recalled"):
        s.dispatch(actor="wang", code="SH-RD", at=ago(hours=1), temperature_c=-180)


@pytest.mark.req("R-ID-04")
def test_a_recalled_unit_cannot_be_split_relabelled_or_pooled(flow: Flow) -> None:
    _, units = flow.released_batch("DN-RC", 3)
    _recall(flow, units[0])
    g = flow.c.genealogy
    common = {"actor": "wang", "reason": "r", "verifier": "zhao", "verifier_password": PASSWORD}
    with pytest.raises(UnitNotUsableError, match="recalled"):
        g.split(unit_code=units[0], parts=2, **common)  # type: ignore[arg-type]
    with pytest.raises(UnitNotUsableError, match="recalled"):
        g.relabel(unit_code=units[0], **common)  # type: ignore[arg-type]
    with pytest.raises(UnitNotUsableError, match="recalled"):
        g.pool_units(unit_codes=[units[1], units[0]], **common)  # type: ignore[arg-type]


@pytest.mark.req("R-AE-06")
def test_a_unit_recalled_in_transit_is_refused_at_hospital_receipt(flow: Flow) -> None:
    _, units = flow.released_batch("DN-RR", 2)
    s = flow.c.shipments
    s.create(actor="wang", code="SH-RR", destination="HOSP-B", units=units)
    s.dispatch(actor="wang", code="SH-RR", at=ago(hours=3), temperature_c=-180)
    _recall(flow, units[0])
    with pytest.raises(UnitNotUsableError, match="recalled"):
        flow.c.hospital.receive_shipment(
            actor="liu", code="SH-RR", at=ago(hours=1), temperature_c=-170, scanned=units
        )
    trace = flow.c.trace.trace(units[1])
    assert {u.disposition for u in trace.units} == {"in_transit"}
