"""A unit is filled or split only into a container CellTrail has a label for (R-LBL-07):
a cryobag, a cryovial or a syringe; anything else is refused before a unit or DIN exists."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.chain.errors import UnknownContainerError
from models.entities.production import ProductUnit
from models.i18n import describe
from tests.chain.conftest import Flow, ago


def _units(flow: Flow) -> int:
    with flow.core.uow().reading() as uow:
        return uow.session.scalar(select(func.count()).select_from(ProductUnit)) or 0


@pytest.mark.req("R-LBL-07")
@pytest.mark.parametrize("container", ["bucket", "", "Cryobag", "cryobag "])
def test_a_fill_into_an_unknown_container_is_refused_and_writes_nothing(
    flow: Flow, container: str
) -> None:
    flow.eligible_donor("D-CONT-1")
    flow.accepted_collection("D-CONT-1", "COL-CONT-1")
    batch = flow.c.batches.create_batch(
        actor="wang", collections="COL-CONT-1", product_code="S1389"
    )
    flow.c.batches.record_harvest(actor="wang", batch_number=batch, harvest_at=ago(150))
    before = _units(flow)
    with pytest.raises(UnknownContainerError) as refused:
        flow.c.batches.fill(actor="wang", batch_number=batch, count=2, container_type=container)
    assert _units(flow) == before
    assert "cryobag" in describe(refused.value, "en") and "注射器" in describe(refused.value, "zh")
    # the same batch fills into syringes
    syringes = flow.c.batches.fill(
        actor="wang", batch_number=batch, count=2, container_type="syringe"
    )
    assert len(syringes) == 2


@pytest.mark.req("R-LBL-07")
def test_a_split_into_an_unknown_container_is_refused(flow: Flow) -> None:
    flow.eligible_donor("D-CONT-2")
    flow.accepted_collection("D-CONT-2", "COL-CONT-2")
    _, units = flow.filled_batch("COL-CONT-2", 1)
    before = _units(flow)
    with pytest.raises(UnknownContainerError):
        flow.split(units[0], container_type="teacup")
    assert _units(flow) == before
    assert len(flow.split(units[0], container_type="syringe")) == 2
