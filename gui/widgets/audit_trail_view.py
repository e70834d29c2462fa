"""One record's audit trail with its electronic signatures (who, meaning, when, hash).

Two tabs, not two tables one above the other: the list the record was chosen from (the audit
desk's entries, the trace tree) keeps the height of the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from gui.i18n import format_datetime, word
from gui.widgets.tables import fit_columns
from models.kernel.audit_queries import AuditRow, SignatureRow


class AuditTrailView(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditTrailView")
        self.trail = _table(self, "auditTrailTable", 4)  # the change
        self.signatures = _table(self, "signatureTable", 3)  # the record
        self.addTab(self.trail, "")
        self.addTab(self.signatures, "")
        self._rows: tuple[AuditRow, ...] = ()
        self._sigs: tuple[SignatureRow, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self.trail.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Time"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Change"),
                self.tr("Reason"),
            ]
        )
        self.signatures.setHorizontalHeaderLabels(
            [
                self.tr("Signed by"),
                self.tr("Meaning"),
                self.tr("Time"),
                self.tr("Record"),
                self.tr("Content hash"),
            ]
        )
        self.show_trail(self._rows, self._sigs)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_trail(self, rows: tuple[AuditRow, ...], signatures: tuple[SignatureRow, ...]) -> None:
        self._rows, self._sigs = rows, signatures
        self.setTabText(0, self.tr("Audit trail ({0})").format(len(rows)))
        self.setTabText(1, self.tr("Electronic signatures ({0})").format(len(signatures)))
        _fill(
            self.trail,
            [
                [
                    str(r.seq),
                    format_datetime(r.at, seconds=True),
                    r.actor,
                    word("audit_action", r.action),
                    _change(r),
                    r.reason or "",
                ]
                for r in rows
            ],
        )
        _fill(
            self.signatures,
            [
                [
                    f"{s.printed_name} ({s.username})",
                    s.meaning,
                    format_datetime(s.signed_at, seconds=True),
                    f"{word('record_kind', s.subject_type)} {s.subject_id}",
                    s.content_hash[:16] + "…",
                ]
                for s in signatures
            ],
        )


def _change(row: AuditRow) -> str:
    if row.old_value and row.new_value:
        return f"{row.old_value} → {row.new_value}"
    return row.new_value or row.old_value or ""


def _table(parent: QWidget, name: str, *stretch: int) -> QTableWidget:
    columns = 6 if name == "auditTrailTable" else 5
    table = QTableWidget(0, columns, parent, objectName=name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    fit_columns(table, *stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)  # a long change is elided in its column
            table.setItem(r, c, item)
