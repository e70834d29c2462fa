"""The QA desk and a label station on one database file (two cores, each its own engine, in
one process; the real change feed on the audit chain head): a release form open on a batch that
the other station decides, or a destruction form on a unit destroyed there, says who, where
and when and cannot be signed; the audit page follows
the other station's work without a click, keeping the search and the page the desk is reading,
and a hidden audit page reads the trail only when it is shown again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.app import AppController
from gui.dialogs.destroy_unit import DestroyUnitDialog
from gui.dialogs.form import FormDialog
from gui.live_feed import LiveFeed
from gui.pages.audit.page import PAGE_SIZE, AuditPageWidget
from models.chain.disposal import DestructionMethod
from models.core import Core
from models.entities.production import ProductUnit
from models.kernel.change_set import Change, ChangeSet
from tests.gui.gui_helpers import PASSWORD, sign_in
from tests.gui.scenario import demo, filled_batch, pass_qc
from tests.gui.test_live_feed import _print_elsewhere, other_station
from tests.gui.test_release_page import open_release

__all__ = ["other_station"]  # the fixture, shared with test_live_feed


def _live(controller: AppController) -> LiveFeed:
    live = controller.window.live
    assert isinstance(live, LiveFeed)
    return live


def test_an_open_rejection_says_the_batch_was_rejected_elsewhere(
    qtbot: QtBot, controller: AppController, demo_core: Core, other_station: Core
) -> None:
    number, batch_id = filled_batch(demo_core)
    pass_qc(demo_core, batch_id)
    page = open_release(qtbot, controller, "chen", number)
    qtbot.mouseClick(page.reject_button, Qt.MouseButton.LeftButton)
    [form] = [d for d in page.findChildren(FormDialog) if d.isVisible()]
    assert form.watch is not None
    qtbot.waitUntil(lambda: form.watch is not None and form.watch.version is not None)
    qtbot.keyClicks(form.inputs["reason"], "container cracked")
    with qtbot.waitSignal(form.watch.changed, timeout=10000):
        other_station.quality.release.reject_batch(
            batch_id=batch_id, reason="seal broken", username="chen", password=PASSWORD
        )
    text = form.warning.text()
    assert f"batch {number} was set to " in text and "at LBL-02 at " in text
    assert not form.submit_button.isEnabled()
    qtbot.keyClicks(form.inputs["password"], PASSWORD)  # typing the signature enables nothing
    assert not form.submit_button.isEnabled()


def _audit(qtbot: QtBot, controller: AppController) -> AuditPageWidget:
    sign_in(qtbot, controller, "sun")
    page = controller.window.pages["audit"]
    assert isinstance(page, AuditPageWidget)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        controller.window.show_page("audit")
    return page


def test_the_audit_page_follows_the_other_station_keeping_its_search(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    page = _audit(qtbot, controller)
    page.filters.select(page.filters.subject_type, "printed_label")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.filters.search, Qt.MouseButton.LeftButton)
    before = {r.seq for r in page.model.rows}
    page.table.selectRow(0)
    kept = page.model.rows[0].seq
    page.filters.select(page.filters.subject_type, "batch")  # chosen, not searched yet
    with qtbot.waitSignal(page.loaded, timeout=10000):  # no click
        _print_elsewhere(other_station, demo(other_station).msc_batch, units=1)
    rows = page.model.rows
    assert {r.seq for r in rows} - before  # the new label's entries are listed
    assert {r.subject_type for r in rows} == {"printed_label"}  # the search that was shown
    assert page.filters.subject_type.currentData() == "batch"  # what was chosen stays chosen
    assert page.model.rows[page.table.currentIndex().row()].seq == kept  # the same entry


def test_the_audit_page_keeps_the_page_it_shows(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    page = _audit(qtbot, controller)
    assert page.page is not None and page.page.has_more  # the demo's trail: several pages
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.page.offset == PAGE_SIZE
    with qtbot.waitSignal(page.loaded, timeout=10000):
        _print_elsewhere(other_station, demo(other_station).msc_batch, units=1)
    assert page.page.offset == PAGE_SIZE


def test_a_hidden_audit_page_reloads_when_shown_again(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    page = _audit(qtbot, controller)
    newest = page.model.rows[0].seq
    controller.window.show_page("home")
    loads: list[object] = []
    page.loaded.connect(loads.append)
    with qtbot.waitSignal(_live(controller).refreshed, timeout=10000):
        _print_elsewhere(other_station, demo(other_station).msc_batch, units=1)
    qtbot.wait(200)
    assert loads == [] and page.live.stale  # hidden: nothing read for nothing
    with qtbot.waitSignal(page.loaded, timeout=5000):
        controller.window.show_page("audit")
    assert page.model.rows[0].seq > newest and not page.live.stale


def test_news_during_the_desks_own_search_never_brings_back_the_old_search(
    qtbot: QtBot, controller: AppController
) -> None:
    page = _audit(qtbot, controller)
    page.filters.select(page.filters.subject_type, "printed_label")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.filters.search, Qt.MouseButton.LeftButton)
    page.filters.select(page.filters.subject_type, "batch")
    loads: list[object] = []
    page.loaded.connect(loads.append)
    qtbot.mouseClick(page.filters.search, Qt.MouseButton.LeftButton)  # under way …
    news = ChangeSet(10**6, 10**6, (Change("batch", "1", 10**6),))
    controller.ctx.events.records_changed.emit(news)  # … when another station's news arrives
    qtbot.waitUntil(lambda: len(loads) == 2, timeout=5000)  # the search, then the news
    qtbot.wait(200)
    assert len(loads) == 2 and {r.subject_type for r in page.model.rows} == {"batch"}


def test_an_open_destruction_says_the_unit_was_destroyed_elsewhere(
    qtbot: QtBot, controller: AppController, demo_core: Core, other_station: Core
) -> None:
    number, batch_id = filled_batch(demo_core, units=1, location="T-03/R2/B5")
    demo_core.quality.release.reject_batch(
        batch_id=batch_id, reason="mycoplasma positive", username="chen", password=PASSWORD
    )
    din = _din_of(demo_core, batch_id)
    sign_in(qtbot, controller, "wang")
    dialog = DestroyUnitDialog(controller.ctx, din, controller.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.watch is not None and dialog.watch.version is not None)
    qtbot.wait(300)  # the look on opening: nothing changed
    assert dialog.sign_button.isEnabled() and not dialog.outdated
    with qtbot.waitSignal(dialog.watch.changed, timeout=10000):
        other_station.chain.disposal.destroy_unit(
            actor="wang",
            password=PASSWORD,
            unit_code=din,
            reason="rejected",
            method=next(iter(DestructionMethod)).value,
            witness="chen",
            witness_password=PASSWORD,
        )
    text = dialog.error.text()
    assert f"product unit {din} was set to " in text and " at LBL-02 at " in text, text
    assert not dialog.sign_button.isEnabled()
    qtbot.keyClicks(dialog.username, "zhao")  # a proper witness enables nothing now
    assert not dialog.sign_button.isEnabled() and dialog.error.text() == text
    assert number in dialog.summary.text()


def _din_of(core: Core, batch_id: int) -> str:
    with core.uow() as uow:
        return str(
            uow.session.scalars(
                select(ProductUnit.din).where(ProductUnit.batch_id == batch_id)
            ).one()
        )


def test_the_audit_page_shows_an_export_elsewhere_though_no_record_changed(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    """An export changes no record (no STATE entry), yet the desk reading the trail sees it."""
    page = _audit(qtbot, controller)
    newest = page.model.rows[0].seq
    with qtbot.waitSignal(page.loaded, timeout=10000):  # no click
        other_station.reports.record_export(
            actor="wang",
            kind="trace_report",
            subject="B-1",
            file_name="trace.pdf",
            rows=3,
            file_format="pdf",
        )
    top = page.model.rows[0]
    assert top.seq > newest and (top.action, top.actor) == ("export", "wang")
