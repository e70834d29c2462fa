"""Who signs, by badge and password, without signing the station's user out.

The badge only *identifies* (``people_reads.by_badge``); the password typed here is what
authenticates, in the core's signature re-authentication when the caller signs.  The badge
field is a ScanLineEdit, so the application-wide scan capture leaves the scan to it (a badge
scanned anywhere else asks to switch user).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.operations import error_text, run_op
from gui.widgets.scan_line_edit import ScanLineEdit
from models.identity.people import UserSummary


class BadgeSigner(QWidget):
    identified = Signal(object)  # UserSummary, or None for an unknown badge

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.holder: UserSummary | None = None
        self.badge = ScanLineEdit(self)
        self.badge.setObjectName("verifierBadge")
        self.badge.setEchoMode(QLineEdit.EchoMode.Password)  # a badge code is a credential half
        self.badge.setPlaceholderText(self.tr("Scan your badge"))
        self.who = QLabel(objectName="verifierName", wordWrap=True)
        self.password = QLineEdit(
            objectName="verifierPassword", echoMode=QLineEdit.EchoMode.Password
        )
        row = QHBoxLayout()  # side by side: the dialog fits a 768-pixel-high screen
        row.addWidget(QLabel(self.tr("Verifier badge")))
        row.addWidget(self.badge, 3)  # wide enough for its "Scan your badge" hint
        row.addWidget(QLabel(self.tr("Verifier password")))
        row.addWidget(self.password, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.who)
        self.badge.scanned.connect(self._look_up)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Styled by now (the font is the station's): the hint "Scan your badge" fits whole.
        hint = self.badge.fontMetrics().horizontalAdvance(self.badge.placeholderText())
        self.badge.setMinimumWidth(hint + 40)
        super().showEvent(event)

    @property
    def username(self) -> str:
        return self.holder.username if self.holder else ""

    def _look_up(self, code: str) -> None:
        reads = self._ctx.core.people_reads
        self.badge.clear()
        run_op(
            parent=self,
            op=lambda _p: reads.by_badge(code),
            on_success=self._on_found,
            on_failure=lambda exc: self.who.setText(f"✖ {error_text(exc)}"),
        )

    def _on_found(self, holder: UserSummary | None) -> None:
        self.holder = holder if holder and holder.active and not holder.locked else None
        if self.holder is None:
            self.who.setText(self.tr("✖ This badge belongs to no active account."))
        else:
            self.who.setText(
                self.tr("Verifier: {0} ({1}) – type your password.").format(
                    self.holder.full_name, self.holder.username
                )
            )
            self.password.setFocus()
        self.identified.emit(self.holder)
