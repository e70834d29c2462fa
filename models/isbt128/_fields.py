"""Position-by-position format checks shared by the data-structure parsers.

ST-001 §2.2 requires software to check the data identifier, then the exact length and format,
before it interprets anything.  Describing each structure as a list of fields lets every
parser report the first bad character with its 1-based position and the field's name.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.isbt128.errors import IllegalCharacterError, WrongLengthError

# Explicit ASCII sets: str.isdigit() would accept "٣" or "²" and let int() misread them.
DIGITS = frozenset("0123456789")
UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
ALNUM = DIGITS | UPPER
# DIN / FIN first character: O and 0 are excluded so they can never be confused (§1.3).
FIN_FIRST = frozenset("ABCDEFGHIJKLMNPQRSTUVWXYZ123456789")


@dataclass(frozen=True, slots=True)
class CharRule:
    """One run of characters that must all come from ``allowed``."""

    length: int
    allowed: frozenset[str]
    field_en: str
    field_zh: str
    expected_en: str
    expected_zh: str


def digits(length: int, field_en: str, field_zh: str) -> CharRule:
    return CharRule(length, DIGITS, field_en, field_zh, "a digit 0-9", "数字 0-9")


def alnum(length: int, field_en: str, field_zh: str) -> CharRule:
    return CharRule(length, ALNUM, field_en, field_zh, "0-9 or A-Z", "0-9 或 A-Z")


def fin_first(field_en: str, field_zh: str) -> CharRule:
    return CharRule(1, FIN_FIRST, field_en, field_zh, "A-N, P-Z or 1-9", "A-N、P-Z 或 1-9")


def check_length(text: str, expected: int, structure: str) -> None:
    if len(text) != expected:
        raise WrongLengthError(structure=structure, expected=expected, actual=len(text))


def check_chars(text: str, rules: tuple[CharRule, ...], structure: str, first: int) -> None:
    """Validate ``text`` against ``rules``; ``first`` is the 1-based position of text[0]."""
    index = 0
    for rule in rules:
        for ch in text[index : index + rule.length]:
            if ch not in rule.allowed:
                raise IllegalCharacterError(
                    structure=structure,
                    position=first + index,
                    char=repr(ch),
                    field_en=rule.field_en,
                    field_zh=rule.field_zh,
                    expected_en=rule.expected_en,
                    expected_zh=rule.expected_zh,
                )
            index += 1
