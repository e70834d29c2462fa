"""Witnessed destruction of product units, attacked: every refusal, every happy path, and
what destruction must change (disposition, storage, custody, trace, recall, archive)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from models.archive.export import BatchNotClosedError, export_batch_archive
from models.archive.verify import verify_archive
from models.chain import lookup
from models.chain.disposal import (
    DestructionMethod,
    DestructionMethodError,
    DestructionNoteRequiredError,
    DestructionReason,
    DestructionReasonError,
    DestructionRefusedError,
    DestructionRoleError,
    UnitNotDestroyableError,
)
from models.chain.disposal_queue import units_awaiting_destruction
from models.core import Core
from models.demo.chain import product_type
from models.entities.accounts import Signature
from models.entities.audit import AuditEntry
from models.entities.logistics import CustodyEvent, CustodyEventKind
from models.entities.parties import DonorType, ScreeningOutcome
from models.entities.production import (
    Disposition,
    ProductCategory,
    ProductUnit,
    QualityStatus,
)
from models.kernel.audit import AuditAction, verify_chain
from models.kernel.canonical import content_hash
from models.kernel.errors import AuthenticationError, SamePersonError, ValidationError
from tests.chain.conftest import Flow, add_site_config, ago, scan
from tests.conftest import PASSWORD

R = DestructionReason
WASTE = DestructionMethod.CLINICAL_WASTE
SHORT_LIVED = "S0024"  # 24 h shelf life: harvested 150 days ago, so long expired


@pytest.fixture
def flow(any_core: Core) -> Flow:
    """The chain site, on SQLite and on PostgreSQL, plus a short-lived product type."""
    add_site_config(any_core)
    with any_core.uow() as uow:
        fresh = product_type(
            SHORT_LIVED,
            ProductCategory.MSC,
            name_en="Fresh MSC",
            name_zh="新鲜间充质干细胞",
            storage=("2-8 °C", "2-8 °C"),
            hours=24,
        )
        uow.session.add(fresh)
        uow.commit()
    return Flow(any_core)


def destroy(flow: Flow, unit: str, reason: R | str, **kw: object) -> object:
    args: dict[str, object] = {
        "actor": "wang",
        "password": PASSWORD,
        "unit_code": unit,
        "reason": reason,
        "method": WASTE,
        "witness": "zhao",
        "witness_password": PASSWORD,
    } | kw
    return flow.c.disposal.destroy_unit(**args)


def unit_row(flow: Flow, code: str) -> ProductUnit:
    with flow.core.uow() as uow:
        unit = lookup.unit(uow.session, code)
        uow.session.expunge(unit)
        return unit


def rejected_units(flow: Flow, donor: str = "DN-R", count: int = 2) -> tuple[str, list[str]]:
    flow.eligible_donor(donor)
    flow.accepted_collection(donor, f"CL-{donor}")
    batch, units = flow.filled_batch(f"CL-{donor}", count)
    with flow.core.uow() as uow:
        batch_id = lookup.batch(uow.session, batch).id
    flow.core.quality.release.reject_batch(
        batch_id=batch_id, reason="sterility OOS", username="chen", password=PASSWORD
    )
    return batch, units


def expired_units(flow: Flow, donor: str = "DN-E") -> list[str]:
    flow.eligible_donor(donor)
    flow.accepted_collection(donor, f"CL-{donor}")
    batch, units = flow.filled_batch(f"CL-{donor}", 1, product=SHORT_LIVED)
    flow.release(batch)
    return units


def good_units(flow: Flow, donor: str = "DN-G", count: int = 1) -> list[str]:
    return flow.released_batch(donor, count)[1]


def at_hospital(flow: Flow, donor: str = "DN-H", count: int = 1) -> list[str]:
    units = good_units(flow, donor, count)
    flow.ship_and_receive(f"SH-{donor}", units, None)
    return units


def thaw(flow: Flow, unit: str, hours_ago: float) -> None:
    flow.c.hospital.thaw(
        actor="liu",
        unit_code=unit,
        started_at=ago(hours=hours_ago + 0.1),
        ended_at=ago(hours=hours_ago),
    )


def refusals(flow: Flow, unit: str) -> list[tuple[str, str]]:
    """(actor, new value) of the refused destruction attempts audited for ``unit``."""
    with flow.core.uow() as uow:
        rows = uow.session.execute(
            select(AuditEntry.actor, AuditEntry.new_value).where(
                AuditEntry.action == AuditAction.SCAN_REJECTED.value,
                AuditEntry.subject_id == unit,
            )
        )
        return [(actor, new or "") for actor, new in rows]


def assert_chain_intact(core: Core) -> None:
    with core.uow() as uow:
        assert verify_chain(uow.session).intact


# -- happy paths -----------------------------------------------------------------------------


@pytest.mark.req("R-DSP-01")
def test_rejected_unit_is_destroyed_witnessed_signed_and_its_position_freed(flow: Flow) -> None:
    batch, units = rejected_units(flow)
    before = unit_row(flow, units[0])
    assert before.quality_status is QualityStatus.REJECTED and before.storage_location_id

    done = destroy(flow, units[0], "REJECTED", note="batch rejected")  # codes in any case

    after = unit_row(flow, units[0])
    assert after.disposition is Disposition.DESTROYED
    assert after.storage_location_id is None  # the position is free again
    with flow.core.uow() as uow:
        event = uow.session.scalars(
            select(CustodyEvent).where(CustodyEvent.unit_id == after.id).order_by(CustodyEvent.id)
        ).all()[-1]
        assert event.kind is CustodyEventKind.DESTROYED and event.recorded_by == "wang"
        assert event.location_id == before.storage_location_id  # where it was destroyed
        assert event.id == done.event_id  # type: ignore[attr-defined]
        note = json.loads(event.note or "")
        assert note["reason"] == "rejected" and note["method"] == WASTE.value
        assert note["destroyed_by"] == "wang" and note["witness"] == "zhao"
        assert note["location"] == "T-03" and note["site"] == "TJ-CTF" and note["batch"] == batch
        signatures = uow.session.scalars(
            select(Signature)
            .where(Signature.subject_type == "product_unit", Signature.subject_id == units[0])
            .order_by(Signature.id)
        ).all()
        assert [s.meaning.value for s in signatures] == ["performed", "verified"]
        assert [s.printed_name for s in signatures] == ["Wang Operator", "Zhao Verifier"]
        # the custody note is exactly the content both people signed
        assert {s.content_hash for s in signatures} == {content_hash(note)}
        audit = uow.session.scalars(
            select(AuditEntry).where(
                AuditEntry.subject_type == "product_unit",
                AuditEntry.subject_id == units[0],
                AuditEntry.action == AuditAction.TRANSITION.value,
            )
        ).all()
        assert audit and '"destroyed"' in (audit[-1].new_value or "")
    node = next(u for u in flow.c.trace.trace(units[0]).units if u.code == units[0])
    assert node.disposition == "destroyed" and node.location == "destroyed"
    assert_chain_intact(flow.core)


def test_recalled_unit_at_a_hospital_is_destroyed_by_clinical_staff(flow: Flow) -> None:
    units = at_hospital(flow)
    flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=units[0], reason="OOS")
    destroy(flow, scan(units[0]), R.RECALLED, actor="liu", witness="hu")  # a scanned DIN
    assert unit_row(flow, units[0]).disposition is Disposition.DESTROYED
    assert_chain_intact(flow.core)


@pytest.mark.req("R-STO-02")
def test_expired_unit_is_destroyed(flow: Flow) -> None:
    units = expired_units(flow)
    destroy(flow, units[0], R.EXPIRED, actor="chen", witness="wang")
    assert unit_row(flow, units[0]).disposition is Disposition.DESTROYED


@pytest.mark.req("R-HOS-04")
def test_thawed_unit_past_its_use_by_is_destroyed(flow: Flow) -> None:
    units = at_hospital(flow)
    thaw(flow, units[0], hours_ago=2.5)  # S1389: 60 min after thaw
    destroy(flow, units[0], R.THAW_EXPIRED, actor="liu", witness="hu")
    assert unit_row(flow, units[0]).disposition is Disposition.DESTROYED


def test_thawed_unit_not_to_be_given_needs_a_note(flow: Flow) -> None:
    units = at_hospital(flow)
    thaw(flow, units[0], hours_ago=0.1)  # still within its use-by
    with pytest.raises(DestructionNoteRequiredError, match="use-by has not passed"):
        destroy(flow, units[0], R.THAW_EXPIRED, actor="liu", witness="hu")
    destroy(flow, units[0], R.THAW_EXPIRED, actor="liu", witness="hu", note="infusion cancelled")
    assert unit_row(flow, units[0]).disposition is Disposition.DESTROYED


@pytest.mark.parametrize(("reason", "qa"), [(R.DAMAGED, "chen"), (R.OTHER, "li")])
def test_qa_destroys_a_good_unit_as_damaged_or_other_with_a_note(
    flow: Flow, reason: R, qa: str
) -> None:
    units = good_units(flow)
    with pytest.raises(DestructionNoteRequiredError):
        destroy(flow, units[0], reason, actor=qa, witness="zhao")
    destroy(flow, units[0], reason, actor=qa, witness="zhao", note="bag cracked in LN2")
    assert unit_row(flow, units[0]).disposition is Disposition.DESTROYED


@pytest.mark.req("R-DSP-02")
def test_infectious_donor_units_go_the_biohazard_route(flow: Flow) -> None:
    flow.eligible_donor("DN-INF", DonorType.AUTOLOGOUS, outcome=ScreeningOutcome.POSITIVE)
    flow.accepted_collection("DN-INF", "CL-INF", material="leukapheresis")
    _, units = flow.filled_batch("CL-INF", 1, product="S2210", location="T-INF-01")
    with pytest.raises(DestructionMethodError, match="biohazard"):
        destroy(flow, units[0], R.DAMAGED, actor="chen", note="bag leaking")
    done = destroy(
        flow, units[0], R.DAMAGED, actor="chen", note="bag leaking", method="biohazard_incineration"
    )
    assert done.record["infectious"] is True  # type: ignore[attr-defined]
    assert unit_row(flow, units[0]).storage_location_id is None


# -- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", [R.REJECTED, R.RECALLED, R.EXPIRED, R.THAW_EXPIRED])
@pytest.mark.req("R-DSP-01")
def test_a_good_unit_cannot_be_destroyed_for_a_reason_that_is_not_true(
    flow: Flow, reason: R
) -> None:
    units = good_units(flow)
    with pytest.raises(DestructionReasonError) as refused:
        destroy(flow, units[0], reason, actor="chen", witness="zhao", note="trying")
    assert units[0] in refused.value.message("en") and units[0] in refused.value.message("zh")
    assert "销毁" in refused.value.message("zh")
    unit = unit_row(flow, units[0])
    assert unit.disposition is Disposition.IN_STOCK and unit.storage_location_id is not None
    (entry,) = refusals(flow, units[0])  # the refused attempt is in the audit trail
    assert entry[0] == "chen" and "destruction" in entry[1]
    assert_chain_intact(flow.core)


@pytest.mark.req("R-DSP-01")
def test_an_operator_cannot_destroy_a_good_unit(flow: Flow) -> None:
    units = good_units(flow)
    with pytest.raises(DestructionRoleError, match="only QA"):
        destroy(flow, units[0], R.DAMAGED, note="looks damaged")
    with pytest.raises(DestructionReasonError):
        destroy(flow, units[0], R.EXPIRED)
    assert unit_row(flow, units[0]).disposition is Disposition.IN_STOCK


@pytest.mark.req("R-CSV-14", "R-DSP-01")
def test_the_witness_must_be_a_different_person(flow: Flow) -> None:
    _, units = rejected_units(flow)
    with pytest.raises(SamePersonError):
        destroy(flow, units[0], R.REJECTED, witness="WANG ")
    assert unit_row(flow, units[0]).disposition is Disposition.IN_STOCK


def test_a_wrong_witness_password_destroys_nothing(flow: Flow) -> None:
    _, units = rejected_units(flow)
    with pytest.raises(AuthenticationError):
        destroy(flow, units[0], R.REJECTED, witness_password="not-the-password-1")
    with pytest.raises(AuthenticationError):
        destroy(flow, units[0], R.REJECTED, password="not-the-password-1")
    assert unit_row(flow, units[0]).disposition is Disposition.IN_STOCK


def test_the_witness_needs_a_role_at_that_place(flow: Flow) -> None:
    _, units = rejected_units(flow)
    with pytest.raises(DestructionRoleError, match="witness"):
        destroy(flow, units[0], R.REJECTED, witness="sun")  # auditor
    hospital = at_hospital(flow)
    flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=hospital[0], reason="x")
    with pytest.raises(DestructionRoleError, match="witness at a hospital"):
        destroy(flow, hospital[0], R.RECALLED, actor="liu", witness="wang")


def test_staff_of_the_other_place_are_refused(flow: Flow) -> None:
    _, units = rejected_units(flow)
    with pytest.raises(DestructionRoleError, match="manufacturing staff") as refused:
        destroy(flow, units[0], R.REJECTED, actor="liu", witness="zhao")  # nurse
    assert units[0] in refused.value.message("zh")
    hospital = at_hospital(flow)
    flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=hospital[0], reason="x")
    with pytest.raises(DestructionRoleError, match="clinical staff"):
        destroy(flow, hospital[0], R.RECALLED, actor="wang", witness="zhao")


def _administered(flow: Flow) -> str:
    units = good_units(flow)
    flow.patient("P-1")
    flow.ship_and_receive("SH-1", units, "P-1")
    flow.give(units[0], "P-1")
    return units[0]


def _transformed(flow: Flow) -> str:
    units = good_units(flow)
    flow.split(units[0])
    return f"{units[0]}/00"  # the bare DIN now names the parent and both parts


def _relabelled(flow: Flow) -> str:
    units = good_units(flow)
    flow.c.genealogy.relabel(
        actor="wang",
        unit_code=units[0],
        reason="label damaged",
        verifier="zhao",
        verifier_password=PASSWORD,
    )
    return units[0]


def _in_transit(flow: Flow) -> str:
    units = good_units(flow)
    flow.c.shipments.create(actor="wang", code="SH-T", destination="HOSP-B", units=units)
    flow.c.shipments.dispatch(actor="wang", code="SH-T", at=ago(hours=1), temperature_c=-180)
    flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=units[0], reason="x")
    return units[0]


def _destroyed(flow: Flow) -> str:
    _, units = rejected_units(flow)
    destroy(flow, units[0], R.REJECTED)
    return units[0]


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (_administered, "administered"),
        (_transformed, "split, pool or relabel"),
        (_relabelled, "split, pool or relabel"),
        (_in_transit, "receive the shipment first"),
        (_destroyed, "already destroyed"),
    ],
)
@pytest.mark.req("R-DSP-01")
def test_units_that_are_gone_or_moving_cannot_be_destroyed(
    flow: Flow, make: Callable[[Flow], str], problem: str
) -> None:
    unit = make(flow)
    before = unit_row(flow, unit).disposition
    with pytest.raises(UnitNotDestroyableError, match=problem):
        destroy(flow, unit, R.DAMAGED, actor="chen", note="try anyway", product_code_scan=None)
    assert unit_row(flow, unit).disposition is before
    assert refusals(flow, unit.removesuffix("/00"))
    assert_chain_intact(flow.core)


@pytest.mark.req("R-DSP-02")
def test_unknown_reason_and_method_codes_are_refused(flow: Flow) -> None:
    _, units = rejected_units(flow)
    with pytest.raises(ValidationError, match="destruction reason"):
        destroy(flow, units[0], "contaminated")
    with pytest.raises(ValidationError, match="destruction method"):
        destroy(flow, units[0], R.REJECTED, method="flush down the sink")


def test_two_stations_destroying_one_unit_record_it_once(flow: Flow) -> None:
    _, units = rejected_units(flow)
    outcomes: list[object] = []

    def attempt() -> None:
        try:
            outcomes.append(destroy(flow, units[0], R.REJECTED))
        except DestructionRefusedError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    refused = [o for o in outcomes if isinstance(o, UnitNotDestroyableError)]
    assert len(outcomes) == 2 and len(refused) == 1
    with flow.core.uow() as uow:
        kinds = uow.session.scalars(
            select(CustodyEvent.kind).where(CustodyEvent.kind == CustodyEventKind.DESTROYED)
        ).all()
    assert len(kinds) == 1
    assert_chain_intact(flow.core)


# -- what destruction changes elsewhere -------------------------------------------------------


def test_units_awaiting_destruction_and_where_they_are(flow: Flow) -> None:
    _, rejected = rejected_units(flow, count=1)
    expired = expired_units(flow)
    good = good_units(flow)
    hospital = at_hospital(flow)
    flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=hospital[0], reason="x")
    with flow.core.uow() as uow:
        rows = {r.code: r for r in units_awaiting_destruction(uow.session, uow.clock())}
    assert set(rows) == {rejected[0], expired[0], hospital[0]} and good[0] not in rows
    assert rows[rejected[0]].reasons == ("rejected",)
    assert rows[rejected[0]].location == "TJ-CTF T-03"
    assert rows[expired[0]].reasons == ("expired",)
    assert rows[hospital[0]].reasons == ("recalled",)
    assert rows[hospital[0]].location == "HOSP-B (at_hospital)"

    destroy(flow, rejected[0], R.REJECTED)
    with flow.core.uow() as uow:
        left = {r.code for r in units_awaiting_destruction(uow.session, uow.clock())}
    assert left == {expired[0], hospital[0]}


@pytest.mark.req("R-ID-09")
def test_the_recall_report_shows_a_destroyed_unit_as_destroyed(flow: Flow) -> None:
    batch, units = flow.released_batch("DN-RC", 2)
    destroy(flow, units[0], R.DAMAGED, actor="chen", note="dropped")
    report = flow.c.recalls.initiate(actor="li", password=PASSWORD, identifier=batch, reason="x")
    where = {u.unit: (u.disposition, u.location) for u in report.units}
    assert where[units[0]] == ("destroyed", "destroyed")
    assert where[units[1]] == ("in_stock", "TJ-CTF T-03")


@pytest.mark.req("R-ID-09")
def test_a_rejected_batch_can_be_archived_once_its_units_are_destroyed(
    flow: Flow, tmp_path: Path
) -> None:
    batch, units = rejected_units(flow)
    target = tmp_path / "rejected.zip"
    with pytest.raises(BatchNotClosedError, match="units still open"):
        export_batch_archive(flow.core, batch_number=batch, destination=target, actor="chen")
    for unit in units:
        destroy(flow, unit, R.REJECTED)
    manifest = export_batch_archive(flow.core, batch_number=batch, destination=target, actor="chen")
    assert manifest.row_counts["custody_event"] >= 2 * len(units)  # stored + destroyed
    url = flow.core.engine.url.render_as_string(hide_password=False)
    report = verify_archive(target, live_url=url)
    assert report.intact, [p.message() for p in report.problems]
    assert_chain_intact(flow.core)
