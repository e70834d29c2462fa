"""Home: what is on the floor right now (batches, unit status counts, latest activity); at
the QA desk, first the work queue: what waits for QA (work_queue.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.destroy_unit import reason_text
from gui.i18n import LANGUAGE, format_datetime, format_number, word
from gui.operations import Operation, Progress, run_op
from gui.pages.home.work_queue import WorkQueueView
from gui.status_style import badge_stylesheet, status_text
from gui.widgets.status_badge import status_item
from gui.widgets.tables import read_only_table
from models.chain.disposal_queue import AwaitingUnit
from models.overview.dashboard import Dashboard
from models.overview.work_queue import WorkQueue


class HomePage(QWidget):
    open_identifier = Signal(str)
    loaded = Signal(object)  # Dashboard
    awaiting_loaded = Signal(object)  # tuple[AwaitingUnit, ...]
    queue_loaded = Signal(object)  # WorkQueue
    open_target = Signal(str, str)  # a work-queue row: (page name, identifier)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self._ctx = ctx
        self.heading = QLabel(objectName="pageHeading")
        self.tiles = QHBoxLayout()
        self.batches_label, self.recent_label = (
            QLabel(objectName="sectionLabel"),
            QLabel(objectName="sectionLabel"),
        )
        self.batches = read_only_table(6, "batchTable", stretch=(1,))  # the product
        self.recent = read_only_table(4, "recentTable")
        self.awaiting_label = QLabel(objectName="sectionLabel")
        self.awaiting = read_only_table(5, "awaitingDestructionTable")
        self.awaiting_label.hide()  # until a unit awaits destruction (_show_awaiting)
        self.awaiting.hide()
        # QA's day starts from what waits for QA; other stations keep the floor overview
        self.queue: WorkQueueView | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.tiles)
        if ctx.station.role == "qa":
            self.queue = WorkQueueView(self)
            self.queue.open_target.connect(self.open_target)
            layout.addWidget(self.queue, 3)
        layout.addWidget(self.batches_label)
        layout.addWidget(self.batches, 3)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent, 2)
        layout.addWidget(self.awaiting_label)
        layout.addWidget(self.awaiting, 2)
        self.awaiting.cellDoubleClicked.connect(self._open_awaiting)
        self.batches.cellDoubleClicked.connect(self._open_batch)
        # every station's work reaches here through the change feed; a hidden home page is
        # refreshed when shown (MainWindow.show_page), not on every change elsewhere
        ctx.events.subscribe(
            self, ctx.events.records_changed, lambda _w: self.isVisible() and self.refresh()
        )
        self.dashboard: Dashboard | None = None
        self.awaiting_units: tuple[AwaitingUnit, ...] | None = None
        self.retranslate()

    def _open_awaiting(self, row: int, _column: int) -> None:
        item = self.awaiting.item(row, 0)
        if item is not None:
            # the trace search finds a unit by its DIN; the division shows in the trace
            self.open_identifier.emit(item.text().split("/")[0])

    def _open_batch(self, row: int, _column: int) -> None:
        item = self.batches.item(row, 0)
        if item is not None:
            self.open_identifier.emit(item.text())

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Overview – {0}").format(self._ctx.station.role_text))
        self.batches_label.setText(self.tr("Batches (open work first) – double-click to trace"))
        self.recent_label.setText(self.tr("Latest activity"))
        self.awaiting_label.setText(
            self.tr("Units awaiting destruction – double-click to trace and destroy")
        )
        self.awaiting.setHorizontalHeaderLabels(
            [
                self.tr("Unit"),
                self.tr("Batch"),
                self.tr("Why"),
                self.tr("Where"),
                self.tr("Expires"),
            ]
        )
        self.batches.setHorizontalHeaderLabels(
            [
                self.tr("Batch"),
                self.tr("Product"),
                self.tr("Status"),
                self.tr("Units"),
                self.tr("Workspace"),
                self.tr("Created"),
            ]
        )
        self.recent.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Record")]
        )
        if self.dashboard:
            self._show(self.dashboard)
        if self.awaiting_units is not None:
            self._show_awaiting(self.awaiting_units)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> Operation:
        core = self._ctx.core

        def op(_p: Progress) -> Dashboard:
            return core.dashboard_reads.dashboard()

        operation = run_op(parent=self, op=op, on_success=self._show)
        if self.queue is not None:
            username = self._ctx.username

            def queue(_p: Progress) -> WorkQueue:
                return core.dashboard_reads.work_queue(username)

            run_op(parent=self, op=queue, on_success=self._show_queue)

        viewer = self._ctx.username

        def awaiting(_p: Progress) -> tuple[AwaitingUnit, ...]:
            # a hospital's staff see the units held at their hospital only
            return core.disposal_reads.awaiting_destruction(datetime.now(UTC), viewer)

        run_op(parent=self, op=awaiting, on_success=self._show_awaiting)
        return operation

    def _show_queue(self, queue: WorkQueue) -> None:
        if self.queue is not None:
            self.queue.show_queue(queue)
        self.queue_loaded.emit(queue)

    def _show_awaiting(self, units: tuple[AwaitingUnit, ...]) -> None:
        self.awaiting_units = units
        # shown when a unit awaits destruction: an empty table would take the place of work
        self.awaiting_label.setVisible(bool(units))
        self.awaiting.setVisible(bool(units))
        self.awaiting.setRowCount(len(units))
        for row, u in enumerate(units):
            cells = [
                u.code,
                u.batch,
                ", ".join(reason_text(r) for r in u.reasons),
                u.location,
                format_datetime(u.expires_at),
            ]
            for col, text in enumerate(cells):
                self.awaiting.setItem(row, col, QTableWidgetItem(text))
        self.awaiting_loaded.emit(units)

    def _show(self, board: Dashboard) -> None:
        self.dashboard = board
        self._fill_tiles(board)
        self.batches.setRowCount(len(board.batches))
        for row, b in enumerate(board.batches):
            product = b.product_zh if LANGUAGE.code == "zh" else b.product_en
            cells: list[Any] = [
                b.number,
                f"{b.product_code} {product}",
                status_item(b.status),
                format_number(b.units),
                b.workspace or "",
                format_datetime(b.created_at),
            ]
            for col, cell in enumerate(cells):
                self.batches.setItem(
                    row, col, cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell)
                )
        self.recent.setRowCount(len(board.recent))
        for row, r in enumerate(board.recent):
            for col, text in enumerate(
                [
                    format_datetime(r.at),
                    r.actor,
                    word("audit_action", r.action),
                    f"{word('record_kind', r.subject_type)} {r.subject_id}",
                ]
            ):
                self.recent.setItem(row, col, QTableWidgetItem(text))
        self.loaded.emit(board)

    def _fill_tiles(self, board: Dashboard) -> None:
        while self.tiles.count():
            item = self.tiles.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.tiles.addWidget(_tile(self.tr("Open batches"), board.open_batches, None))
        for count in board.unit_quality:
            self.tiles.addWidget(
                _tile(
                    self.tr("Units: {0}").format(status_text(count.status)),
                    count.count,
                    count.status,
                )
            )
        self.tiles.addWidget(
            _tile(
                self.tr("Units: {0}").format(status_text("recalled")),
                board.recalled_units,
                "recalled",
            )
        )
        for count in board.unit_disposition:
            self.tiles.addWidget(_tile(status_text(count.status), count.count, None))
        self.tiles.addStretch(1)


def _tile(title: str, value: int, status: str | None) -> QFrame:
    frame = QFrame(objectName="tile")
    if status:
        frame.setStyleSheet(f"QFrame#tile {{ {badge_stylesheet(status)} }}")
    grid = QGridLayout(frame)
    number = QLabel(
        format_number(value), objectName="tileNumber", alignment=Qt.AlignmentFlag.AlignCenter
    )
    grid.addWidget(number, 0, 0)
    grid.addWidget(
        # wraps: a row of tiles with long titles made the page (and window) wider on each refresh
        QLabel(
            title, objectName="tileTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True
        ),
        1,
        0,
    )
    return frame
