"""Two QA stations signing for the same print job: a reprint approved at one station, or a
stopped line resumed there, is refused by name at the other when it acts on what its screen
showed before - on SQLite and on real PostgreSQL, each station on its own engine."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from models.core import Core, open_core
from models.identity.passwords import fast_passwords_for_tests
from models.kernel.record_version import RecordChangedError, version_of
from tests.conftest import PASSWORD, make_core, sign_in
from tests.labeling.conftest import bag_labels_printed
from tests.labeling.flow import all_fields, datamatrix_of, labels_of


@dataclass
class Desks:
    room: Core  # L-104: the label room
    first: Core  # QA-01
    second: Core  # QA-02
    job_id: int
    label_ids: list[int]


@pytest.fixture
def desks(db_url: str) -> Iterator[Desks]:
    room = make_core(db_url, workstation="L-104")
    job_id, _batch = bag_labels_printed(room, "B-RACE-0101")
    labels = [label.id for label in labels_of(room, job_id)]
    stations = [
        sign_in(open_core(db_url, passwords=fast_passwords_for_tests(), workstation=name))
        for name in ("QA-01", "QA-02")
    ]
    yield Desks(room, stations[0], stations[1], job_id, labels)
    for core in (room, *stations):
        core.close()


def _job_version(core: Core, job_id: int) -> int:
    with core.uow() as uow:
        return version_of(uow.session, "print_job", job_id)


def test_a_reprint_approved_at_one_desk_is_refused_by_name_at_the_other(desks: Desks) -> None:
    label_id = desks.label_ids[0]
    desks.room.labeling.void_label(label_id=label_id, actor="wang", reason="smudged")
    reprint = desks.room.labeling.request_reprint(
        label_id=label_id,
        reason="smudged",
        printer_address="memory://x",
        station="L-104",
        actor="wang",
    )
    seen = _job_version(desks.second, reprint)  # both desks show the request
    desks.first.labeling.approve_reprint(
        job_id=reprint, username="li", password=PASSWORD, expected_version=seen
    )
    with pytest.raises(RecordChangedError) as refused:
        desks.second.labeling.approve_reprint(
            job_id=reprint, username="chen", password=PASSWORD, expected_version=seen
        )
    message = refused.value.message("en")
    assert f"print job {reprint} was " in message and " at QA-01 at " in message


def test_a_line_resumed_at_one_desk_is_refused_by_name_at_the_other(desks: Desks) -> None:
    first, second = desks.label_ids
    stopped = desks.room.labeling.verify_label(  # the other unit's label: the line stops
        label_id=first,
        username="zhao",
        password=PASSWORD,
        scanned_text=datamatrix_of(desks.room, second),
        confirmed_fields=all_fields(desks.room, first),
    )
    assert not stopped.accepted
    seen = _job_version(desks.second, desks.job_id)  # both desks show the stopped line
    desks.first.labeling.resume_line(
        job_id=desks.job_id,
        username="li",
        password=PASSWORD,
        reason="wrong label picked up; segregated",
        expected_version=seen,
    )
    with pytest.raises(RecordChangedError) as refused:
        desks.second.labeling.resume_line(
            job_id=desks.job_id,
            username="chen",
            password=PASSWORD,
            reason="reviewed",
            expected_version=seen,
        )
    message = refused.value.message("en")
    assert f"print job {desks.job_id} was " in message and " at QA-01 at " in message
