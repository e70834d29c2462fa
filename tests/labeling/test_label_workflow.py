"""Request → print → verify → apply → reconcile, on a loopback Zebra and a file printer."""

from __future__ import annotations

import hashlib
import socket
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from models.core import Core
from models.entities.audit import AuditEntry
from models.entities.labeling import LabelState, PrintJob, PrintJobStatus
from models.i18n import describe
from models.kernel.audit import AuditAction
from models.labeling.errors import LabelsNotReconciledError
from models.labeling.job_failure import failure_words
from models.labeling.reconciliation import require_labels_reconciled
from printing.registry import open_printer
from printing.status import PrinterStatus
from tests.fakes.printers import FakeZebraPrinter, RecordingPrinter
from tests.labeling.conftest import Lot, make_lot
from tests.labeling.flow import job, labels_of, verify

STATION = "C-201/BSC-02"


def _request(core: Core, lot: Lot, template_id: int, url: str = "tcp://printer") -> int:
    return core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=template_id,
        unit_ids=lot.unit_ids,
        printer_address=url,
        station=STATION,
        actor="wang",
    )


def test_zebra_receives_exactly_the_archived_bytes_and_the_batch_reconciles(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    job_id = _request(core, lot, templates["LT-BAG"])
    with FakeZebraPrinter() as zebra:
        outcome = core.labeling.print_job(
            job_id=job_id, printer=open_printer(zebra.url), actor="wang"
        )
        # one ~HI (its resolution), then ~HS + job on one connection per label
        assert zebra.wait_for_connections(1 + len(lot.unit_ids))
    assert outcome.status is PrintJobStatus.PRINTED and outcome.failure is None
    labels = labels_of(core, job_id)
    assert [label.payload for label in labels] == zebra.jobs
    assert all(hashlib.sha256(x.payload).hexdigest() == x.payload_sha256 for x in labels)
    assert all(label.state is LabelState.PRINTED for label in labels)
    with pytest.raises(LabelsNotReconciledError):
        _gate(core, lot)
    for label in labels:
        assert verify(core, label.id)
        core.labeling.apply_label(label_id=label.id, actor="wang")
    report = _gate(core, lot)
    assert (report.printed, report.applied, report.unlabelled_units) == (2, 2, ())


def _gate(core: Core, lot: Lot):  # type: ignore[no-untyped-def]
    with core.uow() as uow:
        return require_labels_reconciled(uow.session, lot.batch_id)


def test_file_printer_writes_each_label_as_archived(
    core: Core, templates: dict[str, int], lot: Lot, tmp_path: Path
) -> None:
    url = f"file://{tmp_path}?format=png"
    job_id = _request(core, lot, templates["LT-BAG"], url)
    outcome = core.labeling.print_job(job_id=job_id, printer=open_printer(url), actor="wang")
    assert outcome.status is PrintJobStatus.PRINTED
    for label in labels_of(core, job_id):
        assert (tmp_path / f"celltrail-label-{label.id}.png").read_bytes() == label.payload


@pytest.mark.req("R-LBL-10")
def test_partial_vial_label_brings_its_information_sheet(
    core: Core, templates: dict[str, int]
) -> None:
    lot = make_lot(core, "B-VIAL-01", container="cryovial")
    job_id = _request(core, lot, templates["LT-VIAL-MINI"])
    [sheet_job] = core.labeling.companion_jobs(job_id)
    printer = RecordingPrinter()
    for each in (job_id, sheet_job):
        core.labeling.print_job(job_id=each, printer=printer, actor="wang")
    vials, sheets = labels_of(core, job_id), labels_of(core, sheet_job)
    assert [v.unit_id for v in vials] == [s.unit_id for s in sheets] == lot.unit_ids
    # ISBT 128 flags 12 (affixed partial label) / 13 (attached label), printed turned 90°
    for label, flags in ((vials[0], "12"), (sheets[0], "13")):
        assert '"text":"A9990 25 000001"' in label.content_json
        assert f'"rotated":true,"text":"{flags}"' in label.content_json
    assert job(core, sheet_job).companion_of_id == job_id


@pytest.mark.parametrize("status", [PrinterStatus(paper_out=True), PrinterStatus(paused=True)])
def test_printer_not_ready_fails_the_job_and_a_retry_prints_it(
    core: Core, templates: dict[str, int], lot: Lot, status: PrinterStatus
) -> None:
    job_id = _request(core, lot, templates["LT-BAG"])
    with FakeZebraPrinter(status=status) as zebra:
        outcome = core.labeling.print_job(
            job_id=job_id, printer=open_printer(zebra.url), actor="wang"
        )
    assert outcome.status is PrintJobStatus.FAILED and outcome.failure is not None
    stored = job(core, job_id).failure
    assert "not ready" in (failure_words(stored, "en") or "")
    assert "未就绪" in (failure_words(stored, "zh") or "")  # the station reads it in Chinese
    assert zebra.jobs == []
    assert {label.state for label in labels_of(core, job_id)} == {LabelState.UNSENT}
    with FakeZebraPrinter() as zebra:
        retry = core.labeling.print_job(
            job_id=job_id, printer=open_printer(zebra.url), actor="wang"
        )
        zebra.wait_for_connections(3)  # ~HI, two labels
    assert retry.status is PrintJobStatus.PRINTED and len(zebra.jobs) == 2
    printed = [x for x in labels_of(core, job_id) if x.state is LabelState.PRINTED]
    assert [x.payload for x in printed] == zebra.jobs


def test_dead_printer_fails_cleanly(core: Core, templates: dict[str, int], lot: Lot) -> None:
    with socket.socket() as probe:  # a free port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        url = f"tcp://127.0.0.1:{probe.getsockname()[1]}?timeout=2"
    job_id = _request(core, lot, templates["LT-BAG"])
    outcome = core.labeling.print_job(job_id=job_id, printer=open_printer(url), actor="wang")
    assert outcome.status is PrintJobStatus.FAILED
    assert "cannot be reached" in describe(outcome.failure, "en")  # type: ignore[arg-type]
    with core.uow() as uow:
        report = uow.session.get(PrintJob, job_id)
        assert report is not None and report.status is PrintJobStatus.FAILED


def test_no_database_transaction_is_open_while_the_printer_is_sent_to(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    """GIVEN a printer that, mid-send, writes through another unit of work
    THEN it does not deadlock (SQLite BEGIN IMMEDIATE would if txn 1 were still open)."""
    job_id = _request(core, lot, templates["LT-BAG"])
    seen: list[str] = []

    class Probe(RecordingPrinter):
        def send(self, job):  # type: ignore[no-untyped-def]
            with core.uow() as uow:
                uow.audit.record(
                    AuditAction.CHANGE, actor="probe", subject_type="probe", subject_id=1
                )
                uow.commit()
            seen.append(threading.current_thread().name)
            return super().send(job)

    outcome = core.labeling.print_job(job_id=job_id, printer=Probe(), actor="wang")
    assert outcome.status is PrintJobStatus.PRINTED and len(seen) == 2


def test_crash_between_transactions_is_recoverable(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    job_id = _request(core, lot, templates["LT-BAG"])

    class Crash(RecordingPrinter):
        def send(self, job):  # type: ignore[no-untyped-def]  # noqa: ARG002
            raise KeyboardInterrupt  # the app dies with the job claimed

    with pytest.raises(KeyboardInterrupt):
        core.labeling.print_job(job_id=job_id, printer=Crash(), actor="wang")
    assert job(core, job_id).status is PrintJobStatus.PRINTING
    assert core.labeling.reconcile_interrupted_jobs(actor="wang") == [job_id]
    assert job(core, job_id).status is PrintJobStatus.FAILED
    assert {x.state for x in labels_of(core, job_id)} == {LabelState.VOIDED}
    report = core.labeling.reconciliation(lot.batch_id)
    assert report.printed == report.voided == 2 and not report.reconciled


def test_every_step_leaves_an_audit_row(core: Core, templates: dict[str, int], lot: Lot) -> None:
    job_id = _request(core, lot, templates["LT-BAG"])
    core.labeling.print_job(job_id=job_id, printer=RecordingPrinter(), actor="wang")
    label = labels_of(core, job_id)[0]
    verify(core, label.id)
    with core.uow() as uow:
        rows = uow.session.execute(_audit_query(str(label.id))).all()
    assert [r[0] for r in rows if r[0] != "state"] == ["print", "sign", "verify"]
    assert "state" in {r[0] for r in rows}  # and the label's content after each change


def _audit_query(subject_id: str):  # type: ignore[no-untyped-def]
    return (
        select(AuditEntry.action)
        .where(AuditEntry.subject_type == "printed_label", AuditEntry.subject_id == subject_id)
        .order_by(AuditEntry.seq)
    )
