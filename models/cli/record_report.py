"""The record half of `celltrail audit verify`: every row against its audit trail."""

from __future__ import annotations

from typing import Any


def check_records_at(url: str, lang: str) -> tuple[bool, dict[str, Any], list[str]]:
    """(intact, JSON data, lines to print) for the database at ``url``."""
    from sqlalchemy.orm import Session

    from models.kernel.db import make_engine, read_only
    from models.kernel.record_check import check_records
    from models.kernel.record_words import report_messages

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
    lines = [m.message(lang) for m in report_messages(report)]
    return report.intact, data, lines
