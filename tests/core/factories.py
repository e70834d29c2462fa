"""Minimal records for tests that need a batch to hang things on (not a service shortcut
for rules under test: chain-of-identity rules are tested through their services)."""

from __future__ import annotations

from datetime import UTC, datetime

from models.core import Core
from models.entities.parties import Donor, DonorType
from models.entities.production import Batch, Collection, ProductCategory, ProductType


def make_batch(core: Core, number: str = "B-TEST-0001") -> int:
    with core.uow() as uow:
        product = ProductType(
            code="S9001",
            name_en="Test MSC",
            name_zh="测试间充质干细胞",
            category=ProductCategory.MSC,
            storage_condition_en="≤ -150 °C",
            storage_condition_zh="≤ -150 °C",
            shelf_life_hours=8760,
        )
        donor = Donor(code=f"DN-{number}", donor_type=DonorType.ALLOGENEIC)
        collection = Collection(
            code=f"CL-{number}",
            donor=donor,
            material="cord tissue",
            collected_at=datetime(2025, 3, 3, 1, 40, tzinfo=UTC),
        )
        batch = Batch(number=number, product_type=product, collection=collection, created_by="wang")
        uow.session.add_all([product, donor, collection, batch])
        uow.commit()
        return batch.id
