"""Sign-in, lock-out messages, auto-lock after inactivity and unlock by the same user only."""

from __future__ import annotations

import pytest
from gui_helpers import PASSWORD, sign_in, wedge_scan
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from gui.app import AppController
from models.entities.accounts import User
from models.entities.audit import AuditEntry


def _try(qtbot: QtBot, ctrl: AppController, username: str, password: str) -> str:
    login = ctrl.login or ctrl.show_login()
    login.username.setText(username)
    qtbot.keyClicks(login.password, password)
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: login.error.isVisible() or ctrl.window.isVisible(), timeout=5000)
    qtbot.waitUntil(login.sign_in.isEnabled)
    return login.error.text()


def test_wrong_password_is_explained_and_nobody_is_signed_in(
    qtbot: QtBot, controller: AppController
) -> None:
    message = _try(qtbot, controller, "wang", "not-the-password-1")
    assert "Wrong user name or password" in message
    assert not controller.window.isVisible()
    assert controller.login is not None and controller.login.password.text() == ""


def test_repeated_failures_lock_the_account_with_a_clear_message(
    qtbot: QtBot, controller: AppController
) -> None:
    for _ in range(4):
        _try(qtbot, controller, "zhao", "wrong-password-9")
    message = _try(qtbot, controller, "zhao", "wrong-password-9")
    assert "locked after repeated failed sign-ins" in message
    assert "administrator" in _try(qtbot, controller, "zhao", PASSWORD)  # even the right one now


def test_sign_in_shows_the_main_window_for_that_user(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    assert controller.ctx.username == "chen"
    assert "Chen Jing" in controller.window.user_label.text()
    assert not controller.window.settings_button.isVisible()  # only admins configure stations


@pytest.mark.req("R-CSV-13")
def test_inactivity_locks_and_only_the_same_user_unlocks(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    lock = controller.window.lock
    lock.set_timeout_ms(50)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    dialog = lock.screen
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)  # Esc does not get past the lock
    assert lock.is_locked

    qtbot.keyClicks(dialog.password, PASSWORD.replace("1", "2"))  # someone else's / wrong password
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert lock.is_locked

    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked and controller.ctx.username == "chen"


def test_badge_unlocks_only_for_its_owner(qtbot: QtBot, controller: AppController) -> None:
    with controller.ctx.core.uow() as uow:
        for name, badge in (("chen", "BADGE-0004"), ("li", "BADGE-0005")):
            uow.session.execute(update(User).where(User.username == name).values(badge_code=badge))
        uow.commit()
    sign_in(qtbot, controller, "chen")
    controller.window.lock.lock()
    dialog = controller.window.lock.screen
    assert dialog is not None
    wedge_scan(dialog.password, "BADGE-0005")  # Li's badge, scanned into the one field
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert controller.window.lock.is_locked
    assert "Only" in dialog.error.text() and "sign" in dialog.error.text()
    with qtbot.waitSignal(controller.window.lock.unlocked, timeout=3000):
        wedge_scan(dialog.password, "BADGE-0004")  # Chen's own badge


def test_another_user_signs_the_locked_user_out_first(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    controller.window.lock.lock()
    dialog = controller.window.lock.screen
    assert dialog is not None
    qtbot.mouseClick(dialog.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.login is not None and controller.login.isVisible())
    assert controller.ctx.user is None and not controller.window.isVisible()
    login = controller.login
    assert login is not None
    qtbot.keyClicks(login.username, "li")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(controller.window.isVisible, timeout=5000)
    assert controller.ctx.username == "li"


def test_badge_scan_at_sign_in_identifies_the_user(qtbot: QtBot, controller: AppController) -> None:
    with controller.ctx.core.uow() as uow:
        uow.session.execute(
            update(User).where(User.username == "wang").values(badge_code="BADGE-0002")
        )
        uow.commit()
    login = controller.show_login()
    login.password.setText("half-typed")
    wedge_scan(login.username, "BADGE-0002")  # the scanner ends the code with Enter
    assert login.username.text() == "wang"
    assert login.password.text() == ""  # a half-typed password never goes with the badge
    assert login.password.hasFocus() or not login.isActiveWindow()
    assert "Wang Min" in login.error.text()


def _session_trail(ctrl: AppController, username: str) -> list[tuple[str, str | None]]:
    with ctrl.ctx.core.uow().reading() as uow:
        rows = uow.session.execute(
            select(AuditEntry.action, AuditEntry.reason)
            .where(AuditEntry.subject_id == username)
            .where(AuditEntry.action.in_(["login", "session_lock", "session_unlock", "logout"]))
            .order_by(AuditEntry.seq)
        ).all()
    return [(a, r) for a, r in rows]


def test_lock_unlock_and_sign_out_from_the_window_are_audited(
    qtbot: QtBot, controller: AppController
) -> None:
    before = len(_session_trail(controller, "chen"))  # chen's sign-in when the demo was built
    sign_in(qtbot, controller, "chen")
    qtbot.mouseClick(controller.window.lock_button, Qt.MouseButton.LeftButton)
    dialog = controller.window.lock.screen
    assert dialog is not None
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(controller.window.lock.unlocked, timeout=5000):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(controller.window.sign_out_button, Qt.MouseButton.LeftButton)
    expected = [
        ("login", None),
        ("session_lock", "manual"),
        ("session_unlock", "password"),
        ("logout", "manual"),
    ]
    qtbot.waitUntil(lambda: _session_trail(controller, "chen")[before:] == expected, timeout=5000)


def test_the_main_window_is_built_while_the_sign_in_window_waits(
    qtbot: QtBot, controller: AppController
) -> None:
    login = controller.show_login()
    assert controller.built_window is None  # the sign-in window never waits for the pages
    qtbot.waitUntil(lambda: controller.built_window is not None, timeout=5000)
    window = controller.built_window
    assert window is not None and not window.isVisible() and controller.ctx.user is None
    assert login.isVisible() and controller.login is login
    qtbot.keyClicks(login.username, "chen")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.isVisible, timeout=5000)
    assert controller.window is window and "Chen Jing" in window.user_label.text()


def test_a_sign_in_before_the_window_is_ready_builds_it_and_later_ones_show_it_again(
    qtbot: QtBot, controller: AppController
) -> None:
    login = controller.show_login()
    qtbot.keyClicks(login.username, "chen")
    qtbot.keyClicks(login.password, PASSWORD)
    assert controller.built_window is None
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: controller.built_window is not None and controller.built_window.isVisible(),
        timeout=5000,
    )
    window = controller.built_window
    assert window is not None and "Chen Jing" in window.user_label.text()

    qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.login is not None and controller.login.isVisible())
    assert not window.isVisible() and controller.ctx.user is None
    login = controller.login
    assert login is not None
    qtbot.keyClicks(login.username, "li")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.isVisible, timeout=5000)
    assert controller.window is window  # built once, shown again for the next user
    assert controller.ctx.username == "li" and "Li Hua" in window.user_label.text()
    assert "release" in window.pages and window.current_page() is window.pages["home"]


def test_no_main_window_is_built_once_the_sign_in_window_is_gone(
    qtbot: QtBot, controller: AppController
) -> None:
    login = controller.show_login()
    login.hide()
    qtbot.wait(600)  # past the moment the window would have been prepared
    assert controller.built_window is None
