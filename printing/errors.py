"""Typed printer errors: a code with parameters, nothing more.

``printing`` is a leaf library that imports nothing of ours, so it holds no words: the
caller renders an error with ``models.i18n.describe(error, lang)`` from the catalogues
(codes ``printer_*``). Transports translate ``OSError``/timeouts into these, so callers catch
``PrinterError`` and never a bare ``Exception``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


class PrinterError(Exception):
    """Root of every failure to get a label out of a printer."""

    code: ClassVar[str] = "printer_error"
    # Parameters that hold codes of a vocabulary (param → kind), rendered as its words.
    terms: ClassVar[Mapping[str, str]] = {}

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        super().__init__(f"{self.code} {params}")


class PrinterUnreachableError(PrinterError):
    code = "printer_unreachable"


class PrinterTimeoutError(PrinterError):
    code = "printer_timeout"


class PrinterNotReadyError(PrinterError):
    """Raised before any job byte is sent, so retrying after fixing the printer is safe."""

    code = "printer_not_ready"
    terms = {"problems": "printer_problem"}


class PrinterRejectedError(PrinterError):
    code = "printer_rejected"


class PrinterStatusUnreadableError(PrinterError):
    code = "printer_status_unreadable"


class UnsupportedPrinterAddressError(PrinterError):
    """``reason`` is a code of the ``printer_address_problem`` vocabulary (printing.registry)."""

    code = "printer_address_unsupported"
    terms = {"reason": "printer_address_problem"}


class PrinterOutputUnknownError(PrinterError):
    """Job bytes may have reached the printer, but it did not confirm what came out.

    The label is neither printed nor free to print again: a person must look at what came
    out (scan it) before the record says either.  Every subclass is raised only after the
    first job byte left this computer.
    """

    code = "printer_output_unknown"


class PrinterConnectionLostError(PrinterOutputUnknownError):
    """The connection broke while sending or confirming (reset, short write, closed)."""

    code = "printer_connection_lost"


class PrinterFaultAfterSendError(PrinterOutputUnknownError):
    """After the job was sent the printer reported paper out, head open, paused …"""

    code = "printer_fault_after_send"
    terms = {"problems": "printer_problem"}


class PrinterNotConfirmedError(PrinterOutputUnknownError):
    """The printer still held the job (or stopped answering) when the wait ran out."""

    code = "printer_not_confirmed"


class PrinterConfirmationUnreadableError(PrinterOutputUnknownError):
    """The printer answered the confirming ``~HS`` with something that is not a status."""

    code = "printer_confirmation_unreadable"


class LabelFontMissingError(PrinterError):
    """No installed font draws ``chars`` (``font`` is the face tried, "" when none): the PDF
    is refused rather than printed without that text."""

    code = "printer_font_missing"


class PrinterSpoolerDownError(PrinterError):
    """The print service (cupsd) does not answer at ``server``: nothing was spooled."""

    code = "printer_spooler_down"


class PrinterQueueMissingError(PrinterError):
    """The spooler answers but has no queue ``queue``: nothing was spooled."""

    code = "printer_queue_missing"


class PrinterHeldAtSpoolerError(PrinterError):
    """The job waited at the spooler (queue stopped, job held) and was withdrawn from it
    (``spooler_job``), so nothing was printed and nothing will come out later."""

    code = "printer_spooler_held"
    terms = {"reason": "spooler_hold_reason"}


class PrinterSpoolerAbortedError(PrinterError):
    """The spooler ended job ``spooler_job`` as aborted or cancelled, not completed."""

    code = "printer_spooler_aborted"
    terms = {"reason": "spooler_end_reason"}


class PrinterHeldJobLeftError(PrinterHeldAtSpoolerError):
    """Held as above, but the spooler refused to withdraw the job: it is still queued and
    will print when the queue is resumed unless someone cancels it there."""

    code = "printer_spooler_held_left"


class PrinterResolutionMismatchError(PrinterError):
    """The address fixes the resolution (``dpi=``) and the printer reports another one.

    Raised before any label is rendered or claimed: labels are rendered at the printer's
    resolution, never shrunk or stretched by it, so the job is refused and stays retryable.
    """

    code = "printer_resolution_mismatch"


class PrinterResolutionUnreadableError(PrinterError):
    """The printer answered ``~HI`` with something that is not a host identification (or a
    resolution we do not render for): it is misbehaving, so nothing is rendered for it."""

    code = "printer_resolution_unreadable"


class PrinterMediaTooSmallError(PrinterError):
    """The label (``label`` "W×H mm") does not fit the station's media (``media``): refused
    before any label is claimed rather than printed cut off."""

    code = "printer_media_too_small"


class PrinterProfileError(PrinterError):
    """A station's printer profile that cannot be used; ``reason`` is a code of the
    ``printer_profile_problem`` vocabulary (printing.profile)."""

    code = "printer_profile_invalid"
    terms = {"reason": "printer_profile_problem"}
