"""Two stations on one database (two cores, each its own engine, in one process): what one
station commits appears on the other's label station page without a click, and a
double-check window open on a label that another station changed says who, where and when,
and lets nobody sign - keeping what was ticked. The real change feed runs (SQLite: the
audit chain head); a fake feed shows the window's plumbing alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.context import AppContext
from gui.dialogs.double_check import DoubleCheckDialog
from gui.events import AppEvents
from gui.live_feed import LiveFeed
from gui.pages.home.page import HomePage
from gui.station import StationConfig
from models.core import Core, open_core
from models.demo.build import DEMO_PASSWORD
from models.identity.passwords import fast_passwords_for_tests
from models.kernel.change_set import Change, ChangeSet
from tests.conftest import sign_in as authenticate
from tests.fakes.feed import FakeFeed
from tests.fakes.printers import RecordingPrinter
from tests.gui.gui_helpers import sign_in
from tests.gui.scenario import demo
from tests.gui.test_label_station import open_station


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path) -> AppContext:
    """This station: a label station named LBL-01 (no printer needed here)."""
    station = StationConfig(name="LBL-01", role="label")
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


@pytest.fixture
def other_station(demo_core: Core) -> Iterator[Core]:
    """Another label station on the same database file (its own engine and connections)."""
    url = str(demo_core.engine.url)
    core = open_core(url, passwords=fast_passwords_for_tests(), workstation="LBL-02")
    authenticate(core, "wang", "chen", password=DEMO_PASSWORD)
    yield core
    core.close()


def _print_elsewhere(core: Core, batch_number: str, units: int = 2) -> int:
    """wang requests and prints LT-BAG labels at LBL-02; returns the job id."""
    reads = core.label_station_reads
    choices = reads.choices()
    batch = next(b for b in choices.batches if b.number == batch_number)
    template = next(t for t in choices.templates if t.code == "LT-BAG")
    free = [u.id for u in reads.batch_labels(batch.id).units if u.label_state is None]
    job_id = core.labeling.request_labels(
        batch_id=batch.id,
        template_id=template.id,
        unit_ids=free[:units],
        printer_address="memory://lbl-02",
        station="LBL-02",
        actor="wang",
    )
    core.labeling.print_job(job_id=job_id, printer=RecordingPrinter(), actor="wang")
    return job_id


def test_labels_printed_at_another_station_appear_without_a_click(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    page = open_station(qtbot, controller)
    before = {j.id for j in page.job_rows}
    job_id = _print_elsewhere(other_station, demo(other_station).msc_batch)
    assert job_id not in before
    qtbot.waitUntil(lambda: any(j.id == job_id for j in page.job_rows), timeout=10000)
    printed = [r for r in page.label_rows if r.job_id == job_id]
    assert len(printed) == 2 and all(r.state == "printed" for r in printed)


def test_an_open_double_check_says_who_changed_its_label_and_keeps_the_ticks(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    page = open_station(qtbot, controller)
    job_id = _print_elsewhere(other_station, demo(other_station).msc_batch, units=1)
    qtbot.waitUntil(lambda: any(r.job_id == job_id for r in page.label_rows), timeout=10000)
    label = next(r for r in page.label_rows if r.job_id == job_id)
    dialog = DoubleCheckDialog(controller.ctx, label.id, label.din, page)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    qtbot.waitUntil(lambda: dialog.watch.version is not None, timeout=5000)
    box = next(iter(dialog.checks.values()))
    box.setChecked(True)
    with qtbot.waitSignal(dialog.watch.changed, timeout=10000):
        other_station.labeling.void_label(label_id=label.id, actor="wang", reason="smudged")
    text = dialog.message.text()
    assert "was voided by 王敏 Wang Min at LBL-02 at " in text and "while this window" in text
    assert not dialog.submit_button.isEnabled() and not dialog.scan.isEnabled()
    assert box.isChecked()  # nothing the person did is thrown away


def test_a_feed_event_refreshes_the_shown_page_once_per_burst(
    qtbot: QtBot, controller: AppController
) -> None:
    """The window's plumbing with a fake feed: three commits in a burst, one refresh."""
    fake = FakeFeed()
    controller.ctx.feed = fake
    sign_in(qtbot, controller, "chen")
    assert fake.started
    home = controller.window.pages["home"]
    assert isinstance(home, HomePage)
    announced: list[object] = []
    controller.ctx.events.records_changed.connect(announced.append)
    for seq in (101, 102, 103):
        fake.push(ChangeSet(seq, seq, (Change("printed_label", "7", seq),)))
    with qtbot.waitSignal(home.loaded, timeout=5000):
        qtbot.waitUntil(lambda: bool(announced), timeout=5000)
    qtbot.wait(100)
    [merged] = [a for a in announced if isinstance(a, ChangeSet)]
    assert (merged.first_seq, merged.last_seq) == (101, 103)
    qtbot.mouseClick(controller.window.sign_out_button, Qt.MouseButton.LeftButton)
    assert fake.stopped


def test_the_live_feed_skips_sets_that_changed_no_record(qtbot: QtBot) -> None:
    events, fake, parent = AppEvents(), FakeFeed(), QObject()
    live = LiveFeed(events, fake, parent)
    refreshed: list[ChangeSet] = []
    live.refreshed.connect(refreshed.append)
    fake.push(ChangeSet(5, 5))  # a sign-in elsewhere: audit entries, no record changed
    qtbot.wait(150)
    assert refreshed == []
    with qtbot.waitSignal(live.refreshed, timeout=2000):
        fake.push(ChangeSet(6, 6, (Change("batch", "1", 6),)))
    assert refreshed[0].touches("batch", 1)
    live.database_online(True)
    assert fake.resyncs == 1
