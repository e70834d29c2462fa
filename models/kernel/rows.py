"""Fetching one row by primary key, refused with the same NotFoundError in every area."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from models.entities.base import Base
from models.kernel.errors import NotFoundError

T = TypeVar("T", bound=Base)


def get_or_404(session: Session, cls: type[T], ident: int, kind: str) -> T:
    row = session.get(cls, ident)
    if row is None:
        raise NotFoundError(kind=kind, ident=ident)
    return row
