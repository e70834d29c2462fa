"""ISBT 128 codec: pure functions and frozen values, no Qt and no database.

Entry point ``parse_scan(text)`` turns what a scanner or an operator sends into a typed
result or an Isbt128Error that says, in English and Chinese, exactly what is wrong.
Formats and references: standards-and-peers.md §1 (ST-001 v6.2.2).
"""

from __future__ import annotations

from models.isbt128.check import describe_din_check
from models.isbt128.checkchar import (
    check_character,
    checksum,
    is_valid_check_character,
    type3_flags,
)
from models.isbt128.coi import CoiIdentifier
from models.isbt128.dates import DateKind, IsbtDate
from models.isbt128.din import Din, FlagType, make_din
from models.isbt128.errors import (
    CheckCharacterMismatchError,
    ConcatenatedScanError,
    EmptyScanError,
    FlagMismatchError,
    ForeignBarcodeError,
    GridChecksumError,
    IllegalCharacterError,
    InvalidDateError,
    InvalidSequenceError,
    InvalidYearError,
    Isbt128Error,
    KeyboardEntryRefusedError,
    MissingCheckCharacterError,
    NonIccbbaInCompoundError,
    ProductDivisionsNeededError,
    ReservedFlagError,
    ScanTooLongError,
    UndefinedValueError,
    UnknownDataIdentifierError,
    UnsupportedStructureError,
    WrongLengthError,
    WrongStructureError,
)
from models.isbt128.other_structures import Field, OtherStructureScan
from models.isbt128.product_code import ProductCode, parse_product_code
from models.isbt128.structures import (
    MAX_SCAN_CHARACTERS,
    CoiScan,
    DateScan,
    DinScan,
    ParsedScan,
    ProductCodeScan,
    parse_concatenated,
    parse_din,
    parse_scan,
)

__all__ = [
    "MAX_SCAN_CHARACTERS",
    "CheckCharacterMismatchError",
    "CoiIdentifier",
    "CoiScan",
    "ConcatenatedScanError",
    "DateKind",
    "DateScan",
    "Din",
    "DinScan",
    "EmptyScanError",
    "FlagMismatchError",
    "Field",
    "FlagType",
    "ForeignBarcodeError",
    "GridChecksumError",
    "IllegalCharacterError",
    "InvalidDateError",
    "InvalidSequenceError",
    "InvalidYearError",
    "Isbt128Error",
    "IsbtDate",
    "KeyboardEntryRefusedError",
    "MissingCheckCharacterError",
    "NonIccbbaInCompoundError",
    "OtherStructureScan",
    "ParsedScan",
    "ProductCode",
    "ProductCodeScan",
    "ProductDivisionsNeededError",
    "ReservedFlagError",
    "ScanTooLongError",
    "UndefinedValueError",
    "UnknownDataIdentifierError",
    "UnsupportedStructureError",
    "WrongLengthError",
    "WrongStructureError",
    "check_character",
    "checksum",
    "describe_din_check",
    "is_valid_check_character",
    "make_din",
    "parse_concatenated",
    "parse_din",
    "parse_product_code",
    "parse_scan",
    "type3_flags",
]
