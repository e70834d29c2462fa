"""Recovering a print job at the label station (issue 13, item 4), through the widgets.

A loopback Zebra with status off cannot confirm anything, so every label it was sent stays
UNCONFIRMED: the station says so, the operator scans what came out into the Recover dialog
as a keyboard-wedge scanner types it (a foreign label is refused and the list kept), and
confirming records those labels printed and frees the rest.  A job left PRINTING by a crash
is recovered with "Nothing came out".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.app import AppController
from gui.context import AppContext
from gui.dialogs.recover_job import RecoverJobDialog
from gui.events import AppEvents
from gui.i18n import LANGUAGE
from gui.pages.label_station.page import LabelStationPage
from gui.station import StationConfig
from models.core import Core
from models.entities.audit import AuditEntry
from models.entities.labeling import LabelState, PrintJobStatus
from tests.fakes.printers import CrashingPrinter, FakeZebraPrinter, SimulatedCrash
from tests.gui.gui_helpers import sign_in, wedge_scan
from tests.gui.scenario import demo
from tests.labeling.flow import datamatrix_of, job, labels_of


@pytest.fixture
def zebra() -> Iterator[FakeZebraPrinter]:
    with FakeZebraPrinter(behaviour="silent", lifetime=120) as printer:
        yield printer


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path, zebra: FakeZebraPrinter) -> AppContext:
    # status=off: a printer with no status support, so a person confirms every label
    station = StationConfig(name="LBL-01", role="label", printers=(zebra.url + "&status=off",))
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


def open_station(qtbot: QtBot, controller: AppController) -> LabelStationPage:
    sign_in(qtbot, controller, "wang")
    page = controller.window.show_page("labels")
    assert isinstance(page, LabelStationPage)
    qtbot.waitUntil(lambda: page.batch_id is not None, timeout=5000)
    batch = demo(controller.ctx.core).msc_batch  # the first 4 units labelled in the demo
    page.select_batch(batch)
    qtbot.waitUntil(lambda: page.report is not None and page.report.batch_number == batch)
    return page


def request(qtbot: QtBot, page: LabelStationPage, units: int) -> int:
    free = [i for i in range(page.units.count()) if "[" not in page.units.item(i).text()]
    for row in free[:units]:
        page.units.item(row).setCheckState(Qt.CheckState.Checked)
    page.template_combo.setCurrentIndex(page.template_combo.findText("LT-BAG", Qt.MatchStartsWith))
    before = len(page.job_rows)
    qtbot.mouseClick(page.request_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.job_rows) > before, timeout=5000)
    page.jobs.selectRow(0)
    return page.job_rows[0].id


def open_recovery(qtbot: QtBot, page: LabelStationPage) -> RecoverJobDialog:
    page.jobs.selectRow(0)
    assert page.recovery.button.isEnabled()
    dialog = page.recovery.recover()
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.awaiting), timeout=5000)
    return dialog


def scanner_types(qtbot: QtBot, dialog: RecoverJobDialog, code: str) -> None:
    """The scanner types into whatever has the keyboard focus: the dialog's scan field."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.scan, timeout=3000)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QWidget)
    wedge_scan(focused, code)


def test_unconfirmed_job_is_recovered_by_scanning_what_came_out(
    qtbot: QtBot, controller: AppController
) -> None:
    page = open_station(qtbot, controller)
    core = page.ctx.core
    job_id = request(qtbot, page, units=3)
    assert not page.recovery.button.isEnabled()  # requested: nothing to recover
    with qtbot.waitSignal(page.print_finished, timeout=20000):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert page.job_rows[0].status == "unconfirmed"
    assert "3 label(s) not confirmed by the printer" in page.status.text()
    assert page.recovery.banner.isVisibleTo(page)
    assert (
        f"Job {job_id}: 3 label(s) not confirmed by the printer — scan the labels that came out"
        in page.recovery.banner.text()
    )

    dialog = open_recovery(qtbot, page)
    first, second, third = labels_of(core, job_id)
    assert [label.id for label in dialog.awaiting] == [first.id, second.id, third.id]
    assert not dialog.confirm_button.isEnabled()  # say what came out first

    with qtbot.waitSignal(dialog.matched, timeout=5000):
        scanner_types(qtbot, dialog, datamatrix_of(core, first.id))
    din = dialog.awaiting[0].din
    assert f"Unit {din} (label {first.id}) came out" in dialog.scan_echo.text()

    foreign = next(r for r in page.label_rows if r.job_id != job_id and r.state != "unsent")
    with qtbot.waitSignal(dialog.refused, timeout=5000):
        scanner_types(qtbot, dialog, datamatrix_of(core, foreign.id))
    assert dialog.message.isVisibleTo(dialog)
    assert f"is no label of print job {job_id}" in dialog.message.text()
    assert list(dialog.scans) == [first.id]  # the list survived the refusal

    with qtbot.waitSignal(dialog.matched, timeout=5000):
        scanner_types(qtbot, dialog, datamatrix_of(core, third.id))
    assert list(dialog.scans) == [first.id, third.id]
    assert "2 label(s) will be recorded as printed, 1 freed to print again" in dialog.tally.text()
    assert dialog.isVisible()  # the scanner's Enter never confirmed the dialog

    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.job_rows[0].awaiting == 0, timeout=5000)
    assert [label.state for label in labels_of(core, job_id)] == [
        LabelState.PRINTED,
        LabelState.UNSENT,
        LabelState.PRINTED,
    ]
    assert job(core, job_id).status is PrintJobStatus.FAILED  # the freed unit prints again
    assert "2 label(s) recorded as printed, 1 freed to print again" in page.status.text()
    assert page.job_rows[0].status == "failed" and page.job_rows[0].awaiting == 0
    assert not page.recovery.banner.isVisibleTo(page)
    with core.uow() as uow:
        entries = [
            (e.subject_type, e.subject_id, e.action, e.new_value or "")
            for e in uow.session.scalars(select(AuditEntry).where(AuditEntry.actor == "wang"))
        ]
    subjects = {entry[:3] for entry in entries}
    assert ("printed_label", str(first.id), "print") in subjects
    assert ("printed_label", str(third.id), "print") in subjects
    assert ("printed_label", str(second.id), "transition") in subjects
    recovered = [e for e in entries if e[0] == "print_job" and '"recovered":true' in e[3]]
    assert [e[1] for e in recovered] == [str(job_id)], recovered


def test_interrupted_job_recovered_with_nothing_came_out(
    qtbot: QtBot, controller: AppController
) -> None:
    page = open_station(qtbot, controller)
    core = page.ctx.core
    job_id = request(qtbot, page, units=2)
    with pytest.raises(SimulatedCrash):  # the app died with the job claimed
        core.labeling.print_job(job_id=job_id, printer=CrashingPrinter(), actor="wang")
    page.refresh()
    qtbot.waitUntil(lambda: page.job_rows[0].status == "printing", timeout=5000)
    assert f"Job {job_id} was interrupted while printing" in page.recovery.banner.text()
    assert "2 label(s) not confirmed by the printer" in page.recovery.banner.text()
    LANGUAGE.switch("zh")  # the station speaks the operator's language (LanguageChange)
    banner = page.recovery.banner
    qtbot.waitUntil(lambda: f"任务 {job_id} 在打印过程中中断" in banner.text(), timeout=5000)
    assert "2 张标签未获打印机确认" in banner.text()
    assert page.recovery.button.text() == "恢复任务…"
    LANGUAGE.switch("en")
    qtbot.waitUntil(lambda: page.recovery.button.text() == "Recover job…", timeout=5000)

    dialog = open_recovery(qtbot, page)
    dialog.nothing.setChecked(True)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.job_rows[0].awaiting == 0, timeout=5000)
    assert {label.state for label in labels_of(core, job_id)} == {LabelState.UNSENT}
    assert job(core, job_id).status is PrintJobStatus.FAILED
    assert "0 label(s) recorded as printed, 2 freed to print again" in page.status.text()
    assert page.print_button.isEnabled()  # the freed labels print again
