"""`celltrail scan STRING [--json]`: what a scan holds, for integration and validation.

Any read a scanner can send (one structure, a concatenated read, a DS023 compound message,
with or without an AIM prefix or STX/ETX framing) goes through the same ISBT 128 entry points
the scan router and the label double-check use.  Every structure is listed with its fields,
including the ones CellTrail does not act on (blood groups, SEC, GRID, facility-defined …),
and a product code whose divisions are in DS032 says whether that DS032 was read with it.
Needs no database.
"""

from __future__ import annotations

import argparse

from models.cli.registry import Arg, Command, Result
from models.i18n import describe, render, user_language


def cmd_scan(args: argparse.Namespace) -> Result:
    from models.cli.scan_render import structure_json, structure_line
    from models.isbt128.compound import is_compound, reference_of
    from models.isbt128.errors import Isbt128Error
    from models.isbt128.scanner import split_scan
    from models.isbt128.scans import divisions_missing
    from models.isbt128.structures import parse_concatenated

    lang = user_language()
    try:
        raw = split_scan(args.text)
        parts = parse_concatenated(args.text)
        reference = reference_of(raw.text) if is_compound(raw.text) else None
    except Isbt128Error as exc:  # every refusal of the codec, in the reader's words
        reason = describe(exc, lang)
        data = {"valid": False, "error": exc.code, "reason": reason}
        return 1, data, render("cli.scan.invalid", lang, reason=reason)
    data = {
        "valid": True,
        "aim": raw.aim,
        "compound": reference is not None,
        "compound_reference": reference,
        "product_divisions_missing": divisions_missing(parts),
        "structures": [structure_json(part) for part in parts],
    }
    lines = [render("cli.scan.valid", lang, count=len(parts))]
    if reference is not None:
        lines.append(render("cli.scan.compound", lang, reference=reference))
    lines += [structure_line(part, lang) for part in parts]
    return 0, data, "\n".join(lines)


COMMANDS = (
    Command(
        "scan",
        "cli.help.scan",
        cmd_scan,
        args=(Arg("text", help="cli.help.scan.text"),),
    ),
)
