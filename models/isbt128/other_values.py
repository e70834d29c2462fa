"""Value checks of the structures in ``other_structures``, run after their format checks.

Only values the standard itself defines are checked (ST-001 v6.2.2 tables, ST-012 for the
SEC): a code outside them would otherwise be read as something it is not.  Positions
reserved for future use are checked for their character class only, so a later version of
the standard that assigns them is still read.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from models.i18n import Message
from models.isbt128 import checkchar
from models.isbt128.errors import GridChecksumError, InvalidDateError, UndefinedValueError


class _Fields(Protocol):
    def field(self, name: str) -> str | None: ...


def _get(scan: _Fields, name: str) -> str:
    value = scan.field(name)
    assert value is not None, name  # the format table always yields the field
    return value


def _undefined(label: str, field: str, value: str, expected: str) -> UndefinedValueError:
    return UndefinedValueError(
        structure=label,
        field=Message(f"isbt128.field.{field}"),
        value=value,
        expected=Message(f"isbt128.expected.{expected}"),
    )


def _rows(letters: str, columns: str) -> frozenset[str]:
    return frozenset(letter + column for letter in letters for column in columns)


def _span(first: int, last: int) -> frozenset[str]:
    return frozenset(f"{n:02d}" for n in range(first, last + 1))


# ST-001 Table 4 (RT005): ABO/RhD with the type of collection.  Numeric rows: O neg 91-98,
# O pos 47-54, A neg 02-09, A pos 58-65, B neg 13-20, B pos 69-76, AB neg 24-31, AB pos
# 80-87; O/A/B/AB without RhD: 55/66/77/88 or P/A/B/C + 2-5, 7-9; para-Bombay and Bombay
# rows D-Q (not O's P) + 2-9; pooled products A0-L0.  Table 5 (RT006): special messages.
BLOOD_GROUP_CODES: frozenset[str] = (
    _span(91, 98) | _span(47, 54) | _span(2, 9) | _span(58, 65) | _span(13, 20)
    | _span(69, 76) | _span(24, 31) | _span(80, 87)
    | {"55", "66", "77", "88", "00"}
    | _rows("PABC", "2345789")
    | _rows("DEGHIJKLMNOQ", "23456789")
    | _rows("ABCDEFGHIJKL", "0")
    | {"Ma", "Mb", "Md", "Mf", "Mq", "Mr", "Mx"}
    | _rows("T", "123456")
)  # fmt: skip
TIME_ZONES = frozenset("12")  # ST-001 Table 24 (RT045): 1 local, 2 UTC
TIME_TYPES = _span(1, 6)  # Table 25 (RT046): expiry … time of death of the donor
SEC_CODING_SYSTEMS = frozenset("ABE")  # ST-012: A ISBT 128, B Eurocode, E EUTC
NO_SEC_EXPIRY = "00000000"


def blood_groups(scan: _Fields, label: str) -> None:
    """DS002 ``gg`` must be a code of Table 4 or Table 5."""
    code = _get(scan, "abo_rhd")
    if code not in BLOOD_GROUP_CODES:
        raise _undefined(label, "abo_rhd", code, "blood_group_code")


def birth_date(scan: _Fields, label: str) -> None:
    """DS024 ``yyyymmdd`` must be a calendar date."""
    _calendar_date(label, _get(scan, "year"), _get(scan, "month"), _get(scan, "day"))


def month_of_year(scan: _Fields, label: str) -> None:
    """DS026 ``mm`` is a month 01-12."""
    year, month = _get(scan, "year"), _get(scan, "month")
    if not 1 <= int(month) <= 12:
        raise InvalidDateError(
            structure=label,
            value=year + month,
            reason=Message.of("isbt128.reason.no_such_date", date=f"{year}-{month}"),
        )


def flexible_date_time(scan: _Fields, label: str) -> None:
    """DS031: the time zone and the type of time must be defined codes, the date a calendar
    date and the time a 24-hour time."""
    zone, kind = _get(scan, "time_zone"), _get(scan, "time_type")
    if zone not in TIME_ZONES:
        raise _undefined(label, "time_zone", zone, "time_zone")
    if kind not in TIME_TYPES:
        raise _undefined(label, "time_type", kind, "time_type")
    _calendar_date(label, _get(scan, "year"), _get(scan, "month"), _get(scan, "day"))
    hour, minute = _get(scan, "hour"), _get(scan, "minute")
    if int(hour) > 23 or int(minute) > 59:
        raise InvalidDateError(
            structure=label,
            value=hour + minute,
            reason=Message.of("isbt128.reason.not_24_hour", time=f"{hour}:{minute}"),
        )


def single_european_code(scan: _Fields, label: str) -> None:
    """DS038: the coding system is one ST-012 defines; the expiry a date or all zeros."""
    system = _get(scan, "coding_system")
    if system not in SEC_CODING_SYSTEMS:
        raise _undefined(label, "coding_system", system, "sec_coding_system")
    expiry = _get(scan, "sec_expiry")
    if expiry != NO_SEC_EXPIRY:
        _calendar_date(label, expiry[:4], expiry[4:6], expiry[6:])


def grid(scan: _Fields, label: str) -> None:
    """DS039 ``bb``: the mod 37-2 checksum of ION + RDI as two digits (ST-001 §2.4.39)."""
    body = _get(scan, "ion") + _get(scan, "rdi")
    expected = f"{checkchar.checksum(body):02d}"
    actual = _get(scan, "grid_checksum")
    if actual != expected:
        raise GridChecksumError(structure=label, grid=body, expected=expected, actual=actual)


def _calendar_date(label: str, year: str, month: str, day: str) -> None:
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        raise InvalidDateError(
            structure=label,
            value=f"{year}{month}{day}",
            reason=Message.of("isbt128.reason.no_such_date", date=f"{year}-{month}-{day}"),
        ) from None
