"""Compound messages (ST-001 §2.4.23, DS023): several data structures in one 2-D symbol.

A compound message opens with ``=+aabbb``: ``aa`` is how many data structures follow and
``bbb`` the RT017 reference of a defined compound-message structure, or ``000`` when the
order is not one defined by ICCBBA.  The structures follow with nothing between them, so the
reader must know where each one ends and must check that exactly ``aa`` of them are there.
Structures CellTrail reads are parsed by their own parsers; the others are kept as raw text
(never dropped), which is why their lengths are tabled here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from models.isbt128._fields import DIGITS, illegal_character
from models.isbt128.errors import (
    CompoundCountError,
    CompoundDinsError,
    ScanTooLongError,
    UnknownDataIdentifierError,
    UnsupportedStructureError,
    WrongLengthError,
)
from models.isbt128.identifiers import Identifier, identify
from models.isbt128.scanner import split_scan
from models.isbt128.structures import (
    MAX_SCAN_CHARACTERS,
    DinScan,
    ParsedScan,
    parse_at,
    parser_for,
)

STRUCTURE = "DS023"
DI = "=+"
HEADER_LENGTH = 7  # "=+" aa bbb
UNDEFINED_ORDER = "000"
MAX_STRUCTURES = 99  # two digits

# Data content length (after the DI) of the fixed-length structures CellTrail does not parse,
# so that a peer's compound message can be split and the unread ones kept whole.
_CONTENT_LENGTH: dict[str, int] = {
    "DS002": 4, "DS010": 5, "DS011": 18, "DS012": 18, "DS013": 18, "DS014": 18,
    "DS015": 18, "DS016": 18, "DS017": 10, "DS018": 10, "DS019": 21, "DS020": 11,
    "DS021": 10, "DS022": 10, "DS024": 10, "DS026": 6, "DS027": 18, "DS028": 16,
    "DS031": 16, "DS032": 6, "DS033": 11, "DS034": 16, "DS035": 18, "DS036": 18,
    "DS037": 19, "DS038": 40, "DS039": 19,
}  # fmt: skip
# Variable-length structures: (digits of the count/length prefix, characters per unit).
_COUNTED: dict[str, tuple[int, int]] = {"DS029": (2, 14), "DS030": (3, 10)}


@dataclass(frozen=True, slots=True)
class RawStructure:
    """A structure inside a compound message that CellTrail does not interpret."""

    structure: str
    name: str
    data: str  # the whole structure, data identifier included
    kind: Literal["raw"] = "raw"


CompoundPart = ParsedScan | RawStructure


def is_compound(text: str) -> bool:
    return text.startswith(DI)


def write_compound(structures: Iterable[str], reference: str = UNDEFINED_ORDER) -> str:
    """Data content of a compound message holding ``structures`` (each a structure's full
    data content) in the given order."""
    parts = list(structures)
    if not 1 <= len(parts) <= MAX_STRUCTURES:
        raise CompoundCountError(declared=len(parts), found=len(parts))
    if len(reference) != 3 or any(ch not in DIGITS for ch in reference):
        raise illegal_character(STRUCTURE, 5, reference[:1], "compound_reference", "digit")
    return f"{DI}{len(parts):02d}{reference}" + "".join(parts)


def read_compound(text: str) -> tuple[CompoundPart, ...]:
    """Split a compound message into its structures; refuse it unless it holds exactly the
    announced number of complete structures and nothing after them."""
    raw = split_scan(text)
    body = raw.text
    if len(body) > MAX_SCAN_CHARACTERS:
        raise ScanTooLongError(length=len(body), limit=MAX_SCAN_CHARACTERS)
    declared = _read_header(body)
    parts: list[CompoundPart] = []
    position = HEADER_LENGTH
    while position < len(body) and len(parts) < declared:
        part, position = _read_part(body, position, raw.aim)
        parts.append(part)
    if len(parts) != declared or position < len(body):
        extra = 1 if position < len(body) else 0  # at least one more follows
        raise CompoundCountError(declared=declared, found=len(parts) + extra)
    return tuple(parts)


def read_parsed(text: str) -> tuple[ParsedScan, ...]:
    """A compound message whose structures must all be ones CellTrail reads (the label
    double-check compares each with the record, so an unread one is refused, not skipped)."""
    parts = read_compound(text)
    for part in parts:
        if isinstance(part, RawStructure):
            di = identify(part.data)
            raise UnsupportedStructureError(
                di=di.di if di else part.data[:2], structure=part.structure, name=part.name
            )
    return tuple(part for part in parts if not isinstance(part, RawStructure))


def scan_of_compound(text: str) -> DinScan:
    """The DIN a compound message carries, for callers that identify one product by scan
    (scan router, bedside): the other structures are read and checked but not returned."""
    dins = [part for part in read_compound(text) if isinstance(part, DinScan)]
    if len(dins) != 1:
        raise CompoundDinsError(count=len(dins))
    return dins[0]


def reference_of(text: str) -> str:
    """The ``bbb`` of a compound message: its RT017 reference, ``000`` if none."""
    body = split_scan(text).text
    _read_header(body)
    return body[4:HEADER_LENGTH]


def _read_header(body: str) -> int:
    if not is_compound(body):
        raise UnknownDataIdentifierError(di=body[:2])
    if len(body) < HEADER_LENGTH:
        raise WrongLengthError(structure=STRUCTURE, expected=HEADER_LENGTH, actual=len(body))
    for index in range(2, HEADER_LENGTH):
        if body[index] not in DIGITS:
            field = "compound_count" if index < 4 else "compound_reference"
            raise illegal_character(STRUCTURE, index + 1, body[index], field, "digit")
    declared = int(body[2:4])
    if declared == 0:
        raise CompoundCountError(declared=0, found=0)
    return declared


def _read_part(body: str, position: int, aim: str | None) -> tuple[CompoundPart, int]:
    ident = identify(body[position : position + 3])
    if ident is None or parser_for(ident.structure) is not None:
        return parse_at(body, position, aim)  # a structure CellTrail reads, or the reason why not
    end = position + len(ident.di) + _content_length(body, position + len(ident.di), ident)
    if end > len(body):
        raise WrongLengthError(
            structure=ident.structure, expected=end - position, actual=len(body) - position
        )
    return RawStructure(ident.structure, ident.name, body[position:end]), end


def _content_length(body: str, start: int, ident: Identifier) -> int:
    fixed = _CONTENT_LENGTH.get(ident.structure)
    if fixed is not None:
        return fixed
    if ident.structure == "DS025":  # aa location, ll length, then ll characters
        return 4 + _number(body, start + 2, 2, ident.structure)
    counted = _COUNTED.get(ident.structure)
    if counted is not None:
        width, unit = counted
        return width + unit * _number(body, start, width, ident.structure)
    # A nested compound message, or a facility/national structure with no defined end.
    raise UnsupportedStructureError(di=ident.di, structure=ident.structure, name=ident.name)


def _number(body: str, start: int, width: int, structure: str) -> int:
    digits = body[start : start + width]
    for offset, ch in enumerate(digits):
        if ch not in DIGITS:
            raise illegal_character(structure, start + offset + 1, ch, "compound_count", "digit")
    if len(digits) < width:
        raise WrongLengthError(structure=structure, expected=start + width, actual=len(body))
    return int(digits)
