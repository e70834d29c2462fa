"""The operating-system spooler (CUPS) over IPP: ``system://Queue_Name[?server=host:port]``.

The job is submitted with IPP Print-Job and then *followed*: its state is polled with
Get-Job-Attributes until the spooler ends it or the printer's timeout runs out.

* completed (job-state 9) → ``Outcome.CONFIRMED``: the spooler says the job completed.  For
  a raw queue that means the device (backend) accepted every byte, not that a person saw the
  label; for a driver queue it means the filters and backend finished without error.
  (CUPS 2.4 completes a raw queue whose device is ``file:`` without writing anything: such a
  queue cannot confirm output, use a socket/usb device.)
* a stopped queue (``cupsdisable``; the job stays pending) or a held job (job-state 4) →
  the job is withdrawn (Cancel-Job) and ``PrinterHeldAtSpoolerError`` says nothing was
  printed; if the spooler will not withdraw it, ``PrinterHeldJobLeftError`` says it is
  still queued and will print when the queue resumes.
* aborted / cancelled (8 / 7) → ``PrinterSpoolerAbortedError``; so is a job that had started
  going to the device when the queue stopped (job-state 6, or pending again with
  ``time-at-processing`` set, as CUPS's default "stop-printer" error policy leaves it):
  withdrawn, with partial labels possible.
* still pending or processing at the deadline, or cupsd lost after accepting the job →
  ``Outcome.SENT`` (spooled, not confirmed: a person must check what came out).
* cupsd not answering → ``PrinterSpoolerDownError``; no such queue → ``PrinterQueueMissingError``.

Why IPP with the standard library (``printing.transports.ipp``): pycups is GPL and needs a C
build (libcups2-dev, gcc); the CUPS command-line clients cannot tell a completed job from a
cancelled one (``lpstat -W completed`` lists both) and print cupsd-down as "printer or class
does not exist".  IPP gives the job id, the numeric job state and status codes directly, and
it is the protocol the spooler speaks anyway, so nothing extra needs installing.

The server is ``?server=`` in the address, else ``CUPS_SERVER``, else CUPS's domain socket,
else ``localhost:631`` (client.conf is not read).  ZPL goes as
``application/vnd.cups-raw`` (what ``lp -o raw`` sends); PDF/PNG carry the label's exact
size as media with scaling off and portrait orientation, so the driver neither shrinks,
rotates nor centres the label on A4 (see ``media_attributes``).
"""

from __future__ import annotations

import getpass
import os
import time
from dataclasses import dataclass, replace
from urllib.parse import quote

from printing.address import profile_query
from printing.errors import (
    PrinterHeldAtSpoolerError,
    PrinterHeldJobLeftError,
    PrinterQueueMissingError,
    PrinterSpoolerAbortedError,
    PrinterSpoolerDownError,
)
from printing.port import (
    Outcome,
    PayloadFormat,
    PrinterRejectedError,
    PrinterTimeoutError,
    PrinterUnreachableError,
    PrintJob,
    PrintResult,
    check_content_type,
)
from printing.transports import ipp

DEFAULT_SOCKET = "/run/cups/cups.sock"
_DOCUMENT_FORMATS: dict[PayloadFormat, str] = {
    "zpl": "application/vnd.cups-raw",
    "pdf": "application/pdf",
    "png": "image/png",
}
# RFC 8011 §5.3.7 job-state values.
PENDING, HELD, PROCESSING, STOPPED, CANCELED, ABORTED, COMPLETED = 3, 4, 5, 6, 7, 8, 9
PRINTER_STOPPED = 5  # printer-state (RFC 8011 §5.4.12)
PORTRAIT = 3  # orientation-requested: draw the page as it is, never turned


@dataclass(frozen=True)
class _Seen:
    """One look at a spooled job."""

    state: int
    queue_stopped: bool = False
    started: bool = False  # the spooler began sending it to the device (time-at-processing)

    @property
    def waiting(self) -> bool:
        """Waiting on a person (held job, stopped queue or printer), not on time."""
        return self.state in (HELD, STOPPED) or (self.state == PENDING and self.queue_stopped)


def is_usable() -> bool:
    """Always: the transport needs no client program (cupsd itself is checked when sending)."""
    return True


def default_server() -> str:
    """Where CUPS clients look: ``CUPS_SERVER``, the local domain socket, ``localhost:631``."""
    configured = os.environ.get("CUPS_SERVER", "").strip()
    if configured:
        return configured
    return DEFAULT_SOCKET if os.path.exists(DEFAULT_SOCKET) else "localhost:631"


def _mm(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def media_attributes(job: PrintJob, payload_format: PayloadFormat, dpi: int) -> list[ipp.Attr]:
    """The label's own size as custom media, unscaled and unrotated (nothing for raw ZPL,
    which sets its own size, or a job that does not know its size)."""
    if payload_format == "zpl" or job.width_mm is None or job.height_mm is None:
        return []
    attrs = [
        ipp.Attr.keyword("media", f"Custom.{_mm(job.width_mm)}x{_mm(job.height_mm)}mm"),
        ipp.Attr.enum("orientation-requested", PORTRAIT),
        ipp.Attr.boolean("fit-to-page", False),
        ipp.Attr.keyword("print-scaling", "none"),
    ]
    if payload_format == "png":
        # For images CUPS's "scaling=100" means "fill the page"; ppi prints pixels at size.
        attrs.append(ipp.Attr.integer("ppi", dpi))
    else:
        attrs.append(ipp.Attr.integer("scaling", 100))
    return attrs


@dataclass
class SystemPrinter:
    """A spooler queue; ``server`` is ``host:port`` or a socket path (None: the default)."""

    queue: str
    payload_format: PayloadFormat = "zpl"
    name: str = ""
    dpi: int = 203
    timeout: float = 30.0
    server: str | None = None
    poll_interval: float = 0.2
    # from the station's printer profile (printing.profile): the stock loaded, ZPL ^MD
    media_mm: tuple[float, float] | None = None
    darkness: int | None = None

    def __post_init__(self) -> None:
        self.name = self.name or self.queue

    @property
    def address(self) -> str:
        server = f"&server={self.server}" if self.server else ""
        profile = profile_query(media=self.media_mm, darkness=self.darkness, first="&")
        return f"system://{self.queue}?format={self.payload_format}{server}{profile}"

    @property
    def _server(self) -> str:
        return self.server or default_server()

    @property
    def _printer_uri(self) -> str:
        return f"ipp://localhost/printers/{quote(self.queue, safe='')}"

    def _call(
        self,
        operation: int,
        attrs: list[ipp.Attr],
        deadline: float,
        job_attrs: list[ipp.Attr] | None = None,
        document: bytes = b"",
    ) -> ipp.Response:
        head = [ipp.Attr.uri("printer-uri", self._printer_uri)]
        head.append(ipp.Attr.name_("requesting-user-name", getpass.getuser()))
        body = ipp.encode(operation, 1, head + attrs, job_attrs) + document
        wait = max(deadline - time.monotonic(), 0.5)
        resource = f"/printers/{quote(self.queue, safe='')}"
        return ipp.post(self._server, resource, body, wait)

    def send(self, job: PrintJob) -> PrintResult:
        check_content_type(self, job)
        deadline = time.monotonic() + self.timeout
        spooler_job = self._submit(job, deadline)
        shown = f"{self.queue}-{spooler_job}"  # what lp calls the request id
        try:
            seen = self._follow(spooler_job, deadline)
        except (OSError, ValueError):
            # The job was accepted; whether it printed is not known: unconfirmed.
            return PrintResult(job.job_id, Outcome.SENT, detail=shown, spooler_job=spooler_job)
        if seen.state == COMPLETED:
            return PrintResult(job.job_id, Outcome.CONFIRMED, shown, spooler_job=spooler_job)
        if seen.state in (CANCELED, ABORTED):
            reason = "cancelled" if seen.state == CANCELED else "aborted"
            raise PrinterSpoolerAbortedError(printer=self.name, spooler_job=shown, reason=reason)
        if not seen.waiting:  # still on its way at the deadline: spooled, not confirmed
            return PrintResult(job.job_id, Outcome.SENT, detail=shown, spooler_job=spooler_job)
        withdrawn = self._withdraw(spooler_job, deadline)
        if withdrawn and (seen.state == STOPPED or seen.started):
            # The device took part of it before stopping: partial labels may exist.
            raise PrinterSpoolerAbortedError(
                printer=self.name, spooler_job=shown, reason="stopped_while_printing"
            )
        if seen.state == HELD:
            reason = "job_held"
        else:
            reason = "stopped_while_printing" if seen.started else "queue_stopped"
        error = PrinterHeldAtSpoolerError if withdrawn else PrinterHeldJobLeftError
        raise error(printer=self.name, spooler_job=shown, reason=reason)

    def _submit(self, job: PrintJob, deadline: float) -> int:
        attrs = [
            ipp.Attr.name_("job-name", job.job_id),
            ipp.Attr.mime("document-format", _DOCUMENT_FORMATS[self.payload_format]),
        ]
        job_attrs = media_attributes(job, self.payload_format, self.dpi)
        try:
            reply = self._call(ipp.PRINT_JOB, attrs, deadline, job_attrs, job.payload)
        except (ConnectionRefusedError, FileNotFoundError) as exc:
            raise PrinterSpoolerDownError(printer=self.name, server=self._server) from exc
        except TimeoutError as exc:
            raise PrinterTimeoutError(printer=self.name, seconds=self.timeout) from exc
        except OSError as exc:
            detail = exc.strerror or type(exc).__name__
            raise PrinterUnreachableError(printer=self.name, detail=detail) from exc
        except ValueError as exc:
            raise PrinterRejectedError(printer=self.name, reason=str(exc)) from exc
        if reply.status == ipp.STATUS_NOT_FOUND:
            raise PrinterQueueMissingError(printer=self.name, queue=self.queue, server=self._server)
        spooler_job = reply.first("job-id")
        if not reply.ok or not isinstance(spooler_job, int):
            message = reply.first("status-message")
            reason = message if isinstance(message, str) else f"IPP status 0x{reply.status:04x}"
            raise PrinterRejectedError(printer=self.name, reason=reason)
        return spooler_job

    def _state(self, spooler_job: int, deadline: float) -> _Seen:
        attrs = [
            ipp.Attr.integer("job-id", spooler_job),
            ipp.Attr.keyword(
                "requested-attributes", "job-state", "job-state-reasons", "time-at-processing"
            ),
        ]
        reply = self._call(ipp.GET_JOB_ATTRIBUTES, attrs, deadline)
        state = reply.first("job-state")
        if not reply.ok or not isinstance(state, int):
            raise ValueError(f"IPP status 0x{reply.status:04x}")
        started = reply.first("time-at-processing")
        return _Seen(
            state,
            queue_stopped="printer-stopped" in reply.attributes.get("job-state-reasons", []),
            started=isinstance(started, int) and started > 0,
        )

    def _queue_stopped(self, deadline: float) -> bool:
        """True when the queue is stopped (``cupsdisable``): its pending jobs wait for a person.
        CUPS 2.4 leaves such a job's reasons at "none", so the queue itself is asked."""
        attrs = [ipp.Attr.keyword("requested-attributes", "printer-state")]
        reply = self._call(ipp.GET_PRINTER_ATTRIBUTES, attrs, deadline)
        return reply.first("printer-state") == PRINTER_STOPPED

    def _follow(self, spooler_job: int, deadline: float) -> _Seen:
        """Poll until the job ends, waits on something only a person can change, or the
        deadline passes."""
        while True:
            seen = self._state(spooler_job, deadline)
            if seen.state == PENDING and not seen.queue_stopped and self._queue_stopped(deadline):
                seen = replace(seen, queue_stopped=True)
            if seen.state >= CANCELED or seen.waiting or time.monotonic() >= deadline:
                return seen
            time.sleep(min(self.poll_interval, max(deadline - time.monotonic(), 0)))

    def _withdraw(self, spooler_job: int, deadline: float) -> bool:
        """Cancel a job that must not print later; True when the spooler confirms it."""
        attrs = [ipp.Attr.integer("job-id", spooler_job)]
        try:
            reply = self._call(ipp.CANCEL_JOB, attrs, max(deadline, time.monotonic() + 5))
        except (OSError, ValueError):
            return False
        return reply.ok
