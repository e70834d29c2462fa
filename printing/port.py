"""The printer port: what a print job is, what a printer promises, and what can come back.

Services depend only on this module; the transports in ``printing.transports`` implement it
and ``tests.fakes.printers`` fakes it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from printing.errors import (
    PrinterConfirmationUnreadableError,
    PrinterConnectionLostError,
    PrinterError,
    PrinterFaultAfterSendError,
    PrinterMediaTooSmallError,
    PrinterNotConfirmedError,
    PrinterNotReadyError,
    PrinterOutputUnknownError,
    PrinterRejectedError,
    PrinterResolutionMismatchError,
    PrinterResolutionUnreadableError,
    PrinterStatusUnreadableError,
    PrinterTimeoutError,
    PrinterUnreachableError,
    UnsupportedPrinterAddressError,
)
from printing.status import PrinterStatus

__all__ = [
    "CONTENT_TYPES",
    "DeviceSettings",
    "LabelPrinter",
    "Outcome",
    "PayloadFormat",
    "PrintJob",
    "PrintResult",
    "Probing",
    "PrinterConfirmationUnreadableError",
    "PrinterConnectionLostError",
    "PrinterError",
    "PrinterFaultAfterSendError",
    "PrinterMediaTooSmallError",
    "PrinterNotConfirmedError",
    "PrinterNotReadyError",
    "PrinterOutputUnknownError",
    "PrinterRejectedError",
    "PrinterResolutionMismatchError",
    "PrinterResolutionUnreadableError",
    "PrinterStatus",
    "PrinterStatusUnreadableError",
    "PrinterTimeoutError",
    "PrinterUnreachableError",
    "ResolutionReporting",
    "StatusReporting",
    "UnsupportedPrinterAddressError",
    "check_content_type",
]

PayloadFormat = Literal["zpl", "pdf", "png"]

# The job's content_type is a MIME type so it can be stored and audited unambiguously.
CONTENT_TYPES: dict[PayloadFormat, str] = {
    "zpl": "application/x-zpl",
    "pdf": "application/pdf",
    "png": "image/png",
}


@dataclass(frozen=True)
class PrintJob:
    """Bytes ready for one device; ``job_id`` is the audited id and names spooled files.
    ``width_mm``/``height_mm`` are the label's size, for spoolers that must be told the media
    (None: unknown, the device's own setting applies)."""

    job_id: str
    payload: bytes
    content_type: str
    width_mm: float | None = None
    height_mm: float | None = None


class Outcome(enum.Enum):
    # handed to the device or spooler; nobody saw paper come out, so a person must confirm
    SENT = "sent"
    # the backend verified the output exists (file written; a ZPL printer consumed the job)
    CONFIRMED = "confirmed"
    FAILED = "failed"


@dataclass(frozen=True)
class PrintResult:
    """What happened to one job: CONFIRMED only when the device or spooler vouched for the
    output.  ``spooler_job`` is the spooler's own job number (CUPS job-id) when a spooler
    took it."""

    job_id: str
    outcome: Outcome
    detail: str = ""
    error: PrinterError | None = None
    spooler_job: int | None = None

    @classmethod
    def failed(cls, job_id: str, error: PrinterError) -> PrintResult:
        return cls(job_id=job_id, outcome=Outcome.FAILED, detail=str(error), error=error)


class LabelPrinter(Protocol):
    """A place labels go.  ``send`` opens, sends and closes; it raises ``PrinterError``."""

    @property
    def name(self) -> str: ...

    @property
    def address(self) -> str: ...

    @property
    def payload_format(self) -> PayloadFormat: ...

    @property
    def dpi(self) -> int: ...

    def send(self, job: PrintJob) -> PrintResult: ...


@runtime_checkable
class StatusReporting(Protocol):
    """Optional extra for printers that can read their status back (ZPL ``~HS``)."""

    def query_status(self) -> PrinterStatus: ...


@runtime_checkable
class ResolutionReporting(Protocol):
    """Optional extra for printers that can read their print resolution back (ZPL ``~HI``).

    ``dpi_fixed``: the address set the dpi, so a printer reporting another one is refused
    (``printing.resolution``); otherwise ``dpi`` is only what to use when the printer cannot
    tell.  ``query_resolution`` is None when it cannot tell (no status support, no answer).
    """

    @property
    def dpi_fixed(self) -> bool: ...

    def query_resolution(self) -> int | None: ...

    def at_resolution(self, dpi: int) -> LabelPrinter:
        """The same printer, rendering at ``dpi``."""
        ...


@runtime_checkable
class DeviceSettings(Protocol):
    """Optional extra for printers with a station profile (``printing.profile``): the media
    loaded (width, height mm; None: not told) and the ZPL darkness adjustment (``^MD``)."""

    @property
    def media_mm(self) -> tuple[float, float] | None: ...

    @property
    def darkness(self) -> int | None: ...


@runtime_checkable
class Probing(Protocol):
    """Optional extra for printers that can be asked, before any job exists, whether they
    answer and are ready (a network printer); raises ``PrinterError`` if not."""

    def probe(self) -> None: ...


def check_content_type(printer: LabelPrinter, job: PrintJob) -> None:
    """Refuse a job built for another format before any byte moves."""
    expected = CONTENT_TYPES[printer.payload_format]
    if job.content_type != expected:
        raise PrinterRejectedError(
            printer=printer.name, reason=f"expects {expected}, job is {job.content_type}"
        )
