"""Vector warning marks drawn straight onto a bitmap (no image files to ship or validate)."""

from __future__ import annotations

import math

from PIL import ImageDraw

_INK, _PAPER = 0, 1


def _disc(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: int) -> None:
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)


def draw_biohazard(draw: ImageDraw.ImageDraw, x: int, y: int, size: int) -> None:
    """Biohazard symbol inside a bold warning triangle filling a ``size`` square at (x, y).

    The trefoil is built from discs (three dark discs, each hollowed by a smaller off-centre
    light disc, plus a light hub and a dark ring), which stays recognisable down to ~6 mm.
    """
    height = size * math.sqrt(3) / 2
    top = y + (size - height) / 2
    corners = [(x + size / 2, top), (x + size, top + height), (x, top + height)]
    draw.polygon(corners, outline=_INK, width=max(1, size // 12))
    cx, cy, radius = x + size / 2, top + height * 0.64, size * 0.24
    arms = [math.radians(a) for a in (-90, 30, 150)]
    for angle in arms:
        _disc(
            draw,
            cx + 0.45 * radius * math.cos(angle),
            cy + 0.45 * radius * math.sin(angle),
            0.5 * radius,
            _INK,
        )
    for angle in arms:
        _disc(
            draw,
            cx + 0.6 * radius * math.cos(angle),
            cy + 0.6 * radius * math.sin(angle),
            0.33 * radius,
            _PAPER,
        )
    ring = 0.55 * radius
    draw.ellipse(
        (cx - ring, cy - ring, cx + ring, cy + ring),
        outline=_INK,
        width=max(1, round(radius * 0.1)),
    )
    _disc(draw, cx, cy, 0.14 * radius, _PAPER)
