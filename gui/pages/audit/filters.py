"""The audit page's filter bar: user, action, record type, record id and time window."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from gui.i18n import word
from gui.widgets.scan_line_edit import ScanLineEdit
from models.kernel.audit_queries import AuditFacets, AuditFilter


class AuditFilterBar(QWidget):
    search_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor, self.action, self.subject_type = QComboBox(), QComboBox(), QComboBox()
        self.subject_id = ScanLineEdit(self)
        self.subject_id.setObjectName("auditSubject")
        self.use_since, self.use_until = QCheckBox(), QCheckBox()
        now = QDateTime.currentDateTime()
        self.since = QDateTimeEdit(now.addDays(-7), calendarPopup=True)
        self.until = QDateTimeEdit(now.addDays(1), calendarPopup=True)
        self.search, self.clear = QPushButton(objectName="primaryButton"), QPushButton()
        self.labels = [QLabel() for _ in range(4)]
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, (label, widget) in enumerate(
            zip(
                self.labels,
                (self.actor, self.action, self.subject_type, self.subject_id),
                strict=True,
            )
        ):
            grid.addWidget(label, 0, col)
            grid.addWidget(widget, 1, col)
        # The time range and the buttons on a second line: one line was wider than 1280 px.
        grid.addWidget(self.use_since, 2, 0)
        grid.addWidget(self.since, 3, 0)
        grid.addWidget(self.use_until, 2, 1)
        grid.addWidget(self.until, 3, 1)
        grid.addWidget(self.search, 3, 2)
        grid.addWidget(self.clear, 3, 3, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(3, 1)  # the identifier field takes the spare width
        self.search.clicked.connect(self.search_requested)
        self.subject_id.scanned.connect(lambda _t: self.search_requested.emit())
        self.clear.clicked.connect(self.reset)
        self._facets = AuditFacets((), (), ())
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(
            self.labels,
            (self.tr("User"), self.tr("Action"), self.tr("Record type"), self.tr("Record")),
            strict=True,
        ):
            label.setText(text)
        self.use_since.setText(self.tr("From"))
        self.use_until.setText(self.tr("Until"))
        self.subject_id.setPlaceholderText(self.tr("Scan or type an identifier"))
        self.search.setText(self.tr("Search"))
        self.clear.setText(self.tr("Clear"))
        self.set_facets(self._facets)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_facets(self, facets: AuditFacets) -> None:
        self._facets = facets
        for combo, values, kind in (
            (self.actor, facets.actors, ""),
            (self.action, facets.actions, "audit_action"),
            (self.subject_type, facets.subject_types, "record_kind"),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(all)"), None)
            for value in values:
                combo.addItem(word(kind, value) if kind else value, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def reset(self, search: bool = True) -> None:
        for combo in (self.actor, self.action, self.subject_type):
            combo.setCurrentIndex(0)
        self.subject_id.clear()
        self.use_since.setChecked(False)
        self.use_until.setChecked(False)
        if search:
            self.search_requested.emit()

    def select(self, combo: QComboBox, value: str | None) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def current(self) -> AuditFilter:
        def utc(edit: QDateTimeEdit, enabled: bool) -> datetime | None:
            if not enabled:
                return None
            return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)

        return AuditFilter(
            actor=self.actor.currentData(),
            action=self.action.currentData(),
            subject_type=self.subject_type.currentData(),
            subject_id=self.subject_id.text().strip() or None,
            since=utc(self.since, self.use_since.isChecked()),
            until=utc(self.until, self.use_until.isChecked()),
        )
