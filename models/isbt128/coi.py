"""Chain of Identity Identifier, ISBT 128 Data Structure 040 (ST-028; doc §1.8).

Bar code data ``&/CHαppppyynnnnnn``: the literal ``CH``, the issuing organisation's FIN
(same form as in a DIN: no letter O, which reads as zero), the nominal year of issue and a
6-character **alphanumeric** sequence.  K is required when the text is printed, but whether
``CH`` is part of its input is not confirmed (doc §1.4, §6), so no K is computed or checked
here yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.isbt128._fields import CharRule, alnum, check_chars, check_length, digits
from models.isbt128.din import FIN_RULES

STRUCTURE = "Chain of Identity Identifier (DS040)"
DI = "&/"
DATA_LENGTH = 17  # "&/" + "CH" + 13
_LITERAL: tuple[CharRule, ...] = (
    CharRule(1, frozenset("C"), "literal_ch", "letter_c"),
    CharRule(1, frozenset("H"), "literal_ch", "letter_h"),
)
_RULES: tuple[CharRule, ...] = (
    *_LITERAL,
    *FIN_RULES,  # the FIN of the issuing organisation: no letter O anywhere in it
    digits(2, "year_of_issue"),
    alnum(6, "coi_sequence"),
)


@dataclass(frozen=True, slots=True)
class CoiIdentifier:
    facility: str
    year: str
    sequence: str

    def __post_init__(self) -> None:
        check_length(self.facility, 5, "CoI facility identification number (FIN)")
        check_length(self.year, 2, "CoI year of issue")
        check_length(self.sequence, 6, "CoI sequence")
        check_chars(self.text, _RULES, STRUCTURE, first=1)

    @property
    def text(self) -> str:
        """The 15 data characters ``CHαppppyynnnnnn``."""
        return f"CH{self.facility}{self.year}{self.sequence}"

    def data_content(self) -> str:
        return f"{DI}{self.text}"


def coi_from_data(data: str, first: int = 1) -> CoiIdentifier:
    check_length(data, DATA_LENGTH, STRUCTURE)
    check_chars(data[2:], _RULES, STRUCTURE, first + 2)
    return CoiIdentifier(data[4:9], data[9:11], data[11:])
