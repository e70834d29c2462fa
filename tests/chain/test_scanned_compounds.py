"""Scan points that name a product by its DIN (hospital receipt, bedside) read a peer's 2-D
code in full (issue 15): the DIN names the unit, the other structures are read and checked,
a ``/`` inside them (PPIC ``=/``, CoI ``&/``) is not taken for a ``DIN/division``, and a
product code whose division lives in DS032 is refused where it would pick a unit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.core import Core
from models.entities.audit import AuditEntry
from models.entities.logistics import Administration
from models.entities.parties import DonorType
from models.isbt128 import FlagMismatchError, ProductDivisionsNeededError
from models.isbt128.compound import write_compound
from models.kernel.audit import AuditAction
from tests.chain.conftest import Flow, add_site_config, ago, scan

SEC = "&,4PL001499Z549917123456A00T041600320181231"  # pdesiatnyk/ISBT128 sampleSerials.ts
PPIC = "=/A9997AB3456T0123"  # ST-001 Figure 9


def _peer_code(unit: str) -> str:
    """A peer's Data Matrix for this unit: DIN, blood group, PPIC, expiry and SEC."""
    return "]d1" + write_compound([scan(unit), "=%5100", PPIC, "&>0183652359", SEC])


def test_receipt_and_bedside_read_a_peer_compound_by_its_din(flow: Flow) -> None:
    flow.eligible_donor("DN-PEER-1", DonorType.AUTOLOGOUS)
    flow.patient("P-PEER-1", donor="DN-PEER-1")
    flow.accepted_collection("DN-PEER-1", "CL-PEER-1", material="leukapheresis")
    batch, units = flow.filled_batch("CL-PEER-1", 2, product="S2210")
    flow.release(batch)
    c = flow.c
    c.shipments.create(actor="wang", code="SH-PEER", destination="HOSP-B", units=units)
    c.shipments.dispatch(actor="wang", code="SH-PEER", at=ago(hours=6), temperature_c=-182)
    held = c.hospital.receive_shipment(
        actor="liu",
        code="SH-PEER",
        at=ago(hours=1),
        temperature_c=-171,
        scanned=[_peer_code(u) for u in units],
    )
    assert held == []
    flow.thaw(units[0])
    record = flow.administer(_peer_code(units[0]), "P-PEER-1")
    with flow.core.uow() as uow:
        assert uow.session.get(Administration, record) is not None


def test_a_refused_bedside_scan_keeps_the_whole_read_in_the_audit_trail(any_core: Core) -> None:
    """On PostgreSQL too, where a subject longer than its column would fail the refusal."""
    add_site_config(any_core)
    flow = Flow(any_core)
    _batch, units = flow.released_autologous("DN-PEER-2", "P-PEER-2", 1)
    flow.ship_and_receive("SH-PEER-2", units, "P-PEER-2")
    flow.thaw(units[0])
    din = scan(units[0])[:-2] + "61"  # a Type 3 flag that does not check out: a misread
    misread = "]d1" + write_compound([din, "=%5100", PPIC, "&>0183652359", SEC])
    assert len(misread) > 64  # longer than the audit trail's subject column
    with pytest.raises(FlagMismatchError):
        flow.administer(misread, "P-PEER-2")
    with flow.core.uow() as uow:
        refused = uow.session.execute(
            select(AuditEntry.subject_id, AuditEntry.new_value).where(
                AuditEntry.action == AuditAction.SCAN_REJECTED.value
            )
        ).all()
    assert len(refused) == 1 and len(refused[0].subject_id) <= 64
    assert misread in str(refused[0].new_value)  # the whole read, not dropped


def test_a_99_product_code_cannot_pick_a_unit(flow: Flow) -> None:
    _batch, units = flow.released_autologous("DN-PEER-3", "P-PEER-3", 1)
    flow.ship_and_receive("SH-PEER-3", units, "P-PEER-3")
    with pytest.raises(ProductDivisionsNeededError) as caught:
        flow.c.hospital.bag(product_scan=scan(units[0]), product_code_scan="=<S2210499")
    assert "DS032" in caught.value.message("en") and "DS032" in caught.value.message("zh")
    with flow.core.uow() as uow:
        assert uow.session.scalar(select(Administration.id)) is None
