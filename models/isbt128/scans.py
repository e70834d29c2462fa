"""The typed results of reading ISBT 128 data structures, and what one read says about
several of them together (the DS032 trigger)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal

from models.isbt128.coi import CoiIdentifier
from models.isbt128.dates import IsbtDate
from models.isbt128.din import Din
from models.isbt128.identifiers import identify
from models.isbt128.other_structures import OtherStructureScan
from models.isbt128.product_code import ProductCode

PRODUCT_DIVISIONS = "DS032"

Entry = Literal["barcode", "keyboard"]


@dataclass(frozen=True, slots=True)
class DinScan:
    """A DIN; ``others`` are the structures read with it in one concatenated read or compound
    message (kept, never dropped, for callers that identify a product by its DIN)."""

    din: Din
    entry: Entry = "barcode"
    aim: str | None = None
    kind: Literal["din"] = "din"
    others: tuple[ParsedScan, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class ProductCodeScan:
    """A product code; ``product_divisions`` is the DS032 read with a ``…99`` product code
    in the same read (ST-001 §2.4.32: it must be read and recorded with it)."""

    product_code: ProductCode
    aim: str | None = None
    kind: Literal["product_code"] = "product_code"
    product_divisions: str | None = None


@dataclass(frozen=True, slots=True)
class DateScan:
    date: IsbtDate
    aim: str | None = None
    kind: Literal["date"] = "date"


@dataclass(frozen=True, slots=True)
class CoiScan:
    coi: CoiIdentifier
    aim: str | None = None
    kind: Literal["coi"] = "coi"


ParsedScan = DinScan | ProductCodeScan | DateScan | CoiScan | OtherStructureScan


def pair_divisions(parts: tuple[ParsedScan, ...]) -> tuple[ParsedScan, ...]:
    """ST-001 §2.4.32: a product code with 99 in positions 7-8 needs its Product Divisions
    (DS032), which software shall read and record with it.  When the same read holds exactly
    one DS032 it is recorded on that product code; with none, or several (which one would be
    a guess), the product code keeps ``product_divisions`` None and ``divisions_missing``
    says so."""
    divisions = [p for p in parts if isinstance(p, OtherStructureScan) and _is_ds032(p)]
    if len(divisions) != 1:
        return parts
    code = divisions[0].field("product_divisions")
    return tuple(_with_divisions(p, code) for p in parts)


def _with_divisions(part: ParsedScan, code: str | None) -> ParsedScan:
    if isinstance(part, ProductCodeScan) and _needs_divisions(part):
        return dataclasses.replace(part, product_divisions=code)
    return part


def divisions_missing(parts: tuple[ParsedScan, ...]) -> bool:
    """True when a ``…99`` product code in ``parts`` has no DS032 recorded with it."""
    return any(_needs_divisions(p) for p in parts)


def _needs_divisions(part: ParsedScan) -> bool:
    return (
        isinstance(part, ProductCodeScan)
        and part.product_code.divisions_in_ds032
        and part.product_divisions is None
    )


def _is_ds032(part: OtherStructureScan) -> bool:
    return part.structure == PRODUCT_DIVISIONS


def data_of(part: ParsedScan) -> str:
    """The structure's data content as it was read, data identifier included."""
    if isinstance(part, DinScan):
        return part.din.data_content()
    if isinstance(part, ProductCodeScan):
        return part.product_code.data_content()
    if isinstance(part, DateScan):
        return part.date.data_content()
    if isinstance(part, CoiScan):
        return part.coi.data_content()
    return part.data


def structure_of(part: ParsedScan) -> str:
    """``DS001`` … ``DS040``, or ``national`` / ``non-ICCBBA`` (ST-001 §2.5)."""
    if isinstance(part, OtherStructureScan):
        return part.structure
    ident = identify(data_of(part))
    return ident.structure if ident else "?"


def name_code(part: ParsedScan) -> str:
    """Catalogue key of the structure's name, for showing it in the user's language."""
    if isinstance(part, OtherStructureScan):
        return part.name_code
    return f"isbt128.structure.{structure_of(part)}"
