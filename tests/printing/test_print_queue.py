"""One FIFO worker thread per printer; failures come back as results."""

from __future__ import annotations

import threading

import pytest

from printing.port import CONTENT_TYPES, Outcome, PrinterTimeoutError, PrintJob, PrintResult
from printing.queue import PrinterQueue
from tests.fakes.printers import RecordingPrinter


def _jobs(count: int) -> list[PrintJob]:
    return [PrintJob(f"J{i}", b"^XA^XZ", CONTENT_TYPES["zpl"]) for i in range(count)]


def test_jobs_run_in_submission_order_on_one_thread() -> None:
    printer = RecordingPrinter("P1")
    done: list[str] = []
    with PrinterQueue(printer) as queue:
        futures = [queue.submit(job, lambda r: done.append(r.job_id)) for job in _jobs(20)]
    assert [f.result().job_id for f in futures] == [f"J{i}" for i in range(20)]
    assert [job.job_id for job in printer.jobs] == done == [f"J{i}" for i in range(20)]
    assert len(set(printer.threads)) == 1
    assert printer.threads[0] != threading.current_thread().name
    assert printer.threads[0].startswith("printer-P1")


def test_printer_error_becomes_failed_result() -> None:
    error = PrinterTimeoutError(printer="P1", seconds=5)
    results: list[PrintResult] = []
    with PrinterQueue(RecordingPrinter("P1", fail_with=error)) as queue:
        queue.submit(_jobs(1)[0], results.append)
    [result] = results
    assert (result.outcome, result.error) == (Outcome.FAILED, error)


def test_failing_callback_does_not_stop_the_queue() -> None:
    def explode(result: PrintResult) -> None:
        raise RuntimeError(result.job_id)

    printer = RecordingPrinter()
    with PrinterQueue(printer) as queue:
        queue.submit(_jobs(1)[0], explode)
        last = queue.submit(PrintJob("after", b"", CONTENT_TYPES["zpl"]))
    assert last.result().outcome is Outcome.CONFIRMED


def test_call_runs_any_operation_on_the_printer_thread() -> None:
    with PrinterQueue(RecordingPrinter("P2")) as queue:
        name = queue.call(lambda: threading.current_thread().name).result()
    assert name.startswith("printer-P2")


def test_submit_after_close_is_refused() -> None:
    queue = PrinterQueue(RecordingPrinter())
    queue.close()
    with pytest.raises(RuntimeError):
        queue.submit(_jobs(1)[0])
