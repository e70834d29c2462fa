"""S11 material control, reagent lot trace, and retained-sample disposal (R-MAT, R-RET)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from models.entities.logistics import Administration
from models.entities.materials import LotStatus
from models.entities.parties import Recipient
from models.entities.production import Batch, BatchSource, Disposition, ProductCategory, ProductUnit
from models.kernel.errors import AuthenticationError, PermissionDeniedError, ValidationError
from models.quality.materials import LotReceipt
from models.quality.retained import SampleInput
from tests.conftest import PASSWORD
from tests.quality.conftest import NOW, Env, make_batch, make_product


def supplier(env: Env, approved: bool = True) -> int:
    sid = env.q.materials.add_supplier(
        actor="wang", code=f"SUP-{approved}", name="Medium Co", manufacturer=None
    )
    if approved:
        env.q.materials.approve_supplier(supplier_id=sid, username="chen", password=PASSWORD)
    return sid


def lot(
    env: Env,
    sid: int,
    name: str,
    expires_in_days: int,
    *,
    release: bool = True,
    beta_lactam: bool = False,
) -> int:
    receipt = LotReceipt(
        internal_lot=name,
        material_code="MED-SF",
        material_name="serum-free medium",
        category="medium",
        supplier_id=sid,
        supplier_lot=f"S-{name}",
        quantity=10,
        quantity_unit="bottle",
        expires_at=NOW + timedelta(days=expires_in_days),
        coa_ref=f"CoA-{name}",
        contains_beta_lactam=beta_lactam,
    )
    lot_id = env.q.materials.receive_lot(actor="wang", receipt=receipt)
    if release:
        env.q.materials.set_lot_status(
            lot_id=lot_id, status=LotStatus.RELEASED, username="chen", password=PASSWORD
        )
    return lot_id


@pytest.fixture
def batch(env: Env) -> int:
    return make_batch(
        env.core, make_product(env.core, ProductCategory.MSC, "S9001"), "B-UCMSC-250303-001"
    )


@pytest.mark.req("R-MAT-03", "R-MAT-04")
def test_s11_fefo_proposes_earliest_expiry_and_blocks_bad_lots(env: Env, batch: int) -> None:
    sid = supplier(env)
    m2501 = lot(env, sid, "M-2501", 120)
    m2503 = lot(env, sid, "M-2503", 90)
    m2506 = lot(env, sid, "M-2506", 300, release=False)
    assert env.q.materials.propose_lot("MED-SF") == m2503
    with pytest.raises(ValidationError, match="FEFO proposes M-2503"):
        env.q.materials.issue_to_batch(lot_id=m2501, batch_id=batch, quantity=1, actor="wang")
    env.q.materials.issue_to_batch(
        lot_id=m2501,
        batch_id=batch,
        quantity=1,
        actor="wang",
        override_reason="M-2503 reserved for B-…-002",
    )
    env.q.materials.issue_to_batch(lot_id=m2503, batch_id=batch, quantity=1, actor="wang")
    with pytest.raises(ValidationError, match="not released"):
        env.q.materials.issue_to_batch(lot_id=m2506, batch_id=batch, quantity=1, actor="wang")


@pytest.mark.req("R-DC-03", "R-MAT-04", "R-MAT-08")
def test_expired_rejected_and_beta_lactam_lots_cannot_be_issued(env: Env, batch: int) -> None:
    sid = supplier(env)
    expired = lot(env, sid, "M-2401", -1)
    penstrep = lot(env, sid, "PS-01", 200, beta_lactam=True)
    rejected = lot(env, sid, "M-2502", 200, release=False)
    env.q.materials.set_lot_status(
        lot_id=rejected,
        status=LotStatus.REJECTED,
        username="chen",
        password=PASSWORD,
        reason="CoA mismatch",
    )
    for lot_id, why in [(expired, "expired"), (penstrep, "β-lactam"), (rejected, "rejected")]:
        with pytest.raises(ValidationError, match=why):
            env.q.materials.issue_to_batch(
                lot_id=lot_id, batch_id=batch, quantity=1, actor="wang", override_reason="try"
            )
    assert env.q.materials.propose_lot("MED-SF") is None


@pytest.mark.req("R-MAT-06")
def test_unapproved_supplier_cannot_deliver(env: Env) -> None:
    sid = supplier(env, approved=False)
    with pytest.raises(ValidationError, match="not QA-approved"):
        lot(env, sid, "M-2601", 100, release=False)


@pytest.mark.req("R-MAT-04")
def test_operator_cannot_release_a_lot(env: Env) -> None:
    lot_id = lot(env, supplier(env), "M-2602", 100, release=False)
    with pytest.raises(PermissionDeniedError):
        env.q.materials.set_lot_status(
            lot_id=lot_id, status=LotStatus.RELEASED, username="wang", password=PASSWORD
        )


@pytest.mark.req("R-ID-10")
def test_reagent_lot_recall_traces_to_every_batch_pool_and_recipient(env: Env) -> None:
    product = make_product(env.core, ProductCategory.MSC, "S9001")
    b1, b2, b3 = (make_batch(env.core, product, f"B-UCMSC-2503{i}-001", units=1) for i in (1, 2, 3))
    bad = lot(env, supplier(env), "T-2410", 200)
    for b in (b1, b2):
        env.q.materials.issue_to_batch(lot_id=bad, batch_id=b, quantity=1, actor="wang")
    with env.core.uow() as uow:
        s = uow.session
        pool = make_pool(s, product, [b2])
        patient = Recipient(code="P-B-0017", initials="ZXM")
        s.add(patient)
        s.flush()
        unit = s.query(ProductUnit).filter_by(batch_id=b1).one()
        unit.disposition = Disposition.ADMINISTERED
        s.add(
            Administration(
                unit_id=unit.id,
                recipient_id=patient.id,
                started_at=NOW,
                administered_by="liu",
                verified_by="zhao",
            )
        )
        uow.commit()
    trace = env.q.materials.trace_lot(bad)
    assert trace.batches == sorted(["B-UCMSC-25031-001", "B-UCMSC-25032-001", pool])
    assert trace.recipients == ["P-B-0017"]
    assert len(trace.units) == 2  # b1 and b2 each have one unit; b3 never used the lot
    assert "B-UCMSC-25033-001" not in trace.batches and b3


def make_pool(session: Session, product: int, sources: list[int]) -> str:
    pool = Batch(
        number="B-POOL-250601-01", product_type_id=product, is_pool=True, created_by="wang"
    )
    session.add(pool)
    session.flush()
    for src in sources:
        session.add(BatchSource(pool_batch_id=pool.id, source_batch_id=src))
    return pool.number


def register_sample(env: Env, batch_id: int) -> int:
    data = SampleInput(
        batch_id=batch_id,
        code="RS-250303-001-A",
        sample_type="final product",
        quantity=2,
        location="T-03/rack 2/box 5",
    )
    return env.q.retained.register(actor="wang", data=data)


def administer_all(env: Env, batch_id: int, at_days_ago: int) -> None:
    with env.core.uow() as uow:
        patient = Recipient(code=f"P-{batch_id}", initials="ZXM")
        uow.session.add(patient)
        uow.session.flush()
        for unit in uow.session.query(ProductUnit).filter_by(batch_id=batch_id):
            unit.disposition = Disposition.ADMINISTERED
            at = NOW - timedelta(days=at_days_ago)
            uow.session.add(
                Administration(
                    unit_id=unit.id,
                    recipient_id=patient.id,
                    started_at=at,
                    ended_at=at,
                    administered_by="liu",
                    verified_by="zhao",
                )
            )
        uow.commit()


@pytest.mark.req("R-RET-01", "R-RET-07")
def test_retained_sample_disposal_waits_for_units_and_three_months(env: Env, batch: int) -> None:
    sample = register_sample(env, batch)
    with pytest.raises(ValidationError, match="still in use"):
        env.q.retained.dispose(
            sample_id=sample, method="autoclave", username="chen", password=PASSWORD
        )
    administer_all(env, batch, at_days_ago=40)
    env.q.retained.record_treatment_end(
        batch_id=batch, ended_at=NOW - timedelta(days=30), actor="chen"
    )
    due = env.q.retained.keep_until(sample)
    assert due is not None and due > NOW
    with pytest.raises(ValidationError, match="keep until"):
        env.q.retained.dispose(
            sample_id=sample, method="autoclave", username="chen", password=PASSWORD
        )


@pytest.mark.req("R-RET-01")
def test_retained_sample_disposal_needs_a_valid_qa_signature(env: Env, batch: int) -> None:
    sample = register_sample(env, batch)
    administer_all(env, batch, at_days_ago=200)
    env.q.retained.record_treatment_end(
        batch_id=batch, ended_at=NOW - timedelta(days=120), actor="chen"
    )
    with pytest.raises(AuthenticationError):
        env.q.retained.dispose(
            sample_id=sample, method="autoclave", username="chen", password="wrong"
        )
    with pytest.raises(PermissionDeniedError):
        env.q.retained.dispose(
            sample_id=sample, method="autoclave", username="wang", password=PASSWORD
        )
    env.q.retained.dispose(sample_id=sample, method="autoclave", username="chen", password=PASSWORD)
