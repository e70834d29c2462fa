"""A planned shipment can be called off, with a reason, by the shipper or QA; a unit is never
planned to two destinations at once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.chain.errors import UnitNotUsableError
from models.entities.audit import AuditEntry
from models.entities.logistics import Shipment, ShipmentStatus
from models.kernel.errors import InvalidTransitionError, PermissionDeniedError, ValidationError
from tests.chain.conftest import Flow, ago


@pytest.fixture
def units(flow: Flow) -> list[str]:
    _, codes = flow.released_batch("DN-SC", 3)
    return codes


def _status(flow: Flow, code: str) -> ShipmentStatus:
    with flow.core.uow() as uow:
        return uow.session.scalars(select(Shipment.status).where(Shipment.code == code)).one()


def test_a_unit_cannot_be_planned_to_two_hospitals(flow: Flow, units: list[str]) -> None:
    flow.c.shipments.create(actor="wang", code="SH-A", destination="HOSP-B", units=units[:2])
    with pytest.raises(UnitNotUsableError, match="already planned in shipment SH-A"):
        flow.c.shipments.create(actor="wang", code="SH-B", destination="HOSP-B", units=units[1:])


def test_cancelled_shipment_frees_its_units_and_is_audited(flow: Flow, units: list[str]) -> None:
    s = flow.c.shipments
    s.create(actor="wang", code="SH-A", destination="HOSP-B", units=units[:2])
    with pytest.raises(ValidationError, match="reason"):
        s.cancel(actor="wang", code="SH-A", reason="  ")
    with pytest.raises(PermissionDeniedError):
        s.cancel(actor="liu", code="SH-A", reason="patient postponed")
    s.cancel(actor="chen", code="SH-A", reason="patient postponed")
    assert _status(flow, "SH-A") is ShipmentStatus.CANCELLED
    with pytest.raises(InvalidTransitionError):
        s.dispatch(actor="wang", code="SH-A", at=ago(hours=1), temperature_c=-180)
    with pytest.raises(InvalidTransitionError):
        s.cancel(actor="chen", code="SH-A", reason="twice")
    s.create(actor="wang", code="SH-B", destination="HOSP-B", units=units[:2])  # free again
    with flow.core.uow() as uow:
        entry = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.subject_id == "SH-A").order_by(AuditEntry.seq)
        ).all()[-1]
        assert (entry.actor, entry.reason) == ("chen", "patient postponed")


def test_a_dispatched_shipment_cannot_be_cancelled(flow: Flow, units: list[str]) -> None:
    s = flow.c.shipments
    s.create(actor="wang", code="SH-A", destination="HOSP-B", units=units[:1])
    s.dispatch(actor="wang", code="SH-A", at=ago(hours=1), temperature_c=-180)
    with pytest.raises(InvalidTransitionError):
        s.cancel(actor="wang", code="SH-A", reason="too late")
    assert _status(flow, "SH-A") is ShipmentStatus.DISPATCHED
