"""`celltrail scan STRING [--json]`: what a scan holds, for integration and validation.

Any read a scanner can send (one structure, a concatenated read, a DS023 compound message,
with or without an AIM prefix or STX/ETX framing) goes through the same ISBT 128 entry points
the scan router and the label double-check use; structures CellTrail does not act on are
listed as they are, never dropped. Needs no database.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import enum
from typing import Any

from models.cli.registry import Arg, Command, Result
from models.i18n import describe, render, user_language


def cmd_scan(args: argparse.Namespace) -> Result:
    from models.isbt128.compound import is_compound, read_compound, reference_of
    from models.isbt128.errors import Isbt128Error
    from models.isbt128.scanner import split_scan
    from models.isbt128.structures import parse_concatenated

    lang = user_language()
    try:
        raw = split_scan(args.text)
        compound = is_compound(raw.text)
        parts = read_compound(args.text) if compound else parse_concatenated(args.text)
        reference = reference_of(raw.text) if compound else None
    except Isbt128Error as exc:  # every refusal of the codec, in the reader's words
        reason = describe(exc, lang)
        data = {"valid": False, "error": exc.code, "reason": reason}
        return 1, data, render("cli.scan.invalid", lang, reason=reason)
    structures = [_plain(part) for part in parts]
    data = {
        "valid": True,
        "aim": raw.aim,
        "compound": compound,
        "compound_reference": reference,
        "structures": structures,
    }
    lines = [render("cli.scan.valid", lang, count=len(structures))]
    lines += [f"  {s.get('kind', '?')}: {_summary(s)}" for s in structures]
    return 0, data, "\n".join(lines)


# Derived facts worth stating: the DIN's number and check character, a product code's category.
_DERIVED = (
    "number",
    "check_character",
    "flag_type",
    "content",
    "category",
    "category_name",
    "division_code",
)


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


def _summary(structure: dict[str, Any]) -> str:
    for key in ("din", "product_code", "date", "coi"):
        inner = structure.get(key)
        if isinstance(inner, dict):
            return " ".join(
                str(inner[k])
                for k in ("number", "check_character", "content", "kind", "day")
                if inner.get(k) is not None
            ) or str(inner)
    return str(structure.get("data", structure))


COMMANDS = (
    Command(
        "scan",
        "cli.help.scan",
        cmd_scan,
        args=(Arg("text", help="cli.help.scan.text"),),
    ),
)
