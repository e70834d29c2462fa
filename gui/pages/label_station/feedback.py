"""The two things the label station's helpers may ask of their page: tell the operator how an
action went, and reload the batch.  A Protocol, so the helpers never import the page."""

from __future__ import annotations

from typing import Protocol

from gui.operations import Operation


class StationFeedback(Protocol):
    def say(self, text: str, ok: bool | None) -> None: ...

    def refresh(self) -> Operation | None: ...
