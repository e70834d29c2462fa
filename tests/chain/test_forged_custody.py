"""Chain-of-custody decisions refuse records changed outside CellTrail (issue 12), on SQLite
and on real PostgreSQL: a unit's recipient swapped before the bedside check, a quarantined
batch "released" by hand before dispatch, a shipment's item swapped before hospital receipt.
Each is a hard stop, named by `audit verify`, with one urgent deviation and nothing else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.chain import lookup
from models.core import Core
from models.entities.logistics import Administration
from models.entities.production import Disposition, ProductUnit
from models.entities.quality import Deviation
from models.kernel.record_check import RecordIntegrityError, check_records
from tests.chain.conftest import Flow, add_site_config, ago, scan
from tests.conftest import forge


@pytest.fixture
def flow(any_core: Core) -> Iterator[Flow]:
    add_site_config(any_core)
    yield Flow(any_core)


def _unit_id(core: Core, code: str) -> int:
    with core.uow().reading() as uow:
        return lookup.unit(uow.session, code).id


def _named(core: Core) -> set[tuple[str, str]]:
    with Session(core.engine) as session:
        return {(m.table, m.kind) for m in check_records(session).mismatches}


def _deviations(core: Core) -> list[str]:
    with core.uow().reading() as uow:
        return list(
            uow.session.scalars(
                select(Deviation.title).where(Deviation.title.like("Record integrity:%"))
            )
        )


@pytest.mark.req("R-CSV-03")
def test_bedside_stops_on_a_unit_whose_recipient_was_swapped(flow: Flow) -> None:
    _, units = flow.released_batch("DN-F1", 2)
    flow.patient("P-F-01")
    flow.patient("P-F-02")
    flow.ship_and_receive("SH-F1", [units[0]], "P-F-01")
    flow.thaw(units[0])
    unit_id = _unit_id(flow.core, units[0])
    forge(
        flow.core,
        f"UPDATE product_unit SET intended_recipient_id = "
        f"(SELECT id FROM recipient WHERE code = 'P-F-02') WHERE id = {unit_id}",
    )
    assert ("product_unit", "altered") in _named(flow.core)
    hospital = flow.core.chain.hospital
    for _ in range(2):  # the screen's verdict, twice (a second scan)
        with pytest.raises(RecordIntegrityError) as stop:
            hospital.check_bedside(product_scan=scan(units[0]), recipient_scan="P-F-02")
        assert stop.value.params == {
            "table": "product_unit",
            "record": str(unit_id),
            "fields": "intended_recipient_id",
            "kind": "altered",
        }
    with pytest.raises(RecordIntegrityError):
        flow.administer(scan(units[0]), "P-F-02")
    with flow.core.uow().reading() as uow:
        assert uow.session.scalar(select(Administration.id)) is None
        unit = uow.session.get(ProductUnit, unit_id)
        assert unit is not None and unit.disposition is Disposition.THAWED
    assert _deviations(flow.core) == [
        f"Record integrity: product unit {unit_id} changed outside CellTrail"
    ]


@pytest.mark.req("R-CSV-03")
def test_dispatch_stops_on_a_batch_released_by_hand(flow: Flow) -> None:
    flow.eligible_donor("DN-F2")
    flow.accepted_collection("DN-F2", "CL-DN-F2")
    batch, units = flow.filled_batch("CL-DN-F2", 2)
    forge(
        flow.core,
        f"UPDATE batch SET status = 'released' WHERE number = '{batch}'",
        "UPDATE product_unit SET quality_status = 'released' WHERE batch_id = "
        f"(SELECT id FROM batch WHERE number = '{batch}')",
    )
    assert {("batch", "altered"), ("product_unit", "altered")} <= _named(flow.core)
    shipments = flow.core.chain.shipments
    with pytest.raises(RecordIntegrityError):
        shipments.create(actor="wang", code="SH-F2", destination="HOSP-B", units=units[:1])
        shipments.dispatch(actor="wang", code="SH-F2", at=ago(hours=1), temperature_c=-180)
    with flow.core.uow().reading() as uow:
        unit = lookup.unit(uow.session, units[0])
        assert unit.disposition is not Disposition.IN_TRANSIT
    assert len(_deviations(flow.core)) == 1


@pytest.mark.req("R-CSV-03")
def test_receipt_stops_on_a_shipment_whose_item_was_swapped(flow: Flow) -> None:
    _, units = flow.released_batch("DN-F3", 3)
    shipments = flow.core.chain.shipments
    shipments.create(actor="wang", code="SH-F3", destination="HOSP-B", units=[units[0]])
    shipments.dispatch(actor="wang", code="SH-F3", at=ago(hours=6), temperature_c=-182)
    forge(
        flow.core,
        f"UPDATE shipment_item SET unit_id = {_unit_id(flow.core, units[2])} "
        f"WHERE unit_id = {_unit_id(flow.core, units[0])}",
    )
    assert ("shipment_item", "altered") in _named(flow.core)
    with pytest.raises(RecordIntegrityError) as stop:
        flow.core.chain.hospital.receive_shipment(
            actor="liu", code="SH-F3", at=ago(hours=1), temperature_c=-171, scanned=[units[2]]
        )
    assert stop.value.params["table"] == "shipment_item"
    assert len(_deviations(flow.core)) == 1


def test_an_untouched_unit_is_given_as_before(flow: Flow) -> None:
    _, units = flow.released_batch("DN-F4", 1)
    flow.patient("P-F-04")
    flow.ship_and_receive("SH-F4", units, "P-F-04")
    assert flow.give(units[0], "P-F-04") > 0
    assert _deviations(flow.core) == []


def test_trace_names_the_forged_records_of_the_chain(
    flow: Flow, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from models.cli.app import run

    batch, units = flow.released_batch("DN-F5", 2)
    url = flow.core.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("CELLTRAIL_LANG", "en")
    assert run(["trace", batch, "--db", url]) == 0
    forge(flow.core, f"UPDATE batch SET status = 'quarantine' WHERE number = '{batch}'")
    capsys.readouterr()
    assert run(["trace", units[0], "--db", url]) == 1
    out = capsys.readouterr()
    assert "RECORD INTEGRITY: batch" in out.out + out.err and "(status)" in out.out + out.err
