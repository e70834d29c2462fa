"""The double-check as a person does it, each step one user action, counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.dialogs.double_check import DoubleCheckDialog
from models.demo.build import demo_badge
from tests.gui.gui_helpers import PASSWORD, wedge_scan


class Actions:
    """Counts what the user does: a scan, a click, a typed field are one action each."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot, self.count = qtbot, 0

    def scan(self, widget: object, text: str) -> None:
        self.count += 1
        wedge_scan(widget, text)  # type: ignore[arg-type]

    def click(self, button: object) -> None:
        self.count += 1
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]

    def type(self, widget: object, text: str) -> None:
        self.count += 1
        self.qtbot.keyClicks(widget, text)  # type: ignore[arg-type]


def scan_label(qtbot: QtBot, acts: Actions, dialog: DoubleCheckDialog, scan: str) -> None:
    with qtbot.waitSignal(dialog.compared, timeout=5000):
        acts.scan(dialog.scan, scan)


def confirm_and_badge(
    qtbot: QtBot, acts: Actions, dialog: DoubleCheckDialog, verifier: str = "zhao"
) -> None:
    """Both eye groups confirmed with one press each, then the verifier's badge."""
    acts.click(dialog.text_group.confirm_button)
    acts.click(dialog.label_group.confirm_button)
    acts.scan(dialog.signer.badge, demo_badge(verifier))
    qtbot.waitUntil(lambda: dialog.signer.username == verifier, timeout=5000)


def pass_check(qtbot: QtBot, dialog: DoubleCheckDialog, scan: str, verifier: str = "zhao") -> int:
    """A matching label checked and signed; returns the number of user actions it took."""
    acts = Actions(qtbot)
    scan_label(qtbot, acts, dialog, scan)
    confirm_and_badge(qtbot, acts, dialog, verifier)
    acts.type(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.verified, timeout=5000):
        acts.click(dialog.submit_button)
    return acts.count
