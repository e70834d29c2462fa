"""Element builders for the shipped templates (``defaults``): plain layout JSON objects."""

from __future__ import annotations

from typing import Any

Element = dict[str, Any]


def text(
    field: str,
    x: float,
    y: float,
    h: float,
    caption: str = "",
    bold: bool = False,
    max_w: float | None = None,
) -> Element:
    """A record field; ``max_w`` keeps it inside its block (the text shrinks, never wraps)."""
    element: Element = {"kind": "text", "field": field, "x": x, "y": y, "h": h}
    if caption:
        element["caption"] = caption
    if bold:
        element["bold"] = True
    if max_w is not None:
        element["max_w"] = max_w
    return element


def symbol(name: str, x: float, y: float, h: float = 8.0, module: float = 0.25) -> Element:
    return {"kind": "symbol", "symbol": name, "x": x, "y": y, "h": h, "module": module}


def caption(wording: str, x: float, y: float, h: float) -> Element:
    return {"kind": "caption", "text": wording, "x": x, "y": y, "h": h}


def biohazard(x: float, y: float, size: float) -> Element:
    """Drawn only on labels of infectious-donor material (the layout always holds it)."""
    return {"kind": "biohazard", "x": x, "y": y, "size": size}


def line(x: float, y: float, x2: float, y2: float) -> Element:
    return {"kind": "line", "x": x, "y": y, "x2": x2, "y2": y2}
