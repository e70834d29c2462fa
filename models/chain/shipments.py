"""Shipments with chain-of-custody events: dispatch, hand-overs, delays, excursions (R-TRN)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain import lookup
from models.chain.errors import (
    ReasonRequiredError,
    SegregationError,
    UnitNotUsableError,
)
from models.chain.genealogy_sql import donors_of_unit, is_infectious, void_problem
from models.entities.accounts import Role
from models.entities.logistics import (
    CustodyEvent,
    CustodyEventKind,
    Shipment,
    ShipmentItem,
    ShipmentStatus,
)
from models.entities.parties import SiteKind
from models.entities.production import Disposition, ProductUnit, QualityStatus
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.errors import InvalidTransitionError, ValidationError
from models.kernel.record_check import require_intact, require_none_deleted
from models.kernel.unit_of_work import UnitOfWork, UowFactory

SHIPPERS = (Role.OPERATOR,)
COURIER_LOG = (Role.OPERATOR, Role.CLINICAL)
RELEASED = (QualityStatus.RELEASED, QualityStatus.EMERGENCY_RELEASED)


def shipping_problems(
    unit: ProductUnit, now: datetime, session: Session | None = None
) -> list[str]:
    """R-TRN-01: only released, unexpired, unrecalled stock may leave the facility.

    With a session the unit's whole lineage is checked too: a voided batch, pool source or
    ancestor unit blocks every unit made from it."""
    problems = []
    if unit.quality_status not in RELEASED:
        problems.append(f"not released ({unit.quality_status.value})")
    if unit.recalled:
        problems.append("recalled")
    if unit.hold_reason:
        problems.append(f"on hold: {unit.hold_reason}")
    voided = void_problem(session, unit) if session is not None else None
    if voided or unit.voided_reason:
        problems.append(voided or "voided")
    if unit.disposition is not Disposition.IN_STOCK:
        problems.append(unit.disposition.value)
    if unit.expires_at and unit.expires_at <= now:
        problems.append("expired")
    return problems


class ShipmentService:
    def __init__(self, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def create(
        self,
        *,
        actor: str,
        code: str,
        destination: str,
        units: Sequence[str],
        recipient: str | None = None,
        container: str | None = None,
        logger_id: str | None = None,
    ) -> None:
        """Plan a shipment of released units, optionally dispensed for one recipient."""
        with self._uow() as uow:
            require_actor(uow.session, actor, SHIPPERS, "create shipments")
            site = lookup.site(uow.session, destination)
            if site.kind is not SiteKind.HOSPITAL:
                raise ValidationError(
                    field="destination", reason=f"{destination} is not a hospital"
                )
            lookup.require_unused(uow.session, Shipment.code, code)
            found = [self._shippable(uow, u) for u in dict.fromkeys(units)]
            _not_already_planned(uow, found)
            _same_infectious_class(uow, found)
            patient = lookup.recipient(uow.session, recipient) if recipient else None
            shipment = Shipment(
                code=code,
                destination_site_id=site.id,
                container=container,
                logger_id=logger_id,
                created_at=uow.clock(),
                created_by=actor,
            )
            uow.session.add(shipment)
            uow.session.flush()
            for unit in found:
                uow.session.add(ShipmentItem(shipment_id=shipment.id, unit_id=unit.id))
                if patient is not None:
                    _check_autologous(uow, unit, patient.donor_id)
                    unit.intended_recipient_id = patient.id
            if patient is not None and patient.hospital_id not in (None, site.id):
                raise ValidationError(
                    field="destination",
                    reason=f"recipient {patient.code} is not registered at {destination}",
                )
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="shipment",
                subject_id=code,
                new={"to": destination, "units": list(units), "recipient": recipient},
            )
            uow.commit()

    def _shippable(self, uow: UnitOfWork, code: str) -> ProductUnit:
        unit = lookup.unit(uow.session, code)
        problems = shipping_problems(unit, uow.clock(), uow.session)
        if problems:
            raise UnitNotUsableError(unit=code, action="shipment", problem=", ".join(problems))
        return unit

    def dispatch(self, *, actor: str, code: str, at: datetime, temperature_c: float) -> None:
        with self._uow() as uow:
            require_actor(uow.session, actor, SHIPPERS, "dispatch shipments")
            shipment = _in_state(uow, code, ShipmentStatus.PLANNED, "dispatched")
            units = shipment_units(uow, shipment)
            require_shipment_intact(uow, shipment, units)
            for unit in units:
                # a recall or a void may have come in meanwhile
                problems = shipping_problems(unit, at, uow.session)
                if problems:
                    raise UnitNotUsableError(
                        unit=lookup.unit_code(unit), action="dispatch", problem=", ".join(problems)
                    )
                unit.disposition, unit.storage_location_id = Disposition.IN_TRANSIT, None
                unit.site_id = None
            shipment.status = ShipmentStatus.DISPATCHED
            _event(uow, actor, shipment, CustodyEventKind.DISPATCH, at, temperature_c=temperature_c)
            uow.commit()

    def cancel(self, *, actor: str, code: str, reason: str) -> None:
        """Call off a planned shipment (a unit was recalled, destroyed or rejected meanwhile,
        or the treatment was postponed): its units stay where they are, free for another."""
        with self._uow() as uow:
            require_actor(
                uow.session, actor, SHIPPERS + (Role.QA, Role.QA_HEAD), "cancel shipments"
            )
            if not reason.strip():
                raise ValidationError(field="reason", reason="cancelling a shipment needs a reason")
            shipment = _in_state(uow, code, ShipmentStatus.PLANNED, "cancelled")
            shipment.status = ShipmentStatus.CANCELLED
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="shipment",
                subject_id=code,
                old={"status": ShipmentStatus.PLANNED.value},
                new={
                    "status": ShipmentStatus.CANCELLED.value,
                    "units": [lookup.unit_code(u) for u in shipment_units(uow, shipment)],
                },
                reason=reason.strip(),
            )
            uow.commit()

    def handover(
        self, *, actor: str, code: str, at: datetime, handed_to: str, temperature_c: float | None
    ) -> None:
        with self._uow() as uow:
            require_actor(uow.session, actor, COURIER_LOG, "record hand-overs")
            shipment = _in_state(uow, code, ShipmentStatus.DISPATCHED, "handed over")
            _event(
                uow,
                actor,
                shipment,
                CustodyEventKind.HANDOVER,
                at,
                handed_to=handed_to,
                temperature_c=temperature_c,
            )
            uow.commit()

    def record_delay(
        self, *, actor: str, code: str, at: datetime, minutes: int, handling: str
    ) -> None:
        """R-TRN-04: a delay is recorded with its handling."""
        if not handling.strip():
            raise ReasonRequiredError(action="Recording a delay")
        with self._uow() as uow:
            require_actor(uow.session, actor, COURIER_LOG, "record delays")
            shipment = _in_state(uow, code, ShipmentStatus.DISPATCHED, "delayed")
            _event(
                uow,
                actor,
                shipment,
                CustodyEventKind.DELAY,
                at,
                note=f"delay {minutes} min; handling: {handling}",
            )
            uow.commit()

    def record_excursion(
        self,
        *,
        actor: str,
        code: str,
        at: datetime,
        temperature_c: float,
        minutes: int,
        handling: str,
    ) -> None:
        """A temperature excursion puts every unit of the shipment on hold until QA decides."""
        if not handling.strip():
            raise ReasonRequiredError(action="Recording a temperature excursion")
        with self._uow() as uow:
            require_actor(uow.session, actor, COURIER_LOG, "record excursions")
            shipment = _in_state(uow, code, ShipmentStatus.DISPATCHED, "excursion")
            note = f"excursion {temperature_c} °C for {minutes} min; handling: {handling}"
            for unit in shipment_units(uow, shipment):
                unit.hold_reason = f"{code}: {note}"[:500]
            _event(
                uow,
                actor,
                shipment,
                CustodyEventKind.TEMPERATURE_EXCURSION,
                at,
                temperature_c=temperature_c,
                note=note,
            )
            uow.commit()

    def clear_hold(self, *, actor: str, unit_code: str, reason: str) -> None:
        """QA disposition of a held unit (e.g. stability data justify the excursion)."""
        if not reason.strip():
            raise ReasonRequiredError(action="Clearing a hold")
        with self._uow() as uow:
            require_actor(uow.session, actor, (Role.QA,), "clear holds", quality_decision=True)
            unit = lookup.unit(uow.session, unit_code)
            old, unit.hold_reason = unit.hold_reason, None
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="product_unit",
                subject_id=unit_code,
                old={"hold": old},
                new={"hold": None},
                reason=reason,
            )
            uow.commit()


def require_shipment_intact(uow: UnitOfWork, shipment: Shipment, units: list[ProductUnit]) -> None:
    """The shipment, its item rows and its units must match their audit trail (none of them
    edited, swapped or removed outside CellTrail) before it is dispatched or received."""
    items = uow.session.scalars(select(ShipmentItem).where(ShipmentItem.shipment_id == shipment.id))
    require_intact(uow.session, shipment, *items, *units, *(u.batch for u in units))
    require_none_deleted(uow.session, ShipmentItem, "shipment_id", shipment.id)


def shipment_units(uow: UnitOfWork, shipment: Shipment) -> list[ProductUnit]:
    query = (
        select(ProductUnit)
        .join(ShipmentItem, ShipmentItem.unit_id == ProductUnit.id)
        .where(ShipmentItem.shipment_id == shipment.id)
        .order_by(ProductUnit.id)
    )
    return list(uow.session.scalars(query))


def _not_already_planned(uow: UnitOfWork, units: list[ProductUnit]) -> None:
    """One unit, one planned destination: a second plan would send it to two hospitals."""
    planned = uow.session.execute(
        select(ShipmentItem.unit_id, Shipment.code)
        .join(Shipment, Shipment.id == ShipmentItem.shipment_id)
        .where(
            ShipmentItem.unit_id.in_([u.id for u in units]),
            Shipment.status == ShipmentStatus.PLANNED,
        )
    ).first()
    if planned is not None:
        unit = next(u for u in units if u.id == planned.unit_id)
        raise UnitNotUsableError(
            unit=lookup.unit_code(unit),
            action="shipment",
            problem=f"already planned in shipment {planned.code}",
        )


def _in_state(uow: UnitOfWork, code: str, state: ShipmentStatus, target: str) -> Shipment:
    shipment = lookup.shipment(uow.session, code)
    if shipment.status is not state:
        raise InvalidTransitionError(
            kind="shipment", ident=code, current=shipment.status.value, target=target
        )
    return shipment


def _event(
    uow: UnitOfWork,
    actor: str,
    shipment: Shipment,
    kind: CustodyEventKind,
    at: datetime,
    **fields: object,
) -> None:
    if at.tzinfo is None:
        raise ValidationError(field="time", reason="an aware date and time is required")
    uow.session.add(
        CustodyEvent(
            kind=kind, shipment_id=shipment.id, occurred_at=at, recorded_by=actor, **fields
        )
    )
    uow.audit.record(  # filed under the shipment, so its trail shows dispatch, hand-overs …
        AuditAction.CREATE,
        actor=actor,
        subject_type="shipment",
        subject_id=shipment.code,
        new={"event": kind.value, "at": at, **{k: v for k, v in fields.items() if v is not None}},
    )


def _same_infectious_class(uow: UnitOfWork, units: list[ProductUnit]) -> None:
    """R-TRN-02.7: infectious and non-infectious material never share a container."""
    classes = {u.id: is_infectious(uow.session, u) for u in units}
    if len(set(classes.values())) > 1:
        unit = next(u for u in units if classes[u.id])
        raise SegregationError(
            unit=lookup.unit_code(unit), infectious="infectious", place="a mixed shipment"
        )


def _check_autologous(uow: UnitOfWork, unit: ProductUnit, recipient_donor: int | None) -> None:
    from models.entities.parties import DonorType

    donors = donors_of_unit(uow.session, unit)
    autologous = [d for d in donors if d.donor_type is DonorType.AUTOLOGOUS]
    if autologous and any(d.id != recipient_donor for d in autologous):
        raise UnitNotUsableError(
            unit=lookup.unit_code(unit),
            action="dispensing",
            problem="autologous product of another patient",
        )
