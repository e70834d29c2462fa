"""Print runs render at the print head's resolution; a mismatch or too-small media is refused
before any label is claimed, and the job stays retryable (issue 13, printer profiles)."""

from __future__ import annotations

import re

from models.core import Core
from models.entities.labeling import LabelState, PrintJobStatus
from models.i18n import describe
from printing.port import PrinterMediaTooSmallError, PrinterResolutionMismatchError
from printing.registry import open_printer
from tests.fakes.printers import FakeZebraPrinter
from tests.labeling.conftest import Lot
from tests.labeling.flow import job, labels_of

STATION = "C-201/BSC-02"
BAG_WIDTH_MM = 100  # LT-BAG (models/labeling/defaults.py)


def _request(core: Core, lot: Lot, template_id: int, url: str) -> int:
    return core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=template_id,
        unit_ids=lot.unit_ids,
        printer_address=url,
        station=STATION,
        actor="wang",
    )


def _pw(payload: bytes) -> int:
    found = re.search(rb"\^PW(\d+)", payload)
    assert found is not None
    return int(found.group(1))


def test_300_dpi_printer_with_the_default_address_gets_300_dpi_labels(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    with FakeZebraPrinter(dpi=300) as zebra:
        job_id = _request(core, lot, templates["LT-BAG"], zebra.url)
        outcome = core.labeling.print_job(
            job_id=job_id, printer=open_printer(zebra.url), actor="wang"
        )
        assert zebra.wait_for_connections(1 + len(lot.unit_ids))
    assert outcome.status is PrintJobStatus.PRINTED and outcome.failure is None
    assert [_pw(sent) for sent in zebra.jobs] == [round(BAG_WIDTH_MM * 300 / 25.4)] * 2
    assert [label.payload for label in labels_of(core, job_id)] == zebra.jobs


def test_fixed_203_dpi_on_a_300_dpi_printer_is_refused_and_the_job_retried(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    with FakeZebraPrinter(dpi=300) as zebra:
        job_id = _request(core, lot, templates["LT-BAG"], zebra.url + "&dpi=203")
        refused = core.labeling.print_job(
            job_id=job_id, printer=open_printer(zebra.url + "&dpi=203"), actor="wang"
        )
        assert isinstance(refused.failure, PrinterResolutionMismatchError)
        assert refused.status is PrintJobStatus.FAILED and refused.printed_label_ids == ()
        assert labels_of(core, job_id) == []  # nothing claimed, rendered or marked
        assert zebra.jobs == [] and zebra.printed == 0
        record = job(core, job_id)
        assert record.status is PrintJobStatus.FAILED
        assert record.failure == describe(refused.failure, "en")
        retry = core.labeling.print_job(
            job_id=job_id, printer=open_printer(zebra.url + "&dpi=300"), actor="wang"
        )
    assert retry.status is PrintJobStatus.PRINTED and len(retry.printed_label_ids) == 2
    assert {x.state for x in labels_of(core, job_id)} == {LabelState.PRINTED}


def test_status_off_printer_gets_the_configured_resolution(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    with FakeZebraPrinter(dpi=300, behaviour="silent") as zebra:
        url = zebra.url + "&status=off&dpi=600"
        job_id = _request(core, lot, templates["LT-BAG"], url)
        outcome = core.labeling.print_job(job_id=job_id, printer=open_printer(url), actor="wang")
        assert zebra.wait_for_connections(len(lot.unit_ids))
    assert outcome.status is PrintJobStatus.UNCONFIRMED  # no status: a person confirms
    assert [_pw(sent) for sent in zebra.jobs] == [round(BAG_WIDTH_MM * 600 / 25.4)] * 2
    assert zebra.identified == 0


def test_label_wider_than_the_media_is_refused_before_any_label_exists(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    with FakeZebraPrinter() as zebra:
        url = zebra.url + "&media=60x40"
        job_id = _request(core, lot, templates["LT-BAG"], url)
        outcome = core.labeling.print_job(job_id=job_id, printer=open_printer(url), actor="wang")
    assert isinstance(outcome.failure, PrinterMediaTooSmallError)
    assert outcome.status is PrintJobStatus.FAILED
    assert labels_of(core, job_id) == [] and zebra.jobs == []
