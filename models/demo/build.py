"""A live demo site (digest §5 scenarios S1 and S2) for training, screenshots and trials.

Everything is recorded through the services, with event times relative to *now*, so the
site opened today shows in-date stock, a released batch in use, a patient's CAR-T on its
way to the bedside and a batch waiting for QA (see ``models.demo.site``). Uses the ICCBBA
test facility code A9990, so no demo label can be mistaken for a real one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from models.core import Core
from models.demo.people import (
    DEMO_FACILITY,
    DEMO_PASSWORD,
    DEMO_SITES,
    DEMO_STAFF,
    DEMO_STAFF_SITES,
    demo_badge,
)
from models.entities.accounts import Role
from models.entities.database import Purpose
from models.entities.parties import SiteKind
from models.i18n import Message
from models.kernel.errors import DomainError, ValidationError

__all__ = [
    "DEMO_FACILITY",
    "DemoNeedsTrainingError",
    "DEMO_PASSWORD",
    "DEMO_STAFF",
    "add_sites",
    "add_staff",
    "build_demo_site",
    "demo_badge",
]


class DemoNeedsTrainingError(DomainError):
    """The demo is built only in a database created for training (issue 16)."""

    code = "db_purpose.demo_needs_training"


def add_sites(core: Core, sites: Sequence[tuple[str, str, SiteKind, str | None]]) -> None:
    """The sites (code, name, kind, ISBT 128 facility code), registered before the first
    account so that every account is placed at one (nobody adds them: no account exists)."""
    for code, name, kind, fin in sites:
        core.sites.add_site(actor=None, code=code, name=name, kind=kind, isbt_facility_code=fin)


def add_staff(
    core: Core,
    staff: dict[str, tuple[str, list[Role]]],
    password: str,
    sites: Mapping[str, str] | None = None,
) -> None:
    """The accounts (the demo's and the tests'): "admin" is the first account, which nobody
    adds; admin adds every other one. ``sites``: username → site code for the people who do
    not work at the manufacturing site."""
    for username, (name, roles) in staff.items():
        core.accounts.add_user(
            actor=None if username == "admin" else "admin",
            username=username,
            full_name=name,
            password=password,
            roles=roles,
            site=(sites or {}).get(username),
        )
        # Each person signs in at this station, as they would before working: services act
        # only for people who authenticated here (the admin first, to add the others).
        core.accounts.authenticate(username, password)


def build_demo_site(core: Core, password: str = DEMO_PASSWORD) -> dict[str, Any]:
    """Create the users and both scenarios. Refuses a database that already holds users.

    Returns record counts, the password and the date-dependent identifiers (batch numbers)
    the services allocated today."""
    if core.purpose is not Purpose.TRAINING:  # demo labels carry the test facility code
        raise DemoNeedsTrainingError(stored=Message(f"db_purpose.{core.purpose.value}"))
    if core.accounts.has_users():
        raise ValidationError(
            field="database", reason="it already has users; demo needs an empty one"
        )
    add_sites(core, DEMO_SITES)
    add_staff(core, DEMO_STAFF, password, DEMO_STAFF_SITES)
    for username in DEMO_STAFF:
        core.accounts.set_badge(actor="admin", username=username, badge_code=demo_badge(username))
    from models.demo.site import build_live_site, counts

    site = build_live_site(core, password)
    return {
        **counts(core),
        "password": password,
        "released_batch": site.msc_batch,
        "quarantine_batch": site.quarantine_batch,
        "car_t_batch": site.car_t_batch,
    }
