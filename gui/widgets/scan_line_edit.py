"""A line edit for scanners: keeps the GS1 group separator and emits ``scanned`` on Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

GS = "\x1d"


class ScanLineEdit(QLineEdit):
    """QLineEdit silently drops 0x1D (sent as Ctrl+]); this keeps it (stack-notes §2).

    The global ScanCapture leaves this widget alone: what is scanned into it is its own.
    """

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("scanTarget", True)
        self.returnPressed.connect(self._on_return)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.text() == GS:
            self.insert(GS)
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # The scanner's Enter ends the scan; it must never press a dialog's default
            # button (QLineEdit passes Enter on to the dialog otherwise).
            event.accept()

    def _on_return(self) -> None:
        text = self.text()
        if text.strip():
            self.scanned.emit(text)
            self.selectAll()  # the next scan replaces it; the operator still sees what was read

    def display_text(self) -> str:
        """The value with the invisible GS shown as <GS> for humans."""
        return self.text().replace(GS, "<GS>")


def visible(text: str) -> str:
    return text.replace(GS, "<GS>")
