"""The TEST banner of a training or validation database, placed where a label has room.

Every label of a test database carries "TEST — NOT FOR CLINICAL USE" in English and Chinese
(R-CSV-33, models/kernel/db_purpose.py). Templates are written for production and leave no
slot for it, so the banner goes into the largest free rectangle of the finished label: never
over a symbol or its quiet zone (it must still scan) or over a text. Extents are estimated
generously (text as wide as its characters could be, symbols with their quiet zones), so the
banner may come out smaller than it could, never on top of something. A label too small for
the full words to be legible carries "TEST 测试" (a partial vial label: its information sheet
carries the full words); a label with no room even for that is refused rather than printed
without it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from models.i18n import render
from models.labeling.errors import BannerNoRoomError
from printing.content import Barcode, Biohazard, Box, Element, LabelContent, Line, Text
from printing.walk import symbol_modules

MARGIN_MM = 0.4  # free space kept between the banner and anything else on the label
EDGE_MM = 0.5  # and from the label's edges (the shipped templates print 0.6 mm from them)
MIN_HEIGHT_MM = 0.6  # smaller is no longer a banner anyone reads
LEGIBLE_MM = 1.0  # below this the full words give way to the short "TEST 测试" if it is larger
LINE_SPACING = 1.5  # line box / font size: Noto Sans CJK spans 1.45 em, ascender to descender
_NARROW_EM, _WIDE_EM = 0.62, 1.0  # generous advance widths of Latin and CJK characters
_Y_STEP_MM = 0.5
_BAND_HEIGHTS_MM = (1.0, 1.5, 2.0, 2.5, 3.0, 3.75, 4.5, 5.5, 7.0, 9.0)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def overlaps_rows(self, top: float, bottom: float) -> bool:
        return self.y < bottom and top < self.y + self.h


def em_width(text: str) -> float:
    """The text's width in font sizes, as wide as its characters could be."""
    return sum(_WIDE_EM if unicodedata.east_asian_width(c) in "WF" else _NARROW_EM for c in text)


def with_banner(content: LabelContent, lines: tuple[str, str]) -> LabelContent:
    """``content`` with the banner (English, Chinese) added in its largest free space."""
    banner = place_banner(content, lines)
    return LabelContent(
        content.width_mm, content.height_mm, (*content.elements, *banner), content.copies
    )


def place_banner(content: LabelContent, lines: tuple[str, str]) -> tuple[Text, ...]:
    """The banner's text elements. The full words where they fit legibly; on a label too
    small for that (a partial vial label) the short "TEST 测试" when it comes out larger (its
    information sheet carries the full words); refused when neither fits at all."""
    taken = [rect for element in content.elements for rect in occupied(element)]
    full_height, full = _best(content, taken, lines)
    if full_height >= LEGIBLE_MM:
        return full
    short = (render("db_purpose.banner_short", "en"), render("db_purpose.banner_short", "zh"))
    short_height, brief = _best(content, taken, short)
    if short_height >= max(full_height, MIN_HEIGHT_MM):
        return brief
    if full_height >= MIN_HEIGHT_MM:
        return full
    raise BannerNoRoomError(width=content.width_mm, height=content.height_mm)


def _best(
    content: LabelContent, taken: list[Rect], lines: tuple[str, str]
) -> tuple[float, tuple[Text, ...]]:
    """The largest banner of ``lines`` the free space allows: one line (both languages) or
    two, whichever is larger; its font size and elements."""
    one = " ".join(lines)
    best: tuple[float, tuple[Text, ...]] = (0.0, ())
    # the widest a banner could be: what no band can beat is not tried
    widest = (content.width_mm - 2 * EDGE_MM) / min(em_width(one), max(map(em_width, lines)))
    for top, band in _bands(content.height_mm):
        if min(band / LINE_SPACING, widest) <= best[0]:
            continue
        left, width = _widest_gap(taken, content.width_mm, top, top + band)
        if width <= 0:
            continue
        single = min(band / LINE_SPACING, width / em_width(one))
        double = min(band / (2 * LINE_SPACING), width / max(map(em_width, lines)))
        if max(single, double) <= best[0]:
            continue
        if single >= double:
            best = (single, (Text(left, top, one, single, True, width),))
        else:
            second = top + double * LINE_SPACING
            best = (
                double,
                (
                    Text(left, top, lines[0], double, True, width),
                    Text(left, second, lines[1], double, True, width),
                ),
            )
    return best


def _bands(height: float) -> list[tuple[float, float]]:
    """Every (top, height) band the search tries inside the label's edges, tallest first."""
    found = []
    for band in sorted(_BAND_HEIGHTS_MM, reverse=True):
        top = EDGE_MM
        while top + band <= height - EDGE_MM + 1e-9:
            found.append((top, band))
            top += _Y_STEP_MM
    return found


def _widest_gap(taken: list[Rect], width: float, top: float, bottom: float) -> tuple[float, float]:
    """(left, width) of the widest free stretch of the band [top, bottom]."""
    blocked = sorted(
        (r.x - MARGIN_MM, r.x + r.w + MARGIN_MM) for r in taken if r.overlaps_rows(top, bottom)
    )
    best, cursor = (0.0, 0.0), EDGE_MM
    for start, end in [*blocked, (width - EDGE_MM, width)]:
        if start - cursor > best[1]:
            best = (cursor, start - cursor)
        cursor = max(cursor, end)
    return best


def occupied(element: Element) -> list[Rect]:
    """Where an element may draw, generously (quiet zones included)."""
    if isinstance(element, Text):
        width = em_width(element.text) * element.height_mm
        if element.max_width_mm is not None:
            width = min(width, element.max_width_mm)
        return [Rect(element.x_mm, element.y_mm, width, element.height_mm * LINE_SPACING)]
    if isinstance(element, Barcode):
        return [_symbol(element)]
    if isinstance(element, Biohazard):
        return [Rect(element.x_mm, element.y_mm, element.size_mm, element.size_mm)]
    if isinstance(element, Box):
        return _box(element)
    return [_line(element)]


def _symbol(code: Barcode) -> Rect:
    columns, rows = symbol_modules(code)
    x = code.module_mm
    if code.symbology.is_linear:  # ISBT 128: a 10X quiet zone either side
        return Rect(code.x_mm - 10 * x, code.y_mm, (columns + 20) * x, code.height_mm)
    return Rect(code.x_mm - x, code.y_mm - x, (columns + 2) * x, (rows + 2) * x)


def _box(box: Box) -> list[Rect]:
    if box.filled:
        return [Rect(box.x_mm, box.y_mm, box.width_mm, box.height_mm)]
    t = box.thickness_mm
    right, bottom = box.x_mm + box.width_mm - t, box.y_mm + box.height_mm - t
    return [  # a frame: its four sides (the banner may sit inside it)
        Rect(box.x_mm, box.y_mm, box.width_mm, t),
        Rect(box.x_mm, bottom, box.width_mm, t),
        Rect(box.x_mm, box.y_mm, t, box.height_mm),
        Rect(right, box.y_mm, t, box.height_mm),
    ]


def _line(line: Line) -> Rect:
    x0, x1 = sorted((line.x_mm, line.x2_mm))
    y0, y1 = sorted((line.y_mm, line.y2_mm))
    t = line.thickness_mm
    return Rect(x0 - t, y0 - t, x1 - x0 + 2 * t, y1 - y0 + 2 * t)
