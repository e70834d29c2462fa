"""R-LBL-11: labeling in an operating space that holds no other batch.

"The same operating space must not hold any other batch at the same time" (D05, 002
L1804-1806). The station lock (``reconciliation.require_station_free``) stops one station
from starting a second batch; two stations in one biosafety cabinet or room would still
label two batches side by side. So, once the site registers workspaces, every label job
names the workspace it is applied in (the label station's setting) and is refused while
another batch is open there (its cleanroom stay not ended) or has labels printed there that
are not reconciled - whichever station printed them.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities.labeling import PrintJob
from models.entities.production import Batch
from models.entities.workspaces import Workspace
from models.i18n import Message
from models.kernel.operating_space import open_batches_in, workspace, workspaces_registered
from models.labeling.errors import LabelWorkspaceBusyError, LabelWorkspaceNeededError
from models.labeling.reconciliation import reconciliation


def require_workspace_free(session: Session, code: str | None, batch: Batch) -> Workspace | None:
    """The workspace ``batch`` is labelled in, refused while it holds another batch; None
    on a site without workspaces."""
    if not workspaces_registered(session):
        return None
    if code is None or not code.strip():
        raise LabelWorkspaceNeededError(batch=batch.number)
    space = workspace(session, code)
    for other in open_batches_in(session, space):
        if other.id != batch.id:
            _refuse(space, other.number, batch, "open")
    others = session.scalars(
        select(PrintJob.batch_id)
        .where(PrintJob.workspace_id == space.id, PrintJob.batch_id != batch.id)
        .distinct()
    ).all()
    for other_id in others:
        report = reconciliation(session, other_id)
        if not report.reconciled:
            _refuse(space, report.batch_number, batch, "unreconciled")
    return space


def _refuse(space: Workspace, other: str, batch: Batch, why: str) -> None:
    raise LabelWorkspaceBusyError(
        workspace=space.code,
        other=other,
        batch=batch.number,
        why=Message(f"label_workspace_why.{why}"),
    )
