"""QA's work queue on the home screen: one tab per kind of waiting work, its count in the tab
title; activating a row (double-click or Enter) opens its record where it is handled."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTabWidget, QWidget

from gui.i18n import LANGUAGE, QT_TRANSLATE_NOOP, format_datetime
from gui.status_style import status_text
from gui.widgets.tables import read_only_table
from models.i18n import Message
from models.overview.work_queue import AwaitingRelease, WorkQueue

# What a row opens: (the page that handles it, the identifier it is opened with)
TARGET_ROLE = Qt.ItemDataRole.UserRole

CLASSES = {
    "critical": QT_TRANSLATE_NOOP("WorkQueueView", "Critical"),
    "major": QT_TRANSLATE_NOOP("WorkQueueView", "Major"),
    "minor": QT_TRANSLATE_NOOP("WorkQueueView", "Minor"),
}
SHOWN_BLOCKERS = 2  # the rest are counted: the release page lists them all


def age_text(since: datetime, now: datetime) -> str:
    """How long something has waited, in the largest units that matter (3 d 4 h, 5 h, 12 min)."""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    days, hours = divmod(minutes // 60, 24)
    if days:
        return QCoreApplication.translate("WorkQueueView", "{0} d {1} h").format(days, hours)
    if hours:
        return QCoreApplication.translate("WorkQueueView", "{0} h").format(hours)
    return QCoreApplication.translate("WorkQueueView", "{0} min").format(minutes)


def _trace(identifier: str | None) -> tuple[str, str] | None:
    return ("trace", identifier) if identifier else None


def _product_name(batch: AwaitingRelease) -> str:
    return batch.product_zh if LANGUAGE.code == "zh" else batch.product_en


def _queue_table(columns: int, name: str, stretch: int) -> QTableWidget:
    """Short columns sized to their content, the long one (title, readiness) taking the rest
    and eliding: the home page never grows wider than the window for a long text."""
    return read_only_table(columns, name, (stretch,))


class WorkQueueView(QTabWidget):
    open_target = Signal(str, str)  # (page: "trace" | "release", identifier)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workQueue")
        self.deviations = _queue_table(6, "queueDeviations", 5)
        self.stopped = _queue_table(4, "queueStoppedLines", 2)
        self.release = _queue_table(4, "queueAwaitingRelease", 3)
        self.labels = _queue_table(4, "queueLabelsToCheck", 1)
        self.tables = (self.deviations, self.stopped, self.release, self.labels)
        for table in self.tables:
            self.addTab(table, "")
            # cellActivated: a double-click, or Enter on the keyboard
            table.cellActivated.connect(lambda row, _col, t=table: self._activate(t, row))
        self.queue: WorkQueue | None = None
        self.retranslate()

    def _activate(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        target = item.data(TARGET_ROLE) if item is not None else None
        if target:
            self.open_target.emit(*target)

    def retranslate(self) -> None:
        self.deviations.setHorizontalHeaderLabels(
            [
                self.tr("Deviation"),
                self.tr("Class"),
                self.tr("Status"),
                self.tr("Age"),
                self.tr("Concerns"),
                self.tr("Title"),
            ]
        )
        self.stopped.setHorizontalHeaderLabels(
            [
                self.tr("Batch"),
                self.tr("Station"),
                self.tr("Deviation"),
                self.tr("Stopped job requested"),
            ]
        )
        self.release.setHorizontalHeaderLabels(
            [self.tr("Batch"), self.tr("Product"), self.tr("Waiting"), self.tr("Release readiness")]
        )
        self.labels.setHorizontalHeaderLabels(
            [self.tr("Batch"), self.tr("Unit"), self.tr("Printed"), self.tr("Reprint")]
        )
        self._set_titles()
        if self.queue is not None:
            self.show_queue(self.queue)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_titles(self) -> None:
        queue = self.queue
        counts = (
            (len(queue.deviations), len(queue.stopped_lines))
            + (len(queue.awaiting_release), len(queue.labels_to_check))
            if queue
            else (0, 0, 0, 0)
        )
        titles = (
            self.tr("Open deviations ({0})"),
            self.tr("Stopped label lines ({0})"),
            self.tr("Awaiting release ({0})"),
            self.tr("Labels awaiting check ({0})"),
        )
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.setTabText(index, title.format(count))

    def show_queue(self, queue: WorkQueue, now: datetime | None = None) -> None:
        self.queue = queue
        now = now or datetime.now(UTC)
        self._fill(
            self.deviations,
            [
                (
                    _trace(d.unit or d.batch),
                    [
                        ("⚠ " if d.urgent else "") + d.code,
                        self.tr(CLASSES[d.classification])
                        if d.classification in CLASSES
                        else self.tr("Not classified"),
                        status_text(d.status),
                        age_text(d.opened_at, now),
                        d.unit or d.batch or "",
                        d.title,
                    ],
                )
                for d in queue.deviations
            ],
        )
        self._fill(
            self.stopped,
            [
                (
                    ("trace", s.batch),
                    [s.batch, s.station or "", s.deviation or "", format_datetime(s.requested_at)],
                )
                for s in queue.stopped_lines
            ],
        )
        self._fill(
            self.release,
            [
                (
                    ("release", b.batch),
                    [
                        b.batch,
                        f"{b.product_code} {_product_name(b)}",
                        age_text(b.created_at, now),
                        self._readiness(b.blockers),
                    ],
                )
                for b in queue.awaiting_release
            ],
        )
        self._fill(
            self.labels,
            [
                (
                    ("trace", label.unit.split(" ")[0]),
                    [
                        label.batch,
                        label.unit,
                        format_datetime(label.printed_at),
                        self.tr("Reprint") if label.reprint else "",
                    ],
                )
                for label in queue.labels_to_check
            ],
        )
        self._set_titles()

    def _readiness(self, blockers: tuple[Message, ...]) -> str:
        if not blockers:
            return "✔ " + self.tr("Ready to release")
        words = [b.message(LANGUAGE.code) for b in blockers[:SHOWN_BLOCKERS]]
        more = len(blockers) - SHOWN_BLOCKERS
        if more > 0:
            words.append(self.tr("{0} more").format(more))
        return "✖ " + "; ".join(words)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[tuple[str, str] | None, list[str]]]) -> None:
        table.setRowCount(len(rows))
        for row, (target, cells) in enumerate(rows):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # the whole text when the column elides it
                if col == 0:
                    item.setData(TARGET_ROLE, target)
                table.setItem(row, col, item)
