"""Screen lock, unlock and sign-out: each leaves an attributable audit entry, and a locked
session opens only for its own user — tried with the wrong password, someone else's badge,
an unknown badge and an account locked out meanwhile."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from models.core import Core
from models.entities.accounts import User
from models.entities.audit import AuditEntry
from models.identity.sessions import LockTrigger, SignOutTrigger, UnlockRefusedError
from models.kernel.audit import verify_chain
from models.kernel.errors import AccountLockedError, AuthenticationError, NotFoundError
from tests.conftest import PASSWORD


def _trail(core: Core) -> list[tuple[str, str, str, str | None, str | None]]:
    with core.uow() as uow:
        rows = uow.session.execute(
            select(
                AuditEntry.action,
                AuditEntry.actor,
                AuditEntry.subject_id,
                AuditEntry.reason,
                AuditEntry.workstation,
            )
            .where(AuditEntry.subject_type == "user")
            .order_by(AuditEntry.seq)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _give_badges(core: Core) -> None:
    with core.uow() as uow:
        for name, code in (("wang", "BADGE-WANG"), ("zhao", "BADGE-ZHAO")):
            uow.session.execute(update(User).where(User.username == name).values(badge_code=code))
        uow.commit()


@pytest.mark.req("R-CSV-13")
def test_a_session_from_sign_in_to_sign_out_is_in_the_audit_trail(any_core: Core) -> None:
    before = len(_trail(any_core))  # the staff's accounts and first sign-ins
    any_core.accounts.authenticate("wang", PASSWORD)
    any_core.sessions.lock("wang", trigger=LockTrigger.IDLE)
    any_core.sessions.unlock_with_password("wang", PASSWORD)
    any_core.sessions.lock("wang", trigger=LockTrigger.MANUAL)
    any_core.sessions.unlock_with_password("wang", PASSWORD)
    any_core.sessions.sign_out("wang", trigger=SignOutTrigger.MANUAL)
    wang = [row for row in _trail(any_core)[before:] if row[2] == "wang"]
    assert [(action, reason) for action, _, _, reason, _ in wang] == [
        ("login", None),
        ("session_lock", "idle"),
        ("session_unlock", "password"),
        ("session_lock", "manual"),
        ("session_unlock", "password"),
        ("logout", "manual"),
    ]
    assert {(actor, station) for _, actor, _, _, station in wang} == {("wang", "test-station")}
    with any_core.uow().reading() as uow:
        assert verify_chain(uow.session).intact


@pytest.mark.req("R-CSV-13")
def test_wrong_password_keeps_the_screen_locked_and_counts_towards_lockout(core: Core) -> None:
    core.sessions.lock("wang", trigger=LockTrigger.IDLE)
    for _ in range(core.accounts.policy.max_failed_attempts - 1):
        with pytest.raises(AuthenticationError):
            core.sessions.unlock_with_password("wang", "Wrong-password-9")
    with pytest.raises(AccountLockedError):
        core.sessions.unlock_with_password("wang", "Wrong-password-9")
    actions = [row[0] for row in _trail(core) if row[2] == "wang"]
    assert "session_unlock" not in actions and actions[-1] == "lockout"
    with pytest.raises(AccountLockedError):  # not even the right password now
        core.sessions.unlock_with_password("wang", PASSWORD)


@pytest.mark.req("R-CSV-13")
def test_only_the_locked_users_own_badge_unlocks(core: Core) -> None:
    _give_badges(core)
    core.sessions.lock("wang", trigger=LockTrigger.IDLE)
    with pytest.raises(UnlockRefusedError) as refused:
        core.sessions.unlock_with_badge("wang", "BADGE-ZHAO")
    assert "Zhao Verifier" in refused.value.message("en")
    assert "Wang Operator" in refused.value.message("zh")
    last = _trail(core)[-1]
    assert last[:3] == ("login_failed", "zhao", "wang")  # the attempt is attributed to Zhao
    assert core.sessions.unlock_with_badge("wang", " BADGE-WANG ") == "Wang Operator"
    assert _trail(core)[-1][:4] == ("session_unlock", "wang", "wang", "badge")


def test_an_unknown_badge_unlocks_nothing(core: Core) -> None:
    _give_badges(core)
    before = len(_trail(core))
    with pytest.raises(NotFoundError):
        core.sessions.unlock_with_badge("wang", "BADGE-NOBODY")
    with pytest.raises(NotFoundError):
        core.sessions.unlock_with_badge("wang", "   ")
    assert len(_trail(core)) == before


@pytest.mark.req("R-CSV-13")
def test_a_badge_does_not_reopen_an_account_locked_out_meanwhile(core: Core) -> None:
    _give_badges(core)
    core.sessions.lock("wang", trigger=LockTrigger.IDLE)
    for _ in range(core.accounts.policy.max_failed_attempts):
        with pytest.raises((AuthenticationError, AccountLockedError)):
            core.accounts.authenticate("wang", "Wrong-password-9")
    with pytest.raises(AccountLockedError):
        core.sessions.unlock_with_badge("wang", "BADGE-WANG")


def test_unknown_user_names_never_enter_the_trail(core: Core) -> None:
    before = len(_trail(core))
    with pytest.raises(NotFoundError):
        core.sessions.lock("mallory", trigger=LockTrigger.MANUAL)
    with pytest.raises(NotFoundError):
        core.sessions.sign_out("mallory", trigger=SignOutTrigger.MANUAL)
    assert len(_trail(core)) == before
