"""Demo quality data: approved specifications with their sources, the S1/S2 QC results,
material lots (S1, S11) and retained samples (S1, S15). Called once by build_demo_site."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from models.audit import AuditAction
from models.core import Core
from models.entities.materials import LotStatus, MaterialLot, MaterialUsage
from models.entities.production import Batch, ProductCategory, ProductType
from models.quality.catalogue import car_t_tests, immune_cell_tests, msc_tests
from models.services.quality_materials import LotReceipt
from models.services.quality_qc import QcInput
from models.services.quality_retained import SampleInput
from models.services.quality_specs import SpecTestInput


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text + "+08:00").astimezone(UTC)


# (code, English name, Chinese name, category) for the product types the demo lacks.
EXTRA_TYPES = [
    ("S1390", "Human bone-marrow MSC injection", "人骨髓间充质干细胞注射液", ProductCategory.MSC),
    ("S1391", "Human adipose MSC injection", "人脂肪间充质干细胞注射液", ProductCategory.MSC),
    ("S2301", "Autologous CIK cells", "自体CIK细胞", ProductCategory.IMMUNE_CELL),
]
TESTS = {
    ProductCategory.MSC: msc_tests,
    ProductCategory.CAR_T: car_t_tests,
    ProductCategory.IMMUNE_CELL: immune_cell_tests,
}
S1_RESULTS = {  # digest §5 S1 step 6
    "sterility": "negative",
    "mycoplasma": "negative",
    "endotoxin": 0.25,
    "viability": 93.5,
    "cell_count": 1.0e8,
    "cd73": 99.1,
    "cd90": 99.4,
    "cd105": 98.7,
    "cd45": 0.3,
    "cd34": 0.2,
    "hla_dr": 0.4,
    "potency": 62.0,
    "osmolality": 1240.0,
    "tagme_pm": 18.0,
}
S2_RESULTS = {  # digest §5 S2 QC (compendial sterility still pending, R-REL-09)
    "sterility_rapid": "negative",
    "mycoplasma": "negative",
    "endotoxin": 0.2,
    "viability": 88.0,
    "cell_count": 2.1e7,
    "car_positive": 45.0,
    "vcn": 2.1,
    "non_t_cells": 0.1,
}


def add_demo_quality(core: Core, password: str) -> None:
    _extra_types(core)
    with core.uow() as uow:
        types = list(uow.session.scalars(select(ProductType).order_by(ProductType.code)))
        pairs = [(t.id, t.code, t.category) for t in types]
        batches = {b.number: b.id for b in uow.session.scalars(select(Batch))}
    for type_id, code, category in pairs:
        _spec(core, password, type_id, code, TESTS.get(category, immune_cell_tests)())
    _results(core, password, batches["B-UCMSC-250303-001"], S1_RESULTS, "2025-04-20T10:00")
    _results(core, password, batches["B-CART-250408-012"], S2_RESULTS, "2025-04-24T15:00")
    _materials(core, password, batches["B-UCMSC-250303-001"])
    _samples(
        core, batches["B-UCMSC-250303-001"], "RS-250303-001", "T-03/rack 2/box 5", "2025-07-03"
    )
    _samples(core, batches["B-CART-250408-012"], "RS-250408-012", "T-05/rack 1/box 2", "2025-05-01")


def _extra_types(core: Core) -> None:
    with core.uow() as uow:
        for code, en, zh, category in EXTRA_TYPES:
            uow.session.add(
                ProductType(
                    code=code,
                    name_en=en,
                    name_zh=zh,
                    category=category,
                    storage_condition_en="≤ -150 °C vapour phase LN2",
                    storage_condition_zh="≤ -150 °C 液氮气相",
                    shelf_life_hours=8760,
                )
            )
            uow.audit.record(
                AuditAction.CREATE,
                actor="admin",
                subject_type="product_type",
                subject_id=code,
                new={"name_en": en},
                reason="demo data",
            )
        uow.commit()


def _spec(core: Core, password: str, type_id: int, code: str, tests: list[SpecTestInput]) -> None:
    specs = core.quality.specifications
    spec_id = specs.create_version(
        actor="chen",
        code=f"SPEC-{code}",
        product_type_id=type_id,
        title=f"Release specification {code} (demo, digest §4.1)",
        tests=tests,
    )
    specs.approve(spec_id=spec_id, username="li", password=password)


def _results(core: Core, password: str, batch_id: int, values: dict[str, object], at: str) -> None:
    spec_units = {str(t["test"]): t["unit"] for t in _spec_tests(core, batch_id)}
    rows = [
        QcInput(
            batch_id=batch_id,
            test=test,
            resulted_at=_t(at),
            method="per SOP QC",
            instrument="QC-LAB",
            rapid_method=test.endswith("_rapid"),
            unit=str(spec_units[test]) if spec_units[test] else None,
            value_text=str(value) if isinstance(value, str) else f"{value:g}",
            value_num=None if isinstance(value, str) else float(value),  # type: ignore[arg-type]
        )
        for test, value in values.items()
    ]
    outcomes = core.quality.qc.import_results(rows, username="wang", password=password)
    for outcome in outcomes:
        core.quality.qc.verify_result(
            result_id=outcome.result_id, username="zhao", password=password
        )


def _spec_tests(core: Core, batch_id: int) -> list[dict[str, object]]:
    with core.uow() as uow:
        batch = uow.session.get(Batch, batch_id)
        assert batch is not None
        type_id = batch.product_type_id
    tests: list[dict[str, object]] = core.quality.specifications.current(type_id)["tests"]
    return tests


def _materials(core: Core, password: str, s1_batch: int) -> None:
    """S1's lots (used in March 2025, recorded as history) and S11's medium lots."""
    mats = core.quality.materials
    sid = mats.add_supplier(
        actor="wang", code="SUP-MED-01", name="Demo Media Co.", manufacturer=None
    )
    mats.approve_supplier(supplier_id=sid, username="chen", password=password)
    lots = [
        ("M-SF-2411", "MED-SF", "serum-free medium", "medium", "2025-11-30", True),
        ("M-SF-2502", "MED-SF", "serum-free medium", "medium", "2026-02-28", True),
        ("T-2410", "ENZ-TRY", "recombinant trypsin", "enzyme", "2025-10-31", True),
        ("D-2409", "CRYO-DMSO", "DMSO (Level 3)", "cryoprotectant", "2026-09-30", True),
        ("M-2506", "MED-SF", "serum-free medium", "medium", "2026-12-31", False),
        ("PS-2501", "ABX-PS", "penicillin–streptomycin", "reagent", "2026-06-30", True),
    ]
    ids = {}
    for lot, code, name, category, expiry, release in lots:
        receipt = LotReceipt(
            internal_lot=lot,
            material_code=code,
            material_name=name,
            category=category,
            supplier_id=sid,
            supplier_lot=f"SUP-{lot}",
            quantity=20,
            quantity_unit="unit",
            expires_at=_t(expiry + "T23:59"),
            coa_ref=f"CoA-{lot}",
            contains_beta_lactam=code == "ABX-PS",
        )
        ids[lot] = mats.receive_lot(actor="wang", receipt=receipt)
        if release:
            mats.set_lot_status(
                lot_id=ids[lot], status=LotStatus.RELEASED, username="chen", password=password
            )
    _history(core, s1_batch, [ids["M-SF-2411"], ids["T-2410"], ids["D-2409"]])


def _history(core: Core, batch_id: int, lot_ids: list[int]) -> None:
    """Usage in March 2025, when those lots were in date: recorded as the batch record had it."""
    with core.uow() as uow:
        for lot_id in lot_ids:
            lot = uow.session.get(MaterialLot, lot_id)
            assert lot is not None
            lot.quantity_remaining -= 1
            uow.session.add(
                MaterialUsage(
                    lot_id=lot_id,
                    batch_id=batch_id,
                    quantity=1,
                    used_by="wang",
                    used_at=_t("2025-03-04T09:00"),
                )
            )
            uow.audit.record(
                AuditAction.CREATE,
                actor="wang",
                subject_type="material_usage",
                subject_id=lot.internal_lot,
                new={"batch_id": batch_id},
                reason="demo data",
            )
        uow.commit()


def _samples(core: Core, batch_id: int, code: str, location: str, course_end: str) -> None:
    for suffix in ("A", "B"):
        data = SampleInput(
            batch_id=batch_id,
            code=f"{code}-{suffix}",
            sample_type="final product",
            quantity=2,
            location=location,
        )
        core.quality.retained.register(actor="wang", data=data)
    core.quality.retained.record_treatment_end(
        batch_id=batch_id, ended_at=_t(course_end + "T18:00"), actor="chen"
    )
