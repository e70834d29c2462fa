"""QA / audit desk: filter the audit trail, read a record's history, verify, export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import reports
from gui.context import AppContext
from gui.exports import record_export, saved_text, write_report
from gui.i18n import LANGUAGE
from gui.live_refresh import RefreshWhenShown
from gui.operations import Operation, Progress, run_op, show_error
from gui.pages.audit.filters import AuditFilterBar
from gui.pages.audit.table_model import AuditTableModel
from gui.widgets.audit_trail_view import AuditTrailView
from gui.widgets.tables import fit_columns
from models.kernel.audit import ChainReport
from models.kernel.audit_queries import (
    AuditFilter,
    AuditPage,
)
from models.kernel.record_check import RecordReport
from models.kernel.record_words import report_messages

PAGE_SIZE = 200


class AuditPageWidget(QWidget):
    loaded = Signal(object)  # AuditPage
    verified = Signal(object)  # ChainReport
    exported = Signal(object)  # Path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self._ctx = ctx
        self.filters = AuditFilterBar(self)
        self.model = AuditTableModel()
        self.table = QTableView(objectName="auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # nine columns on a 1280-pixel screen: the record type, the change and the reason
        # share what the others leave, a long record name is elided (the tooltips and the
        # entry's own trail below show them all)
        fit_columns(self.table, 4, 6, 7, widest=190)
        self.trail = AuditTrailView(self)
        self.pager = QLabel(objectName="pagerLabel")
        self.prev_button, self.next_button = QPushButton("◀"), QPushButton("▶")
        self.verify_button = QPushButton(objectName="verifyButton")
        self.csv_button, self.pdf_button = (
            QPushButton(objectName="export_csv"),
            QPushButton(objectName="export_pdf"),
        )
        self.verify_result = QLabel(objectName="verifyResult", wordWrap=True)
        self.verify_result.hide()
        # "Saved N rows to FILE" after an export, here and in the window's status line
        self.export_result = QLabel(objectName="exportResult", wordWrap=True)
        self.export_result.hide()
        actions = QHBoxLayout()
        for widget in (self.prev_button, self.pager, self.next_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        for widget in (self.verify_button, self.csv_button, self.pdf_button):
            actions.addWidget(widget)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.trail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.verify_result)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.export_result)
        self.page: AuditPage | None = None
        self._offset = 0
        self._filter: AuditFilter | None = None  # the search the shown page is of
        self._reading_now, self._read_again = 0, False  # reads under way; news meanwhile
        self.filters.search_requested.connect(lambda: self.load(0))
        self.prev_button.clicked.connect(
            lambda: self.load(max(self._offset - PAGE_SIZE, 0), self._filter)
        )
        self.next_button.clicked.connect(lambda: self.load(self._offset + PAGE_SIZE, self._filter))
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.verify_button.clicked.connect(self.verify)
        self.csv_button.clicked.connect(lambda: self.export(".csv"))
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        # entries written here or at another station: reloaded while shown, else when next
        # shown, with the filters and the page the desk was reading (gui/live_refresh.py)
        self.live = RefreshWhenShown(ctx.events, self, self.refresh, whole_trail=True)
        self.live.stale = True  # nothing read yet: the first showing loads the newest entries
        self.retranslate()

    def retranslate(self) -> None:
        self.verify_button.setText(self.tr("Verify audit chain"))
        self.csv_button.setText(self.tr("Export CSV"))
        self.pdf_button.setText(self.tr("Export PDF"))
        self._update_pager()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, offset: int = 0, flt: AuditFilter | None = None) -> Operation:
        """The entries ``flt`` (by default the filter bar's) selects, from ``offset``."""
        core = self._ctx.core
        chosen = self.filters.current() if flt is None else flt

        def op(_p: Progress) -> tuple[Any, ...]:
            return core.audit_reads.search(chosen, offset=offset, limit=PAGE_SIZE)

        return self._read(op, lambda r: self._on_loaded(r, chosen))

    def refresh(self) -> Operation | None:
        """The page the desk is reading, again: the same search and the same offset (what
        was chosen in the filter bar but not searched yet stays chosen), the same entry.
        While the desk's own search is under way, once it has been shown."""
        if self._reading_now:
            self._read_again = True
            return None
        if self.page is None or self._filter is None:
            return self.load(0)
        current = self.table.currentIndex()
        keep = self.model.rows[current.row()].seq if current.isValid() else None
        core, flt, offset = self._ctx.core, self._filter, self._offset

        def op(_p: Progress) -> tuple[Any, ...]:
            return core.audit_reads.search(flt, offset=offset, limit=PAGE_SIZE)

        def done(loaded: tuple[Any, ...]) -> None:
            self._on_loaded(loaded, flt)
            row = self.model.row_of(keep) if keep is not None else None
            if row is not None and not self.table.currentIndex().isValid():
                self.table.selectRow(row)

        return self._read(op, done)

    def _read(
        self, op: Callable[[Progress], tuple[Any, ...]], shown: Callable[[Any], None]
    ) -> Operation:
        """Read the trail, counting the reads under way: a refresh waits for them (it would
        show the search that was shown before them)."""
        self._reading_now += 1

        def succeeded(loaded: tuple[Any, ...]) -> None:
            self._reading_now -= 1
            shown(loaded)
            self._read_done()

        def failed(exc: BaseException) -> None:
            self._reading_now -= 1
            show_error(self, exc)
            self._read_done()

        return run_op(parent=self, op=op, on_success=succeeded, on_failure=failed)

    def _read_done(self) -> None:
        if not self._reading_now and self._read_again:
            self._read_again = False
            if self.isVisible():
                self.refresh()
            else:
                self.live.stale = True

    def _on_loaded(self, loaded: tuple[Any, ...], flt: AuditFilter) -> None:
        page, facets = loaded
        self.page, self._offset, self._filter = page, page.offset, flt
        self.filters.set_facets(facets)
        self.model.set_rows(page.rows)
        self._update_pager()
        broken = self.model.row_of(self.model.broken_seq) if self.model.broken_seq else None
        if broken is not None:
            self.table.selectRow(broken)
            self.table.scrollTo(self.model.index(broken, 0))
        self.loaded.emit(page)

    def _update_pager(self) -> None:
        page = self.page
        if page is None or not page.rows:
            self.pager.setText(self.tr("No entries"))
        else:
            self.pager.setText(
                self.tr("Entries {0}–{1} of {2}").format(
                    page.offset + 1, page.offset + len(page.rows), page.total
                )
            )
        self.prev_button.setEnabled(bool(page and page.offset > 0))
        self.next_button.setEnabled(bool(page and page.has_more))

    def show_entry(self, seq: int) -> Operation:
        """Clear the filters and page to entry ``seq`` (it is selected once loaded)."""
        self.filters.reset(search=False)
        # the entry may be a record's STATE entry, which the desk hides unless asked for
        core, flt = self._ctx.core, replace(self.filters.current(), record_states=True)

        def op(_p: Progress) -> tuple[Any, ...]:
            return core.audit_reads.page_with(flt, seq, limit=PAGE_SIZE)

        return self._read(op, lambda r: self._on_loaded(r, flt))

    def _on_row_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        row = self.model.rows[current.row()]
        core, subjects = self._ctx.core, [(row.subject_type, row.subject_id)]

        def op(_p: Progress) -> tuple[Any, ...]:
            return core.audit_reads.record_history(subjects)

        run_op(parent=self, op=op, on_success=lambda r: self.trail.show_trail(*r))

    # -- verification and export -----------------------------------------------------------

    def verify(self) -> Operation:
        core = self._ctx.core
        self.verify_button.setEnabled(False)

        def op(_p: Progress) -> tuple[ChainReport, RecordReport]:
            return core.audit_reads.verify()

        operation = run_op(
            parent=self,
            op=op,
            on_success=self._on_verified,
            label=self.tr("Verifying the audit chain…"),
        )
        operation.finished.connect(lambda: self.verify_button.setEnabled(True))
        return operation

    def _on_verified(self, reports: tuple[ChainReport, RecordReport]) -> None:
        report, records = reports
        broken = report.first_break
        if broken is None:
            text = self.tr("✔ Audit chain intact: {0} entries verified.").format(
                report.entries_checked
            )
        else:
            text = self.tr(
                "✖ AUDIT CHAIN BROKEN at entry {0}: {1} ({2} entries intact before it)."
            ).format(broken.seq, broken.problem, report.entries_checked)
            self.show_entry(broken.seq)
        lines = report_messages(records, values=False, limit=20)
        text = "\n".join([text, *(m.message(LANGUAGE.code) for m in lines)])
        self.verify_result.setProperty("ok", broken is None and records.intact)
        self.model.mark_broken(broken.seq if broken else None)
        self.verify_result.setText(text)
        self.verify_result.style().unpolish(self.verify_result)
        self.verify_result.style().polish(self.verify_result)
        self.verify_result.show()
        self.verified.emit(report)

    def export(self, suffix: str, path: Path | None = None) -> Operation | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export audit extract"), f"audit-extract{suffix}"
            )
            if not name:
                return None
            path = Path(name)
        ctx, flt, target = self._ctx, self.filters.current(), Path(path)

        def op(progress: Progress) -> tuple[Path, int]:
            report = reports.audit_report(ctx.core, flt, ctx.username, progress)
            write_report(report, target, progress)
            record_export(
                ctx.core, ctx.username, "audit_extract", _describe(flt), target, report.row_count
            )
            return target, report.row_count

        return run_op(parent=self, op=op, on_success=self._saved, label=self.tr("Exporting…"))

    def _saved(self, saved: tuple[Path, int]) -> None:
        path, rows = saved
        text = saved_text(rows, path)
        self.export_result.setText(f"✔ {text}")
        self.export_result.show()
        self._ctx.events.done.emit(text)
        self.exported.emit(path)


def _describe(flt: AuditFilter) -> str:
    return ";".join(f"{k}={v}" for k, v in vars(flt).items() if v) or "all"
