"""Donation Identification Number, ISBT 128 Data Structure 001.

Bar code data content (ST-001 §2.4.1; standards-and-peers.md §1.3)::

    = α pppp yy nnnnnn ff        16 characters, e.g. =A99981812345600
      │ └FIN┘ │  │      └ flags: 00 unused, 01-19 ICCBBA (14 reserved), 20-59 local,
      │       │  │               60-96 Type 3 = 60 + mod 37-2 checksum, 97-99 reserved
      │       │  └ sequence number, 6 digits
      │       └ nominal year of collection, 2 digits
      └ α ∈ A-N, P-Z, 1-9; pppp = 2 of A-N, P-Z, 0-9 (never O) then 2 digits

Eye-readable text (ST-001 §7.4.1, §7.5): the 13 characters, Type 1/2 flags (printed rotated;
00 and Type 3 are not printed) and the boxed keyboard check character K, which is never part
of the bar code, e.g. ``W0000 09 123456 02 G`` or ``A9998 18 123456 N``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.isbt128 import checkchar
from models.isbt128._fields import (
    ALNUM,
    CharRule,
    check_chars,
    check_length,
    digits,
    fin_first,
    fin_middle,
)
from models.isbt128.errors import (
    CheckCharacterMismatchError,
    FlagMismatchError,
    IllegalCharacterError,
    InvalidSequenceError,
    InvalidYearError,
    MissingCheckCharacterError,
    ReservedFlagError,
    WrongLengthError,
)

STRUCTURE = "DIN (DS001)"
DATA_LENGTH = 16  # "=" + 13 DIN characters + 2 flag characters
_FIN = "fin"
# The FIN's own rules, shared with every structure that carries a FIN (e.g. DS040).
FIN_RULES: tuple[CharRule, ...] = (fin_first(_FIN), fin_middle(_FIN), digits(2, _FIN))
DIN_RULES: tuple[CharRule, ...] = (
    *FIN_RULES,
    digits(2, "year"),
    digits(6, "sequence"),
)
FLAG_RULES: tuple[CharRule, ...] = (digits(2, "flags"),)
K_RULES: tuple[CharRule, ...] = (CharRule(1, ALNUM | {"*"}, "check_character", "check_character"),)
# ICCBBA test FINs (ST-001 §5.3): demo and validation labels must use these.
TEST_FINS = frozenset(f"A999{d}" for d in "0123456789")
_RESERVED_FLAGS = frozenset({"14", "97", "98", "99"})


class FlagType(StrEnum):
    """Meaning class of the two flag characters (ST-001 Table 3 / RT004)."""

    UNUSED = "unused"  # 00
    ICCBBA = "type1"  # 01-19: container of a set, demand-printed copy, pilot tube …
    LOCAL = "type2"  # 20-59: meaning defined by the FIN; never interpret elsewhere
    CHECKSUM = "type3"  # 60-96: 60 + mod 37-2 checksum, for scanners that verify it


def flag_type(flags: str) -> FlagType:
    value = int(flags)
    if value == 0:
        return FlagType.UNUSED
    if value < 20:
        return FlagType.ICCBBA
    return FlagType.LOCAL if value < 60 else FlagType.CHECKSUM


@dataclass(frozen=True, slots=True)
class Din:
    """A DIN that is valid by construction; K is derived, so it can never disagree."""

    facility: str
    year: str
    sequence: str
    flags: str = "00"

    def __post_init__(self) -> None:
        # Positions count in the printed DIN (facility = 1-5, flags = 14-15).
        check_length(self.facility, 5, "DIN facility identification number (FIN)")
        check_length(self.year, 2, "DIN year")
        check_length(self.sequence, 6, "DIN sequence number")
        check_chars(self.number, DIN_RULES, STRUCTURE, first=1)
        check_length(self.flags, 2, "DIN flag characters")
        check_chars(self.flags, FLAG_RULES, STRUCTURE, first=14)
        _check_flags(self.number, self.flags)

    @property
    def number(self) -> str:
        """The 13 characters αppppyynnnnnn: the identifier without DI, flags or K."""
        return f"{self.facility}{self.year}{self.sequence}"

    @property
    def check_character(self) -> str:
        return checkchar.check_character(self.number)

    @property
    def flag_type(self) -> FlagType:
        return flag_type(self.flags)

    @property
    def flag_checksum_verified(self) -> bool:
        """Type 3 flags were checked against the 13 characters (a Din with wrong ones cannot
        be built); False for the other types, which carry no checksum."""
        return self.flag_type is FlagType.CHECKSUM

    @property
    def is_test_facility(self) -> bool:
        return self.facility in TEST_FINS

    def data_content(self) -> str:
        """Bar code data: "=" + 13 characters + 2 flags (K is never bar-coded)."""
        return f"={self.number}{self.flags}"

    def format_eye_readable(self, include_flags: bool = True) -> str:
        """``W0000 09 123456 02 G``: flags shown only when ST-001 says they are printed."""
        parts = [self.facility, self.year, self.sequence]
        if include_flags and self.flag_type in (FlagType.ICCBBA, FlagType.LOCAL):
            parts.append(self.flags)
        parts.append(self.check_character)
        return " ".join(parts)

    def with_flags(self, flags: str) -> Din:
        return Din(self.facility, self.year, self.sequence, flags)

    def with_type3_flags(self) -> Din:
        return self.with_flags(checkchar.type3_flags(self.number))


def _check_flags(number: str, flags: str) -> None:
    if flags in _RESERVED_FLAGS:
        raise ReservedFlagError(flags=flags)
    if flag_type(flags) is FlagType.CHECKSUM:
        expected = checkchar.type3_flags(number)
        if flags != expected:
            # A Type 3 mismatch means the bar code itself was misread or mis-printed.
            raise FlagMismatchError(din=number, expected=expected, actual=flags)


def make_din(facility: str, year: int | str, sequence: int | str, flags: str = "00") -> Din:
    """Build a DIN from its parts; year is 0-99 (two digits), sequence 0-999999."""
    return Din(facility, _two_digit_year(year), _six_digit_sequence(sequence), flags)


def _two_digit_year(year: int | str) -> str:
    if isinstance(year, str):
        return year  # Din validates the characters and reports their position
    if isinstance(year, bool) or not 0 <= year <= 99:
        raise InvalidYearError(year=year)
    return f"{year:02d}"


def _six_digit_sequence(sequence: int | str) -> str:
    if isinstance(sequence, str):
        return sequence
    if isinstance(sequence, bool) or not 0 <= sequence <= 999_999:
        raise InvalidSequenceError(sequence=sequence)
    return f"{sequence:06d}"


def din_from_data(data: str, first: int = 1) -> Din:
    """Parse bar code data ``=αppppyynnnnnnff``; ``first`` is the position of the "="."""
    check_length(data, DATA_LENGTH, STRUCTURE)
    check_chars(data[1:14], DIN_RULES, STRUCTURE, first + 1)
    check_chars(data[14:], FLAG_RULES, STRUCTURE, first + 14)
    return Din(data[1:6], data[6:8], data[8:14], data[14:])


def din_from_keyboard(text: str) -> Din:
    """Parse a typed DIN: any grouping of spaces, optional flags, then K (may be in [ ])."""
    kept = [(i, ch) for i, ch in enumerate(text, start=1) if not ch.isspace()]
    kept = _unbox_check_character(kept)
    compact = "".join(ch for _, ch in kept)
    try:
        return _din_from_compact(compact)
    except IllegalCharacterError as exc:
        # Report the position in what the operator typed, spaces included.
        position = kept[int(exc.params["position"]) - 1][0]
        raise IllegalCharacterError(**{**exc.params, "position": position}) from None


def _unbox_check_character(kept: list[tuple[int, str]]) -> list[tuple[int, str]]:
    # Text copied from a label or a report may show the boxed K as "[K]" or "(K)".
    tail = "".join(ch for _, ch in kept[-3:])
    if len(tail) == 3 and tail[0] + tail[2] in ("[]", "()"):
        return [*kept[:-3], kept[-2]]
    return kept


def _din_from_compact(compact: str) -> Din:
    size = len(compact)
    if size not in (13, 14, 16):
        raise WrongLengthError(
            structure="DIN typed as text",
            expected="14 (13 + K) or 16 (13 + flags + K)",
            actual=size,
        )
    number, flags, k = compact[:13], compact[13:15] if size == 16 else "00", compact[-1]
    check_chars(number, DIN_RULES, STRUCTURE, first=1)
    if size == 13:
        raise MissingCheckCharacterError(din=number)
    check_chars(flags, FLAG_RULES, STRUCTURE, first=14)
    check_chars(k, K_RULES, STRUCTURE, first=size)
    expected = checkchar.check_character(number)
    if k != expected:
        raise CheckCharacterMismatchError(din=number, expected=expected, actual=k)
    return Din(number[:5], number[5:7], number[7:], flags)
