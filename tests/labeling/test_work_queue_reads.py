"""QA's work queue (models/overview/work_queue.py): labels awaiting their double-check, a
line stopped by a wrong label with its deviation, and open deviations most severe first."""

from __future__ import annotations

from models.core import Core
from models.entities.quality import DeviationClass
from models.quality.deviations import DeviationInput
from tests.fakes.printers import RecordingPrinter
from tests.labeling.conftest import Lot
from tests.labeling.flow import datamatrix_of, labels_of


def _print(core: Core, templates: dict[str, int], lot: Lot) -> tuple[int, list[int]]:
    job_id = core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=templates["LT-BAG"],
        unit_ids=lot.unit_ids[:2],
        printer_address="memory://x",
        station="C-201/BSC-02",
        actor="wang",
    )
    core.labeling.print_job(job_id=job_id, printer=RecordingPrinter(), actor="wang")
    return job_id, [label.id for label in labels_of(core, job_id)]


def test_printed_labels_wait_for_their_check_and_a_wrong_scan_stops_the_line(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    job_id, (first, second) = _print(core, templates, lot)
    queue = core.dashboard_reads.work_queue("chen")
    assert [label.label_id for label in queue.labels_to_check] == [first, second]
    assert not queue.stopped_lines and not queue.deviations

    core.labeling.compare_scan(
        label_id=first, scanned_text=datamatrix_of(core, second), actor="zhao"
    )
    queue = core.dashboard_reads.work_queue("chen")
    [line] = queue.stopped_lines
    assert line.job_id == job_id and line.batch_id == lot.batch_id
    assert line.deviation is not None and line.station == "C-201/BSC-02"
    [deviation] = queue.deviations
    assert deviation.code == line.deviation and deviation.batch == line.batch
    assert [label.label_id for label in queue.labels_to_check] == [second]  # first: rejected


def test_open_deviations_come_most_severe_first_then_oldest(core: Core, lot: Lot) -> None:
    def open_one(title: str, classification: DeviationClass | None) -> None:
        data = DeviationInput(title, "found on the floor", classification, batch_id=lot.batch_id)
        core.quality.deviations.open(actor="wang", data=data)

    open_one("minor one", DeviationClass.MINOR)
    open_one("unclassified", None)
    open_one("critical one", DeviationClass.CRITICAL)
    open_one("major one", DeviationClass.MAJOR)
    titles = [d.title for d in core.dashboard_reads.work_queue("chen").deviations]
    assert titles == ["critical one", "major one", "minor one", "unclassified"]
