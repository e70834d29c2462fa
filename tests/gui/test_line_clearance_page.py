"""Line clearance on the cleanroom page, end to end: the workspace needs clearance, the
operator ticks the checklist and signs, the performer is refused as verifier, a second person
verifies; the batch starts, is worked on, finishes, and the workspace needs clearance again.
Status is shown in glyph and words; core refusals appear in the dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.context import AppContext
from gui.dialogs.form import FormDialog
from gui.dialogs.line_clearance import ClearanceVerifierDialog, LineClearanceDialog
from gui.events import AppEvents
from gui.i18n import LANGUAGE
from gui.pages.cleanroom.page import CleanroomPage
from gui.station import StationConfig
from models.cleanroom.line_clearance import WorkspaceState
from models.core import Core
from tests.gui.gui_helpers import PASSWORD, sign_in
from tests.gui.scenario import new_batch

ROOM = "C-201/BSC-02"


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path) -> AppContext:
    station = StationConfig(name="CR-01", role="cleanroom")
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


def open_page(qtbot: QtBot, controller: AppController, batch: str) -> CleanroomPage:
    sign_in(qtbot, controller, "wang")
    page = controller.window.show_page("cleanroom")
    assert isinstance(page, CleanroomPage)
    qtbot.waitUntil(lambda: page.work is not None and bool(page.workspaces.statuses), timeout=5000)
    page.select_batch(batch)
    page.workspaces.select(ROOM)
    qtbot.waitUntil(lambda: page.selected_batch() is not None, timeout=5000)
    assert page.workspaces.selected() is not None
    return page


def room_state(page: CleanroomPage) -> tuple[str, str]:
    """(raw state, what the operator reads) of the room's row."""
    [row] = [r for r, s in enumerate(page.workspaces.statuses) if s.code == ROOM]
    item = page.workspaces.table.item(row, 2)
    return item.data(256), item.text()


def visible_form(page: CleanroomPage) -> FormDialog:
    [dialog] = [d for d in page.findChildren(FormDialog) if d.isVisible()]
    return dialog


def click(qtbot: QtBot, page: CleanroomPage, name: str) -> None:
    button = page.workspaces.buttons[name]
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_clear_start_work_finish_through_the_screen(
    qtbot: QtBot, controller: AppController, demo_core: Core
) -> None:
    demo_core.line_clearance.add_workspace(actor="admin", code=ROOM, name="Suite C-201")
    batch = new_batch(demo_core)
    page = open_page(qtbot, controller, batch)
    panel = page.workspaces
    assert room_state(page) == (WorkspaceState.NEEDS_CLEARANCE, "⚠ Needs line clearance")
    assert not panel.buttons["start"].isEnabled() and not panel.buttons["finish"].isEnabled()
    assert panel.buttons["add_workspace"].isHidden()  # wang is an operator, not admin/QA

    # Work on a batch outside a workspace is refused by the core, shown in the dialog.
    qtbot.mouseClick(page.buttons["record_step"], Qt.MouseButton.LeftButton)
    step_dialog = visible_form(page)
    qtbot.keyClicks(step_dialog.inputs["password"], PASSWORD)
    qtbot.mouseClick(step_dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(step_dialog.warning.isVisible, timeout=5000)
    assert "has not been started in a workspace" in step_dialog.warning.text()
    step_dialog.reject()

    # The checklist: nothing goes to the verifier until every item is confirmed.
    click(qtbot, page, "clearance")
    [dialog] = [d for d in panel.findChildren(LineClearanceDialog) if d.isVisible()]
    boxes = dialog.findChildren(QCheckBox)
    assert len(boxes) == 5  # a new workspace: no residual-infection item
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "Not confirmed" in dialog.error.text()
    assert dialog.verifier_dialog is None
    for box in boxes:
        box.setChecked(True)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    verifier = dialog.verifier_dialog
    assert isinstance(verifier, ClearanceVerifierDialog) and verifier.isVisible()

    # Four eyes: the performer cannot verify; a role that may not verify is refused by the
    # core (in Chinese when the user works in Chinese); the verifier signs.
    qtbot.keyClicks(verifier.username, "wang")
    assert not verifier.sign_button.isEnabled() and "second person" in verifier.error.text()
    verifier.username.clear()
    qtbot.keyClicks(verifier.username, "liu")
    qtbot.keyClicks(verifier.password, PASSWORD)
    LANGUAGE.switch("zh")
    qtbot.mouseClick(verifier.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(verifier.sign_button.isEnabled, timeout=5000)
    assert "无权" in verifier.error.text() and verifier.isVisible()
    LANGUAGE.switch("en")
    assert room_state(page)[0] == WorkspaceState.NEEDS_CLEARANCE
    verifier.username.clear()
    qtbot.keyClicks(verifier.username, "zhao")
    qtbot.keyClicks(verifier.password, PASSWORD)
    qtbot.mouseClick(verifier.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "recorded and verified" in page.status.text(), timeout=5000)
    assert not dialog.isVisible() and not verifier.isVisible()
    qtbot.waitUntil(lambda: room_state(page)[0] == WorkspaceState.CLEARED, timeout=5000)
    assert room_state(page)[1].startswith("✔ Cleared")

    # Start the chosen batch here: the room shows who is in it.
    page.workspaces.select(ROOM)
    click(qtbot, page, "start")
    form = visible_form(page)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "started" in page.status.text(), timeout=5000)
    qtbot.waitUntil(lambda: room_state(page)[0] == WorkspaceState.OCCUPIED, timeout=5000)
    assert room_state(page)[1] == f"✖ Occupied by batch {batch}"
    assert not panel.buttons["clearance"].isEnabled()

    # Now the step is accepted.
    page.select_batch(batch)
    qtbot.mouseClick(page.buttons["record_step"], Qt.MouseButton.LeftButton)
    step_dialog = visible_form(page)
    qtbot.keyClicks(step_dialog.inputs["password"], PASSWORD)
    qtbot.mouseClick(step_dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Step recorded" in page.status.text(), timeout=5000)

    # Finish: the room needs clearance again, naming the batch it must be cleared after.
    page.workspaces.select(ROOM)
    click(qtbot, page, "finish")
    form = visible_form(page)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "clear the line next" in page.status.text(), timeout=5000)
    qtbot.waitUntil(lambda: room_state(page)[0] == WorkspaceState.NEEDS_CLEARANCE, timeout=5000)
    assert room_state(page)[1] == f"⚠ Needs line clearance (after batch {batch})"
    page.workspaces.select(ROOM)
    assert not panel.buttons["start"].isEnabled()


def test_no_workspaces_registered_says_so(
    qtbot: QtBot, controller: AppController, demo_core: Core
) -> None:
    page = open_page_without_workspaces(qtbot, controller)
    assert page.workspaces.table.isHidden() and not page.workspaces.empty.isHidden()
    assert "No workspaces" in page.workspaces.empty.text()


def open_page_without_workspaces(qtbot: QtBot, controller: AppController) -> CleanroomPage:
    sign_in(qtbot, controller, "wang")
    page = controller.window.show_page("cleanroom")
    assert isinstance(page, CleanroomPage)
    qtbot.waitUntil(lambda: page.work is not None, timeout=5000)
    qtbot.waitUntil(lambda: not page.workspaces.empty.isHidden(), timeout=5000)
    return page
