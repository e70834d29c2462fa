"""Minimal records for tests that need a batch to hang things on (not a service shortcut
for rules under test: chain-of-identity rules are tested through their services)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models.core import Core
from models.demo.chain import product_type
from models.entities.parties import Donor, DonorType
from models.entities.production import Batch, Collection, ProductCategory


def donor_collection(
    number: str,
    *,
    collected_at: datetime,
    material: str = "cord tissue",
    donor_type: DonorType = DonorType.ALLOGENEIC,
    **donor: Any,
) -> Collection:
    """Donor ``DN-<number>`` and their collection ``CL-<number>``, not yet in a session; extra
    keywords are the donor's columns (eligibility, infectious, ...)."""
    return Collection(
        code=f"CL-{number}",
        donor=Donor(code=f"DN-{number}", donor_type=donor_type, **donor),
        material=material,
        collected_at=collected_at,
    )


def make_batch(core: Core, number: str = "B-TEST-0001") -> int:
    with core.uow() as uow:
        product = product_type(
            "S9001", ProductCategory.MSC, name_en="Test MSC", name_zh="测试间充质干细胞"
        )
        collection = donor_collection(number, collected_at=datetime(2025, 3, 3, 1, 40, tzinfo=UTC))
        batch = Batch(number=number, product_type=product, collection=collection, created_by="wang")
        uow.session.add_all([product, collection.donor, collection, batch])
        uow.commit()
        return batch.id
