"""Is this database the demo site?  The sign-in screen then names the demo accounts.

The marker is the demo's own facility: it carries the ICCBBA *test* facility code (A9990),
which no real site can hold, so a production database is never taken for the demo.
"""

from __future__ import annotations

from sqlalchemy import select

from models.core import Core
from models.demo.people import DEMO_FACILITY, DEMO_PASSWORD, DEMO_STAFF
from models.entities.parties import Site

__all__ = ["DEMO_PASSWORD", "demo_accounts", "is_demo"]


def is_demo(core: Core) -> bool:
    with core.uow().reading() as uow:
        found = uow.session.scalars(
            select(Site.id).where(Site.isbt_facility_code == DEMO_FACILITY).limit(1)
        ).first()
    return found is not None


def demo_accounts(core: Core) -> tuple[str, ...]:
    """The demo's user names still active here, in the demo's order; () if not the demo."""
    if not is_demo(core):
        return ()
    active = {u.username for u in core.people_reads.users(active_only=True)}
    return tuple(name for name in DEMO_STAFF if name in active)
