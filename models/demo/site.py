"""Builds the live demo site in the order the rules need it, and finds its records again.

Batch numbers and DINs are allocated by the services from today's date, so nothing here is
a constant: ``demo_site(core)`` looks the demo's batches and units up by the collections
and donors the demo registered (fixed codes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from models.chain.lookup import unit_code
from models.core import Core
from models.demo.chain import (
    CAR_T_COLLECTION,
    CAR_T_LINE,
    CAR_T_PATIENT,
    GIVEN_PATIENT,
    MSC_COLLECTION,
    MSC_LINE,
    WAITING_PATIENT,
    Line,
    Made,
    add_configuration,
    ago,
    bedside,
    car_t_patient,
    make_batch,
    msc_donor,
    release,
    ship,
)
from models.demo.labels import add_templates, label_first_units
from models.demo.quality import (
    S1_RESULTS,
    S2_RESULTS,
    add_material_lots,
    add_retained_samples,
    add_specifications,
    issue_materials,
    record_qc,
)
from models.entities import Batch, Collection, Donor, ProductUnit, Recipient, User

LABELLED_UNITS = 4  # S1 bags labelled (and shipped) in the demo history
QUARANTINE_PASSED = ("endotoxin", "viability", "cell_count", "cd73", "cd90", "cd105", "cd45")


@dataclass(frozen=True)
class DemoSite:
    """The demo's records that carry service-allocated (date-dependent) identifiers."""

    msc_batch: str  # S1, released: 20 bags, 4 labelled and shipped, 1 administered
    quarantine_batch: str  # S1's second batch from the same cord: QC pending, awaiting QA
    car_t_batch: str  # S2, rapid release, shipped for its one patient
    msc_units: tuple[str, ...]  # unit codes of the released S1 batch, in fill order
    car_t_units: tuple[str, ...]
    msc_coi: str
    car_t_coi: str


def build_live_site(core: Core, password: str) -> DemoSite:
    """Everything after the accounts: configuration, S1, S2 and the quarantine batch."""
    add_configuration(core)
    add_specifications(core, password)
    templates = add_templates(core, password)
    lots = add_material_lots(core, password)
    msc_lots = [lots["medium"], lots["trypsin"], lots["dmso"]]

    # S1: allogeneic cord MSC, released and partly in use
    msc_donor(core, password)
    s1 = _tested_batch(core, password, MSC_LINE, 20, ago(21, 3), msc_lots, S1_RESULTS, ago(6, 5))
    label_first_units(core, password, s1.number, templates, LABELLED_UNITS)
    release(core, password, s1)
    shipped = s1.units[:LABELLED_UNITS]
    for code, initials, enrolment in [
        (GIVEN_PATIENT, "ZXM", "GVHD-03-017"),
        (WAITING_PATIENT, "LHY", "GVHD-03-021"),
    ]:
        core.chain.donors.register_recipient(
            actor="liu",
            code=code,
            initials=initials,
            hospital_code="HOSP-B",
            enrolment_no=enrolment,
        )
    ship(core, _shipment_code("01"), shipped, "HOSP-B")
    bedside(core, password, shipped[0], GIVEN_PATIENT)
    core.chain.hospital.dispense(actor="liu", unit_code=shipped[1], recipient=WAITING_PATIENT)

    # S2: autologous CAR-T, one patient vein to vein under one COI
    car_t_patient(core, password)
    s2 = _tested_batch(core, password, CAR_T_LINE, 3, ago(5, 2), [], S2_RESULTS, ago(1, 6))
    release(core, password, s2)  # rapid release: compendial sterility still pending
    ship(
        core,
        _shipment_code("02"),
        s2.units,
        "HOSP-C",
        recipient=CAR_T_PATIENT,
        sent=ago(hours=4),
        received=ago(hours=2),
    )

    # S1's second batch: in quarantine, QC partly in, the release page's work
    early = {test: S1_RESULTS[test] for test in QUARANTINE_PASSED}
    _tested_batch(core, password, MSC_LINE, 10, ago(2, 4), msc_lots, early, ago(hours=20))
    return demo_site(core)


def _tested_batch(
    core: Core,
    password: str,
    line: Line,
    count: int,
    harvest_at: datetime,
    lots: list[int],
    results: dict[str, object],
    resulted_at: datetime,
) -> Made:
    """A batch made and filled, its materials issued, QC recorded and verified and two
    retained samples kept: what every demo batch has before labels and release."""
    made = make_batch(core, password, line, harvest_at=harvest_at, count=count)
    issue_materials(core, made.batch_id, lots)
    record_qc(core, password, made.batch_id, results, resulted_at)
    add_retained_samples(core, made.batch_id, _sample_code(made), f"{line.tank} retained rack")
    return made


def _sample_code(made: Made) -> str:
    return "RS-" + made.number.removeprefix("B-")


def _shipment_code(suffix: str) -> str:
    return f"SH-{ago():%y%m%d}-{suffix}"


def demo_site(core: Core) -> DemoSite:
    """Find the demo's batches and units again (by the collections the demo registered)."""
    with core.uow() as uow:
        s = uow.session

        def batches(collection: str) -> list[Batch]:
            query = (
                select(Batch)
                .join(Collection, Collection.id == Batch.collection_id)
                .where(Collection.code == collection)
                .order_by(Batch.id)
            )
            return list(s.scalars(query))

        def units(batch: Batch) -> tuple[str, ...]:
            query = select(ProductUnit).where(ProductUnit.batch_id == batch.id)
            return tuple(unit_code(u) for u in s.scalars(query.order_by(ProductUnit.id)))

        msc, quarantine = batches(MSC_COLLECTION)[:2]
        [car_t] = batches(CAR_T_COLLECTION)[:1]
        return DemoSite(
            msc_batch=msc.number,
            quarantine_batch=quarantine.number,
            car_t_batch=car_t.number,
            msc_units=units(msc),
            car_t_units=units(car_t),
            msc_coi=msc.coi_id or "",
            car_t_coi=car_t.coi_id or "",
        )


def counts(core: Core) -> dict[str, int]:
    with core.uow() as uow:
        return {
            name: uow.session.scalar(select(func.count()).select_from(cls)) or 0
            for name, cls in (
                ("users", User),
                ("donors", Donor),
                ("batches", Batch),
                ("units", ProductUnit),
                ("recipients", Recipient),
            )
        }
