"""Recover a print job whose output the printer did not confirm (issue 13, item 4).

The person at the station scans every label that came out of the printer; each scan is
matched to the job's labels at once (``match_recovery_scan``), so they see which unit it is
and a label of another job is refused without losing what was already scanned.  "Nothing
came out" must be said explicitly.  Confirming records the scans with ``recover_job`` as the
signed-in user: scanned labels become printed, the rest are freed to print again.  The core
decides every rule again; this dialog only guides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.operations import Operation, error_text, run_op
from gui.widgets.scan_line_edit import ScanLineEdit, visible
from models.labeling.recovery import RecoveryOutcome
from models.labeling.recovery_match import RecoveryLabel

ID_ROLE = Qt.ItemDataRole.UserRole


class RecoverJobDialog(QDialog):
    loaded = Signal()
    matched = Signal(object)  # RecoveryLabel, after the list shows it
    refused = Signal(str)  # the message shown
    recovered = Signal(object)  # RecoveryOutcome

    def __init__(self, ctx: AppContext, job_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoverJobDialog")
        self._ctx, self.job_id = ctx, job_id
        self.awaiting: list[RecoveryLabel] = []
        self.scans: dict[int, str] = {}  # label id → the scan that named it
        self._pending = 0  # scans sent for matching, not answered yet
        self.setWindowTitle(self.tr("Recover print job {0}").format(job_id))
        self.summary = QLabel(wordWrap=True, objectName="formSummary")
        self.scan = ScanLineEdit(self)
        self.scan.setObjectName("recoveryScan")
        self.scan.setPlaceholderText(self.tr("Scan a label that came out of the printer"))
        self.scan_echo = QLabel(objectName="scanEcho", wordWrap=True)
        self.list = QListWidget(objectName="recoveryLabels")
        self.nothing = QCheckBox(
            self.tr("Nothing came out of the printer"), objectName="nothingCameOut"
        )
        self.tally = QLabel(wordWrap=True, objectName="recoveryTally")
        self.message = QLabel(objectName="errorLabel", wordWrap=True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(
            self.tr("Record what came out"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.setAutoDefault(False)
        self._build_layout()
        self.buttons.rejected.connect(self.reject)
        self.confirm_button.clicked.connect(self.submit)
        self.scan.scanned.connect(self.on_scanned)
        self.nothing.toggled.connect(lambda _on: self._update())
        self.resize(760, 620)
        self._update()
        self._load()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.scan)
        layout.addWidget(self.scan_echo)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.nothing)
        layout.addWidget(self.tally)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _load(self) -> Operation:
        labeling, job_id = self._ctx.core.labeling, self.job_id
        return run_op(
            parent=self,
            op=lambda _p: labeling.recovery_labels(job_id),
            on_success=self._on_loaded,
            on_failure=lambda exc: self._show(error_text(exc)),
        )

    def _on_loaded(self, labels: list[RecoveryLabel]) -> None:
        self.awaiting = labels
        self.summary.setText(
            self.tr(
                "Print job {0}: {1} label(s) not confirmed by the printer. Scan every label "
                "that came out, one after the other. Scanned labels are recorded as printed; "
                "the others are freed to print again (press Print for them afterwards)."
            ).format(self.job_id, len(labels))
        )
        self.list.clear()
        for label in labels:
            item = QListWidgetItem()
            item.setData(ID_ROLE, label.id)
            self.list.addItem(item)
        self._update()
        self.scan.setFocus()
        self.loaded.emit()

    # -- scanning --------------------------------------------------------------------------

    def on_scanned(self, text: str) -> None:
        labeling, job_id = self._ctx.core.labeling, self.job_id
        self._pending += 1
        self._update()
        run_op(
            parent=self,
            op=lambda _p: labeling.match_recovery_scan(job_id, text),
            on_success=lambda label: self._on_matched(label, text),
            on_failure=lambda exc: self._on_refused(exc, text),
        )

    def _on_matched(self, label: RecoveryLabel, text: str) -> None:
        self._pending -= 1
        self.message.hide()
        if label.state == "printed":
            echo = self.tr("Unit {0} (label {1}) is already recorded as printed.")
        elif label.id in self.scans:
            echo = self.tr("Unit {0} (label {1}) was already scanned.")
        else:
            echo = self.tr("✔ Unit {0} (label {1}) came out.")
            self.scans[label.id] = text
            self.nothing.setChecked(False)
        self.scan_echo.setText(echo.format(label.din, label.id))
        self._update()
        self.matched.emit(label)

    def _on_refused(self, exc: BaseException, scanned: str) -> None:
        self._pending -= 1
        text = self.tr("✖ Scan refused, not added: {0}").format(error_text(exc))
        self._show(text)
        self.scan_echo.setText(self.tr("Scanned: {0}").format(visible(scanned.strip())))
        self._update()
        self.refused.emit(text)

    def _update(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            label = self.awaiting[row] if row < len(self.awaiting) else None
            if label is None:
                continue
            came_out = label.id in self.scans
            mark = self.tr("✔ came out") if came_out else self.tr("… not scanned")
            item.setText(self.tr("Unit {0} · label {1} · {2}").format(label.din, label.id, mark))
        scanned = sum(1 for label in self.awaiting if label.id in self.scans)
        self.nothing.setEnabled(not self.scans)
        self.tally.setText(
            self.tr("{0} label(s) will be recorded as printed, {1} freed to print again.").format(
                scanned, len(self.awaiting) - scanned
            )
        )
        ready = bool(self.awaiting) and (bool(self.scans) or self.nothing.isChecked())
        self.confirm_button.setEnabled(ready and self._pending == 0)

    # -- confirming ------------------------------------------------------------------------

    def submit(self) -> Operation | None:
        if not self.scans and not self.nothing.isChecked():
            self._show(
                self.tr("Scan the labels that came out, or tick “Nothing came out of the printer”.")
            )
            return None
        labeling, job_id = self._ctx.core.labeling, self.job_id
        scanned, actor = list(self.scans.values()), self._ctx.username
        self.confirm_button.setEnabled(False)
        return run_op(
            parent=self,
            op=lambda _p: labeling.recover_job(job_id=job_id, scanned=scanned, actor=actor),
            on_success=self._on_recovered,
            on_failure=self._on_failed,
        )

    def _on_recovered(self, outcome: RecoveryOutcome) -> None:
        self.recovered.emit(outcome)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._show(error_text(exc))
        self._update()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
