"""Reads that find what to label by the identifiers an operator or a script has at hand: a
DIN as scanned or typed, a batch number, a template code. Used by `celltrail label`.

Like ``station_reads.LabelStationReads``: each call opens its own read-only unit of work and
returns plain values, no ORM rows; ``unit_by_din`` takes a Session for services."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.production import Batch, ProductUnit
from models.isbt128 import parse_din
from models.kernel.errors import NotFoundError
from models.kernel.unit_of_work import UowFactory
from models.labeling.build import build_label
from models.labeling.containers import require_template_fits, template_for_unit
from models.labeling.fields import label_fields
from models.labeling.records import current_template, label_flags
from models.labeling.templates import usable_template
from printing.content import LabelContent


@dataclass(frozen=True)
class UnitLabel:
    """A unit's label built from its record with the current approved template."""

    content: LabelContent
    din: str
    template: str
    version: int


@dataclass(frozen=True)
class LabelTargets:
    """What ``LabelingService.request_labels`` needs, resolved from numbers and codes."""

    batch_id: int
    template_id: int
    unit_ids: list[int]


def unit_by_din(session: Session, text: str) -> ProductUnit:
    """The one unit carrying the DIN in ``text`` (scanned or typed, check character checked)."""
    din = parse_din(text)
    units = session.scalars(select(ProductUnit).where(ProductUnit.din == din.number)).all()
    if len(units) != 1:
        raise NotFoundError(kind="product unit (one per DIN)", ident=din.number)
    return units[0]


class UnitLabelReads:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def unit_label(self, din_text: str, template_code: str | None = None) -> UnitLabel:
        """The label of the unit ``din_text`` as ``template_code`` would print it; without a
        code, the template its container takes (``containers.template_for_unit``)."""
        with self._uow().reading() as uow:
            s = uow.session
            unit = unit_by_din(s, din_text)
            chosen = (
                current_template(s, template_code) if template_code else template_for_unit(s, unit)
            )
            require_template_fits(chosen, unit)
            template, layout = usable_template(s, chosen.id)
            fields = label_fields(s, unit.id, label_flags(template, False))
            return UnitLabel(
                content=build_label(layout, fields),
                din=fields.text("din"),
                template=template.code,
                version=template.version,
            )

    def label_targets(
        self, batch_number: str, template_code: str, dins: Sequence[str] | None = None
    ) -> LabelTargets:
        """Batch, current template and units (``dins``, else every unit not voided, in order)."""
        with self._uow().reading() as uow:
            s = uow.session
            batch = s.scalar(select(Batch).where(Batch.number == batch_number))
            if batch is None:
                raise NotFoundError(kind="batch", ident=batch_number)
            if dins:
                unit_ids = [unit_by_din(s, text).id for text in dins]
            else:
                unit_ids = list(
                    s.scalars(
                        select(ProductUnit.id)
                        .where(
                            ProductUnit.batch_id == batch.id, ProductUnit.voided_reason.is_(None)
                        )
                        .order_by(ProductUnit.id)
                    )
                )
            return LabelTargets(
                batch_id=batch.id,
                template_id=current_template(s, template_code).id,
                unit_ids=unit_ids,
            )
