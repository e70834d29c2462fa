"""Workspaces and line clearance (R-SEG-01/02/03/05/06), on SQLite and PostgreSQL.

Every test tries to get a batch into a workspace, or a record onto a batch, that the rules
forbid; the refusal must be the specific bilingual error naming workspace and batch, and
nothing may be written.  The database itself refuses edits of the records.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from models.cleanroom.line_clearance import (
    BASE_ITEMS,
    BatchActiveElsewhereError,
    BatchLeftWorkspaceError,
    BatchNotInWorkspaceError,
    ChecklistItem,
    ClearanceIncompleteError,
    ClearanceOutdatedError,
    ClearanceWhileOccupiedError,
    GeneralBatchInInfectiousAreaError,
    InfectiousBatchInGeneralAreaError,
    NotActiveHereError,
    ResidualInfectionRiskError,
    WorkspaceNotClearedError,
    WorkspaceOccupiedError,
    WorkspaceState,
)
from models.core import Core, open_core
from models.entities.accounts import Signature, SignatureMeaning
from models.entities.audit import AuditEntry
from models.entities.base import utcnow
from models.entities.parties import DonorType, ScreeningOutcome
from models.entities.workspaces import LineClearance, WorkspaceUse
from models.identity.passwords import fast_passwords_for_tests
from models.kernel.audit import verify_chain
from models.kernel.errors import (
    DomainError,
    InvalidTransitionError,
    PermissionDeniedError,
    SamePersonError,
    ValidationError,
)
from tests.chain.conftest import Flow, add_site_config, ago
from tests.conftest import PASSWORD, sign_in

ROOM = "C-201/BSC-02"  # general area
SUITE = "C-301/BSC-01"  # infectious-sample suite
ALL_BASE = {i.value: True for i in BASE_ITEMS}
WITH_RISK = {**ALL_BASE, ChecklistItem.NO_RESIDUAL_INFECTION_RISK.value: True}


@pytest.fixture
def flow(any_core: Core) -> Flow:
    add_site_config(any_core)
    lc = any_core.line_clearance
    lc.add_workspace(actor="admin", code=ROOM, name="Suite C-201, BSC 02")
    lc.add_workspace(actor="chen", code=SUITE, name="Infectious suite C-301", infectious_area=True)
    return Flow(any_core)


def new_batch(flow: Flow, donor: str, *, infectious: bool = False) -> str:
    if infectious:  # autologous and HBsAg positive: usable, but infectious (S14)
        flow.eligible_donor(donor, DonorType.AUTOLOGOUS, ScreeningOutcome.POSITIVE)
    else:
        flow.eligible_donor(donor)
    flow.accepted_collection(donor, f"CL-{donor}")
    return flow.c.batches.create_batch(
        actor="wang", collections=f"CL-{donor}", product_code="S1389"
    )


def clear(
    core: Core, workspace: str = ROOM, checklist: dict[str, Any] | None = None, **kw: str
) -> int:
    args: dict[str, Any] = {
        "workspace_code": workspace,
        "checklist": ALL_BASE if checklist is None else checklist,
        "performer": "wang",
        "performer_password": PASSWORD,
        "verifier": "zhao",
        "verifier_password": PASSWORD,
    }
    return core.line_clearance.record_clearance(**(args | kw))


def start(core: Core, batch: str, workspace: str = ROOM, actor: str = "wang") -> None:
    core.line_clearance.start_in_workspace(
        actor=actor, batch_number=batch, workspace_code=workspace
    )


def finish(core: Core, batch: str, workspace: str = ROOM) -> None:
    core.line_clearance.finish_in_workspace(
        actor="wang", batch_number=batch, workspace_code=workspace
    )


def step(core: Core, batch: str, name: str = "Seeding") -> int:
    return core.steps.record_step(
        batch_id=batch_id(core, batch), name=name, data={}, username="wang", password=PASSWORD
    )


def batch_id(core: Core, number: str) -> int:
    from models.chain import lookup

    with core.uow() as uow:
        return lookup.batch(uow.session, number).id


def state(core: Core, workspace: str = ROOM) -> WorkspaceState:
    return core.line_clearance.status(workspace).state


def counts(core: Core) -> tuple[int, int, int]:
    with core.uow() as uow:
        return (
            uow.session.scalar(select(func.count()).select_from(LineClearance)) or 0,
            uow.session.scalar(select(func.count()).select_from(WorkspaceUse)) or 0,
            # the donor's consent, signed when the collection was registered, is not counted
            uow.session.scalar(
                select(func.count())
                .select_from(Signature)
                .where(Signature.subject_type != "consent")
            )
            or 0,
        )


def names(err: DomainError, *words: str) -> None:
    """The refusal names what it is about, in English and in Chinese."""
    for lang in ("en", "zh"):
        message = err.message(lang)
        assert "{" not in message, message  # every parameter was filled in
        for word in words:
            assert word in message, (lang, word, message)


# -- the normal cycle -----------------------------------------------------------------------


@pytest.mark.req("R-SEG-02")
def test_full_cycle_clear_start_work_finish_and_clear_again(flow: Flow) -> None:
    core = flow.core
    a, b = new_batch(flow, "DN-A"), new_batch(flow, "DN-B")
    assert state(core) is WorkspaceState.NEEDS_CLEARANCE
    clearance_id = clear(core)
    status = core.line_clearance.status(ROOM)
    assert status.state is WorkspaceState.CLEARED and status.previous_batch is None
    assert status.last_cleared_by == ("wang", "zhao")
    start(core, a)
    status = core.line_clearance.status(ROOM)
    assert status.state is WorkspaceState.OCCUPIED and status.occupant == a
    step(core, a)
    core.chain.batches.record_harvest(actor="wang", batch_number=a, harvest_at=ago(hours=1))
    core.chain.batches.fill(actor="wang", batch_number=a, count=2, container_type="cryobag")
    step(core, a, "Final inspection")  # a filled batch still works in its workspace
    finish(core, a)
    status = core.line_clearance.status(ROOM)
    assert status.state is WorkspaceState.NEEDS_CLEARANCE and status.previous_batch == a

    with pytest.raises(ClearanceOutdatedError) as err:  # R-SEG-02: the old one is used up
        start(core, b)
    names(err.value, ROOM, a, b)
    clear(core)
    start(core, b)
    with core.uow() as uow:
        second = uow.session.scalars(
            select(LineClearance).order_by(LineClearance.id.desc()).limit(1)
        ).one()
        assert second.previous_batch.number == a and second.number == 2  # type: ignore[union-attr]
        [use_b] = uow.session.scalars(
            select(WorkspaceUse).where(WorkspaceUse.ended_at.is_(None))
        ).all()
        assert use_b.clearance_id == second.id and use_b.batch.number == b
        first = uow.session.get(LineClearance, clearance_id)
        assert first is not None
        signatures = uow.session.scalars(
            select(Signature).where(
                Signature.id.in_([first.performed_signature_id, first.verified_signature_id])
            )
        ).all()
        assert {(s.meaning, s.subject_id) for s in signatures} == {
            (SignatureMeaning.PERFORMED, f"{ROOM}/LC-001"),
            (SignatureMeaning.VERIFIED, f"{ROOM}/LC-001"),
        }
        audited = {
            (e.action, e.subject_type, e.subject_id)
            for e in uow.session.scalars(select(AuditEntry))
        }
        assert ("create", "workspace", ROOM) in audited
        assert ("create", "line_clearance", f"{ROOM}/LC-002") in audited
        assert ("sign", "line_clearance", f"{ROOM}/LC-002") in audited
        assert ("transition", "batch", a) in audited
        assert verify_chain(uow.session).intact
        assert use_b.batch.workspace == ROOM  # the batch's label follows where it is


# -- R-SEG-01: no start without a clearance after the previous batch ------------------------


@pytest.mark.req("R-SEG-01")
def test_start_without_any_clearance_is_refused(flow: Flow) -> None:
    batch = new_batch(flow, "DN-A")
    with pytest.raises(WorkspaceNotClearedError) as err:
        start(flow.core, batch)
    names(err.value, ROOM, batch)
    assert "清场" in err.value.message("zh")
    assert counts(flow.core)[1] == 0


@pytest.mark.req("R-SEG-01")
def test_clearance_signed_before_the_previous_batch_ended_is_refused(
    flow: Flow, db_url: str
) -> None:
    core = flow.core
    a, b = new_batch(flow, "DN-A"), new_batch(flow, "DN-B")
    clear(core)
    start(core, a)
    finish(core, a)
    # A workstation whose clock is two minutes slow records the clearance after A ended in
    # the database, but with a time before A's end: the record would read "cleared before
    # the batch left", so it does not count.
    slow = sign_in(
        open_core(
            db_url,
            passwords=fast_passwords_for_tests(),
            clock=lambda: utcnow() - timedelta(minutes=2),
            workstation="slow-clock",
        )
    )
    try:
        clear(slow)
    finally:
        slow.close()
    assert state(core) is WorkspaceState.NEEDS_CLEARANCE
    with pytest.raises(ClearanceOutdatedError) as err:
        start(core, b)
    names(err.value, ROOM, a, b)
    clear(core)
    start(core, b)


@pytest.mark.req("R-SEG-02")
def test_one_clearance_allows_one_start_only(flow: Flow) -> None:
    core = flow.core
    a, b = new_batch(flow, "DN-A"), new_batch(flow, "DN-B")
    clear(core)
    start(core, a)
    finish(core, a)
    with pytest.raises(ClearanceOutdatedError):
        start(core, b)
    with pytest.raises(ClearanceOutdatedError):  # nor can A come back on the same clearance
        start(core, a)


# -- four eyes, roles, checklist --------------------------------------------------------------


@pytest.mark.parametrize("verifier", ["wang", " WANG "])
@pytest.mark.req("R-CSV-14")
def test_same_person_cannot_perform_and_verify(flow: Flow, verifier: str) -> None:
    with pytest.raises(SamePersonError):
        clear(flow.core, verifier=verifier)
    assert counts(flow.core) == (0, 0, 0)
    assert state(flow.core) is WorkspaceState.NEEDS_CLEARANCE


@pytest.mark.parametrize(
    "checklist",
    [
        {k: v for k, v in ALL_BASE.items() if k != ChecklistItem.CLEANED_DISINFECTED.value},
        {**ALL_BASE, ChecklistItem.NO_PREVIOUS_DOCUMENTS.value: False},
        {},
        # an extra item answered "no" is a failed item too
        {**ALL_BASE, ChecklistItem.NO_RESIDUAL_INFECTION_RISK.value: False},
    ],
    ids=["missing", "failed", "empty", "failed-extra"],
)
@pytest.mark.req("R-SEG-01")
def test_unconfirmed_item_means_no_clearance(flow: Flow, checklist: dict[str, bool]) -> None:
    batch = new_batch(flow, "DN-A")
    with pytest.raises(ClearanceIncompleteError) as err:
        clear(flow.core, checklist=checklist)
    names(err.value, ROOM)
    assert counts(flow.core) == (0, 0, 0)
    with pytest.raises(WorkspaceNotClearedError):
        start(flow.core, batch)


def test_failed_item_is_named_in_both_languages(flow: Flow) -> None:
    with pytest.raises(ClearanceIncompleteError) as err:
        clear(flow.core, checklist={**ALL_BASE, ChecklistItem.EQUIPMENT_CLEAN_READY.value: False})
    assert "equipment clean" in err.value.message("en")
    assert "设备已清洁" in err.value.message("zh")


@pytest.mark.parametrize(
    "checklist", [{**ALL_BASE, "floor_shiny": True}, {**ALL_BASE, "cleaned_disinfected": "yes"}]
)
@pytest.mark.req("R-SEG-01")
def test_checklist_must_be_the_fixed_items_answered_yes_or_no(
    flow: Flow, checklist: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError):
        clear(flow.core, checklist=checklist)
    assert counts(flow.core) == (0, 0, 0)


@pytest.mark.parametrize(
    ("performer", "verifier"),
    [("zhao", "chen"), ("chen", "zhao"), ("wang", "liu"), ("wang", "admin"), ("wang", "sun")],
)
@pytest.mark.req("R-CSV-11")
def test_clearance_roles(flow: Flow, performer: str, verifier: str) -> None:
    """Performed by an operator; verified by a verifier or QA; nobody else."""
    with pytest.raises(PermissionDeniedError):
        clear(flow.core, performer=performer, verifier=verifier)
    assert counts(flow.core) == (0, 0, 0)


def test_qa_may_verify_a_clearance(flow: Flow) -> None:
    clear(flow.core, verifier="chen")
    assert state(flow.core) is WorkspaceState.CLEARED


def test_wrong_password_of_either_person_records_nothing(flow: Flow) -> None:
    from models.kernel.errors import AuthenticationError

    with pytest.raises(AuthenticationError):
        clear(flow.core, verifier_password="wrong")
    with pytest.raises(AuthenticationError):
        clear(flow.core, performer_password="wrong")
    assert counts(flow.core) == (0, 0, 0)


@pytest.mark.parametrize("actor", ["wang", "zhao", "liu", "sun"])
def test_only_admin_or_qa_register_workspaces(flow: Flow, actor: str) -> None:
    with pytest.raises(PermissionDeniedError):
        flow.core.line_clearance.add_workspace(actor=actor, code="C-999", name="x")
    with pytest.raises(ValidationError):  # and codes are unique
        flow.core.line_clearance.add_workspace(actor="admin", code=ROOM, name="again")


@pytest.mark.parametrize("actor", ["zhao", "chen", "liu", "admin"])
def test_only_operators_start_and_finish(flow: Flow, actor: str) -> None:
    core = flow.core
    batch = new_batch(flow, "DN-A")
    clear(core)
    with pytest.raises(PermissionDeniedError):
        start(core, batch, actor=actor)
    start(core, batch)
    with pytest.raises(PermissionDeniedError):
        core.line_clearance.finish_in_workspace(
            actor=actor, batch_number=batch, workspace_code=ROOM
        )


# -- R-SEG-03: one batch per workspace at a time ----------------------------------------------


@pytest.mark.req("R-LBL-11", "R-SEG-03", "R-SEG-04")
def test_second_batch_while_occupied_is_refused(flow: Flow) -> None:
    core = flow.core
    a, b = new_batch(flow, "DN-A"), new_batch(flow, "DN-B")
    clear(core)
    start(core, a)
    with pytest.raises(WorkspaceOccupiedError) as err:
        start(core, b)
    names(err.value, ROOM, a, b)
    with pytest.raises(ClearanceWhileOccupiedError) as err2:  # no "clearing" around a batch
        clear(core)
    names(err2.value, ROOM, a)
    assert counts(core)[:2] == (1, 1)


@pytest.mark.req("R-SEG-03")
def test_batch_cannot_be_in_two_workspaces(flow: Flow) -> None:
    core = flow.core
    a = new_batch(flow, "DN-A")
    core.line_clearance.add_workspace(actor="chen", code="C-201/BSC-03", name="BSC 03")
    clear(core)
    clear(core, "C-201/BSC-03")
    start(core, a)
    with pytest.raises(BatchActiveElsewhereError) as err:
        start(core, a, "C-201/BSC-03")
    names(err.value, "C-201/BSC-03", ROOM, a)
    with pytest.raises(BatchActiveElsewhereError):
        start(core, a)  # not twice in the same one either
    with pytest.raises(NotActiveHereError):
        finish(core, a, "C-201/BSC-03")
    finish(core, a)
    with pytest.raises(NotActiveHereError):
        finish(core, a)
    start(core, a, "C-201/BSC-03")  # moved, on that workspace's own clearance


@pytest.mark.req("R-SEG-03")
def test_two_workstations_racing_for_one_workspace(flow: Flow, db_url: str) -> None:
    core = flow.core
    batches = [new_batch(flow, "DN-A"), new_batch(flow, "DN-B")]
    clear(core)
    cores = [
        sign_in(open_core(db_url, passwords=fast_passwords_for_tests(), workstation=f"ws-{i}"))
        for i in range(2)
    ]
    gate = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def run(i: int) -> None:
        gate.wait()
        try:
            start(cores[i], batches[i])
            outcomes[i] = "started"
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test checks
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for c in cores:
        c.close()
    assert outcomes.count("started") == 1, outcomes
    [loser] = [o for o in outcomes if o != "started"]
    assert isinstance(loser, WorkspaceOccupiedError | ClearanceOutdatedError), loser
    assert counts(core)[1] == 1


# -- R-SEG-05 / R-SEG-06: infectious material ------------------------------------------------


@pytest.mark.req("R-SEG-05")
def test_infectious_batch_only_in_an_infectious_area_and_nothing_else_there(flow: Flow) -> None:
    core = flow.core
    sick, well = new_batch(flow, "DN-HBV", infectious=True), new_batch(flow, "DN-A")
    clear(core)
    clear(core, SUITE)
    with pytest.raises(InfectiousBatchInGeneralAreaError) as err:
        start(core, sick)
    names(err.value, ROOM, sick)
    with pytest.raises(GeneralBatchInInfectiousAreaError) as err2:
        start(core, well, SUITE)
    names(err2.value, SUITE, well)
    assert counts(core)[1] == 0
    start(core, sick, SUITE)
    start(core, well)


@pytest.mark.req("R-SEG-05")
def test_planning_an_infectious_batch_for_a_general_room_is_refused(flow: Flow) -> None:
    flow.eligible_donor("DN-HBV", DonorType.AUTOLOGOUS, ScreeningOutcome.POSITIVE)
    flow.accepted_collection("DN-HBV", "CL-HBV")
    with pytest.raises(InfectiousBatchInGeneralAreaError):
        flow.c.batches.create_batch(
            actor="wang", collections="CL-HBV", product_code="S1389", workspace=ROOM
        )
    number = flow.c.batches.create_batch(
        actor="wang", collections="CL-HBV", product_code="S1389", workspace=SUITE
    )
    assert number


@pytest.mark.req("R-SEG-06")
def test_after_an_infectious_batch_residual_risk_must_be_confirmed(flow: Flow) -> None:
    core = flow.core
    first, second = (
        new_batch(flow, "DN-HBV1", infectious=True),
        new_batch(flow, "DN-HBV2", infectious=True),
    )
    clear(core, SUITE)  # a new suite: nothing was there, the base checklist is enough
    start(core, first, SUITE)
    finish(core, first, SUITE)
    assert core.line_clearance.status(SUITE).residual_risk_required
    with pytest.raises(ResidualInfectionRiskError) as err:
        clear(core, SUITE)
    names(err.value, SUITE, first)
    assert "R-SEG-06" in err.value.message("en")
    assert counts(core)[0] == 1
    clear(core, SUITE, checklist=WITH_RISK)
    start(core, second, SUITE)


@pytest.mark.req("R-SEG-05")
def test_donor_found_infectious_mid_process_stops_work_in_a_general_room(flow: Flow) -> None:
    core = flow.core
    batch = new_batch(flow, "DN-A")
    clear(core)
    start(core, batch)
    step(core, batch)
    flow.c.donors.record_screening(
        actor="wang",
        donor_code="DN-A",
        test="HBsAg",
        outcome=ScreeningOutcome.POSITIVE,
        sampled_at=ago(1),
    )
    with pytest.raises(InfectiousBatchInGeneralAreaError) as err:
        step(core, batch, "Passage")
    names(err.value, ROOM, batch)
    finish(core, batch)  # it must be able to leave
    with pytest.raises(ResidualInfectionRiskError):  # and the room is cleared as after HBV
        clear(core)
    clear(core, checklist=WITH_RISK)


# -- processing records need the batch in its workspace ---------------------------------------


@pytest.mark.req("R-SEG-01")
def test_step_harvest_and_fill_refused_for_a_batch_not_in_a_workspace(flow: Flow) -> None:
    core = flow.core
    batch = new_batch(flow, "DN-A")
    with pytest.raises(BatchNotInWorkspaceError) as err:
        step(core, batch)
    names(err.value, batch, "Seeding")
    with pytest.raises(BatchNotInWorkspaceError):
        core.chain.batches.record_harvest(actor="wang", batch_number=batch, harvest_at=ago(1))
    clear(core)
    start(core, batch)
    step_id = step(core, batch)
    core.chain.batches.record_harvest(actor="wang", batch_number=batch, harvest_at=ago(1))
    finish(core, batch)
    with pytest.raises(BatchLeftWorkspaceError) as err2:
        step(core, batch, "Wash")
    names(err2.value, batch, ROOM)
    with pytest.raises(BatchLeftWorkspaceError):
        core.chain.batches.fill(actor="wang", batch_number=batch, count=1, container_type="cryobag")
    core.steps.verify_step(step_id=step_id, username="zhao", password=PASSWORD)  # not processing


def test_a_released_batch_does_not_start_again(flow: Flow) -> None:
    core = flow.core
    batch = new_batch(flow, "DN-R")
    clear(core)
    start(core, batch)
    core.chain.batches.record_harvest(actor="wang", batch_number=batch, harvest_at=ago(1))
    core.chain.batches.fill(actor="wang", batch_number=batch, count=1, container_type="cryobag")
    finish(core, batch)
    flow.release(batch)
    clear(core)
    with pytest.raises(InvalidTransitionError) as err:
        start(core, batch)
    assert ROOM in err.value.message("en") and batch in err.value.message("en")
    assert state(core) is WorkspaceState.CLEARED  # the refusal did not use the clearance up


def test_without_registered_workspaces_processing_works_as_before(core: Core) -> None:
    """Existing sites (and the older tests) have no workspaces yet: nothing changes there."""
    add_site_config(core)
    flow = Flow(core)
    batch = new_batch(flow, "DN-A")
    step(core, batch)
    core.chain.batches.record_harvest(actor="wang", batch_number=batch, harvest_at=ago(1))
    core.chain.batches.fill(actor="wang", batch_number=batch, count=1, container_type="cryobag")
    core.line_clearance.add_workspace(actor="admin", code=ROOM, name="first workspace")
    with pytest.raises(BatchNotInWorkspaceError):  # from the first workspace on, it counts
        step(core, batch)


# -- the database refuses edits ---------------------------------------------------------------


@pytest.fixture
def cycled(flow: Flow) -> Iterator[Core]:
    batch = new_batch(flow, "DN-A")
    clear(flow.core)
    start(flow.core, batch)
    finish(flow.core, batch)
    yield flow.core


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE line_clearance SET checklist = '{}'",
        "UPDATE line_clearance SET verified_by = 'wang'",
        "DELETE FROM line_clearance",
        "UPDATE workspace_use SET ended_at = started_at",  # ended once already
        "UPDATE workspace_use SET started_by = 'zhao'",
        "DELETE FROM workspace_use",
    ],
)
def test_records_cannot_be_edited_in_the_database(cycled: Core, sql: str) -> None:
    with pytest.raises(DBAPIError), cycled.engine.begin() as conn:
        conn.execute(text(sql))


def test_an_open_stay_can_only_be_ended_and_only_one_per_workspace(flow: Flow) -> None:
    core = flow.core
    a, b = new_batch(flow, "DN-A"), new_batch(flow, "DN-B")
    clear(core)
    start(core, a)
    with pytest.raises(DBAPIError), core.engine.begin() as conn:
        conn.execute(text("UPDATE workspace_use SET batch_id = batch_id + 1"))
    with pytest.raises(DBAPIError), core.engine.begin() as conn:  # ending needs who
        conn.execute(text("UPDATE workspace_use SET ended_at = started_at"))
    with core.engine.begin() as conn:
        use = conn.execute(text("SELECT workspace_id, clearance_id FROM workspace_use")).one()
        lc = conn.execute(
            text("SELECT * FROM line_clearance WHERE id = :c"), {"c": use.clearance_id}
        ).one()
        # A forged second clearance, so only the one-open-stay-per-workspace index is tested.
        conn.execute(
            text(
                "INSERT INTO line_clearance (workspace_id, number, previous_infectious, "
                "checklist, performed_by, performed_at, performed_signature_id, verified_by, "
                "verified_at, verified_signature_id) VALUES (:w, 99, :f, '{}', 'wang', :t, "
                ":ps, 'zhao', :t, :vs)"
            ),
            {
                "w": use.workspace_id,
                "f": False,
                "t": lc.performed_at,
                "ps": lc.performed_signature_id,
                "vs": lc.verified_signature_id,
            },
        )
        forged = conn.execute(text("SELECT id FROM line_clearance WHERE number = 99")).scalar()
    second = batch_id(core, b)
    open_index = "workspace_use.workspace_id|ux_workspace_use_open_workspace"
    with pytest.raises(IntegrityError, match=open_index), core.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO workspace_use (workspace_id, batch_id, clearance_id, started_at, "
                "started_by) VALUES (:w, :b, :c, :t, 'wang')"
            ),
            {"w": use.workspace_id, "b": second, "c": forged, "t": lc.performed_at},
        )
