"""Witnessed destruction from the trace desk, end to end: select a unit of a rejected batch,
open the dialog, be refused (same person, untrue reason), destroy it, see it destroyed in
the trace and gone from the home page's list of units awaiting destruction."""

from __future__ import annotations

from gui_helpers import PASSWORD, sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot
from scenario import filled_batch
from sqlalchemy import select

from gui.app import AppController
from gui.dialogs.destroy_unit import DestroyUnitDialog
from gui.pages.home.page import HomePage
from gui.pages.trace.page import TracePage
from models.core import Core
from models.entities.logistics import CustodyEvent, CustodyEventKind
from models.entities.production import Disposition, ProductUnit

TANK = "T-03/R2/B5"  # a general (non-infectious) demo storage position


def _rejected_batch(core: Core) -> tuple[str, list[str]]:
    number, batch_id = filled_batch(core, units=2, location=TANK)
    core.quality.release.reject_batch(
        batch_id=batch_id, reason="mycoplasma positive", username="chen", password=PASSWORD
    )
    with core.uow() as uow:
        dins = uow.session.scalars(
            select(ProductUnit.din).where(ProductUnit.batch_id == batch_id).order_by("id")
        ).all()
    return number, list(dins)


def _item(page: TracePage, identifier: str) -> QTreeWidgetItem:
    items = page.tree.findItems(
        identifier, Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
    )
    assert items, identifier
    return items[0]


def _sign(qtbot: QtBot, dialog: DestroyUnitDialog, witness: str, reason: str) -> None:
    dialog.reason.setCurrentIndex(dialog.reason.findData(reason))
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, witness)
    qtbot.keyClicks(dialog.own_password, PASSWORD)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def test_operator_destroys_a_rejected_unit_from_the_trace(
    qtbot: QtBot, controller: AppController
) -> None:
    core = controller.ctx.core
    batch, dins = _rejected_batch(core)
    sign_in(qtbot, controller, "wang")
    page = controller.window.show_page("trace")
    assert isinstance(page, TracePage)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search_for(batch)

    assert not page.destroy_button.isEnabled()  # the batch is selected, not a unit
    page.tree.setCurrentItem(_item(page, dins[0]))
    qtbot.waitUntil(page.destroy_button.isEnabled, timeout=5000)
    qtbot.mouseClick(page.destroy_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(DestroyUnitDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.assessment is not None, timeout=5000)
    assert dialog.reason.currentData() == "rejected"  # the reason the records make true
    assert dins[0] in dialog.summary.text() and TANK in dialog.summary.text()

    qtbot.keyClicks(dialog.username, "wang")  # the performer cannot witness
    assert not dialog.sign_button.isEnabled() and "second person" in dialog.error.text()

    _sign(qtbot, dialog, "zhao", "expired")  # not true of an in-date unit
    qtbot.waitUntil(lambda: "cannot be destroyed as" in dialog.error.text(), timeout=5000)
    assert dialog.isVisible() and dialog.sign_button.isEnabled()
    assert dialog.own_password.text() == "" and dialog.password.text() == ""

    with qtbot.waitSignal(page.loaded, timeout=10000):
        _sign(qtbot, dialog, "zhao", "rejected")
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: "destroyed" in _item(page, dins[0]).text(2), timeout=5000)

    with core.uow() as uow:
        unit = uow.session.scalars(select(ProductUnit).where(ProductUnit.din == dins[0])).one()
        assert unit.disposition is Disposition.DESTROYED and unit.storage_location_id is None
        kinds = uow.session.scalars(
            select(CustodyEvent.kind).where(CustodyEvent.unit_id == unit.id)
        ).all()
        assert kinds[-1] is CustodyEventKind.DESTROYED

    home = controller.window.show_page("home")
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: home.awaiting_units is not None, timeout=5000)
    with qtbot.waitSignal(home.awaiting_loaded, timeout=5000) as loaded:
        home.refresh()
    listed = {u.din for u in loaded.args[0]}
    assert dins[1] in listed and dins[0] not in listed
    rows = [home.awaiting.item(r, 0).text() for r in range(home.awaiting.rowCount())]
    assert dins[1] in rows


def test_an_administered_unit_cannot_be_destroyed_from_the_dialog(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    page = controller.window.show_page("trace")
    assert isinstance(page, TracePage)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search_for("P-B-0017")  # the demo recipient: their unit was administered
    unit = page.tree.currentItem().parent()
    page.tree.setCurrentItem(unit)
    qtbot.waitUntil(page.destroy_button.isEnabled, timeout=5000)
    dialog = page.destroy_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.assessment is not None, timeout=5000)
    assert "administered" in dialog.error.text() and not dialog.sign_button.isEnabled()
    qtbot.keyClicks(dialog.username, "zhao")
    assert not dialog.sign_button.isEnabled()
    dialog.reject()
