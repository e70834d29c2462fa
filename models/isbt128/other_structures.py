"""Data structures CellTrail reads but does not act on (ST-001 §2.4, §2.5).

A cellular-therapy site meets bar codes of every kind on incoming bags and in peers' Data
Matrix symbols: blood groups, special testing, container and lot numbers, SEC, GRID … Each is
read here as an ``OtherStructureScan`` with named fields, checked in the order ST-001 §2.2
demands (data identifier, exact length, the format of every character, then values), so that
a scan is never refused merely because it carries something CellTrail does not use, and never
read wrongly because a structure was taken for another one.

Formats are ST-001 v6.2.2 §2.4.x element tables (standards-and-peers.md §1.2); the variable
lengths of DS025, DS029 and DS030 come from their own count fields.  Field names are catalogue
code suffixes (``isbt128.field.<name>``), so the user sees them in their own language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from models.isbt128 import other_values as values
from models.isbt128._fields import (
    ALNUM,
    ALNUM_ANY_CASE,
    DIGITS,
    FIN_MIDDLE,
    CharRule,
    alnum,
    check_chars,
    digits,
)
from models.isbt128.din import FIN_RULES
from models.isbt128.errors import WrongLengthError
from models.isbt128.identifiers import Identifier


@dataclass(frozen=True, slots=True)
class Field:
    """One named element of a structure's data content (``name``: isbt128.field.<name>)."""

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class OtherStructureScan:
    """A structure read in full but not acted on: kept whole (``data``, DI included) and
    split into its named fields.  ``structure`` is the DS number, or ``national`` /
    ``non-ICCBBA`` for the structures ST-001 §2.5 leaves to nations and facilities."""

    structure: str
    name: str
    di: str
    data: str
    fields: tuple[Field, ...] = ()
    retired: bool = False
    aim: str | None = None
    kind: Literal["other"] = "other"

    def field(self, name: str) -> str | None:
        """The first field called ``name``, None if the structure has none."""
        return next((f.value for f in self.fields if f.name == name), None)

    @property
    def content(self) -> str:
        return self.data[len(self.di) :]

    @property
    def name_code(self) -> str:
        """Catalogue key of the structure's name in the user's language."""
        return f"isbt128.structure.{_NAME_KEYS.get(self.di, self.structure)}"


_NAME_KEYS = {"&;": "national_donor", "&!": "national_exclusion"}
FACILITY_DEFINED = "non-ICCBBA"
NATIONAL = "national"

Check = Callable[[OtherStructureScan, str], None]


@dataclass(frozen=True, slots=True)
class Format:
    """``rules``: the fixed part of the data content; ``repeat``: a tail repeated N times,
    N being the value of the fixed part's last field (DS025 ll, DS029 nn, DS030 nnn)."""

    rules: tuple[CharRule, ...]
    repeat: tuple[CharRule, ...] = ()
    retired: bool = False
    check: Check | None = None


def _any(length: int, field: str) -> CharRule:
    return CharRule(length, ALNUM_ANY_CASE, field, "alnum_any_case")


def _upper_alnum(length: int, field: str) -> CharRule:
    return CharRule(length, ALNUM, field, "alnum")


_FIN_P = CharRule(5, FIN_MIDDLE, "fin_p", "fin_middle")  # DS033/034: {A-N; P-Z; 0-9} × 5
_ION = (CharRule(1, DIGITS - {"0"}, "ion", "digit_not_zero"), digits(3, "ion"))
_RBC = (digits(16, "antigen_positions_1_16"), digits(2, "antigen_positions_17_18"))

FORMATS: dict[str, Format] = {
    "DS002": Format(
        (_any(2, "abo_rhd"), alnum(1, "rh_kell_mia"), alnum(1, "reserved")),
        check=values.blood_groups,
    ),
    "DS010": Format((alnum(5, "special_testing"),)),
    "DS011": Format(_RBC, retired=True),
    "DS012": Format(_RBC),
    "DS013": Format(_RBC),
    "DS014": Format(
        (
            digits(4, "hla_a"),
            digits(4, "hla_b"),
            digits(8, "platelet_antigens"),
            digits(1, "reserved"),
            digits(1, "anti_ab_titre"),
        )
    ),
    "DS015": Format(
        (digits(8, "hla_a"), digits(8, "hla_b"), digits(1, "cmv_antibody"), digits(1, "reserved")),
        retired=True,
    ),
    "DS016": Format((digits(8, "hla_drb1"), digits(10, "reserved")), retired=True),
    "DS017": Format((_any(1, "container_id"), alnum(2, "manufacturer"), _any(7, "catalog_number"))),
    "DS018": Format((_any(10, "lot_number"),)),
    "DS019": Format((*FIN_RULES, digits(16, "donor_number"))),
    "DS020": Format((*FIN_RULES, alnum(6, "staff_id"))),
    "DS021": Format((alnum(2, "manufacturer"), _any(8, "catalog_number"))),
    "DS022": Format((_any(10, "lot_number"),)),
    "DS024": Format(
        (digits(2, "location"), digits(4, "year"), digits(2, "month"), digits(2, "day")),
        check=values.birth_date,
    ),
    "DS025": Format(
        (digits(2, "location"), digits(2, "patient_id_length")), (_any(1, "patient_id"),)
    ),
    "DS026": Format((digits(4, "year"), digits(2, "month")), check=values.month_of_year),
    "DS027": Format((digits(18, "tti_markers"),)),
    "DS028": Format(
        (
            *FIN_RULES,
            digits(2, "year"),
            digits(5, "consignment_serial"),
            digits(2, "container_number"),
            digits(2, "container_total"),
        )
    ),
    "DS029": Format(
        (digits(2, "dimension_count"),),
        (
            digits(2, "dimension_symbol"),
            digits(4, "dimension_code"),
            digits(5, "dimension_value"),
            digits(1, "decimal_places"),
            digits(2, "reserved"),
        ),
    ),
    "DS030": Format(
        (digits(3, "antigen_count"),),
        (digits(6, "antigen"), digits(2, "antigen_result"), digits(2, "number_of_tests")),
    ),
    "DS031": Format(
        (
            digits(1, "time_zone"),
            digits(1, "reserved"),
            digits(2, "time_type"),
            digits(4, "year"),
            digits(2, "month"),
            digits(2, "day"),
            digits(2, "hour"),
            digits(2, "minute"),
        ),
        check=values.flexible_date_time,
    ),
    "DS032": Format((_upper_alnum(6, "product_divisions"),)),
    "DS033": Format((_FIN_P, _upper_alnum(6, "fpc"))),
    "DS034": Format((_FIN_P, _upper_alnum(6, "fpc"), _upper_alnum(5, "pdc"))),
    "DS035": Format((_upper_alnum(18, "mpho_lot"),)),
    "DS036": Format((_upper_alnum(18, "supplemental_id"),)),
    "DS037": Format((*_ION, _upper_alnum(15, "grid_sequence")), retired=True),
    "DS038": Format(
        (
            _any(2, "country_code"),
            _any(6, "te_code"),
            _any(13, "donation_number"),
            _any(1, "coding_system"),
            _any(7, "sec_product_code"),
            _any(3, "split_number"),
            digits(8, "sec_expiry"),  # YYYYMMDD, 00000000 = none (ST-012 §2.2)
        ),
        check=values.single_european_code,
    ),
    "DS039": Format(
        (*_ION, _upper_alnum(13, "rdi"), digits(2, "grid_checksum")), check=values.grid
    ),
}


def read_other(
    text: str, offset: int, ident: Identifier, aim: str | None
) -> tuple[OtherStructureScan, int]:
    """Read the structure ``ident`` names at ``offset``; return it and where the next starts.
    Positions in refusals are 1-based in ``text``."""
    fmt = FORMATS[ident.structure]
    label = f"{ident.name} ({ident.structure})"
    start = offset + len(ident.di)
    rules = fmt.rules + fmt.repeat * _repeats(text, offset, start, fmt, label)
    length = sum(rule.length for rule in rules)
    if start + length > len(text):
        raise WrongLengthError(
            structure=label, expected=len(ident.di) + length, actual=len(text) - offset
        )
    content = text[start : start + length]
    check_chars(content, rules, label, first=start + 1)
    scan = OtherStructureScan(
        ident.structure,
        ident.name,
        ident.di,
        text[offset : start + length],
        _fields(content, rules),
        fmt.retired,
        aim,
    )
    if fmt.check is not None:
        fmt.check(scan, label)
    return scan, start + length


def opaque(
    text: str, offset: int, end: int, ident: Identifier, aim: str | None
) -> OtherStructureScan:
    """A facility- or nationally-defined structure (``&a``-``&z``, ``&;``, ``&!``): ST-001
    §2.5 defines only its data identifier, so its content is kept as it was read."""
    content = text[offset + len(ident.di) : end]
    return OtherStructureScan(
        ident.structure,
        ident.name,
        ident.di,
        text[offset:end],
        (Field("content", content),),
        aim=aim,
    )


def _repeats(text: str, offset: int, start: int, fmt: Format, label: str) -> int:
    """How many times the repeated tail occurs: the fixed part's last field, whose format is
    checked first because the structure's length depends on it."""
    if not fmt.repeat:
        return 0
    size = sum(rule.length for rule in fmt.rules)
    head = text[start : start + size]
    check_chars(head, fmt.rules, label, first=start + 1)
    if len(head) < size:
        raise WrongLengthError(
            structure=label, expected=start - offset + size, actual=len(text) - offset
        )
    return int(head[size - fmt.rules[-1].length :])


def _fields(content: str, rules: tuple[CharRule, ...]) -> tuple[Field, ...]:
    """Split ``content`` by ``rules``.  Neighbouring rules of one field make one value: a FIN
    is checked as first character, two middle ones and two digits, and DS025's patient ID
    one character at a time.  Repeated DS029/DS030 segments begin with a field other than the
    one they end with, so each segment keeps its own values."""
    fields: list[Field] = []
    index = 0
    for rule in rules:
        piece = content[index : index + rule.length]
        index += rule.length
        if fields and fields[-1].name == rule.field:
            fields[-1] = Field(rule.field, fields[-1].value + piece)
        else:
            fields.append(Field(rule.field, piece))
    return tuple(fields)
