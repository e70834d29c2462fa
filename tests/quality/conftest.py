"""Quality fixtures: services with a controllable label gate and a recording recall fake,
and factories that insert batches, units and donors directly (they are not under test)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from models.core import Core
from models.demo.chain import product_type
from models.entities.parties import Eligibility
from models.entities.production import (
    Batch,
    BatchStatus,
    ProductCategory,
    ProductUnit,
)
from models.kernel.errors import ValidationError
from models.quality.catalogue import car_t_tests, immune_cell_tests, msc_tests
from models.quality.qc import QcInput, QcOutcome
from models.quality.release import PhysicianRequest
from models.quality.specs import SpecTestInput
from models.quality.suite import QualityServices, build_quality_services
from tests.conftest import ATTESTED, PASSWORD
from tests.core.factories import consented_request, donor_collection

NOW = datetime.now(UTC)


@dataclass
class FakeLabels:
    """Stands in for the labeling module's require_labels_reconciled(session, batch_id)."""

    unbalanced: set[int] = field(default_factory=set)

    def __call__(self, session: Session, batch_id: int) -> None:  # noqa: ARG002
        if batch_id in self.unbalanced:
            raise ValidationError(field="label reconciliation", reason="printed ≠ used + destroyed")


@dataclass
class Env:
    core: Core
    q: QualityServices
    labels: FakeLabels


@pytest.fixture
def env(core: Core) -> Iterator[Env]:
    """Real recall service; the label gate is the fake so a test can unbalance it."""
    labels = FakeLabels()
    yield Env(core, build_quality_services(core.uow, core.signatures, labels=labels), labels)


CATEGORY_TESTS = {
    ProductCategory.MSC: msc_tests,
    ProductCategory.CAR_T: car_t_tests,
    ProductCategory.IMMUNE_CELL: immune_cell_tests,
}


def make_product(core: Core, category: ProductCategory, code: str) -> int:
    with core.uow() as uow:
        product = product_type(code, category, name_en=f"Test {category.value}", name_zh="测试")
        uow.session.add(product)
        uow.commit()
        return product.id


def approve_spec(env: Env, product_id: int, tests: Sequence[SpecTestInput], code: str) -> int:
    spec_id = env.q.specifications.create_version(
        actor="chen", code=code, product_type_id=product_id, title=code, tests=tests
    )
    env.q.specifications.approve(spec_id=spec_id, username="li", password=PASSWORD)
    return spec_id


def setup_product(env: Env, category: ProductCategory, code: str = "S9001") -> int:
    product_id = make_product(env.core, category, code)
    approve_spec(env, product_id, CATEGORY_TESTS[category](), f"SPEC-{code}")
    return product_id


def make_batch(
    core: Core,
    product_id: int,
    number: str,
    *,
    units: int = 2,
    eligibility: Eligibility = Eligibility.ELIGIBLE,
    created_by: str = "wang",
    request: bool = True,
) -> int:
    """A filled batch in QC quarantine from one allogeneic donor (with the donor's consent and
    the collection's preparation request unless ``request`` is false)."""
    with core.uow() as uow:
        collection = donor_collection(
            number, collected_at=NOW - timedelta(days=30), eligibility=eligibility
        )
        donor = collection.donor
        batch = Batch(
            number=number,
            product_type_id=product_id,
            collection=collection,
            status=BatchStatus.QUARANTINE,
            created_by=created_by,
        )
        uow.session.add_all([donor, collection, batch])
        if request:
            uow.session.add(consented_request(collection, f"PR-{number}"))
        uow.session.flush()
        for i in range(units):
            uow.session.add(
                ProductUnit(
                    din=f"A9990{batch.id:02d}{i:06d}"[:13],
                    product_code="S9001",
                    division=f"{i:02d}",
                    batch_id=batch.id,
                    container_type="cryobag",
                    created_by="wang",
                )
            )
        uow.commit()
        return batch.id


# Passing values per test; individual tests override the ones they want to fail.
PASSING: dict[str, tuple[str, float | None]] = {
    "sterility": ("negative", None),
    "sterility_rapid": ("negative", None),
    "mycoplasma": ("negative", None),
    "endotoxin": ("0.25", 0.25),
    "viability": ("93.5", 93.5),
    "viability_shelf_life": ("90", 90.0),
    "cd73": ("99.1", 99.1),
    "cd90": ("99.4", 99.4),
    "cd105": ("98.7", 98.7),
    "cd45": ("0.3", 0.3),
    "cd34": ("0.2", 0.2),
    "hla_dr": ("0.4", 0.4),
    "potency": ("62", 62.0),
    "osmolality": ("1240", 1240.0),
    "tagme_pm": ("18", 18.0),
    "car_positive": ("45", 45.0),
    "vcn": ("1.8", 1.8),
    "non_t_cells": ("1.2", 1.2),
    "phenotype": ("conforms", None),
}
CELL_COUNT = {
    ProductCategory.MSC: 1.0e8,
    ProductCategory.CAR_T: 2.1e7,
    ProductCategory.IMMUNE_CELL: 6.0e9,
}


def record(
    env: Env,
    batch_id: int,
    test: str,
    text: str,
    num: float | None,
    *,
    unit: str | None = None,
    verify: bool = True,
) -> QcOutcome:
    data = QcInput(
        batch_id=batch_id,
        test=test,
        value_text=text,
        value_num=num,
        unit=unit,
        method="test method",
        instrument="INS-01",
        rapid_method=test.endswith("_rapid"),
        resulted_at=NOW,
    )
    outcome = env.q.qc.record_result(data, username="wang", password=PASSWORD)
    if verify:
        env.q.qc.verify_result(result_id=outcome.result_id, username="zhao", password=PASSWORD)
    return outcome


def record_panel(
    env: Env,
    batch_id: int,
    category: ProductCategory,
    *,
    override: dict[str, tuple[str, float | None]] | None = None,
    skip: Sequence[str] = (),
) -> dict[str, QcOutcome]:
    """Record (and verify) the required panel; optional tests only when overridden."""
    values = {"cell_count": (f"{CELL_COUNT[category]:g}", CELL_COUNT[category])}
    outcomes = {}
    for t in CATEGORY_TESTS[category]():
        if t.test in skip or (not t.required and t.test not in (override or {})):
            continue
        text, num = (override or {}).get(t.test) or values.get(t.test) or PASSING[t.test]
        outcomes[t.test] = record(env, batch_id, t.test, text, num, unit=t.unit)
    return outcomes


def qa_release(env: Env, batch_id: int, username: str = "chen") -> int:
    """QA's normal release with the standard attestation, signed by ``username``."""
    return env.q.release.release_batch(
        attestation=ATTESTED, batch_id=batch_id, username=username, password=PASSWORD
    )


def emergency(env: Env, batch_id: int, request: PhysicianRequest, username: str = "li") -> int:
    """An emergency release on a physician's request, signed by ``username``."""
    return env.q.release.emergency_release(
        batch_id=batch_id,
        request=request,
        attestation=ATTESTED,
        username=username,
        password=PASSWORD,
    )


@pytest.fixture
def ready_batch(env: Env) -> int:
    """An MSC batch with a complete, verified, passing panel: releasable as it stands."""
    batch_id = make_batch(env.core, setup_product(env, ProductCategory.MSC), "B-UCMSC-250303-001")
    record_panel(env, batch_id, ProductCategory.MSC)
    return batch_id
