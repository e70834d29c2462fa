"""Product Code, ISBT 128 Data Structure 003: ``=<αooootds`` (ST-001 §2.4.3; doc §1.5).

``αoooo`` is the Product Description Code (PDC; S = cellular therapy, e.g. S1295).  What
``tds`` means depends on the category α (ST-001 §2.4.3, Figures 3 and 4):

* E, F, H, S, P, X0…, YA-YZ: ``t`` = collection type, ``ds`` = division code (``00`` = not
  divided; ``d`` upper case, ``s`` lower case; ``99`` = read the divisions from DS032).
* M, N, R, T, V, W: ``tds`` = a three-digit division code (``000`` = not divided), e.g. T1295003.
* X1-X9: ``tds`` is reserved and must be ``000``.
* A-D (national, local/facility codes): ``oooo`` is alphanumeric (AE134, CRA12, DAX12) and
  ``tds`` is defined by whoever assigned the code, so only the character classes are checked.

The meaning of a PDC lives in ICCBBA's licensed database, so this module checks form only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.i18n import Message
from models.isbt128._fields import (
    ALNUM,
    DIGITS,
    LOWER,
    UPPER,
    CharRule,
    check_chars,
    check_length,
    digits,
)
from models.isbt128.errors import WrongStructureError
from models.isbt128.identifiers import identify
from models.isbt128.scanner import split_scan

STRUCTURE = "Product Code (DS003)"
DI = "=<"
DATA_LENGTH = 10  # "=<" + 8
DIVISIONS_IN_DS032 = "99"  # §2.4.32: the divisions must be read from DS032
NATIONAL_OR_LOCAL = frozenset("ABCD")
THREE_DIGIT_DIVISION = frozenset("MNRTVW")

CATEGORIES: dict[str, str] = {
    "A": "national or local code",
    "B": "national or local code",
    "C": "national or local code",
    "D": "local (facility) code",
    "E": "blood components",
    "F": "blood components",
    "H": "MPHO with INN/USAN names",
    "M": "milk and topical products",
    "N": "organs",
    "P": "regenerated tissue",
    "R": "reproductive",
    "S": "cellular therapy",
    "T": "tissues",
    "V": "ocular",
    "W": "fecal microbiota",
    "X": "plasma derivatives and in-vivo diagnostics",
    "Y": "clinical trials",
}

_CATEGORY = CharRule(1, frozenset(CATEGORIES), "category", "category")
_PDC_DIGITS = digits(4, "pdc")
# Clinical-trial PDCs are YA000-YZ999: a letter where other categories have a digit.
_TRIAL_LETTER = CharRule(1, UPPER, "trial_pdc", "upper")
_TRIAL_DIGITS = digits(3, "trial_pdc")
_TYPE = CharRule(1, ALNUM, "donation_type", "alnum")
_DIVISION_1 = CharRule(1, UPPER | {"0"}, "division_1", "zero_or_upper")
_DIVISION_2 = CharRule(1, LOWER | {"0"}, "division_2", "zero_or_lower")
_DS032_DIVISION = CharRule(2, frozenset("9"), "division_1", "zero_or_upper")
_DIVISION_3 = digits(3, "division_3")
_RESERVED_TDS = CharRule(3, frozenset("0"), "reserved_tds", "zero")
# National and local codes: the element types of ST-001 §2.4.3, nothing narrower.
_NATIONAL_PDC = CharRule(4, ALNUM, "pdc", "alnum")
_NATIONAL_TYPE = CharRule(1, ALNUM | LOWER, "donation_type", "alnum_any_case")
_NATIONAL_DIVISION_1 = CharRule(1, ALNUM, "division_1", "alnum")
_NATIONAL_DIVISION_2 = CharRule(1, DIGITS | LOWER, "division_2", "digit_or_lower")


@dataclass(frozen=True, slots=True)
class ProductCode:
    """A product code valid in form; ``pdc`` = αoooo, ``donation_type`` = t, ``division``."""

    pdc: str
    donation_type: str
    division: str = "00"

    def __post_init__(self) -> None:
        check_length(self.pdc, 5, "product description code")
        check_length(self.donation_type, 1, "type of donation")
        check_length(self.division, 2, "division code")
        _check_content(self.content, first=1)

    @property
    def content(self) -> str:
        return f"{self.pdc}{self.donation_type}{self.division}"

    @property
    def category(self) -> str:
        return self.pdc[0]

    @property
    def category_name(self) -> str:
        return CATEGORIES[self.category]

    @property
    def is_cellular_therapy(self) -> bool:
        return self.category == "S"

    @property
    def has_collection_type(self) -> bool:
        """False where ``tds`` is one three-digit division code or reserved (Figure 4, X1-X9)."""
        return _tds_kind(self.pdc) in ("collection", "national")

    @property
    def division_code(self) -> str:
        """The division as the standard reads it: ``ds``, or all of ``tds`` (M, N, R, T, V, W)."""
        return self.division if self.has_collection_type else self.content[5:]

    @property
    def divisions_in_ds032(self) -> bool:
        return _tds_kind(self.pdc) == "collection" and self.division == DIVISIONS_IN_DS032

    def data_content(self) -> str:
        return f"{DI}{self.content}"


def _tds_kind(pdc: str) -> Literal["national", "division", "reserved", "collection"]:
    category = pdc[:1]
    if category in NATIONAL_OR_LOCAL:
        return "national"
    if category in THREE_DIGIT_DIVISION:
        return "division"
    if category == "X" and pdc[1:2] != "0":
        return "reserved"
    return "collection"


def _rules(content: str) -> tuple[CharRule, ...]:
    """The rules for all 8 characters, chosen by the category (module docstring)."""
    kind = _tds_kind(content[:5])
    if kind == "national":
        tail = (_NATIONAL_TYPE, _NATIONAL_DIVISION_1, _NATIONAL_DIVISION_2)
        return (_CATEGORY, _NATIONAL_PDC, *tail)
    pdc = (_TRIAL_LETTER, _TRIAL_DIGITS) if content[:1] == "Y" else (_PDC_DIGITS,)
    if kind == "division":
        return (_CATEGORY, *pdc, _DIVISION_3)
    if kind == "reserved":
        return (_CATEGORY, *pdc, _RESERVED_TDS)
    if content[6:] == DIVISIONS_IN_DS032:
        return (_CATEGORY, *pdc, _TYPE, _DS032_DIVISION)
    return (_CATEGORY, *pdc, _TYPE, _DIVISION_1, _DIVISION_2)


def _check_content(content: str, first: int) -> None:
    check_chars(content, _rules(content), STRUCTURE, first)


def product_code_from_data(data: str, first: int = 1) -> ProductCode:
    """Parse bar code data ``=<αooootds``; ``first`` is the position of the "="."""
    check_length(data, DATA_LENGTH, STRUCTURE)
    _check_content(data[2:], first + 2)
    return ProductCode(data[2:7], data[7], data[8:])


def parse_product_code(text: str) -> ProductCode:
    """Parse a scanned ``=<…`` product code or the 8 characters typed from the label."""
    body = split_scan(text).text
    if body.startswith(DI):
        return product_code_from_data(body)
    ident = identify(body)
    if ident is not None:
        raise WrongStructureError(
            structure=ident.structure,
            name=ident.name,
            wanted=Message("isbt128.wanted.product_code"),
        )
    compact = "".join(body.split())
    check_length(compact, 8, "Product code typed as text")
    _check_content(compact, first=1)
    return ProductCode(compact[:5], compact[5], compact[6:])
