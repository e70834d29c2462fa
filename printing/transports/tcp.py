"""Raw ZPL over TCP (port 9100, "JetDirect"): ``tcp://host:9100``.

Each ``send`` opens one connection, asks ``~HS`` first and sends nothing if the printer
reports a blocking condition, sends the job, then asks ``~HS`` again on the same connection
until the printer has consumed it (``printing.transports.confirm``) and closes.  Zebra
printers serve one raw connection at a time, so callers serialise jobs per printer
(``printing.queue``).

``query_resolution`` asks ``~HI`` on its own connection for the print head's resolution
(``printing.identify``; the policy is ``printing.resolution``).  With status off it does not
ask (such a device answers nothing, and would make every job wait for a timeout); a printer
that answers ``~HS`` but not ``~HI`` costs one ``timeout`` per job, and its configured dpi
is used.
"""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from printing.address import profile_query
from printing.errors import (
    PrinterConfirmationUnreadableError,
    PrinterConnectionLostError,
    PrinterNotConfirmedError,
    PrinterStatusUnreadableError,
)
from printing.identify import parse_host_identification
from printing.port import (
    Outcome,
    PayloadFormat,
    PrinterNotReadyError,
    PrinterStatus,
    PrinterTimeoutError,
    PrinterUnreachableError,
    PrintJob,
    PrintResult,
    check_content_type,
)
from printing.resolution import at_device_resolution
from printing.status import ETX, parse_host_status
from printing.transports.confirm import await_output

DEFAULT_PORT = 9100
_STATUS_FRAMES = 3  # ~HS answers with three STX…ETX strings


def is_usable() -> bool:
    return True  # sockets only


@dataclass
class TcpZplPrinter:
    """A ZPL printer on the network.  Use it from one thread at a time (the printer queue).

    ``check_status=False`` skips ``~HS`` for raw port-9100 devices that never answer it: such
    a printer cannot confirm, so its jobs come back SENT and a person confirms the labels.
    ``confirm_timeout`` bounds the wait for the printer to consume a job it was sent.
    ``dpi_fixed``: the address set ``dpi``, so a printer reporting another is refused;
    ``media_mm`` and ``darkness`` come from the station's printer profile.
    """

    host: str
    port: int = DEFAULT_PORT
    name: str = ""
    dpi: int = 203
    timeout: float = 5.0
    check_status: bool = True
    confirm_timeout: float = 30.0
    dpi_fixed: bool = False
    media_mm: tuple[float, float] | None = None
    darkness: int | None = None
    payload_format: PayloadFormat = field(default="zpl", init=False)

    def __post_init__(self) -> None:
        self.name = self.name or f"{self.host}:{self.port}"

    @property
    def address(self) -> str:
        """What a job records and a retry reopens: with every option that changes what is
        printed (a fixed dpi, no status, the profile's media and darkness)."""
        return f"tcp://{self.host}:{self.port}" + profile_query(
            dpi=self.dpi if self.dpi_fixed else None,
            status_off=not self.check_status,
            media=self.media_mm,
            darkness=self.darkness,
        )

    def send(self, job: PrintJob) -> PrintResult:
        """Send one job and, with status on, wait until the printer has printed it.

        Raises ``PrinterNotReadyError`` (and connection errors) before any job byte, and a
        ``PrinterOutputUnknownError`` once job bytes may have reached the printer.
        """
        check_content_type(self, job)
        with self._io_errors(), socket.create_connection(self._target, self.timeout) as sock:
            if self.check_status:
                self._require_ready(sock)
            with self._output_unknown(len(job.payload)) as progress:
                _send_counted(sock, job.payload, progress)
                if not self.check_status:
                    sock.shutdown(socket.SHUT_WR)  # tell the printer the job is complete
                    return PrintResult(job_id=job.job_id, outcome=Outcome.SENT, detail=self.address)
                await_output(lambda: self._read_status(sock), self.name, self.confirm_timeout)
                sock.shutdown(socket.SHUT_WR)
        return PrintResult(job_id=job.job_id, outcome=Outcome.CONFIRMED, detail=self.address)

    def query_status(self) -> PrinterStatus:
        with self._io_errors(), socket.create_connection(self._target, self.timeout) as sock:
            return self._read_status(sock)

    def probe(self) -> None:
        """Before a job exists: the printer answers and is ready (with status off: it
        accepts a connection), and its resolution is the one the address fixes, if any.
        Sends no job byte; raises ``PrinterError``."""
        with self._io_errors(), socket.create_connection(self._target, self.timeout) as sock:
            if self.check_status:
                self._require_ready(sock)
        at_device_resolution(self)

    def query_resolution(self) -> int | None:
        """The print head's dpi (``~HI``); None when the printer cannot tell (status off, or
        no answer within ``timeout``).  Raises ``PrinterResolutionUnreadableError`` for an
        answer that is no identification, and connection errors as ``send`` does."""
        if not self.check_status:
            return None
        with self._io_errors(), socket.create_connection(self._target, self.timeout) as sock:
            sock.sendall(b"~HI")
            reply = b""
            deadline = time.monotonic() + self.timeout
            with contextlib.suppress(TimeoutError):  # silence: it cannot tell
                while ETX not in reply and time.monotonic() < deadline:
                    chunk = sock.recv(1024)
                    if not chunk:
                        break
                    reply += chunk
        if not reply:
            return None
        return parse_host_identification(reply, printer=self.name)

    def at_resolution(self, dpi: int) -> TcpZplPrinter:
        return replace(self, dpi=dpi)

    @property
    def _target(self) -> tuple[str, int]:
        return self.host, self.port

    def _require_ready(self, sock: socket.socket) -> None:
        status = self._read_status(sock)
        if not status.ready:
            raise PrinterNotReadyError(printer=self.name, problems=status.problems)

    @contextlib.contextmanager
    def _io_errors(self) -> Iterator[None]:
        """Translate socket failures into the typed errors services handle."""
        try:
            yield
        except TimeoutError as exc:
            raise PrinterTimeoutError(printer=self.name, seconds=self.timeout) from exc
        except OSError as exc:
            detail = exc.strerror or type(exc).__name__
            raise PrinterUnreachableError(printer=self.name, detail=detail) from exc
        except (ValueError, OverflowError) as exc:
            # A host or timeout the socket layer refuses (UnicodeError for a host no resolver
            # takes). printing.registry refuses such addresses first; this keeps a printer
            # built by hand from raising past the print run, which would strand the job.
            raise PrinterUnreachableError(printer=self.name, detail=type(exc).__name__) from exc

    @contextlib.contextmanager
    def _output_unknown(self, total: int) -> Iterator[list[int]]:
        """Once job bytes move, a failure no longer means "nothing printed": say so."""
        progress = [0]  # bytes the socket took so far
        try:
            yield progress
        except TimeoutError as exc:  # it stopped reading, or stopped answering ~HS
            raise PrinterNotConfirmedError(
                printer=self.name, seconds=self.timeout, sent=progress[0], total=total
            ) from exc
        except OSError as exc:  # reset, broken pipe, closed
            raise PrinterConnectionLostError(
                printer=self.name,
                detail=exc.strerror or type(exc).__name__,
                sent=progress[0],
                total=total,
            ) from exc
        except PrinterStatusUnreadableError as exc:
            raise PrinterConfirmationUnreadableError(**exc.params) from exc

    def _read_status(self, sock: socket.socket) -> PrinterStatus:
        sock.sendall(b"~HS")
        reply = b""
        deadline = time.monotonic() + self.timeout  # a chatty printer must not keep us forever
        while reply.count(ETX) < _STATUS_FRAMES and time.monotonic() < deadline:
            chunk = sock.recv(1024)
            if not chunk:
                break  # closed early: parse_host_status reports the truncated reply
            reply += chunk
        return parse_host_status(reply, printer=self.name)


def _send_counted(sock: socket.socket, payload: bytes, progress: list[int]) -> None:
    """``sendall`` that records how far it got, so a short write can say how short."""
    view = memoryview(payload)
    while progress[0] < len(payload):
        progress[0] += sock.send(view[progress[0] :])
