"""Sites: every account belongs to one, and a person acts only on records held there.

A record is *held* where it physically is: a batch, its label jobs and the manufacturer's
storage at the manufacturing site; a product unit at the manufacturer until shipped, nowhere
while in transit (the shipment's rules govern it then), and at the receiving hospital after
receipt (``ProductUnit.site_id``). A shipment is held by both its parties: the manufacturer
plans and dispatches it, the destination hospital receives it.

Enforced centrally: ``require_actor`` registers the acting account in the session
(``ACTING``), and the row look-ups every service goes through (``models.kernel.rows``,
``models.chain.lookup``) hand each unit, batch, shipment, label job and storage location
they load to ``check_held``, which refuses one held at another site (``OtherSiteError``,
naming both sites). Reads (traces, screens) have no actor and are not refused; what a
hospital lists is filtered by ``units_held_by`` instead.

Role sets per site kind (``ROLES_AT``): a manufacturing site has the cleanroom, QA and
release roles and no clinical role; a hospital (or collection site) has the clinical role
and the second checker of the bedside double-check, and never the cleanroom, QA or release
roles - a hospital cannot release, label or make product (R-REL, R-LBL), and the
manufacturer does not administer. Administrators and auditors may sit at any site.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.accounts import Role, User
from models.entities.labeling import PrintedLabel, PrintJob
from models.entities.logistics import Shipment, StorageLocation
from models.entities.parties import Site, SiteKind
from models.entities.production import Batch, Disposition, ProductUnit
from models.kernel.errors import DomainError, NotFoundError
from models.kernel.rows import HELD_GUARD

ACTING = "celltrail.acting"  # session.info: account id → the accounts acting in this unit of work
QUALITY_DECISION = "celltrail.quality_decision"  # ids of accounts acting as the maker's QA

_ANYWHERE = frozenset({Role.ADMIN, Role.AUDITOR})
ROLES_AT: dict[SiteKind, frozenset[Role]] = {
    SiteKind.MANUFACTURER: _ANYWHERE | {Role.OPERATOR, Role.VERIFIER, Role.QA, Role.QA_HEAD},
    SiteKind.HOSPITAL: _ANYWHERE | {Role.CLINICAL, Role.VERIFIER},
    SiteKind.COLLECTION_SITE: _ANYWHERE | {Role.CLINICAL, Role.VERIFIER},
}


class SiteRoleError(DomainError):
    """A role the kind of site does not have (an operator at a hospital, a nurse at the
    manufacturer)."""

    code = "site_role_not_allowed"
    terms = {"kind": "site_kind"}


class OtherSiteError(DomainError):
    code = "record_at_other_site"
    terms = {"kind": "record_kind"}


class NoSiteError(DomainError):
    code = "account_without_site"


def require_roles_fit(site: Site, roles: Iterable[Role]) -> None:
    wrong = sorted(r.value for r in set(roles) - ROLES_AT[site.kind])
    if wrong:
        raise SiteRoleError(site=site.code, kind=site.kind.value, roles=",".join(wrong))


class SiteNeededFirstError(DomainError):
    code = "site_needed_first"


class SiteAmbiguousError(DomainError):
    code = "site_home_ambiguous"


def account_site(session: Session, code: str | None) -> Site:
    """The site a new account belongs to: the one named, else the only manufacturing site."""
    if code is not None:
        found = session.scalar(select(Site).where(Site.code == code.strip()))
        if found is None:
            raise NotFoundError(kind="site", ident=code)
        return found
    homes = session.scalars(select(Site).where(Site.kind == SiteKind.MANUFACTURER)).all()
    if not homes:
        raise SiteNeededFirstError()
    if len(homes) > 1:
        raise SiteAmbiguousError()
    return homes[0]


def home_site_id(session: Session) -> int | None:
    """The manufacturing site (the first registered one): where batches are made."""
    return session.scalar(
        select(Site.id).where(Site.kind == SiteKind.MANUFACTURER).order_by(Site.id).limit(1)
    )


def holders(session: Session, row: object) -> tuple[int, ...] | None:
    """The sites ``row`` is held at; None when it is not a site-held record or nobody holds
    it (a unit in transit, a database without sites)."""
    held: tuple[int | None, ...]
    if isinstance(row, ProductUnit):
        if row.site_id is not None:
            held = (row.site_id,)
        elif row.disposition is Disposition.IN_TRANSIT:
            return None
        else:
            held = (home_site_id(session),)
    elif isinstance(row, Shipment):
        held = (home_site_id(session), row.destination_site_id)
    elif isinstance(row, (Batch, PrintJob, PrintedLabel)):
        held = (home_site_id(session),)
    elif isinstance(row, StorageLocation):
        held = (row.site_id or home_site_id(session),)
    else:
        return None
    known = tuple(h for h in held if h is not None)
    return known or None


def held_at_manufacturer(session: Session, unit: ProductUnit) -> bool:
    held = holders(session, unit)
    if held is None:
        return False
    kinds = session.scalars(select(Site.kind).where(Site.id.in_(held))).all()
    return SiteKind.MANUFACTURER in kinds


def _kind(row: object) -> str:
    kinds: dict[type, str] = {
        ProductUnit: "product unit",
        Shipment: "shipment",
        Batch: "batch",
        PrintJob: "print job",
        PrintedLabel: "label",
        StorageLocation: "storage location",
    }
    return kinds.get(type(row), "record")


def _ident(row: object) -> str:
    for attr in ("din", "code", "number", "id"):
        value = getattr(row, attr, None)
        if value is not None:
            return str(value)
    return "?"


def _site_code(session: Session, site_id: int | None) -> str:
    code = session.scalar(select(Site.code).where(Site.id == site_id)) if site_id else None
    return code or "-"


def require_held_by(session: Session, user: User, row: object) -> None:
    """Refuse ``user`` acting on ``row`` unless it is held at the user's site."""
    held = holders(session, row)
    if held is None:
        return
    if user.site_id is None:
        raise NoSiteError(username=user.username)
    if user.site_id not in held:
        raise OtherSiteError(
            username=user.username,
            user_site=_site_code(session, user.site_id),
            kind=_kind(row),
            ident=_ident(row),
            site=", ".join(_site_code(session, h) for h in held),
        )


def _decides_quality(session: Session, user: User) -> bool:
    """The manufacturer's QA deciding a quality status (a hold cleared, a recall): the
    manufacturer answers for its product wherever it is (D05 §78, R-AE-06, R-RET-03)."""
    if user.id not in session.info.get(QUALITY_DECISION, ()):
        return False
    kind = session.scalar(select(Site.kind).where(Site.id == user.site_id))
    return kind is SiteKind.MANUFACTURER and bool(user.role_set & {Role.QA, Role.QA_HEAD})


def check_held(session: Session, row: object) -> None:
    """The look-ups' guard: every account acting in this unit of work must be at the site
    holding ``row`` (no-op in a read with no actor)."""
    acting = session.info.get(ACTING)
    if not acting:
        return
    for user in list(acting.values()):
        if not _decides_quality(session, user):
            require_held_by(session, user, row)


def register_actor(session: Session, user: User, *, quality_decision: bool = False) -> None:
    """``require_actor``'s hook: from now on this unit of work's look-ups check ``user``'s
    site (callers look up records after the role check)."""
    session.info.setdefault(ACTING, {})[user.id] = user
    if quality_decision:
        session.info.setdefault(QUALITY_DECISION, set()).add(user.id)
    session.info[HELD_GUARD] = check_held


def units_held_by(session: Session, site_id: int | None) -> set[int]:
    """Ids of the units held at ``site_id`` (a hospital's lists show only these)."""
    return set(session.scalars(select(ProductUnit.id).where(ProductUnit.site_id == site_id)))


def hospital_of(session: Session, user: User) -> int | None:
    """The hospital (or collection site) ``user`` works at; None for the manufacturer's
    staff, whose lists show every unit (its QA follows its product wherever it is)."""
    kind = session.scalar(select(Site.kind).where(Site.id == user.site_id))
    if user.site_id is None or kind is SiteKind.MANUFACTURER:
        return None
    return user.site_id
