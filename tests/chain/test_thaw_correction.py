"""A recorded thaw's times are corrected only with a reason, by a clinical user signed in at the
station, with old and new values in the audit trail, and never once the unit was given
(models/chain/thaw_correction.py).  Each test tries to break one part of that rule and checks
that a refusal changes nothing."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from models.chain.errors import ReasonRequiredError, ThawNotCorrectableError
from models.core import open_core
from models.entities.audit import AuditEntry
from models.entities.logistics import Thaw
from models.identity.passwords import fast_passwords_for_tests
from models.identity.principals import NotSignedInError
from models.kernel.errors import NotFoundError, PermissionDeniedError, ValidationError
from models.kernel.record_check import check_records
from tests.chain.conftest import Flow, ago, scan

REASON = "pressed “Thaw finished” before the bag came out of the thawer"


def _thawed(flow: Flow) -> list[str]:
    """Three units of a released batch received at HOSP-B for P-RIGHT; the first thawed
    (ended 9 minutes ago), the others still frozen."""
    _, units = flow.released_batch("DN-T", 3)
    flow.patient("P-RIGHT")
    flow.ship_and_receive("SH-T", units, "P-RIGHT")
    flow.thaw(units[0])
    return units


def _thaw_row(flow: Flow, unit: str) -> tuple[datetime, datetime, datetime]:
    with flow.core.uow().reading() as uow:
        found = uow.session.scalars(select(Thaw)).all()
        [row] = [t for t in found if t.unit_id == _unit_id(flow, unit)]
        return row.started_at, row.ended_at, row.use_by


def _unit_id(flow: Flow, unit: str) -> int:
    from models.chain import lookup

    with flow.core.uow().reading() as uow:
        return lookup.unit(uow.session, unit).id


def _corrections(flow: Flow) -> list[tuple[str, str | None, str | None, str | None]]:
    """(actor, reason, old, new) of every thaw correction in the trail."""
    with flow.core.uow().reading() as uow:
        rows = uow.session.execute(
            select(
                AuditEntry.actor, AuditEntry.reason, AuditEntry.old_value, AuditEntry.new_value
            ).where(AuditEntry.subject_type == "thaw", AuditEntry.action == "change")
        )
        return [(a, r, o, n) for a, r, o, n in rows]


def _correct(
    hospital: Any,
    unit: str,
    actor: str = "liu",
    reason: str = REASON,
    hours: tuple[float, float] = (0.05, 0.01),
) -> datetime:
    """Correct ``unit``'s thaw to have started and ended ``hours`` ago."""
    use_by: datetime = hospital.correct_thaw(
        actor=actor,
        unit_code=unit,
        started_at=ago(hours=hours[0]),
        ended_at=ago(hours=hours[1]),
        reason=reason,
    )
    return use_by


def test_a_correction_moves_the_use_by_and_keeps_old_and_new_in_the_trail(flow: Flow) -> None:
    units = _thawed(flow)
    old = _thaw_row(flow, units[0])
    started, ended = ago(hours=0.05), ago(hours=0.01)
    use_by = flow.c.hospital.correct_thaw(
        actor="liu", unit_code=units[0], started_at=started, ended_at=ended, reason=REASON
    )
    assert use_by == ended + timedelta(minutes=60)
    assert _thaw_row(flow, units[0]) == (started, ended, use_by)
    # the bedside reads the corrected use-by (its countdown follows it)
    bag = flow.c.hospital.bag(product_scan=scan(units[0]))
    assert bag.facts.use_by == use_by and bag.thaw_ended_at == ended
    [(actor, reason, old_text, new_text)] = _corrections(flow)
    assert (actor, reason) == ("liu", REASON)
    recorded_old, recorded_new = json.loads(old_text or "{}"), json.loads(new_text or "{}")
    assert set(recorded_old) == set(recorded_new) == {"started_at", "ended_at", "use_by"}
    assert recorded_old["ended_at"].startswith(old[1].isoformat()[:19])
    assert recorded_new["ended_at"].startswith(ended.isoformat()[:19])
    with flow.core.uow().reading() as uow:
        assert not check_records(uow.session).mismatches  # the row still matches its trail
    flow.administer(scan(units[0]), "P-RIGHT")  # and the corrected thaw is usable


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_no_reason_no_correction(flow: Flow, reason: str) -> None:
    units = _thawed(flow)
    before = _thaw_row(flow, units[0])
    with pytest.raises(ReasonRequiredError):
        _correct(flow.c.hospital, units[0], reason=reason)
    assert _thaw_row(flow, units[0]) == before and not _corrections(flow)


@pytest.mark.parametrize("actor", ["wang", "zhao", "chen", "li", "admin", "sun"])
def test_only_a_clinical_user_corrects_a_thaw(flow: Flow, actor: str) -> None:
    units = _thawed(flow)
    before = _thaw_row(flow, units[0])
    with pytest.raises(PermissionDeniedError):
        _correct(flow.c.hospital, units[0], actor=actor)
    assert _thaw_row(flow, units[0]) == before and not _corrections(flow)


def test_a_nurse_not_signed_in_at_this_station_corrects_nothing(
    flow: Flow, sqlite_url: str
) -> None:
    units = _thawed(flow)
    other = open_core(sqlite_url, passwords=fast_passwords_for_tests(), workstation="WARD-9")
    try:
        with pytest.raises(NotSignedInError):
            _correct(other.chain.hospital, units[0])
    finally:
        other.close()
    assert not _corrections(flow)


def test_no_correction_after_administration(flow: Flow) -> None:
    units = _thawed(flow)
    flow.administer(scan(units[0]), "P-RIGHT")
    before = _thaw_row(flow, units[0])
    with pytest.raises(ThawNotCorrectableError) as refused:
        _correct(flow.c.hospital, units[0])
    assert refused.value.params["state"] == "administered"
    assert "已输注" in refused.value.message("zh")
    assert _thaw_row(flow, units[0]) == before and not _corrections(flow)


def test_a_unit_never_thawed_has_nothing_to_correct(flow: Flow) -> None:
    units = _thawed(flow)
    with pytest.raises(NotFoundError):
        _correct(flow.c.hospital, units[1])


@pytest.mark.parametrize(
    ("start_h", "end_h"),
    [
        (0.01, 0.05),  # ends before it starts
        (0.05, -0.5),  # ends half an hour from now
    ],
)
def test_impossible_times_are_refused(flow: Flow, start_h: float, end_h: float) -> None:
    units = _thawed(flow)
    before = _thaw_row(flow, units[0])
    with pytest.raises(ValidationError):
        _correct(flow.c.hospital, units[0], hours=(start_h, end_h))
    assert _thaw_row(flow, units[0]) == before and not _corrections(flow)


def test_a_correction_that_changes_nothing_is_refused(flow: Flow) -> None:
    units = _thawed(flow)
    started, ended, _ = _thaw_row(flow, units[0])
    with pytest.raises(ValidationError):
        flow.c.hospital.correct_thaw(
            actor="liu",
            unit_code=units[0],
            started_at=started,
            ended_at=ended,
            reason=REASON,
        )
