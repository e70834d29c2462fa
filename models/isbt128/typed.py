"""Scans that carry no ISBT 128 data identifier: a typed eye-readable DIN, or the wrong bar
code (GS1, a plain code).  The operator hears which of these it was, not just "invalid"."""

from __future__ import annotations

import re

from models.i18n import Message
from models.isbt128 import din
from models.isbt128._fields import ALNUM, LOWER
from models.isbt128.din import Din
from models.isbt128.errors import ForeignBarcodeError, Isbt128Error, KeyboardEntryRefusedError
from models.isbt128.scanner import RawScan, gs1_error


def typed_din(raw: RawScan, allow_keyboard: bool) -> Din:
    """The DIN an operator typed from the label, or the reason the text is not ISBT 128."""
    looks_typed = raw.aim is None and _looks_like_typed_din(raw.text)
    if looks_typed and not allow_keyboard:
        raise KeyboardEntryRefusedError(text=raw.text)
    if looks_typed:
        try:
            return din.din_from_keyboard(raw.text)
        except Isbt128Error:
            if _looks_like_gs1(raw.text):
                raise gs1_error() from None
            raise
    if _looks_like_gs1(raw.text):
        raise gs1_error(raw.aim)
    raise ForeignBarcodeError(
        kind=Message("isbt128.kind.no_data_identifier"),
        aim=raw.aim,
    )


_TYPED_DIN_START = ALNUM | LOWER


def _looks_like_typed_din(text: str) -> bool:
    # Wide on purpose: anything DIN-sized that starts like one gets a DIN-specific reason.
    compact = "".join(text.split())
    return 12 <= len(compact) <= 18 and compact[0] in _TYPED_DIN_START


_GS1_DIGITS = frozenset("0123456789")
_GS1_HRI = re.compile(r"\([0-9]{2,4}\)[0-9]")  # "(01)0950…" as printed under GS1-128


def _looks_like_gs1(text: str) -> bool:
    """GTIN-8/12/13/14 with a valid mod-10 digit, an "01…" string, or "(nn)" HRI text."""
    if _GS1_HRI.match(text):
        return True
    if not text or any(ch not in _GS1_DIGITS for ch in text):
        return False
    if len(text) in (8, 12, 13, 14):
        return _gs1_mod10_ok(text)
    return len(text) >= 16 and text.startswith("01") and _gs1_mod10_ok(text[2:16])


def _gs1_mod10_ok(number: str) -> bool:
    body, check = number[:-1], int(number[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check
