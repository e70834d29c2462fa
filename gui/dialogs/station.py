"""Administrator dialog for this workstation's role, lock timeout, printers and scanners."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.operations import error_text
from gui.station import ROLES, ScannerSettings, StationConfig, save_station
from gui.widgets.printer_profiles import PrinterProfilesEditor
from printing.registry import open_printer


class StationDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stationDialog")
        self.setWindowTitle(self.tr("Workstation settings"))
        self._ctx = ctx
        config = ctx.station
        self.name = QLineEdit(config.name)
        self.role = QComboBox()
        for key in ROLES:
            self.role.addItem(StationConfig(role=key).role_text, key)
        self.role.setCurrentIndex(self.role.findData(config.role))
        self.lock_minutes = QSpinBox(minimum=1, maximum=120, value=config.lock_minutes)
        self.workspace = QLineEdit(config.workspace)
        self.workspace.setObjectName("stationWorkspace")
        self.workspace.setPlaceholderText("C-201/BSC-02")
        self.printers = QPlainTextEdit("\n".join(config.printers))
        self.printers.setPlaceholderText("tcp://10.0.0.21:9100\nsystem://Zebra_ZD621")
        self.gap = QSpinBox(
            minimum=10, maximum=500, value=config.scanner.burst_gap_ms, suffix=" ms"
        )
        self.min_length = QSpinBox(minimum=2, maximum=40, value=config.scanner.min_length)
        self.profiles = PrinterProfilesEditor(config.printer_profiles)
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Workstation name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Lock after idle minutes"), self.lock_minutes)
        form.addRow(self.tr("Workspace of the label station"), self.workspace)
        form.addRow(self.tr("Printers (one URL per line)"), self.printers)
        form.addRow(self.tr("Printer profiles"), self.profiles)
        form.addRow(self.tr("Scanner: max gap between keys"), self.gap)
        form.addRow(self.tr("Scanner: minimum code length"), self.min_length)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def config(self) -> StationConfig:
        """The settings as entered; raises a printer profile's error if one is unusable."""
        printers = tuple(
            line.strip() for line in self.printers.toPlainText().splitlines() if line.strip()
        )
        return StationConfig(
            name=self.name.text().strip() or self._ctx.station.name,
            role=str(self.role.currentData()),
            lock_minutes=self.lock_minutes.value(),
            printers=printers,
            scanner=ScannerSettings(
                burst_gap_ms=self.gap.value(), min_length=self.min_length.value()
            ),
            printer_profiles=self.profiles.profiles(),
            workspace=self.workspace.text().strip(),
        )

    def on_save(self) -> None:
        try:
            config = self.config()
            for url in config.printers:
                open_printer(url)  # validates the address only; nothing is sent
            save_station(config, self._ctx.station_path)
        except Exception as exc:  # noqa: BLE001 - any invalid address or file error is shown
            self.error.setText(f"✖ {error_text(exc)}")
            self.error.show()
            return
        self._ctx.station = config
        self.accept()
