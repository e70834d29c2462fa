"""Fake printers: an in-memory ``LabelPrinter`` and a real loopback "Zebra" TCP server."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Literal

from printing.port import (
    CONTENT_TYPES,
    Outcome,
    PayloadFormat,
    PrinterError,
    PrintJob,
    PrintResult,
)
from printing.status import PrinterStatus, format_host_status

Behaviour = Literal["normal", "close", "silent"]


class RecordingPrinter:
    """In-memory LabelPrinter; records jobs (and the thread that sent them), can fail."""

    def __init__(
        self,
        name: str = "recording",
        payload_format: PayloadFormat = "zpl",
        fail_with: PrinterError | None = None,
    ) -> None:
        self.name = name
        self.address = f"memory://{name}"
        self.payload_format: PayloadFormat = payload_format
        self.dpi = 203
        self.fail_with = fail_with
        self.jobs: list[PrintJob] = []
        self.threads: list[str] = []

    def send(self, job: PrintJob) -> PrintResult:
        self.threads.append(threading.current_thread().name)
        if self.fail_with is not None:
            raise self.fail_with
        assert job.content_type == CONTENT_TYPES[self.payload_format]
        self.jobs.append(job)
        return PrintResult(job_id=job.job_id, outcome=Outcome.SENT)


class FakeZebraPrinter:
    """A loopback raw-ZPL printer on 127.0.0.1:<free port>, served from one thread.

    It answers ``~HS`` with ``status`` and records every other byte of a connection as one
    job.  ``behaviour``: "normal"; "close" (accept, then drop the connection at once);
    "silent" (never answer ``~HS``).  It stops on ``__exit__`` or after ``lifetime`` s.
    """

    def __init__(
        self,
        status: PrinterStatus | None = None,
        behaviour: Behaviour = "normal",
        lifetime: float = 30.0,
    ) -> None:
        self.status = status or PrinterStatus()
        self.behaviour: Behaviour = behaviour
        self.jobs: list[bytes] = []
        self.connections = 0
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
        buffer = b""
        while True:
            try:
                chunk = conn.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            buffer = self._answer_queries(conn, buffer + chunk)
        if buffer:
            self.jobs.append(buffer)

    def _answer_queries(self, conn: socket.socket, buffer: bytes) -> bytes:
        while buffer.startswith(b"~HS"):
            if self.behaviour == "normal":
                conn.sendall(format_host_status(self.status))
            buffer = buffer[3:].lstrip(b"\r\n")
        return buffer
