"""The label station's two tables (print queue, printed labels) and its reconciliation
banner: printed = applied + voided + destroyed, in words and colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from gui.i18n import LANGUAGE
from gui.status_style import set_ok
from gui.widgets.status_badge import status_item
from gui.widgets.tables import read_only_table
from models.labeling.job_failure import failure_words
from models.labeling.reconciliation import LabelReconciliation
from models.labeling.station_view import JobRow, LabelRow


class LabelTables(QObject):
    """Owns the two tables, the rows they show and the banner; the page lays them out."""

    filled = Signal()  # after every fill: the action buttons follow the selection

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.jobs = read_only_table(6, "jobTable", stretch=(3, 5))  # status, note
        self.labels = read_only_table(5, "labelTable", stretch=(2, 4))  # state, applied by
        for table in (self.jobs, self.labels):
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.banner = QLabel(objectName="reconciliationBanner", wordWrap=True)
        self.job_rows: list[JobRow] = []
        self.label_rows: list[LabelRow] = []

    def selected_job(self) -> JobRow | None:
        rows = self.jobs.selectionModel().selectedRows()
        ok = rows and rows[0].row() < len(self.job_rows)
        return self.job_rows[rows[0].row()] if ok else None

    def selected_label(self) -> LabelRow | None:
        rows = self.labels.selectionModel().selectedRows()
        ok = rows and rows[0].row() < len(self.label_rows)
        return self.label_rows[rows[0].row()] if ok else None

    @property
    def selected_job_id(self) -> int | None:
        job = self.selected_job()
        return job.id if job else None

    @property
    def selected_label_id(self) -> int | None:
        label = self.selected_label()
        return label.id if label else None

    def fill(self, keep: tuple[int | None, int | None] | None = None) -> None:
        """Fill both tables; ``keep`` (job id, label id) stay selected, by default the
        current selection (call with the ids taken *before* the rows were replaced)."""
        job, label = keep or (self.selected_job_id, self.selected_label_id)
        self.jobs.blockSignals(True)
        self.labels.blockSignals(True)
        self.jobs.clearSelection()
        self.labels.clearSelection()
        jobs: list[list[Any]] = [
            [
                str(j.id),
                j.template,
                str(j.units),
                status_item(j.status),
                j.requested_by,
                self.job_note(j),
            ]
            for j in self.job_rows
        ]
        _fill(self.jobs, jobs)
        labels: list[list[Any]] = [
            [
                str(r.id) + (" ↻" if r.is_reprint else ""),
                r.din,
                status_item(r.state),
                r.verified_by or "",
                r.applied_by or "",
            ]
            for r in self.label_rows
        ]
        _fill(self.labels, labels)
        for table, ids, ident in (
            (self.jobs, [j.id for j in self.job_rows], job),
            (self.labels, [r.id for r in self.label_rows], label),
        ):
            index = next((i for i, row_id in enumerate(ids) if row_id == ident), None)
            if index is not None:
                table.selectRow(index)
            table.blockSignals(False)
        self.filled.emit()

    def job_note(self, job: JobRow) -> str:
        if job.line_stopped:
            return self.tr("✖ line stopped – deviation {0}").format(job.deviation or "")
        if job.awaiting_reprint_approval:
            return self.tr("reprint awaits QA approval: {0}").format(job.reprint_reason)
        if job.failure:  # stored as data: shown in the reader's language
            return failure_words(job.failure, LANGUAGE.code) or ""
        if job.companion_of:
            return self.tr("information sheets for job {0}").format(job.companion_of)
        return job.printer

    def show_report(self, r: LabelReconciliation) -> None:
        ok = r.balanced and r.reconciled
        if ok:
            head = self.tr("✔ Reconciled")
        elif r.balanced:
            head = self.tr("≈ Balanced, open items")
        else:
            head = self.tr("✖ NOT balanced")
        sign = "=" if r.balanced else "≠"
        text = self.tr(
            "{0} – batch {1}: printed {2} {3} applied {4} + voided {5} + destroyed {6}. "
            "Awaiting check {7}, rejected {8}, open jobs {9}, unlabelled units {10}."
        ).format(
            head,
            r.batch_number,
            r.printed,
            sign,
            r.applied,
            r.voided,
            r.destroyed,
            r.awaiting_check,
            r.rejected,
            r.open_jobs,
            len(r.unlabelled_units),
        )
        self.banner.setText(text)
        set_ok(self.banner, ok)


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for col, cell in enumerate(cells):
            item = cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell)
            table.setItem(row, col, item)
