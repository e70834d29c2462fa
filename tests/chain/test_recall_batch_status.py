"""A released batch becomes RECALLED when every one of its units is recalled, and only then."""

from __future__ import annotations

from sqlalchemy import select

from models.entities.audit import AuditEntry
from models.entities.production import Batch, BatchStatus
from tests.chain.conftest import Flow
from tests.conftest import PASSWORD


def _status(flow: Flow, number: str) -> BatchStatus:
    with flow.core.uow() as uow:
        return uow.session.scalars(select(Batch.status).where(Batch.number == number)).one()


def test_recalling_one_unit_leaves_the_batch_released(flow: Flow) -> None:
    batch, units = flow.released_batch("DN-RB1", 3)
    flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=units[0], reason="leak")
    assert _status(flow, batch) is BatchStatus.RELEASED


def test_recalling_the_batch_marks_it_recalled_and_audits_it(flow: Flow) -> None:
    batch, _ = flow.released_batch("DN-RB2", 3)
    report = flow.c.recalls.initiate(
        actor="chen", password=PASSWORD, identifier=batch, reason="sterility OOS after release"
    )
    assert _status(flow, batch) is BatchStatus.RECALLED
    with flow.core.uow() as uow:
        entry = uow.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.subject_type == "batch", AuditEntry.subject_id == batch)
            .order_by(AuditEntry.seq.desc())
        ).first()
        assert entry is not None and entry.action == "transition"
        assert entry.reason == f"every unit recalled ({report.code})"


def test_the_last_unit_recalled_completes_the_batch_recall(flow: Flow) -> None:
    batch, units = flow.released_batch("DN-RB3", 2)
    for unit in units:
        flow.c.recalls.initiate(actor="chen", password=PASSWORD, identifier=unit, reason="x")
    assert _status(flow, batch) is BatchStatus.RECALLED
