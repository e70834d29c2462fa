"""Station scenarios built through the core's services (no SQL): a batch in the cleanroom,
filled units in quarantine and a full, verified QC panel.  Used by the GUI tests and the
screenshot script."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models.core import Core
from models.demo.build import DEMO_PASSWORD
from models.demo.chain import MSC_COLLECTION, MSC_PRODUCT
from models.demo.quality import S1_RESULTS
from models.demo.site import DemoSite, demo_site
from models.quality.qc import QcInput

DEMO_COLLECTION = MSC_COLLECTION  # scenario S1's accepted cord collection (eligible donor)


def demo(core: Core) -> DemoSite:
    """The demo's batch numbers and unit codes (allocated by the services on build day)."""
    return demo_site(core)


def new_batch(core: Core, workspace: str = "C-201/BSC-02") -> str:
    """A batch in process from the demo cord collection; returns its number."""
    return core.chain.batches.create_batch(
        actor="wang", collections=DEMO_COLLECTION, product_code=MSC_PRODUCT, workspace=workspace
    )


def batch_id(core: Core, number: str) -> int:
    with core.uow() as uow:
        from models.chain import lookup

        return lookup.batch(uow.session, number).id


def filled_batch(
    core: Core,
    units: int = 3,
    location: str | None = None,
    harvest_days_ago: float = 0,
    container: str = "cryobag",
) -> tuple[str, int]:
    """Harvested (2 h ago unless told) and filled (QUARANTINE); returns (number, id)."""
    number = new_batch(core)
    harvest = datetime.now(UTC) - timedelta(days=harvest_days_ago, hours=2)
    core.chain.batches.record_harvest(actor="wang", batch_number=number, harvest_at=harvest)
    core.chain.batches.fill(
        actor="wang",
        batch_number=number,
        count=units,
        container_type=container,
        cell_count=1.0e8,
        volume_ml=20.0,
        location_code=location,
    )
    return number, batch_id(core, number)


def pass_qc(core: Core, batch: int, password: str = DEMO_PASSWORD, **override: float | str) -> None:
    """Record (wang) and verify (zhao) the whole MSC panel: passing values unless overridden
    (e.g. ``cell_count=2e7`` for an out-of-specification dose)."""
    with core.uow() as uow:
        from models.entities.production import Batch

        found = uow.session.get(Batch, batch)
        assert found is not None
        type_id = found.product_type_id
    tests = core.quality.specifications.current(type_id)["tests"]
    units = {str(t["test"]): t["unit"] for t in tests}
    rows = [
        QcInput(
            batch_id=batch,
            test=test,
            resulted_at=datetime.now(UTC) - timedelta(minutes=30),
            method="per SOP QC",
            instrument="QC-LAB",
            unit=str(units[test]) if units.get(test) else None,
            value_text=value if isinstance(value, str) else f"{value:g}",
            value_num=None if isinstance(value, str) else float(value),
        )
        for test, value in (S1_RESULTS | override).items()
        if test in units
    ]
    for outcome in core.quality.qc.import_results(rows, username="wang", password=password):
        core.quality.qc.verify_result(
            result_id=outcome.result_id, username="zhao", password=password
        )


def received_unit(core: Core, shipment: str, patient: str, other: str) -> str:
    """A released unit shipped for ``patient`` and received at HOSP-B, not yet thawed
    (``other`` is a second registered recipient, for wrong-wristband checks); its code."""
    from models.cleanroom.work import work_list
    from models.quality.package import PackageAttestation

    number, batch = filled_batch(core, units=1, location="T-03/R2/B5")
    pass_qc(core, batch)
    core.quality.release.release_batch(
        attestation=PackageAttestation(packaging_checked=True, batch_record_ref="BR-TEST-001"),
        batch_id=batch,
        username="chen",
        password=DEMO_PASSWORD,
    )
    with core.uow() as uow:
        [unit] = [u.code for u in work_list(uow.session).shippable if u.batch == number]
    chain, now = core.chain, datetime.now(UTC)
    for code in (patient, other):
        chain.donors.register_recipient(
            actor="liu", code=code, initials="WXY", hospital_code="HOSP-B"
        )
    chain.shipments.create(
        actor="wang", code=shipment, destination="HOSP-B", units=[unit], recipient=patient
    )
    chain.shipments.dispatch(
        actor="wang", code=shipment, at=now - timedelta(hours=6), temperature_c=-182
    )
    chain.hospital.receive_shipment(
        actor="liu", code=shipment, at=now - timedelta(hours=1), temperature_c=-171, scanned=[unit]
    )
    return unit
