"""`celltrail din check STRING`: validate a scanned or typed DIN. Needs no database, so it
imports the ISBT 128 codec only (which itself imports neither SQLAlchemy nor Qt)."""

from __future__ import annotations

import argparse

from models.cli.registry import Arg, Command, Group, Result
from models.i18n import render, user_language


def cmd_din_check(args: argparse.Namespace) -> Result:
    from models.isbt128 import describe_din_check

    verdict = describe_din_check(args.text)
    lang = user_language()
    if verdict["valid"]:
        return 0, verdict, render("cli.din.valid", lang, din=verdict.get("din"))
    reason = verdict.get("reason_zh" if lang == "zh" else "reason_en")
    return 1, verdict, render("cli.din.invalid", lang, reason=reason)


COMMANDS = (
    Group(
        "din",
        "cli.help.din",
        (Command("check", "cli.help.din.check", cmd_din_check, args=(Arg("text"),)),),
    ),
)
