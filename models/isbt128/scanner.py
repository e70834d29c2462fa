"""Clean up what a keyboard-wedge scanner sends before the codec looks at it.

Scanners add an AIM symbology identifier (ISO/IEC 15424, "]C0") when configured to, and end
each read with CR, LF or Tab.  The identifier is kept, not thrown away: it tells the app which
symbology was read and whether ISBT concatenation happened (]C4), and a GS1 identifier is
proof that the operator scanned the wrong bar code.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.i18n import Message
from models.isbt128.errors import EmptyScanError, ForeignBarcodeError
from models.isbt128.framing import strip_framing

# AIM identifiers that can carry ISBT 128 data (§1.6): Code 128 plain, Code 128 with ISBT
# concatenation, Data Matrix ECC 200.
ISBT_SYMBOLOGIES = frozenset({"]C0", "]C4", "]d1"})
# AIM identifiers whose modifier announces GS1 data (FNC1 in first position) or a retail code.
_GS1_SYMBOLOGIES = frozenset({"]C1", "]d2", "]Q3", "]e0", "]E0", "]E3", "]E4", "]J1"})
_GROUP_SEPARATOR = "\x1d"  # how scanners transmit GS1's FNC1 field separator
_TRIM = " \t\r\n"


@dataclass(frozen=True, slots=True)
class RawScan:
    """Scanner output with the AIM prefix split off and line endings removed."""

    text: str
    aim: str | None


def gs1_error(aim: str | None = None) -> ForeignBarcodeError:
    return ForeignBarcodeError(kind=Message("isbt128.kind.gs1"), aim=aim)


def split_scan(text: str) -> RawScan:
    """Strip line endings and an AIM prefix; refuse empty input and non-ISBT symbologies."""
    body = strip_framing(text)  # STX/ETX framing some scanners add, and line endings
    aim: str | None = None
    if body.startswith("]") and len(body) >= 3:
        aim, body = body[:3], body[3:].strip(_TRIM)
        _check_symbology(aim)
    if not body:
        raise EmptyScanError(aim=aim)
    if _GROUP_SEPARATOR in body:
        raise gs1_error(aim)
    return RawScan(body, aim)


def _check_symbology(aim: str) -> None:
    if aim in ISBT_SYMBOLOGIES:
        return
    if aim in _GS1_SYMBOLOGIES:
        raise gs1_error(aim)
    raise ForeignBarcodeError(
        kind=Message.of("isbt128.kind.symbology", aim=aim),
        aim=aim,
    )
