"""Helpers that drive the labeling service the way the GUI does."""

from __future__ import annotations

import json

from models.core import Core
from models.entities.labeling import LabelTemplate, PrintedLabel, PrintJob
from models.labeling.build import symbol_data
from models.labeling.fields import label_fields
from models.labeling.records import label_flags
from tests.conftest import PASSWORD
from tests.labeling.conftest import detached


def labels_of(core: Core, job_id: int) -> list[PrintedLabel]:
    with core.uow() as uow:
        rows = list(
            uow.session.query(PrintedLabel).filter_by(print_job_id=job_id).order_by(PrintedLabel.id)
        )
        uow.session.expunge_all()
        return rows


def job(core: Core, job_id: int) -> PrintJob:
    return detached(core, PrintJob, job_id)


def datamatrix_of(core: Core, label_id: int) -> str:
    """What a scanner reads from the label's 2-D symbol (from the archived content)."""
    with core.uow() as uow:
        label = uow.session.get(PrintedLabel, label_id)
        assert label is not None
        content = json.loads(label.content_json)
    [data] = [e["data"] for e in content["elements"] if e.get("symbology") == "datamatrix"]
    return "]d1" + str(data)


def record_scan(core: Core, label_id: int) -> str:
    """The Data Matrix data the record says this label should carry."""
    with core.uow() as uow:
        label = uow.session.get(PrintedLabel, label_id)
        assert label is not None and label.unit_id is not None
        job_row = uow.session.get(PrintJob, label.print_job_id)
        assert job_row is not None
        template = uow.session.get(LabelTemplate, job_row.template_id)
        assert template is not None
        flags = label_flags(template, label.is_reprint)
        return "]d1" + symbol_data(label_fields(uow.session, label.unit_id, flags))["datamatrix"]


def all_fields(core: Core, label_id: int, ok: bool = True) -> dict[str, bool]:
    """Everything the verifier confirms by eye (the scan confirms the rest)."""
    return dict.fromkeys(core.labeling.check_sheet(label_id).plan.by_person, ok)


def verify(core: Core, label_id: int, username: str = "zhao") -> bool:
    result = core.labeling.verify_label(
        label_id=label_id,
        username=username,
        password=PASSWORD,
        scanned_text=datamatrix_of(core, label_id),
        confirmed_fields=all_fields(core, label_id),
    )
    return result.accepted
