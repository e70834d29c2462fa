"""Records bound to the audit trail: every commit records the state of what it changed, and a
row changed outside CellTrail (a DB browser, raw SQL) is named by `celltrail audit verify`.

Forged the way a database user would: plain SQL on the live database, on SQLite and on real
PostgreSQL, with triggers dropped only where a table has them.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, event, select, text
from sqlalchemy.orm import Session

from models.archive.backup import BackupError, create_backup, restore_backup
from models.cli.app import run
from models.core import Core
from models.entities.audit import AuditEntry
from models.entities.parties import DonorIdentity
from models.entities.production import Batch, BatchStatus
from models.kernel import schema
from models.kernel.audit import AuditAction, verify_chain
from models.kernel.db import make_engine
from models.kernel.record_check import (
    RecordIntegrityError,
    RecordReport,
    check_records,
    require_intact,
)
from tests.conftest import PASSWORD, forge
from tests.core.factories import make_batch


def _report(core: Core) -> RecordReport:
    with Session(core.engine) as session:
        return check_records(session)


def _states(core: Core, table: str, record_id: object) -> list[str | None]:
    with Session(core.engine) as session:
        return list(
            session.scalars(
                select(AuditEntry.new_value)
                .where(
                    AuditEntry.action == AuditAction.STATE.value,
                    AuditEntry.subject_type == table,
                    AuditEntry.subject_id == str(record_id),
                )
                .order_by(AuditEntry.seq)
            )
        )


def _step(core: Core) -> tuple[int, int]:
    batch = make_batch(core)
    step = core.steps.record_step(
        batch_id=batch, name="P0", data={"pieces": 40}, username="wang", password=PASSWORD
    )
    return batch, step


def test_every_commit_records_the_state_of_what_it_changed(any_core: Core) -> None:
    batch, step = _step(any_core)
    [state] = _states(any_core, "process_step", step)
    assert state is not None and json.loads(state)["name"] == "P0"
    any_core.steps.verify_step(step_id=step, username="zhao", password=PASSWORD)
    states = _states(any_core, "process_step", step)
    assert len(states) == 2 and json.loads(states[-1] or "{}")["verified_by"] == "zhao"
    report = _report(any_core)
    assert report.intact and report.rows_checked == report.states_in_trail > 0
    with Session(any_core.engine) as session:
        assert verify_chain(session).intact  # the STATE entries are chained like the others


def test_a_rolled_back_change_records_no_state(core: Core) -> None:
    batch = make_batch(core)
    before = _states(core, "batch", batch)
    with core.uow() as uow:
        row = uow.session.execute(text("select 1")).scalar()
        assert row == 1
        from models.entities.production import Batch

        found = uow.session.get(Batch, batch)
        assert found is not None
        found.created_by = "someone"
        uow.session.flush()
        # no commit: the action failed
    assert _states(core, "batch", batch) == before and _report(core).intact


FORGERIES = {
    # name: (statements, table, id, kind, fields)
    "batch released by hand": (
        ["UPDATE batch SET status = 'released' WHERE id = {batch}"],
        "batch",
        "{batch}",
        "altered",
        ["status"],
    ),
    "step data rewritten": (
        [
            "UPDATE process_step SET data = '{{\"pieces\": 4}}', performed_by = 'li' "
            "WHERE id = {step}"
        ],
        "process_step",
        "{step}",
        "altered",
        ["data", "performed_by"],
    ),
    "step deleted": (
        [
            "DELETE FROM process_step WHERE id = {step}",
        ],
        "process_step",
        "{step}",
        "deleted",
        [],
    ),
    "site inserted": (
        [
            "INSERT INTO site (id, code, name, kind, qualified, timezone) "
            "VALUES (900, 'EVIL', 'Evil', 'hospital', true, 'UTC')"
        ],
        "site",
        "900",
        "inserted",
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(FORGERIES))
@pytest.mark.req("R-CSV-03", "R-ID-09")
def test_a_row_changed_outside_celltrail_is_named(any_core: Core, name: str) -> None:
    batch, step = _step(any_core)
    statements, table, record_id, kind, fields = FORGERIES[name]
    forge(any_core, *(s.format(batch=batch, step=step) for s in statements))
    report = _report(any_core)
    wanted = record_id.format(batch=batch, step=step)
    found = [m for m in report.mismatches if (m.table, m.record_id) == (table, wanted)]
    assert [m.kind for m in found] == [kind], report.mismatches
    assert [f.field for f in found[0].fields] == fields


@pytest.mark.req("R-CSV-03")
def test_the_difference_shows_what_the_trail_says_and_what_the_row_says(any_core: Core) -> None:
    batch, _ = _step(any_core)
    forge(any_core, f"UPDATE batch SET created_by = 'mallory' WHERE id = {batch}")
    [mismatch] = _report(any_core).mismatches
    [difference] = mismatch.fields
    assert (difference.field, difference.trail, difference.row) == ("created_by", "wang", "mallory")


@pytest.mark.req("R-PRV-01", "R-PRV-06")
def test_personal_data_is_bound_but_never_copied_into_the_trail(any_core: Core) -> None:
    batch = make_batch(any_core)
    with any_core.uow() as uow:
        donor_id = uow.session.scalar(text("select id from donor limit 1"))
        uow.session.add(
            DonorIdentity(donor_id=donor_id, full_name="张伟明", national_id="110101199003077777")
        )
        uow.commit()
    with Session(any_core.engine) as session:
        trail = " ".join(
            str(value)
            for row in session.execute(select(AuditEntry.__table__)).all()
            for value in row
        )
    assert "张伟明" not in trail and "110101199003077777" not in trail
    assert _report(any_core).intact and batch
    forge(any_core, f"UPDATE donor_identity SET full_name = '李四' WHERE donor_id = {donor_id}")
    [mismatch] = _report(any_core).mismatches
    assert (mismatch.table, mismatch.kind) == ("donor_identity", "altered")
    assert "李四" not in repr(mismatch) and "张伟明" not in repr(mismatch)


def test_a_value_the_app_cannot_read_is_named_not_a_crash(core: Core) -> None:
    batch = make_batch(core)
    forge(
        core,
        f"UPDATE batch SET status = 'shipped-ish', created_at = 'yesterday' WHERE id = {batch}",
    )
    [mismatch] = _report(core).mismatches
    assert mismatch.table == "batch" and {"status", "created_at"} <= {
        f.field for f in mismatch.fields
    }


def _cli(*argv: str, lang: str = "en", monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setenv("CELLTRAIL_LANG", lang)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = run(list(argv))
    return code, out.getvalue()


@pytest.mark.req("R-SYS-02")
def test_audit_verify_fails_and_names_the_record_in_both_languages(
    core: Core, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch, _ = _step(core)
    code, out = _cli("audit", "verify", "--db", sqlite_url, monkeypatch=monkeypatch)
    assert code == 0 and "records match the audit trail" in out
    forge(core, f"UPDATE batch SET status = 'released' WHERE id = {batch}")
    code, out = _cli("audit", "verify", "--db", sqlite_url, monkeypatch=monkeypatch)
    assert code == 1
    assert f"batch {batch}, status: trail says in_process, row says released" in out
    code, out = _cli("audit", "verify", "--db", sqlite_url, lang="zh", monkeypatch=monkeypatch)
    assert code == 1 and "审计追踪为 in_process，记录为 released" in out
    code, out = _cli("audit", "verify", "--json", "--db", sqlite_url, monkeypatch=monkeypatch)
    data = json.loads(out)
    assert code == 1 and data["records"]["mismatches"][0]["fields"][0]["field"] == "status"


@pytest.mark.req("R-CSV-19")
def test_backup_refuses_a_database_whose_records_were_forged(core: Core, tmp_path: Path) -> None:
    batch, _ = _step(core)
    forge(core, f"UPDATE batch SET status = 'released' WHERE id = {batch}")
    with pytest.raises(BackupError, match="records differ from the audit trail"):
        create_backup(core.engine, tmp_path / "site.zip")


def test_a_backup_restored_on_the_other_backend_still_matches(
    core: Core, tmp_path: Path, postgres_url: str
) -> None:
    """The canonical state is backend-neutral: SQLite's rows, restored into PostgreSQL, read
    exactly as the trail recorded them."""
    _step(core)
    create_backup(core.engine, tmp_path / "site.zip")
    target = make_engine(postgres_url)
    try:
        restore_backup(tmp_path / "site.zip", target)
        with Session(target) as session:
            report = check_records(session)
        assert report.intact and report.rows_checked > 0
    finally:
        target.dispose()


def test_upgrading_an_older_database_records_a_baseline(db_url: str) -> None:
    """Rows read through tables reflected by the migration give the same text as the models'
    (booleans, times with their zone, personal data digested) on both backends."""
    engine = make_engine(db_url)
    config = schema._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0006")
        conn.execute(
            text(
                "INSERT INTO donor (code, donor_type, eligibility, infectious, registered_at) "
                "VALUES ('D1', 'allogeneic', 'eligible', false, '2026-01-02 03:04:05.123456')"
            )
        )
        conn.execute(text("INSERT INTO donor_identity (donor_id, full_name) VALUES (1, '王五')"))
    with engine.connect() as conn:  # no state recorded yet (the check itself reads the models'
        # columns, which a later revision may have added: it runs only at head)
        assert conn.execute(text("SELECT count(*) FROM audit_entry")).scalar() == 0
    schema.upgrade(engine)
    with Session(engine) as session:
        report = check_records(session)
        reasons = set(
            session.scalars(select(AuditEntry.reason).where(AuditEntry.action == "state"))
        )
    assert report.intact and report.rows_checked == 2
    assert reasons == {"baseline: records bound to the audit trail (schema revision 0007)"}
    engine.dispose()


def test_a_commit_landing_between_the_checks_two_reads_is_not_a_forgery(any_core: Core) -> None:
    """Another station commits a change to the very record being checked after the check read
    the trail and before it read the row (READ COMMITTED on PostgreSQL): the row then shows a
    change its trail, as read, does not. That is the app's own work, not a forgery (found in CI:
    two QA stations releasing one batch, the slower one was stopped as 'changed outside')."""
    if any_core.engine.dialect.name == "sqlite":
        pytest.skip("a SQLite write transaction holds the database: nothing lands between reads")
    batch_id = make_batch(any_core)
    landed: list[str] = []

    with Session(any_core.engine) as session:
        checker = session.connection()

        def another_station_commits(conn: Connection, *_args: object) -> None:
            statement = str(_args[1])
            if landed or conn is not checker or "audit_entry" not in statement:
                return
            landed.append(statement)
            with any_core.uow() as uow:
                batch = uow.session.get(Batch, batch_id)
                assert batch is not None
                batch.status = BatchStatus.FILLED
                uow.commit()

        batch = session.get(Batch, batch_id)
        event.listen(any_core.engine, "after_cursor_execute", another_station_commits)
        try:
            require_intact(session, batch)  # must not raise
        finally:
            event.remove(any_core.engine, "after_cursor_execute", another_station_commits)
    assert landed, "the other station's commit did not land during the check"
    assert _report(any_core).intact
    forge(any_core, f"UPDATE batch SET status = 'released' WHERE id = {batch_id}")
    with Session(any_core.engine) as session, pytest.raises(RecordIntegrityError):
        require_intact(session, session.get(Batch, batch_id))
