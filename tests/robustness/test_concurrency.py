"""Several workstations (real processes) doing real work on one database at the same time:
no duplicate or lost identifiers, no lost audit entries, no double release."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from models.entities.labeling import LabelState, PrintedLabel
from models.entities.production import Batch, BatchStatus, ProductCategory, ProductUnit
from models.entities.quality import ReleaseRecord
from tests.chain.conftest import FIN, Flow, add_site_config, ago
from tests.conftest import make_core
from tests.fakes.printers import FakeZebraPrinter
from tests.labeling.conftest import label_jobs
from tests.quality.conftest import Env, FakeLabels, make_batch, record_panel, setup_product
from tests.robustness.conftest import audit_count, chain_report, go_file

WORKERS, BATCHES_EACH, UNITS_EACH = 4, 3, 5


@pytest.mark.slow
@pytest.mark.req("R-ID-01")
def test_four_processes_filling_units_get_unique_gapless_dins(
    db_url: str, tmp_path: Path, workers
) -> None:
    core = make_core(db_url)
    add_site_config(core)
    flow = Flow(core)
    plan: list[list[str]] = []
    for w in range(WORKERS):
        numbers = []
        for b in range(BATCHES_EACH):
            donor = f"DN-W{w}B{b}"
            flow.eligible_donor(donor)
            flow.accepted_collection(donor, f"CL-{donor}")
            number = core.chain.batches.create_batch(
                actor="wang", collections=f"CL-{donor}", product_code="S1389"
            )
            core.chain.batches.record_harvest(
                actor="wang", batch_number=number, harvest_at=ago(hours=2)
            )
            numbers.append(number)
        plan.append(numbers)
    core.close()
    before = audit_count(db_url)
    go, signal = go_file(tmp_path)
    procs = [
        workers("fill", db_url, {"station": f"ws-{w}", "batches": plan[w],
                                 "count": UNITS_EACH, **signal})
        for w in range(WORKERS)
    ]
    go.touch()
    results = [p.result() for p in procs]

    total = WORKERS * BATCHES_EACH * UNITS_EACH
    assert sum(len(r["codes"]) for r in results) == total
    core = make_core_no_staff(db_url)
    with core.uow() as uow:
        dins = list(uow.session.scalars(select(ProductUnit.din)))
        statuses = set(uow.session.scalars(select(Batch.status)))
    core.close()
    assert len(dins) == len(set(dins)) == total, "a DIN was issued twice"
    assert all(d.startswith(FIN) for d in dins)
    assert sorted(int(d[7:13]) for d in dins) == list(range(1, total + 1)), "gap or duplicate"
    assert statuses == {BatchStatus.QUARANTINE}
    report = chain_report(db_url)
    assert report.intact, report.first_break
    assert audit_count(db_url) == before + WORKERS * BATCHES_EACH  # one entry per fill


def make_core_no_staff(url: str):  # noqa: ANN201 - a Core without re-adding the accounts
    from models.core import open_core
    from models.identity.passwords import fast_passwords_for_tests

    return open_core(url, passwords=fast_passwords_for_tests(), workstation="checker")


@pytest.mark.slow
@pytest.mark.req("R-REL-11")
def test_two_processes_releasing_one_batch_release_it_once(
    db_url: str, tmp_path: Path, workers
) -> None:
    core = make_core(db_url)
    env = Env(core, core.quality, FakeLabels())  # setup only; the workers use the real gate
    product = setup_product(env, ProductCategory.MSC)
    batch_id = make_batch(core, product, "B-RACE-0001", units=3)
    record_panel(env, batch_id, ProductCategory.MSC)
    assert core.quality.release.readiness(batch_id, "chen").kind is not None
    core.close()
    before = audit_count(db_url)
    go, signal = go_file(tmp_path)
    procs = [
        workers("release", db_url, {"station": f"qa-{u}", "batch_id": batch_id,
                                    "user": u, **signal})
        for u in ("chen", "li")
    ]
    go.touch()
    results = [p.result() for p in procs]

    released = [r for r in results if "record" in r]
    refused = [r for r in results if "error" in r]
    assert len(released) == 1 and len(refused) == 1, results
    assert refused[0]["error"] in {"release_blocked", "release_refused"}, refused
    core = make_core_no_staff(db_url)
    with core.uow() as uow:
        records = list(
            uow.session.scalars(
                select(ReleaseRecord.id).where(ReleaseRecord.batch_id == batch_id)
            )
        )
        batch = uow.session.get(Batch, batch_id)
        assert batch is not None and batch.status is BatchStatus.RELEASED
    core.close()
    assert records == [released[0]["record"]], "double release"
    report = chain_report(db_url)
    assert report.intact, report.first_break
    # one release: its signature, the units' and batch's transition (≥ 2 entries), never two
    added = audit_count(db_url) - before
    assert 2 <= added <= 3 + 3, added


@pytest.mark.slow
def test_concurrent_prints_and_verifications_keep_the_chain(
    db_url: str, tmp_path: Path, workers
) -> None:
    core = make_core(db_url)
    jobs = label_jobs(core, WORKERS, "B-LBL-000{n}")
    core.close()
    before = audit_count(db_url)
    go, signal = go_file(tmp_path)
    with FakeZebraPrinter(lifetime=60) as zebra:
        procs = [
            workers("label", db_url, {"station": f"LS-{n}", "job_id": job,
                                      "printer": zebra.url, **signal})
            for n, job in enumerate(jobs)
        ]
        go.touch()
        results = [p.result() for p in procs]
    assert all(r["status"] == "printed" and r["printed"] == 2 for r in results), results
    assert all(all(r["accepted"]) for r in results), results
    core = make_core_no_staff(db_url)
    with core.uow() as uow:
        labels = uow.session.execute(
            select(PrintedLabel.state, PrintedLabel.payload, PrintedLabel.payload_sha256)
        ).all()
    core.close()
    assert len(labels) == 2 * WORKERS
    assert all(label.state is LabelState.VERIFIED for label in labels)
    assert all(hashlib.sha256(x.payload).hexdigest() == x.payload_sha256 for x in labels)
    assert sorted(zebra.jobs) == sorted(x.payload for x in labels)  # every byte accounted for
    report = chain_report(db_url)
    assert report.intact, report.first_break
    # per job: printing + printed transitions, a print entry per label, then per label the
    # verification (signature + verify entries); nothing lost between processes
    added = audit_count(db_url) - before
    assert added >= WORKERS * (2 + 2 * 2), added
