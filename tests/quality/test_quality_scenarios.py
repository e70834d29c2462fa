"""Digest §5 scenarios end to end: S6 failed sterility, S8 emergency release, S7 late
compendial failure after a rapid release."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from models.chain.errors import SegregationError
from models.entities.logistics import CustodyEvent, Recall, StorageLocation
from models.entities.parties import Donor
from models.entities.production import (
    Batch,
    BatchStatus,
    ProductCategory,
    ProductUnit,
    QualityStatus,
)
from models.entities.quality import (
    Deviation,
    DeviationClass,
    DeviationStatus,
    QcResult,
    QcVerdict,
    ReleaseKind,
    ReleaseRecord,
)
from models.kernel.errors import PermissionDeniedError, ValidationError
from models.quality.qc import QcInput
from models.quality.release import PhysicianRequest, ReleaseBlockedError
from tests.conftest import PASSWORD
from tests.quality.conftest import (
    NOW,
    Env,
    emergency,
    make_batch,
    qa_release,
    record,
    record_panel,
    setup_product,
)

REQUEST = PhysicianRequest(
    physician_name="Dr Sun",
    requested_at=NOW - timedelta(hours=2),
    justification="patient deteriorating; no alternative therapy, risk of death",
)


def units_of(env: Env, batch_id: int) -> list[tuple[QualityStatus, bool, int | None]]:
    with env.core.uow() as uow:
        query = select(
            ProductUnit.quality_status, ProductUnit.recalled, ProductUnit.storage_location_id
        )
        return [
            tuple(r) for r in uow.session.execute(query.where(ProductUnit.batch_id == batch_id))
        ]  # type: ignore[misc]


def deviations_of(env: Env, batch_id: int) -> list[Deviation]:
    with env.core.uow() as uow:
        devs = list(uow.session.scalars(select(Deviation).where(Deviation.batch_id == batch_id)))
        uow.session.expunge_all()
        return devs


def close_deviation(env: Env, deviation_id: int) -> None:
    env.q.deviations.record_investigation(
        deviation_id=deviation_id,
        actor="chen",
        investigation="root cause: BSC-02 filter",
        classification=DeviationClass.MAJOR,
    )
    env.q.deviations.record_capa(
        deviation_id=deviation_id, actor="chen", capa="replace filter; retrain"
    )
    env.q.deviations.close(deviation_id=deviation_id, username="li", password=PASSWORD)


@pytest.mark.req("R-DEV-01", "R-REL-06")
def test_s6_failed_sterility_rejects_the_batch_for_good(env: Env) -> None:
    product = setup_product(env, ProductCategory.MSC)
    batch_id = make_batch(env.core, product, "B-UCMSC-250415-003")
    record_panel(env, batch_id, ProductCategory.MSC, skip=["sterility"])
    failed = record(env, batch_id, "sterility", "positive (S. epidermidis, day 5)", None)
    assert failed.verdict is QcVerdict.FAIL and failed.deviation_id is not None
    [dev] = deviations_of(env, batch_id)
    assert dev.status is DeviationStatus.OPEN and dev.qc_result_id == failed.result_id

    with pytest.raises(ReleaseBlockedError, match="sterility"):
        qa_release(env, batch_id)
    with pytest.raises(ReleaseBlockedError):  # not a cell-count-only failure
        emergency(env, batch_id, REQUEST)

    with env.core.uow() as uow:
        bin_ = StorageLocation(code="NC-01", name="Non-conforming", non_conforming=True)
        uow.session.add(bin_)
        uow.commit()
        bin_id = bin_.id
    env.q.release.reject_batch(
        batch_id=batch_id,
        reason="sterility positive",
        username="chen",
        password=PASSWORD,
        non_conforming_location_id=bin_id,
    )
    assert units_of(env, batch_id) == [(QualityStatus.REJECTED, False, bin_id)] * 2
    with env.core.uow() as uow:  # the move is on each unit's chain of custody
        moves = uow.session.scalars(
            select(CustodyEvent.location_id).where(CustodyEvent.location_id == bin_id)
        ).all()
        assert len(moves) == 2

    close_deviation(env, failed.deviation_id)  # even with the deviation closed …
    with pytest.raises(ReleaseBlockedError, match="rejected"):
        qa_release(env, batch_id, "li")
    with pytest.raises(ReleaseBlockedError):
        emergency(env, batch_id, REQUEST)


@pytest.mark.req("R-REL-06")
def test_rejection_only_to_a_non_conforming_location(env: Env) -> None:
    product = setup_product(env, ProductCategory.MSC)
    batch_id = make_batch(env.core, product, "B-UCMSC-250415-004")
    with env.core.uow() as uow:
        shelf = StorageLocation(code="T-03", name="LN2 tank 3")
        uow.session.add(shelf)
        uow.commit()
        shelf_id = shelf.id
    with pytest.raises(ValidationError, match="non-conforming"):
        env.q.release.reject_batch(
            batch_id=batch_id,
            reason="x",
            username="chen",
            password=PASSWORD,
            non_conforming_location_id=shelf_id,
        )


@pytest.fixture
def cik_batch(env: Env) -> int:
    """S8: CIK batch, cell count 4.1×10⁹ against ≥ 5.0×10⁹, everything else in spec."""
    product = setup_product(env, ProductCategory.IMMUNE_CELL, "S9003")
    batch_id = make_batch(env.core, product, "B-CIK-250520-009", units=1)
    record_panel(
        env,
        batch_id,
        ProductCategory.IMMUNE_CELL,
        override={"cell_count": ("4.1e9", 4.1e9), "viability": ("91", 91.0)},
    )
    return batch_id


@pytest.mark.req("R-REL-07")
def test_s8_emergency_release_by_qa_head_when_only_cell_count_fails(
    env: Env, cik_batch: int
) -> None:
    with pytest.raises(ReleaseBlockedError, match="Test not passed: cell count"):
        qa_release(env, cik_batch, "li")
    assert env.q.release.readiness(cik_batch, "li").emergency_possible
    record_id = emergency(env, cik_batch, REQUEST)
    assert units_of(env, cik_batch) == [(QualityStatus.EMERGENCY_RELEASED, False, None)]
    with env.core.uow() as uow:
        rec = uow.session.get(ReleaseRecord, record_id)
        assert rec is not None and rec.kind is ReleaseKind.EMERGENCY
        assert json.loads(rec.failed_criteria or "") == ["cell_count"]
        assert rec.physician_name == "Dr Sun" and rec.decided_by == "li"
        assert json.loads(rec.package)["physician_request"]["justification"].endswith(
            "risk of death"
        )


@pytest.mark.req("R-REL-01", "R-REL-07")
def test_s8_emergency_refused_when_endotoxin_is_also_out(env: Env, cik_batch: int) -> None:
    record(env, cik_batch, "endotoxin", "0.9", 0.9, unit="EU/mL")
    assert not env.q.release.readiness(cik_batch, "li").emergency_possible
    with pytest.raises(ReleaseBlockedError, match="endotoxin"):
        emergency(env, cik_batch, REQUEST)


@pytest.mark.req("R-CSV-26", "R-REL-07")
def test_s8_emergency_refused_for_qa_who_is_not_qa_head(env: Env, cik_batch: int) -> None:
    with pytest.raises(PermissionDeniedError):
        emergency(env, cik_batch, REQUEST, "chen")


@pytest.mark.req("R-REL-07")
def test_s8_emergency_refused_without_physician_request(env: Env, cik_batch: int) -> None:
    blank = PhysicianRequest(physician_name=" ", requested_at=NOW, justification="")
    with pytest.raises(ValidationError, match="physician"):
        emergency(env, cik_batch, blank)
    assert units_of(env, cik_batch) == [(QualityStatus.QUARANTINE, False, None)]


@pytest.mark.req("R-REL-07")
def test_emergency_refused_when_everything_passes(env: Env) -> None:
    product = setup_product(env, ProductCategory.IMMUNE_CELL, "S9003")
    batch_id = make_batch(env.core, product, "B-CIK-250520-010", units=1)
    record_panel(env, batch_id, ProductCategory.IMMUNE_CELL)
    with pytest.raises(ReleaseBlockedError, match="normal release"):
        emergency(env, batch_id, REQUEST)


@pytest.fixture
def rapid_released_car_t(env: Env) -> int:
    product = setup_product(env, ProductCategory.CAR_T, "S9002")
    batch_id = make_batch(env.core, product, "B-CART-250408-012", units=3)
    record_panel(env, batch_id, ProductCategory.CAR_T)
    record_id = qa_release(env, batch_id)
    with env.core.uow() as uow:
        rec = uow.session.get(ReleaseRecord, record_id)
        assert rec is not None and rec.kind is ReleaseKind.RAPID
        assert json.loads(rec.pending_tests or "") == ["sterility"]  # compendial, due later
    return batch_id


@pytest.mark.req("R-AE-06", "R-REL-08", "R-RET-03")
def test_s7_late_compendial_failure_recalls_the_batch(env: Env, rapid_released_car_t: int) -> None:
    batch_id = rapid_released_car_t
    late = env.q.qc.record_result(
        QcInput(
            batch_id=batch_id,
            test="sterility",
            value_text="positive",
            resulted_at=NOW,
            method="compendial 14 d",
        ),
        username="li",
        password=PASSWORD,
    )
    assert late.post_release and late.verdict is QcVerdict.FAIL and late.recall_code
    with env.core.uow() as uow:
        result = uow.session.get(QcResult, late.result_id)
        assert result is not None and result.is_post_release
        recall = uow.session.scalar(select(Recall).where(Recall.code == late.recall_code))
        assert recall is not None and "post-release OOS" in recall.reason
        batch = uow.session.get(Batch, batch_id)
        assert batch is not None and batch.status is BatchStatus.RECALLED  # every unit recalled
    assert all(recalled for _, recalled, _ in units_of(env, batch_id))
    [dev] = deviations_of(env, batch_id)
    assert dev.urgent and dev.classification == "critical" and dev.status is DeviationStatus.OPEN


@pytest.mark.req("R-REL-08")
def test_s7_analyst_without_qa_role_leaves_the_recall_to_qa(
    env: Env, rapid_released_car_t: int
) -> None:
    late = record(env, rapid_released_car_t, "sterility", "positive", None, verify=False)
    assert late.recall_pending and late.recall_code is None
    assert not any(recalled for _, recalled, _ in units_of(env, rapid_released_car_t))
    with pytest.raises(PermissionDeniedError):
        env.q.qc.recall_for_result(result_id=late.result_id, username="wang", password=PASSWORD)
    code = env.q.qc.recall_for_result(result_id=late.result_id, username="chen", password=PASSWORD)
    assert code.startswith("RC-")
    assert all(recalled for _, recalled, _ in units_of(env, rapid_released_car_t))


@pytest.mark.req("R-SEG-05")
def test_an_infectious_batch_is_never_rejected_into_general_storage(env: Env) -> None:
    """R-SEG-05 holds for non-conforming product too: the move is refused, nothing changes."""
    product = setup_product(env, ProductCategory.MSC)
    batch_id = make_batch(env.core, product, "B-UCMSC-250415-005")
    with env.core.uow() as uow:
        donor = uow.session.scalars(select(Donor).where(Donor.code == "DN-B-UCMSC-250415-005"))
        donor.one().infectious = True
        general = StorageLocation(code="NC-GEN", name="Non-conforming", non_conforming=True)
        uow.session.add(general)
        uow.commit()
        general_id = general.id
    with pytest.raises(SegregationError):
        env.q.release.reject_batch(
            batch_id=batch_id,
            reason="HBsAg positive",
            username="chen",
            password=PASSWORD,
            non_conforming_location_id=general_id,
        )
    assert {status for status, _, _ in units_of(env, batch_id)} == {QualityStatus.QUARANTINE}
