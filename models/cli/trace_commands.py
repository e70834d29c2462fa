"""`celltrail trace ID [--json]`: the full chain of identity from any identifier, both ways."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from models.cli.registry import Arg, Command, Result
from models.i18n import render, user_language

if TYPE_CHECKING:
    from models.chain.trace import Trace


def cmd_trace(args: argparse.Namespace) -> Result:
    from models.chain.trace import TraceService
    from models.kernel.db import make_engine, resolve_database_url
    from models.kernel.record_words import note_messages

    engine = make_engine(resolve_database_url(args.db))
    try:
        result = TraceService(engine).trace(args.identifier)
    finally:
        engine.dispose()
    lang = user_language()
    text = render_trace(result, lang)
    if result.integrity:  # a trace that rests on forged records is a failed check
        notes = [m.message(lang) for m in note_messages(result.integrity)]
        return 1, result.to_dict(), "\n".join([*notes, text])
    return 0, result.to_dict(), text


def render_trace(trace: Trace, lang: str = "en") -> str:
    """Plain text, one record per line, donors first: what an investigator reads top-down."""
    lines = [render("cli.trace.focus", lang, kind=trace.focus_kind, focus=trace.focus)]
    for d in trace.donors:
        flags = " " + render("cli.trace.infectious", lang) if d.infectious else ""
        lines.append(
            render(
                "cli.trace.donor",
                lang,
                code=d.code,
                donor_type=d.donor_type,
                eligibility=d.eligibility,
                flags=flags,
            )
        )
    for c in trace.collections:
        lines.append(
            "  "
            + render(
                "cli.trace.collection",
                lang,
                code=c.code,
                donor=c.donor,
                coi=c.coi_id,
                material=c.material,
            )
        )
    for b in trace.batches:
        origin = (
            render("cli.trace.pool_of", lang, sources=", ".join(b.sources))
            if b.sources
            else render("cli.trace.from", lang, source=b.collection)
        )
        lines.append(
            "    "
            + render(
                "cli.trace.batch",
                lang,
                number=b.number,
                product=b.product,
                status=b.status,
                origin=origin,
            )
        )
    for u in trace.units:
        marks = "".join(
            " " + render(code, lang)
            for code, on in (
                ("cli.trace.recalled", u.recalled),
                ("cli.trace.hold", u.on_hold),
                ("cli.trace.void", u.voided),
            )
            if on
        )
        parent = (
            " " + render("cli.trace.from", lang, source=", ".join(u.derived_from))
            if u.derived_from
            else ""
        )
        lines.append(
            "      "
            + render(
                "cli.trace.unit",
                lang,
                code=u.code,
                batch=u.batch,
                status=u.quality_status,
                marks=marks,
                parent=parent,
                location=u.location,
            )
        )
    for r in trace.recipients:
        given = ", ".join(r.units) or render("cli.trace.nothing_given", lang)
        lines.append(
            "        "
            + render(
                "cli.trace.recipient",
                lang,
                code=r.code,
                initials=r.initials,
                hospital=r.hospital,
                given=given,
            )
        )
    return "\n".join(lines)


COMMANDS = (Command("trace", "cli.help.trace", cmd_trace, args=(Arg("identifier"),)),)
