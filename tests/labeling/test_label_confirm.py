"""A label is printed only when the printer (or a person's scan) confirms it came out.

Real loopback sockets (FakeZebraPrinter counts what it printed) and a real database.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.core import Core
from models.entities.audit import AuditEntry
from models.entities.labeling import LabelState, PrintJobStatus
from models.i18n import describe
from models.kernel.errors import DomainError, InvalidTransitionError
from models.labeling.errors import RecoveryScanUnmatchedError
from printing.registry import open_printer
from printing.status import PrinterStatus
from tests.fakes.printers import FakeZebraPrinter, RecordingPrinter
from tests.labeling.conftest import Lot, make_lot
from tests.labeling.flow import datamatrix_of, job, labels_of

STATION = "C-201/BSC-02"


def _request(core: Core, lot: Lot, template_id: int, station: str = STATION) -> int:
    return core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=template_id,
        unit_ids=lot.unit_ids,
        printer_address="tcp://printer",
        station=station,
        actor="wang",
    )


def _states(core: Core, job_id: int) -> list[LabelState]:
    return [label.state for label in labels_of(core, job_id)]


def _printed(core: Core, job_id: int) -> int:
    return _states(core, job_id).count(LabelState.PRINTED)


@pytest.mark.parametrize(
    "fake",
    [
        {"behaviour": "reset", "reset_after": 1024},
        {"behaviour": "reset", "reset_after": 10237},
        {"behaviour": "deaf"},
        {"behaviour": "garbage"},
        {"after_job": PrinterStatus(paper_out=True)},
        {"after_job": PrinterStatus(head_open=True)},
        {"drain_polls": 1000},  # never finishes within confirm=0.5
    ],
    ids=[
        "reset-1024",
        "reset-10237",
        "stops-reading",
        "garbage",
        "paper-out",
        "head-open",
        "never-drains",
    ],
)
@pytest.mark.req("R-CSV-16")
def test_printer_that_does_not_confirm_leaves_the_label_unconfirmed(
    core: Core, templates: dict[str, int], fake: dict[str, object]
) -> None:
    lot = make_lot(core, count=3)
    job_id = _request(core, lot, templates["LT-BAG"])
    with FakeZebraPrinter(**fake) as zebra:  # type: ignore[arg-type]
        url = f"tcp://127.0.0.1:{zebra.port}?timeout=0.5&confirm=0.5"
        outcome = core.labeling.print_job(job_id=job_id, printer=open_printer(url), actor="wang")
        printed_by_printer = zebra.printed
    assert outcome.status is PrintJobStatus.FAILED and outcome.failure is not None
    assert outcome.printed_label_ids == () and len(outcome.unconfirmed_label_ids) == 1
    assert _states(core, job_id) == [LabelState.UNCONFIRMED, LabelState.UNSENT, LabelState.UNSENT]
    # never more on record than came out; a garbage answer may hide a label that did
    assert _printed(core, job_id) == 0 and printed_by_printer <= 1
    assert "扫描" in describe(outcome.failure, "zh")  # the person is told what to do, in zh
    report = core.labeling.reconciliation(lot.batch_id)
    assert (report.printed, report.unconfirmed) == (0, 1) and not report.reconciled
    # the person scans what came out: the record then matches the printer exactly
    first = labels_of(core, job_id)[0]
    scans = [datamatrix_of(core, first.id)] * printed_by_printer
    core.labeling.recover_job(job_id=job_id, scanned=scans, actor="wang")
    assert _printed(core, job_id) == printed_by_printer
    assert LabelState.UNCONFIRMED not in _states(core, job_id)


def test_slow_printer_is_waited_for_and_every_label_confirmed(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    job_id = _request(core, lot, templates["LT-BAG"])
    with FakeZebraPrinter(drain_polls=3) as zebra:
        outcome = core.labeling.print_job(
            job_id=job_id, printer=open_printer(zebra.url + "&confirm=10"), actor="wang"
        )
        assert zebra.wait_for_connections(1 + len(lot.unit_ids))  # ~HI, then one per label
    assert outcome.status is PrintJobStatus.PRINTED and outcome.failure is None
    assert zebra.printed == _printed(core, job_id) == len(lot.unit_ids)


def test_status_off_printer_leaves_every_label_for_a_person_to_confirm(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    job_id = _request(core, lot, templates["LT-BAG"])
    with FakeZebraPrinter(behaviour="silent") as zebra:
        outcome = core.labeling.print_job(
            job_id=job_id, printer=open_printer(zebra.url + "&status=off"), actor="wang"
        )
    assert outcome.status is PrintJobStatus.UNCONFIRMED and outcome.failure is None
    assert set(_states(core, job_id)) == {LabelState.UNCONFIRMED}
    report = core.labeling.reconciliation(lot.batch_id)
    assert (report.printed, report.unconfirmed, report.open_jobs) == (0, 2, 1)
    assert core.labeling.companion_jobs(job_id) == []

    first, second = labels_of(core, job_id)
    recovered = core.labeling.recover_job(
        job_id=job_id, scanned=[datamatrix_of(core, first.id)], actor="wang"
    )
    assert (recovered.printed_label_ids, recovered.unsent_label_ids) == ((first.id,), (second.id,))
    assert job(core, job_id).status is PrintJobStatus.FAILED  # the rest prints again
    # the unit whose label did not come out is printed again, and only that one
    again = core.labeling.print_job(job_id=job_id, printer=RecordingPrinter(), actor="wang")
    assert again.status is PrintJobStatus.PRINTED and len(again.printed_label_ids) == 1
    assert _states(core, job_id) == [LabelState.PRINTED, LabelState.UNSENT, LabelState.PRINTED]


def test_interrupted_job_is_recovered_by_scanning_what_came_out(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    job_id = _request(core, lot, templates["LT-BAG"])

    class Crash(RecordingPrinter):
        def send(self, job):  # type: ignore[no-untyped-def]  # noqa: ARG002
            raise KeyboardInterrupt  # the app dies with the job claimed

    with pytest.raises(KeyboardInterrupt):
        core.labeling.print_job(job_id=job_id, printer=Crash(), actor="wang")
    assert job(core, job_id).status is PrintJobStatus.PRINTING
    first, second = labels_of(core, job_id)
    with pytest.raises(DomainError):  # the auditor may look, not recover
        core.labeling.recover_job(job_id=job_id, scanned=[], actor="sun")
    other = make_lot(core, "B-LBL-0002", first_sequence=50)
    other_job = _request(core, other, templates["LT-BAG"], station="C-201/BSC-03")
    core.labeling.print_job(job_id=other_job, printer=RecordingPrinter(), actor="wang")
    stranger = labels_of(core, other_job)[0]
    with pytest.raises(RecoveryScanUnmatchedError):  # a label of another job
        core.labeling.recover_job(
            job_id=job_id, scanned=[datamatrix_of(core, stranger.id)], actor="wang"
        )
    assert job(core, job_id).status is PrintJobStatus.PRINTING  # a refusal changes nothing

    scan = datamatrix_of(core, second.id)
    outcome = core.labeling.recover_job(job_id=job_id, scanned=[scan, scan], actor="chen")
    assert outcome.printed_label_ids == (second.id,) and outcome.unsent_label_ids == (first.id,)
    assert _states(core, job_id) == [LabelState.UNSENT, LabelState.PRINTED]
    with pytest.raises(InvalidTransitionError):  # nothing left awaiting confirmation
        core.labeling.recover_job(job_id=job_id, scanned=[], actor="chen")
    with core.uow() as uow:
        subjects = {
            (row.subject_type, row.subject_id, row.action)
            for row in uow.session.scalars(select(AuditEntry).where(AuditEntry.actor == "chen"))
        }
    assert ("print_job", str(job_id), "transition") in subjects
    assert ("printed_label", str(second.id), "print") in subjects
    assert ("printed_label", str(first.id), "transition") in subjects
