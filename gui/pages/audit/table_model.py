"""Qt model over one page of audit rows (the rows come from models.kernel.audit_queries)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from gui.i18n import QT_TRANSLATE_NOOP, format_datetime, word
from models.kernel.audit_queries import AuditRow

Index = QModelIndex | QPersistentModelIndex
_BROKEN = QColor("#ef9a9a")


class AuditTableModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("AuditTableModel", "#"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
        QT_TRANSLATE_NOOP("AuditTableModel", "User"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Record type"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Change"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Reason"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Workstation"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: tuple[AuditRow, ...] = ()
        self.broken_seq: int | None = None

    def set_rows(self, rows: tuple[AuditRow, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def mark_broken(self, seq: int | None) -> None:
        self.broken_seq = seq
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1)
            )

    def row_of(self, seq: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.seq == seq), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AuditTableModel", self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and row.seq == self.broken_seq:
            return _BROKEN
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None  # the tooltip: an elided change or reason in full
        change = " → ".join(v for v in (row.old_value, row.new_value) if v)
        values = (
            str(row.seq) if row.seq != self.broken_seq else f"✖ {row.seq}",
            format_datetime(row.at, seconds=True),
            row.actor,
            word("audit_action", row.action),
            word("record_kind", row.subject_type),
            row.subject_id,
            change,
            row.reason or "",
            row.workstation or "",
        )
        return values[index.column()]
