"""Compound messages (ST-001 §2.4.23, DS023): several data structures in one 2-D symbol.

A compound message opens with ``=+aabbb``: ``aa`` is how many data structures follow and
``bbb`` the RT017 reference of a defined compound-message structure, or ``000`` when the
order is not one defined by ICCBBA.  The structures follow with nothing between them, so the
reader must know where each one ends and must check that exactly ``aa`` of them are there.
Every ICCBBA structure is read in full (``other_structures`` knows the lengths of the ones
CellTrail does not act on); facility- and nationally-defined structures, which the standard
excludes from compound messages, are refused.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.isbt128._fields import DIGITS, illegal_character
from models.isbt128.errors import (
    CompoundCountError,
    CompoundDinsError,
    ScanTooLongError,
    UnknownDataIdentifierError,
    WrongLengthError,
)
from models.isbt128.scanner import split_scan
from models.isbt128.scans import pair_divisions
from models.isbt128.structures import (
    MAX_SCAN_CHARACTERS,
    DinScan,
    ParsedScan,
    parse_at,
)

STRUCTURE = "DS023"
DI = "=+"
HEADER_LENGTH = 7  # "=+" aa bbb
UNDEFINED_ORDER = "000"
MAX_STRUCTURES = 99  # two digits

CompoundPart = ParsedScan


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
        part, position = parse_at(body, position, raw.aim, in_compound=True)
        parts.append(part)
    if len(parts) != declared or position < len(body):
        extra = 1 if position < len(body) else 0  # at least one more follows
        raise CompoundCountError(declared=declared, found=len(parts) + extra)
    return pair_divisions(tuple(parts))


def scan_of_compound(text: str) -> DinScan:
    """The DIN a compound message carries, for callers that identify one product by scan
    (scan router, bedside): the other structures are read, checked and kept with it."""
    parts = read_compound(text)
    dins = [part for part in parts if isinstance(part, DinScan)]
    if len(dins) != 1:
        raise CompoundDinsError(count=len(dins))
    others = tuple(part for part in parts if part is not dins[0])
    return DinScan(dins[0].din, dins[0].entry, dins[0].aim, others=others)


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
