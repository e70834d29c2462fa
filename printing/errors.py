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
