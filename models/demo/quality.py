"""Demo quality data: approved specifications with their sources, the S1/S2 QC results
(recorded and verified), material lots (S1, S11) issued to batches and retained samples
(S1, S15). Used by ``models.demo.site`` in the order the release rules need."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from models.core import Core
from models.entities.base import utcnow
from models.entities.materials import LotStatus
from models.entities.production import Batch, ProductCategory, ProductType
from models.quality.catalogue import car_t_tests, immune_cell_tests, msc_tests
from models.quality.materials import LotReceipt
from models.quality.qc import QcInput
from models.quality.retained import SampleInput
from models.quality.specs import SpecTestInput

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


def _spec_tests(core: Core, batch_id: int) -> list[dict[str, object]]:
    with core.uow() as uow:
        batch = uow.session.get(Batch, batch_id)
        assert batch is not None
        type_id = batch.product_type_id
    tests: list[dict[str, object]] = core.quality.specifications.current(type_id)["tests"]
    return tests


def add_specifications(core: Core, password: str) -> None:
    """One release specification per product type, written by chen and approved by li."""
    with core.uow() as uow:
        types = list(uow.session.scalars(select(ProductType).order_by(ProductType.code)))
        pairs = [(t.id, t.code, t.category) for t in types]
    for type_id, code, category in pairs:
        _spec(core, password, type_id, code, TESTS.get(category, immune_cell_tests)())


def record_qc(
    core: Core, password: str, batch_id: int, values: dict[str, object], at: datetime
) -> int:
    """Results recorded by wang (one signed import) and each verified by zhao."""
    spec_units = {str(t["test"]): t["unit"] for t in _spec_tests(core, batch_id)}
    rows = [
        QcInput(
            batch_id=batch_id,
            test=test,
            resulted_at=at,
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
    return len(outcomes)


def add_material_lots(core: Core, password: str) -> dict[str, int]:
    """An approved supplier and six lots, expiries relative to today: five released by QA,
    one (the newest medium) still in quarantine. Returns lot ids by their key here."""
    mats = core.quality.materials
    sid = mats.add_supplier(
        actor="wang", code="SUP-MED-01", name="Demo Media Co.", manufacturer=None
    )
    mats.approve_supplier(supplier_id=sid, username="chen", password=password)
    now = utcnow()
    lots = [  # (key, lot prefix, material code, name, category, expires in days, released)
        ("medium", "M-SF", "MED-SF", "serum-free medium", "medium", 75, True),
        ("medium_next", "M-SF", "MED-SF", "serum-free medium", "medium", 160, True),
        ("trypsin", "T", "ENZ-TRY", "recombinant trypsin", "enzyme", 120, True),
        ("dmso", "D", "CRYO-DMSO", "DMSO (Level 3)", "cryoprotectant", 300, True),
        ("medium_new", "M", "MED-SF", "serum-free medium", "medium", 400, False),
        ("pen_strep", "PS", "ABX-PS", "penicillin–streptomycin", "reagent", 220, True),
    ]
    ids = {}
    for key, prefix, code, name, category, days, release in lots:
        expires = now + timedelta(days=days)
        lot = f"{prefix}-{expires:%y%m}"
        receipt = LotReceipt(
            internal_lot=lot,
            material_code=code,
            material_name=name,
            category=category,
            supplier_id=sid,
            supplier_lot=f"SUP-{lot}",
            quantity=20,
            quantity_unit="unit",
            expires_at=expires,
            coa_ref=f"CoA-{lot}",
            contains_beta_lactam=code == "ABX-PS",
        )
        ids[key] = mats.receive_lot(actor="wang", receipt=receipt)
        if release:
            mats.set_lot_status(
                lot_id=ids[key], status=LotStatus.RELEASED, username="chen", password=password
            )
    return ids


def issue_materials(core: Core, batch: int, lot_ids: list[int]) -> None:
    """Issued by wang from the pick list (first-expiry-first-out proposes each lot)."""
    for lot_id in lot_ids:
        core.quality.materials.issue_to_batch(
            lot_id=lot_id, batch_id=batch, quantity=1, actor="wang"
        )


def add_retained_samples(core: Core, batch: int, code: str, location: str) -> None:
    """Two retained final-product samples (留样) of a batch, registered by wang."""
    for suffix in ("A", "B"):
        data = SampleInput(
            batch_id=batch,
            code=f"{code}-{suffix}",
            sample_type="final product",
            quantity=2,
            location=location,
        )
        core.quality.retained.register(actor="wang", data=data)
