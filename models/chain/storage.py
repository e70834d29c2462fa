"""Storage locations and where each unit sits, with infectious segregation (R-STO-03, R-SEG)."""

from __future__ import annotations

from models.chain import lookup
from models.chain.errors import SegregationError, UnitNotUsableError
from models.chain.genealogy_sql import is_infectious, void_problem
from models.entities.accounts import Role
from models.entities.logistics import CustodyEvent, CustodyEventKind, StorageLocation
from models.entities.production import Disposition, ProductUnit
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.unit_of_work import UnitOfWork, UowFactory

KEEPERS = (Role.OPERATOR, Role.CLINICAL)


def place_unit(uow: UnitOfWork, unit: ProductUnit, location: StorageLocation, actor: str) -> None:
    """Put ``unit`` at ``location`` inside the caller's unit of work, refusing mixed storage."""
    infectious = is_infectious(uow.session, unit)
    if infectious != location.infectious_only:
        kind = "infectious only" if location.infectious_only else "general"
        raise SegregationError(
            unit=lookup.unit_code(unit),
            infectious="infectious" if infectious else "non-infectious",
            place=f"{location.code} ({kind})",
        )
    old = unit.storage_location_id
    unit.storage_location_id = location.id
    if location.site_id is not None:
        unit.site_id = location.site_id
    uow.session.add(
        CustodyEvent(
            kind=CustodyEventKind.MOVED if old else CustodyEventKind.STORED,
            unit_id=unit.id,
            occurred_at=uow.clock(),
            recorded_by=actor,
            location_id=location.id,
        )
    )


class StorageService:
    def __init__(self, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def add_location(
        self,
        *,
        actor: str,
        code: str,
        name: str,
        site_code: str | None = None,
        temperature: str | None = None,
        infectious_only: bool = False,
        non_conforming: bool = False,
    ) -> None:
        with self._uow() as uow:
            require_actor(uow.session, actor, (Role.OPERATOR, Role.QA), "add storage locations")
            lookup.require_unused(uow.session, StorageLocation.code, code)
            site_id = lookup.site(uow.session, site_code).id if site_code else None
            uow.session.add(
                StorageLocation(
                    code=code,
                    name=name,
                    site_id=site_id,
                    temperature=temperature,
                    infectious_only=infectious_only,
                    non_conforming=non_conforming,
                )
            )
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="storage_location",
                subject_id=code,
                new={
                    "name": name,
                    "infectious_only": infectious_only,
                    "non_conforming": non_conforming,
                },
            )
            uow.commit()

    def store(self, *, actor: str, unit_code: str, location_code: str) -> None:
        """Put a unit in (or move it to) a location; every move is a custody event."""
        with self._uow() as uow:
            require_actor(uow.session, actor, KEEPERS, "store units")
            unit = lookup.unit(uow.session, unit_code)
            if unit.voided_reason or unit.disposition not in (
                Disposition.IN_STOCK,
                Disposition.AT_HOSPITAL,
            ):
                raise UnitNotUsableError(
                    unit=unit_code, action="storage", problem=unit.disposition.value
                )
            location = lookup.storage_location(uow.session, location_code)
            voided = void_problem(uow.session, unit)
            if voided and not location.non_conforming:
                # material of a voided batch may only move to a non-conforming location
                raise UnitNotUsableError(unit=unit_code, action="storage", problem=voided)
            old = unit.storage_location_id
            place_unit(uow, unit, location, actor)
            uow.audit.record(
                AuditAction.CHANGE,
                actor=actor,
                subject_type="product_unit",
                subject_id=lookup.unit_code(unit),
                old={"location_id": old},
                new={"location": location_code},
            )
            uow.commit()
