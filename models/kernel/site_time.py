"""The manufacturing site's local time: the calendar its people, batch records and labels use.

The clock and the database keep UTC. Whatever is named after a day or a year (batch numbers,
the year in a DIN or a COI id, recall and deviation codes) takes that day or year from the
site's wall clock: a Tianjin batch started at 07:30 on 1 January is a January batch of the new
year, although it is still 31 December in UTC.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.parties import Site, SiteKind

DEFAULT_TIMEZONE = "Asia/Shanghai"


def site_zone(session: Session) -> ZoneInfo:
    """The manufacturing site's zone (ISBT 128 dates are local); Asia/Shanghai by default."""
    name = session.scalar(
        select(Site.timezone).where(Site.kind == SiteKind.MANUFACTURER).order_by(Site.id)
    )
    return ZoneInfo(name or DEFAULT_TIMEZONE)


def site_local(session: Session, at: datetime) -> datetime:
    """``at`` (aware) on the site's wall clock."""
    return at.astimezone(site_zone(session))
