"""The release transition of a batch and what the chain of identity says against it.

QA's release (``models.quality.release``) calls these inside its own unit of work, after QA
has signed the decision: the batch must be in quarantine and not voided, none of its pool
sources voided, and every allogeneic donor eligible (R-DON, R-REL).
"""

from __future__ import annotations

from sqlalchemy import select

from models.chain import lookup
from models.chain.genealogy_sql import batch_sources, donors_of_batches
from models.entities.parties import DonorType, Eligibility
from models.entities.production import Batch, BatchStatus, ProductUnit, QualityStatus
from models.kernel.audit import AuditAction
from models.kernel.unit_of_work import UnitOfWork
from models.quality.blockers import Blocker, ReleaseRefusedError


def release_blockers(uow: UnitOfWork, batch: Batch) -> list[Blocker]:
    """Why ``batch`` may not be released by the chain rules (empty = nothing blocks)."""
    problems = []
    if batch.status is not BatchStatus.QUARANTINE:
        problems.append(Blocker.of("batch_status", status=batch.status.value))
    if batch.voided_reason:
        problems.append(Blocker.of("batch_voided"))
    sources = batch_sources(uow.session, [batch.id]) - {batch.id}
    for number in uow.session.scalars(
        select(Batch.number).where(Batch.id.in_(sources), Batch.voided_reason.is_not(None))
    ):
        problems.append(Blocker.of("source_voided", batch=number))
    for donor in donors_of_batches(uow.session, [batch.id]):
        if (
            donor.donor_type is DonorType.ALLOGENEIC
            and donor.eligibility is not Eligibility.ELIGIBLE
        ):
            problems.append(
                Blocker.of("donor_not_eligible", donor=donor.code, eligibility=donor.eligibility)
            )
    return problems


def release_batch(uow: UnitOfWork, batch_number: str, *, actor: str) -> list[str]:
    """Hook for the quality service: QUARANTINE → RELEASED for the batch and its units.

    Runs in the caller's unit of work (which holds QA's signature); returns the unit codes.
    """
    batch = lookup.batch(uow.session, batch_number)
    problems = release_blockers(uow, batch)
    if problems:
        raise ReleaseRefusedError.because(batch_number, problems)
    units = list(
        uow.session.scalars(
            select(ProductUnit).where(
                ProductUnit.batch_id == batch.id,
                ProductUnit.quality_status == QualityStatus.QUARANTINE,
                ProductUnit.voided_reason.is_(None),
            )
        )
    )
    for unit in units:
        unit.quality_status = QualityStatus.RELEASED
    batch.status = BatchStatus.RELEASED
    codes = [lookup.unit_code(u) for u in units]
    uow.audit.record(
        AuditAction.TRANSITION,
        actor=actor,
        subject_type="batch",
        subject_id=batch_number,
        old={"status": "quarantine"},
        new={"status": "released", "units": codes},
    )
    return codes
