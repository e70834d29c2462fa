"""ISO/IEC 7064 MOD 37-2: the ISBT 128 keyboard check character K and Type 3 flags.

ST-001 Appendix A (standards-and-peers.md §1.4): map 0-9 → 0-9, A-Z → 10-35, * → 36, run the
pure-system recursion modulo 37 with radix 2, and take (38 - acc) mod 37.  The same checksum
gives K (as a character), the Type 3 DIN flags (60 + checksum) and GRID's two digits.
"""

from __future__ import annotations

from models.i18n import Message
from models.isbt128.errors import IllegalCharacterError

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"
_VALUE = {ch: value for value, ch in enumerate(ALPHABET)}
# '*' is a possible result but never valid input: the input set is the 36 upper-case alnums.
_INPUT = frozenset(ALPHABET[:36])


def checksum(data: str) -> int:
    """Return the mod 37-2 checksum (0-36) of upper-case alphanumeric ``data``."""
    acc = 0
    for index, ch in enumerate(data, start=1):
        if ch not in _INPUT:
            # Lower case is excluded on purpose (ST-001 §7.5.1): K is undefined for it.
            raise IllegalCharacterError(
                structure="ISO/IEC 7064",
                position=index,
                char=repr(ch),
                field=Message("isbt128.field.check_input"),
                expected=Message("isbt128.expected.alnum"),
            )
        acc = ((acc + _VALUE[ch]) * 2) % 37
    return (38 - acc) % 37


def check_character(data: str) -> str:
    """Return the keyboard check character K for ``data`` (one of 0-9, A-Z, *)."""
    return ALPHABET[checksum(data)]


def type3_flags(data: str) -> str:
    """Return the two Type 3 DIN flag digits, "60"-"96", for the 13 DIN characters."""
    return f"{60 + checksum(data):02d}"


def is_valid_check_character(data: str, candidate: str) -> bool:
    """True when ``candidate`` is the K of ``data``; bad input is simply not valid."""
    if len(candidate) != 1:
        return False
    try:
        return check_character(data) == candidate
    except IllegalCharacterError:
        return False
