"""The demo's chain of identity, walked through the real services relative to *now*.

S1 (allogeneic cord MSC): donor screened twice ≥ 90 days apart → cord collection accepted
→ batch made, QC'd, labelled and released by QA → most bags in LN2, four shipped to
Hospital B, received, one thawed and given at the bedside with a second person's check.
A second batch from the same cord waits in quarantine with part of its QC still pending.

S2 (autologous CAR-T): one patient's leukapheresis → batch (same COI) → rapid release with
compendial sterility pending → shipped, dispensed for that patient and received at
Hospital C, awaiting infusion.

Event times in the past go through the services' own ``at``/``*_at`` parameters; what a
service stamps itself (signatures, batch creation, administration) is "now".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from models.core import Core
from models.demo.consent import consent_and_request
from models.demo.people import DEMO_FACILITY, DEMO_NURSES, DEMO_SITES
from models.entities.base import Base, utcnow
from models.entities.parties import DonorType, ScreeningOutcome
from models.entities.production import ProductCategory, ProductType
from models.kernel.audit import AuditAction
from models.kernel.unit_of_work import UnitOfWork
from models.quality.package import PackageAttestation

T = TypeVar("T", bound=Base)

FACILITY = DEMO_FACILITY  # ICCBBA test facility code: no demo label can pass for a real one
MSC_PRODUCT, CAR_T_PRODUCT = "S1389", "S2210"
MSC_TANK, CAR_T_TANK = "T-03/R2/B5", "T-05/R1/B1"
MSC_DONOR, MSC_COLLECTION = "DN-0031", "CL-0031-01"
CAR_T_DONOR, CAR_T_COLLECTION, CAR_T_PATIENT = "DN-ZWJ-CT19012", "CL-ZWJ-01", "P-C-0012"
GIVEN_PATIENT, WAITING_PATIENT = "P-B-0017", "P-B-0021"
INFECTIOUS_MARKERS = ("HIV-1/2 Ab/Ag", "HBsAg", "HCV Ab", "TP Ab")
MSC_STEPS = ["Line clearance", "P0 explant", "P3 passage", "Harvest", "Fill"]
CAR_T_STEPS = ["Receipt", "Selection", "Transduction", "Expansion", "Harvest", "Fill"]

SITES = DEMO_SITES
MSC = ProductCategory.MSC
# (code, English, Chinese, category, shelf life h, usable after thaw min)
PRODUCT_TYPES = [
    (
        MSC_PRODUCT,
        "Human umbilical cord MSC injection",
        "人脐带间充质干细胞注射液",
        ProductCategory.MSC,
        8760,
        60,
    ),
    (
        CAR_T_PRODUCT,
        "Autologous anti-CD19 CAR-T cells",
        "自体抗CD19 CAR-T细胞注射液",
        ProductCategory.CAR_T,
        4392,
        90,
    ),
    (
        "S1390",
        "Human bone-marrow MSC injection",
        "人骨髓间充质干细胞注射液",
        ProductCategory.MSC,
        8760,
        None,
    ),
    (
        "S1391",
        "Human adipose MSC injection",
        "人脂肪间充质干细胞注射液",
        ProductCategory.MSC,
        8760,
        None,
    ),
    ("S2301", "Autologous CIK cells", "自体CIK细胞", ProductCategory.IMMUNE_CELL, 8760, None),
]
LN2_STORAGE = ("≤ -150 °C vapour phase LN2", "≤ -150 °C 液氮气相")
TANKS = [
    (MSC_TANK, "LN2 tank T-03 rack 2 box 5 液氮罐T-03 2架5盒"),
    (CAR_T_TANK, "LN2 tank T-05 rack 1 box 1 液氮罐T-05 1架1盒"),
]


def ago(days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
    return utcnow() - timedelta(days=days, hours=hours, minutes=minutes)


def attestation(batch: str) -> PackageAttestation:
    """What QA attests besides the records: the request form and the packaging check."""
    return PackageAttestation(request_form_ref=f"RF-{batch}", packaging_checked=True)


def din_scan(unit_code: str) -> str:
    """What the bedside scanner sends for a unit's DIN bar code."""
    return f"={unit_code.split('/', maxsplit=1)[0]}00"


@dataclass(frozen=True)
class Line:
    """One product line of the demo: what each of its batches is made from, how, and where
    its bags are kept (S1 and S2 differ only in these)."""

    collection: str
    product: str
    steps: list[str]
    cells: float  # per bag
    volume: float  # mL per bag
    tank: str


MSC_LINE = Line(MSC_COLLECTION, MSC_PRODUCT, MSC_STEPS, 1.0e8, 20.0, MSC_TANK)
CAR_T_LINE = Line(CAR_T_COLLECTION, CAR_T_PRODUCT, CAR_T_STEPS, 2.1e7, 25.0, CAR_T_TANK)


@dataclass
class Made:
    """What one batch walk produced."""

    number: str
    batch_id: int
    units: list[str]


def _add(uow: UnitOfWork, actor: str, obj: T, subject: str, ident: str, **new: Any) -> T:
    """Configuration data (sites, product catalogue) has no service of its own yet."""
    uow.session.add(obj)
    uow.session.flush()
    uow.audit.record(
        AuditAction.CREATE,
        actor=actor,
        subject_type=subject,
        subject_id=ident,
        new=new or None,
        reason="demo data",
    )
    return obj


def product_type(
    code: str,
    category: ProductCategory,
    *,
    name_en: str | None = None,
    name_zh: str | None = None,
    storage: tuple[str, str] = ("≤ -150 °C", "≤ -150 °C"),
    hours: int = 8760,
    thaw: int | None = None,
) -> ProductType:
    """A catalogue row (the demo's and the tests'): configuration has no service of its own yet.
    Names default to the code; ``storage`` is (English, Chinese)."""
    return ProductType(
        code=code,
        name_en=name_en or code,
        name_zh=name_zh or code,
        category=category,
        storage_condition_en=storage[0],
        storage_condition_zh=storage[1],
        shelf_life_hours=hours,
        post_thaw_minutes=thaw,
        antibiotics=None,
    )


def add_configuration(core: Core) -> None:
    """Sites, product types and the LN2 positions the demo stores bags in."""
    with core.uow() as uow:
        for code, en, zh, category, hours, thaw in PRODUCT_TYPES:
            product = product_type(
                code, category, name_en=en, name_zh=zh, storage=LN2_STORAGE, hours=hours, thaw=thaw
            )
            _add(uow, "admin", product, "product_type", code, name_en=en)
        uow.commit()
    for code, name in TANKS:
        core.chain.storage.add_location(
            actor="wang", code=code, name=name, site_code="TJ-CTF", temperature="≤ -150 °C"
        )


def batch_id(core: Core, number: str) -> int:
    from models.chain import lookup

    with core.uow() as uow:
        return lookup.batch(uow.session, number).id


def make_batch(core: Core, password: str, line: Line, *, harvest_at: datetime, count: int) -> Made:
    """Create, record the signed and verified process steps, harvest and fill (QUARANTINE)."""
    chain = core.chain
    number = chain.batches.create_batch(
        actor="wang", collections=line.collection, product_code=line.product
    )
    ident = batch_id(core, number)
    for name in line.steps:
        step = core.steps.record_step(
            batch_id=ident, name=name, data=_step_data(name), username="wang", password=password
        )
        core.steps.verify_step(step_id=step, username="zhao", password=password)
    chain.batches.record_harvest(actor="wang", batch_number=number, harvest_at=harvest_at)
    units = chain.batches.fill(
        actor="wang",
        batch_number=number,
        count=count,
        container_type="cryobag",
        cell_count=line.cells,
        volume_ml=line.volume,
        location_code=line.tank,
    )
    return Made(number, ident, units)


def _step_data(name: str) -> dict[str, Any]:
    data: dict[str, dict[str, Any]] = {
        "Line clearance": {"room": "C-201", "previous_product_removed": True},
        "P0 explant": {"explants": 48, "medium": "serum-free"},
        "P3 passage": {"confluence_pct": 85, "split": "1:3"},
        "Receipt": {"bag_intact": True, "volume_ml": 180},
        "Selection": {"method": "CD4/CD8 beads", "purity_pct": 96.2},
        "Transduction": {"vector": "LV-CD19-BBz (demo)", "moi": 3},
        "Expansion": {"days": 8, "fold": 42},
        "Harvest": {"viability_pct": 93.5},
        "Fill": {"formulation": "CryoStor CS10", "temperature_c": 4},
    }
    return data.get(name, {})


def _screen(
    core: Core, donor: str, tests: tuple[str, ...], sampled_at: datetime, lab: str | None = None
) -> None:
    for test in tests:
        core.chain.donors.record_screening(
            actor="wang",
            donor_code=donor,
            test=test,
            outcome=ScreeningOutcome.NEGATIVE,
            sampled_at=sampled_at,
            laboratory=lab,
        )


def _collect(
    core: Core,
    password: str,
    code: str,
    donor: str,
    *,
    site: str,
    material: str,
    quantity: str,
    collected_at: datetime,
    received_at: datetime,
    temp_c: float,
) -> None:
    """Register a collection and receive it at the facility with every check passed."""
    collections = core.chain.collections
    collections.register_collection(
        actor="wang",
        code=code,
        donor_code=donor,
        site_code=site,
        material=material,
        collected_at=collected_at,
        quantity=quantity,
    )
    car_t = donor == CAR_T_DONOR
    signed = collected_at - timedelta(days=1)
    consent_and_request(core, password, donor=donor, collection=code, signed_on=signed, car_t=car_t)
    collections.receive(
        actor="wang",
        collection_code=code,
        received_at=received_at,
        transport_temp_c=temp_c,
        packaging_intact=True,
        label_complete=True,
    )


def msc_donor(core: Core, password: str) -> None:
    """S1 donor: index screening at delivery, HIV retest 95 days later → eligible (R-DON-05)."""
    core.chain.donors.register_donor(
        actor="wang",
        code=MSC_DONOR,
        donor_type=DonorType.ALLOGENEIC,
        full_name="张某某 (demo)",
        abo_rh="O+",
    )
    lab = "Tianjin Blood Centre (demo)"
    _screen(core, MSC_DONOR, (*INFECTIOUS_MARKERS, "NAT HIV/HBV/HCV"), ago(120, 1), lab)
    _collect(
        core,
        password,
        MSC_COLLECTION,
        MSC_DONOR,
        site="HOSP-A",
        material="umbilical cord",
        quantity="25 cm",
        collected_at=ago(120),
        received_at=ago(119, 19),
        temp_c=5.0,
    )
    _screen(core, MSC_DONOR, INFECTIOUS_MARKERS[:1], ago(25), lab)


def car_t_patient(core: Core, password: str) -> None:
    """S2: the patient is their own donor; one COI from apheresis to bedside."""
    donors = core.chain.donors
    donors.register_donor(actor="wang", code=CAR_T_DONOR, donor_type=DonorType.AUTOLOGOUS)
    _screen(core, CAR_T_DONOR, INFECTIOUS_MARKERS, ago(17))
    donors.register_recipient(
        actor="liu",
        code=CAR_T_PATIENT,
        initials="ZWJ",
        hospital_code="HOSP-C",
        enrolment_no="CT19-012",
        autologous_donor=CAR_T_DONOR,
        full_name="张伟军 (demo)",
        weight_kg=62.0,
    )
    _collect(
        core,
        password,
        CAR_T_COLLECTION,
        CAR_T_DONOR,
        site="HOSP-C",
        material="leukapheresis",
        quantity="180 mL",
        collected_at=ago(16, 2),
        received_at=ago(15, 4),
        temp_c=6.0,
    )


def release(core: Core, password: str, made: Made) -> None:
    core.quality.release.release_batch(
        batch_id=made.batch_id,
        attestation=attestation(made.number),
        username="chen",
        password=password,
    )


def ship(
    core: Core,
    code: str,
    units: list[str],
    hospital: str,
    recipient: str | None = None,
    sent: datetime | None = None,
    received: datetime | None = None,
) -> None:
    """Plan, dispatch (dry shipper, data logger) and receive with every bag scanned in."""
    shipments = core.chain.shipments
    shipments.create(
        actor="wang",
        code=code,
        destination=hospital,
        units=units,
        recipient=recipient,
        container="dry shipper DS-11",
        logger_id="LG-552",
    )
    shipments.dispatch(actor="wang", code=code, at=sent or ago(hours=5), temperature_c=-182.0)
    core.chain.hospital.receive_shipment(
        actor=DEMO_NURSES[hospital],
        code=code,
        at=received or ago(hours=1),
        temperature_c=-171.0,
        scanned=units,
    )


def bedside(core: Core, password: str, unit: str, patient: str) -> int:
    """Dispense, thaw (use-by starts) and give at the bedside, checked by a second person."""
    hospital = core.chain.hospital
    nurse = "liu"  # the demo gives at Hospital B
    hospital.dispense(actor=nurse, unit_code=unit, recipient=patient)
    hospital.thaw(
        actor=nurse,
        unit_code=unit,
        started_at=ago(minutes=30),
        ended_at=ago(minutes=24),
        viability_pct=91.0,
    )
    return hospital.administer(
        actor=nurse,
        product_scan=din_scan(unit),
        recipient_scan=patient,
        verifier="zhao",
        verifier_password=password,
        dose_note="1.0 × 10⁸ cells IV over 25 min (demo)",
    )
