"""Which label of a print job a scan names, for recovering the job (models.labeling.recovery).

One matcher serves both the recovery itself and the label station, which matches each scan
the moment it is read so the person sees the unit at once and a foreign label is refused
before the list is submitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.labeling import LabelState, LabelTemplate, PrintedLabel, PrintJob
from models.entities.production import ProductUnit
from models.isbt128 import Isbt128Error
from models.kernel.rows import get_or_404
from models.labeling.build import expected_scans, scan_value
from models.labeling.checks import _parse
from models.labeling.errors import (
    RecoveryScanAmbiguousError,
    RecoveryScanUnmatchedError,
    ScanRefusedError,
)
from models.labeling.fields import label_fields
from models.labeling.records import label_flags

AWAITING = (LabelState.SENDING, LabelState.UNCONFIRMED)


@dataclass(frozen=True)
class RecoveryLabel:
    """A label of the job as the person at the station recognises it."""

    id: int
    din: str
    state: str  # "sending" / "unconfirmed": awaits a scan; "printed": already on record


class RecoveryMatcher:
    """The job's labels that can have come out (every state but UNSENT) and what a scan of
    each may read.  A label already recorded as printed may be scanned again (the person
    scans the whole pile); it is matched, and recovery leaves it as it is."""

    def __init__(self, session: Session, job: PrintJob) -> None:
        template = get_or_404(session, LabelTemplate, job.template_id, "label template")
        self.job_id = job.id
        rows = session.execute(
            select(PrintedLabel, ProductUnit.din, ProductUnit.division)
            .join(ProductUnit, ProductUnit.id == PrintedLabel.unit_id)
            .where(PrintedLabel.print_job_id == job.id, PrintedLabel.state != LabelState.UNSENT)
            .order_by(PrintedLabel.id)
        ).all()
        self.labels = {
            label.id: RecoveryLabel(
                label.id,
                din if division == "00" else f"{din}/{division}",
                label.state.value,
            )
            for label, din, division in rows
        }
        self._expected = {
            label.id: expected_scans(
                label_fields(session, label.unit_id or 0, label_flags(template, label.is_reprint))
            )
            for label, _din, _division in rows
        }

    def awaiting(self) -> list[RecoveryLabel]:
        return [label for label in self.labels.values() if label.state in AWAITING]

    def match(self, text: str) -> RecoveryLabel:
        """The one label ``text`` names; refused with the reason if none or several do."""
        values = _values(text)
        fits = [
            label_id
            for label_id, expected in self._expected.items()
            if values["din"] & expected and values["all"] <= expected
        ]
        if not fits:
            raise RecoveryScanUnmatchedError(scan=text.strip()[:80], job=self.job_id)
        if len(fits) > 1:
            raise RecoveryScanAmbiguousError(scan=text.strip()[:80], job=self.job_id)
        return self.labels[fits[0]]


def _values(text: str) -> dict[str, set[Any]]:
    try:
        scans = _parse(text)
    except Isbt128Error as exc:
        raise ScanRefusedError(reason=exc) from exc
    return {
        "din": {scan_value(scan) for scan in scans if scan.kind == "din"},
        "all": {scan_value(scan) for scan in scans},
    }
