"""Accounts: passwords, lockout and least privilege, each tried the wrong way."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.core import Core
from models.entities.accounts import Role, User
from models.entities.audit import AuditEntry
from models.kernel.errors import (
    AccountLockedError,
    AuthenticationError,
    PasswordPolicyError,
    PermissionDeniedError,
    ValidationError,
)
from tests.conftest import PASSWORD


def test_correct_password_signs_in_and_is_audited(core: Core) -> None:
    assert core.accounts.authenticate("wang", PASSWORD) == "Wang Operator"
    with core.uow() as uow:
        actions = uow.session.scalars(select(AuditEntry.action).where(AuditEntry.actor == "wang"))
        assert "login" in list(actions)


@pytest.mark.req("R-CSV-09")
def test_password_is_stored_as_argon2id_hash_never_plain(core: Core) -> None:
    with core.uow() as uow:
        stored = uow.session.scalars(select(User.password_hash)).all()
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in stored)


@pytest.mark.req("R-CSV-09")
def test_wrong_password_is_refused_and_counted(core: Core) -> None:
    with pytest.raises(AuthenticationError):
        core.accounts.authenticate("wang", "not-the-password-1")
    with core.uow() as uow:
        user = uow.session.scalars(select(User).where(User.username == "wang")).one()
        assert user.failed_attempts == 1


@pytest.mark.req("R-CSV-09")
def test_unknown_user_gets_the_same_message_as_wrong_password(core: Core) -> None:
    with pytest.raises(AuthenticationError) as err:
        core.accounts.authenticate("nobody", PASSWORD)
    assert err.value.message("zh") == "用户名或密码错误。"


@pytest.mark.req("R-CSV-09")
def test_five_failures_lock_the_account_even_for_the_right_password(core: Core) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            core.accounts.authenticate("wang", "bad-password-9")
    with pytest.raises(AccountLockedError):
        core.accounts.authenticate("wang", "bad-password-9")
    with pytest.raises(AccountLockedError):
        core.accounts.authenticate("wang", PASSWORD)


@pytest.mark.req("R-CSV-04")
def test_only_admin_can_unlock_and_needs_a_reason(core: Core) -> None:
    for _ in range(5):
        with pytest.raises((AuthenticationError, AccountLockedError)):
            core.accounts.authenticate("wang", "bad-password-9")
    with pytest.raises(PermissionDeniedError):
        core.accounts.unlock(actor="chen", username="wang", reason="forgot")
    with pytest.raises(ValidationError):
        core.accounts.unlock(actor="admin", username="wang", reason="  ")
    core.accounts.unlock(actor="admin", username="wang", reason="identity confirmed in person")
    assert core.accounts.authenticate("wang", PASSWORD)


def test_success_resets_the_failure_counter(core: Core) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            core.accounts.authenticate("wang", "bad-password-9")
    core.accounts.authenticate("wang", PASSWORD)
    with pytest.raises(AuthenticationError):
        core.accounts.authenticate("wang", "bad-password-9")  # 1 of 5 again, not locked


def _add_eve(core: Core, **change: object) -> None:
    """Add the account "eve" (QA, a good password) as admin; ``change`` alters one field."""
    fields: dict[str, object] = {
        "actor": "admin",
        "username": "eve",
        "full_name": "Eve",
        "password": "Longenough-123",
        "roles": [Role.QA],
    }
    core.accounts.add_user(**{**fields, **change})  # type: ignore[arg-type]


@pytest.mark.req("R-CSV-11")
def test_non_admin_cannot_add_users(core: Core) -> None:
    with pytest.raises(PermissionDeniedError):
        _add_eve(core, actor="chen")


@pytest.mark.req("R-CSV-09")
def test_password_policy_is_enforced(core: Core) -> None:
    for weak in ("short1", "onlyletterslong", "1234567890123", "xxeve-2024-long"):
        with pytest.raises(PasswordPolicyError):
            _add_eve(core, password=weak)


@pytest.mark.req("R-CSV-08")
def test_duplicate_user_name_is_refused(core: Core) -> None:
    with pytest.raises(ValidationError):
        _add_eve(core, username="wang", full_name="Other Wang", roles=[Role.OPERATOR])


def test_user_needs_at_least_one_role(core: Core) -> None:
    with pytest.raises(ValidationError):
        _add_eve(core, roles=[])


def test_only_admin_assigns_badges_and_each_badge_is_unique(core: Core) -> None:
    with pytest.raises(PermissionDeniedError):
        core.accounts.set_badge(actor="chen", username="wang", badge_code="B-1")
    core.accounts.set_badge(actor="admin", username="wang", badge_code="B-1")
    with pytest.raises(ValidationError):
        core.accounts.set_badge(actor="admin", username="zhao", badge_code="B-1")
    with core.uow() as uow:
        assert uow.session.scalars(select(User.username).where(User.badge_code == "B-1")).one() \
            == "wang"


@pytest.mark.req("R-CSV-18")
def test_exports_are_audited_with_who_what_and_how_many(core: Core) -> None:
    core.reports.record_export(actor="sun", kind="audit_extract", subject="all", rows=12,
                               file_name="audit.csv", file_format="csv")
    with core.uow() as uow:
        entry = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
        assert entry.actor == "sun" and '"rows":12' in (entry.new_value or "")
