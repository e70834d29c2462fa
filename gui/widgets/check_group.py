"""A group of items a person confirms on a label, each with its own tick box, and one button
that confirms the whole group when every item in it was looked at and matches.

Each item stays on screen and in the record on its own (the rule is item by item); the group
button only saves the clicks of ticking each.  Unticking one item is how a mismatch is
reported.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CheckGroup(QGroupBox):
    changed = Signal()

    def __init__(
        self, title: str, name: str, parent: QWidget | None = None, *, in_a_row: bool = False
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.boxes: dict[str, QCheckBox] = {}
        # a few short items go in one row, so the dialog fits a 768-pixel-high screen
        self._layout: QBoxLayout = QHBoxLayout(self) if in_a_row else QVBoxLayout(self)
        self._layout.setSpacing(2)
        self.confirm_button = QPushButton(objectName=f"{name}Confirm")
        self.confirm_button.setProperty("compact", True)
        self.confirm_button.clicked.connect(self.confirm_all)
        self._layout.addWidget(self.confirm_button)

    def add_item(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text, objectName=f"check_{name}")
        box.toggled.connect(self.changed)
        self.boxes[name] = box
        self._layout.insertWidget(self._layout.count() - 1, box)
        return box

    def set_button_text(self, text: str) -> None:
        self.confirm_button.setText(text)

    def confirm_all(self) -> None:
        for box in self.boxes.values():
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
        self.changed.emit()  # once for the group, not once per box
