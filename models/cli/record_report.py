"""The record half of `celltrail audit verify`: every row against its audit trail."""

from __future__ import annotations

from typing import Any

from models.i18n import render, term


def check_records_at(url: str, lang: str) -> tuple[bool, dict[str, Any], list[str]]:
    """(intact, JSON data, lines to print) for the database at ``url``."""
    from sqlalchemy.orm import Session

    from models.kernel.db import make_engine, read_only
    from models.kernel.record_check import check_records

    engine = make_engine(url)
    try:
        with Session(read_only(engine)) as session:
            report = check_records(session)
    finally:
        engine.dispose()
    data: dict[str, Any] = {
        "intact": report.intact,
        "rows_checked": report.rows_checked,
        "states_in_trail": report.states_in_trail,
        "mismatches": [m.as_dict() for m in report.mismatches],
    }
    if report.intact:
        line = render(
            "cli.audit.records_intact",
            lang,
            rows=report.rows_checked,
            states=report.states_in_trail,
        )
        return True, data, [line]
    lines = [render("cli.audit.records_broken", lang, count=len(report.mismatches))]
    for mismatch in report.mismatches:
        lines.extend(_lines(mismatch, lang))
    return False, data, lines


def _lines(mismatch: Any, lang: str) -> list[str]:
    named = {"table": term("record_kind", mismatch.table), "record": mismatch.record_id}
    if mismatch.kind == "deleted":
        return [render("cli.audit.record_deleted", lang, seq=mismatch.trail_seq, **named)]
    if mismatch.kind == "inserted":
        return [render("cli.audit.record_inserted", lang, **named)]
    return [
        render(
            "cli.audit.record_altered",
            lang,
            field=difference.field,
            trail=_shown(difference.trail),
            row=_shown(difference.row),
            **named,
        )
        for difference in mismatch.fields
    ] or [render("cli.audit.record_altered", lang, field="?", trail="?", row="?", **named)]


def _shown(value: Any) -> str:
    text = "∅" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"
