"""Digest §5 seed scenarios end to end, through the services only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.entities.logistics import Administration
from models.entities.parties import DonorType, Eligibility, ScreeningOutcome
from models.entities.production import LinkKind
from tests.chain.conftest import Flow, ago, scan
from tests.conftest import PASSWORD

NEG = ScreeningOutcome.NEGATIVE


@pytest.mark.req("R-ID-03", "R-ID-08")
def test_s1_cord_msc_from_donor_screening_to_infusion(flow: Flow) -> None:
    c = flow.c
    c.donors.register_donor(
        actor="wang",
        code="DN-2025-0031",
        donor_type=DonorType.ALLOGENEIC,
        full_name="李华 (test)",
        abo_rh="O+",
    )
    assert flow.screen("DN-2025-0031", ago(200), "HIV-1/2", NEG) == Eligibility.PENDING_RETEST
    coi = flow.accepted_collection("DN-2025-0031", "CL-0031-01")
    batch, units = flow.filled_batch("CL-0031-01", 20)
    assert len(set(units)) == 20 and batch.startswith("B-UCMSC-")
    assert flow.screen("DN-2025-0031", ago(106), "HIV-1/2", NEG) == Eligibility.ELIGIBLE
    flow.release(batch)
    flow.patient("P-B-0017")
    flow.ship_and_receive("SH-250610-07", units[:4], "P-B-0017")
    flow.give(units[1], "P-B-0017")
    trace = c.trace.trace("P-B-0017")
    assert [d.code for d in trace.donors] == ["DN-2025-0031"]
    assert trace.batches[0].number == batch and trace.batches[0].coi_id == coi
    given = {u.code: u.location for u in trace.units}
    assert given[units[1]] == "administered to P-B-0017"
    assert given[units[10]] == "TJ-CTF T-03" and len(given) == 20
    assert trace.recipients[0].units == (units[1],)


@pytest.mark.req("R-ID-08")
def test_s2_autologous_car_t_vein_to_vein(flow: Flow) -> None:
    c = flow.c
    flow.eligible_donor("DN-ZWJ-CT19012", DonorType.AUTOLOGOUS)
    flow.patient("P-C-0012", "HOSP-C", donor="DN-ZWJ-CT19012")
    flow.accepted_collection("DN-ZWJ-CT19012", "CL-ZWJ-01", material="leukapheresis")
    batch, units = flow.filled_batch("CL-ZWJ-01", 3, product="S2210")
    assert all(u for u in units)
    flow.release(batch)
    flow.ship_and_receive("SH-250428-02", units, None, hospital="HOSP-C")
    flow.give(units[0], "P-C-0012")
    trace = c.trace.trace(units[2])
    assert {r.code for r in trace.recipients} == {"P-C-0012"}
    with flow.core.uow() as uow:
        assert uow.session.scalar(select(Administration.verified_by)) == "zhao"


@pytest.mark.req("R-ID-06")
def test_s5_pooled_product_traces_to_both_donors_and_recall_drill(flow: Flow) -> None:
    c = flow.c
    b40, _ = flow.released_batch("DN-0040", 2)
    b41, _ = flow.released_batch("DN-0041", 2)
    pool = c.batches.create_pool(
        actor="wang", sources=[b40, b41], product_code="S1389", reason="pooled MSC product"
    )
    c.batches.record_harvest(actor="wang", batch_number=pool, harvest_at=ago(10))
    pooled = c.batches.fill(
        actor="wang", batch_number=pool, count=3, container_type="cryobag", location_code="T-03"
    )
    flow.release(pool)
    flow.patient("P-B-0100")
    flow.ship_and_receive("SH-POOL-1", pooled[:1], "P-B-0100")
    flow.give(pooled[0], "P-B-0100")
    trace = c.trace.trace(pooled[2])
    assert {d.code for d in trace.donors} == {"DN-0040", "DN-0041"}
    forward = c.trace.trace("DN-0041")
    numbers = {b.number for b in forward.batches}
    assert {b41, pool} <= numbers
    assert set(pooled) <= {u.code for u in forward.units}
    assert "P-B-0100" in {r.code for r in forward.recipients}


@pytest.mark.req("R-BAT-06", "R-ID-04")
def test_s12_split_with_relabel_links_old_and_new_codes(flow: Flow) -> None:
    c = flow.c
    _, units = flow.released_batch("DN-S12", 8)
    flow.patient("P-B-0200")
    flow.ship_and_receive("SH-S12", [units[6]], "P-B-0200")
    parts = flow.split(
        units[6], actor="liu", reason="two injection sites", container_type="syringe"
    )
    assert parts == [f"{units[6]}/A0", f"{units[6]}/B0"]
    relabelled = c.genealogy.relabel(
        actor="liu",
        unit_code=parts[1],
        reason="label damaged",
        verifier="zhao",
        verifier_password=PASSWORD,
    )
    trace = c.trace.trace(relabelled)
    by_code = {u.code: u for u in trace.units}
    assert by_code[units[6]].disposition == "transformed"
    assert by_code[parts[0]].derived_from == (units[6],)
    assert by_code[relabelled].derived_from == (parts[1],)
    flow.give(parts[0], "P-B-0200")
    assert c.trace.trace("P-B-0200").recipients[0].units == (parts[0],)


@pytest.mark.req("R-AE-06", "R-ID-07")
def test_s9_recall_from_a_patient_reaches_every_unit_of_the_donor(flow: Flow) -> None:
    c = flow.c
    batch, units = flow.released_batch("DN-2025-0031", 6)
    for n in range(3):
        flow.patient(f"P-B-001{n}")
    flow.ship_and_receive("SH-S9", units[:3], None)
    for n, unit in enumerate(units[:2]):
        c.hospital.dispense(actor="liu", unit_code=unit, recipient=f"P-B-001{n}")
        flow.give(unit, f"P-B-001{n}")
    report = c.recalls.initiate(
        actor="chen",
        password=PASSWORD,
        identifier="P-B-0010",
        reason="HBV seroconversion after infusion (SAE)",
    )
    where = {i.unit: i.location for i in report.units}
    assert set(where) == set(units)
    assert where[units[1]] == "administered to P-B-0011"
    assert where[units[2]] == "HOSP-B (at_hospital)" and where[units[5]] == "TJ-CTF T-03"
    trace = c.trace.trace("P-B-0010")
    assert {r.code for r in trace.recipients} >= {"P-B-0010", "P-B-0011"}
    assert all(u.recalled for u in trace.units)
    verdict = c.hospital.check_bedside(product_scan=scan(units[2]), recipient_scan="P-B-0012")
    assert "recalled" in {p.value for p in verdict.problems}
    assert LinkKind.SPLIT  # genealogy kinds are shared with the trace
