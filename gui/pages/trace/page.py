"""Trace: search any identifier, walk the chain of identity as a tree, open any record."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from gui import reports
from gui.context import AppContext
from gui.dialogs.destroy_unit import DestroyUnitDialog
from gui.dialogs.signoff import SignOffDialog
from gui.exports import record_export, saved_text, write_report
from gui.field_labels import kind_label
from gui.i18n import LANGUAGE
from gui.live_refresh import RefreshWhenShown
from gui.operations import Operation, Progress, run_op
from gui.status_style import status_text, style_for
from gui.widgets.record_panel import RecordPanel
from gui.widgets.scan_line_edit import ScanLineEdit, visible
from gui.widgets.tables import fit_columns
from models.chain.records import StepRow
from models.chain.trace import Dossier, NodeRef, TraceNode, TraceResult
from models.chain.trace_integrity import forged_nodes
from models.kernel.record_words import note_messages

REF_ROLE = Qt.ItemDataRole.UserRole


class TracePage(QWidget):
    loaded = Signal(object)  # NodeRef now shown; tests and the window title listen
    exported = Signal(object)  # Path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tracePage")
        self._ctx = ctx
        self.search = ScanLineEdit(self)
        self.search.setObjectName("traceSearch")
        self.search_button, self.back_button = (
            QPushButton(objectName="primaryButton"),
            QPushButton(),
        )
        self.message = QLabel(objectName="errorLabel", wordWrap=True)
        self.message.hide()
        # "Saved N rows to FILE" after an export, here and in the window's status line
        self.export_result = QLabel(objectName="exportResult", wordWrap=True)
        self.export_result.hide()
        self.tree = QTreeWidget(objectName="traceTree")
        self.tree.setColumnCount(3)
        self.tree.setUniformRowHeights(True)
        fit_columns(self.tree, 2)  # record and status in full, the details elided
        # the details repeat the record panel: on a narrow tree they give way, never scroll
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel = RecordPanel(self)
        self.export_buttons = {
            k: QPushButton(objectName=f"export_{k}")
            for k in ("trace_pdf", "trace_csv", "batch_pdf", "batch_csv")
        }
        bar = QHBoxLayout()
        for widget in (self.back_button, self.search):
            bar.addWidget(widget, 1 if widget is self.search else 0)
        bar.addWidget(self.search_button)
        self.destroy_button = QPushButton(objectName="destroyUnitButton", enabled=False)
        # Exports two by two: five buttons in one line were wider than a 1280 px screen.
        exports = QGridLayout()
        exports.addWidget(self.destroy_button, 0, 0)
        exports.setColumnStretch(1, 1)
        for i, button in enumerate(self.export_buttons.values()):
            button.setEnabled(False)
            exports.addWidget(button, i // 2, 2 + i % 2)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.panel)
        splitter.setSizes([520, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(exports)
        layout.addWidget(self.export_result)
        self.search.scanned.connect(self.search_for)
        self.search_button.clicked.connect(lambda: self.search_for(self.search.text()))
        self.back_button.clicked.connect(self.go_back)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self.open_ref(item.data(0, REF_ROLE)))
        self.panel.sign_off_requested.connect(self.on_sign_off_requested)
        self.destroy_button.clicked.connect(self.destroy_selected)
        for key, button in self.export_buttons.items():
            button.clicked.connect(lambda _=False, k=key: self.export(k))
        self.live = RefreshWhenShown(ctx.events, self, self.refresh)
        self.history: list[NodeRef] = []
        self.result: TraceResult | None = None
        self._forged: frozenset[NodeRef] = frozenset()  # nodes whose records differ
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Scan or type a DIN, batch, donor, collection or recipient…")
        )
        self.search_button.setText(self.tr("Search"))
        self.back_button.setText(self.tr("◀ Back"))
        self.destroy_button.setText(self.tr("Destroy unit…"))
        self.tree.setHeaderLabels([self.tr("Record"), self.tr("Status"), self.tr("Details")])
        labels = {
            "trace_pdf": self.tr("Trace report PDF"),
            "trace_csv": self.tr("Trace report CSV"),
            "batch_pdf": self.tr("Batch record PDF"),
            "batch_csv": self.tr("Batch record CSV"),
        }
        for key, button in self.export_buttons.items():
            button.setText(labels[key])
        if self.result:
            self._fill_tree(self.result)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- navigation ------------------------------------------------------------------------

    def search_for(self, text: str) -> Operation:
        self.search.setText(text)
        trace = self._ctx.core.chain.trace

        def op(_p: Progress) -> NodeRef | None:
            return trace.find(text)

        def done(ref: NodeRef | None) -> None:
            if ref is None:
                self._say(self.tr("Nothing found for {0}.").format(visible(text.strip())))
            else:
                self.open_ref(ref)

        return run_op(parent=self, op=op, on_success=done)

    def open_ref(self, ref: NodeRef, remember: bool = True) -> Operation:
        trace = self._ctx.core.chain.trace
        if remember and self.result is not None and self.result.focus != ref:
            self.history.append(self.result.focus)

        def op(_p: Progress) -> tuple[TraceResult, Dossier]:
            return trace.tree(ref), trace.dossier(ref)

        return run_op(parent=self, op=op, on_success=self._on_traced)

    def go_back(self) -> None:
        if self.history:
            self.open_ref(self.history.pop(), remember=False)

    def _on_traced(self, loaded: tuple[TraceResult, Dossier]) -> None:
        result, dossier = loaded
        detail = dossier.detail
        self._show_result(result)
        self.panel.show_detail(detail, dossier.trail, dossier.signatures)
        self.back_button.setEnabled(bool(self.history))
        for key, button in self.export_buttons.items():
            button.setEnabled(key.startswith("trace") or detail.ref.kind == "batch")
        self.loaded.emit(result.focus)

    def _show_result(self, result: TraceResult, keep: NodeRef | None = None) -> None:
        self.result = result
        self.message.hide()
        if result.integrity:  # records changed outside CellTrail: say so above the tree
            self._say("\n".join(m.message(LANGUAGE.code) for m in note_messages(result.integrity)))
        self._fill_tree(result, keep)

    def refresh(self) -> Operation | None:
        """The same trace read again (another station changed something in it): the same
        record stays selected and its detail is read again; nothing goes into the history."""
        if self.result is None:
            return None
        focus, trace = self.result.focus, self._ctx.core.chain.trace
        current = self.tree.currentItem()
        keep: NodeRef | None = current.data(0, REF_ROLE) if current is not None else None

        def op(_p: Progress) -> TraceResult:
            return trace.tree(focus)

        return run_op(parent=self, op=op, on_success=lambda r: self._show_result(r, keep))

    def _fill_tree(self, result: TraceResult, keep: NodeRef | None = None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        focus_item: QTreeWidgetItem | None = None
        self._forged = forged_nodes(result.integrity)
        for root in result.roots:
            item, found = self._item(root, result.focus)
            self.tree.addTopLevelItem(item)
            focus_item = focus_item or found
        self.tree.expandAll()
        self.tree.blockSignals(False)
        chosen = self._item_of(keep) or focus_item
        if chosen:
            self.tree.setCurrentItem(chosen)
            self.tree.scrollToItem(chosen)

    def _item_of(self, ref: NodeRef | None) -> QTreeWidgetItem | None:
        if ref is None:
            return None
        found = QTreeWidgetItemIterator(self.tree)
        while found.value() is not None:
            if found.value().data(0, REF_ROLE) == ref:
                return found.value()
            found += 1
        return None

    def _item(
        self, node: TraceNode, focus: NodeRef
    ) -> tuple[QTreeWidgetItem, QTreeWidgetItem | None]:
        item = QTreeWidgetItem(
            [
                f"{kind_label(node.ref.kind)}  {node.identifier}",
                status_text(node.status),
                node.summary,
            ]
        )
        item.setData(0, REF_ROLE, node.ref)
        style = style_for(node.status)
        if style:
            item.setBackground(1, style.qcolor)
        if node.ref in self._forged:  # marked where it stands, not only in the banner above
            item.setText(1, self.tr("✖ changed outside CellTrail"))
            item.setBackground(1, QColor("#c62828"))
            item.setForeground(1, QColor("white"))
            item.setForeground(0, QColor("#c62828"))
        found = item if node.ref == focus else None
        for child in node.children:
            child_item, child_found = self._item(child, focus)
            item.addChild(child_item)
            found = found or child_found
        if found is item:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        return item, found

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.destroy_button.setEnabled(self._destroyable(current))
        if current is None:
            return
        ref: NodeRef = current.data(0, REF_ROLE)
        trace = self._ctx.core.chain.trace

        def op(_p: Progress) -> Dossier:
            return trace.dossier(ref)

        def done(loaded: Dossier) -> None:
            self.panel.show_detail(loaded.detail, loaded.trail, loaded.signatures)
            for key, button in self.export_buttons.items():
                button.setEnabled(key.startswith("trace") or ref.kind == "batch")

        run_op(parent=self, op=op, on_success=done)

    def _say(self, text: str) -> None:
        self.message.setText(f"✖ {text}")
        self.message.show()

    # -- sign-off and exports --------------------------------------------------------------

    def on_sign_off_requested(self, step: StepRow) -> SignOffDialog:
        batch = self.panel.detail.identifier if self.panel.detail else ""
        dialog = SignOffDialog(self._ctx, step, batch, self)
        dialog.open()
        return dialog

    def _destroyable(self, item: QTreeWidgetItem | None) -> bool:
        user = self._ctx.user
        may = user is not None and user.has_any("operator", "qa", "qa_head", "clinical")
        return may and item is not None and item.data(0, REF_ROLE).kind == "unit"

    def destroy_selected(self) -> DestroyUnitDialog | None:
        """Witnessed destruction of the selected unit; the trace reopens on it afterwards."""
        item = self.tree.currentItem()
        if not self._destroyable(item):
            return None
        assert item is not None
        ref: NodeRef = item.data(0, REF_ROLE)
        dialog = DestroyUnitDialog(self._ctx, ref.id, self)
        dialog.signed.connect(lambda _event: self.open_ref(ref))
        dialog.open()
        return dialog

    def export(self, kind: str, path: Path | None = None) -> Operation | None:
        detail = self.panel.detail
        if detail is None:
            return None
        suffix = ".pdf" if kind.endswith("pdf") else ".csv"
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export"), f"{kind}-{detail.identifier}{suffix}"
            )
            if not name:
                return None
            path = Path(name)
        ctx, ref = self._ctx, detail.ref
        target = Path(path)

        def op(progress: Progress) -> tuple[Path, int]:
            build = reports.trace_report if kind.startswith("trace") else reports.batch_record
            report = build(ctx.core, ref, ctx.username)
            write_report(report, target, progress)
            record_export(ctx.core, ctx.username, kind, detail.identifier, target, report.row_count)
            return target, report.row_count

        return run_op(parent=self, op=op, on_success=self._saved, label=self.tr("Exporting…"))

    def _saved(self, saved: tuple[Path, int]) -> None:
        path, rows = saved
        text = saved_text(rows, path)
        self.export_result.setText(f"✔ {text}")
        self.export_result.show()
        self._ctx.events.done.emit(text)
        self.exported.emit(path)
