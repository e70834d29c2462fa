"""The receiving station reaches consent and preparation requests (R-DON-11, R-RCV-01): a
consent version signed with the password, a request refused in place in the user's language,
a withdrawal that reports what is held and where."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.context import AppContext
from gui.dialogs.form import FormDialog
from gui.events import AppEvents
from gui.pages.cleanroom.page import CleanroomPage
from gui.station import StationConfig
from models.core import Core
from models.demo.chain import CAR_T_DONOR, MSC_DONOR
from tests.gui.gui_helpers import PASSWORD, sign_in


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path) -> AppContext:
    station = StationConfig(name="CR-01", role="cleanroom")
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


def _page(qtbot: QtBot, controller: AppController) -> CleanroomPage:
    sign_in(qtbot, controller, "wang")
    page = controller.window.show_page("cleanroom")
    assert isinstance(page, CleanroomPage)
    qtbot.waitUntil(lambda: page.work is not None, timeout=5000)
    return page


def _open(qtbot: QtBot, page: CleanroomPage, name: str) -> FormDialog:
    qtbot.mouseClick(page.buttons[name], Qt.MouseButton.LeftButton)
    [dialog] = [d for d in page.findChildren(FormDialog) if d.isVisible()]
    return dialog


@pytest.mark.req("R-DON-11")
def test_a_consent_version_is_signed_at_the_station(
    qtbot: QtBot, controller: AppController, demo_core: Core
) -> None:
    page = _page(qtbot, controller)
    dialog = _open(qtbot, page, "consent")
    qtbot.keyClicks(dialog.inputs["donor"], MSC_DONOR)
    qtbot.keyClicks(dialog.inputs["form"], "ICF-2027-01")
    qtbot.keyClicks(dialog.inputs["name"], "Zhang")
    scopes = dialog.inputs["scope"]
    assert isinstance(scopes, QListWidget)
    assert scopes.item(2).text() == "biosample storage"  # the catalogue's words
    for i in range(scopes.count()):
        scopes.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.inputs["password"], "wrong")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.warning.isVisible, timeout=5000)
    assert len(demo_core.chain.consents.show(MSC_DONOR).versions) == 1
    qtbot.keyClicks(dialog.inputs["password"], PASSWORD)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Consent recorded" in page.status.text(), timeout=5000)
    versions = demo_core.chain.consents.show(MSC_DONOR).versions
    assert versions[-1].form_version == "ICF-2027-01" and versions[-1].supersedes_id


@pytest.mark.req("R-RCV-01")
def test_an_incomplete_car_t_request_is_refused_in_place(
    qtbot: QtBot, controller: AppController
) -> None:
    page = _page(qtbot, controller)
    dialog = _open(qtbot, page, "request")
    for key, text in (("code", "PR-X"), ("collection", "CL-0031-01"), ("basics", "b")):
        qtbot.keyClicks(dialog.inputs[key], text)
    for key in ("clinical", "screening", "plan"):
        qtbot.keyClicks(dialog.inputs[key], "x")
    car_t = dialog.inputs["car_t"]
    assert isinstance(car_t, QCheckBox)
    car_t.setChecked(True)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.warning.isVisible, timeout=5000)
    assert "initials" in dialog.warning.text() and dialog.isVisible()


@pytest.mark.req("R-DON-11")
def test_withdrawal_reports_what_is_held(
    qtbot: QtBot, controller: AppController, demo_core: Core
) -> None:
    page = _page(qtbot, controller)
    dialog = _open(qtbot, page, "withdraw_consent")
    qtbot.keyClicks(dialog.inputs["donor"], CAR_T_DONOR)
    qtbot.keyClicks(dialog.inputs["reason"], "patient withdrew")
    qtbot.keyClicks(dialog.inputs["password"], PASSWORD)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Consent withdrawn" in page.status.text(), timeout=5000)
    assert demo_core.chain.consents.show(CAR_T_DONOR).versions[-1].withdrawn_at is not None
