"""Site administration: register sites, list them, move an account to another site.

The first site (like the first account) needs no administrator: on a database with no
accounts yet, ``add_site`` runs without an actor so that the manufacturing site exists before
the first account is placed at it. Afterwards only an administrator adds sites or moves
accounts, and an account moves only to a site whose kind has all of its roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from models.entities.accounts import Role, User
from models.entities.parties import Site, SiteKind
from models.identity.accounts import get_user, require_actor
from models.identity.sites import account_site, require_roles_fit
from models.kernel.audit import AuditAction
from models.kernel.errors import PermissionDeniedError, ValidationError
from models.kernel.unit_of_work import UowFactory


@dataclass(frozen=True)
class SiteRow:
    code: str
    name: str
    kind: str
    isbt_facility_code: str | None
    accounts: int


class SiteService:
    def __init__(self, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def add_site(
        self,
        *,
        actor: str | None,
        code: str,
        name: str,
        kind: SiteKind | str,
        isbt_facility_code: str | None = None,
    ) -> None:
        kind = SiteKind(kind)
        code, name = code.strip(), name.strip()
        if not code or not name:
            raise ValidationError(field="site", reason="a site needs a code and a name")
        fin = (isbt_facility_code or "").strip().upper() or None
        if fin is not None and (len(fin) != 5 or not fin.isalnum()):
            raise ValidationError(field="facility code", reason="5 letters or digits (FIN)")
        with self._uow() as uow:
            session = uow.session
            bootstrap = not session.scalar(select(func.count()).select_from(User))
            if not bootstrap:
                if actor is None:
                    raise PermissionDeniedError(username="?", roles="-", action="add sites")
                require_actor(session, actor, [Role.ADMIN], "add sites")
            if session.scalar(select(Site.id).where(Site.code == code)) is not None:
                raise ValidationError(field="site", reason=f"{code!r} already exists")
            session.add(Site(code=code, name=name, kind=kind, isbt_facility_code=fin))
            session.flush()
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor or "system",
                subject_type="site",
                subject_id=code,
                new={"name": name, "kind": kind.value, "isbt_facility_code": fin},
            )
            uow.commit()

    def sites(self) -> list[SiteRow]:
        with self._uow().reading() as uow:
            counts = dict(
                uow.session.execute(select(User.site_id, func.count()).group_by(User.site_id)).all()
            )
            return [
                SiteRow(s.code, s.name, s.kind.value, s.isbt_facility_code, counts.get(s.id, 0))
                for s in uow.session.scalars(select(Site).order_by(Site.kind, Site.code))
            ]

    def site_of(self, username: str) -> str | None:
        """The code of the site the account belongs to (None: none assigned yet)."""
        with self._uow().reading() as uow:
            user = get_user(uow.session, username)
            if user.site_id is None:
                return None
            return uow.session.scalar(select(Site.code).where(Site.id == user.site_id))

    def move_account(self, *, actor: str, username: str, site: str, reason: str) -> None:
        """Place an account at another site (a transfer, or a migrated account with none)."""
        if not reason.strip():
            raise ValidationError(field="reason", reason="moving an account needs a reason")
        with self._uow() as uow:
            require_actor(uow.session, actor, [Role.ADMIN], "move accounts between sites")
            user = get_user(uow.session, username)
            place = account_site(uow.session, site)
            require_roles_fit(place, user.role_set)
            old = uow.session.scalar(select(Site.code).where(Site.id == user.site_id))
            user.site_id = place.id
            uow.audit.record(
                AuditAction.CHANGE,
                actor=actor,
                subject_type="user",
                subject_id=user.username,
                old={"site": old},
                new={"site": place.code},
                reason=reason.strip(),
            )
            uow.commit()
