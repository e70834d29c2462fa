"""One worker thread per label printer (printing.queue.PrinterQueue), results as Qt signals.

A print run (``LabelingService.print_job``: claim, send, record) runs whole on the printer's
own thread, so a slow or silent printer never blocks the GUI or another printer, and jobs
for one printer come out in the order they were released (style-anchors S3).  The printer
thread emits a signal; Qt queues it to the GUI thread, where the slots run.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal

from models.core import Core
from printing.port import LabelPrinter
from printing.queue import PrinterQueue
from printing.registry import open_printer

log = logging.getLogger(__name__)


class PrinterWorkers(QObject):
    """Holds a PrinterQueue per printer URL; opened on first use, closed on ``close()``."""

    started = Signal(int, str)  # job id, printer URL
    printed = Signal(int, object)  # job id, PrintOutcome (FAILED outcomes included)
    failed = Signal(int, object)  # job id, exception (DomainError: refused by the core)

    def __init__(self, core: Core, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._queues: dict[str, PrinterQueue] = {}

    def queue_for(self, url: str) -> PrinterQueue:
        """The printer's queue; UnsupportedPrinterAddressError for a bad URL (show it)."""
        if url not in self._queues:
            self._queues[url] = PrinterQueue(open_printer(url, name=_short_name(url)))
        return self._queues[url]

    def add_printer(self, url: str, printer: LabelPrinter) -> None:
        """Use ``printer`` for ``url`` (tests and simulations)."""
        self._queues[url] = PrinterQueue(printer)

    def print_job(
        self, job_id: int, url: str, actor: str, version: int | None = None
    ) -> Future[object]:
        """``version``: the job's version the queue showed (refused by name if it moved)."""
        queue = self.queue_for(url)
        labeling, printer = self._core.labeling, queue.printer

        def run() -> object:
            self.started.emit(job_id, url)
            try:
                outcome = labeling.print_job(
                    job_id=job_id, printer=printer, actor=actor, expected_version=version
                )
            except Exception as exc:  # noqa: BLE001 - every failure must reach the GUI
                log.info("print job %s refused: %s", job_id, exc)
                self.failed.emit(job_id, exc)
                return exc
            self.printed.emit(job_id, outcome)
            return outcome

        return queue.call(run)

    def close(self) -> None:
        for queue in self._queues.values():
            queue.close(wait=True)
        self._queues.clear()


def _short_name(url: str) -> str:
    return url.split("://", 1)[-1].split("?", 1)[0][:40]
