"""Fetching one row by primary key, refused with the same NotFoundError in every area."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from models.entities.base import Base
from models.kernel.errors import NotFoundError

T = TypeVar("T", bound=Base)

# session.info key of the site guard (models.identity.sites.check_held): once an actor acts in
# a unit of work, every row fetched here must be held at that actor's site.
HELD_GUARD = "celltrail.held_guard"


def check_held(session: Session, row: object) -> None:
    guard = session.info.get(HELD_GUARD)
    if guard is not None:
        guard(session, row)


def get_or_404(session: Session, cls: type[T], ident: int, kind: str) -> T:
    row = session.get(cls, ident)
    if row is None:
        raise NotFoundError(kind=kind, ident=ident)
    check_held(session, row)
    return row
