"""Autologous material is made for one patient: it never shares a pool with another donor."""

from __future__ import annotations

import pytest

from models.chain.errors import AutologousPoolError
from models.entities.parties import DonorType
from tests.chain.conftest import Flow


def _autologous_batch(flow: Flow, donor: str) -> tuple[str, list[str]]:
    return flow.released_batch(donor, 2, donor_type=DonorType.AUTOLOGOUS)


@pytest.mark.req("R-BAT-04", "R-ID-12", "R-SEG-04")
def test_batches_of_two_autologous_patients_cannot_be_pooled(flow: Flow) -> None:
    first, _ = _autologous_batch(flow, "DN-AU1")
    second, _ = _autologous_batch(flow, "DN-AU2")
    with pytest.raises(AutologousPoolError) as err:
        flow.c.batches.create_pool(
            actor="wang", sources=[first, second], product_code="S1389", reason="pool"
        )
    assert "自体" in err.value.message("zh")


@pytest.mark.req("R-ID-12")
def test_autologous_unit_cannot_be_pooled_with_an_allogeneic_unit(flow: Flow) -> None:
    _, own = _autologous_batch(flow, "DN-AU3")
    _, other = flow.released_batch("DN-ALLO", 2)
    with pytest.raises(AutologousPoolError):
        flow.pool([own[0], other[0]], reason="pool")


def test_units_of_the_same_autologous_patient_may_be_pooled(flow: Flow) -> None:
    _, own = _autologous_batch(flow, "DN-AU4")
    pooled = flow.pool(own, reason="combine the patient's own bags")
    assert pooled


def test_units_of_a_voided_batch_move_only_to_a_non_conforming_location(flow: Flow) -> None:
    from models.chain.errors import UnitNotUsableError

    batch, units = flow.released_batch("DN-VS", 1)
    flow.c.genealogy.void(actor="chen", kind="batch", identifier=batch, reason="wrong donor")
    flow.c.storage.add_location(actor="wang", code="NC-01", name="Non-conforming shelf",
                                non_conforming=True)
    flow.c.storage.add_location(actor="wang", code="T-09", name="Ordinary tank")
    with pytest.raises(UnitNotUsableError, match="voided"):
        flow.c.storage.store(actor="wang", unit_code=units[0], location_code="T-09")
    flow.c.storage.store(actor="wang", unit_code=units[0], location_code="NC-01")
