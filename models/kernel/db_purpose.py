"""Training and validation databases: TEST on every label and report, test facility codes only.

A database is created for one purpose (models/entities/database.py, migration 0009). The
ICCBBA reserves the facility codes A9990–A9999 for tests (ST-001 §5.3; models.isbt128.din):
a label carrying one can never be taken for a real product. So a training or validation
database accepts only those codes for its own facility, and a production database refuses
them, in both places a facility code enters a record:

* a site written with an ISBT 128 facility code (the mapper listeners below, on every
  insert and update of ``site``, however the row is written through the ORM);
* every DIN and chain-of-identity id allocated (``require_fin_allowed``, called by
  models/chain/identifiers.py), so a site row changed outside CellTrail cannot slip a code
  past the rule either.

``banner`` gives the words every label and report of a test database carries.
"""

from __future__ import annotations

from sqlalchemy import Connection, event, select
from sqlalchemy.orm import Mapper, Session

from models.entities.database import DatabasePurpose, Purpose
from models.entities.parties import Site
from models.i18n import Message, render
from models.kernel.errors import DomainError

BANNER_CODE = "db_purpose.banner"
# The ICCBBA test facility codes (ST-001 §5.3). The same set as models.isbt128.din.TEST_FINS,
# which the kernel may not import (it sits below isbt128); a test holds the two equal.
TEST_FINS = frozenset(f"A999{d}" for d in "0123456789")


class FacilityCodeRefusedError(DomainError):
    """A facility code this database's purpose does not admit."""

    code = "db_purpose.fin_refused"


class PurposeChangedError(DomainError):
    """A database's purpose is fixed when it is created."""

    code = "db_purpose.changed"


def purpose_of(bind: Session | Connection) -> Purpose:
    """The purpose the database was created for. A database without the row (one whose row
    was removed outside CellTrail) counts as production: the strictest reading."""
    found = bind.scalar(select(DatabasePurpose.purpose).where(DatabasePurpose.id == 1))
    return Purpose(found) if found is not None else Purpose.PRODUCTION


def check_fin(purpose: Purpose, fin: str) -> None:
    """Refuse ``fin`` unless it suits ``purpose``: test codes only on a test database, and
    never on a production one."""
    if purpose.is_test == (fin.upper() in TEST_FINS):
        return
    reason = "db_purpose.reason.test_only" if purpose.is_test else "db_purpose.reason.no_test"
    raise FacilityCodeRefusedError(
        fin=fin,
        purpose=Message(f"db_purpose.{purpose.value}"),
        reason=Message.of(reason, first=min(TEST_FINS), last=max(TEST_FINS)),
    )


def require_fin_allowed(session: Session, fin: str) -> None:
    check_fin(purpose_of(session), fin)


def banner(purpose: Purpose, lang: str | None) -> str | None:
    """ "TEST — NOT FOR CLINICAL USE" in ``lang`` on a test database; None on production."""
    return render(BANNER_CODE, lang) if purpose.is_test else None


def bilingual_banner(purpose: Purpose) -> str | None:
    """The banner in both languages, as labels print their fixed wording."""
    if not purpose.is_test:
        return None
    english, chinese = render(BANNER_CODE, "en"), render(BANNER_CODE, "zh")
    return f"{english} {chinese}"


@event.listens_for(Site, "before_insert")
@event.listens_for(Site, "before_update")
def _site_facility_code(_mapper: Mapper[Site], connection: Connection, site: Site) -> None:
    if site.isbt_facility_code:
        check_fin(purpose_of(connection), site.isbt_facility_code)
