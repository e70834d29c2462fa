"""Recognise one scanned or typed ISBT 128 string and return a typed result.

Order of checks follows ST-001 §2.2: data identifier first, then exact length, then the
format of every character, and only then the values (dates, check characters, flags).
Anything that is not a structure CellTrail reads is refused with the reason why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from models.i18n import Message
from models.isbt128 import coi, dates, din, product_code
from models.isbt128._fields import ALNUM, FIN_FIRST, LOWER, illegal_character
from models.isbt128.coi import CoiIdentifier
from models.isbt128.dates import IsbtDate
from models.isbt128.din import Din
from models.isbt128.errors import (
    ConcatenatedScanError,
    ForeignBarcodeError,
    Isbt128Error,
    KeyboardEntryRefusedError,
    ScanTooLongError,
    UnknownDataIdentifierError,
    UnsupportedStructureError,
    WrongLengthError,
    WrongStructureError,
)
from models.isbt128.identifiers import DIN_STRUCTURE, Identifier, identify
from models.isbt128.product_code import ProductCode
from models.isbt128.scanner import RawScan, gs1_error, split_scan

Entry = Literal["barcode", "keyboard"]


@dataclass(frozen=True, slots=True)
class DinScan:
    din: Din
    entry: Entry = "barcode"
    aim: str | None = None
    kind: Literal["din"] = "din"


@dataclass(frozen=True, slots=True)
class ProductCodeScan:
    product_code: ProductCode
    aim: str | None = None
    kind: Literal["product_code"] = "product_code"


@dataclass(frozen=True, slots=True)
class DateScan:
    date: IsbtDate
    aim: str | None = None
    kind: Literal["date"] = "date"


@dataclass(frozen=True, slots=True)
class CoiScan:
    coi: CoiIdentifier
    aim: str | None = None
    kind: Literal["coi"] = "coi"


ParsedScan = DinScan | ProductCodeScan | DateScan | CoiScan
_Parser = Callable[[str, int, "str | None"], ParsedScan]


def _din(data: str, first: int, aim: str | None) -> ParsedScan:
    return DinScan(din.din_from_data(data, first), "barcode", aim)


def _product(data: str, first: int, aim: str | None) -> ParsedScan:
    return ProductCodeScan(product_code.product_code_from_data(data, first), aim)


def _date(data: str, first: int, aim: str | None) -> ParsedScan:
    return DateScan(dates.date_from_data(data, first), aim)


def _coi(data: str, first: int, aim: str | None) -> ParsedScan:
    return CoiScan(coi.coi_from_data(data, first), aim)


# Structure → (total length including the DI, parser).  Everything else is refused.
_PARSERS: dict[str, tuple[int, _Parser]] = {
    DIN_STRUCTURE: (din.DATA_LENGTH, _din),
    "DS003": (product_code.DATA_LENGTH, _product),
    "DS004": (8, _date),
    "DS005": (12, _date),
    "DS006": (8, _date),
    "DS007": (12, _date),
    "DS008": (8, _date),
    "DS009": (12, _date),
    "DS040": (coi.DATA_LENGTH, _coi),
}


def parse_scan(text: str, *, allow_keyboard: bool = True) -> ParsedScan:
    """Parse exactly one data structure, or a typed eye-readable DIN.

    A compound message (DS023, e.g. a label's Data Matrix) yields the one DIN it carries.

    ``allow_keyboard=False`` refuses typed DINs where a scan is mandated.  Raises only
    Isbt128Error subclasses.
    """
    raw = split_scan(text)
    if raw.text[0] not in "=&":
        return _parse_typed(raw, allow_keyboard)
    if raw.text.startswith("=+"):
        from models.isbt128.compound import scan_of_compound  # compound reads through here

        return scan_of_compound(text)
    result, end = parse_at(raw.text, 0, raw.aim)
    if end < len(raw.text):
        _refuse_trailing(raw.text, end)
    return result


def parse_din(text: str, *, allow_keyboard: bool = True) -> Din:
    """Parse a scanned DIN bar code or a typed eye-readable DIN; refuse anything else."""
    scan = parse_scan(text, allow_keyboard=allow_keyboard)
    if isinstance(scan, DinScan):
        return scan.din
    raise wrong_structure_error(text, "din_full")


def wrong_structure_error(text: str, wanted: str) -> WrongStructureError:
    """Name the structure that was scanned instead of the one the caller needed
    (``wanted``: catalogue code suffix ``isbt128.wanted.<wanted>``)."""
    ident = identify(split_scan(text).text)
    return WrongStructureError(
        structure=ident.structure if ident else "?",
        name=ident.name if ident else "?",
        wanted=Message(f"isbt128.wanted.{wanted}"),
    )


# The most characters any one read can carry: a Data Matrix ECC 200 symbol (the largest, 144×144)
# holds at most 3116 digits or 2335 ASCII characters (ISO/IEC 16022 Table 7), and a ]C4 Code 128
# concatenation far fewer. ISBT 128 data is mostly digits, so the digit figure is the bound: no
# real symbol is refused, and a pasted file or a stuck key is refused before it is parsed.
MAX_SCAN_CHARACTERS = 3116


def parse_concatenated(text: str) -> tuple[ParsedScan, ...]:
    """Parse a concatenated read (ST-001 §10, AIM ]C4) or a 2-D symbol's structures, the
    latter also as a compound message (DS023) whose structures CellTrail must all read.

    Linear in the length of ``text``; a read longer than any symbol holds is refused at once.
    """
    raw = split_scan(text)
    if len(raw.text) > MAX_SCAN_CHARACTERS:
        raise ScanTooLongError(length=len(raw.text), limit=MAX_SCAN_CHARACTERS)
    if raw.text.startswith("=+"):
        from models.isbt128.compound import read_parsed  # compound reads through here

        return read_parsed(text)
    results: list[ParsedScan] = []
    position = 0
    while position < len(raw.text):
        result, position = parse_at(raw.text, position, raw.aim)
        results.append(result)
    return tuple(results)


def parser_for(structure: str) -> _Parser | None:
    """The parser of a structure CellTrail reads, None for the others."""
    entry = _PARSERS.get(structure)
    return entry[1] if entry else None


def parse_at(text: str, offset: int, aim: str | None) -> tuple[ParsedScan, int]:
    """Parse the structure starting at ``offset``; return it and where the next one starts."""
    ident = _identify_or_refuse(text, offset)
    entry = _PARSERS.get(ident.structure)
    if entry is None:
        raise UnsupportedStructureError(di=ident.di, structure=ident.structure, name=ident.name)
    length, parser = entry
    return parser(text[offset : offset + length], offset + 1, aim), offset + length


_NOT_FIN_FIRST = (ALNUM | LOWER) - FIN_FIRST


def _identify_or_refuse(text: str, offset: int) -> Identifier:
    rest = text[offset : offset + 3]  # a DI has at most 3 characters; never copy the tail
    ident = identify(rest)
    if ident is not None:
        return ident
    if rest[:1] == "=" and rest[1:2] in _NOT_FIN_FIRST:
        # "=O…", "=0…", "=w…": only a DIN has a letter/digit here, so say which one is wrong.
        raise illegal_character(din.STRUCTURE, offset + 2, rest[1], "fin", "fin_first")
    if rest[:1] not in ("=", "&"):
        raise UnknownDataIdentifierError(di=rest[:1])
    raise UnknownDataIdentifierError(di=rest[:2])


def _refuse_trailing(text: str, end: int) -> None:
    structure = _identify_or_refuse(text, 0).structure
    if text[end] in "=&":
        raise ConcatenatedScanError(structure=structure, next_di=text[end : end + 2])
    raise WrongLengthError(structure=structure, expected=end, actual=len(text))


def _parse_typed(raw: RawScan, allow_keyboard: bool) -> ParsedScan:
    typed_din = raw.aim is None and _looks_like_typed_din(raw.text)
    if typed_din and not allow_keyboard:
        raise KeyboardEntryRefusedError(text=raw.text)
    if typed_din:
        try:
            return DinScan(din.din_from_keyboard(raw.text), "keyboard", None)
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
