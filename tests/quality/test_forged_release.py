"""QA release refuses to decide on records changed outside CellTrail (issue 12), on SQLite and
on real PostgreSQL: a failed result made to pass, a widened limit, a re-hashed approval
signature, a removed QC result. Each is a hard stop that opens one urgent deviation and
changes nothing else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from models.core import Core
from models.entities.production import Batch, BatchStatus, ProductCategory
from models.entities.quality import Deviation, ReleaseRecord
from models.i18n import term
from models.kernel.record_check import RecordIntegrityError
from models.quality.suite import build_quality_services
from tests.conftest import PASSWORD, forge
from tests.quality.conftest import (
    Env,
    FakeLabels,
    make_batch,
    qa_release,
    record,
    record_panel,
    setup_product,
)

MSC = ProductCategory.MSC


@pytest.fixture
def env(any_core: Core) -> Iterator[Env]:
    labels = FakeLabels()
    yield Env(
        any_core, build_quality_services(any_core.uow, any_core.signatures, labels=labels), labels
    )


def _unprotect_signatures(core: Core) -> str:
    """What a forger with the owner's rights runs first (the table is append-only)."""
    if core.engine.dialect.name == "sqlite":
        return "DROP TRIGGER signature_no_update"
    return "ALTER TABLE signature DISABLE TRIGGER signature_append_only"


def _integrity_deviations(core: Core) -> list[Deviation]:
    with core.uow() as uow:
        found = uow.session.scalars(
            select(Deviation).where(Deviation.title.like("Record integrity:%"))
        ).all()
        uow.session.expunge_all()
        return list(found)


def _refused_and_nothing_changed(env: Env, batch_id: int, table: str) -> None:
    with pytest.raises(RecordIntegrityError) as refused:
        qa_release(env, batch_id)
    assert refused.value.params["table"] == table
    assert "differs from its audit trail" in refused.value.message("en")
    assert "审计追踪" in refused.value.message("zh")
    with env.core.uow() as uow:
        batch = uow.session.get(Batch, batch_id)
        assert batch is not None and batch.status is BatchStatus.QUARANTINE
        assert uow.session.scalar(select(ReleaseRecord.id)) is None
    [deviation] = _integrity_deviations(env.core)
    words = term("record_kind", table).message("en")  # "QC result", "specification test"
    assert deviation.urgent and deviation.opened_by == "system" and words in deviation.title


@pytest.mark.req("R-CSV-03", "R-CSV-27")
def test_a_failed_result_made_to_pass_with_its_deviation_closed(env: Env) -> None:
    batch_id = make_batch(env.core, setup_product(env, MSC), "B-UCMSC-250303-001")
    record_panel(env, batch_id, MSC, skip=["potency"])
    outcome = record(env, batch_id, "potency", "20", 20.0, unit="%")
    assert outcome.deviation_id is not None  # out of specification: QA must investigate
    forge(
        env.core,
        f"UPDATE qc_result SET verdict = 'pass', value_text = '62', value_num = 62 "
        f"WHERE id = {outcome.result_id}",
        f"UPDATE deviation SET status = 'closed' WHERE id = {outcome.deviation_id}",
    )
    with pytest.raises(RecordIntegrityError):
        qa_release(env, batch_id)
    # once more: still refused, and still one deviation for the finding
    _refused_and_nothing_changed(env, batch_id, "qc_result")


@pytest.mark.req("R-CSV-03", "R-CSV-25")
def test_a_widened_specification_limit(env: Env, ready_batch: int) -> None:
    forge(env.core, "UPDATE specification_test SET lower = 20 WHERE test = 'potency'")
    _refused_and_nothing_changed(env, ready_batch, "specification_test")


@pytest.mark.req("R-CSV-06")
def test_an_approval_signature_given_another_content_hash(env: Env, ready_batch: int) -> None:
    forge(
        env.core,
        _unprotect_signatures(env.core),
        "UPDATE signature SET content_hash = 'f00d', meaning = 'approved' "
        "WHERE subject_type = 'specification'",
    )
    _refused_and_nothing_changed(env, ready_batch, "signature")


def test_a_limit_changed_together_with_its_state_would_still_fail_the_signature(
    env: Env, ready_batch: int
) -> None:
    """Even a row whose trail entry was consistent would not pass: the approval signature is
    bound to the limits QA signed (content hash checked on every use)."""
    with env.core.uow() as uow:
        from models.entities.quality import SpecificationTest

        test = uow.session.scalars(
            select(SpecificationTest).where(SpecificationTest.test == "potency")
        ).one()
        test.lower = 20.0  # through the ORM: the trail records it, the signature does not
        uow.commit()
    with pytest.raises(RecordIntegrityError) as refused:
        qa_release(env, ready_batch)
    assert refused.value.params["fields"] == "approval signature"


@pytest.mark.req("R-CSV-03")
def test_a_qc_result_deleted_outside_celltrail(env: Env, ready_batch: int) -> None:
    forge(
        env.core,
        "DELETE FROM qc_result WHERE test = 'mycoplasma'",
    )
    _refused_and_nothing_changed(env, ready_batch, "qc_result")


def test_an_intact_batch_is_released_as_before(env: Env, ready_batch: int) -> None:
    assert qa_release(env, ready_batch) > 0
    assert _integrity_deviations(env.core) == []


@pytest.mark.req("R-CSV-03")
def test_a_result_edited_before_its_second_person_check_cannot_be_verified(env: Env) -> None:
    batch_id = make_batch(env.core, setup_product(env, MSC), "B-UCMSC-250303-009")
    outcome = record(env, batch_id, "viability", "71", 71.0, unit="%", verify=False)
    forge(
        env.core,
        f"UPDATE qc_result SET value_text = '93', value_num = 93 WHERE id = {outcome.result_id}",
    )
    with pytest.raises(RecordIntegrityError) as refused:
        env.q.qc.verify_result(result_id=outcome.result_id, username="zhao", password=PASSWORD)
    assert refused.value.params["fields"] == "value_num, value_text"
