"""PySide6 6.12.0 + CPython 3.11 loses a None reference per void Qt call (stack-notes §1)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText(str(i))  # returns void
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references: PySide6 6.12 bug?"
