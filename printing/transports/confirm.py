"""Waiting for a ZPL printer to print what it was sent, read from ``~HS`` (ZPL II guide).

The printer counts, in ``~HS`` string 1 field e, the formats (``^XA``…``^XZ``) received but
not yet processed, and in string 2 field u the labels still to print in the current batch
(``^PQ``).  A ``~HS`` sent after the job on the same connection is read after the job's bytes
(TCP keeps order, and tilde commands act as soon as the printer parses them), so "e = 0 and
u = 0 with no fault" means the printer has taken the whole job and finished printing it.
Any fault flag (paper out, head open, paused …) means the labels may be stuck or half out.

The label odometer (``~HQOD``, SGD ``odometer.*``) would also show that paper moved, but only
Link-OS printers answer it; every ZPL II printer answers ``~HS``, so that is what is asked.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from printing.errors import PrinterFaultAfterSendError, PrinterNotConfirmedError
from printing.status import PrinterStatus

# First ask at once (a fast printer is already done), then back off so a slow printer that
# prints for seconds is not flooded; the cap keeps the extra wait after it finishes small.
_FIRST_PAUSE, _MAX_PAUSE = 0.02, 0.25


def await_output(
    read_status: Callable[[], PrinterStatus], printer: str, timeout: float
) -> PrinterStatus:
    """Ask until the printer holds nothing of the job; raise if it faults or runs out of time.

    ``read_status`` raises on a broken connection or an unreadable reply (the caller
    translates those); this raises ``PrinterFaultAfterSendError`` / ``PrinterNotConfirmedError``.
    """
    deadline = time.monotonic() + timeout
    pause = _FIRST_PAUSE
    while True:
        status = read_status()
        if status.problems:
            raise PrinterFaultAfterSendError(printer=printer, problems=status.problems)
        if status.formats_in_buffer == 0 and status.labels_remaining == 0:
            return status
        if time.monotonic() + pause > deadline:
            raise PrinterNotConfirmedError(
                printer=printer,
                seconds=timeout,
                formats=status.formats_in_buffer,
                labels=status.labels_remaining,
            )
        time.sleep(pause)
        pause = min(pause * 2, _MAX_PAUSE)
