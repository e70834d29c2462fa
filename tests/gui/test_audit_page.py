"""QA desk: filter the audit trail, read a record's trail, verify the chain, export CSV/PDF."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from gui_helpers import sign_in, wedge_scan
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot
from scenario import demo

from gui.app import AppController
from gui.pages.audit.page import AuditPageWidget
from models.demo.build import DEMO_STAFF


def _audit(qtbot: QtBot, ctrl: AppController) -> AuditPageWidget:
    sign_in(qtbot, ctrl, "sun")
    page = ctrl.window.pages["audit"]
    assert isinstance(page, AuditPageWidget)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        ctrl.window.show_page("audit")
    return page


def _search(qtbot: QtBot, page: AuditPageWidget) -> None:
    # generous: a loaded CI machine once took longer than 5 s right after a PDF export
    with qtbot.waitSignal(page.loaded, timeout=20000):
        qtbot.mouseClick(page.filters.search, Qt.MouseButton.LeftButton)


@pytest.mark.req("R-CSV-28")
def test_filters_by_user_action_record_and_time(qtbot: QtBot, controller: AppController) -> None:
    page = _audit(qtbot, controller)
    everything = page.page.total
    car_t = demo(controller.ctx.core).car_t_batch
    page.filters.select(page.filters.actor, "liu")
    _search(qtbot, page)
    # the nurse of Hospital B: her sign-in at the demo's station, 2 recipients, her
    # hospital's receipt (Hospital C's nurse receives its own), dispense ×2, thaw,
    # administration (signed)
    assert page.page.total == 9 and {r.actor for r in page.model.rows} == {"liu"}

    page.filters.select(page.filters.actor, None)
    page.filters.select(page.filters.action, "login")
    _search(qtbot, page)
    # newest first: this session's sign-in, then the staff's when the demo was built
    assert page.model.rows[0].subject_id == "sun"
    assert {r.subject_id for r in page.model.rows} == set(DEMO_STAFF)

    page.filters.select(page.filters.action, None)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        wedge_scan(page.filters.subject_id, car_t)  # scan into the record filter
    assert page.page.total >= 1
    assert all(car_t in r.subject_id for r in page.model.rows)

    page.filters.subject_id.clear()
    page.filters.use_until.setChecked(True)
    page.filters.until.setDateTime(QDateTime.currentDateTime().addDays(-1))
    _search(qtbot, page)
    assert page.page.total == 0 and "No entries" in page.pager.text()

    page.filters.use_until.setChecked(False)
    page.filters.use_since.setChecked(True)
    page.filters.since.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
    _search(qtbot, page)
    assert page.page.total == everything


@pytest.mark.req("R-CSV-28")
def test_selecting_an_entry_shows_that_records_trail(
    qtbot: QtBot, controller: AppController
) -> None:
    page = _audit(qtbot, controller)
    row = next(i for i, r in enumerate(page.model.rows) if r.subject_type == "shipment")
    page.table.selectRow(row)
    qtbot.waitUntil(
        lambda: page.trail.trail.rowCount() == 3, timeout=5000
    )  # create, dispatch, receipt
    assert "3" in page.trail.tabText(0)


def test_verify_reports_an_intact_chain(qtbot: QtBot, controller: AppController) -> None:
    page = _audit(qtbot, controller)
    with qtbot.waitSignal(page.verified, timeout=10000) as verified:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert verified.args[0].intact
    assert page.verify_result.text().startswith("✔")
    assert str(verified.args[0].entries_checked) in page.verify_result.text()


def test_verify_shows_the_tampered_entry(qtbot: QtBot, controller: AppController) -> None:
    with controller.ctx.core.engine.begin() as conn:  # what an attacker with file access does
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 3")
    page = _audit(qtbot, controller)
    with qtbot.waitSignal(page.verified, timeout=10000):
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert "BROKEN at entry 3" in page.verify_result.text()
    assert page.verify_result.property("ok") is False
    qtbot.waitUntil(lambda: page.table.currentIndex().isValid(), timeout=5000)
    marked = page.model.rows[page.table.currentIndex().row()]
    assert marked.seq == 3 and marked.actor == "mallory"
    assert page.model.data(page.model.index(page.table.currentIndex().row(), 0)) == "✖ 3"


def test_exports_csv_and_pdf_of_the_filtered_trail(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    page = _audit(qtbot, controller)
    page.filters.select(page.filters.subject_type, "product_unit")
    _search(qtbot, page)
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export(".csv", tmp_path / "extract.csv")
    with (tmp_path / "extract.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["section", "#", "Time", "User"]
    entries = [r for r in rows if r[0] == "Audit entries"]  # signatures and facts follow
    # the demo's unit records: two bags dispensed at Hospital B, one of them thawed
    assert len(entries) == 3 and {r[5] for r in entries} == {"product_unit"}

    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export(".pdf", tmp_path / "extract.pdf")
    pdf = tmp_path / "extract.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        given = demo(controller.ctx.core).msc_units[0]  # the bag thawed at the bedside
        assert "Audit trail extract" in text and given in text

    page.filters.select(page.filters.subject_type, None)
    _search(qtbot, page)  # the action list now offers "export" (it did not before the exports)
    page.filters.select(page.filters.action, "export")
    assert page.filters.action.currentData() == "export"
    _search(qtbot, page)  # the exports themselves are attributable
    exports = [r for r in page.model.rows if r.action == "export"]
    assert len(exports) == 2 and {r.actor for r in exports} == {"sun"}


def test_times_are_shown_in_local_time(qtbot: QtBot, controller: AppController) -> None:
    page = _audit(qtbot, controller)
    newest = page.model.rows[0]
    local = QDateTime.fromSecsSinceEpoch(int(newest.at.timestamp())).toLocalTime()
    assert page.model.data(page.model.index(0, 1)).endswith(local.toString("HH:mm:ss"))


def test_verify_names_a_record_changed_outside_celltrail(
    qtbot: QtBot, controller: AppController
) -> None:
    with controller.ctx.core.engine.begin() as conn:  # a DB browser, no trigger in the way
        conn.exec_driver_sql("UPDATE product_unit SET created_by = 'mallory' WHERE id = 1")
    page = _audit(qtbot, controller)
    with qtbot.waitSignal(page.verified, timeout=20000) as verified:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert verified.args[0].intact  # the chain itself is intact...
    text = page.verify_result.text()
    assert "RECORDS CHANGED OUTSIDE CELLTRAIL: 1 record(s)" in text  # ...the record is not
    assert "product unit 1: Created by changed outside CellTrail" in text
    assert page.verify_result.property("ok") is False
