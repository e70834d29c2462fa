"""Issue 14: sign-in by keyboard, passwords never taken for scans, a lock that hides the data,
pages disconnected when the station role changes, and the demo's accounts on the sign-in screen.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from gui_helpers import PASSWORD, sign_in, wedge_scan
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.scan_router import asks_for_credentials
from models.core import open_core
from models.demo.marker import demo_accounts, is_demo
from models.identity.passwords import fast_passwords_for_tests


def test_the_user_name_completes_inline_and_a_full_name_stays_as_typed(
    qtbot: QtBot, controller: AppController
) -> None:
    login = controller.show_login()
    completer = login.username.completer()
    assert completer is not None
    assert completer.completionMode() == QCompleter.CompletionMode.InlineCompletion
    qtbot.keyClicks(login.username, "li")
    assert login.username.text() == "li"  # not completed into "liu"
    popup = completer.popup()  # inline mode makes none: no window to take the keys
    assert popup is None or not popup.isVisible()


def test_enter_in_the_user_name_moves_to_the_password_without_a_failed_sign_in(
    qtbot: QtBot, controller: AppController
) -> None:
    login = controller.show_login()
    login.activateWindow()
    qtbot.waitExposed(login)
    qtbot.keyClicks(login.username, "wang")
    qtbot.keyClick(login.username, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert not login.error.isVisible()  # no attempt with an empty password was made
    assert login.username.text() == "wang"
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(controller.window.isVisible, timeout=5000)
    assert controller.ctx.username == "wang"


def test_a_fast_password_at_sign_in_stays_in_its_field_and_is_never_routed(
    qtbot: QtBot, controller: AppController
) -> None:
    routed: list[str] = []
    controller.capture.scanned.connect(routed.append)
    login = controller.show_login()
    login.username.setText("chen")
    wedge_scan(login.password, PASSWORD)  # a password manager types it in one burst + Enter
    qtbot.waitUntil(controller.window.isVisible, timeout=5000)
    assert routed == [] and controller.ctx.username == "chen"


def test_scan_capture_never_sees_a_password_field_anywhere(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    routed: list[str] = []
    controller.capture.scanned.connect(routed.append)
    secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)  # e.g. a signature dialog's
    qtbot.addWidget(secret)
    assert asks_for_credentials(secret)
    wedge_scan(secret, "Secret-burst-99")
    assert secret.text() == "Secret-burst-99"  # stays in the field, nothing restored
    assert routed == []
    assert "Secret" not in controller.window.scan_status.text()


def test_the_lock_replaces_the_whole_window_and_a_fast_password_unlocks_silently(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    window = controller.window
    audit = window.show_page("audit")
    status_before = window.scan_status.text()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    screen = window.lock.screen
    assert screen is not None and window.screens.currentWidget() is screen
    assert not audit.isVisible() and not window.user_label.isVisible()  # nothing of the data
    assert not window.scan_status.isVisible()
    assert asks_for_credentials(screen.password) and asks_for_credentials(screen.unlock_button)
    with qtbot.waitSignal(window.lock.unlocked, timeout=5000):
        wedge_scan(screen.password, PASSWORD)
    assert window.scan_status.text() == status_before  # no "Nothing found for <password>"
    assert audit.isVisible()


def test_another_users_badge_refusal_is_shown_in_full(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    window = controller.window
    window.resize(1280, 800)
    window.lock.lock()
    screen = window.lock.screen
    assert screen is not None
    wedge_scan(screen.password, "BADGE-LI")
    qtbot.waitUntil(screen.error.isVisible, timeout=5000)
    qtbot.wait(50)  # one layout pass
    error = screen.error
    assert "Li Hua" in error.text() and "Chen Jing" in error.text()
    assert error.height() >= error.heightForWidth(error.width())  # not cut off
    assert window.lock.is_locked


def test_open_dialogs_are_hidden_while_locked_and_come_back(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.ctx.user = None
    sign_in(qtbot, controller, "admin")
    window = controller.window
    dialog = window.open_station_settings()
    qtbot.waitExposed(dialog)
    window.lock.lock()
    assert not dialog.isVisible()
    screen = window.lock.screen
    assert screen is not None
    with qtbot.waitSignal(window.lock.unlocked, timeout=5000):
        wedge_scan(screen.password, PASSWORD)
    assert dialog.isVisible()
    dialog.reject()


def test_changing_the_station_role_twice_then_signing_in_raises_nothing(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "admin")
    window = controller.window
    ctx = controller.ctx
    old_release = window.pages["release"]
    for role in ("cleanroom", "qa"):
        ctx.station = ctx.station.with_changes(role=role)
        window._on_station_saved()  # what the station dialog's OK does
    qtbot.wait(50)  # the replaced pages are deleted
    assert window.pages["release"] is not old_release
    with qtbot.captureExceptions() as exceptions, warnings.catch_warnings():
        warnings.simplefilter("error")
        qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: controller.login is not None and controller.login.isVisible())
        sign_in(qtbot, controller, "chen")
        ctx.events.records_changed.emit("audit")
        qtbot.wait(100)
    assert exceptions == []
    assert controller.ctx.username == "chen"


def test_the_demo_sign_in_screen_names_the_demo_accounts(
    qtbot: QtBot, controller: AppController
) -> None:
    login = controller.show_login()
    assert not login.demo.isHidden()
    for name in ("wang", "chen", "zhao"):
        assert name in login.demo.text()
    assert PASSWORD in login.demo.text()


def test_a_database_that_is_not_the_demo_says_nothing_of_demo_accounts(tmp_path: Path) -> None:
    core = open_core(f"sqlite:///{tmp_path / 'site.db'}", passwords=fast_passwords_for_tests())
    try:
        assert not is_demo(core) and demo_accounts(core) == ()
    finally:
        core.close()
