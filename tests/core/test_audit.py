"""The audit trail: append-only in the database, hash-chained, verifiable; broken on purpose."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from models.core import Core
from models.entities.audit import AuditEntry
from models.kernel.audit import AuditAction, verify_chain
from models.kernel.errors import AuthenticationError
from tests.conftest import PASSWORD
from tests.core.factories import make_batch


def _count(core: Core, states: bool = False) -> int:
    """Entries of the trail; without the records' STATE entries unless ``states``."""
    query = select(AuditEntry.seq)
    if not states:
        query = query.where(AuditEntry.action != AuditAction.STATE.value)
    with core.uow() as uow:
        return len(uow.session.scalars(query).all())


def test_fresh_site_chain_is_intact(any_core: Core) -> None:
    with any_core.uow() as uow:
        report = verify_chain(uow.session)
    assert report.intact and report.entries_checked == report.last_seq == _count(any_core, True) > 0


@pytest.mark.req("R-CSV-01", "R-SYS-03")
def test_every_action_writes_an_entry_with_who_what_old_new(core: Core) -> None:
    step = core.steps.record_step(
        batch_id=make_batch(core), name="P1", data={"flask": 3}, username="wang", password=PASSWORD
    )
    with core.uow() as uow:
        rows = uow.session.scalars(
            select(AuditEntry).where(
                AuditEntry.subject_type == "process_step",
                AuditEntry.subject_id == str(step),
                AuditEntry.action != AuditAction.STATE.value,
            )
        ).all()
        assert {r.action for r in rows} == {"sign", "create"}
        create = next(r for r in rows if r.action == "create")
        assert create.actor == "wang" and '"flask":3' in (create.new_value or "")
        assert create.workstation == "test-station"


@pytest.mark.req("R-CSV-01")
def test_rolled_back_action_leaves_no_audit_entry(core: Core) -> None:
    before = _count(core)
    with core.uow() as uow:
        uow.audit.record(AuditAction.CHANGE, actor="wang", subject_type="x", subject_id=1)
        # no commit: the user action failed
    assert _count(core) == before


@pytest.mark.req("R-CSV-01")
def test_failed_signin_is_audited_even_though_it_raises(core: Core) -> None:
    before = _count(core)
    with pytest.raises(AuthenticationError):
        core.accounts.authenticate("wang", "nope-nope-1")
    assert _count(core) == before + 1


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1",
        "DELETE FROM audit_entry WHERE seq = 1",
    ],
)
@pytest.mark.req("R-CSV-01")
def test_database_refuses_update_and_delete(any_core: Core, statement: str) -> None:
    with any_core.uow() as uow, pytest.raises(Exception, match="append-only"):
        uow.session.execute(text(statement))
        uow.session.flush()


@pytest.mark.req("R-CSV-01")
def test_orm_refuses_to_modify_an_entry(core: Core) -> None:
    with core.uow() as uow:
        entry = uow.session.get(AuditEntry, 1)
        assert entry is not None
        entry.actor = "mallory"
        with pytest.raises(Exception, match="append-only"):
            uow.session.flush()


def _bypass_triggers(core: Core, *statements: str) -> None:
    """What an attacker with raw file access would do: drop the guard, edit, restore it."""
    with core.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_delete")
        for statement in statements:
            conn.exec_driver_sql(statement)


def _first_break(core: Core) -> int | None:
    with core.uow() as uow:
        report = verify_chain(uow.session)
    return report.first_break.seq if report.first_break else None


@pytest.mark.req("R-CSV-02")
def test_verify_finds_an_altered_row(core: Core) -> None:
    _bypass_triggers(core, "UPDATE audit_entry SET reason = 'edited' WHERE seq = 3")
    assert _first_break(core) == 3


@pytest.mark.req("R-CSV-02")
def test_verify_finds_a_removed_row(core: Core) -> None:
    _bypass_triggers(core, "DELETE FROM audit_entry WHERE seq = 4")
    assert _first_break(core) == 4


@pytest.mark.req("R-CSV-02")
def test_verify_finds_a_removed_last_row(core: Core) -> None:
    last = _count(core, states=True)
    _bypass_triggers(core, f"DELETE FROM audit_entry WHERE seq = {last}")
    assert _first_break(core) == last


@pytest.mark.req("R-CSV-02")
def test_verify_finds_a_row_inserted_outside_the_app(core: Core) -> None:
    last = _count(core, states=True)
    with core.uow() as uow:
        row = uow.session.get(AuditEntry, last)
        assert row is not None
        forged = (last + 1, row.at.isoformat(sep=" ")[:26], row.entry_hash)
    with core.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO audit_entry (seq, at, actor, action, subject_type, subject_id, "
            "prev_hash, entry_hash) VALUES (?, ?, 'mallory', 'create', 'x', '1', ?, 'f00')",
            forged,
        )
    assert _first_break(core) == last + 1


def test_verification_reports_progress_and_the_same_verdict(core: Core) -> None:
    seen: list[tuple[int, int]] = []
    with core.uow() as uow:
        report = verify_chain(uow.session, batch=2, progress=lambda d, t: seen.append((d, t)))
    assert report.intact and seen and seen[-1] == (report.entries_checked, report.entries_checked)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_progress_mode_still_catches_rows_appended_past_the_head(core: Core) -> None:
    last = _count(core, states=True)
    _bypass_triggers(core, "DELETE FROM audit_chain_head")
    with core.engine.begin() as conn:
        conn.exec_driver_sql(f"INSERT INTO audit_chain_head VALUES (1, {last - 1}, 'x')")
    with core.uow() as uow:
        report = verify_chain(uow.session, progress=lambda *_: None)
    assert not report.intact
