"""A group of items a person confirms on a label, each with its own tick box, and one button
that confirms the whole group when every item in it was looked at and matches.

Each item stays on screen and in the record on its own (the rule is item by item); the group
button only saves the clicks of ticking each.  Unticking one item is how a mismatch is
reported.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CheckGroup(QGroupBox):
    """The title and the group's button share the first row (the frame has no title of its
    own), so a dialog with two groups still fits a 768-pixel-high screen."""

    changed = Signal()

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.boxes: dict[str, QCheckBox] = {}
        self.title_label = QLabel(title, objectName="checkGroupTitle", wordWrap=True)
        self.confirm_button = QPushButton(objectName=f"{name}Confirm")
        self.confirm_button.setProperty("compact", True)
        self.confirm_button.clicked.connect(self.confirm_all)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.confirm_button)
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(2)
        self._layout.addLayout(header)

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)

    def add_item(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text, objectName=f"check_{name}")
        box.toggled.connect(self.changed)
        self.boxes[name] = box
        self._layout.addWidget(box)
        return box

    def set_button_text(self, text: str) -> None:
        self.confirm_button.setText(text)

    def confirm_all(self) -> None:
        for box in self.boxes.values():
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
        self.changed.emit()  # once for the group, not once per box
