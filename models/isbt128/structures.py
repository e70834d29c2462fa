"""Recognise one scanned or typed ISBT 128 string and return a typed result.

Order of checks follows ST-001 §2.2: data identifier first, then exact length, then the
format of every character, and only then the values (dates, check characters, flags).
Every ICCBBA structure is read: the ones CellTrail acts on (DIN, product code, dates, CoI)
into their own types, all the others into ``OtherStructureScan`` with named fields
(``other_structures``), so a scan is never refused for carrying what CellTrail does not use.
"""

from __future__ import annotations

from collections.abc import Callable

from models.i18n import Message
from models.isbt128 import coi, dates, din, other_structures, product_code
from models.isbt128._fields import ALNUM, FIN_FIRST, LOWER, illegal_character
from models.isbt128.din import Din
from models.isbt128.errors import (
    ConcatenatedScanError,
    Isbt128Error,
    NonIccbbaInCompoundError,
    ScanTooLongError,
    UnknownDataIdentifierError,
    UnsupportedStructureError,
    WrongLengthError,
    WrongStructureError,
)
from models.isbt128.identifiers import DIN_STRUCTURE, Identifier, identify
from models.isbt128.other_structures import FACILITY_DEFINED, NATIONAL, OtherStructureScan
from models.isbt128.scanner import split_scan
from models.isbt128.scans import (
    CoiScan,
    DateScan,
    DinScan,
    Entry,
    ParsedScan,
    ProductCodeScan,
    pair_divisions,
)
from models.isbt128.typed import typed_din

# The scan types live in ``scans``; they are named here too, where callers have always met them.
__all__ = [
    "MAX_SCAN_CHARACTERS",
    "CoiScan",
    "DateScan",
    "DinScan",
    "Entry",
    "OtherStructureScan",
    "ParsedScan",
    "ProductCodeScan",
    "din_of_read",
    "parse_at",
    "parse_concatenated",
    "parse_din",
    "parse_scan",
    "wrong_structure_error",
]

_Parser = Callable[[str, int, "str | None"], ParsedScan]


def _din(data: str, first: int, aim: str | None) -> ParsedScan:
    return DinScan(din.din_from_data(data, first), "barcode", aim)


def _product(data: str, first: int, aim: str | None) -> ParsedScan:
    return ProductCodeScan(product_code.product_code_from_data(data, first), aim)


def _date(data: str, first: int, aim: str | None) -> ParsedScan:
    return DateScan(dates.date_from_data(data, first), aim)


def _coi(data: str, first: int, aim: str | None) -> ParsedScan:
    return CoiScan(coi.coi_from_data(data, first), aim)


# The structures CellTrail acts on: total length including the DI, and their parser.  The
# others are read by other_structures; only a compound nested in a read is refused.
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
_NOT_ICCBBA = frozenset({NATIONAL, FACILITY_DEFINED})
# AIM identifiers of one linear bar code read on its own (ISO/IEC 15424: Code 128, no ISBT
# concatenation performed): what follows a facility-defined data identifier is all its own.
_SINGLE_SYMBOL = (None, "]C0")

# The most characters any one read can carry: a Data Matrix ECC 200 symbol (the largest, 144×144)
# holds at most 3116 digits or 2335 ASCII characters (ISO/IEC 16022 Table 7), and a ]C4 Code 128
# concatenation far fewer. ISBT 128 data is mostly digits, so the digit figure is the bound: no
# real symbol is refused, and a pasted file or a stuck key is refused before it is parsed.
MAX_SCAN_CHARACTERS = 3116


def parse_scan(text: str, *, allow_keyboard: bool = True) -> ParsedScan:
    """Parse one data structure, or a typed eye-readable DIN.

    A compound message (DS023, e.g. a label's Data Matrix) or a concatenated read yields the
    one DIN it carries, with the other structures in ``DinScan.others``; without exactly one
    DIN it is refused.  ``allow_keyboard=False`` refuses typed DINs where a scan is mandated.
    Raises only Isbt128Error subclasses.
    """
    raw = split_scan(text)
    if raw.text[0] not in "=&":
        return DinScan(typed_din(raw, allow_keyboard), "keyboard", None)
    _refuse_oversized(raw.text)
    if raw.text.startswith("=+"):
        from models.isbt128.compound import scan_of_compound  # compound reads through here

        return scan_of_compound(text)
    standalone = raw.aim in _SINGLE_SYMBOL
    result, end = parse_at(raw.text, 0, raw.aim, standalone=standalone)
    if end == len(raw.text):
        return result
    if raw.text[end] not in "=&":
        structure = _identify_or_refuse(raw.text, 0).structure
        raise WrongLengthError(structure=structure, expected=end, actual=len(raw.text))
    return din_of_read((result, *_read_from(raw.text, end, raw.aim)), raw.text, end)


def din_of_read(parts: tuple[ParsedScan, ...], text: str, end: int) -> DinScan:
    """The one DIN of a concatenated read, the rest kept with it; a read with no DIN or with
    several is refused as before (``end``: where the first structure ended)."""
    dins = [part for part in parts if isinstance(part, DinScan)]
    if len(dins) != 1:
        structure = _identify_or_refuse(text, 0).structure
        raise ConcatenatedScanError(structure=structure, next_di=text[end : end + 2])
    others = tuple(part for part in pair_divisions(parts) if part is not dins[0])
    return DinScan(dins[0].din, dins[0].entry, dins[0].aim, others=others)


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


def parse_concatenated(text: str) -> tuple[ParsedScan, ...]:
    """Parse a concatenated read (ST-001 §10, AIM ]C4) or a 2-D symbol's structures, the
    latter also as a compound message (DS023); every structure is returned, read in full.

    Linear in the length of ``text`` but for facility-defined structures (see ``parse_at``);
    a read longer than any symbol holds is refused at once.
    """
    raw = split_scan(text)
    _refuse_oversized(raw.text)
    if raw.text.startswith("=+"):
        from models.isbt128.compound import read_compound  # compound reads through here

        return read_compound(text)
    return pair_divisions(_read_from(raw.text, 0, raw.aim))


def _read_from(text: str, position: int, aim: str | None) -> tuple[ParsedScan, ...]:
    results: list[ParsedScan] = []
    while position < len(text):
        result, position = parse_at(text, position, aim)
        results.append(result)
    return tuple(results)


def _refuse_oversized(text: str) -> None:
    if len(text) > MAX_SCAN_CHARACTERS:
        raise ScanTooLongError(length=len(text), limit=MAX_SCAN_CHARACTERS)


def parse_at(
    text: str,
    offset: int,
    aim: str | None,
    *,
    standalone: bool = False,
    in_compound: bool = False,
) -> tuple[ParsedScan, int]:
    """Parse the structure starting at ``offset``; return it and where the next one starts.

    Facility- and nationally-defined structures (``&a``-``&z``, ``&;``, ``&!``) have no length
    the standard could give.  Read ``standalone`` (one linear bar code), such a structure is
    the whole rest of the read.  Inside a concatenation it ends where the next ICCBBA-defined
    structure begins that parses completely (data identifier, length, format and values):
    the earliest such position, which is deterministic and never swallows a valid ICCBBA
    structure, though data of the facility's own that happens to hold one is cut there.
    Inside a compound message they are refused: ST-001 §2.4.23 and §2.5.1 forbid them there.
    """
    ident = _identify_or_refuse(text, offset)
    entry = _PARSERS.get(ident.structure)
    if entry is not None:
        length, parser = entry
        return parser(text[offset : offset + length], offset + 1, aim), offset + length
    if ident.structure in other_structures.FORMATS:
        return other_structures.read_other(text, offset, ident, aim)
    if ident.structure in _NOT_ICCBBA:
        if in_compound:
            raise NonIccbbaInCompoundError(di=ident.di, name=ident.name)
        end = len(text) if standalone else _next_iccbba(text, offset + len(ident.di), aim)
        return other_structures.opaque(text, offset, end, ident, aim), end
    # A compound message inside a read: its count would cover structures of the outer read.
    raise UnsupportedStructureError(di=ident.di, structure=ident.structure, name=ident.name)


def _next_iccbba(text: str, start: int, aim: str | None) -> int:
    """Where the next ICCBBA-defined structure that parses begins, else the end of ``text``."""
    for position in range(start, len(text)):
        if text[position] not in "=&":
            continue
        ident = identify(text[position : position + 3])
        if ident is None or ident.structure in _NOT_ICCBBA:
            continue
        try:
            parse_at(text, position, aim, in_compound=True)
        except Isbt128Error:
            continue
        return position
    return len(text)


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
