"""Which label template a unit's container takes (R-LBL-07: a label sized for its container).

A bag label is 100 × 100 mm and a vial's at most 50 × 30 mm, so a template sized for one kind
of container is refused for a unit in another.  Templates for a shipper, a QC sample tube or
an information sheet go with a unit in any container.  The template a unit takes by default
is the approved full label for its container; a partial label (R-LBL-10) is chosen on
purpose, for a container too small even for that.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.labeling import LabelTemplate, TemplateStatus
from models.entities.production import UNIT_CONTAINERS, ProductUnit
from models.labeling.errors import NoTemplateForContainerError, WrongContainerTemplateError

# Template container types sized for the container a unit is in.
CONTAINER_BOUND = UNIT_CONTAINERS


def require_template_fits(template: LabelTemplate, unit: ProductUnit) -> None:
    """Refuse a container-bound template for a unit in another kind of container."""
    if (
        template.container_type in CONTAINER_BOUND
        and unit.container_type != template.container_type
    ):
        raise WrongContainerTemplateError(
            template=template.code,
            template_container=template.container_type,
            din=unit.din,
            unit_container=unit.container_type,
        )


def template_for_unit(session: Session, unit: ProductUnit) -> LabelTemplate:
    """The approved full label for the unit's container (the first by code if several)."""
    template = session.scalar(
        select(LabelTemplate)
        .where(
            LabelTemplate.status == TemplateStatus.APPROVED,
            LabelTemplate.container_type == unit.container_type,
            LabelTemplate.container_type.in_(CONTAINER_BOUND),
            LabelTemplate.partial.is_(False),
        )
        .order_by(LabelTemplate.code)
        .limit(1)
    )
    if template is None:
        raise NoTemplateForContainerError(container=unit.container_type, din=unit.din)
    return template
