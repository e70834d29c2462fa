"""Label station: request labels for a batch's units, print them (one thread per printer),
double-check each printed label, apply / void / destroy / reprint, and see the batch's
reconciliation (printed = applied + voided + destroyed).

Every write is a LabelingService call; this page only reads (models.labeling.station_view)
and guides.
Label-life actions (check, apply, void …) live in gui.pages.label_station.actions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.live_refresh import RefreshWhenShown
from gui.operations import Operation, Progress, run_op
from gui.pages.label_station.actions import LabelActions
from gui.pages.label_station.printing import LabelPrinting
from gui.pages.label_station.recovery import LabelRecovery
from gui.pages.label_station.request import LabelRequest
from gui.pages.label_station.scan_check import ScanToCheck
from gui.pages.label_station.tables import LabelTables
from gui.status_style import set_ok, status_text
from models.labeling import station_view as q
from models.labeling.reconciliation import LabelReconciliation
from models.labeling.station_reads import StationChoices

ID_ROLE = Qt.ItemDataRole.UserRole


class LabelStationPage(QWidget):
    loaded = Signal()  # batch data shown (tests wait for it)
    print_finished = Signal(int)  # job id, after the page has refreshed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelStationPage")
        self.ctx = ctx
        self.heading = QLabel(objectName="pageHeading")
        self.batch_combo = QComboBox(objectName="batchCombo")
        self.units_label, self.queue_label, self.labels_label = (
            QLabel(objectName="sectionLabel", wordWrap=True) for _ in range(3)
        )
        self.request_button = QPushButton(objectName="primaryButton")
        self.print_button = QPushButton(objectName="printButton")
        self.status = QLabel(objectName="pageStatus", wordWrap=True)
        self._hint_shown = False  # the status line shows the page's hint, not an outcome
        self.batch_id: int | None = None
        self.report: LabelReconciliation | None = None
        # helpers get what they use (the sibling that owns it, or say/refresh), never the page
        self.tables = LabelTables(self)
        self.label_actions = LabelActions(
            ctx, self.tables, self.print_button, feedback=self, window=self
        )
        self.requests = LabelRequest(
            ctx, self.tables, lambda: self.batch_id, feedback=self, window=self
        )
        self.printing = LabelPrinting(ctx, self.tables, feedback=self, window=self)
        self.printing.finished.connect(self.print_finished)
        self.scan_check = ScanToCheck(
            ctx,
            self.tables,
            self.label_actions,
            self,
            self.select_batch,
            self.loaded,
            self,
            shown_batch=lambda: self.report.batch_number if self.report else None,
        )
        self.recovery = LabelRecovery(
            ctx, self.tables, lambda: self.printing.running, feedback=self, window=self
        )
        # the widgets the helpers own, under the names the layout and the tests use
        self.jobs, self.labels, self.banner = (
            self.tables.jobs,
            self.tables.labels,
            self.tables.banner,
        )
        self.units, self.preview = self.requests.units, self.requests.preview
        self.template_combo = self.requests.template_combo
        self.printer_combo = self.requests.printer_combo
        self.preview_caption = self.requests.preview_caption
        self._build_layout()
        self.batch_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.units.currentItemChanged.connect(lambda *_: self.requests.preview_unit())
        self.template_combo.currentIndexChanged.connect(lambda _i: self.requests.preview_unit())
        self.request_button.clicked.connect(self.requests.request_labels)
        self.print_button.clicked.connect(lambda: self.printing.print_job())  # noqa: PLW0108
        self.labels.itemSelectionChanged.connect(self.requests.preview_label)
        self.live = RefreshWhenShown(ctx.events, self, self.refresh)
        self.retranslate()

    def _build_layout(self) -> None:
        """Two rows of two: what to print (units | print queue) above what was printed
        (labels | preview).  The tables get the width of half the page, not a third, and
        the label - wider than high - a box of its own shape (issue 14: 1280 and 1366 px)."""
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.batch_combo, 1)
        request = self._request_box()
        queue_box = QWidget()
        queue = QVBoxLayout(queue_box)
        queue.setContentsMargins(0, 0, 0, 0)
        queue.addWidget(self.queue_label)
        queue.addWidget(self.jobs, 1)
        job_buttons = [self.print_button, self.recovery.button, *self.label_actions.job_buttons()]
        queue.addLayout(_button_rows(job_buttons, 3))
        labels_box = QWidget()
        labels = QVBoxLayout(labels_box)
        labels.setContentsMargins(0, 0, 0, 0)
        labels.addWidget(self.labels_label)
        labels.addWidget(self.labels, 1)
        labels.addLayout(_button_rows(self.label_actions.label_buttons(), 5))  # one row
        preview_box = QWidget()
        right = QVBoxLayout(preview_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.preview_caption)
        right.addWidget(self.preview, 1)
        upper, lower = QSplitter(), QSplitter()
        for splitter, boxes in ((upper, (request, queue_box)), (lower, (labels_box, preview_box))):
            for box in boxes:
                splitter.addWidget(box)
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 1)
        upper.setSizes([400, 600])
        lower.setSizes([650, 350])
        rows = QSplitter(Qt.Orientation.Vertical)
        rows.addWidget(upper)
        rows.addWidget(lower)
        rows.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.recovery.banner)
        layout.addWidget(rows, 1)
        layout.addWidget(self.status)

    def _request_box(self) -> QWidget:
        """The units to label, the template and printer for them, and the request."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.template_label, self.printer_label = QLabel(), QLabel()
        grid.addWidget(self.units_label, 0, 0, 1, 2)
        grid.addWidget(self.units, 1, 0, 1, 2)
        grid.addWidget(self.template_label, 2, 0)
        grid.addWidget(self.template_combo, 2, 1)
        grid.addWidget(self.printer_label, 3, 0)
        grid.addWidget(self.printer_combo, 3, 1)
        grid.addWidget(self.request_button, 4, 0, 1, 2)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(1, 1)
        return box

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Label station – batch"))
        self.units_label.setText(self.tr("1. Units to label"))
        self.template_label.setText(self.tr("Template"))
        self.printer_label.setText(self.tr("Printer"))
        self.request_button.setText(self.tr("Request labels"))
        self.queue_label.setText(self.tr("2. Print queue"))
        self.labels_label.setText(self.tr("3. Printed labels – check, apply or void each one"))
        self.print_button.setText(self.tr("Print ▶"))
        self.jobs.setHorizontalHeaderLabels(
            [
                self.tr("Job"),
                self.tr("Template"),
                self.tr("Units"),
                self.tr("Status"),
                self.tr("Requested by"),
                self.tr("Note"),
            ]
        )
        self.labels.setHorizontalHeaderLabels(
            [
                self.tr("Label"),
                self.tr("DIN"),
                self.tr("State"),
                self.tr("Checked by"),
                self.tr("Applied by"),
            ]
        )
        self.label_actions.retranslate()
        self.recovery.retranslate()
        self.requests.show_caption()
        if self.batch_combo.count():
            self.load_batches()  # status words inside the batch and unit lists
        if not self.status.text() or self._hint_shown:  # the hint follows the language
            self.say(self.tr("Choose the batch, tick the units and request their labels."), None)
            self._hint_shown = True
        if self.report is not None:
            self.tables.show_report(self.report)
        if self.job_rows or self.label_rows:
            self.tables.fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if self.batch_combo.count() == 0:
            self.load_batches()
        super().showEvent(event)

    # -- loading ---------------------------------------------------------------------------

    def load_batches(self) -> Operation:
        reads = self.ctx.core.label_station_reads

        def op(_p: Progress) -> StationChoices:
            return reads.choices()

        return run_op(parent=self, op=op, on_success=self._on_batches)

    def _on_batches(self, loaded: StationChoices) -> None:
        batches, templates = loaded.batches, loaded.templates
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for t in templates:
            self.template_combo.addItem(f"{t.code} v{t.version} · {t.container_type}", t.id)
        self.template_combo.blockSignals(False)
        self.printer_combo.clear()
        for url in self.ctx.station.printer_urls:
            self.printer_combo.addItem(_short_url(url), url)
            self.printer_combo.setItemData(
                self.printer_combo.count() - 1, url, Qt.ItemDataRole.ToolTipRole
            )
        previous = self.batch_combo.currentData()
        self.batch_combo.blockSignals(True)
        self.batch_combo.clear()
        for b in batches:
            self.batch_combo.addItem(f"{b.number}  ·  {status_text(b.status)}  ·  {b.units}", b.id)
        self.batch_combo.setCurrentIndex(max(self.batch_combo.findData(previous), 0))
        self.batch_combo.blockSignals(False)
        if not self.ctx.station.printer_urls:
            self.say(
                self.tr(
                    "No label printer is configured for this workstation "
                    "(an administrator adds one under Workstation…)."
                ),
                False,
            )
        self.refresh()

    def select_batch(self, number: str) -> bool:
        """Show batch ``number`` (reloading it); False if the list does not hold it."""
        texts = [self.batch_combo.itemText(i) for i in range(self.batch_combo.count())]
        index = next((i for i, t in enumerate(texts) if t.startswith(number + " ")), -1)
        if index < 0:
            return False
        if index == self.batch_combo.currentIndex():
            self.refresh()
        else:
            self.batch_combo.setCurrentIndex(index)  # refreshes
        return True

    def refresh(self) -> Operation | None:
        batch_id = self.batch_combo.currentData()
        if batch_id is None:
            return None
        core = self.ctx.core

        def op(_p: Progress) -> tuple[Any, ...]:
            loaded = core.label_station_reads.batch_labels(batch_id)
            units, jobs, labels = loaded.units, loaded.jobs, loaded.labels
            return batch_id, units, jobs, labels, core.labeling.reconciliation(batch_id)

        return run_op(parent=self, op=op, on_success=self._on_loaded)

    @property
    def job_rows(self) -> list[q.JobRow]:
        return self.tables.job_rows

    @property
    def label_rows(self) -> list[q.LabelRow]:
        return self.tables.label_rows

    def _on_loaded(self, loaded: tuple[Any, ...]) -> None:
        keep = (self.tables.selected_job_id, self.tables.selected_label_id)
        batch_id, units, self.tables.job_rows, self.tables.label_rows, self.report = loaded
        changed = batch_id != self.batch_id
        self.batch_id = batch_id
        if changed:
            self.requests.caption = ("", "")
            self.requests.show_caption()
            self.preview.show_message("")
        checked = set() if changed else set(self.requests.checked_unit_ids())
        self.units.blockSignals(True)
        self.units.clear()
        for unit in units:
            state = f"   [{status_text(unit.label_state)}]" if unit.label_state else ""
            item = QListWidgetItem(f"{unit.din}  {unit.container_type}{state}")
            item.setData(ID_ROLE, unit.id)
            item.setCheckState(
                Qt.CheckState.Checked if unit.id in checked else Qt.CheckState.Unchecked
            )
            self.units.addItem(item)
        self.units.blockSignals(False)
        self.tables.fill((None, None) if changed else keep)
        self.tables.show_report(self.report)
        self.loaded.emit()

    def say(self, text: str, ok: bool | None) -> None:
        self._hint_shown = False
        self.status.setText(text)
        self.status.setVisible(bool(text))
        set_ok(self.status, ok)

    def shutdown(self) -> None:
        """Finish what the printer threads hold, then stop them (the window calls this)."""
        self.printing.close()


def _short_url(url: str) -> str:
    """What a person recognises: scheme and host or last folder, without the options."""
    scheme, _, rest = url.partition("://")
    place = rest.split("?", 1)[0].rstrip("/")
    return f"{scheme}: …/{place.rsplit('/', 1)[-1]}" if scheme == "file" else f"{scheme}: {place}"


def _button_rows(buttons: list[QPushButton], per_row: int) -> QGridLayout:
    grid = QGridLayout()
    for i, button in enumerate(buttons):
        grid.addWidget(button, i // per_row, i % per_row)
    return grid
