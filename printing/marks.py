"""Warning marks as geometry (no image files to ship or validate), drawn by every renderer.

``biohazard_shapes`` is the one definition of the mark; ``draw_biohazard`` paints it on a
bitmap and the vector PDF strokes and fills the same shapes as paths.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import ImageDraw

_INK, _PAPER = 0, 1


@dataclass(frozen=True)
class Triangle:
    """An outlined triangle; ``width`` is the stroke, drawn inside the corners."""

    corners: tuple[tuple[float, float], ...]
    width: float


@dataclass(frozen=True)
class Disc:
    cx: float
    cy: float
    r: float
    ink: bool  # False: paper, punched out of what is below


@dataclass(frozen=True)
class Ring:
    """A circle outline whose stroke lies inside radius ``r`` (as Pillow draws it)."""

    cx: float
    cy: float
    r: float
    width: float


Shape = Triangle | Disc | Ring


def biohazard_shapes(x: float, y: float, size: float) -> list[Shape]:
    """Biohazard symbol inside a bold warning triangle filling a ``size`` square at (x, y),
    in painting order.

    The trefoil is built from discs (three dark discs, each hollowed by a smaller off-centre
    light disc, plus a light hub and a dark ring), which stays recognisable down to ~6 mm.
    """
    height = size * math.sqrt(3) / 2
    top = y + (size - height) / 2
    corners = ((x + size / 2, top), (x + size, top + height), (x, top + height))
    shapes: list[Shape] = [Triangle(corners, size / 12)]
    cx, cy, radius = x + size / 2, top + height * 0.64, size * 0.24
    arms = [math.radians(a) for a in (-90, 30, 150)]
    for offset, r, ink in ((0.45, 0.5, True), (0.6, 0.33, False)):
        shapes += [
            Disc(
                cx + offset * radius * math.cos(a),
                cy + offset * radius * math.sin(a),
                r * radius,
                ink,
            )
            for a in arms
        ]
    shapes.append(Ring(cx, cy, 0.55 * radius, radius * 0.1))
    shapes.append(Disc(cx, cy, 0.14 * radius, False))
    return shapes


def draw_biohazard(draw: ImageDraw.ImageDraw, x: int, y: int, size: int) -> None:
    """The mark on a mode "1" bitmap; strokes are whole dots, at least one."""
    for shape in biohazard_shapes(x, y, size):
        if isinstance(shape, Triangle):
            # size // 12, not round(): keeps the bitmaps byte-identical to earlier releases.
            draw.polygon(list(shape.corners), outline=_INK, width=max(1, size // 12))
        elif isinstance(shape, Disc):
            box = (shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r)
            draw.ellipse(box, fill=_INK if shape.ink else _PAPER)
        else:
            box = (shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r)
            draw.ellipse(box, outline=_INK, width=max(1, round(shape.width)))
