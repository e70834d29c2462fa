"""The item-by-item double-check of one printed label (R-LBL-06, style-anchors S3).

A *second* person signs in here with their own user name and password (not the operator's
session), scans the physical label with the scanner (GS kept by ScanLineEdit) and ticks every
human-readable field that matches the record value shown.  ``verify_label`` decides: a
mismatch rejects the label, stops the line and opens a deviation, which is shown here in
plain words.  The GUI warns early when the verifier printed or requested the label; the
rule that counts is the core's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.i18n import LANGUAGE
from gui.label_field_names import label_field_name
from gui.operations import Operation, Progress, error_text, run_op
from gui.widgets.label_preview import LabelPreview, printer_dpi
from gui.widgets.scan_line_edit import ScanLineEdit, visible
from models.labeling.checks import VerificationResult


class DoubleCheckDialog(QDialog):
    loaded = Signal()
    verified = Signal(object)  # VerificationResult, accepted
    stopped = Signal(object)  # VerificationResult, mismatch: the line is stopped

    def __init__(self, ctx: AppContext, label_id: int, din: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("doubleCheckDialog")
        self._ctx, self.label_id, self._din = ctx, label_id, din
        self._people: tuple[str, ...] = ()
        self._confirm_unticked = False
        self.setWindowTitle(self.tr("Label double-check"))
        self.summary = QLabel(wordWrap=True, objectName="formSummary")
        self.preview = LabelPreview(self)
        self.username = QLineEdit(objectName="verifierUsername")
        self.password = QLineEdit(
            objectName="verifierPassword", echoMode=QLineEdit.EchoMode.Password
        )
        self.scan = ScanLineEdit(self)
        self.scan.setObjectName("labelScan")
        self.scan.setPlaceholderText(self.tr("Scan the Data Matrix of the printed label"))
        self.scan_echo = QLabel(objectName="scanEcho", wordWrap=True)
        self.checks: dict[str, QCheckBox] = {}
        self.check_box = QGroupBox(self.tr("Tick each field that matches the printed label"))
        self.check_layout = QVBoxLayout(self.check_box)
        self.message = QLabel(objectName="errorLabel", wordWrap=True)
        self.message.hide()
        self.stop_banner = QLabel(objectName="stopBanner", wordWrap=True)
        self.stop_banner.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton(
            self.tr("Sign double-check"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("primaryButton")
        self.submit_button.setEnabled(False)
        self._build_layout()
        self.buttons.rejected.connect(self.reject)
        self.submit_button.clicked.connect(self.submit)
        self.username.textChanged.connect(self._check_person)
        self.scan.scanned.connect(self._on_scanned)
        self.resize(1400, 860)
        self._load()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Verifier user name"), self.username)
        form.addRow(self.tr("Verifier password"), self.password)
        form.addRow(self.tr("Scan"), self.scan)
        form.addRow("", self.scan_echo)
        left = QVBoxLayout()
        left.addWidget(self.preview, 1)
        left.addLayout(form)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.check_box)
        body = QHBoxLayout()
        body.addLayout(left, 4)
        body.addWidget(scroll, 7)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.stop_banner)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons, alignment=Qt.AlignmentFlag.AlignRight)

    def _load(self) -> Operation:
        core, label_id = self._ctx.core, self.label_id

        def op(_p: Progress) -> tuple[Any, ...]:
            sheet = core.labeling.check_sheet(label_id)
            label = core.label_station_reads.label_to_check(label_id)
            return sheet, label.content, label.printer, (label.requested_by, label.printed_by)

        return run_op(parent=self, op=op, on_success=self._on_loaded)

    def _on_loaded(self, loaded: tuple[Any, ...]) -> None:
        sheet, content, url, (requested_by, printed_by) = loaded
        self._people = tuple(p for p in (requested_by, printed_by) if p)
        self.summary.setText(
            self.tr(
                "Label {0} for unit {1}, requested by {2} and printed by {3}. A second person "
                "checks it: sign with your own user name and password (meaning: verified)."
            ).format(self.label_id, self._din, requested_by, printed_by or "–")
        )
        self.preview.show_content(content, printer_dpi(url))
        for name, value in sheet.fields:
            box = QCheckBox(f"{label_field_name(name)}:  {value}", objectName=f"check_{name}")
            box.setProperty("fieldCheck", True)
            box.toggled.connect(self._on_ticked)
            self.checks[name] = box
            self.check_layout.addWidget(box)
        self.check_layout.addStretch(1)
        self._check_person(self.username.text())
        self.loaded.emit()

    def _check_person(self, text: str) -> None:
        name = text.strip().lower()
        same = bool(name) and name in {p.lower() for p in self._people}
        if same:
            self._show(
                self.tr(
                    "{0} requested or printed this label; a second person must check it."
                ).format(text.strip())
            )
        else:
            self.message.hide()
        self.submit_button.setEnabled(bool(self.checks) and not same)

    def _on_scanned(self, text: str) -> None:
        self.scan_echo.setText(self.tr("Scanned: {0}").format(visible(text.strip())))

    def _on_ticked(self) -> None:
        self._confirm_unticked = False
        self.submit_button.setText(self.tr("Sign double-check"))

    def unticked(self) -> list[str]:
        return [name for name, box in self.checks.items() if not box.isChecked()]

    def submit(self) -> None:
        if not self.scan.text().strip():
            self._show(self.tr("Scan the printed label first."))
            return
        missing = self.unticked()
        if missing and not self._confirm_unticked:
            self._confirm_unticked = True
            self._show(
                self.tr(
                    "{0} field(s) not ticked: {1}. They will be recorded as NOT matching, which "
                    "stops the line. Press “Report mismatch” to confirm, or tick them."
                ).format(len(missing), ", ".join(label_field_name(n) for n in missing))
            )
            self.submit_button.setText(self.tr("Report mismatch"))
            return
        labeling, label_id = self._ctx.core.labeling, self.label_id
        username, password = self.username.text().strip(), self.password.text()
        scanned = self.scan.text()
        confirmed = {name: box.isChecked() for name, box in self.checks.items()}
        self.password.clear()
        self.submit_button.setEnabled(False)
        core = self._ctx.core

        def op(_p: Progress) -> tuple[VerificationResult, str | None]:
            result = labeling.verify_label(
                label_id=label_id,
                username=username,
                password=password,
                scanned_text=scanned,
                confirmed_fields=confirmed,
            )
            return result, core.label_station_reads.deviation_code(result.deviation_id)

        run_op(
            parent=self,
            op=op,
            on_success=self._on_result,
            on_failure=lambda exc: self._show(error_text(exc)),
        )

    def _on_result(self, outcome: tuple[VerificationResult, str | None]) -> None:
        result, deviation = outcome
        self._ctx.events.records_changed.emit("printed_label")
        if result.accepted:
            self.verified.emit(result)
            self.accept()
            return
        self.stop_banner.setText(
            self.tr(
                "⛔ STOP THE LINE. This label does not match the record: {0}. Deviation {1} "
                "is open and the print job is stopped until QA has reviewed it. Do not apply "
                "this label; keep it for voiding and witnessed destruction."
            ).format(
                "; ".join(m.message(LANGUAGE.code) for m in result.mismatches),
                deviation or result.deviation_id,
            )
        )
        self.stop_banner.show()
        self.message.hide()
        self.submit_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.stopped.emit(result)

    def _show(self, text: str) -> None:
        self.submit_button.setEnabled(True)
        self.message.setText(f"✖ {text}")
        self.message.show()
