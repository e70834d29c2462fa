"""A record found to differ from its audit trail opens a deviation for QA.

The decision that found it was refused and rolled back; this runs afterwards in its own
transaction (wired by ``models/core.py`` into every unit of work), so the finding is kept
even though nothing of the refused action is. One open deviation per record: a bag scanned
ten times at the bedside does not open ten.
"""

from __future__ import annotations

from sqlalchemy import select

from models.entities.quality import Deviation, DeviationStatus
from models.i18n import render, term
from models.kernel.record_check import RecordIntegrityError
from models.kernel.record_state import SYSTEM_ACTOR
from models.kernel.record_terms import field_words
from models.kernel.unit_of_work import UowFactory
from models.quality.deviations import DeviationInput, open_deviation_in


def open_integrity_deviation(uow_factory: UowFactory, error: RecordIntegrityError) -> int | None:
    """Open (once) the deviation for ``error``; returns its id, None if one is already open."""
    params = {
        "table": term("record_kind", error.params["table"]).message("en"),
        "record": error.params["record"],
        "fields": field_words(error.params["fields"], error.params.get("kind", "")).message("en"),
    }
    # Stored in English, like every record's own text; screens translate the code.
    title = render("record_integrity.deviation_title", "en", **params)
    with uow_factory() as uow:
        already = uow.session.scalar(
            select(Deviation.id).where(
                Deviation.title == title, Deviation.status != DeviationStatus.CLOSED
            )
        )
        if already is not None:
            return None
        deviation = open_deviation_in(
            uow,
            SYSTEM_ACTOR,
            DeviationInput(
                title=title,
                description=render("record_integrity.deviation_text", "en", **params),
                urgent=True,
            ),
        )
        uow.commit()
        return deviation.id
