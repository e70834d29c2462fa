"""Minimal records for tests that need a batch to hang things on (not a service shortcut
for rules under test: chain-of-identity rules are tested through their services)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models.chain.consent_scope import ConsentScope, scope_text
from models.core import Core
from models.demo.chain import product_type
from models.entities.consent import PreparationRequest
from models.entities.parties import Consent, Donor, DonorType
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
        uow.session.add(consented_request(collection, f"PR-{number}"))
        uow.commit()
        return batch.id


def consented_request(collection: Collection, code: str) -> PreparationRequest:
    """The donor's consent and the collection's preparation request (R-DON-11, R-RCV-01), as
    records: the release package proves its request form by them."""
    at = collection.collected_at
    consent = Consent(
        donor=collection.donor,
        form_version="ICF-TEST",
        scope=scope_text(ConsentScope),
        signed_at=at,
        signer_kind="donor",
        signer_name="Donor",
        recorded_by="wang",
        recorded_at=at,
    )
    return PreparationRequest(
        code=code,
        collection=collection,
        consent=consent,
        variant="cell",
        donor_basics="basics",
        clinical_information="clinical",
        screening_reference="SCR",
        treatment_plan="plan",
        recorded_by="wang",
        recorded_at=at,
    )
