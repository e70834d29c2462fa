"""Batches: creation from one collection (R-BAT-01), pools (R-BAT-03), harvest, fill, release hook.

``release_batch`` and ``release_blockers`` are the hook the quality service uses: it calls
them inside its own unit of work after QA has signed the release decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select

from models.audit import AuditAction
from models.entities.accounts import Role
from models.entities.parties import Donor, DonorType, Eligibility, Site, SiteKind
from models.entities.production import (
    Batch,
    BatchSource,
    BatchStatus,
    Collection,
    ProductUnit,
    QualityStatus,
)
from models.errors import InvalidTransitionError, ValidationError
from models.quality.blockers import Blocker, ReleaseRefusedError
from models.services import lookup
from models.services.chain_errors import (
    CollectionNotAcceptedError,
    IneligibleDonorError,
    PoolSourceNotReleasedError,
    SegregationError,
    SingleSourceBatchError,
)
from models.services.genealogy_sql import (
    batch_sources,
    donors_of_batches,
    require_single_patient_if_autologous,
)
from models.services.identifiers import Identifiers
from models.services.line_clearance import check_planned_workspace, require_in_workspace
from models.services.storage import place_unit
from models.unit_of_work import UnitOfWork, UowFactory

MAKERS = (Role.OPERATOR,)


class BatchService:
    def __init__(self, uow_factory: UowFactory, identifiers: Identifiers) -> None:
        self._uow = uow_factory
        self._ids = identifiers

    def create_batch(
        self,
        *,
        actor: str,
        collections: str | Sequence[str],
        product_code: str,
        workspace: str | None = None,
    ) -> str:
        """A new batch from exactly one accepted collection; returns the batch number."""
        codes = [collections] if isinstance(collections, str) else list(dict.fromkeys(collections))
        with self._uow() as uow:
            lookup.actor(uow.session, actor, MAKERS, "create batches")
            found = [lookup.collection(uow.session, c) for c in codes]
            _check_single_source(found)
            coll = found[0]
            if not coll.accepted or coll.voided_reason:
                state = (
                    "voided"
                    if coll.voided_reason
                    else ("not received" if coll.accepted is None else "rejected")
                )
                raise CollectionNotAcceptedError(collection=coll.code, state=state)
            donor = coll.donor
            if (
                donor.donor_type is DonorType.ALLOGENEIC
                and donor.eligibility is Eligibility.INELIGIBLE
            ):
                raise IneligibleDonorError(
                    donor=donor.code, eligibility="ineligible", action="batch creation"
                )
            product = lookup.product_type(uow.session, product_code)
            batch = Batch(
                number=self._ids.batch_number(uow, product.category.value),
                product_type_id=product.id,
                collection_id=coll.id,
                coi_id=coll.coi_id,
                workspace=workspace,
                created_at=uow.clock(),
                created_by=actor,
            )
            uow.session.add(batch)
            uow.session.flush()
            check_planned_workspace(uow.session, batch, workspace)  # R-SEG-05
            _audit_create(uow, actor, batch, collection=coll.code, donor=donor.code)
            uow.commit()
            return batch.number

    def create_pool(
        self, *, actor: str, sources: Sequence[str], product_code: str, reason: str
    ) -> str:
        """A pooled batch from individually released batches; it traces to every source."""
        numbers = list(dict.fromkeys(sources))
        if len(numbers) < 2:
            raise ValidationError(field="pool", reason="a pool needs at least two source batches")
        with self._uow() as uow:
            lookup.actor(uow.session, actor, MAKERS, "pool batches")
            batches = [lookup.batch(uow.session, n) for n in numbers]
            for source in batches:
                if source.status is not BatchStatus.RELEASED or source.voided_reason:
                    raise PoolSourceNotReleasedError(
                        batch=source.number, status=source.status.value
                    )
            infectious = {
                b.number: any(d.infectious for d in donors_of_batches(uow.session, [b.id]))
                for b in batches
            }
            if len(set(infectious.values())) > 1:
                raise SegregationError(
                    unit=next(n for n, i in infectious.items() if i),
                    infectious="infectious",
                    place="a pool",
                )
            require_single_patient_if_autologous(uow.session, [b.id for b in batches])
            product = lookup.product_type(uow.session, product_code)
            pool = Batch(
                number=self._ids.batch_number(uow, product.category.value),
                product_type_id=product.id,
                is_pool=True,
                coi_id=self._ids.coi(uow).text,
                created_at=uow.clock(),
                created_by=actor,
            )
            uow.session.add(pool)
            uow.session.flush()
            for source in batches:
                uow.session.add(BatchSource(pool_batch_id=pool.id, source_batch_id=source.id))
            _audit_create(uow, actor, pool, sources=numbers, reason=reason)
            uow.commit()
            return pool.number

    def record_harvest(self, *, actor: str, batch_number: str, harvest_at: datetime) -> None:
        """Harvest date *and time* (R-BAT-07): an aware datetime, not in the future."""
        if harvest_at.tzinfo is None:
            raise ValidationError(field="harvest", reason="date and time with a time zone")
        with self._uow() as uow:
            lookup.actor(uow.session, actor, MAKERS, "record harvest")
            batch = _open_batch(lookup.batch(uow.session, batch_number), "harvested")
            require_in_workspace(uow, batch, "Harvest", "收获记录")  # R-SEG-01
            if harvest_at > uow.clock():
                raise ValidationError(field="harvest", reason="it is in the future")
            old, batch.harvest_at = batch.harvest_at, harvest_at
            uow.audit.record(
                AuditAction.CHANGE,
                actor=actor,
                subject_type="batch",
                subject_id=batch_number,
                old={"harvest_at": old},
                new={"harvest_at": harvest_at},
            )
            uow.commit()

    def fill(
        self,
        *,
        actor: str,
        batch_number: str,
        count: int,
        container_type: str,
        cell_count: float | None = None,
        volume_ml: float | None = None,
        location_code: str | None = None,
    ) -> list[str]:
        """Fill ``count`` units, each with a fresh DIN; the batch goes to QUARANTINE."""
        if not 1 <= count <= 500:
            raise ValidationError(field="count", reason="between 1 and 500 units per fill")
        with self._uow() as uow:
            lookup.actor(uow.session, actor, MAKERS, "fill units")
            batch = _open_batch(lookup.batch(uow.session, batch_number), "filled")
            require_in_workspace(uow, batch, "Filling", "分装")  # R-SEG-01
            if batch.harvest_at is None:
                raise ValidationError(field="harvest", reason="record the harvest before filling")
            donors = donors_of_batches(uow.session, [batch.id])
            product = batch.product_type
            kind = _collection_type(donors)
            expires = batch.harvest_at + timedelta(hours=product.shelf_life_hours)
            codes = []
            for _ in range(count):
                unit = ProductUnit(
                    din=self._ids.din(uow).number,
                    product_code=f"{product.code}{kind}00",
                    batch_id=batch.id,
                    container_type=container_type,
                    cell_count=cell_count,
                    volume_ml=volume_ml,
                    expires_at=expires,
                    site_id=_home_site(uow),
                    created_at=uow.clock(),
                    created_by=actor,
                )
                uow.session.add(unit)
                uow.session.flush()
                if location_code:
                    place_unit(
                        uow, unit, lookup.storage_location(uow.session, location_code), actor
                    )
                codes.append(lookup.unit_code(unit))
            batch.status = BatchStatus.QUARANTINE
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="batch",
                subject_id=batch_number,
                old={"status": "in_process"},
                new={"status": "quarantine", "units": codes, "expires_at": expires},
            )
            uow.commit()
            return codes


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


def _check_single_source(collections: list[Collection]) -> None:
    if not collections:
        raise ValidationError(field="collection", reason="a batch needs its collection")
    donors = {c.donor_id for c in collections}
    if len(donors) > 1:
        raise SingleSourceBatchError(count=len(donors), what="donors")
    if len(collections) > 1:
        raise SingleSourceBatchError(count=len(collections), what="collections")


def _open_batch(batch: Batch, target: str) -> Batch:
    if batch.status is not BatchStatus.IN_PROCESS or batch.voided_reason:
        current = "voided" if batch.voided_reason else batch.status.value
        raise InvalidTransitionError(
            kind="batch", ident=batch.number, current=current, target=target
        )
    return batch


def _collection_type(donors: list[Donor]) -> str:
    """ISBT 128 collection type (ST-001 Table 7): V allogeneic, 1 autologous, X biohazard."""
    kinds = {(d.donor_type, d.infectious) for d in donors}
    if kinds and all(t is DonorType.AUTOLOGOUS for t, _ in kinds):
        return "X" if any(i for _, i in kinds) else "1"
    return "V"


def _home_site(uow: UnitOfWork) -> int | None:
    return uow.session.scalar(
        select(Site.id).where(Site.kind == SiteKind.MANUFACTURER).order_by(Site.id).limit(1)
    )


def _audit_create(uow: UnitOfWork, actor: str, batch: Batch, **new: object) -> None:
    uow.audit.record(
        AuditAction.CREATE,
        actor=actor,
        subject_type="batch",
        subject_id=batch.number,
        new={"coi": batch.coi_id, "pool": batch.is_pool, **new},
    )
