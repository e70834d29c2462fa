"""Helpers shared by the GUI tests: sign-in through the dialog and a keyboard-wedge scanner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.app import AppController
from models.demo.build import DEMO_PASSWORD

PASSWORD = DEMO_PASSWORD
GS = "\x1d"


def sign_in(qtbot: QtBot, ctrl: AppController, username: str, password: str = PASSWORD) -> None:
    login = ctrl.show_login()
    qtbot.keyClicks(login.username, username)
    qtbot.keyClicks(login.password, password)
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ctrl.window.isVisible, timeout=5000)


def key_event(ch: str) -> QKeyEvent:
    """One wedge keystroke; GS arrives as Ctrl+] (never via keyClicks: it aborts pytest)."""
    if ch == GS:
        return QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier, GS
        )
    if ch in "\r\n":
        return QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
        )
    return QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key(ord(ch.upper())), Qt.KeyboardModifier.NoModifier, ch
    )


def wedge_scan(widget: QWidget, text: str) -> None:
    """What a keyboard-wedge scanner does: the whole code in one burst, then Enter."""
    for ch in text + "\r":
        QApplication.sendEvent(widget, key_event(ch))
