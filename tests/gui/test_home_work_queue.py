"""QA's home is a work queue (issue 14): open deviations by class and age, stopped label
lines, batches awaiting release with their readiness and labels awaiting the double-check;
activating a row opens its record where it is handled."""

from __future__ import annotations

from gui_helpers import sign_in
from pytestqt.qtbot import QtBot
from scenario import filled_batch

from gui.app import AppController
from gui.pages.home.page import HomePage
from gui.pages.release.page import ReleasePage
from gui.pages.trace.page import TracePage
from models.core import Core
from models.entities.quality import DeviationClass
from models.overview.work_queue import WorkQueue
from models.quality.deviations import DeviationInput
from tests.fakes.printers import RecordingPrinter
from tests.gui.test_label_station import datamatrix_scan


def _scene(core: Core) -> str:
    """A quarantined batch with two labels printed: one checked wrong (the line stops and a
    deviation opens), one awaiting its check; and a critical deviation on the batch."""
    number, batch = filled_batch(core, units=2)
    units = [u.id for u in core.label_station_reads.batch_labels(batch).units]
    [template] = [
        t for t in core.label_station_reads.choices().templates if t.container_type == "cryobag"
    ][:1]
    job = core.labeling.request_labels(
        batch_id=batch,
        template_id=template.id,
        unit_ids=units,
        printer_address="memory://x",
        station="L-101",
        actor="wang",
    )
    core.labeling.print_job(job_id=job, printer=RecordingPrinter(), actor="wang")
    first, second = sorted(r.id for r in core.label_station_reads.batch_labels(batch).labels)
    core.labeling.compare_scan(
        label_id=first, scanned_text=datamatrix_scan(core, second), actor="zhao"
    )
    data = DeviationInput(
        "Freezer alarm: " + "rack 3 rose to -120 °C, " * 7,
        "Rack 3 rose to -120 °C",
        DeviationClass.CRITICAL,
        batch_id=batch,
    )
    core.quality.deviations.open(actor="wang", data=data)
    return number


def _home(qtbot: QtBot, ctrl: AppController) -> tuple[HomePage, WorkQueue]:
    sign_in(qtbot, ctrl, "chen")
    home = ctrl.window.pages["home"]
    assert isinstance(home, HomePage) and home.queue is not None
    with qtbot.waitSignal(home.queue_loaded, timeout=10000) as loaded:
        home.refresh()
    return home, loaded.args[0]


def test_the_qa_home_lists_what_waits_for_qa(qtbot: QtBot, controller: AppController) -> None:
    number = _scene(controller.ctx.core)
    home, queue = _home(qtbot, controller)
    view = home.queue
    assert view is not None
    # a long title elides in its column: the queue never asks for more width than it had
    assert view.minimumSizeHint().width() < 800
    # the critical deviation first, then the one the wrong label opened
    assert view.deviations.rowCount() == 2
    assert view.deviations.item(0, 1).text() == "Critical"
    assert view.deviations.item(0, 3).text().endswith("min")  # its age
    assert view.deviations.item(0, 5).text().startswith("Freezer alarm")
    assert [view.stopped.item(r, 0).text() for r in range(view.stopped.rowCount())] == [number]
    assert view.stopped.item(0, 2).text() == queue.stopped_lines[0].deviation
    released = [view.release.item(r, 0).text() for r in range(view.release.rowCount())]
    assert number in released
    mine = released.index(number)
    assert view.release.item(mine, 3).text().startswith("✖ ")  # QC not passed, deviations open
    assert view.labels.rowCount() == 1 and view.labels.item(0, 0).text() == number
    assert view.tabText(0) == "Open deviations (2)"
    assert view.tabText(3) == "Labels awaiting check (1)"


def test_a_row_opens_its_record(qtbot: QtBot, controller: AppController) -> None:
    number = _scene(controller.ctx.core)
    home, _queue = _home(qtbot, controller)
    view = home.queue
    assert view is not None
    trace = controller.window.pages["trace"]
    assert isinstance(trace, TracePage)
    with qtbot.waitSignal(trace.loaded, timeout=10000):
        view.stopped.cellActivated.emit(0, 0)
    assert trace.search.text() == number
    release = controller.window.pages["release"]
    assert isinstance(release, ReleasePage)
    row = [view.release.item(r, 0).text() for r in range(view.release.rowCount())].index(number)
    controller.window.show_page("home")
    view.release.cellActivated.emit(row, 0)
    assert controller.window.current_page() is release
    qtbot.waitUntil(lambda: release.batch_combo.currentText().startswith(number), timeout=10000)


def test_the_queue_speaks_chinese(qtbot: QtBot, controller: AppController) -> None:
    from gui.i18n import LANGUAGE

    _scene(controller.ctx.core)
    home, _queue = _home(qtbot, controller)
    view = home.queue
    assert view is not None
    LANGUAGE.switch("zh")
    qtbot.waitUntil(lambda: view.tabText(0) == "未关闭偏差（2）", timeout=5000)
    assert view.deviations.item(0, 1).text() == "严重"
    assert view.deviations.item(0, 3).text().endswith("分钟")
