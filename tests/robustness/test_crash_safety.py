"""SIGKILL during a signature, a print, a migration or a bulk import (restore): nothing
committed is lost, nothing half-done is left, and interrupted print jobs are reconciled."""

from __future__ import annotations

import hashlib
import json
import random
import time
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from models.archive.backup import create_backup
from models.cleanroom.steps import step_content
from models.core import open_core
from models.entities.accounts import Signature
from models.entities.audit import AuditEntry
from models.entities.labeling import LabelState, PrintedLabel, PrintJob, PrintJobStatus
from models.entities.production import ProcessStep
from models.i18n import render
from models.identity.passwords import fast_passwords_for_tests
from models.identity.signatures import signature_matches
from models.kernel import schema
from models.kernel.audit import AuditAction
from models.kernel.db import make_engine
from models.labeling.job_failure import failure_words
from tests.conftest import PASSWORD, make_core, sign_in
from tests.core.factories import make_batch
from tests.fakes.printers import FakeZebraPrinter
from tests.labeling.conftest import label_jobs
from tests.robustness.conftest import chain_report, wait_until

RNG = random.Random()  # a fresh kill point every run; printed on failure via the assert


def _reopen(url: str):  # noqa: ANN202 - the restarted app
    return sign_in(open_core(url, passwords=fast_passwords_for_tests(), workstation="restarted"))


@pytest.mark.slow
@pytest.mark.req("R-CSV-21")
def test_sigkill_while_signing_loses_nothing_and_leaves_no_unsigned_step(
    db_url: str, workers
) -> None:
    core = make_core(db_url)
    batch_id = make_batch(core)
    core.close()
    seen = 0
    for _round in range(2):
        stop_at = seen + RNG.randint(2, 12)
        worker = workers("sign_loop", db_url, {"station": "ws-sign", "batch_id": batch_id})
        assert worker.proc.stdout is not None
        while seen < stop_at:
            line = worker.proc.stdout.readline()
            assert line, f"worker died: {worker.proc.stderr.read() if worker.proc.stderr else ''}"
            seen += 1
        worker.kill()  # somewhere inside the next step's transaction (or between two)

    core = _reopen(db_url)
    with core.uow() as uow:
        steps = list(uow.session.scalars(select(ProcessStep).order_by(ProcessStep.id)))
        assert len(steps) >= seen, "a committed (acknowledged) step was lost"
        for step in steps:
            assert step.performed_signature_id is not None, f"step {step.id} unsigned"
            signature = uow.session.get(Signature, step.performed_signature_id)
            assert signature is not None and signature.subject_id == str(step.id)
            assert signature_matches(signature, step_content(step))
            created = uow.session.scalar(
                select(func.count()).select_from(AuditEntry).where(
                    AuditEntry.subject_type == "process_step",
                    AuditEntry.subject_id == str(step.id),
                    AuditEntry.action == AuditAction.CREATE.value,
                )
            )
            assert created == 1, f"step {step.id} has {created} create entries"
    core.close()
    report = chain_report(db_url)
    assert report.intact, report.first_break


def _jobs(core, count: int) -> list[int]:  # noqa: ANN001
    return label_jobs(core, count, "B-CRASH-{n:03d}")


def _job_status(url: str, job_id: int) -> PrintJobStatus:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            value = conn.execute(
                select(PrintJob.status).where(PrintJob.id == job_id)
            ).scalar_one()
            return PrintJobStatus(value)
    finally:
        engine.dispose()


@pytest.mark.slow
def test_sigkill_mid_send_is_reconciled_on_restart(db_url: str, workers) -> None:
    core = make_core(db_url)
    [job_id] = _jobs(core, 1)
    core.close()
    # a printer that takes the connection and never answers: the worker is stuck mid-send
    with FakeZebraPrinter(behaviour="silent", lifetime=30) as zebra:
        url = f"tcp://127.0.0.1:{zebra.port}?timeout=60"
        worker = workers("print_loop", db_url, {"station": "LS-0", "job_ids": [job_id],
                                                "printer": url})
        wait_until(lambda: _job_status(db_url, job_id) is PrintJobStatus.PRINTING,
                   what="the job to be claimed")
        worker.kill()

    core = _reopen(db_url)
    with core.uow() as uow:
        labels = list(uow.session.scalars(select(PrintedLabel).where(
            PrintedLabel.print_job_id == job_id)))
        assert {label.state for label in labels} == {LabelState.SENDING}
        assert all(hashlib.sha256(x.payload).hexdigest() == x.payload_sha256 for x in labels)
    assert core.labeling.reconcile_interrupted_jobs(actor="admin") == [job_id]
    assert core.labeling.reconcile_interrupted_jobs(actor="admin") == []  # idempotent
    with core.uow() as uow:
        job = uow.session.get(PrintJob, job_id)
        assert job is not None and job.status is PrintJobStatus.FAILED
        assert failure_words(job.failure, "en") == render("label.interrupted", "en")
        states = set(uow.session.scalars(select(PrintedLabel.state).where(
            PrintedLabel.print_job_id == job_id)))
        assert states == {LabelState.VOIDED}
    core.close()
    report = chain_report(db_url)
    assert report.intact, report.first_break


@pytest.mark.slow
def test_sigkill_at_a_random_point_of_a_print_run(db_url: str, workers) -> None:
    core = make_core(db_url)
    jobs = _jobs(core, 6)
    core.close()
    delay = RNG.uniform(0.0, 0.6)
    with FakeZebraPrinter(lifetime=30) as zebra:
        worker = workers("print_loop", db_url, {"station": "LS", "job_ids": jobs,
                                                "printer": zebra.url})
        assert worker.proc.stdout is not None
        assert worker.proc.stdout.readline().startswith("job")
        time.sleep(delay)
        worker.kill()
        received = list(zebra.jobs)

    core = _reopen(db_url)
    interrupted = core.labeling.reconcile_interrupted_jobs(actor="admin")
    with core.uow() as uow:
        statuses = dict(uow.session.execute(select(PrintJob.id, PrintJob.status)).all())
        labels = list(uow.session.scalars(select(PrintedLabel)))
        prints = {
            json.loads(e.new_value)["sha256"]
            for e in uow.session.scalars(
                select(AuditEntry).where(AuditEntry.action == AuditAction.PRINT.value)
            )
        }
        archived = {x.payload for x in labels}
        assert PrintJobStatus.PRINTING not in statuses.values(), (delay, statuses)
        assert all(statuses[j] is PrintJobStatus.FAILED for j in interrupted)
        assert all(x.state is not LabelState.SENDING for x in labels)
        assert all(hashlib.sha256(x.payload).hexdigest() == x.payload_sha256 for x in labels)
        for x in labels:
            if x.state is LabelState.PRINTED:
                assert x.payload_sha256 in prints, f"label {x.id} printed without audit entry"
        # every byte that reached the printer is archived (a label cannot escape the record)
        assert all(payload in archived for payload in received), delay
    core.close()
    report = chain_report(db_url)
    assert report.intact, report.first_break


def _statements(workers, url: str, task: str, **extra: str) -> int:  # noqa: ANN001
    return int(workers("count_statements", url, {"task": task, **extra}).result()["statements"])


def _kill_after(workers, task: str, url: str, n: int, marker: Path, **extra: str) -> None:  # noqa: ANN001
    worker = workers(task, url, {"stop_after": n, "marker": str(marker), **extra})
    wait_until(lambda: marker.exists() or not worker.alive(), what=f"statement {n}")
    assert marker.exists(), f"{task} finished before statement {n}"
    worker.kill()


@pytest.mark.slow
@pytest.mark.req("R-CSV-23")
def test_sigkill_mid_migration_leaves_no_trace_and_upgrade_completes(
    db_url: str, scratch_urls, workers, tmp_path: Path
) -> None:
    total = _statements(workers, scratch_urls(), "migrate")
    assert total > 10
    points = sorted(RNG.sample(range(2, total), 2)) + [total]  # total: all done, no COMMIT
    for n in points:
        url = scratch_urls()
        _kill_after(workers, "migrate", url, n, tmp_path / f"migrate-{n}")
        engine = make_engine(url)
        try:
            assert schema.current_revision(engine) is None, f"killed at {n}/{total}"
            assert inspect(engine).get_table_names() == [], f"half a schema at {n}/{total}"
            assert schema.upgrade(engine) == schema.head_revision()
            assert schema.is_current(engine)
        finally:
            engine.dispose()
        core = make_core(url)
        core.close()
        assert chain_report(url).intact


@pytest.mark.slow
@pytest.mark.req("R-CSV-19")
def test_sigkill_mid_restore_leaves_the_target_empty_and_retry_works(
    db_url: str, scratch_urls, workers, tmp_path: Path
) -> None:
    core = make_core(db_url)
    batch = make_batch(core)
    for n in range(5):
        core.steps.record_step(batch_id=batch, name=f"P{n}", data={"n": n},
                               username="wang", password=PASSWORD)
    archive = tmp_path / "site.zip"
    manifest = create_backup(core.engine, archive)
    core.close()
    total = _statements(workers, scratch_urls(), "restore", archive=str(archive))
    # after the target's own migration (its own transaction), into the rows' transaction
    migration = _statements(workers, scratch_urls(), "migrate")
    points = sorted(RNG.sample(range(migration + 2, total), 2)) + [total]
    for n in points:
        url = scratch_urls()
        _kill_after(workers, "restore", url, n, tmp_path / f"restore-{n}", archive=str(archive))
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                for table in ("user_account", "audit_entry", "process_step", "signature"):
                    count = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                    assert count == 0, f"{table} half-restored at {n}/{total}"
        finally:
            engine.dispose()
        result = workers("restore", url, {"archive": str(archive)}).result()
        assert result["audit_last_seq"] == manifest.audit_last_seq
        assert chain_report(url).intact
