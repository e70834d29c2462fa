"""Principals: the people who proved who they are at this station, and for how long.

A service that changes records acts *for a person*, and the only way to become that person is
to authenticate: sign in (the principal lasts until sign-out), or enter one's password for a
signature or a command (it lasts a few minutes, long enough for the action it was asked for).
``AccountService.authenticate`` issues principals; every role check (``require_actor``)
refuses a name that has none, so a caller cannot act as ``chen`` by passing the string
``"chen"``, and a verifier cannot be written in by name alone.

Principals live in the process, one registry per station (``Core``): another station's
sign-in does not let this one act, and nothing of it is stored where a database user could
forge it. The registry reaches the services through the unit of work's session (``info``),
so no service can forget to consult it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from models.entities.accounts import User
from models.kernel.errors import DomainError
from models.kernel.unit_of_work import Clock

PRINCIPALS = "celltrail.principals"  # key of the registry in a session's ``info``

# A password entered for one signature or command stands for this long (the signature's own
# freshness limit); sign-in lasts until sign-out.
SHORT_LIVED = timedelta(minutes=5)

SIGN_IN = "sign-in"


class NotSignedInError(DomainError):
    """The named account has not authenticated at this station."""

    code = "not_signed_in"


@dataclass(frozen=True)
class Principal:
    account_id: int
    username: str
    purpose: str  # "sign-in", or what the password was entered for
    issued_at: datetime
    expires_at: datetime | None  # None: until sign-out


class Principals:
    """The registry of one station. Thread-safe: the print queue acts from its own thread."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._signed_in: dict[int, Principal] = {}
        self._short: dict[int, Principal] = {}

    def issue(self, user: User, purpose: str) -> Principal:
        now = self._clock()
        lasting = purpose == SIGN_IN
        principal = Principal(
            account_id=user.id,
            username=user.username,
            purpose=purpose,
            issued_at=now,
            expires_at=None if lasting else now + SHORT_LIVED,
        )
        with self._lock:
            (self._signed_in if lasting else self._short)[user.id] = principal
        return principal

    def end(self, account_id: int) -> None:
        """Sign-out (or a switch of user): the person no longer acts at this station."""
        with self._lock:
            self._signed_in.pop(account_id, None)
            self._short.pop(account_id, None)

    def end_all(self) -> None:
        with self._lock:
            self._signed_in.clear()
            self._short.clear()

    def current(self, account_id: int) -> Principal | None:
        """The person's standing proof: a sign-in, else a password entered minutes ago."""
        now = self._clock()
        with self._lock:
            signed_in = self._signed_in.get(account_id)
            if signed_in is not None:
                return signed_in
            short = self._short.get(account_id)
            if short is not None and short.expires_at is not None and short.expires_at >= now:
                return short
            self._short.pop(account_id, None)
            return None

    def fresh(self, account_id: int, since: datetime) -> Principal | None:
        """A password proof issued at or after ``since`` (a signature's re-authentication)."""
        with self._lock:
            short = self._short.get(account_id)
        if short is None or short.issued_at < since:
            return None
        return short


def require_principal(session: Session, user: User) -> Principal:
    """Refuse (NotSignedInError) unless ``user`` authenticated at this station."""
    registry = session.info.get(PRINCIPALS)
    principal = registry.current(user.id) if isinstance(registry, Principals) else None
    if principal is None:
        raise NotSignedInError(username=user.username)
    return principal
