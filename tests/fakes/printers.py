"""Fake printers: an in-memory ``LabelPrinter`` and a real loopback "Zebra" TCP server."""

from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import replace
from types import TracebackType
from typing import Literal

from printing.identify import format_host_identification
from printing.port import (
    CONTENT_TYPES,
    Outcome,
    PayloadFormat,
    PrinterError,
    PrintJob,
    PrintResult,
)
from printing.status import PrinterStatus, format_host_status

Behaviour = Literal["normal", "close", "silent", "reset", "deaf", "garbage"]
Identify = Literal["normal", "garbage", "silent"]
_HS, _HI = b"~HS", b"~HI"
_QUERIES = (_HS, _HI)  # tilde commands answered at once, wherever they are in the stream
_END = b"^XZ"  # a format is complete (and printable) once its ^XZ arrived
GARBAGE = b"\x02HELLO,WORLD\x03\r\n" * 3  # framed like a status, but no status


class RecordingPrinter:
    """In-memory LabelPrinter; records jobs (and the thread that sent them), can fail.

    It stands for a printer that confirms its output (``Outcome.CONFIRMED``) unless told
    ``outcome=Outcome.SENT`` (a printer with no status: a person must confirm).
    """

    def __init__(
        self,
        name: str = "recording",
        payload_format: PayloadFormat = "zpl",
        fail_with: PrinterError | None = None,
        outcome: Outcome = Outcome.CONFIRMED,
    ) -> None:
        self.name = name
        self.address = f"memory://{name}"
        self.payload_format: PayloadFormat = payload_format
        self.dpi = 203
        self.fail_with = fail_with
        self.outcome = outcome
        self.jobs: list[PrintJob] = []
        self.threads: list[str] = []

    def send(self, job: PrintJob) -> PrintResult:
        self.threads.append(threading.current_thread().name)
        if self.fail_with is not None:
            raise self.fail_with
        assert job.content_type == CONTENT_TYPES[self.payload_format]
        self.jobs.append(job)
        return PrintResult(job_id=job.job_id, outcome=self.outcome)


class SimulatedCrash(BaseException):
    """The application dying mid-send (a BaseException: nothing in the app catches it)."""


class CrashingPrinter(RecordingPrinter):
    """The app dies while sending: the job is claimed (PRINTING) and nothing is recorded."""

    def send(self, job: PrintJob) -> PrintResult:  # noqa: ARG002 - never gets that far
        raise SimulatedCrash


class FakeZebraPrinter:
    """A loopback raw-ZPL printer on 127.0.0.1:<free port>, served from one thread.

    It answers ``~HS`` (anywhere in the stream, as tilde commands are) and records every other
    byte of a connection as one job.  It "prints" a format once its ``^XZ`` has arrived and
    nothing blocks it; ``printed`` counts those labels, so a test can hold the record to what
    really came out.  ``behaviour``:

    * "normal"; "close" (accept, then drop the connection at once); "silent" (never answer
      ``~HS``);
    * "reset": reset the connection (RST) after ``reset_after`` job bytes; formats complete
      by then are printed;
    * "deaf": answer the first ``~HS``, then never read again;
    * "garbage": once job bytes arrived, answer ``~HS`` with bytes that are no status.

    ``~HI`` is answered with a print head of ``dpi`` unless ``identify`` is "garbage" (a
    framed reply with no resolution) or "silent" (no answer); "silent" behaviour answers
    neither.

    ``after_job``: the status reported (and obeyed: nothing prints while it has a problem)
    once any job byte arrived, e.g. paper out.  ``drain_polls``: a slow printer — a received
    format stays in the buffer for that many ``~HS`` polls before it prints.
    It stops on ``__exit__`` or after ``lifetime`` s.
    """

    def __init__(
        self,
        status: PrinterStatus | None = None,
        behaviour: Behaviour = "normal",
        lifetime: float = 30.0,
        *,
        reset_after: int = 0,
        after_job: PrinterStatus | None = None,
        drain_polls: int = 0,
        dpi: int = 203,
        identify: Identify = "normal",
    ) -> None:
        self.status = status or PrinterStatus()
        self.behaviour: Behaviour = behaviour
        self.reset_after = reset_after
        self.after_job = after_job
        self.drain_polls = drain_polls
        self.dpi = dpi
        self.identify: Identify = identify
        self.identified = 0  # ~HI asked
        self.jobs: list[bytes] = []
        self.connections = 0
        self.printed = 0  # labels that came out
        self.polls = 0  # ~HS answered
        self._pending = 0  # formats received, not printed yet
        self._polls_left = 0
        self._job_seen = False
        self._connection = _Connection()
        self._deadline = time.monotonic() + lifetime
        self._done = threading.Condition()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)  # lets the loop notice stop() promptly
        self.port: int = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, name="fake-zebra", daemon=True)

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}?timeout=2"

    def __enter__(self) -> FakeZebraPrinter:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def wait_for_connections(self, count: int, timeout: float = 5.0) -> bool:
        """Block until ``count`` connections are fully handled (bounded, not a timing test)."""
        with self._done:
            return self._done.wait_for(lambda: self.connections >= count, timeout)

    @property
    def current_status(self) -> PrinterStatus:
        base = self.after_job if self._job_seen and self.after_job else self.status
        return replace(base, formats_in_buffer=self._pending)

    def _serve(self) -> None:
        while not self._stop.is_set() and time.monotonic() < self._deadline:
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            with conn:
                self._handle(conn)
            with self._done:
                self.connections += 1
                self._done.notify_all()

    def _handle(self, conn: socket.socket) -> None:
        if self.behaviour == "close":
            return
        conn.settimeout(5.0)
        self._connection = _Connection()
        while not self._stop.is_set():
            try:
                chunk = conn.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            if not self._take(conn, chunk):
                break
        self._connection.flush()
        self._end_of_job()

    def _take(self, conn: socket.socket, chunk: bytes) -> bool:
        """Handle one chunk in stream order; False once the connection was dropped."""
        for part in self._connection.split(chunk):
            if isinstance(part, Query):
                if part == _HI:
                    self._identify(conn)
                elif not self._answer(conn):
                    return False
                continue
            if self.behaviour == "reset" and self._connection.size + len(part) >= self.reset_after:
                self._add_job_bytes(part[: self.reset_after - self._connection.size])
                self._end_of_job()
                # SO_LINGER 0: close() sends RST, as a printer that resets does
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return False
            self._add_job_bytes(part)
        return True

    def _add_job_bytes(self, part: bytes) -> None:
        if not part:
            return
        self._job_seen = True
        completed = self._connection.add(part)
        if completed:
            self._pending += completed
            self._polls_left = self.drain_polls
            self._print_if_able(polled=False)

    def _identify(self, conn: socket.socket) -> None:
        self.identified += 1
        if self.behaviour == "silent" or self.identify == "silent":
            return
        reply = GARBAGE if self.identify == "garbage" else format_host_identification(self.dpi)
        conn.sendall(reply)

    def _answer(self, conn: socket.socket) -> bool:
        self.polls += 1
        if self.behaviour == "silent":
            return True
        if self.behaviour == "garbage" and self._job_seen:
            conn.sendall(GARBAGE)
            return True
        self._print_if_able(polled=True)
        conn.sendall(format_host_status(self.current_status))
        if self.behaviour == "deaf":
            self._stop.wait(max(0.0, self._deadline - time.monotonic()))  # never reads again
            return False
        return True

    def _print_if_able(self, *, polled: bool) -> None:
        if not self._pending or self.current_status.problems:
            return
        if self._polls_left > 0:
            if polled:
                self._polls_left -= 1
            return
        self.printed += self._pending
        self._pending = 0

    def _end_of_job(self) -> None:
        if self._connection.data:
            self.jobs.append(bytes(self._connection.data))
            self._connection.data.clear()
        # a printer prints what it holds whether or not anyone asks (unless it is blocked)
        self._polls_left = 0
        self._print_if_able(polled=False)


class _Connection:
    """One connection's job bytes, and a tail that may be the start of a split query."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.size = 0
        self._tail = b""
        self._formats = 0

    def split(self, chunk: bytes) -> list[bytes | Query]:
        """Job byte runs and each query (``~HS``, ``~HI``) as a ``Query``; in stream order."""
        data, parts = self._tail + chunk, list[bytes | Query]()
        self._tail = b""
        while (found := _first_query(data)) is not None:
            at, query = found
            parts += [data[:at], Query(query)]
            data = data[at + len(query) :]
        for keep in (2, 1):  # "~" or "~H" at the end may be a query cut by the network
            if data.endswith(_HS[:keep]):
                data, self._tail = data[:-keep], data[-keep:]
                break
        parts.append(data)
        return parts

    def add(self, part: bytes) -> int:
        """Append job bytes; the number of formats this completed."""
        self.data += part
        self.size += len(part)
        total = self.data.count(_END)
        completed, self._formats = total - self._formats, total
        return completed

    def flush(self) -> None:
        self.data += self._tail
        self.size += len(self._tail)
        self._tail = b""


class Query(bytes):
    """A tilde query found in the stream (its bytes), told apart from job bytes by type."""


def _first_query(data: bytes) -> tuple[int, bytes] | None:
    found = [(at, query) for query in _QUERIES if (at := data.find(query)) >= 0]
    return min(found) if found else None
