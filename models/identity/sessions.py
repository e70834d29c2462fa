"""A signed-in session at a workstation: screen lock, unlock and sign-out, each audited.

The audit trail must show who was at which workstation and when (data integrity: records are
attributable).  Sign-in is audited by ``AccountService.authenticate``; this service records
the rest of a session's life.  A locked screen opens only for the user who locked it — by
password, or by scanning that user's own badge; anyone else's badge is refused and the
attempt is recorded, so a colleague cannot carry on under someone else's name.
"""

from __future__ import annotations

import enum

from models.identity.accounts import AccountService, get_user
from models.identity.people import user_by_badge
from models.kernel.audit import AuditAction
from models.kernel.errors import (
    AccountDisabledError,
    AccountLockedError,
    DomainError,
    NotFoundError,
)
from models.kernel.unit_of_work import UowFactory


class LockTrigger(enum.StrEnum):
    IDLE = "idle"  # the inactivity timer ran out
    MANUAL = "manual"  # the user pressed Lock


class SignOutTrigger(enum.StrEnum):
    MANUAL = "manual"  # the user pressed Sign out
    SWITCH_USER = "switch_user"  # another user signed the locked session out to sign in
    APP_CLOSED = "app_closed"  # the window was closed while signed in


class UnlockRefusedError(DomainError):
    code = "unlock_refused"


class SessionService:
    def __init__(self, uow_factory: UowFactory, accounts: AccountService) -> None:
        self._uow = uow_factory
        self._accounts = accounts

    def lock(self, username: str, *, trigger: LockTrigger) -> None:
        self._record(username, AuditAction.SESSION_LOCK, reason=trigger.value)

    def unlock_with_password(self, username: str, password: str) -> str:
        """Re-authenticate the session's own user (failures count towards lockout)."""
        full_name = self._accounts.authenticate(username, password, purpose="unlock")
        self._record(username, AuditAction.SESSION_UNLOCK, reason="password")
        return full_name

    def unlock_with_badge(self, username: str, badge_code: str) -> str:
        """A badge unlocks only its holder's own session; any other badge is refused."""
        with self._uow() as uow:
            holder = user_by_badge(uow.session, badge_code)
            if holder is None:
                raise NotFoundError(kind="badge", ident="(scanned)")
            user = get_user(uow.session, username)
            if holder.username != user.username:
                uow.audit.record(
                    AuditAction.LOGIN_FAILED,
                    actor=holder.username,
                    subject_type="user",
                    subject_id=user.username,
                    reason="unlock: another user's badge",
                )
                uow.commit()
                raise UnlockRefusedError(locked_user=user.full_name, badge_user=holder.full_name)
            if user.is_locked:  # locked out or disabled since signing in: the badge is not enough
                raise AccountLockedError(username=user.username)
            if not user.active:
                raise AccountDisabledError(username=user.username)
            uow.audit.record(
                AuditAction.SESSION_UNLOCK,
                actor=user.username,
                subject_type="user",
                subject_id=user.username,
                reason="badge",
            )
            uow.commit()
            return user.full_name

    def sign_out(self, username: str, *, trigger: SignOutTrigger) -> None:
        self._record(username, AuditAction.LOGOUT, reason=trigger.value)
        self._accounts.end_principal(username)

    def _record(self, username: str, action: AuditAction, *, reason: str) -> None:
        with self._uow() as uow:
            user = get_user(uow.session, username)  # an unknown name must not enter the trail
            uow.audit.record(
                action,
                actor=user.username,
                subject_type="user",
                subject_id=user.username,
                reason=reason,
            )
            uow.commit()
