"""Status → colour, glyph and words: colour is never the only cue (colour-blind, gloves, glare).

Every status a screen shows goes through ``style_for`` so that quarantine, released,
rejected and recalled look the same everywhere, in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from gui.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class StatusStyle:
    glyph: str
    background: str
    foreground: str
    source_text: str  # English; translated on use, so a language switch applies at once

    @property
    def text(self) -> str:
        return QCoreApplication.translate("Status", self.source_text)

    @property
    def label(self) -> str:
        """What a cell or badge shows: glyph + words (+ colour from the caller)."""
        return f"{self.glyph} {self.text}"

    @property
    def qcolor(self) -> QColor:
        return QColor(self.background)


_AMBER, _GREEN, _RED, _PURPLE, _BLUE, _GREY = (
    "#ffd54f",
    "#a5d6a7",
    "#ef9a9a",
    "#ce93d8",
    "#90caf9",
    "#e0e0e0",
)
_STYLES: dict[str, StatusStyle] = {
    "quarantine": StatusStyle("⚠", _AMBER, "#3e2723", QT_TRANSLATE_NOOP("Status", "Quarantine")),
    "released": StatusStyle("✔", _GREEN, "#1b5e20", QT_TRANSLATE_NOOP("Status", "Released")),
    "emergency_released": StatusStyle(
        "✔!", "#fff176", "#33691e", QT_TRANSLATE_NOOP("Status", "Emergency released")
    ),
    "rejected": StatusStyle("✖", _RED, "#b71c1c", QT_TRANSLATE_NOOP("Status", "Rejected")),
    "recalled": StatusStyle("⊘", _PURPLE, "#4a148c", QT_TRANSLATE_NOOP("Status", "Recalled")),
    "in_process": StatusStyle("⚙", _BLUE, "#0d47a1", QT_TRANSLATE_NOOP("Status", "In process")),
    "filled": StatusStyle("◼", _BLUE, "#0d47a1", QT_TRANSLATE_NOOP("Status", "Filled")),
    "eligible": StatusStyle("✔", _GREEN, "#1b5e20", QT_TRANSLATE_NOOP("Status", "Eligible")),
    "ineligible": StatusStyle("✖", _RED, "#b71c1c", QT_TRANSLATE_NOOP("Status", "Ineligible")),
    "pending": StatusStyle("…", _GREY, "#212121", QT_TRANSLATE_NOOP("Status", "Pending")),
    "pending_retest": StatusStyle(
        "…", _AMBER, "#3e2723", QT_TRANSLATE_NOOP("Status", "Pending retest")
    ),
    "accepted": StatusStyle("✔", _GREEN, "#1b5e20", QT_TRANSLATE_NOOP("Status", "Accepted")),
    # print jobs and printed labels (label station)
    "requested": StatusStyle("…", _GREY, "#212121", QT_TRANSLATE_NOOP("Status", "Requested")),
    "printing": StatusStyle("⎙", _BLUE, "#0d47a1", QT_TRANSLATE_NOOP("Status", "Printing")),
    "printed": StatusStyle(
        "☐", _AMBER, "#3e2723", QT_TRANSLATE_NOOP("Status", "Printed – check pending")
    ),
    "failed": StatusStyle("✖", _RED, "#b71c1c", QT_TRANSLATE_NOOP("Status", "Failed")),
    "cancelled": StatusStyle("⊘", _GREY, "#212121", QT_TRANSLATE_NOOP("Status", "Cancelled")),
    "verified": StatusStyle("☑", _BLUE, "#0d47a1", QT_TRANSLATE_NOOP("Status", "Checked")),
    "applied": StatusStyle("✔", _GREEN, "#1b5e20", QT_TRANSLATE_NOOP("Status", "Applied")),
    "voided": StatusStyle("⌫", _PURPLE, "#4a148c", QT_TRANSLATE_NOOP("Status", "Voided – destroy")),
}
# Dispositions and audit actions are words only (no colour meaning), but still translated.
_WORDS = {
    "in_stock": QT_TRANSLATE_NOOP("Status", "In stock"),
    "in_transit": QT_TRANSLATE_NOOP("Status", "In transit"),
    "at_hospital": QT_TRANSLATE_NOOP("Status", "At hospital"),
    "thawed": QT_TRANSLATE_NOOP("Status", "Thawed"),
    "administered": QT_TRANSLATE_NOOP("Status", "Administered"),
    "transformed": QT_TRANSLATE_NOOP("Status", "Transformed"),
    "destroyed": QT_TRANSLATE_NOOP("Status", "Destroyed"),
    "planned": QT_TRANSLATE_NOOP("Status", "Planned"),
    "dispatched": QT_TRANSLATE_NOOP("Status", "Dispatched"),
}


def style_for(status: str | None) -> StatusStyle | None:
    return _STYLES.get(status or "")


def status_text(status: str | None) -> str:
    """Glyph + translated words for a coloured status, translated words for any other."""
    if not status:
        return ""
    style = _STYLES.get(status)
    if style:
        return style.label
    source = _WORDS.get(status)
    return QCoreApplication.translate("Status", source) if source else status


def badge_stylesheet(status: str | None) -> str:
    style = style_for(status)
    if style is None:
        return ""
    return (
        f"background:{style.background}; color:{style.foreground}; "
        "border:2px solid #00000055; border-radius:6px; padding:4px 10px; font-weight:bold;"
    )


def set_ok(label: QWidget, ok: bool | None) -> None:
    """Colour a status line by its ``ok`` property (style.qss: [ok="true"] / [ok="false"])."""
    label.setProperty("ok", ok)
    label.style().unpolish(label)
    label.style().polish(label)
