"""Fonts for the vector PDF: the raster's own face (``fonts.font_face``), embedded.

reportlab embeds only TrueType outlines, and Noto Sans CJK ships CFF (PostScript) outlines.
So the characters a document uses are cut out of the face with fontTools (a 20 MB
collection becomes a few kB), their cubic outlines converted to quadratic TrueType ones, and
the result registered with reportlab, which subsets and embeds it again.  A character the
face lacks raises ``LabelFontMissingError``: a label never loses text silently.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as ReportlabFont

from printing.errors import LabelFontMissingError
from printing.fonts import font_face

# Every printable ASCII character is always included, so labels of one batch (same wording,
# new DINs and dates) share one converted font instead of converting one per label.
_ASCII = "".join(chr(code) for code in range(0x20, 0x7F))
_MAX_ERROR_EM = 1 / 1000  # cubic → quadratic tolerance: 1 font unit of a 1000-unit em


@dataclass(frozen=True)
class PdfFont:
    """A registered reportlab font and its ascender (em fraction) as Pillow places text."""

    name: str
    ascent: float


def pdf_font(text: str, bold: bool) -> PdfFont:
    """A registered font able to draw every character of ``text`` (and all of ASCII)."""
    face = font_face(bold)
    if face is None:
        raise LabelFontMissingError(font="", chars=text)
    missing = "".join(sorted({c for c in text if ord(c) not in _cmap(*face)}))
    if missing:
        raise LabelFontMissingError(font=face[0], chars=missing)
    return _registered(face[0], face[1], "".join(sorted(set(text) | set(_ASCII))))


@functools.cache
def _cmap(path: str, index: int) -> frozenset[int]:
    with TTFont(path, fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap())


@functools.lru_cache(maxsize=32)
def _registered(path: str, index: int, chars: str) -> PdfFont:
    font = TTFont(path, fontNumber=index)
    options = subset.Options()
    options.name_IDs = ["*"]
    # Single lines, no shaping: the glyphs are what is drawn, so the (large, slow to read)
    # layout tables go.
    options.layout_features = []
    for tag in ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG"):
        if tag in font:
            del font[tag]
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    if "CFF " in font:
        _to_truetype(font)
    digest = hashlib.sha1(f"{path}|{index}|{chars}".encode()).hexdigest()[:12]
    # reportlab shares one font object among all fonts of the same PostScript name, so a
    # second subset of a face would silently draw with the first one's glyphs.
    names = font["name"]
    for record in [r for r in names.names if r.nameID == 6]:
        record.string = f"{record.toUnicode()}-{digest}"
    buffer = io.BytesIO()
    font.save(buffer)
    hhea, head = font["hhea"], font["head"]
    ascent = (hhea.ascent or font["OS/2"].sTypoAscender) / head.unitsPerEm
    name = f"CellTrail-{digest}"
    buffer.seek(0)
    pdfmetrics.registerFont(ReportlabFont(name, buffer))
    return PdfFont(name, ascent)


def _to_truetype(font: TTFont) -> None:
    """Replace the CFF table by a glyf table of the same glyphs (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    max_error = font["head"].unitsPerEm * _MAX_ERROR_EM
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["maxp"] = _maxp_v1(font)
    font["post"].formatType = 2.0  # glyph names kept for reportlab's subsetter
    font["post"].extraNames = []
    font["post"].mapping = {}
    font["post"].glyphOrder = order
    font["head"].glyphDataFormat = 0
    del font["CFF "]
    font.sfntVersion = "\x00\x01\x00\x00"


def _maxp_v1(font: TTFont) -> object:
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    return maxp
