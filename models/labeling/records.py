"""Small lookups shared by the labeling services and the reconciliation report."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.labeling import LabelTemplate, PrintJob, TemplateStatus
from models.kernel.canonical import canonical_json
from models.labeling.errors import TemplateNotUsableError
from models.labeling.layout import Layout, parse_layout
from printing.content import LabelContent

# ISBT 128 Type 1 flags (ST-001 Table 3): 05 repeated demand-printed label, 12 affixed
# partial label, 13 attached label used with it.  A reprint's "repeat" marking wins.
REPEAT_FLAGS, PARTIAL_FLAGS, ATTACHED_FLAGS = "05", "12", "13"


def job_unit_ids(job: PrintJob) -> list[int]:
    return [int(u) for u in json.loads(job.unit_ids or "[]")]


def label_flags(template: LabelTemplate, is_reprint: bool) -> str:
    if is_reprint:
        return REPEAT_FLAGS
    if template.partial:
        return PARTIAL_FLAGS
    return ATTACHED_FLAGS if template.container_type == "info_sheet" else "00"


def template_content(template: LabelTemplate) -> dict[str, Any]:
    """What the QA approval signature is bound to: editing the layout breaks the binding."""
    return {
        "template_id": template.id,
        "code": template.code,
        "version": template.version,
        "container_type": template.container_type,
        "partial": template.partial,
        "layout": template.layout,
    }


def current_template(session: Session, code: str) -> LabelTemplate:
    """The one approved (effective) version of ``code``."""
    template = session.scalar(
        select(LabelTemplate).where(
            LabelTemplate.code == code, LabelTemplate.status == TemplateStatus.APPROVED
        )
    )
    if template is None:
        raise TemplateNotUsableError(template=code, version="-", reason="no approved version")
    return template


def template_layout(template: LabelTemplate) -> Layout:
    return parse_layout(template.layout, f"{template.code} v{template.version}")


def content_json(content: LabelContent) -> str:
    """The label exactly as built, element types included, for the archive."""
    elements = [{"type": type(e).__name__, **asdict(e)} for e in content.elements]
    return canonical_json({**asdict(content), "elements": elements})
