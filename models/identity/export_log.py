"""Exports of records leave an attributable trace (EU Annex 11 §8: printouts and exports)."""

from __future__ import annotations

from models.entities.accounts import Role
from models.identity.accounts import require_actor
from models.kernel.audit import AuditAction
from models.kernel.unit_of_work import UowFactory

EXPORT_ROLES = tuple(Role)  # every active user may export what they can see; it is recorded


class ReportService:
    def __init__(self, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def record_export(
        self, *, actor: str, kind: str, subject: str, file_name: str, rows: int, file_format: str
    ) -> None:
        """Audit one export: who, what (kind + subject), which file, how many rows."""
        with self._uow() as uow:
            user = require_actor(uow.session, actor, EXPORT_ROLES, "export records")
            uow.audit.record(
                AuditAction.EXPORT,
                actor=user.username,
                subject_type=kind,
                subject_id=subject[:64],
                new={"file": file_name, "rows": rows, "format": file_format},
            )
            uow.commit()
