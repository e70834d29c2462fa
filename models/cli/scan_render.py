"""What ``celltrail scan`` shows of each structure: JSON for integrations, and one line per
structure in the reader's language (structure names, field names and the meaning of defined
values all come from the catalogue)."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from typing import Any

from models.i18n import Message, has, render
from models.isbt128.identifiers import identify
from models.isbt128.scans import (
    CoiScan,
    DateScan,
    DinScan,
    ParsedScan,
    ProductCodeScan,
    data_of,
    name_code,
    structure_of,
)

# Derived facts worth stating: the DIN's number, check character and flag type, a product
# code's category and whether its divisions are in DS032.
_DERIVED = (
    "number",
    "check_character",
    "flag_type",
    "flag_checksum_verified",
    "content",
    "category",
    "category_name",
    "division_code",
    "divisions_in_ds032",
)


def structure_json(part: ParsedScan) -> dict[str, Any]:
    """One structure as JSON-ready data: its DS number, name and data content, then its
    fields (named fields for the structures CellTrail does not act on)."""
    plain: dict[str, Any] = _plain(part)
    plain.pop("others", None)  # a scan's parts are listed one by one, never nested
    data = data_of(part)
    ident = identify(data)
    plain.setdefault("structure", ident.structure if ident else None)
    plain.setdefault("name", ident.name if ident else None)
    plain["data"] = data
    return plain


def structure_line(part: ParsedScan, lang: str) -> str:
    """``  DS002 Blood Groups [ABO and RhD]: ABO/RhD code 62, …`` in ``lang``."""
    summary = render("i18n.list", lang).join(_summary(part, lang))
    return render(
        "cli.scan.structure",
        lang,
        structure=structure_of(part),
        name=Message(name_code(part)),
        summary=summary,
    )


def _summary(part: ParsedScan, lang: str) -> list[str]:
    if isinstance(part, DinScan):
        din = part.din
        meaning = f"isbt128.value.flags.{din.flags}"
        shown = render(
            "cli.scan.din_flags_meaning" if has(meaning) else "cli.scan.din_flags",
            lang,
            flags=din.flags,
            flag_type=Message(f"isbt128.flag_type.{din.flag_type.value}"),
            meaning=Message(meaning),
        )
        return [din.format_eye_readable(include_flags=False), shown]
    if isinstance(part, ProductCodeScan):
        return [part.product_code.content, *_divisions(part, lang)]
    if isinstance(part, DateScan):
        when = part.date.day.isoformat() + (f" {part.date.time:%H:%M}" if part.date.time else "")
        return [f"{render(f'isbt128.date_kind.{part.date.kind.value}', lang)} {when}"]
    if isinstance(part, CoiScan):
        return [part.coi.text]
    lines = [_field(f.name, f.value, lang) for f in part.fields]
    return [*lines, render("cli.scan.retired", lang)] if part.retired else lines


def _field(name: str, value: str, lang: str) -> str:
    field = Message(f"isbt128.field.{name}")
    meaning = f"isbt128.value.{name}.{value}"
    if has(meaning):
        return render(
            "cli.scan.field_meaning", lang, field=field, value=value, meaning=Message(meaning)
        )
    return render("cli.scan.field", lang, field=field, value=value)


def _divisions(part: ProductCodeScan, lang: str) -> list[str]:
    if part.product_divisions is not None:
        return [render("cli.scan.divisions_recorded", lang, divisions=part.product_divisions)]
    if part.product_code.divisions_in_ds032:
        return [render("cli.scan.divisions_missing", lang)]
    return []


def _plain(value: Any) -> Any:
    """A parsed structure as JSON-ready data (dataclasses by field, dates in ISO form)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        plain = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name in _DERIVED:  # what the structure means, beyond its characters
            derived = getattr(value, name, None)
            if derived is not None and not callable(derived):
                plain[name] = _plain(derived)
        return plain
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
