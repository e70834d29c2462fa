"""Identifiers never repeat and leave no gaps, even with workstations allocating at once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from models.chain.identifiers import BatchNumberFormat, Identifiers
from models.core import Core
from models.entities.production import ProductUnit
from models.isbt128 import is_valid_check_character, parse_scan
from models.kernel.errors import DomainError
from tests.chain.conftest import FIN, Flow, add_site_config
from tests.conftest import make_core

WORKERS, EACH = 8, 15


def _allocate_concurrently(core: Core, rolled_back_every: int = 0) -> list[int]:
    ids = Identifiers()
    taken: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work() -> None:
        try:
            for n in range(EACH):
                with core.uow() as uow:
                    din = ids.din(uow)
                    if rolled_back_every and n % rolled_back_every == 0:
                        continue  # abandoned action: its number must come back
                    uow.commit()
                with lock:
                    taken.append(int(din.sequence))
        except BaseException as exc:  # noqa: BLE001 - surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return taken


@pytest.mark.req("R-ID-01")
def test_concurrent_din_allocation_has_no_duplicates_or_gaps(any_core: Core) -> None:
    add_site_config(any_core)
    taken = _allocate_concurrently(any_core)
    assert sorted(taken) == list(range(1, WORKERS * EACH + 1))


def test_a_rolled_back_allocation_leaves_no_gap(core: Core) -> None:
    add_site_config(core)
    taken = _allocate_concurrently(core, rolled_back_every=3)
    assert sorted(taken) == list(range(1, len(taken) + 1))


@pytest.mark.req("R-ID-01")
def test_concurrent_fills_give_every_unit_its_own_valid_din(any_core: Core) -> None:
    add_site_config(any_core)
    flow = Flow(any_core)
    batches = []
    for n in range(4):
        flow.eligible_donor(f"DN-C{n}")
        flow.accepted_collection(f"DN-C{n}", f"CL-C{n}")
        batches.append(
            any_core.chain.batches.create_batch(
                actor="wang", collections=f"CL-C{n}", product_code="S1389"
            )
        )
        any_core.chain.batches.record_harvest(
            actor="wang", batch_number=batches[-1], harvest_at=flow_now()
        )
    threads = [
        threading.Thread(
            target=any_core.chain.batches.fill,
            kwargs={"actor": "wang", "batch_number": b, "count": 10, "container_type": "cryobag"},
        )
        for b in batches
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with any_core.uow() as uow:
        dins = list(uow.session.scalars(select(ProductUnit.din)))
    assert len(dins) == len(set(dins)) == 40
    din = parse_scan(f"={dins[0]}00")
    assert din.kind == "din" and is_valid_check_character(din.din.number, din.din.check_character)
    assert all(d.startswith(FIN) for d in dins)


def flow_now():  # noqa: ANN201
    from tests.chain.conftest import ago

    return ago(hours=1)


@pytest.mark.req("R-ID-18")
def test_batch_numbers_follow_the_configured_pattern(sqlite_url: str) -> None:
    """The clock is pinned to a minute whose year is the site's (Asia/Shanghai) and UTC's:
    the expected number must not depend on the day the test runs."""
    core = make_core(sqlite_url, clock=lambda: datetime(2027, 3, 1, 9, 0, tzinfo=UTC))
    add_site_config(core)
    ids = Identifiers(BatchNumberFormat("TJ{date:%Y}-{prefix}-{seq:05d}"))
    with core.uow() as uow:
        first, second = ids.batch_number(uow, "msc"), ids.batch_number(uow, "msc")
        coi = ids.coi(uow)
        uow.commit()
    core.close()
    assert (first, second) == ("TJ2027-UCMSC-00001", "TJ2027-UCMSC-00002")
    assert coi.text.startswith(f"CH{FIN}") and parse_scan(coi.data_content()).kind == "coi"


@pytest.mark.req("R-ID-05")
def test_collections_of_one_therapy_share_one_coi_and_another_donor_cannot_use_it(
    flow: Flow,
) -> None:
    flow.eligible_donor("DN-1")
    flow.eligible_donor("DN-2")
    coi = flow.accepted_collection("DN-1", "CL-1")
    assert flow.accepted_collection("DN-1", "CL-1b", coi=coi) == coi
    with pytest.raises(DomainError, match="another donor"):
        flow.accepted_collection("DN-2", "CL-2", coi=coi)
    assert {c.code for c in flow.c.trace.trace(coi).collections} == {"CL-1", "CL-1b"}
