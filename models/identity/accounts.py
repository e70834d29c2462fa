"""Accounts: sign-in with lockout, user administration, role checks and re-authentication.

A person is an account. Every look-up goes through the account key (``names``: NFKC, case
folded), a new name that looks like an existing one is refused, and every action is refused
to an account that is locked or disabled.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities.accounts import Role, User, UserRole
from models.identity.names import (
    UserNameConfusableError,
    look_alike_of,
    names_look_alike,
    require_usable_user_name,
    user_name_key,
)
from models.identity.passwords import PasswordPolicy, Passwords
from models.identity.principals import SIGN_IN, Principals, require_principal
from models.identity.sites import account_site, register_actor, require_roles_fit
from models.identity.unknown_names import unknown_name_marker
from models.kernel.audit import AuditAction
from models.kernel.errors import (
    AccountDisabledError,
    AccountLockedError,
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from models.kernel.unit_of_work import UnitOfWork, UowFactory


def find_user(session: Session, username: str) -> User | None:
    """The account ``username`` names (any case or width: ``Wang``, ``ｗａｎｇ`` → ``wang``)."""
    key = user_name_key(username)
    if key is None:  # empty, too long or invisible characters: no account has that name
        return None
    return session.execute(select(User).where(User.username_key == key)).scalar_one_or_none()


def get_user(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise NotFoundError(kind="user", ident=username)
    return user


def require_role(user: User, allowed: Iterable[Role], action: str) -> None:
    """Least privilege, checked in the core for every action (the GUI only hides buttons);
    a disabled or locked account does nothing at all."""
    if not user.active:
        raise AccountDisabledError(username=user.username)
    if user.is_locked:
        raise AccountLockedError(username=user.username)
    if not user.role_set & set(allowed):
        roles = ",".join(sorted(r.value for r in user.role_set)) or "-"
        raise PermissionDeniedError(username=user.username, roles=roles, action=action)


def require_actor(
    session: Session,
    username: str,
    roles: Iterable[Role],
    action: str,
    *,
    quality_decision: bool = False,
) -> User:
    """The named user, refused unless active, not locked, holding one of ``roles`` and
    authenticated at this station (signed in, or a password entered minutes ago): a name
    alone never acts. From then on the unit of work's look-ups refuse records held at another
    site than the user's; ``quality_decision``: the manufacturer's QA deciding the quality
    status of its product wherever it is (see models.identity.sites)."""
    user = get_user(session, username)
    require_role(user, roles, action)
    require_principal(session, user)
    register_actor(session, user, quality_decision=quality_decision)
    return user


def same_person(session: Session, first: str, second: str) -> bool:
    """Whether two recorded names are one person: one account, or two accounts whose names a
    reader cannot tell apart (``wang`` and ``wаng`` with a Cyrillic а, however created)."""
    if names_look_alike(first, second):
        return True
    a, b = find_user(session, first), find_user(session, second)
    return a is not None and b is not None and a.id == b.id


class AccountService:
    def __init__(
        self,
        uow_factory: UowFactory,
        passwords: Passwords,
        principals: Principals,
        policy: PasswordPolicy | None = None,
    ) -> None:
        self._uow = uow_factory
        self._passwords = passwords
        self.principals = principals  # who has authenticated at this station
        self.policy = policy or PasswordPolicy()

    def has_users(self) -> bool:
        with self._uow() as uow:
            return bool(uow.session.scalar(select(func.count()).select_from(User)))

    def authenticate(self, username: str, password: str, *, purpose: str = SIGN_IN) -> str:
        """Check credentials; returns the user's full name and makes the user a principal of
        this station (until sign-out for a sign-in, minutes for any other purpose). Failures
        are counted and audited in their own committed transaction, so they survive the
        caller's rollback."""
        with self._uow() as uow:
            user = find_user(uow.session, username)
            if user is None:
                # the text typed may be a password: the trail gets a marker, never the text
                marker = unknown_name_marker(uow.session, username)
                uow.audit.record(
                    AuditAction.LOGIN_FAILED,
                    actor=marker,
                    subject_type="user",
                    subject_id=marker,
                    reason=f"{purpose}: unknown user",
                )
                uow.commit()
                raise AuthenticationError()
            if user.is_locked:
                raise AccountLockedError(username=user.username)
            if not user.active:
                raise AccountDisabledError(username=user.username)
            if not self._passwords.verify(user.password_hash, password):
                self._count_failure(uow, user, purpose)
                uow.commit()
                if user.is_locked:
                    raise AccountLockedError(username=user.username)
                raise AuthenticationError()
            changed = bool(user.failed_attempts)
            if changed:
                user.failed_attempts = 0
            if purpose == "sign-in":
                uow.audit.record(
                    AuditAction.LOGIN,
                    actor=user.username,
                    subject_type="user",
                    subject_id=user.username,
                )
                changed = True
            if changed:  # a plain re-authentication writes nothing, so it commits nothing
                uow.commit()
            self.principals.issue(user, purpose)
            return user.full_name

    def end_principal(self, username: str) -> None:
        """The person signed out here (or the station switched user): acting as them needs a
        new authentication."""
        with self._uow() as uow:
            user = find_user(uow.session, username)
            if user is not None:
                self.principals.end(user.id)

    def _count_failure(self, uow: UnitOfWork, user: User, purpose: str) -> None:
        user.failed_attempts += 1
        uow.audit.record(
            AuditAction.LOGIN_FAILED,
            actor=user.username,
            subject_type="user",
            subject_id=user.username,
            reason=f"{purpose}: wrong password "
            f"({user.failed_attempts}/{self.policy.max_failed_attempts})",
        )
        if user.failed_attempts >= self.policy.max_failed_attempts:
            user.locked_at = uow.clock()
            uow.audit.record(
                AuditAction.LOCKOUT,
                actor=user.username,
                subject_type="user",
                subject_id=user.username,
                new={"locked": True},
            )

    def add_user(
        self,
        *,
        actor: str | None,
        username: str,
        full_name: str,
        password: str,
        roles: Iterable[Role],
        site: str | None = None,
    ) -> None:
        """Create an account at ``site`` (a site code; None: the manufacturing site, when
        the database has exactly one site of that kind). Only an administrator may, except
        for the very first account. The roles must exist at that kind of site.

        The name is stored in its normal form (``Wang`` → ``wang``) and fixed for good; a name
        that is not one plain visible word, or that looks like an existing account's, is
        refused."""
        roles = sorted(set(roles))
        if not roles:
            raise ValidationError(field="roles", reason="at least one role is required")
        if not full_name.strip():
            raise ValidationError(field="user", reason="user name and printed name are required")
        username = require_usable_user_name(username)
        self.policy.check(username, password)
        with self._uow() as uow:
            bootstrap = not uow.session.scalar(select(func.count()).select_from(User))
            if not bootstrap:
                if actor is None:
                    raise PermissionDeniedError(username="?", roles="-", action="add users")
                require_actor(uow.session, actor, [Role.ADMIN], "add users")
            if find_user(uow.session, username):
                raise ValidationError(field="user name", reason=f"{username!r} already exists")
            place = account_site(uow.session, site)
            require_roles_fit(place, roles)
            existing = uow.session.scalars(select(User.username)).all()
            twin = look_alike_of(username, existing)
            if twin is not None:
                raise UserNameConfusableError(name=username, existing=twin)
            user = User(
                username=username,
                username_key=username,
                full_name=full_name.strip(),
                password_hash=self._passwords.hash(password),
                roles=[UserRole(role=r) for r in roles],
                password_changed_at=uow.clock(),
                site_id=place.id,
            )
            uow.session.add(user)
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor or username,
                subject_type="user",
                subject_id=username,
                new={
                    "full_name": user.full_name,
                    "roles": [r.value for r in roles],
                    "site": place.code,
                },
            )
            uow.commit()

    def unlock(self, *, actor: str, username: str, reason: str) -> None:
        if not reason.strip():
            raise ValidationError(field="reason", reason="unlocking an account needs a reason")
        with self._uow() as uow:
            admin = require_actor(uow.session, actor, [Role.ADMIN], "unlock accounts")
            user = get_user(uow.session, username)
            user.locked_at, user.failed_attempts = None, 0
            uow.audit.record(
                AuditAction.UNLOCK,
                actor=admin.username,
                subject_type="user",
                subject_id=user.username,
                old={"locked": True},
                new={"locked": False},
                reason=reason,
            )
            uow.commit()

    def set_badge(self, *, actor: str, username: str, badge_code: str | None) -> None:
        """Assign (or clear) the badge a user scans to identify themselves; admin only."""
        code = (badge_code or "").strip() or None
        with self._uow() as uow:
            admin = require_actor(uow.session, actor, [Role.ADMIN], "assign badges")
            user = get_user(uow.session, username)
            if code is not None:
                holder = uow.session.scalar(select(User).where(User.badge_code == code))
                if holder is not None and holder.id != user.id:
                    raise ValidationError(
                        field="badge", reason=f"already assigned to {holder.username}"
                    )
            old, user.badge_code = user.badge_code, code
            uow.audit.record(
                AuditAction.CHANGE,
                actor=admin.username,
                subject_type="user",
                subject_id=user.username,
                old={"badge": old is not None},
                new={"badge": code is not None},
            )
            uow.commit()

    def roles_of(self, username: str) -> frozenset[Role]:
        with self._uow() as uow:
            return get_user(uow.session, username).role_set
