"""Who can sign in: user lists for pickers and filters, and badge look-up for scanners."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.accounts import User


@dataclass(frozen=True)
class UserSummary:
    username: str
    full_name: str
    roles: tuple[str, ...]
    active: bool
    locked: bool


def _summary(user: User) -> UserSummary:
    return UserSummary(
        username=user.username,
        full_name=user.full_name,
        roles=tuple(sorted(r.value for r in user.role_set)),
        active=user.active,
        locked=user.is_locked,
    )


def list_users(session: Session, *, active_only: bool = False) -> tuple[UserSummary, ...]:
    query = select(User).order_by(User.username)
    if active_only:
        query = query.where(User.active.is_(True))
    return tuple(_summary(u) for u in session.scalars(query))


def user_by_badge(session: Session, badge_code: str) -> UserSummary | None:
    """The account a scanned badge belongs to; identification only, never authentication."""
    code = badge_code.strip()
    if not code:
        return None
    user = session.scalars(select(User).where(User.badge_code == code)).one_or_none()
    return _summary(user) if user else None
