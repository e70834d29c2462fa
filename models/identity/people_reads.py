"""Who can sign in, as a service: one read-only unit of work per call (the queries, which take
a Session, stay in people.py)."""

from __future__ import annotations

from models.identity.people import UserSummary, list_users, user_by_badge
from models.kernel.unit_of_work import UowFactory


class PeopleReads:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def users(self, *, active_only: bool = False) -> tuple[UserSummary, ...]:
        with self._uow().reading() as uow:
            return list_users(uow.session, active_only=active_only)

    def by_badge(self, code: str) -> UserSummary | None:
        """Whose badge ``code`` is: identification only, never authentication."""
        with self._uow().reading() as uow:
            return user_by_badge(uow.session, code)
