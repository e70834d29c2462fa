"""The label station's two tables (print queue, printed labels) and its reconciliation
banner: printed = applied + voided + destroyed, in words and colour."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from gui.status_style import set_ok
from gui.widgets.status_badge import status_item
from models.labeling.reconciliation import LabelReconciliation
from models.labeling.station_view import JobRow

if TYPE_CHECKING:
    from gui.pages.label_station.page import LabelStationPage


class LabelTables(QObject):
    def __init__(self, page: LabelStationPage) -> None:
        super().__init__(page)
        self.page = page

    def fill(self, keep: tuple[int | None, int | None] | None = None) -> None:
        """Fill both tables; ``keep`` (job id, label id) stay selected, by default the
        current selection (call with the ids taken *before* the rows were replaced)."""
        page, actions = self.page, self.page.label_actions
        job, label = keep or (actions.selected_job_id, actions.selected_label_id)
        page.jobs.blockSignals(True)
        page.labels.blockSignals(True)
        page.jobs.clearSelection()
        page.labels.clearSelection()
        jobs: list[list[Any]] = [
            [
                str(j.id),
                j.template,
                str(j.units),
                status_item(j.status),
                j.requested_by,
                self.job_note(j),
            ]
            for j in page.job_rows
        ]
        _fill(page.jobs, jobs)
        labels: list[list[Any]] = [
            [
                str(r.id) + (" ↻" if r.is_reprint else ""),
                r.din,
                status_item(r.state),
                r.verified_by or "",
                r.applied_by or "",
            ]
            for r in page.label_rows
        ]
        _fill(page.labels, labels)
        for table, ids, ident in (
            (page.jobs, [j.id for j in page.job_rows], job),
            (page.labels, [r.id for r in page.label_rows], label),
        ):
            index = next((i for i, row_id in enumerate(ids) if row_id == ident), None)
            if index is not None:
                table.selectRow(index)
            table.blockSignals(False)
        page.label_actions.update_buttons()

    def job_note(self, job: JobRow) -> str:
        if job.line_stopped:
            return self.tr("⛔ line stopped – deviation {0}").format(job.deviation or "")
        if job.awaiting_reprint_approval:
            return self.tr("reprint awaits QA approval: {0}").format(job.reprint_reason)
        if job.failure:
            return job.failure
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
        self.page.banner.setText(text)
        set_ok(self.page.banner, ok)


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for col, cell in enumerate(cells):
            item = cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell)
            table.setItem(row, col, item)
