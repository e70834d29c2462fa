"""Position-by-position format checks shared by the data-structure parsers.

ST-001 §2.2 requires software to check the data identifier, then the exact length and format,
before it interprets anything.  Describing each structure as a list of fields lets every
parser report the first bad character with its 1-based position and the field's name.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.i18n import Message
from models.isbt128.errors import IllegalCharacterError, WrongLengthError

# Explicit ASCII sets: str.isdigit() would accept "٣" or "²" and let int() misread them.
DIGITS = frozenset("0123456789")
UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
ALNUM = DIGITS | UPPER
# DIN / FIN first character: O and 0 are excluded so they can never be confused (§1.3).
FIN_FIRST = frozenset("ABCDEFGHIJKLMNPQRSTUVWXYZ123456789")
# FIN characters 2-3 (ST-001 §2.4.1 "pppp"): the same letters, but 0 is allowed because O is not.
FIN_MIDDLE = FIN_FIRST | {"0"}
# Letters of either case and digits: manufacturers' catalogue and lot numbers, patient IDs, SEC.
ALNUM_ANY_CASE = ALNUM | LOWER


@dataclass(frozen=True, slots=True)
class CharRule:
    """One run of characters that must all come from ``allowed``."""

    length: int
    allowed: frozenset[str]
    field: str  # catalogue code suffix: isbt128.field.<field>
    expected: str  # catalogue code suffix: isbt128.expected.<expected>


def digits(length: int, field: str) -> CharRule:
    return CharRule(length, DIGITS, field, "digit")


def alnum(length: int, field: str) -> CharRule:
    return CharRule(length, ALNUM, field, "alnum")


def fin_first(field: str) -> CharRule:
    return CharRule(1, FIN_FIRST, field, "fin_first")


def fin_middle(field: str) -> CharRule:
    return CharRule(2, FIN_MIDDLE, field, "fin_middle")


def illegal_character(
    structure: str, position: int, char: str, field: str, expected: str
) -> IllegalCharacterError:
    """The refusal of one character, naming the field and what it must be in the user's
    language (``isbt128.field.*``, ``isbt128.expected.*``)."""
    return IllegalCharacterError(
        structure=structure,
        position=position,
        char=repr(char),
        field=Message(f"isbt128.field.{field}"),
        expected=Message(f"isbt128.expected.{expected}"),
    )


def check_length(text: str, expected: int, structure: str) -> None:
    if len(text) != expected:
        raise WrongLengthError(structure=structure, expected=expected, actual=len(text))


def check_chars(text: str, rules: tuple[CharRule, ...], structure: str, first: int) -> None:
    """Validate ``text`` against ``rules``; ``first`` is the 1-based position of text[0]."""
    index = 0
    for rule in rules:
        for ch in text[index : index + rule.length]:
            if ch not in rule.allowed:
                raise illegal_character(structure, first + index, ch, rule.field, rule.expected)
            index += 1
