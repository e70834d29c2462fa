"""The right-hand side of the trace page: one record's facts, steps and audit trail."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.field_labels import field_label, kind_label
from gui.i18n import format_datetime, format_number, word
from gui.status_style import status_text
from gui.widgets.audit_trail_view import AuditTrailView
from gui.widgets.status_badge import StatusBadge
from gui.widgets.tables import fit_columns
from models.chain.records import RecordDetail, StepRow, Value
from models.kernel.audit_queries import AuditRow, SignatureRow


def display(value: Value) -> str:
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, int | float):
        return format_number(value)
    return status_text(value) if value else "—"


class RecordPanel(QWidget):
    sign_off_requested = Signal(object)  # StepRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(objectName="recordTitle")
        self.badge = StatusBadge(self)
        self.fields = _table(2, "fieldsTable", 1)  # the value
        self.steps = _table(5, "stepsTable", 0)  # the step
        self.sign_off = QPushButton(objectName="signOffButton")
        self.sign_off.setEnabled(False)
        self.audit = AuditTrailView(self)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.badge)
        steps_bar = QHBoxLayout()
        self.steps_label = QLabel(objectName="sectionLabel", wordWrap=True)
        steps_bar.addWidget(self.steps_label, 1)
        steps_bar.addWidget(self.sign_off)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.fields, 3)
        layout.addLayout(steps_bar)
        layout.addWidget(self.steps, 2)
        layout.addWidget(self.audit, 3)
        self.steps.itemSelectionChanged.connect(self._on_step_selected)
        self.sign_off.clicked.connect(self._on_sign_off_clicked)
        self.detail: RecordDetail | None = None
        self._trail: tuple[tuple[AuditRow, ...], tuple[SignatureRow, ...]] = ((), ())
        self.retranslate()

    def retranslate(self) -> None:
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.steps.setHorizontalHeaderLabels(
            [
                self.tr("Step"),
                self.tr("Performed by"),
                self.tr("Performed"),
                self.tr("Verified by"),
                self.tr("Verified"),
            ]
        )
        self.steps_label.setText(self.tr("Process steps"))
        self.sign_off.setText(self.tr("Second-person sign-off…"))
        if self.detail:
            self.show_detail(self.detail, *self._trail)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_detail(
        self, detail: RecordDetail, trail: tuple[AuditRow, ...], sigs: tuple[SignatureRow, ...]
    ) -> None:
        self.detail, self._trail = detail, (trail, sigs)
        self.title.setText(f"{kind_label(detail.ref.kind)} {detail.identifier}")
        self.badge.set_status(detail.status)
        self.fields.setRowCount(len(detail.fields))
        for row, (key, value) in enumerate(detail.fields):
            self.fields.setItem(row, 0, QTableWidgetItem(field_label(key)))
            self.fields.setItem(row, 1, QTableWidgetItem(display(value)))
        has_steps = detail.ref.kind == "batch"
        for widget in (self.steps, self.steps_label, self.sign_off):
            widget.setVisible(has_steps)
        self.steps.setRowCount(len(detail.steps))
        for row, step in enumerate(detail.steps):
            values = [
                word("process_step", step.name),
                step.performed_by,
                format_datetime(step.performed_at),
                step.verified_by or self.tr("⚠ awaiting verification"),
                format_datetime(step.verified_at),
            ]
            for col, value in enumerate(values):
                self.steps.setItem(row, col, QTableWidgetItem(value))
        self.audit.show_trail(trail, sigs)
        self._on_step_selected()

    def selected_step(self) -> StepRow | None:
        rows = self.steps.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return None
        return self.detail.steps[rows[0].row()]

    def _on_step_selected(self) -> None:
        step = self.selected_step()
        self.sign_off.setEnabled(
            step is not None and step.verified_by is None and not step.voided_reason
        )

    def _on_sign_off_clicked(self) -> None:
        step = self.selected_step()
        if step:
            self.sign_off_requested.emit(step)


def _table(columns: int, name: str, *stretch: int) -> QTableWidget:
    table = QTableWidget(0, columns, objectName=name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    fit_columns(table, *stretch)
    return table
