"""Product Code, ISBT 128 Data Structure 003: ``=<αooootds`` (ST-001 §2.4.3; doc §1.5).

``αoooo`` is the Product Description Code (PDC; S = cellular therapy, e.g. S1295), ``t`` the
type of donation / collection type, ``ds`` the division code (``00`` = not divided; ``d``
upper case, ``s`` lower case; ``99`` = read the divisions from DS032 instead).  The meaning of
a PDC lives in ICCBBA's licensed database, so this module checks form only.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.i18n import Message
from models.isbt128._fields import (
    ALNUM,
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
    def divisions_in_ds032(self) -> bool:
        return self.division == DIVISIONS_IN_DS032

    def data_content(self) -> str:
        return f"{DI}{self.content}"


def _check_content(content: str, first: int) -> None:
    rules: tuple[CharRule, ...]
    if content[:1] == "Y":
        rules = (_CATEGORY, _TRIAL_LETTER, _TRIAL_DIGITS, _TYPE)
    else:
        rules = (_CATEGORY, _PDC_DIGITS, _TYPE)
    check_chars(content[:6], rules, STRUCTURE, first)
    if content[6:] != DIVISIONS_IN_DS032:
        check_chars(content[6:], (_DIVISION_1, _DIVISION_2), STRUCTURE, first + 6)


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
