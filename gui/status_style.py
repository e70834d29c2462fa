"""Status → colour, glyph and words: colour is never the only cue (colour-blind, gloves, glare).

Every status a screen shows goes through ``style_for`` so that quarantine, released,
rejected and recalled look the same everywhere, in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from gui.i18n import capitalised, domain
from models.i18n import has


@dataclass(frozen=True)
class StatusStyle:
    glyph: str
    background: str
    foreground: str
    code: str  # the catalogue's word (status.* / label_state.*), rendered on use

    @property
    def text(self) -> str:
        return capitalised(domain(self.code))

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
    "quarantine": StatusStyle("⚠", _AMBER, "#3e2723", "status.quarantine"),
    "released": StatusStyle("✔", _GREEN, "#1b5e20", "status.released"),
    "emergency_released": StatusStyle("✔!", "#fff176", "#33691e", "status.emergency_released"),
    "rejected": StatusStyle("✖", _RED, "#b71c1c", "status.rejected"),
    "recalled": StatusStyle("⊘", _PURPLE, "#4a148c", "status.recalled"),
    "in_process": StatusStyle("⚙", _BLUE, "#0d47a1", "status.in_process"),
    "filled": StatusStyle("◼", _BLUE, "#0d47a1", "status.filled"),
    "eligible": StatusStyle("✔", _GREEN, "#1b5e20", "status.eligible"),
    "ineligible": StatusStyle("✖", _RED, "#b71c1c", "status.ineligible"),
    "pending": StatusStyle("…", _GREY, "#212121", "status.pending"),
    "pending_retest": StatusStyle("…", _AMBER, "#3e2723", "status.pending_retest"),
    "accepted": StatusStyle("✔", _GREEN, "#1b5e20", "status.accepted"),
    # print jobs and printed labels (label station)
    "requested": StatusStyle("…", _GREY, "#212121", "label_state.requested"),
    "printing": StatusStyle("⎙", _BLUE, "#0d47a1", "label_state.printing"),
    "printed": StatusStyle("☐", _AMBER, "#3e2723", "label_state.printed"),
    "unconfirmed": StatusStyle("?", _AMBER, "#3e2723", "label_state.unconfirmed"),
    "failed": StatusStyle("✖", _RED, "#b71c1c", "label_state.failed"),
    "cancelled": StatusStyle("⊘", _GREY, "#212121", "label_state.cancelled"),
    "verified": StatusStyle("☑", _BLUE, "#0d47a1", "label_state.verified"),
    "applied": StatusStyle("✔", _GREEN, "#1b5e20", "label_state.applied"),
    "voided": StatusStyle("⌫", _PURPLE, "#4a148c", "label_state.voided"),
}
# Dispositions, shipment states … are words only (no colour meaning): status.<value>.


def style_for(status: str | None) -> StatusStyle | None:
    return _STYLES.get(status or "")


def status_text(status: str | None) -> str:
    """Glyph + translated words for a coloured status, translated words for any other."""
    if not status:
        return ""
    style = _STYLES.get(status)
    if style:
        return style.label
    code = f"status.{status}"
    return capitalised(domain(code)) if has(code) else status


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
