"""A ZPL printer's print-head resolution, read back with ``~HI`` (host identification).

The reply is one STX…ETX framed string ``model,firmware,dpm,memory,options`` (ZPL II guide,
``~HI``), e.g. ``ZD621-300dpi,V93.21.15Z,12,8192KB``; ``dpm`` is dots per millimetre.  Only
the resolutions we render for are accepted: anything else is an unreadable answer, never a
guess, because a label rendered at the wrong resolution prints at the wrong size.
"""

from __future__ import annotations

from printing.errors import PrinterResolutionUnreadableError
from printing.status import ETX, STX

# dots per mm → the nominal dpi the renderers use (8 dpmm is sold as 203 dpi, 12 as 300 …)
DPM_TO_DPI: dict[int, int] = {8: 203, 12: 300, 24: 600}


def parse_host_identification(reply: bytes, printer: str = "?") -> int:
    """The dpi in a ``~HI`` reply; ``PrinterResolutionUnreadableError`` when there is none."""
    frame = reply.split(STX, 1)[1].split(ETX, 1)[0] if STX in reply and ETX in reply else b""
    fields = frame.decode("ascii", "replace").split(",")
    try:
        dpi = DPM_TO_DPI[int(fields[2])]
    except (IndexError, ValueError, KeyError) as exc:
        raise PrinterResolutionUnreadableError(printer=printer, reply=reply[:80]) from exc
    return dpi


def format_host_identification(dpi: int, model: str = "ZT410") -> bytes:
    """The reply a Zebra printer of ``dpi`` would give; used by fakes and tests."""
    dpm = {value: key for key, value in DPM_TO_DPI.items()}[dpi]
    return STX + f"{model}-{dpi}dpi,V75.20.01Z,{dpm},8176KB,X".encode() + ETX + b"\r\n"
