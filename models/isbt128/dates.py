"""ISBT 128 date structures DS004-DS009: ``cyyjjj`` and ``cyyjjjhhmm`` (ST-001 §2.4.4-9).

``c`` is the century digit, ``yy`` the year, ``jjj`` the ordinal ("Julian") day 001-366,
``hhmm`` a 24-hour time.  Year = 2000 + 100·c + yy: ST-001 does not spell the arithmetic out;
it is fixed by ST-012 §6.2, where ``&>0183652359`` is the SEC expiry 2018-12-31.  The time is
the assigning facility's local time, so it is returned naive.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from models.i18n import Message
from models.isbt128._fields import CharRule, check_chars, check_length, digits
from models.isbt128.errors import InvalidDateError


class DateKind(StrEnum):
    EXPIRATION = "expiration"
    COLLECTION = "collection"
    PRODUCTION = "production"


@dataclass(frozen=True, slots=True)
class _Spec:
    structure: str
    kind: DateKind
    has_time: bool


SPECS: dict[str, _Spec] = {
    "=>": _Spec("Expiration Date (DS004)", DateKind.EXPIRATION, False),
    "&>": _Spec("Expiration Date and Time (DS005)", DateKind.EXPIRATION, True),
    "=*": _Spec("Collection Date (DS006)", DateKind.COLLECTION, False),
    "&*": _Spec("Collection Date and Time (DS007)", DateKind.COLLECTION, True),
    "=}": _Spec("Production Date (DS008)", DateKind.PRODUCTION, False),
    "&}": _Spec("Production Date and Time (DS009)", DateKind.PRODUCTION, True),
}
_DATE_RULES: tuple[CharRule, ...] = (
    digits(1, "century"),
    digits(2, "year"),
    digits(3, "day_of_year"),
)
_TIME_RULES: tuple[CharRule, ...] = (digits(2, "hour"), digits(2, "minute"))


@dataclass(frozen=True, slots=True)
class IsbtDate:
    """One decoded date structure; ``time`` is None for the date-only structures."""

    di: str
    kind: DateKind
    day: dt.date
    time: dt.time | None = None

    @property
    def structure(self) -> str:
        return SPECS[self.di].structure

    def data_content(self) -> str:
        offset = self.day.year - 2000
        text = f"{self.di}{offset // 100}{offset % 100:02d}{self.day.timetuple().tm_yday:03d}"
        return text if self.time is None else f"{text}{self.time:%H%M}"


def date_from_data(data: str, first: int = 1) -> IsbtDate:
    """Parse one of ``=>``, ``&>``, ``=*``, ``&*``, ``=}``, ``&}`` + digits."""
    spec = SPECS[data[:2]]
    check_length(data, 12 if spec.has_time else 8, spec.structure)
    rules = _DATE_RULES + _TIME_RULES if spec.has_time else _DATE_RULES
    check_chars(data[2:], rules, spec.structure, first + 2)
    day = _ordinal_date(data[2:8], spec.structure)
    time = _time(data[8:], spec.structure) if spec.has_time else None
    return IsbtDate(data[:2], spec.kind, day, time)


def _ordinal_date(cyyjjj: str, structure: str) -> dt.date:
    year = 2000 + 100 * int(cyyjjj[0]) + int(cyyjjj[1:3])
    ordinal = int(cyyjjj[3:])
    days = 366 if calendar.isleap(year) else 365
    if not 1 <= ordinal <= days:
        raise InvalidDateError(
            structure=structure,
            value=cyyjjj,
            reason=Message.of(
                "isbt128.reason.no_such_day", day=f"{ordinal:03d}", year=year, days=days
            ),
        )
    return dt.date(year, 1, 1) + dt.timedelta(days=ordinal - 1)


def _time(hhmm: str, structure: str) -> dt.time:
    hour, minute = int(hhmm[:2]), int(hhmm[2:])
    if hour > 23 or minute > 59:
        raise InvalidDateError(
            structure=structure,
            value=hhmm,
            reason=Message.of("isbt128.reason.not_24_hour", time=f"{hhmm[:2]}:{hhmm[2:]}"),
        )
    return dt.time(hour, minute)
