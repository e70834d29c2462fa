"""Remove the transmission framing some scanners put around a read.

Serial and some USB-HID scanners can be set to send STX (0x02) before the data and ETX (0x03)
after it, often together with CR/LF, in any order (``STX data CR LF ETX``, ``STX data ETX CR
LF``).  The framing carries no ISBT 128 data, so it is removed here before the AIM prefix and
the data identifier are examined.  Only framing at the ends is removed: a control character
inside the data is left for the parser to refuse, because it means two reads ran together.
"""

from __future__ import annotations

STX = "\x02"
ETX = "\x03"
_LINE = " \t\r\n"  # what scanners append as the end of a read


def strip_framing(text: str) -> str:
    """``text`` without a leading STX, a trailing ETX and the line endings around them."""
    body = text.strip(_LINE)
    if body.startswith(STX):
        body = body[1:].lstrip(_LINE)
    if body.endswith(ETX):
        body = body[:-1].rstrip(_LINE)
    return body
