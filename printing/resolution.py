"""Which resolution to render a printer's labels at (issue 13, printer profiles).

Labels are rendered at the resolution of the print head, never shrunk or stretched by a
printer of another resolution (a 203-dpi label on a 300-dpi head comes out at 68 %):

* the printer can tell (ZPL ``~HI``) and the address leaves the dpi open → the printer's;
* the address fixes the dpi (``?dpi=``) and the printer reports another →
  ``PrinterResolutionMismatchError``, before anything is rendered;
* the printer cannot tell (``status=off``, no answer to ``~HI``, or not a network printer)
  → the configured dpi (the address's ``dpi``, else the transport's default), as before;
* the printer answers ``~HI`` with garbage → ``PrinterResolutionUnreadableError``: a device
  that answers but not sensibly is not trusted with a guessed size.

This is device I/O: callers run it with no database transaction open.
"""

from __future__ import annotations

from printing.port import LabelPrinter, PrinterResolutionMismatchError, ResolutionReporting


def at_device_resolution(printer: LabelPrinter) -> LabelPrinter:
    """``printer``, rendering at the print head's resolution; raises ``PrinterError``."""
    if not isinstance(printer, ResolutionReporting):
        return printer
    reported = printer.query_resolution()
    if reported is None or reported == printer.dpi:
        return printer
    if printer.dpi_fixed:
        raise PrinterResolutionMismatchError(
            printer=printer.name, configured=printer.dpi, reported=reported
        )
    return printer.at_resolution(reported)
