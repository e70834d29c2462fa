"""One FIFO worker thread per printer (Electrum's single device thread, Vorta's per-site queue).

A raw Zebra connection serves one client at a time, and jobs must come out in the order they
were released, so everything for one printer runs on that printer's thread.  Pure
``threading``: a GUI wraps it and re-emits ``on_done`` on its own thread via a signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from printing.port import LabelPrinter, PrinterError, PrintJob, PrintResult

T = TypeVar("T")
log = logging.getLogger(__name__)


class PrinterQueue:
    """Runs jobs (or whole print operations) for one printer, one at a time, in order."""

    def __init__(self, printer: LabelPrinter) -> None:
        self.printer = printer
        # max_workers=1 gives exactly one thread and a FIFO work queue.
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"printer-{printer.name}"
        )

    def submit(
        self, job: PrintJob, on_done: Callable[[PrintResult], None] | None = None
    ) -> Future[PrintResult]:
        """Queue ``job``; ``on_done`` runs *on the printer thread* with the result.

        Printer failures come back as ``PrintResult.failed`` (never raised), so a caller
        always gets exactly one result per job to record in the audit trail.
        """
        return self._executor.submit(self._send, job, on_done)

    def call(self, operation: Callable[[], T]) -> Future[T]:
        """Run any operation (e.g. a service's ``print_label``) on this printer's thread."""
        return self._executor.submit(operation)

    def close(self, wait: bool = True) -> None:
        """Finish queued jobs (if ``wait``) and stop the thread; later submits raise."""
        self._executor.shutdown(wait=wait)

    def __enter__(self) -> PrinterQueue:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _send(self, job: PrintJob, on_done: Callable[[PrintResult], None] | None) -> PrintResult:
        try:
            result = self.printer.send(job)
        except PrinterError as exc:
            result = PrintResult.failed(job.job_id, exc)
        if on_done is not None:
            try:
                on_done(result)
            except Exception:  # a broken callback must not stop the printer's thread
                log.exception("on_done callback failed for job %s", job.job_id)
        return result
