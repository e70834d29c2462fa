"""A realistic demo site (digest §5 scenarios S1 and S2) for training, screenshots and trials.

Uses the ICCBBA test facility code A9990, so no demo label can be mistaken for a real one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, select

from models.audit import AuditAction
from models.base import Base
from models.canonical import canonical_json
from models.core import Core
from models.entities import (
    Administration,
    Batch,
    Collection,
    CustodyEvent,
    Donor,
    DonorIdentity,
    ProcessStep,
    ProductType,
    ProductUnit,
    Recipient,
    RecipientIdentity,
    ScreeningResult,
    Shipment,
    ShipmentItem,
    Site,
    StorageLocation,
    User,
)
from models.entities.accounts import Role
from models.entities.logistics import CustodyEventKind, ShipmentStatus
from models.entities.parties import DonorType, Eligibility, ScreeningOutcome, SiteKind
from models.entities.production import BatchStatus, Disposition, ProductCategory, QualityStatus
from models.errors import ValidationError
from models.isbt128 import make_din
from models.unit_of_work import UnitOfWork

T = TypeVar("T", bound=Base)

DEMO_PASSWORD = "CellTrail-demo-1"
DEMO_FACILITY = "A9990"
DEMO_STAFF: dict[str, tuple[str, list[Role]]] = {
    "admin": ("Administrator 管理员", [Role.ADMIN]),
    "wang": ("王敏 Wang Min", [Role.OPERATOR]),
    "zhao": ("赵磊 Zhao Lei", [Role.VERIFIER]),
    "chen": ("陈静 Chen Jing (QP)", [Role.QA]),
    "li": ("李华 Li Hua (QA head)", [Role.QA, Role.QA_HEAD]),
    "liu": ("刘芳 Liu Fang (nurse)", [Role.CLINICAL]),
    "sun": ("孙伟 Sun Wei (auditor)", [Role.AUDITOR]),
}


def demo_badge(username: str) -> str:
    """What the demo's badge cards encode (a scanner types it like a keyboard)."""
    return f"BADGE-{username.upper()}"


def _t(text: str) -> datetime:
    """Scenario times are Beijing local times (UTC+8)."""
    return datetime.fromisoformat(text + "+08:00").astimezone(UTC)


def _add(uow: UnitOfWork, actor: str, obj: T, subject: str, ident: str, **new: Any) -> T:
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


def build_demo_site(core: Core, password: str = DEMO_PASSWORD) -> dict[str, Any]:
    """Create users and both scenarios. Refuses a database that already holds users."""
    if core.accounts.has_users():
        raise ValidationError(
            field="database", reason="it already has users; demo needs an empty one"
        )
    for username, (name, roles) in DEMO_STAFF.items():
        core.accounts.add_user(
            actor=None if username == "admin" else "admin",
            username=username,
            full_name=name,
            password=password,
            roles=roles,
        )
        core.accounts.set_badge(actor="admin", username=username, badge_code=demo_badge(username))
    with core.uow() as uow:
        sites = _sites(uow)
        _cord_msc_case(uow, sites)
        _car_t_case(uow, sites)
        uow.commit()
    from models.demo_labels import add_demo_labels  # after the units it labels exist

    add_demo_labels(core, password)
    from models.demo_quality import add_demo_quality  # specs, QC, lots, retained samples

    add_demo_quality(core, password)
    with core.uow() as uow:
        counts = {
            name: uow.session.scalar(select(func.count()).select_from(cls)) or 0
            for name, cls in (
                ("users", User),
                ("donors", Donor),
                ("batches", Batch),
                ("units", ProductUnit),
                ("recipients", Recipient),
            )
        }
    return {**counts, "password": password}


def _sites(uow: UnitOfWork) -> dict[str, Site]:
    specs = [
        (
            "TJ-CTF",
            "天津细胞治疗中心 Tianjin Cell Therapy Facility",
            SiteKind.MANUFACTURER,
            DEMO_FACILITY,
        ),
        ("HOSP-A", "天津医院A Tianjin Hospital A", SiteKind.COLLECTION_SITE, None),
        ("HOSP-B", "北京医院B Beijing Hospital B", SiteKind.HOSPITAL, None),
        ("HOSP-C", "上海医院C Shanghai Hospital C", SiteKind.HOSPITAL, None),
    ]
    sites = {}
    for code, name, kind, fin in specs:
        sites[code] = _add(
            uow,
            "admin",
            Site(code=code, name=name, kind=kind, isbt_facility_code=fin),
            "site",
            code,
            name=name,
        )
    return sites


def _msc_product(uow: UnitOfWork) -> ProductType:
    return _add(
        uow,
        "admin",
        ProductType(
            code="S1389",
            name_en="Human umbilical cord MSC injection",
            name_zh="人脐带间充质干细胞注射液",
            category=ProductCategory.MSC,
            storage_condition_en="≤ -150 °C vapour phase LN2",
            storage_condition_zh="≤ -150 °C 液氮气相",
            shelf_life_hours=8760,
            post_thaw_minutes=60,
            antibiotics=None,
        ),
        "product_type",
        "S1389",
    )


def _cord_msc_case(uow: UnitOfWork, sites: dict[str, Site]) -> None:
    """S1: donor DN-2025-0031 → batch B-UCMSC-250303-001 → 20 bags → two recipients at HOSP-B."""
    product = _msc_product(uow)
    donor = _add(
        uow,
        "wang",
        Donor(
            code="DN-2025-0031",
            donor_type=DonorType.ALLOGENEIC,
            eligibility=Eligibility.ELIGIBLE,
            abo_rh="O+",
            registered_at=_t("2025-03-02T10:00"),
        ),
        "donor",
        "DN-2025-0031",
    )
    uow.session.add(DonorIdentity(donor_id=donor.id, full_name="张某某 (demo)"))
    for test, at in [
        ("HIV-1/2 Ab/Ag", "2025-03-03T08:30"),
        ("HBsAg", "2025-03-03T08:30"),
        ("HCV Ab", "2025-03-03T08:30"),
        ("TP Ab", "2025-03-03T08:30"),
        ("NAT HIV/HBV/HCV", "2025-03-03T08:30"),
        ("HIV-1/2 Ab/Ag", "2025-06-05T09:00"),
    ]:
        _add(
            uow,
            "wang",
            ScreeningResult(
                donor_id=donor.id,
                test=test,
                sampled_at=_t(at),
                outcome=ScreeningOutcome.NEGATIVE,
                recorded_by="wang",
            ),
            "screening_result",
            f"{donor.code}/{test}",
            outcome="negative",
        )
    collection = _add(
        uow,
        "wang",
        Collection(
            code="CL-0031-01",
            donor_id=donor.id,
            site_id=sites["HOSP-A"].id,
            material="umbilical cord",
            quantity="25 cm",
            collected_at=_t("2025-03-03T09:40"),
            received_at=_t("2025-03-03T14:10"),
            received_by="wang",
            transport_temp_c=5.0,
            packaging_intact=True,
            label_complete=True,
            acceptance_window_hours=24,
            accepted=True,
        ),
        "collection",
        "CL-0031-01",
    )
    batch = _add(
        uow,
        "wang",
        Batch(
            number="B-UCMSC-250303-001",
            product_type_id=product.id,
            collection_id=collection.id,
            status=BatchStatus.RELEASED,
            workspace="C-201/BSC-02",
            harvest_at=_t("2025-03-24T15:20"),
            created_by="wang",
            coi_id=f"{DEMO_FACILITY}-COI-0031",
        ),
        "batch",
        "B-UCMSC-250303-001",
    )
    _steps(uow, batch, ["Line clearance", "P0 explant", "P3 passage", "Harvest", "Fill"])
    tank = _add(
        uow,
        "wang",
        StorageLocation(
            code="T-03/R2/B5", name="LN2 tank T-03 rack 2 box 5", temperature="≤ -150 °C"
        ),
        "storage_location",
        "T-03/R2/B5",
    )
    units = _fill(uow, batch, product, 20, 1.0e8, 20.0, tank, "2025-03-24T15:20", "cryobag")
    _ship_and_give(
        uow,
        units[:4],
        sites["HOSP-B"],
        "SH-250610-07",
        "2025-06-10T08:00",
        "2025-06-10T13:45",
        [
            ("P-B-0017", "ZXM", "GVHD-03-017", "2025-06-12T09:20"),
            ("P-B-0021", "LHY", "GVHD-03-021", "2025-06-13T10:05"),
        ],
    )


def _car_t_case(uow: UnitOfWork, sites: dict[str, Site]) -> None:
    """S2: autologous CAR-T for patient CT19-012, three bags, one administered."""
    product = _add(
        uow,
        "admin",
        ProductType(
            code="S2210",
            name_en="Autologous anti-CD19 CAR-T cells",
            name_zh="自体抗CD19 CAR-T细胞注射液",
            category=ProductCategory.CAR_T,
            storage_condition_en="≤ -150 °C vapour phase LN2",
            storage_condition_zh="≤ -150 °C 液氮气相",
            shelf_life_hours=4392,
            post_thaw_minutes=90,
            antibiotics=None,
        ),
        "product_type",
        "S2210",
    )
    donor = _add(
        uow,
        "wang",
        Donor(
            code="DN-ZWJ-CT19012", donor_type=DonorType.AUTOLOGOUS, eligibility=Eligibility.ELIGIBLE
        ),
        "donor",
        "DN-ZWJ-CT19012",
    )
    patient = _add(
        uow,
        "wang",
        Recipient(
            code="P-C-0012",
            initials="ZWJ",
            enrolment_no="CT19-012",
            hospital_id=sites["HOSP-C"].id,
            donor_id=donor.id,
            weight_kg=62.0,
        ),
        "recipient",
        "P-C-0012",
    )
    uow.session.add(RecipientIdentity(recipient_id=patient.id, full_name="张伟军 (demo)"))
    collection = _add(
        uow,
        "wang",
        Collection(
            code="CL-ZWJ-01",
            donor_id=donor.id,
            site_id=sites["HOSP-C"].id,
            material="leukapheresis",
            quantity="180 mL",
            collected_at=_t("2025-04-07T11:35"),
            received_at=_t("2025-04-08T09:10"),
            received_by="wang",
            transport_temp_c=6.0,
            packaging_intact=True,
            label_complete=True,
            acceptance_window_hours=48,
            accepted=True,
        ),
        "collection",
        "CL-ZWJ-01",
    )
    batch = _add(
        uow,
        "wang",
        Batch(
            number="B-CART-250408-012",
            product_type_id=product.id,
            collection_id=collection.id,
            status=BatchStatus.RELEASED,
            workspace="C-202/BSC-01",
            harvest_at=_t("2025-04-17T10:50"),
            created_by="wang",
            coi_id=f"{DEMO_FACILITY}-COI-CT19012",
        ),
        "batch",
        "B-CART-250408-012",
    )
    _steps(uow, batch, ["Receipt", "Selection", "Transduction", "Expansion", "Harvest", "Fill"])
    tank = _add(
        uow,
        "wang",
        StorageLocation(
            code="T-05/R1/B1", name="LN2 tank T-05 rack 1 box 1", temperature="≤ -150 °C"
        ),
        "storage_location",
        "T-05/R1/B1",
    )
    units = _fill(uow, batch, product, 3, 2.1e7, 25.0, tank, "2025-04-17T10:50", "cryobag")
    _ship(uow, units, sites["HOSP-C"], "SH-250428-02", "2025-04-28T07:30", "2025-04-28T12:10")
    _administer(uow, units[0], patient, "2025-05-01T09:30")


def _steps(uow: UnitOfWork, batch: Batch, names: list[str]) -> None:
    at = batch.harvest_at or _t("2025-01-01T00:00")
    for i, name in enumerate(names):
        step_at = at - timedelta(days=len(names) - i)
        _add(
            uow,
            "wang",
            ProcessStep(
                batch_id=batch.id,
                name=name,
                data=canonical_json({}),
                performed_by="wang",
                performed_at=step_at,
                verified_by="zhao",
                verified_at=step_at + timedelta(minutes=5),
            ),
            "process_step",
            f"{batch.number}/{name}",
        )


def _fill(
    uow: UnitOfWork,
    batch: Batch,
    product: ProductType,
    count: int,
    cells: float,
    volume: float,
    location: StorageLocation,
    harvest: str,
    container: str,
) -> list[ProductUnit]:
    units = []
    first_sequence = 250000 + batch.id * 100
    for i in range(count):
        din = make_din(DEMO_FACILITY, 25, first_sequence + i)
        unit = _add(
            uow,
            "wang",
            ProductUnit(
                din=din.number,
                product_code=f"{product.code}V00",
                division="00",
                batch_id=batch.id,
                container_type=container,
                cell_count=cells,
                volume_ml=volume,
                expires_at=_t(harvest) + timedelta(hours=product.shelf_life_hours),
                quality_status=QualityStatus.RELEASED,
                storage_location_id=location.id,
                created_by="wang",
            ),
            "product_unit",
            din.number,
            batch=batch.number,
        )
        units.append(unit)
    return units


def _ship(
    uow: UnitOfWork, units: list[ProductUnit], site: Site, code: str, sent: str, received: str
) -> None:
    shipment = _add(
        uow,
        "wang",
        Shipment(
            code=code,
            destination_site_id=site.id,
            container="dry shipper DS-11",
            logger_id="LG-552",
            status=ShipmentStatus.RECEIVED,
            created_by="wang",
        ),
        "shipment",
        code,
    )
    for unit in units:
        uow.session.add(ShipmentItem(shipment_id=shipment.id, unit_id=unit.id))
        unit.disposition, unit.storage_location_id = Disposition.AT_HOSPITAL, None
    for kind, at, who, temp in [
        (CustodyEventKind.DISPATCH, sent, "wang", -182.0),
        (CustodyEventKind.RECEIPT, received, "liu", -171.0),
    ]:
        _add(
            uow,
            who,
            CustodyEvent(
                kind=kind,
                shipment_id=shipment.id,
                occurred_at=_t(at),
                recorded_by=who,
                temperature_c=temp,
            ),
            "shipment",
            code,
            event=kind.value,
        )


def _administer(uow: UnitOfWork, unit: ProductUnit, patient: Recipient, at: str) -> None:
    unit.disposition = Disposition.ADMINISTERED
    _add(
        uow,
        "liu",
        Administration(
            unit_id=unit.id,
            recipient_id=patient.id,
            started_at=_t(at),
            ended_at=_t(at) + timedelta(minutes=25),
            administered_by="liu",
            verified_by="zhao",
        ),
        "administration",
        unit.din,
        recipient=patient.code,
    )


def _ship_and_give(
    uow: UnitOfWork,
    units: list[ProductUnit],
    site: Site,
    code: str,
    sent: str,
    received: str,
    patients: list[tuple[str, str, str, str]],
) -> None:
    _ship(uow, units, site, code, sent, received)
    for unit, (pcode, initials, enrolment, at) in zip(units, patients, strict=False):
        patient = _add(
            uow,
            "liu",
            Recipient(code=pcode, initials=initials, enrolment_no=enrolment, hospital_id=site.id),
            "recipient",
            pcode,
        )
        _administer(uow, unit, patient, at)
