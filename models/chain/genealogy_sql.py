"""Genealogy closures as recursive CTEs: one round trip per direction, whatever the depth.

``UNION`` (not ``UNION ALL``) makes each closure terminate even if bad data ever formed a
cycle; every query rides on the parent/child indexes of ``unit_link`` and ``batch_source``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import CTE, Select, select
from sqlalchemy.orm import Session

from models.entities.parties import Donor
from models.entities.production import Batch, BatchSource, Collection, ProductUnit, UnitLink


def _closure(session: Session, start: Any, step: Any, seeds: Iterable[int]) -> set[int]:
    """``seeds`` plus everything reachable over the edge ``start`` → ``step``."""
    ids = set(seeds)
    if not ids:
        return ids
    cte = select(step.label("id")).where(start.in_(ids)).cte("reach", recursive=True)
    cte = cte.union(select(step).join(cte, start == cte.c.id))
    return ids | set(session.scalars(select(cte.c.id)))


def closure_cte(start: Any, step: Any, anchor: Select[Any], name: str = "reach") -> CTE:
    """A recursive CTE (column ``id``): the ids ``anchor`` selects plus everything reachable
    over the edge ``start`` → ``step``; lets a caller fold a closure into a larger query."""
    cte = anchor.cte(name, recursive=True)
    return cte.union(select(step).join(cte, start == cte.c.id))


def unit_ancestors(session: Session, unit_ids: Iterable[int]) -> set[int]:
    return _closure(session, UnitLink.child_unit_id, UnitLink.parent_unit_id, unit_ids)


def unit_descendants(session: Session, unit_ids: Iterable[int]) -> set[int]:
    return _closure(session, UnitLink.parent_unit_id, UnitLink.child_unit_id, unit_ids)


def batch_sources(session: Session, batch_ids: Iterable[int]) -> set[int]:
    """The batches and, for pools, every constituent batch at any depth."""
    return _closure(session, BatchSource.pool_batch_id, BatchSource.source_batch_id, batch_ids)


def batch_pools(session: Session, batch_ids: Iterable[int]) -> set[int]:
    """The batches and every pool made from them at any depth."""
    return _closure(session, BatchSource.source_batch_id, BatchSource.pool_batch_id, batch_ids)


def donors_of_batches(session: Session, batch_ids: Iterable[int]) -> list[Donor]:
    batches = batch_sources(session, batch_ids)
    if not batches:
        return []
    query = (
        select(Donor)
        .join(Collection, Collection.donor_id == Donor.id)
        .join(Batch, Batch.collection_id == Collection.id)
        .where(Batch.id.in_(batches))
        .distinct()
    )
    return list(session.scalars(query))


def donors_of_unit(session: Session, unit: ProductUnit) -> list[Donor]:
    ancestors = unit_ancestors(session, [unit.id])
    batches = set(
        session.scalars(select(ProductUnit.batch_id).where(ProductUnit.id.in_(ancestors)))
    )
    return donors_of_batches(session, batches)


def is_infectious(session: Session, unit: ProductUnit) -> bool:
    return any(d.infectious for d in donors_of_unit(session, unit))


def voided_lineage(session: Session, unit: ProductUnit) -> list[str]:
    """What is voided in the unit's lineage: the unit itself, any ancestor unit, their batches
    or, for pools, any constituent batch at any depth. Empty when nothing is voided."""
    ancestors = unit_ancestors(session, [unit.id])
    found = [
        f"unit {din}" if division == "00" else f"unit {din}/{division}"
        for din, division in session.execute(
            select(ProductUnit.din, ProductUnit.division)
            .where(ProductUnit.id.in_(ancestors), ProductUnit.voided_reason.is_not(None))
            .order_by(ProductUnit.id)
        )
    ]
    batches = batch_sources(
        session, session.scalars(select(ProductUnit.batch_id).where(ProductUnit.id.in_(ancestors)))
    )
    found += [
        f"batch {number}"
        for number in session.scalars(
            select(Batch.number)
            .where(Batch.id.in_(batches), Batch.voided_reason.is_not(None))
            .order_by(Batch.id)
        )
    ]
    return found


def void_problem(session: Session, unit: ProductUnit) -> str | None:
    """``"voided (…)"`` naming what is voided in the lineage, or None."""
    voided = voided_lineage(session, unit)
    return f"voided ({', '.join(voided)})" if voided else None


def require_single_patient_if_autologous(session: Session, batch_ids: Iterable[int]) -> None:
    """R-ID / mix-up prevention: autologous material never shares a pool with another donor."""
    from models.chain.errors import AutologousPoolError
    from models.entities.parties import DonorType

    donors = donors_of_batches(session, batch_ids)
    autologous = [d for d in donors if d.donor_type is DonorType.AUTOLOGOUS]
    if autologous and len(donors) > 1:
        others = ", ".join(sorted(d.code for d in donors if d.id != autologous[0].id))
        raise AutologousPoolError(donor=autologous[0].code, others=others)
