"""The label station's reads as a service: each call opens its own read-only unit of work, so
the desktop client never holds a database session.  The queries stay in station_view.py
(they take a Session, for services and the command line); what is read together here is
read in one snapshot, as the screen shows it together."""

from __future__ import annotations

from dataclasses import dataclass

from models.kernel.record_version import version_of
from models.kernel.unit_of_work import UowFactory
from models.labeling import station_view as q
from printing.content import LabelContent


@dataclass(frozen=True)
class StationChoices:
    batches: list[q.BatchChoice]
    templates: list[q.TemplateRow]


@dataclass(frozen=True)
class BatchLabels:
    units: list[q.UnitRow]
    jobs: list[q.JobRow]
    labels: list[q.LabelRow]


@dataclass(frozen=True)
class LabelToCheck:
    """A printed label as archived, its job's printer URL and who requested and printed it."""

    content: LabelContent
    printer: str
    requested_by: str
    printed_by: str | None
    version: int = 0  # the label's version as read: signing refuses if it moved since


class LabelStationReads:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def choices(self) -> StationChoices:
        """Batches that can be labelled and the QA-approved templates."""
        with self._uow().reading() as uow:
            return StationChoices(q.label_batches(uow.session), q.approved_templates(uow.session))

    def batch_labels(self, batch_id: int) -> BatchLabels:
        with self._uow().reading() as uow:
            s = uow.session
            return BatchLabels(
                q.batch_units(s, batch_id), q.print_jobs(s, batch_id), q.printed_labels(s, batch_id)
            )

    def unit_preview(self, unit_id: int, template_id: int) -> LabelContent:
        with self._uow().reading() as uow:
            return q.unit_preview(uow.session, unit_id, template_id)

    def fitting_template(self, unit_id: int, template_id: int) -> int:
        """The template to preview the unit with: the chosen one if it fits its container."""
        with self._uow().reading() as uow:
            return q.fitting_template(uow.session, unit_id, template_id)

    def archived_label(self, label_id: int) -> tuple[LabelContent, str]:
        with self._uow().reading() as uow:
            return q.archived_label(uow.session, label_id)

    def label_to_check(self, label_id: int) -> LabelToCheck:
        with self._uow().reading() as uow:
            content, url = q.archived_label(uow.session, label_id)
            requested_by, printed_by = q.job_people(uow.session, label_id)
            version = version_of(uow.session, "printed_label", label_id)
        return LabelToCheck(content, url, requested_by, printed_by, version)

    def awaiting_check(self, unit_id: int) -> tuple[str, str | None]:
        """The unit's DIN and the batch whose printed label of it awaits the double-check."""
        with self._uow().reading() as uow:
            return q.awaiting_check(uow.session, unit_id)

    def deviation_code(self, deviation_id: int | None) -> str | None:
        with self._uow().reading() as uow:
            return q.deviation_code(uow.session, deviation_id)
