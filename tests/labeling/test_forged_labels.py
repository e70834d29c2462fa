"""The label double-check and the label gate refuse records changed outside CellTrail
(issue 12): a printed label pointed at another unit, a template's layout edited in the
database, a print job and its labels deleted before release."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from models.core import Core
from models.entities.labeling import LabelState, PrintedLabel
from models.entities.quality import Deviation
from models.kernel.record_check import RecordIntegrityError
from tests.conftest import forge
from tests.fakes.printers import RecordingPrinter
from tests.labeling.conftest import Lot, label_jobs
from tests.labeling.flow import labels_of, verify


def _printed(core: Core, templates: dict[str, int], lot: Lot) -> int:
    job_id = core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=templates["LT-BAG"],
        unit_ids=lot.unit_ids,
        printer_address="tcp://printer",
        station="C-201/BSC-02",
        actor="wang",
    )
    core.labeling.print_job(job_id=job_id, printer=RecordingPrinter(), actor="wang")
    return job_id


def _deviations(core: Core) -> list[str]:
    with core.uow().reading() as uow:
        return list(
            uow.session.scalars(
                select(Deviation.title).where(Deviation.title.like("Record integrity:%"))
            )
        )


@pytest.mark.req("R-CSV-03")
def test_a_label_pointed_at_another_unit_cannot_be_double_checked(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    first, second = labels_of(core, _printed(core, templates, lot))
    forge(core, f"UPDATE printed_label SET unit_id = {second.unit_id} WHERE id = {first.id}")
    with pytest.raises(RecordIntegrityError) as refused:
        verify(core, first.id)
    assert refused.value.params["table"] == "printed_label"
    with core.uow().reading() as uow:
        label = uow.session.get(PrintedLabel, first.id)
        assert label is not None and label.state is LabelState.PRINTED  # nothing was recorded
    assert _deviations(core) == [
        f"Record integrity: printed label {first.id} changed outside CellTrail"
    ]
    assert verify(core, second.id)  # the untouched label is checked as before


@pytest.mark.req("R-CSV-03", "R-LBL-04")
def test_a_template_edited_in_the_database_is_not_used(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    forge(
        core,
        "UPDATE label_template SET layout = replace(layout, 'expiry', 'expiri') "
        f"WHERE id = {templates['LT-BAG']}",
    )
    with pytest.raises(RecordIntegrityError):
        _printed(core, templates, lot)


@pytest.mark.req("R-LBL-05")
def test_a_print_job_deleted_outside_celltrail_blocks_release_readiness(core: Core) -> None:
    [job_id] = label_jobs(core, 1, "B-LBL-9{n}")
    with core.uow().reading() as uow:
        batch_id = uow.session.scalar(text(f"SELECT batch_id FROM print_job WHERE id = {job_id}"))
    forge(
        core,
        f"DELETE FROM printed_label WHERE print_job_id = {job_id}",
        f"DELETE FROM print_job WHERE id = {job_id}",
    )
    with pytest.raises(RecordIntegrityError) as refused:
        core.quality.release.readiness(batch_id, "chen")
    assert refused.value.params["table"] in {"print_job", "printed_label"}
