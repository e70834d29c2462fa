"""Issue 14: at the label station a bag's DIN, scanned anywhere on the page, opens the
double-check of its printed label — in the shown batch or, switching to it, in another one;
a bag with no label awaiting a check gets a message, never the trace page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.context import AppContext
from gui.dialogs.double_check import DoubleCheckDialog
from gui.events import AppEvents
from gui.pages.label_station.page import LabelStationPage
from gui.station import StationConfig
from models.core import Core
from tests.fakes.printers import FakeZebraPrinter
from tests.gui.gui_helpers import wedge_scan
from tests.gui.test_label_station import open_station, request_and_print


@pytest.fixture
def zebra() -> Iterator[FakeZebraPrinter]:
    with FakeZebraPrinter(lifetime=120) as printer:
        yield printer


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path, zebra: FakeZebraPrinter) -> AppContext:
    station = StationConfig(name="LBL-01", role="label", printers=(zebra.url,))
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


def din_scan(din: str) -> str:
    """What a scanner reads from the bag's DIN bar code: "=" + 13 characters + flags."""
    assert len(din) == 13, din
    return f"={din}00"


def scan_opens_check(qtbot: QtBot, page: LabelStationPage, din: str) -> DoubleCheckDialog:
    wedge_scan(page.labels, din_scan(din))  # focus anywhere on the page, as a scanner types
    qtbot.waitUntil(lambda: page.scan_check.dialog is not None, timeout=5000)
    dialog = page.scan_check.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.checks), timeout=5000)
    return dialog


def test_scanned_bag_opens_the_check_of_its_label(qtbot: QtBot, controller: AppController) -> None:
    page = open_station(qtbot, controller)
    batch = page.report.batch_number if page.report else ""
    request_and_print(qtbot, page, units=2)
    first, second = sorted((r for r in page.label_rows if r.state == "printed"), key=lambda r: r.id)
    # The shown batch: the scanned bag's label, not the newest row, is checked.
    dialog = scan_opens_check(qtbot, page, first.din)
    assert dialog.label_id == first.id
    assert page.tables.selected_label_id == first.id
    assert controller.window.current_page() is page
    dialog.reject()
    page.scan_check.dialog = None

    # Another batch on screen: the station switches back to the label's batch, then opens it.
    other = next(i for i in range(page.batch_combo.count()) if i != page.batch_combo.currentIndex())
    page.batch_combo.setCurrentIndex(other)
    qtbot.waitUntil(lambda: page.report is not None and page.report.batch_number != batch)
    dialog = scan_opens_check(qtbot, page, second.din)
    assert dialog.label_id == second.id
    assert page.report is not None and page.report.batch_number == batch
    assert controller.window.current_page() is page


def test_bag_without_a_label_to_check_says_so(qtbot: QtBot, controller: AppController) -> None:
    page = open_station(qtbot, controller)
    unlabelled = next(
        page.units.item(i).text().split()[0]
        for i in range(page.units.count())
        if "[" not in page.units.item(i).text()
    )
    wedge_scan(page.labels, din_scan(unlabelled))
    qtbot.waitUntil(lambda: "awaits a double-check" in page.status.text(), timeout=5000)
    assert page.status.text() == f"No label of unit {unlabelled} awaits a double-check."
    assert page.scan_check.dialog is None
    assert controller.window.current_page() is page


def test_a_scan_into_an_open_dialog_opens_nothing_over_it(
    qtbot: QtBot, controller: AppController
) -> None:
    """A bag scanned while a dialog asks for something (a reason, say) lands in that dialog's
    field: no check and no trace opens on top of what the person is doing."""
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=1)
    label = next(r for r in page.label_rows if r.state == "printed")
    asking = QDialog(controller.window)
    field = QLineEdit(asking)
    asking.setModal(True)
    asking.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is asking, timeout=5000)
    wedge_scan(field, din_scan(label.din))
    assert page.scan_check.dialog is None
    assert controller.window.current_page() is page
    assert "dialog" in controller.window.scan_status.text()
    asking.reject()
