"""Two stations acting on the same label or job: the first one's action stands, the second is
refused by name (who, which station, when) and nothing of it is written - on SQLite and on
real PostgreSQL, with each station on its own engine and connections."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from models.core import Core, open_core
from models.entities.accounts import Signature
from models.entities.audit import AuditChainHead
from models.entities.labeling import LabelState, PrintedLabel
from models.identity.passwords import fast_passwords_for_tests
from models.kernel.errors import InvalidTransitionError
from models.kernel.record_version import RecordChangedError
from tests.conftest import PASSWORD, make_core, sign_in
from tests.fakes.printers import RecordingPrinter
from tests.labeling.conftest import bag_labels_printed, bag_labels_requested
from tests.labeling.flow import all_fields, datamatrix_of, labels_of


@dataclass
class Site:
    label_room: Core  # L-104: requested and printed the labels
    first: Core  # L-105, where zhao checks
    second: Core  # L-106, where chen checks
    label_id: int
    batch_id: int


def _station(url: str, name: str, *people: str) -> Core:
    return sign_in(open_core(url, passwords=fast_passwords_for_tests(), workstation=name), *people)


@pytest.fixture
def site(db_url: str) -> Iterator[Site]:
    room = make_core(db_url, workstation="L-104")
    job_id, batch_id = bag_labels_printed(room, "B-RACE-0001", 1)
    [label] = labels_of(room, job_id)
    first, second = _station(db_url, "L-105", "zhao"), _station(db_url, "L-106", "chen")
    yield Site(room, first, second, label.id, batch_id)
    for core in (room, first, second):
        core.close()


def _version(site: Site) -> int:
    """The label's version as the label station's list shows it at L-105."""
    labels = site.first.label_station_reads.batch_labels(site.batch_id).labels
    [row] = [r for r in labels if r.id == site.label_id]
    return row.version


def _verify(core: Core, label_id: int, who: str, scan: str, fields: dict[str, bool], seen: int):
    return core.labeling.verify_label(
        label_id=label_id,
        username=who,
        password=PASSWORD,
        scanned_text=scan,
        confirmed_fields=fields,
        expected_version=seen,
    )


def _at_once(*actions: Callable[[], Any]) -> list[Any]:
    """Run ``actions`` on threads released together; each one's result or exception."""
    start = threading.Barrier(len(actions))
    outcomes: list[Any] = [None] * len(actions)

    def run(i: int, action: Callable[[], Any]) -> None:
        start.wait()
        try:
            outcomes[i] = action()
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


def _signatures(core: Core, label_id: int) -> int:
    with core.uow() as uow:
        return (
            uow.session.scalar(
                select(func.count())
                .select_from(Signature)
                .where(
                    Signature.subject_type == "printed_label", Signature.subject_id == str(label_id)
                )
            )
            or 0
        )


def test_the_same_label_checked_at_two_stations_at_once_is_verified_once(site: Site) -> None:
    seen = _version(site)
    scan = datamatrix_of(site.first, site.label_id)
    fields = all_fields(site.first, site.label_id)
    outcomes = _at_once(
        lambda: _verify(site.first, site.label_id, "zhao", scan, fields, seen),
        lambda: _verify(site.second, site.label_id, "chen", scan, fields, seen),
    )
    accepted = [o for o in outcomes if not isinstance(o, Exception)]
    refused = [o for o in outcomes if isinstance(o, RecordChangedError)]
    assert len(accepted) == 1 and accepted[0].accepted and len(refused) == 1, outcomes
    winner = "Zhao Verifier" if outcomes[0] is accepted[0] else "Chen QA"
    station = "L-105" if winner == "Zhao Verifier" else "L-106"
    text = refused[0].message("en")
    assert f"printed label {site.label_id} was verified by {winner} at {station} at " in text
    assert "the screen has been refreshed" in text
    assert f"由 {winner} 在 {station} 复核" in refused[0].message("zh")
    assert _signatures(site.first, site.label_id) == 1  # nothing of the second was written
    with site.first.uow() as uow:
        label = uow.session.get(PrintedLabel, site.label_id)
        assert label is not None and label.state is LabelState.VERIFIED


def test_without_a_version_two_checks_at_once_still_verify_once(site: Site) -> None:
    """The command line reads no version: the chain head's lock still serialises the two, and
    the second finds the label verified already."""
    scan = datamatrix_of(site.first, site.label_id)
    fields = all_fields(site.first, site.label_id)

    def check(core: Core, who: str) -> Any:
        return core.labeling.verify_label(
            label_id=site.label_id,
            username=who,
            password=PASSWORD,
            scanned_text=scan,
            confirmed_fields=fields,
        )

    outcomes = _at_once(lambda: check(site.first, "zhao"), lambda: check(site.second, "chen"))
    assert sum(isinstance(o, InvalidTransitionError) for o in outcomes) == 1, outcomes
    assert _signatures(site.first, site.label_id) == 1


def test_a_label_voided_elsewhere_is_refused_by_name_and_nothing_is_written(site: Site) -> None:
    seen = _version(site)
    site.label_room.labeling.void_label(label_id=site.label_id, actor="wang", reason="smudged")
    head = _head(site.first)
    with pytest.raises(RecordChangedError) as refused:
        _verify(
            site.first,
            site.label_id,
            "zhao",
            datamatrix_of(site.first, site.label_id),
            all_fields(site.first, site.label_id),
            seen,
        )
    assert "was voided by Wang Operator at L-104" in refused.value.message("en")
    assert _head(site.first) == head  # not even an audit entry


def _job_open_at_two_stations(
    db_url: str, batch_code: str, count: int, other_station: str
) -> tuple[Core, Core, int, Any]:
    """A print job requested at the label room (L-104) and listed at ``other_station``:
    (room, other, job id, the job as the other station's screen read it)."""
    room = make_core(db_url, workstation="L-104")
    job_id, batch_id = bag_labels_requested(room, batch_code, count)
    other = _station(db_url, other_station, "wang")
    [job] = other.label_station_reads.batch_labels(batch_id).jobs
    return room, other, job_id, job


def test_a_job_changed_elsewhere_refuses_a_stale_cancel(db_url: str) -> None:
    room, other, job_id, job = _job_open_at_two_stations(db_url, "B-RACE-0002", 1, "L-107")
    room.labeling.cancel_job(job_id=job_id, actor="wang", reason="wrong template")
    with pytest.raises(RecordChangedError) as refused:
        other.labeling.cancel_job(
            job_id=job_id, actor="wang", reason="twice", expected_version=job.version
        )
    assert "“cancelled”" in refused.value.message("en") and "L-104" in refused.value.message("en")
    room.close()
    other.close()


def test_an_open_window_learns_who_changed_its_record(site: Site) -> None:
    seen = _version(site)
    assert site.first.audit_reads.changed_since("printed_label", site.label_id, seen) is None
    site.label_room.labeling.void_label(label_id=site.label_id, actor="wang", reason="smudged")
    change = site.first.audit_reads.changed_since("printed_label", site.label_id, seen)
    assert change is not None and change.who == "Wang Operator" and change.station == "L-104"
    assert "while this window was open" in change.message("en")
    assert "本窗口打开期间" in change.message("zh")


def _head(core: Core) -> int:
    with core.uow() as uow:
        return uow.session.scalar(select(AuditChainHead.last_seq)) or 0


def test_one_job_printed_at_two_stations_at_once_renders_its_labels_once(db_url: str) -> None:
    room, other, job_id, job = _job_open_at_two_stations(db_url, "B-RACE-0003", 2, "L-108")

    def press_print(core: Core) -> Any:
        return core.labeling.print_job(
            job_id=job_id, printer=RecordingPrinter(), actor="wang", expected_version=job.version
        )

    outcomes = _at_once(lambda: press_print(room), lambda: press_print(other))
    refused = [o for o in outcomes if isinstance(o, RecordChangedError)]
    assert len(refused) == 1, outcomes
    assert "L-104" in refused[0].message("en") or "L-108" in refused[0].message("en")
    assert len(labels_of(room, job_id)) == 2  # one label per unit, not two
    room.close()
    other.close()
