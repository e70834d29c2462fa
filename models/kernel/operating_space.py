"""The operating space (workspace) a label job, a split, a pool or a material use belongs to.

R-LBL-11 / R-SEG-01: the same operating space must not hold another batch at the same time.
The cleanroom (models/cleanroom/line_clearance.py) records which batch is open in which
workspace; labeling, the chain's splits and pools, and material use all need that answer, and
may not import the cleanroom, so the shared reads live here, on the records alone.

Like the cleanroom's rules, these apply once the site has registered any workspace (a
database without workspaces keeps working as before).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.production import Batch
from models.entities.workspaces import Workspace, WorkspaceUse
from models.i18n import Message
from models.kernel.errors import DomainError, NotFoundError


class WorkspaceBusyForError(DomainError):
    """Another batch is open in the workspace an action on this batch is done in."""

    code = "workspace_busy_for"


class WorkspaceNeededForError(DomainError):
    code = "workspace_needed_for"


def workspaces_registered(session: Session) -> bool:
    return session.scalar(select(Workspace.id).limit(1)) is not None


def workspace(session: Session, code: str) -> Workspace:
    found = session.scalar(select(Workspace).where(Workspace.code == code.strip()))
    if found is None:
        raise NotFoundError(kind="workspace", ident=code)
    return found


def open_batches_in(session: Session, space: Workspace) -> list[Batch]:
    """The batch open in ``space`` (at most one: a unique index), read FOR SHARE so that a
    concurrent start cannot slip in before the caller commits on PostgreSQL."""
    return list(
        session.scalars(
            select(Batch)
            .join(WorkspaceUse, WorkspaceUse.batch_id == Batch.id)
            .where(WorkspaceUse.workspace_id == space.id, WorkspaceUse.ended_at.is_(None))
            .with_for_update(read=True, of=WorkspaceUse)
        )
    )


def open_workspace_of(session: Session, batch_id: int) -> Workspace | None:
    """The workspace ``batch_id`` is open in, if any."""
    return session.scalar(
        select(Workspace)
        .join(WorkspaceUse, WorkspaceUse.workspace_id == Workspace.id)
        .where(WorkspaceUse.batch_id == batch_id, WorkspaceUse.ended_at.is_(None))
    )


def require_space_for(
    session: Session,
    code: str | None,
    batch_ids: Collection[int],
    batch: str,
    action: Message,
    *,
    required: bool = True,
) -> Workspace | None:
    """The workspace named ``code`` for an action on ``batch_ids`` (``batch``: their number,
    for the message), refused while another batch is open there. Without a code: the
    workspace one of the batches is open in, refused (``required``) when there is none.
    None when no workspace is registered, or none is needed (a hospital's re-processing)."""
    if not workspaces_registered(session):
        return None
    if code is None or not code.strip():
        for batch_id in batch_ids:
            found = open_workspace_of(session, batch_id)
            if found is not None:
                return found
        if required:
            raise WorkspaceNeededForError(batch=batch, action=action)
        return None
    space = workspace(session, code)
    for other in open_batches_in(session, space):
        if other.id not in batch_ids:
            raise WorkspaceBusyForError(
                workspace=space.code, other=other.number, batch=batch, action=action
            )
    return space
