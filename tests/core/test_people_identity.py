"""People, not strings (issue 12): a person is an account, tried the wrong way.

Look-alike names (a Cyrillic а, fullwidth letters, another case) cannot be created beside an
account and cannot act as its second person even when planted with raw SQL; a user name
cannot be renamed; a locked or disabled account does nothing; the auditor cannot reconcile
print jobs; and a password typed as a user name never reaches the audit trail.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models.core import Core
from models.entities.accounts import Role, SignatureMeaning, SiteSecret, User
from models.entities.audit import AuditEntry
from models.entities.labeling import LabelState, PrintJobStatus
from models.entities.production import ProcessStep
from models.i18n import render
from models.identity.names import (
    UserNameConfusableError,
    UserNameRefusedError,
    names_look_alike,
    normalise_user_name,
)
from models.identity.passwords import fast_passwords_for_tests
from models.identity.signatures import LookAlikePersonError, UnknownPerformerError
from models.kernel import schema
from models.kernel.audit_queries import AuditFilter
from models.kernel.db import make_engine
from models.kernel.errors import (
    AccountDisabledError,
    AccountLockedError,
    AuthenticationError,
    DomainError,
    PermissionDeniedError,
    SamePersonError,
    ValidationError,
)
from models.kernel.record_check import check_records
from tests.conftest import PASSWORD, STAFF
from tests.core.factories import make_batch
from tests.fakes.printers import RecordingPrinter
from tests.labeling.conftest import approve_defaults, make_lot
from tests.labeling.flow import job, labels_of

CYRILLIC_WANG = "w\u0430ng"  # а: CYRILLIC SMALL LETTER A
FULLWIDTH_WANG = "\uff57\uff41\uff4e\uff47"  # ｗａｎｇ
KOMI_WANG = "\u051dang"  # ԝ: CYRILLIC SMALL LETTER WE


def _add(core: Core, username: str, *, roles: tuple[Role, ...] = (Role.VERIFIER,)) -> None:
    core.accounts.add_user(
        actor="admin",
        username=username,
        full_name="Wang Operator",  # wang's printed name, as in the report
        password="Another-pass-77",
        roles=roles,
    )


def _step(core: Core) -> int:
    return core.steps.record_step(
        batch_id=make_batch(core),
        name="P0 isolation",
        data={"explant_pieces": 40},
        username="wang",
        password=PASSWORD,
    )


def _plant_account(core: Core, username: str, key: str, role: Role = Role.VERIFIER) -> None:
    """An account inserted with raw SQL, as a DB browser would: no creation rule applies."""
    now = datetime.now(UTC)
    if core.engine.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # SQLite keeps UTC without a zone (UtcDateTime)
    with core.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO user_account (username, username_key, full_name, password_hash, "
                "active, failed_attempts, password_changed_at, created_at) VALUES "
                "(:u, :k, 'Wang Operator', :h, :t, 0, :now, :now)"
            ),
            {
                "u": username,
                "k": key,
                "h": fast_passwords_for_tests().hash(PASSWORD),
                "t": True,
                "now": now,
            },
        )
        account = conn.execute(
            text("SELECT id FROM user_account WHERE username = :u"), {"u": username}
        ).scalar_one()
        conn.execute(
            text("INSERT INTO user_role (user_id, role) VALUES (:i, :r)"),
            {"i": account, "r": role.value},
        )


def _lock(core: Core, username: str) -> None:
    for _ in range(core.accounts.policy.max_failed_attempts):
        with pytest.raises((AuthenticationError, AccountLockedError)):
            core.accounts.authenticate(username, "bad-password-9")


# --- creation: one name per person, plain, fixed ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "error"),
    [
        (CYRILLIC_WANG, UserNameConfusableError),
        (KOMI_WANG, UserNameConfusableError),
        ("W\u0410NG", UserNameConfusableError),  # А: CYRILLIC CAPITAL LETTER A
        (FULLWIDTH_WANG, ValidationError),  # folds to "wang" itself: it already exists
        ("Wang", ValidationError),
        ("  WANG ", ValidationError),
    ],
)
@pytest.mark.req("R-CSV-08")
def test_a_name_like_an_existing_account_is_refused_at_creation(
    core: Core, name: str, error: type[DomainError]
) -> None:
    with pytest.raises(error) as refused:
        _add(core, name)
    assert "wang" in refused.value.message("en")
    with core.uow() as uow:
        assert uow.session.scalar(select(User).where(User.username == name)) is None
        names = uow.session.scalars(select(User.username)).all()
    assert sorted(names) == sorted(STAFF)  # nobody was added


@pytest.mark.req("R-CSV-08")
def test_a_confusable_name_is_refused_in_both_languages(core: Core) -> None:
    _add(core, "mia")
    with pytest.raises(UserNameConfusableError) as refused:
        _add(core, "rnia")  # r + n reads as m
    assert refused.value.message("en") == render(
        "user_name_confusable", "en", name="rnia", existing="mia"
    )
    assert "无法区分" in refused.value.message("zh")


@pytest.mark.parametrize(
    "name",
    [
        "wa ng",  # a separator
        "wa\u200bng",  # zero-width space (format character)
        "wa\u202eng",  # right-to-left override
        "wang\x07",  # a control character
        "\u0301wang",  # starts with a combining mark
        "x" * 65,  # longer than the column
        "",
        "   ",
    ],
)
def test_a_name_that_is_not_one_plain_word_is_refused(core: Core, name: str) -> None:
    with pytest.raises(UserNameRefusedError) as refused:
        _add(core, name)
    assert "cannot be used" in refused.value.message("en")
    assert "不可用" in refused.value.message("zh")


def test_a_new_name_is_stored_folded_and_any_case_or_width_finds_it(core: Core) -> None:
    _add(core, "Eve", roles=(Role.QA,))
    with core.uow() as uow:
        eve = uow.session.scalars(select(User).where(User.full_name == "Wang Operator")).all()
        assert [(u.username, u.username_key) for u in eve if u.username != "wang"] == [
            ("eve", "eve")
        ]
    for typed in ("eve", "EVE", "\uff25\uff56\uff45", " Eve "):
        assert core.accounts.authenticate(typed, "Another-pass-77") == "Wang Operator"
    assert core.accounts.roles_of("EvE") == frozenset({Role.QA})


@pytest.mark.req("R-CSV-08")
def test_case_variants_are_one_account_everywhere(core: Core) -> None:
    core.accounts.authenticate("Wang", PASSWORD)
    with core.uow() as uow:
        entry = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "login").order_by(AuditEntry.seq.desc())
        ).first()
        assert entry is not None and (entry.actor, entry.subject_id) == ("wang", "wang")
    step_id = _step(core)
    for variant in ("Wang", "WANG", FULLWIDTH_WANG):
        with pytest.raises(SamePersonError):
            core.steps.verify_step(step_id=step_id, username=variant, password=PASSWORD)
    core.steps.verify_step(step_id=step_id, username="ZHAO", password=PASSWORD)


@pytest.mark.req("R-CSV-08")
def test_a_user_name_cannot_be_renamed_by_the_app_or_by_sql(any_core: Core) -> None:
    core = any_core
    with core.uow() as uow:
        wang = uow.session.scalars(select(User).where(User.username == "wang")).one()
        with pytest.raises(ValueError, match="fixed once created"):
            wang.username = "wang2"
        with pytest.raises(ValueError, match="fixed once created"):
            wang.username_key = "wang2"
    for column in ("username", "username_key"):
        with pytest.raises(DBAPIError, match="fixed once created"), core.engine.begin() as conn:
            conn.execute(
                text(f"UPDATE user_account SET {column} = 'wang2' WHERE username = 'wang'")
            )
    with core.engine.begin() as conn:  # other columns still change (the lockout counter)
        conn.execute(text("UPDATE user_account SET failed_attempts = 1 WHERE username = 'wang'"))
    with core.uow() as uow:
        wang = uow.session.scalars(select(User).where(User.username_key == "wang")).one()
        assert (wang.username, wang.failed_attempts) == ("wang", 1)


# --- four eyes: accounts, not strings ----------------------------------------------------------


@pytest.mark.parametrize(
    ("planted", "key"),
    [
        (CYRILLIC_WANG, CYRILLIC_WANG),  # a homoglyph, keyed as itself
        (FULLWIDTH_WANG, FULLWIDTH_WANG),  # not folded: the key no look-up produces
        (KOMI_WANG, KOMI_WANG),
        ("WANG", "WANG"),
    ],
)
@pytest.mark.req("R-CSV-14")
def test_a_planted_look_alike_account_cannot_be_the_second_person(
    any_core: Core, planted: str, key: str
) -> None:
    core = any_core
    step_id = _step(core)
    _plant_account(core, planted, key)
    with pytest.raises((SamePersonError, LookAlikePersonError)) as refused:
        core.steps.verify_step(step_id=step_id, username=planted, password=PASSWORD)
    assert refused.value.message("en")
    with core.uow() as uow:
        step = uow.session.get(ProcessStep, step_id)
        assert step is not None and step.verified_by is None


@pytest.mark.req("R-REL-04")
def test_a_planted_look_alike_cannot_release_what_it_made_nor_verify_qc(core: Core) -> None:
    """The same rule at the quality sites: the releaser's independence and a QC verifier."""
    from models.quality.gates import independence_blockers

    _plant_account(core, CYRILLIC_WANG, CYRILLIC_WANG, Role.QA)
    batch_id = make_batch(core)
    with core.uow() as uow:
        from models.entities.production import Batch

        batch = uow.session.get(Batch, batch_id)
        assert batch is not None
        assert independence_blockers(uow.session, batch, CYRILLIC_WANG)
        assert independence_blockers(uow.session, batch, "WANG")
        assert not independence_blockers(uow.session, batch, "chen")


@pytest.mark.req("R-CSV-14")
def test_a_renamed_account_cannot_verify_its_own_step(core: Core) -> None:
    """Even with the rename trigger dropped (a DB browser with full rights), the record's name
    is resolved to an account before anyone verifies it: a name that is no account is
    refused, never taken as "someone else"."""
    step_id = _step(core)
    with core.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER user_account_name_fixed"))
        conn.execute(
            text(
                "UPDATE user_account SET username = 'wang2', username_key = 'wang2' "
                "WHERE username = 'wang'"
            )
        )
        conn.execute(
            text(
                "INSERT INTO user_role (user_id, role) SELECT id, 'verifier' FROM user_account "
                "WHERE username = 'wang2'"
            )
        )
    with pytest.raises(UnknownPerformerError) as refused:
        core.steps.verify_step(step_id=step_id, username="wang2", password=PASSWORD)
    assert "wang" in refused.value.message("en") and "第二人" in refused.value.message("zh")


def test_look_alike_is_symmetric_and_does_not_merge_different_people() -> None:
    assert names_look_alike("wang", CYRILLIC_WANG) and names_look_alike(CYRILLIC_WANG, "wang")
    assert names_look_alike("admin", "\u0430dmin")
    for a, b in [("wang", "wanq"), ("zhao", "zhou"), ("li", "liu"), ("chen", "chén")]:
        assert not names_look_alike(a, b), (a, b)
    assert normalise_user_name("\uff37\uff41\uff4e\uff47") == "wang"
    assert normalise_user_name("STRASSE") == normalise_user_name("straße")


# --- a locked or disabled account does nothing -------------------------------------------------


@pytest.mark.req("R-CSV-11")
def test_a_locked_account_can_neither_create_batches_nor_request_labels(core: Core) -> None:
    signer = core.signatures.reauthenticate("wang", PASSWORD, SignatureMeaning.PERFORMED)
    _lock(core, "wang")
    locked = render(
        "account_locked", "en", username="wang"
    )  # the catalogue's words, not a new message
    with pytest.raises(AccountLockedError) as refused:
        core.chain.batches.create_batch(actor="wang", collections="CL-1", product_code="S9001")
    assert refused.value.message("en") == locked
    with pytest.raises(AccountLockedError) as refused:
        core.labeling.request_labels(
            batch_id=1,
            template_id=1,
            unit_ids=[1],
            printer_address="tcp://printer",
            station="LS-1",
            actor="WANG",
        )
    assert refused.value.message("en") == locked
    with core.uow() as uow, pytest.raises(AccountLockedError):  # a signature taken before
        core.signatures.sign(
            uow,
            signer=signer,
            meaning=SignatureMeaning.PERFORMED,
            subject_type="process_step",
            subject_id=1,
            content={"x": 1},
            allowed_roles=[Role.OPERATOR],
        )
    with pytest.raises(AccountLockedError):
        core.reports.record_export(
            actor="wang", kind="audit", subject="all", file_name="a.csv", rows=1, file_format="csv"
        )
    core.accounts.unlock(actor="admin", username="wang", reason="identity confirmed in person")
    with pytest.raises(DomainError) as after:  # unlocked: refused now only for the record
        core.chain.batches.create_batch(actor="wang", collections="CL-1", product_code="S9001")
    assert not isinstance(after.value, AccountLockedError)


@pytest.mark.req("R-CSV-11")
def test_a_disabled_account_does_nothing(core: Core) -> None:
    with core.uow() as uow:
        uow.session.scalars(select(User).where(User.username == "wang")).one().active = False
        uow.commit()
    with pytest.raises(AccountDisabledError):
        core.chain.batches.create_batch(actor="wang", collections="CL-1", product_code="S9001")
    with pytest.raises(AccountDisabledError):
        core.accounts.authenticate("wang", PASSWORD)


@pytest.mark.req("R-CSV-11")
def test_a_locked_admin_cannot_unlock_or_create_accounts(core: Core) -> None:
    _lock(core, "admin")
    with pytest.raises(AccountLockedError):
        core.accounts.unlock(actor="admin", username="wang", reason="x")
    with pytest.raises(AccountLockedError):
        _add(core, "newbie")


# --- reconciling interrupted print jobs needs a role ------------------------------------------


def test_the_auditor_cannot_reconcile_interrupted_print_jobs(core: Core) -> None:
    templates = approve_defaults(core)
    lot = make_lot(core)
    job_id = core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=templates["LT-BAG"],
        unit_ids=lot.unit_ids,
        printer_address="tcp://printer",
        station="LS-1",
        actor="wang",
    )

    class Crash(RecordingPrinter):
        def send(self, job):  # type: ignore[no-untyped-def]  # noqa: ARG002
            raise KeyboardInterrupt  # the station dies with the job claimed

    with pytest.raises(KeyboardInterrupt):
        core.labeling.print_job(job_id=job_id, printer=Crash(), actor="wang")
    for outsider in ("sun", "liu", "nobody"):
        with pytest.raises(DomainError) as refused:
            core.labeling.reconcile_interrupted_jobs(actor=outsider)
        assert isinstance(refused.value, PermissionDeniedError) or outsider == "nobody"
    assert job(core, job_id).status is PrintJobStatus.PRINTING
    assert {x.state for x in labels_of(core, job_id)} == {LabelState.SENDING}
    assert core.labeling.reconcile_interrupted_jobs(actor="wang") == [job_id]
    assert {x.state for x in labels_of(core, job_id)} == {LabelState.VOIDED}


# --- a password typed as a user name never reaches the database --------------------------------

MARKER = re.compile(r"^unknown:[0-9a-f]{12}/\d+$")


def _audit_text(engine: Engine) -> str:
    """Every column of every audit entry, as text."""
    columns = [c["name"] for c in inspect(engine).get_columns("audit_entry")]
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT {', '.join(columns)} FROM audit_entry")).all()
    return "\n".join(" ".join(str(v) for v in row) for row in rows)


def test_a_password_typed_as_user_name_never_enters_the_audit_trail(any_core: Core) -> None:
    core = any_core
    typed = "Zebra-Secret-2024"
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            core.accounts.authenticate(typed, "whatever-1")
    with pytest.raises(AuthenticationError):  # the signature dialog, the same way
        core.steps.verify_step(step_id=_step(core), username=typed, password="whatever-1")
    with pytest.raises(AuthenticationError):
        core.accounts.authenticate("Other-Secret-99", "whatever-1")
    everything = _audit_text(core.engine)
    for form in (typed, "zebra-secret", "other-secret"):
        assert form.lower() not in everything.lower(), form
    with core.uow() as uow:
        failed = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "login_failed").order_by(AuditEntry.seq)
        ).all()
        assert len(failed) == 4
        assert all(MARKER.match(e.actor) and e.subject_id == e.actor for e in failed)
        assert failed[0].actor == failed[1].actor == failed[2].actor  # repeated tries stand out
        assert failed[0].actor.endswith(f"/{len(typed)}")
        assert failed[3].actor != failed[0].actor
        assert [e.reason for e in failed[:3]] == ["sign-in: unknown user"] * 2 + [
            "signature (verified): unknown user"
        ]
        assert len(uow.session.scalars(select(SiteSecret)).all()) == 1
        marker = failed[0].actor
    # what the audit page shows and filters on: the marker, as one actor among the others
    page, facets = core.audit_reads.search(AuditFilter(actor=marker))
    assert page.total == 3 and marker in facets.actors and "wang" in facets.actors
    assert {r.reason for r in page.rows} >= {"sign-in: unknown user"}
    assert core.audit_reads.verify_chain().intact
    with core.uow() as uow:  # the key is no record of the trail: audit verify stays clean
        assert check_records(uow.session).intact


def test_the_marker_key_is_fixed_and_differs_between_databases(core: Core, tmp_path: Path) -> None:
    from tests.conftest import make_core

    with pytest.raises(AuthenticationError):
        core.accounts.authenticate("hunter2-password", "x")
    with pytest.raises(DBAPIError), core.engine.begin() as conn:
        conn.execute(text("UPDATE site_secret SET value = '00'"))
    with pytest.raises(DBAPIError), core.engine.begin() as conn:
        conn.execute(text("DELETE FROM site_secret"))
    other = make_core(f"sqlite:///{tmp_path}/other.db")
    try:
        with pytest.raises(AuthenticationError):
            other.accounts.authenticate("hunter2-password", "x")
        markers = []
        for c in (core, other):
            with c.uow() as uow:
                markers.append(
                    uow.session.scalars(
                        select(AuditEntry.actor).where(AuditEntry.action == "login_failed")
                    ).one()
                )
        assert markers[0] != markers[1]  # a per-database key: nothing to look up elsewhere
    finally:
        other.close()


# --- the migration keys the accounts an older release created ----------------------------------


def test_migration_keys_existing_accounts_and_disables_a_folded_twin(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    cfg = schema._config()  # the way schema.upgrade drives Alembic
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
    with engine.begin() as conn:
        for name in ("Wang", "wang", "Eve "):
            conn.execute(
                text(
                    "INSERT INTO user_account (username, full_name, password_hash, active, "
                    "failed_attempts, password_changed_at, created_at) VALUES "
                    "(:u, 'x', 'h', 1, 0, '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
                ),
                {"u": name},
            )
    schema.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT username, username_key, active FROM user_account ORDER BY id")
        ).all()
    assert [tuple(r) for r in rows] == [
        ("Wang", "wang", 1),
        ("wang", "\x7fduplicate #2", 0),  # the later twin: disabled, found by no look-up
        ("Eve ", "eve", 1),
    ]
    with Session(engine) as session:  # the changed accounts were sealed again (0007's rule)
        report = check_records(session)
        assert report.intact and report.rows_checked >= 3, report.mismatches
    engine.dispose()
