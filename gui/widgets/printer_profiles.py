"""The station's printer profiles as a table an administrator edits (issue 13): what is loaded
in each printer — language, resolution, media, darkness, status support.

Each row becomes a ``printing.profile.PrinterProfile``; ``profiles()`` raises the profile's own
typed error (shown in the user's language by the dialog), so the rule is the printing layer's,
not this table's.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from printing.port import PayloadFormat
from printing.profile import PrinterProfile

_LANGUAGES: tuple[PayloadFormat, ...] = ("zpl", "pdf", "png")
_RESOLUTIONS = (0, 203, 300, 600)  # 0: ask the printer (~HI)
_ADDRESS, _LANGUAGE, _DPI, _WIDTH, _HEIGHT, _DARKNESS, _STATUS = range(7)
_NO_DARKNESS = -31  # below ^MD's range: "not set"
_W = TypeVar("_W", bound=QWidget)


class PrinterProfilesEditor(QWidget):
    def __init__(self, profiles: tuple[PrinterProfile, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("printerProfiles")
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Address"),
                self.tr("Language"),
                self.tr("Resolution"),
                self.tr("Media width mm"),
                self.tr("Media height mm"),
                self.tr("Darkness"),
                self.tr("Answers status"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_ADDRESS, QHeaderView.ResizeMode.Stretch)
        for column in range(_LANGUAGE, _STATUS + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self.tr("Add printer"))
        self.remove_button = QPushButton(self.tr("Remove printer"))
        self.add_button.clicked.connect(lambda: self.add_row(PrinterProfile(address="")))
        self.remove_button.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        for profile in profiles:
            self.add_row(profile)

    def add_row(self, profile: PrinterProfile) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        address = QLineEdit(profile.address)
        address.setPlaceholderText("tcp://10.0.0.21:9100")
        language = QComboBox()
        for code in _LANGUAGES:
            language.addItem(code.upper(), code)
        language.setCurrentIndex(max(0, language.findData(profile.language)))
        dpi = QComboBox()
        for value in _RESOLUTIONS:
            dpi.addItem(self.tr("ask the printer") if value == 0 else f"{value} dpi", value)
        dpi.setCurrentIndex(max(0, dpi.findData(profile.dpi or 0)))
        width, height = _millimetres(profile.media_width_mm), _millimetres(profile.media_height_mm)
        darkness = QSpinBox(minimum=_NO_DARKNESS, maximum=30)
        darkness.setSpecialValueText(self.tr("printer's own"))
        darkness.setValue(_NO_DARKNESS if profile.darkness is None else profile.darkness)
        status = QCheckBox()
        status.setChecked(profile.status)
        status.setToolTip(
            self.tr("Off: the printer never answers ~HS; a person confirms every label.")
        )
        for column, widget in enumerate((address, language, dpi, width, height, darkness, status)):
            self.table.setCellWidget(row, column, widget)

    def profiles(self) -> tuple[PrinterProfile, ...]:
        """The rows as profiles, each checked (raises the profile's typed error)."""
        found: list[PrinterProfile] = []
        for row in range(self.table.rowCount()):
            address = self._cell(row, _ADDRESS, QLineEdit).text().strip()
            if not address:
                continue  # an empty row added by mistake is not a printer
            language = self._cell(row, _LANGUAGE, QComboBox).currentData()
            dpi = int(self._cell(row, _DPI, QComboBox).currentData())
            width = self._cell(row, _WIDTH, QDoubleSpinBox).value()
            height = self._cell(row, _HEIGHT, QDoubleSpinBox).value()
            darkness = self._cell(row, _DARKNESS, QSpinBox).value()
            profile = PrinterProfile(
                address=address,
                language=language,
                dpi=dpi or None,
                media_width_mm=width or None,
                media_height_mm=height or None,
                darkness=None if darkness == _NO_DARKNESS else darkness,
                status=self._cell(row, _STATUS, QCheckBox).isChecked(),
            )
            profile.check()
            found.append(profile)
        return tuple(found)

    def _cell(self, row: int, column: int, kind: type[_W]) -> _W:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, kind)
        return widget

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows or [self.table.currentRow()]:
            if row >= 0:
                self.table.removeRow(row)


def _millimetres(value: float | None) -> QDoubleSpinBox:
    box = QDoubleSpinBox(minimum=0.0, maximum=300.0, decimals=1, suffix=" mm")
    box.setSpecialValueText("—")  # 0: no media limit set
    box.setValue(value or 0.0)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box
