"""Reading one cell of a QC results file: numbers, yes/no flags and result times.

Times: a time with a UTC offset ("2025-04-15T10:30:00+08:00", "…Z") is taken as written.
A time without one ("2025-04-15 10:30", what most instruments write) is read in the
manufacturing site's time zone (``site_zone``) — never stored naive — unless that wall-clock
time does not exist or occurs twice there (a daylight-saving change), when it is refused:
guessing the offset could move a result by an hour.  Results in the future (beyond a small
allowance for instrument clock drift) and before 2000 are refused as implausible.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from models.kernel.errors import DomainError
from models.quality.qc_file.errors import (
    AmbiguousLocalTimeError,
    BadFlagError,
    BadTimeError,
    FutureTimeError,
    NonexistentLocalTimeError,
)

CLOCK_DRIFT = timedelta(minutes=5)
EARLIEST_YEAR = 2000
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_TIME = re.compile(
    r"(?P<y>[0-9]{4})[-/](?P<mo>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})[T ]+"
    r"(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]{1,6}))?)?"
    r"\s*(?P<z>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?",
    re.IGNORECASE,
)
_YES = frozenset({"yes", "y", "true", "t", "1", "是", "阳性", "有"})
_NO = frozenset({"no", "n", "false", "f", "0", "否", "阴性", "无"})


def normalise(text: str) -> str:
    """Full-width digits, letters and punctuation (a Chinese input method) to plain ASCII."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_number(text: str) -> float | None:
    """A plain finite decimal, or None: no thousands separators, "<0.5", "1.0×10^8" or NaN,
    because a mis-read number would be judged against the limit as if it were right."""
    value = normalise(text)
    if not _NUMBER.fullmatch(value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def parse_flag(text: str) -> bool | None | DomainError:
    """yes/no cell: True, False, None (empty: not stated) or the problem."""
    value = normalise(text).casefold()
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    return BadFlagError(value=text)


def parse_time(text: str, zone: ZoneInfo, now: datetime) -> datetime | DomainError:
    """An aware UTC datetime, or the problem with it."""
    match = _TIME.fullmatch(normalise(text))
    if match is None:
        return BadTimeError(value=text)
    try:
        wall = datetime(
            int(match["y"]),
            int(match["mo"]),
            int(match["d"]),
            int(match["h"]),
            int(match["mi"]),
            int(match["s"] or 0),
            int((match["f"] or "0").ljust(6, "0")),
        )
        at = _with_zone(wall, match["z"], zone, text)
        if isinstance(at, DomainError):
            return at
        at = at.astimezone(UTC)
    except (ValueError, OverflowError):  # 2025-02-30, 24:00, an offset of 25 hours …
        return BadTimeError(value=text)
    if at.year < EARLIEST_YEAR:
        return BadTimeError(value=text)
    if at > now + CLOCK_DRIFT:
        return FutureTimeError(
            value=text, now=now.astimezone(zone).isoformat(sep=" ", timespec="minutes")
        )
    return at


def _with_zone(
    wall: datetime, offset: str | None, zone: ZoneInfo, text: str
) -> datetime | DomainError:
    if offset is not None:
        return wall.replace(tzinfo=_offset(offset))
    first, second = wall.replace(tzinfo=zone, fold=0), wall.replace(tzinfo=zone, fold=1)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:
        return NonexistentLocalTimeError(value=text, zone=zone.key)
    if first.utcoffset() != second.utcoffset():  # only now: in a gap the two differ too
        return AmbiguousLocalTimeError(value=text, zone=zone.key)
    return first


def _offset(text: str) -> timezone:
    if text.upper() == "Z":
        return UTC
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if minutes >= 60:
        raise ValueError("offset minutes")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if text[0] == "-" else delta)  # ValueError beyond ±24 h
