"""The double-check around the scan, through the widgets: a matching label in six counted
actions, a wrong label stopped the moment it is scanned, the verifier's badge + password
(the station's user stays signed in), the "not ticked" warning following the ticks, and the
units of a request unticked afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.app import AppController
from tests.gui.double_check_steps import Actions, confirm_and_badge, pass_check, scan_label
from tests.gui.gui_helpers import PASSWORD, wedge_scan
from tests.gui.test_label_station import (  # noqa: F401 - fixtures
    ctx,
    datamatrix_scan,
    open_check,
    open_station,
    request_and_print,
    zebra,
)


def test_a_matching_label_takes_six_actions_and_the_station_user_stays(
    qtbot: QtBot, controller: AppController
) -> None:
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=1)
    label_id = page.label_rows[0].id
    dialog = open_check(qtbot, page, label_id)
    assert not dialog.text_group.isEnabled()  # nothing to tick before the scan matched
    actions = pass_check(qtbot, dialog, datamatrix_scan(page.ctx.core, label_id))
    assert actions <= 6, actions
    matched = dialog.matched.text()
    assert "✔ DIN" in matched and "Matched by the scan" in matched and "✖" not in matched
    # the symbol's fields are not ticked by the person; the eye-only ones and the label are
    assert "din" not in dialog.checks and "expiry_local" not in dialog.checks
    assert {"batch_number", "print_quality", "right_container"} <= set(dialog.checks)
    qtbot.waitUntil(lambda: page.label_rows[0].state == "verified", timeout=5000)
    assert controller.ctx.username == "wang"  # zhao signed without switching user


def test_a_wrong_label_stops_the_line_on_the_scan_with_nothing_to_tick(
    qtbot: QtBot, controller: AppController
) -> None:
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=2)
    first, second = sorted(r.id for r in page.label_rows if r.state == "printed")
    dialog = open_check(qtbot, page, first)
    with qtbot.waitSignal(dialog.stopped, timeout=5000) as stopped:
        wedge_scan(dialog.scan, datamatrix_scan(page.ctx.core, second))  # one action: the scan
    assert stopped.args[0].deviation_id is not None
    assert dialog.stop_banner.isVisible() and "STOP THE LINE" in dialog.stop_banner.text()
    assert not any(box.isVisible() for box in dialog.checks.values())
    assert not dialog.submit_button.isVisible() and not dialog.signer.isEnabled()
    qtbot.waitUntil(lambda: bool(page.job_rows) and page.job_rows[0].line_stopped, timeout=5000)
    assert next(r for r in page.label_rows if r.id == first).state == "rejected"


def test_the_not_ticked_warning_follows_the_ticks(qtbot: QtBot, controller: AppController) -> None:
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=1)
    label_id = page.label_rows[0].id
    dialog = open_check(qtbot, page, label_id)
    acts = Actions(qtbot)
    scan_label(qtbot, acts, dialog, datamatrix_scan(page.ctx.core, label_id))
    acts.scan(dialog.signer.badge, "BADGE-ZHAO")
    qtbot.waitUntil(lambda: dialog.signer.username == "zhao", timeout=5000)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    total = len(dialog.checks)
    assert dialog.message.text().startswith(f"✖ {total} item(s) not ticked")
    assert dialog.submit_button.text() == "Report mismatch"
    qtbot.mouseClick(dialog.text_group.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("✖ 2 item(s) not ticked")  # the count follows
    dialog.checks["print_quality"].setChecked(True)
    assert dialog.message.text().startswith("✖ 1 item(s) not ticked")
    dialog.checks["right_container"].setChecked(True)
    assert not dialog.message.isVisible()
    assert dialog.submit_button.text() == "Sign double-check"
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.verified, timeout=5000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)


def test_a_wrong_password_is_refused_and_can_be_retyped(
    qtbot: QtBot, controller: AppController
) -> None:
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=1)
    label_id = page.label_rows[0].id
    dialog = open_check(qtbot, page, label_id)
    acts = Actions(qtbot)
    scan_label(qtbot, acts, dialog, datamatrix_scan(page.ctx.core, label_id))
    confirm_and_badge(qtbot, acts, dialog)
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert dialog.submit_button.isEnabled() and page.label_rows[0].state == "printed"
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.verified, timeout=5000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)


def test_requested_units_are_unticked_so_the_next_request_is_new(
    qtbot: QtBot, controller: AppController
) -> None:
    page = open_station(qtbot, controller)
    request_and_print(qtbot, page, units=2)
    qtbot.waitUntil(lambda: not page.requests.checked_unit_ids(), timeout=5000)
    request_and_print(qtbot, page, units=1)  # refused as a reprint before the fix
    assert len(page.job_rows) >= 2
