"""Batches: creation from one collection (R-BAT-01), pools (R-BAT-03), harvest and fill.

Where a batch may be made is the cleanroom's rule: the service is given ``WorkspaceRules``
(``models.cleanroom``) rather than importing it, so the chain does not depend on the area
built on top of it. The release transition is quality's (``models.quality.chain_release``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain import lookup
from models.chain.consent_checks import require_consent, use_of
from models.chain.errors import (
    CollectionNotAcceptedError,
    IneligibleDonorError,
    PoolSourceNotReleasedError,
    SegregationError,
    SingleSourceBatchError,
)
from models.chain.genealogy_sql import (
    donors_of_batches,
    require_single_patient_if_autologous,
)
from models.chain.identifiers import Identifiers
from models.chain.storage import place_unit
from models.chain.unit_containers import require_unit_container
from models.entities.accounts import Role
from models.entities.parties import Donor, DonorType, Eligibility, Site, SiteKind
from models.entities.production import (
    Batch,
    BatchSource,
    BatchStatus,
    Collection,
    ProductUnit,
)
from models.i18n import Message
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.unit_of_work import UnitOfWork, UowFactory

MAKERS = (Role.OPERATOR,)


class WorkspaceRules(Protocol):
    """The cleanroom's segregation rules (R-SEG-01, R-SEG-05) as the batch service uses them."""

    def check_planned_workspace(
        self, session: Session, batch: Batch, workspace: str | None
    ) -> None: ...

    def require_in_workspace(self, uow: UnitOfWork, batch: Batch, action: Message) -> None: ...


class BatchService:
    def __init__(
        self, uow_factory: UowFactory, identifiers: Identifiers, workspaces: WorkspaceRules
    ) -> None:
        self._uow = uow_factory
        self._ids = identifiers
        self._workspaces = workspaces

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
            require_actor(uow.session, actor, MAKERS, "create batches")
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
            require_consent(uow.session, donor, use_of(donor), "batch_start", uow.clock())
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
            self._workspaces.check_planned_workspace(uow.session, batch, workspace)  # R-SEG-05
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
            require_actor(uow.session, actor, MAKERS, "pool batches")
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
            require_actor(uow.session, actor, MAKERS, "record harvest")
            batch = _open_batch(lookup.batch(uow.session, batch_number), "harvested")
            harvest = Message("workspace_action.harvest")
            self._workspaces.require_in_workspace(uow, batch, harvest)  # R-SEG-01
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
        require_unit_container(container_type)
        with self._uow() as uow:
            require_actor(uow.session, actor, MAKERS, "fill units")
            batch = _open_batch(lookup.batch(uow.session, batch_number), "filled")
            filling = Message("workspace_action.filling")
            self._workspaces.require_in_workspace(uow, batch, filling)  # R-SEG-01
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
