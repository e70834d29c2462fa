"""Trace desk on the demo site: donor → units → recipients and back, sign-off, reports."""

from __future__ import annotations

import csv
import shutil
import subprocess
import unicodedata
from pathlib import Path

from gui_helpers import PASSWORD, sign_in, wedge_scan
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot
from scenario import batch_id, demo

from gui.app import AppController
from gui.dialogs.signoff import SignOffDialog
from gui.pages.trace.page import REF_ROLE, TracePage
from models.demo.chain import CAR_T_DONOR, CAR_T_STEPS, MSC_DONOR


def _page(qtbot: QtBot, ctrl: AppController, user: str = "chen") -> TracePage:
    sign_in(qtbot, ctrl, user)
    page = ctrl.window.show_page("trace")
    assert isinstance(page, TracePage)
    return page


def _search(qtbot: QtBot, page: TracePage, text: str) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        wedge_scan(page.search, text)


def _find(page: TracePage, identifier: str) -> QTreeWidgetItem:
    items = page.tree.findItems(
        identifier, Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
    )
    assert items, identifier
    return items[0]


def test_recipient_traces_back_to_the_donor_and_down_again(
    qtbot: QtBot, controller: AppController
) -> None:
    page = _page(qtbot, controller)
    number = demo(controller.ctx.core).msc_batch
    _search(qtbot, page, "P-B-0017")
    root = page.tree.topLevelItem(0)
    assert MSC_DONOR in root.text(0)
    current = page.tree.currentItem()
    assert "P-B-0017" in current.text(0) and current.font(0).bold()
    path = []
    while current:
        path.append(current.data(0, REF_ROLE).kind)
        current = current.parent()
    assert path == ["recipient", "unit", "batch", "collection", "donor"]
    assert "Recipient P-B-0017" in page.panel.title.text()

    batch = _find(page, number)
    assert "Released" in batch.text(1) and "✔" in batch.text(1)  # glyph + words, not colour alone
    assert batch.childCount() == 20  # twenty bags
    page.tree.setCurrentItem(batch)
    qtbot.waitUntil(lambda: number in page.panel.title.text(), timeout=5000)
    assert page.panel.steps.rowCount() == 5 and page.panel.steps.isVisible()

    with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
        page.tree.itemDoubleClicked.emit(_find(page, MSC_DONOR), 0)
    assert loaded.args[0].kind == "donor"
    with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert loaded.args[0].kind == "recipient"


def test_autologous_car_t_chain(qtbot: QtBot, controller: AppController) -> None:
    page = _page(qtbot, controller)
    _search(qtbot, page, "CT19-012")  # enrolment number of the CAR-T patient
    assert CAR_T_DONOR in page.tree.topLevelItem(0).text(0)
    assert _find(page, demo(controller.ctx.core).car_t_batch).childCount() == 3


def test_unknown_identifier_is_reported(qtbot: QtBot, controller: AppController) -> None:
    page = _page(qtbot, controller)
    page.search_for("XYZ-404")
    qtbot.waitUntil(page.message.isVisible, timeout=5000)
    assert "XYZ-404" in page.message.text()


def test_second_person_signs_off_a_step(qtbot: QtBot, controller: AppController) -> None:
    core = controller.ctx.core
    car_t = demo(core).car_t_batch
    core.steps.record_step(
        batch_id=batch_id(core, car_t),
        name="Final inspection",
        data={"bags": 3},
        username="wang",
        password=PASSWORD,
    )
    page = _page(qtbot, controller, "wang")
    _search(qtbot, page, car_t)
    steps = page.panel.steps
    row = next(r for r in range(steps.rowCount()) if steps.item(r, 0).text() == "Final inspection")
    assert "awaiting" in steps.item(row, 3).text()
    steps.selectRow(row)
    assert page.panel.sign_off.isEnabled()
    qtbot.mouseClick(page.panel.sign_off, Qt.MouseButton.LeftButton)
    dialog = page.findChild(SignOffDialog)
    assert dialog is not None and dialog.isVisible()

    qtbot.keyClicks(dialog.username, "wang")  # the performer cannot verify
    assert not dialog.sign_button.isEnabled() and "second person" in dialog.error.text()

    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "zhao")
    qtbot.keyClicks(dialog.password, "wrong-password-7")
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong user name or password" in dialog.error.text(), timeout=5000)

    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.signed, timeout=5000):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: steps.item(row, 3).text() == "zhao", timeout=5000)
    signatures = page.panel.audit.signatures
    signed = 2 * (len(CAR_T_STEPS) + 1)  # the demo's steps were signed and verified too
    qtbot.waitUntil(lambda: signatures.rowCount() == signed, timeout=5000)
    meanings = {signatures.item(r, 1).text() for r in (signed - 2, signed - 1)}
    assert meanings == {"performed", "verified"}
    assert "Zhao Lei" in signatures.item(signed - 1, 0).text()


def test_trace_report_and_batch_record_exports(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    page = _page(qtbot, controller)
    _search(qtbot, page, demo(controller.ctx.core).msc_batch)
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export("trace_csv", tmp_path / "trace.csv")
    with (tmp_path / "trace.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    kinds = [r[2] for r in rows[1:]]  # section, level, record type, …
    # the cord's two batches: 20 released bags and 10 in quarantine; one bag given so far
    assert kinds.count("unit") == 30 and kinds.count("recipient") == 1 and kinds[0] == "donor"

    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export("batch_pdf", tmp_path / "batch.pdf")
    pdf = tmp_path / "batch.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        text = unicodedata.normalize("NFKC", text)  # Noto CJK maps 人 to the radical ⼈
        assert "Batch record" in text and "Line clearance" in text
        assert "人脐带间充质干细胞注射液" in text  # Chinese product name embedded, not boxes


def test_a_record_changed_outside_celltrail_is_shown_above_the_tree(
    qtbot: QtBot, controller: AppController
) -> None:
    from sqlalchemy import text

    core = controller.ctx.core
    number = demo(core).msc_batch
    with core.engine.begin() as conn:
        conn.execute(text(f"UPDATE batch SET status = 'quarantine' WHERE number = '{number}'"))
    page = _page(qtbot, controller)
    _search(qtbot, page, "P-B-0017")
    assert page.message.isVisible()
    assert "RECORD INTEGRITY: batch" in page.message.text()
    assert "(status)" in page.message.text()
    assert page.tree.topLevelItemCount() == 1  # the trace itself is still shown


def test_a_batch_changed_outside_celltrail_is_marked_in_the_tree(
    qtbot: QtBot, controller: AppController
) -> None:
    """Issue 12: the forged record is marked where it stands in the tree, not only in the
    banner above it (a batch set to released by a DB browser)."""
    number = demo(controller.ctx.core).msc_batch
    with controller.ctx.core.engine.begin() as conn:  # a DB browser, no trigger in the way
        conn.exec_driver_sql(f"UPDATE batch SET created_by = 'mallory' WHERE number = '{number}'")
    page = _page(qtbot, controller)
    _search(qtbot, page, "P-B-0017")
    batch = _find(page, number)
    assert "changed outside CellTrail" in batch.text(1)
    assert not page.message.isHidden() and "Created by" in page.message.text()  # the banner too
    unit = batch.child(0)
    assert "changed outside CellTrail" not in unit.text(1)  # only the forged record
