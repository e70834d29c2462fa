"""Every release gate, each tried wrongly once, plus the one path that passes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from models.entities.accounts import Signature
from models.entities.parties import Eligibility
from models.entities.production import (
    Batch,
    BatchStatus,
    ProductCategory,
    ProductUnit,
    QualityStatus,
)
from models.entities.quality import ReleaseKind, ReleaseRecord
from models.identity.signatures import signature_matches
from models.kernel.errors import PermissionDeniedError, SamePersonError
from models.quality.deviations import DeviationInput
from models.quality.release import ReleaseBlockedError
from tests.conftest import ATTESTED, PASSWORD
from tests.quality.conftest import Env, make_batch, qa_release, record, record_panel, setup_product

MSC = ProductCategory.MSC


def unit_statuses(env: Env, batch_id: int) -> set[QualityStatus]:
    with env.core.uow() as uow:
        query = select(ProductUnit.quality_status).where(ProductUnit.batch_id == batch_id)
        return set(uow.session.scalars(query))


@pytest.mark.req("R-CSV-26", "R-DC-06")
def test_qa_releases_a_fully_passing_batch_with_a_bound_signature(
    env: Env, ready_batch: int
) -> None:
    record_id = qa_release(env, ready_batch)
    assert unit_statuses(env, ready_batch) == {QualityStatus.RELEASED}
    with env.core.uow() as uow:
        rec = uow.session.get(ReleaseRecord, record_id)
        assert rec is not None and rec.kind is ReleaseKind.STANDARD
        sig = uow.session.get(Signature, rec.signature_id)
        assert sig is not None and sig.meaning == "released"
        assert signature_matches(sig, json.loads(rec.package))
        assert uow.session.get(Batch, ready_batch).status is BatchStatus.RELEASED  # type: ignore[union-attr]


@pytest.mark.req("R-CSV-11", "R-CSV-26", "R-REL-04")
def test_operator_cannot_release(env: Env, ready_batch: int) -> None:
    with pytest.raises(PermissionDeniedError):
        qa_release(env, ready_batch, "wang")
    assert unit_statuses(env, ready_batch) == {QualityStatus.QUARANTINE}


@pytest.mark.req("R-DEV-01", "R-PRD-06")
def test_open_deviation_blocks_release(env: Env, ready_batch: int) -> None:
    env.q.deviations.open(
        actor="wang", data=DeviationInput("Door open", "BSC alarm", batch_id=ready_batch)
    )
    with pytest.raises(ReleaseBlockedError, match="Open deviation"):
        qa_release(env, ready_batch)


def test_ineligible_donor_blocks_release(env: Env) -> None:
    product = setup_product(env, MSC)
    batch_id = make_batch(
        env.core, product, "B-UCMSC-250303-002", eligibility=Eligibility.PENDING_RETEST
    )
    record_panel(env, batch_id, MSC)
    with pytest.raises(ReleaseBlockedError, match="pending_retest"):
        qa_release(env, batch_id)


@pytest.mark.req("R-REL-01", "R-REL-03", "R-REL-10")
def test_missing_required_test_blocks_release(env: Env) -> None:
    product = setup_product(env, MSC)
    batch_id = make_batch(env.core, product, "B-UCMSC-250303-003")
    record_panel(env, batch_id, MSC, skip=["potency"])
    with pytest.raises(ReleaseBlockedError, match="potency"):
        qa_release(env, batch_id)


@pytest.mark.req("R-DC-06", "R-REL-10")
def test_unverified_result_does_not_count(env: Env) -> None:
    product = setup_product(env, MSC)
    batch_id = make_batch(env.core, product, "B-UCMSC-250303-004")
    record_panel(env, batch_id, MSC, skip=["mycoplasma"])
    record(env, batch_id, "mycoplasma", "negative", None, verify=False)
    with pytest.raises(ReleaseBlockedError, match="mycoplasma"):
        qa_release(env, batch_id)


@pytest.mark.req("R-CSV-14", "R-DC-06", "R-REL-15")
def test_analyst_cannot_verify_own_result(env: Env) -> None:
    product = setup_product(env, MSC)
    batch_id = make_batch(env.core, product, "B-UCMSC-250303-005")
    outcome = record(env, batch_id, "mycoplasma", "negative", None, verify=False)
    with pytest.raises(SamePersonError):
        env.q.qc.verify_result(result_id=outcome.result_id, username="wang", password=PASSWORD)


@pytest.mark.req("R-CSV-15")
def test_unreconciled_labels_block_release(env: Env, ready_batch: int) -> None:
    env.labels.unbalanced.add(ready_batch)
    with pytest.raises(ReleaseBlockedError, match="Labels"):
        qa_release(env, ready_batch)


def test_core_wiring_uses_the_real_label_gate(env: Env, ready_batch: int) -> None:
    """No labels printed yet: the labeling module's reconciliation balances (0 = 0)."""
    env.core.quality.release.release_batch(
        attestation=ATTESTED, batch_id=ready_batch, username="chen", password=PASSWORD
    )
    assert unit_statuses(env, ready_batch) == {QualityStatus.RELEASED}


@pytest.mark.req("R-REL-04")
def test_qa_who_made_the_batch_cannot_release_it(env: Env) -> None:
    product = setup_product(env, MSC)
    batch_id = make_batch(env.core, product, "B-UCMSC-250303-006", created_by="chen")
    record_panel(env, batch_id, MSC)
    with pytest.raises(ReleaseBlockedError, match="cannot release"):
        qa_release(env, batch_id)


@pytest.mark.req("R-CSV-15", "R-REL-11")
def test_released_batch_cannot_be_released_twice(env: Env, ready_batch: int) -> None:
    qa_release(env, ready_batch)
    with pytest.raises(ReleaseBlockedError):
        qa_release(env, ready_batch, "li")


@pytest.mark.req("R-REL-04")
def test_readiness_lists_every_blocker_at_once(env: Env) -> None:
    product = setup_product(env, MSC)
    batch_id = make_batch(
        env.core, product, "B-UCMSC-250303-007", eligibility=Eligibility.INELIGIBLE
    )
    env.labels.unbalanced.add(batch_id)
    ready = env.q.release.readiness(batch_id, "chen")
    assert ready.kind is None and not ready.emergency_possible
    codes = {b.code for b in ready.blockers}
    assert {"donor_not_eligible", "labels", "test_not_passed"} <= codes
    text = " | ".join(str(b) for b in ready.blockers)
    assert "ineligible" in text and "Labels" in text and "sterility" in text
    chinese = " | ".join(b.message("zh") for b in ready.blockers)
    assert "资格状态为 不合格" in chinese and "标签" in chinese
    assert "检测未通过：无菌" in chinese
    with pytest.raises(ReleaseBlockedError) as refused:
        qa_release(env, batch_id)
    assert "不能放行" in refused.value.message("zh") and "检测未通过" in refused.value.message("zh")
    assert "test_not_passed" in refused.value.params["blockers"]
