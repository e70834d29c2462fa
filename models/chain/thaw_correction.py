"""Correcting a recorded thaw: the times were wrong, or "Thaw finished" was pressed by mistake
before the bag was really thawed.

A thaw's end starts the use-by clock (R-HOS-04), so its times decide whether a bag may still
be given.  They are never edited silently: a correction names its reason, is made by a
clinical user signed in at the station, keeps the old and the new times (and use-by) in the
audit trail, and is refused once the unit has left the thawed state (administered,
destroyed …): what was given or discarded was decided on the times recorded then.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from models.chain import lookup
from models.chain.errors import ReasonRequiredError, ThawNotCorrectableError
from models.entities.accounts import Role
from models.entities.logistics import Administration, Thaw
from models.entities.production import Disposition
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.errors import NotFoundError, ValidationError
from models.kernel.record_check import require_intact
from models.kernel.unit_of_work import UnitOfWork

CORRECTORS = (Role.CLINICAL,)  # the people who thaw at the hospital, no one else


def correct_thaw(
    uow: UnitOfWork,
    *,
    actor: str,
    unit_code: str,
    started_at: datetime,
    ended_at: datetime,
    reason: str,
) -> datetime:
    """Replace the thaw's start and end times; returns the use-by counted from the new end."""
    if not reason.strip():
        raise ReasonRequiredError(action="Correcting a thaw")
    require_actor(uow.session, actor, CORRECTORS, "correct thaws")
    unit = lookup.unit(uow.session, unit_code)
    code = lookup.unit_code(unit)
    thaw = uow.session.scalar(select(Thaw).where(Thaw.unit_id == unit.id))
    if thaw is None:
        raise NotFoundError(kind="thaw", ident=code)
    require_intact(uow.session, unit, thaw)  # a correction starts from the recorded values
    given = uow.session.scalar(select(Administration.id).where(Administration.unit_id == unit.id))
    if given is not None or unit.disposition is not Disposition.THAWED:
        state = Disposition.ADMINISTERED if given is not None else unit.disposition
        raise ThawNotCorrectableError(unit=code, state=state.value)
    if not started_at <= ended_at <= uow.clock() + timedelta(minutes=1):
        raise ValidationError(field="thaw times", reason="start ≤ end ≤ now")
    if (started_at, ended_at) == (thaw.started_at, thaw.ended_at):
        raise ValidationError(field="thaw times", reason="the same as recorded")
    minutes = unit.batch.product_type.post_thaw_minutes
    if minutes is None:  # a thaw was recorded, so the product type has a post-thaw limit
        raise ValidationError(field="thaw times", reason="not a frozen product")
    old = {"started_at": thaw.started_at, "ended_at": thaw.ended_at, "use_by": thaw.use_by}
    thaw.started_at, thaw.ended_at = started_at, ended_at
    thaw.use_by = ended_at + timedelta(minutes=minutes)
    uow.audit.record(
        AuditAction.CHANGE,
        actor=actor,
        subject_type="thaw",
        subject_id=code,
        old=old,
        new={"started_at": started_at, "ended_at": ended_at, "use_by": thaw.use_by},
        reason=reason.strip(),
    )
    uow.commit()
    return thaw.use_by
