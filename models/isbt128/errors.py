"""Rejections raised by the ISBT 128 codec, each a code whose words are in models/i18n.

A scan that is not exactly right must be refused with a reason the operator can act on at
the bench ("character 9 must be a digit"), because a misread identifier on a cell-therapy
bag is a patient-safety event.  Every class keeps its raw values in ``params`` so the audit
trail and the tests can inspect them without parsing message text.
"""

from __future__ import annotations

from models.kernel.errors import DomainError


class Isbt128Error(DomainError):
    """Root of every refusal the ISBT 128 codec reports; nothing else may escape it."""

    code = "isbt128"


class EmptyScanError(Isbt128Error):
    code = "isbt128_empty"


class ForeignBarcodeError(Isbt128Error):
    code = "isbt128_foreign"


class UnknownDataIdentifierError(Isbt128Error):
    code = "isbt128_unknown_di"


class UnsupportedStructureError(Isbt128Error):
    code = "isbt128_unsupported"


class WrongLengthError(Isbt128Error):
    code = "isbt128_length"


class ConcatenatedScanError(Isbt128Error):
    code = "isbt128_concatenated"


class IllegalCharacterError(Isbt128Error):
    code = "isbt128_character"


class CheckCharacterMismatchError(Isbt128Error):
    code = "isbt128_check_character"


class MissingCheckCharacterError(Isbt128Error):
    code = "isbt128_check_character_missing"


class FlagMismatchError(Isbt128Error):
    code = "isbt128_flag_checksum"


class ReservedFlagError(Isbt128Error):
    code = "isbt128_flag_reserved"


class InvalidYearError(Isbt128Error):
    code = "isbt128_year"


class InvalidSequenceError(Isbt128Error):
    code = "isbt128_sequence"


class InvalidDateError(Isbt128Error):
    code = "isbt128_date"


class WrongStructureError(Isbt128Error):
    code = "isbt128_wrong_structure"


class KeyboardEntryRefusedError(Isbt128Error):
    code = "isbt128_keyboard_refused"


class ScanTooLongError(Isbt128Error):
    """More characters than any ISBT 128 symbol can hold: a pasted file, not a scan."""

    code = "isbt128_too_long"


class CompoundCountError(Isbt128Error):
    """A compound message (DS023) that does not hold the number of structures it announces."""

    code = "isbt128_compound_count"


class CompoundDinsError(Isbt128Error):
    """A compound message read where one product is meant, but it names no DIN or several."""

    code = "isbt128_compound_dins"


class UndefinedValueError(Isbt128Error):
    """Well-formed characters whose value the standard does not define (e.g. a DS031 time
    zone other than 1 or 2): read as something else, it would be misread."""

    code = "isbt128_value"


class GridChecksumError(Isbt128Error):
    """A GRID (DS039) whose two-digit mod 37-2 checksum does not match its 17 characters."""

    code = "isbt128_grid_checksum"


class NonIccbbaInCompoundError(Isbt128Error):
    """A facility- or nationally-defined structure inside a compound message, which ST-001
    §2.4.23 (rule 1) and §2.5.1 forbid: its end cannot be known, so nothing after it can be."""

    code = "isbt128_compound_non_iccbba"


class ProductDivisionsNeededError(Isbt128Error):
    """A product code with 99 in positions 7-8 used to identify a unit on its own: its
    division is in a Product Divisions structure (DS032) that must be read with it."""

    code = "isbt128_divisions_needed"
