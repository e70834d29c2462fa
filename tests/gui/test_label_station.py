"""Label station end to end through the widgets: request → print to a loopback Zebra →
double-check by a second user with a scanner burst → apply → reconciliation balanced; the
two refusals: the printer checking their own label, and a wrong label that stops the line; and
a spoiled label's life: void → witnessed destruction → reprint → QA approval → balanced."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.context import AppContext
from gui.dialogs.double_check import DoubleCheckDialog
from gui.dialogs.form import FormDialog
from gui.events import AppEvents
from gui.pages.label_station.page import LabelStationPage
from gui.station import StationConfig
from models.core import Core
from models.entities.labeling import PrintedLabel
from printing.content import mm_to_dots
from tests.fakes.printers import FakeZebraPrinter
from tests.gui.double_check_steps import Actions, confirm_and_badge, pass_check, scan_label
from tests.gui.gui_helpers import GS, PASSWORD, sign_in, wedge_scan
from tests.gui.scenario import demo, filled_batch


@pytest.fixture
def zebra() -> Iterator[FakeZebraPrinter]:
    with FakeZebraPrinter(lifetime=120) as printer:
        yield printer


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path, zebra: FakeZebraPrinter) -> AppContext:
    station = StationConfig(name="LBL-01", role="label", printers=(zebra.url,))
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


def open_station(qtbot: QtBot, controller: AppController) -> LabelStationPage:
    sign_in(qtbot, controller, "wang")
    page = controller.window.show_page("labels")
    assert isinstance(page, LabelStationPage)
    qtbot.waitUntil(lambda: page.batch_id is not None, timeout=5000)
    batch = demo(controller.ctx.core).msc_batch  # 20 units, the first 4 labelled in the demo
    page.select_batch(batch)
    qtbot.waitUntil(lambda: page.report is not None and page.report.batch_number == batch)
    return page


def request_and_print(qtbot: QtBot, page: LabelStationPage, units: int) -> int:
    """Tick the first ``units`` unlabelled units, request LT-BAG labels and print them."""
    free = [i for i in range(page.units.count()) if "[" not in page.units.item(i).text()]
    for row in free[:units]:
        page.units.item(row).setCheckState(Qt.CheckState.Checked)
    page.template_combo.setCurrentIndex(page.template_combo.findText("LT-BAG", Qt.MatchStartsWith))
    before = len(page.job_rows)
    qtbot.mouseClick(page.request_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.job_rows) > before, timeout=5000)
    job = page.job_rows[0]
    assert job.status == "requested" and job.units == units
    page.jobs.selectRow(0)
    assert page.print_button.isEnabled()
    with qtbot.waitSignal(page.print_finished, timeout=15000):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert page.job_rows[0].status == "printed", page.status.text()
    return job.id


def datamatrix_scan(core: Core, label_id: int) -> str:
    """What the scanner reads from the printed label's Data Matrix (AIM prefix ]d1)."""
    with core.uow() as uow:
        label = uow.session.get(PrintedLabel, label_id)
        assert label is not None
        content = json.loads(label.content_json)
    [data] = [e["data"] for e in content["elements"] if e.get("symbology") == "datamatrix"]
    return "]d1" + data


def select_label(page: LabelStationPage, label_id: int) -> None:
    row = next(i for i, r in enumerate(page.label_rows) if r.id == label_id)
    page.labels.selectRow(row)


def open_check(qtbot: QtBot, page: LabelStationPage, label_id: int) -> DoubleCheckDialog:
    select_label(page, label_id)
    assert page.label_actions.check_button.isEnabled()
    dialog = page.label_actions.double_check()
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.checks), timeout=5000)
    return dialog


def test_request_print_check_apply_balances(
    qtbot: QtBot, controller: AppController, zebra: FakeZebraPrinter
) -> None:
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=1)
    assert zebra.wait_for_connections(2)  # ~HI, then the label
    assert any(b"^XA" in job for job in zebra.jobs)
    label = page.label_rows[0]
    assert label.state == "printed"
    select_label(page, label.id)
    qtbot.waitUntil(lambda: page.preview.image is not None, timeout=5000)
    assert page.preview.image.width() == mm_to_dots(100, 203)  # the printer's own raster

    dialog = open_check(qtbot, page, label.id)
    assert dialog.preview.image is not None
    assert pass_check(qtbot, dialog, datamatrix_scan(page.ctx.core, label.id)) <= 6
    assert "Scanned: ]d1=+05000=A9990" in dialog.scan_echo.text()  # DIN … and the COI
    assert not dialog.unticked()
    qtbot.waitUntil(lambda: page.label_rows[0].state == "verified", timeout=5000)

    select_label(page, label.id)
    assert page.label_actions.apply_button.isEnabled()
    qtbot.mouseClick(page.label_actions.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.label_rows[0].state == "applied", timeout=5000)
    report = page.report
    assert report is not None and report.balanced and report.reconciled
    assert report.printed == report.applied == 5  # 4 from the demo history + this one
    assert page.banner.text().startswith("✔ Reconciled")
    assert page.banner.property("ok") is True


def test_printer_cannot_check_their_own_label(qtbot: QtBot, controller: AppController) -> None:
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=1)
    dialog = open_check(qtbot, page, page.label_rows[0].id)
    acts = Actions(qtbot)
    scan_label(qtbot, acts, dialog, datamatrix_scan(page.ctx.core, page.label_rows[0].id))
    confirm_and_badge(qtbot, acts, dialog, verifier="wang")
    assert not dialog.submit_button.isEnabled()
    assert "a second person must check it" in dialog.message.text()
    # The GUI's guard is a convenience: the core refuses too, and says why.
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: "✖" in dialog.message.text() and "wang" in dialog.message.text())
    assert dialog.isVisible() and page.label_rows[0].state == "printed"


def test_wrong_label_scanned_stops_the_line(qtbot: QtBot, controller: AppController) -> None:
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=2)
    first, second = sorted(r.id for r in page.label_rows if r.state == "printed")
    dialog = open_check(qtbot, page, first)
    # A GS1 code from another product: the GS survives the scanner field, the core refuses it.
    wedge_scan(dialog.scan, f"0109506000134352{GS}10LOT42")
    assert GS in dialog.scan.text()
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert "✖" in dialog.message.text()
    assert not dialog.submit_button.isEnabled()
    # Now the neighbouring bag's label: a real ISBT 128 scan of the wrong unit stops the
    # line the moment it is read, before any tick or signature.
    with qtbot.waitSignal(dialog.stopped, timeout=5000) as stopped:
        wedge_scan(dialog.scan, datamatrix_scan(page.ctx.core, second))
    assert not stopped.args[0].accepted
    assert not dialog.text_group.isVisible() and not dialog.submit_button.isVisible()
    assert dialog.stop_banner.isVisible()
    assert "STOP THE LINE" in dialog.stop_banner.text()
    assert f"DEV-LBL-{first}" in dialog.stop_banner.text()
    assert "does not carry this label's DIN" in dialog.stop_banner.text()
    qtbot.waitUntil(lambda: bool(page.job_rows) and page.job_rows[0].line_stopped, timeout=5000)
    assert "line stopped" in page.jobs.item(0, 5).text()
    assert next(r for r in page.label_rows if r.id == first).state == "rejected"
    assert page.report is not None and not page.report.reconciled
    assert page.banner.property("ok") is False


def check_and_apply(qtbot: QtBot, page: LabelStationPage, label_id: int) -> None:
    """zhao double-checks the printed label with the scanner, then wang applies it."""
    dialog = open_check(qtbot, page, label_id)
    pass_check(qtbot, dialog, datamatrix_scan(page.ctx.core, label_id))
    qtbot.waitUntil(lambda: label_state(page, label_id) == "verified", timeout=5000)
    select_label(page, label_id)
    assert page.label_actions.apply_button.isEnabled()
    qtbot.mouseClick(page.label_actions.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: label_state(page, label_id) == "applied", timeout=5000)


def label_state(page: LabelStationPage, label_id: int) -> str | None:
    return next((r.state for r in page.label_rows if r.id == label_id), None)


def submit_form(qtbot: QtBot, dialog: FormDialog) -> None:
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)


def refused(qtbot: QtBot, dialog: FormDialog, guard_text: str, core_text: str) -> None:
    """The GUI's guard warns and disables the button; forced anyway, the core refuses too."""
    assert not dialog.submit_button.isEnabled()
    assert guard_text in dialog.warning.text()
    dialog.submit()
    qtbot.waitUntil(lambda: core_text in dialog.warning.text(), timeout=5000)
    assert dialog.warning.text().startswith("✖") and dialog.isVisible()


def test_void_destroy_reprint_approve_reconciles(qtbot: QtBot, controller: AppController) -> None:
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=2)
    good, spoiled = sorted(r.id for r in page.label_rows if r.state == "printed")
    check_and_apply(qtbot, page, good)

    # Void the spoiled label, with a reason.
    select_label(page, spoiled)
    assert page.label_actions.void_button.isEnabled()
    void = page.label_actions.void()
    assert void is not None
    void.inputs["reason"].setPlainText("smudged print, ribbon crease")  # type: ignore[attr-defined]
    submit_form(qtbot, void)
    qtbot.waitUntil(lambda: label_state(page, spoiled) == "voided", timeout=5000)
    assert "voided" in page.status.text()
    assert page.report is not None and page.report.voided >= 1

    # Witnessed destruction: wang cannot witness his own; zhao signs.
    assert page.label_actions.destroy_button.isEnabled()
    destroy = page.label_actions.destroy()
    listing = destroy.inputs["labels"]
    assert isinstance(listing, QListWidget)
    [item] = [
        listing.item(i)
        for i in range(listing.count())
        if listing.item(i).text().startswith(f"{spoiled} ·")
    ]
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(destroy.inputs["witness"], "wang")
    qtbot.keyClicks(destroy.inputs["password"], PASSWORD)
    refused(qtbot, destroy, "a second person must", "wang performed this step")
    assert label_state(page, spoiled) == "voided"
    destroy.inputs["witness"].clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(destroy.inputs["witness"], "zhao")
    assert destroy.submit_button.isEnabled()
    qtbot.keyClicks(destroy.inputs["password"], PASSWORD)  # cleared after the refused try
    submit_form(qtbot, destroy)
    qtbot.waitUntil(lambda: label_state(page, spoiled) == "destroyed", timeout=5000)
    assert page.status.text() == "Destruction recorded."

    # Reprint request for the destroyed label's unit.
    select_label(page, spoiled)
    assert page.label_actions.reprint_button.isEnabled()
    reprint = page.label_actions.reprint()
    assert reprint is not None
    reprint.inputs["reason"].setPlainText("replacement for the spoiled label")  # type: ignore[attr-defined]
    submit_form(qtbot, reprint)
    qtbot.waitUntil(lambda: any(j.awaiting_reprint_approval for j in page.job_rows), timeout=5000)
    row, job = next((i, j) for i, j in enumerate(page.job_rows) if j.awaiting_reprint_approval)
    assert job.requested_by == "wang"
    page.jobs.selectRow(row)
    assert page.label_actions.approve_button.isEnabled()

    # QA approval: the requester cannot approve his own reprint; chen (QA) does.
    approve = page.label_actions.approve_reprint()
    assert approve is not None
    qtbot.keyClicks(approve.inputs["username"], "wang")
    qtbot.keyClicks(approve.inputs["password"], PASSWORD)
    refused(qtbot, approve, "a second person must", "wang performed this step")
    approve.inputs["username"].clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(approve.inputs["username"], "chen")
    qtbot.keyClicks(approve.inputs["password"], PASSWORD)
    submit_form(qtbot, approve)
    qtbot.waitUntil(
        lambda: not next(j for j in page.job_rows if j.id == job.id).awaiting_reprint_approval,
        timeout=5000,
    )

    # The approved reprint prints, is double-checked and applied: the batch balances.
    page.jobs.selectRow(next(i for i, j in enumerate(page.job_rows) if j.id == job.id))
    assert page.print_button.isEnabled()
    with qtbot.waitSignal(page.print_finished, timeout=15000):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    [reprinted] = [r.id for r in page.label_rows if r.state == "printed"]
    check_and_apply(qtbot, page, reprinted)
    report = page.report
    assert report is not None and report.balanced and report.reconciled
    assert report.destroyed == 1 and report.voided == 0
    assert report.printed == report.applied + report.destroyed
    assert page.banner.text().startswith("✔ Reconciled")
    assert "destroyed 1" in page.banner.text()
    assert page.banner.property("ok") is True


def test_a_vial_is_previewed_with_the_template_its_container_takes(
    qtbot: QtBot, controller: AppController
) -> None:
    """LT-BAG chosen, a cryovial clicked: the station switches to LT-VIAL (a bag label would
    be refused for it) and says so; the preview is the 50 × 30 mm vial label."""
    number, _ = filled_batch(controller.ctx.core, units=1, container="cryovial")
    sign_in(qtbot, controller, "wang")
    page = controller.window.show_page("labels")
    assert isinstance(page, LabelStationPage)
    qtbot.waitUntil(lambda: page.batch_id is not None, timeout=5000)
    assert page.select_batch(number)
    qtbot.waitUntil(lambda: page.report is not None and page.report.batch_number == number)
    page.template_combo.setCurrentIndex(page.template_combo.findText("LT-BAG", Qt.MatchStartsWith))
    page.units.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.template_combo.currentText().startswith("LT-VIAL "), timeout=5000)
    qtbot.waitUntil(
        lambda: page.preview.image is not None
        and page.preview.image.width() == mm_to_dots(50, 203),
        timeout=5000,
    )
    assert "LT-VIAL" in page.status.text()
