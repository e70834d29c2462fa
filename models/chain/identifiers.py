"""Allocation of never-repeating identifiers: DINs, batch numbers and chain-of-identity ids.

Numbers come from ``identifier_sequence`` rows inside the caller's unit of work, so an
action that rolls back also gives its number back: no gaps, and no duplicates because the
row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already admits
one writer at a time).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models.chain.errors import SequenceExhaustedError
from models.entities.parties import Site, SiteKind
from models.entities.production import IdentifierSequence
from models.isbt128 import CoiIdentifier, Din, make_din
from models.kernel.db_purpose import require_fin_allowed
from models.kernel.errors import ValidationError
from models.kernel.site_time import site_local
from models.kernel.unit_of_work import UnitOfWork

DIN_LIMIT = 999_999
_BASE36 = string.digits + string.ascii_uppercase
COI_LIMIT = 36**6 - 1
# {prefix} product-category tag, {date:…} the creation date, {seq:…} the counter; the counter
# restarts for every distinct rendering of the rest of the pattern (e.g. per day).
DEFAULT_BATCH_PATTERN = "B-{prefix}-{date:%y%m%d}-{seq:03d}"
CATEGORY_PREFIX = {"msc": "UCMSC", "car_t": "CART", "immune_cell": "IC", "other": "CT"}


def next_value(session: Session, name: str, scope: str, limit: int) -> int:
    """Take the next number of sequence (name, scope) under a row lock; caller commits."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # Creating the row races between workstations too: let the loser's insert do nothing.
    session.execute(
        insert(IdentifierSequence)
        .values(name=name, scope=scope, next_value=1)
        .on_conflict_do_nothing(index_elements=["name", "scope"])
    )
    row = session.execute(
        select(IdentifierSequence)
        .where(IdentifierSequence.name == name, IdentifierSequence.scope == scope)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()
    value = row.next_value
    if value > limit:
        raise SequenceExhaustedError(name=name, scope=scope, limit=limit)
    row.next_value = value + 1
    session.flush()
    return value


def facility_code(session: Session) -> str:
    """Our own ISBT 128 facility identification number (the manufacturer site's FIN)."""
    fin = session.scalar(
        select(Site.isbt_facility_code)
        .where(Site.kind == SiteKind.MANUFACTURER, Site.isbt_facility_code.is_not(None))
        .order_by(Site.id)
        .limit(1)
    )
    if not fin:
        raise ValidationError(
            field="facility", reason="no manufacturer site with an ISBT 128 FIN is set up"
        )
    # A production database never numbers with a test code, a training one only with one.
    require_fin_allowed(session, fin)
    return fin


def _base36(value: int, width: int) -> str:
    digits = ""
    while value:
        value, rest = divmod(value, 36)
        digits = _BASE36[rest] + digits
    return digits.rjust(width, "0")


@dataclass(frozen=True)
class BatchNumberFormat:
    pattern: str = DEFAULT_BATCH_PATTERN

    def scope(self, prefix: str, at: datetime) -> str:
        return self.pattern.replace("{seq", "{_seq").format(prefix=prefix, date=at, _seq=0)

    def render(self, prefix: str, at: datetime, seq: int) -> str:
        return self.pattern.format(prefix=prefix, date=at, seq=seq)


class Identifiers:
    """Stateless allocator; every method works inside the caller's unit of work."""

    def __init__(self, batch_format: BatchNumberFormat | None = None) -> None:
        self.batch_format = batch_format or BatchNumberFormat()

    def din(self, uow: UnitOfWork) -> Din:
        fin = facility_code(uow.session)
        year = site_local(uow.session, uow.clock()).year % 100
        sequence = next_value(uow.session, "din", f"{fin}/{year:02d}", DIN_LIMIT)
        return make_din(fin, year, sequence)

    def batch_number(self, uow: UnitOfWork, category: str) -> str:
        prefix = CATEGORY_PREFIX.get(category, category.upper())
        at = site_local(uow.session, uow.clock())  # the site's date, not UTC's
        scope = self.batch_format.scope(prefix, at)[:40]
        seq = next_value(uow.session, "batch", scope, 10**9)
        return self.batch_format.render(prefix, at, seq)

    def coi(self, uow: UnitOfWork) -> CoiIdentifier:
        fin = facility_code(uow.session)
        year = site_local(uow.session, uow.clock()).year % 100
        value = next_value(uow.session, "coi", f"{fin}/{year:02d}", COI_LIMIT)
        return CoiIdentifier(fin, f"{year:02d}", _base36(value, 6))
