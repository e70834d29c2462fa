"""`celltrail trace ID [--json]`: the full chain of identity from any identifier, both ways."""

from __future__ import annotations

import argparse
from typing import Any

from models.chain.trace import Trace, TraceService
from models.kernel.db import make_engine, resolve_database_url

Result = tuple[int, dict[str, Any], str]


def register(sub: Any, common: argparse.ArgumentParser) -> dict[tuple[str, str | None], Any]:
    trace = sub.add_parser(
        "trace",
        parents=[common],
        help="trace a donor, collection, batch, COI, DIN or recipient both ways",
    )
    trace.add_argument("identifier")
    return {("trace", None): cmd_trace}


def cmd_trace(args: argparse.Namespace) -> Result:
    engine = make_engine(resolve_database_url(args.db))
    try:
        result = TraceService(engine).trace(args.identifier)
    finally:
        engine.dispose()
    return 0, result.to_dict(), render(result)


def render(trace: Trace) -> str:
    """Plain text, one record per line, donors first: what an investigator reads top-down."""
    lines = [f"trace of {trace.focus_kind} {trace.focus}"]
    for d in trace.donors:
        flags = " INFECTIOUS" if d.infectious else ""
        lines.append(f"donor {d.code} [{d.donor_type}, {d.eligibility}{flags}]")
    for c in trace.collections:
        lines.append(f"  collection {c.code} donor {c.donor} COI {c.coi_id} {c.material}")
    for b in trace.batches:
        origin = f"pool of {', '.join(b.sources)}" if b.sources else f"from {b.collection}"
        lines.append(f"    batch {b.number} {b.product} [{b.status}] {origin}")
    for u in trace.units:
        marks = "".join(
            f" {m}"
            for m, on in (("RECALLED", u.recalled), ("HOLD", u.on_hold), ("VOID", u.voided))
            if on
        )
        parent = f" from {', '.join(u.derived_from)}" if u.derived_from else ""
        lines.append(
            f"      unit {u.code} batch {u.batch} [{u.quality_status}]{marks}{parent}: {u.location}"
        )
    for r in trace.recipients:
        given = ", ".join(r.units) or "nothing administered yet"
        lines.append(f"        recipient {r.code} ({r.initials}) at {r.hospital}: {given}")
    return "\n".join(lines)
