"""Run slow work off the GUI thread and bring results back through signals (Anki's ops).

Every database operation goes through one single-thread pool, so the SQLite writer is
never contended by the GUI itself.  Never touch widgets inside ``op``: it runs on the
worker thread.  Failures of ``DomainError`` are shown in one place, ``show_error``.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from gui.i18n import LANGUAGE
from models.i18n import describe
from models.kernel.errors import DatabaseUnavailableError, DomainError
from models.kernel.record_version import RecordChangedError
from printing.errors import PrinterError

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]  # (done, total); total 0 means "unknown"
_POOL: QThreadPool | None = None
_RUNNING: set[Operation] = set()


def database_pool() -> QThreadPool:
    global _POOL  # noqa: PLW0603 - one serial executor for the whole process
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


class OperationEvents(QObject):
    """Process-wide news from operations: a lost database connection, whoever ran the call."""

    database_unavailable = Signal(object)  # the DatabaseUnavailableError
    # another station changed the record the action relied on: the screens must refresh
    record_changed = Signal(object)  # the RecordChangedError


_EVENTS: OperationEvents | None = None


def operation_events() -> OperationEvents:
    global _EVENTS  # noqa: PLW0603 - one notifier for every run_op caller
    if _EVENTS is None:
        _EVENTS = OperationEvents()
    return _EVENTS


def _report_process_wide(exc: BaseException) -> None:
    if isinstance(exc, DatabaseUnavailableError):
        operation_events().database_unavailable.emit(exc)
    elif isinstance(exc, RecordChangedError):
        operation_events().record_changed.emit(exc)


class Operation(QObject):
    """Signals of one background call; kept alive until it finishes."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, op: Callable[[Progress], Any], signals: Operation) -> None:
        super().__init__()
        self._op, self._signals = op, signals

    def run(self) -> None:
        try:
            result = self._op(self._signals.progressed.emit)
        except Exception as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            if not isinstance(exc, DomainError):
                log.error("operation failed\n%s", traceback.format_exc())
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)
        self._signals.finished.emit()


def run_op(
    *,
    parent: QWidget,
    op: Callable[[Progress], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    label: str | None = None,
) -> Operation:
    """Start ``op(progress)`` on the database thread; show a progress dialog if ``label``."""
    operation_events()  # created on the GUI thread, before any worker can report through it
    signals = Operation()
    _RUNNING.add(signals)
    if on_success:
        signals.succeeded.connect(
            _while_alive(parent, on_success), Qt.ConnectionType.QueuedConnection
        )
    signals.failed.connect(_report_process_wide)  # before the caller's handler: status first
    signals.failed.connect(
        _while_alive(parent, on_failure or (lambda exc: show_error(parent, exc)))
    )
    if label:
        _attach_progress(parent, signals, label)
    signals.finished.connect(lambda: _RUNNING.discard(signals))
    database_pool().start(_Runnable(op, signals))
    return signals


def _while_alive(parent: QWidget, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """The answer of an operation whose screen was deleted meanwhile (a page rebuilt after a
    station-role change) has nobody to go to: calling into it would raise."""

    def call(value: Any) -> None:
        if shiboken6.isValid(parent):
            callback(value)

    return call


def _attach_progress(parent: QWidget, signals: Operation, label: str) -> None:
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done if total else 0)

    signals.progressed.connect(on_progress)
    signals.finished.connect(dialog.close)
    signals.finished.connect(dialog.deleteLater)


def error_text(exc: BaseException) -> str:
    """The one rendering of failures: a DomainError in the user's language, never a traceback."""
    if isinstance(exc, DomainError | PrinterError):
        return describe(exc, LANGUAGE.code)
    if isinstance(exc, OSError):
        return f"{type(exc).__name__}: {exc.strerror or exc}"
    return QCoreApplication.translate("Operations", "Unexpected error: {0}").format(
        type(exc).__name__
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "CellTrail", error_text(exc), parent=parent)
    box.setObjectName("errorBox")
    box.open()
