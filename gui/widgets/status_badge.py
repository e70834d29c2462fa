"""A label that shows a status as glyph + words on its colour (never colour alone)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableWidgetItem, QWidget

from gui.status_style import badge_stylesheet, status_text, style_for


class StatusBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBadge")
        self.status: str | None = None

    def set_status(self, status: str | None) -> None:
        self.status = status
        self.setText(status_text(status))
        self.setStyleSheet(badge_stylesheet(status))
        self.setVisible(bool(status))


def status_item(status: str | None) -> QTableWidgetItem:
    """A table cell with glyph, words and background for ``status``."""
    item = QTableWidgetItem(status_text(status))
    style = style_for(status)
    if style:
        item.setBackground(style.qcolor)
    item.setData(256, status)  # Qt.UserRole: the raw value, for tests and sorting
    return item
