"""R-REL-04: the six elements of the release package, each tried missing once."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from models.entities.production import ProductCategory, ProductUnit, QualityStatus
from models.entities.quality import ReleaseRecord
from models.quality.package import ItemState, PackageAttestation, PackageIncompleteError
from models.quality.release import ReleaseBlockedError
from tests.conftest import ATTESTED, PASSWORD
from tests.quality.conftest import Env, make_batch, setup_product

MSC = ProductCategory.MSC


def _released(env: Env, batch_id: int) -> bool:
    with env.core.uow() as uow:
        query = select(ProductUnit.quality_status).where(ProductUnit.batch_id == batch_id)
        return set(uow.session.scalars(query)) == {QualityStatus.RELEASED}


def _release(env: Env, batch_id: int, attestation: PackageAttestation) -> int:
    return env.q.release.release_batch(
        batch_id=batch_id, attestation=attestation, username="chen", password=PASSWORD
    )


def _step(env: Env, batch_id: int, name: str, *, verify: bool) -> None:
    step_id = env.core.steps.record_step(
        batch_id=batch_id, name=name, data={"ok": True}, username="wang", password=PASSWORD
    )
    if verify:
        env.core.steps.verify_step(step_id=step_id, username="zhao", password=PASSWORD)


def test_readiness_shows_the_six_elements_in_order(env: Env, ready_batch: int) -> None:
    items = env.q.release.readiness(ready_batch, "chen").package_items
    assert [(i.element.value, i.state) for i in items] == [
        ("request_form", ItemState.PROVED),  # the preparation request on record (R-RCV-01)
        ("preparation_record", ItemState.ATTEST),  # no electronic steps: paper record number
        ("qc_report", ItemState.PROVED),
        ("label", ItemState.PROVED),
        ("packaging", ItemState.ATTEST),
        ("release_form", ItemState.PROVED),
    ]


@pytest.mark.parametrize(
    ("attestation", "missing"),
    [
        (PackageAttestation("", packaging_checked=False, batch_record_ref="BR-1"), "packaging"),
        (PackageAttestation("RF-1", packaging_checked=False, batch_record_ref="BR-1"), "packaging"),
        (PackageAttestation("RF-1", packaging_checked=True), "batch record"),
        (PackageAttestation("  ", packaging_checked=False, batch_record_ref=" "), "batch record"),
    ],
)
@pytest.mark.req("R-REL-04")
def test_an_element_missing_from_the_attestation_blocks_release(
    env: Env, ready_batch: int, attestation: PackageAttestation, missing: str
) -> None:
    with pytest.raises(PackageIncompleteError) as refused:
        _release(env, ready_batch, attestation)
    assert missing in refused.value.message("en")
    assert "放行资料不完整" in refused.value.message("zh")
    assert not _released(env, ready_batch)


@pytest.mark.req("R-DC-07")
def test_verified_electronic_steps_prove_the_preparation_record(env: Env, ready_batch: int) -> None:
    _step(env, ready_batch, "thaw", verify=True)
    _step(env, ready_batch, "harvest", verify=True)
    items = env.q.release.readiness(ready_batch, "chen").package_items
    preparation = items[1]
    assert preparation.state is ItemState.PROVED and "2 step(s)" in preparation.detail
    _release(env, ready_batch, PackageAttestation("RF-1", packaging_checked=True))
    assert _released(env, ready_batch)


@pytest.mark.req("R-DC-07")
def test_a_step_awaiting_its_verifier_blocks_release(env: Env, ready_batch: int) -> None:
    _step(env, ready_batch, "thaw", verify=True)
    _step(env, ready_batch, "harvest", verify=False)
    ready = env.q.release.readiness(ready_batch, "chen")
    assert ready.kind is None
    assert [b.code for b in ready.blockers] == ["steps_unverified"]
    assert ready.package_items[1].state is ItemState.BLOCKED
    assert "第二人复核" in ready.blockers[0].message("zh")
    with pytest.raises(ReleaseBlockedError, match="await a second person"):
        _release(env, ready_batch, ATTESTED)
    assert not _released(env, ready_batch)


@pytest.mark.req("R-REL-04")
def test_the_signed_package_holds_the_checklist_and_the_attestation(
    env: Env, ready_batch: int
) -> None:
    record_id = _release(env, ready_batch, ATTESTED)
    with env.core.uow() as uow:
        record = uow.session.get(ReleaseRecord, record_id)
        assert record is not None
        package = json.loads(record.package)
    checklist = package["checklist"]
    assert checklist["attested"] == {
        "request_form_ref": "",
        "packaging_checked": True,
        "batch_record_ref": "BR-TEST-001",
    }
    assert [i["element"] for i in checklist["items"]][::5] == ["request_form", "release_form"]


@pytest.mark.req("R-RCV-01")
def test_a_batch_without_a_preparation_request_is_not_released(env: Env) -> None:
    """The request form is proved by the record; QA cannot attest it instead."""
    product = setup_product(env, ProductCategory.MSC)
    batch_id = make_batch(env.core, product, "B-NOREQ-001", request=False)
    ready = env.q.release.readiness(batch_id, "chen")
    assert ready.package_items[0].state is ItemState.BLOCKED
    assert "no_preparation_request" in [b.code for b in ready.blockers]
    missing = next(b for b in ready.blockers if b.code == "no_preparation_request")
    assert "制备申请单" in missing.message("zh")
    with pytest.raises(ReleaseBlockedError):
        _release(env, batch_id, PackageAttestation("RF-1", True, "BR-1"))
