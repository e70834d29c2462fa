"""Pure ZPL II rendering: ``LabelContent`` in, printer bytes out; golden-tested.

Bar codes use the printer's native encoders (``^BC``/``^BQ``/``^BX``) so it prints them at
full quality.  Resident fonts have no Chinese, so any text outside printable ASCII (and the
biohazard mark) is drawn by ``printing.raster`` and sent as ``^GFA`` graphics in plain ASCII
hex: uncompressed, but byte-stable for golden files and easy to inspect; a text line costs
about 2 KB.  So is text that must print in the preview's face: boxed (the DIN's check
character sits in the middle of the frame measured for it), rotated (the DIN's flags) and
``exact_face`` (the DIN, whose width places the flags and K after it).  Font 0 text is put
on the baseline the preview gives it.  Escaping rules (ZPL II guide ``^BC``, ``^BX``, ``^FH``):

* ``^`` and ``~`` are command prefixes anywhere, so such field data goes through ``^FH\\``
  hex escapes (``\\5E``, ``\\7E``); Code 128 uses its own invocation codes instead.
* In ``^BC`` data ``>`` starts an invocation code: ``>`` is sent as ``>0``, ``^`` as ``><``,
  ``~`` as ``>=``.  Digit runs of 4+ switch to subset C (``>5``/``>6``), as ISBT 128 asks.
* GS1-128 uses ``^BC`` mode D (leading FNC1 implied) with ``>8`` for each GS separator.
* ``^BX`` uses ``_`` as its escape character: ``_1`` is FNC1 and a literal ``_`` is ``__``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from PIL import Image, ImageOps

from printing.content import (
    GS,
    Barcode,
    Biohazard,
    Box,
    LabelContent,
    Line,
    Symbology,
    Text,
    is_printable_ascii,
)
from printing.content import mm_to_dots as _dots
from printing.measure import ascent_em
from printing.raster import biohazard_bitmap, fitted_font, text_bitmap
from printing.symbols import dots_per_module
from printing.walk import Drawn, symbol_modules, walk

_QR_MAX_MAGNIFICATION = 10
_FONT0_BASELINE = 0.775  # font 0's baseline below its field origin, in cell heights
_DIGIT_RUNS = re.compile(r"(\d{4,})")


def render_zpl(content: LabelContent, dpi: int = 203, darkness: int | None = None) -> bytes:
    """The complete label format, ``^XA`` … ``^XZ``, UTF-8 (``^CI28``), one command per line.

    ``darkness`` is sent as ``^MD`` (relative to the printer's saved darkness) inside the
    format, not as ``~SD``: ``~SD`` would change the printer's saved setting for every later
    job, from any application; ``^MD`` in each format applies to our labels only.
    """
    canvas = _ZplCanvas(dpi, measure=False)
    walk(content, canvas)
    return _format(content, dpi, canvas.fields, darkness)


def layout_zpl(content: LabelContent, dpi: int = 203) -> tuple[bytes, list[Drawn]]:
    """The ZPL and the elements it draws (``printing.walk``), symbols measured by encoding."""
    canvas = _ZplCanvas(dpi, measure=True)
    drawn = walk(content, canvas)
    return _format(content, dpi, canvas.fields), drawn


def _format(
    content: LabelContent, dpi: int, fields: list[str], darkness: int | None = None
) -> bytes:
    lines = [
        "^XA",
        "^CI28",
        *([] if darkness is None else [f"^MD{darkness}"]),
        f"^PW{_dots(content.width_mm, dpi)}",
        f"^LL{_dots(content.height_mm, dpi)}",
        "^LH0,0",
        *fields,
        f"^PQ{content.copies},0,1,N",
        "^XZ",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


class _ZplCanvas:
    """Collects one ZPL field per element and reports each one's extent in mm.

    Text in resident font 0 is measured with our raster font (the printer's font is narrower,
    so that is an upper bound).  Measuring a symbol means encoding it, which the printer does
    itself; only element listings (``measure``) pay for measuring, printing does not.
    """

    def __init__(self, dpi: int, measure: bool) -> None:
        self.dpi, self.measure = dpi, measure
        self.fields: list[str] = []

    def _mm(self, dots: float) -> float:
        return dots * 25.4 / self.dpi

    def _origin(self, x_mm: float, y_mm: float) -> tuple[str, float, float]:
        x, y = _dots(x_mm, self.dpi), _dots(y_mm, self.dpi)
        return f"^FO{x},{y}", self._mm(x), self._mm(y)

    def text(self, text: Text) -> Drawn:
        origin, x, y = self._origin(text.x_mm, text.y_mm)
        if text.rotated:
            bitmap = text_bitmap(text, self.dpi)
            self.fields.append(origin + graphic_field(bitmap))
            width, height = self._mm(bitmap.width), self._mm(bitmap.height)
            return Drawn("text", x, y, width, height, text.text)
        self.fields.append(_text(text, self.dpi, origin))
        if not self.measure:  # measuring text costs more than writing its ZPL field
            return Drawn("text", x, y, 0.0, 0.0, text.text)
        font = fitted_font(text, self.dpi)
        width = self._mm(font.getlength(text.text))
        if is_printable_ascii(text.text):  # ^A0 keeps the full height, narrows the width
            height = self._mm(max(1, _dots(text.height_mm, self.dpi)))
        else:
            height = self._mm(float(getattr(font, "size", _dots(text.height_mm, self.dpi))))
        return Drawn("text", x, y, width, height, text.text)

    def barcode(self, code: Barcode) -> Drawn:
        origin, x, y = self._origin(code.x_mm, code.y_mm)
        self.fields.append(origin + _barcode(code, self.dpi))
        if not self.measure:
            return Drawn("barcode", x, y, 0.0, 0.0, code.data)
        module = dots_per_module(code.module_mm, self.dpi)
        columns, rows = symbol_modules(code)
        height = rows * module if rows else max(1, _dots(code.height_mm, self.dpi))
        return Drawn("barcode", x, y, self._mm(columns * module), self._mm(height), code.data)

    def box(self, box: Box) -> Drawn:
        origin, x, y = self._origin(box.x_mm, box.y_mm)
        self.fields.append(origin + _box(box, self.dpi))
        width = max(1, _dots(box.width_mm, self.dpi))
        height = max(1, _dots(box.height_mm, self.dpi))
        return Drawn("box", x, y, self._mm(width), self._mm(height))

    def line(self, line: Line) -> Drawn:
        self.fields.append(_line(line, self.dpi))
        x0, y0 = (
            _dots(min(line.x_mm, line.x2_mm), self.dpi),
            _dots(min(line.y_mm, line.y2_mm), self.dpi),
        )
        width = _dots(abs(line.x2_mm - line.x_mm), self.dpi)
        height = _dots(abs(line.y2_mm - line.y_mm), self.dpi)
        return Drawn("line", self._mm(x0), self._mm(y0), self._mm(width), self._mm(height))

    def biohazard(self, mark: Biohazard) -> Drawn:
        origin, x, y = self._origin(mark.x_mm, mark.y_mm)
        bitmap = biohazard_bitmap(mark, self.dpi)
        self.fields.append(origin + graphic_field(bitmap))
        return Drawn("biohazard", x, y, self._mm(bitmap.width), self._mm(bitmap.height))


def _text(text: Text, dpi: int, origin: str) -> str:
    if not is_printable_ascii(text.text) or text.boxed or text.exact_face:
        # A boxed text (the DIN's check character) is drawn in the face its frame was
        # measured in, so it sits in the frame's middle as on the preview.
        return origin + _text_graphic(replace(text, x_mm=0, y_mm=0), dpi)
    height = max(1, _dots(text.height_mm, dpi))
    # Font 0 is narrower than our raster font, so the raster's fitted size is a safe bound.
    width = _fitted_size(text, dpi) if text.max_width_mm else height
    field = f"^A0N,{height},{width}{_field_data(text.text)}^FS"
    # Font 0 hangs from its field origin with its baseline at 0.775 of the cell (measured on
    # the zplkit renderer the tests use); our texts are placed by their ascender line, so
    # the origin moves down to put font 0 on the same baseline as the preview and the
    # bitmaps of Chinese text beside it.
    x = _dots(text.x_mm, dpi)
    y = _dots(text.y_mm, dpi) + round((ascent_em(text.bold) - _FONT0_BASELINE) * height)
    if not text.bold:
        return f"^FO{x},{y}{field}"
    # Font 0 has no bold face; overprinting one dot to the right thickens the strokes.
    return f"^FO{x},{y}{field}\n^FO{x + 1},{y}{field}"


@functools.lru_cache(maxsize=1024)
def _text_graphic(text: Text, dpi: int) -> str:
    """Font rasterising is 90% of the cost of a label, and a batch's labels share most lines
    (product name, batch, storage), so each distinct line is drawn once per session."""
    return graphic_field(text_bitmap(text, dpi))


def _barcode(code: Barcode, dpi: int) -> str:
    module = dots_per_module(code.module_mm, dpi)
    height = max(1, _dots(code.height_mm, dpi))
    if code.symbology is Symbology.CODE128:
        return f"^BY{module},3,{height}^BCN,{height},N,N,N,N^FD{code128_data(code.data)}^FS"
    if code.symbology is Symbology.GS1_128:
        data = _bc_escape(code.data).replace(GS, ">8")
        return f"^BY{module},3,{height}^BCN,{height},N,N,N,D^FD{data}^FS"
    if code.symbology is Symbology.QR:
        if module > _QR_MAX_MAGNIFICATION:
            raise ValueError(f"QR module of {module} dots exceeds ^BQ's maximum of 10")
        # Model 2, error level M, automatic input mode; data are UTF-8 thanks to ^CI28.
        return f"^BQN,2,{module}{_field_data('MA,' + code.data)}^FS"
    data = code.data.replace("_", "__")
    if code.symbology is Symbology.GS1_DATAMATRIX:
        data = "_1" + data.replace(GS, "_1")
    return f"^BXN,{module},200,,,,_{_field_data(data)}^FS"


def _fitted_size(text: Text, dpi: int) -> int:
    font = fitted_font(text, dpi)
    return max(1, int(getattr(font, "size", _dots(text.height_mm, dpi))))


def code128_data(data: str) -> str:
    """``^BC`` mode N field data: explicit start code, subset C for digit runs of 4+."""
    out: list[str] = []
    subset = ""  # "" = no start code yet
    for part in _DIGIT_RUNS.split(data):
        digits = part if _DIGIT_RUNS.fullmatch(part) else ""
        text = part[: len(digits) % 2] if digits else part  # C takes pairs; odd one goes in B
        if text:
            out.append({"": ">:", "C": ">6", "B": ""}[subset] + _bc_escape(text))
            subset = "B"
        if digits:
            out.append({"": ">;", "B": ">5", "C": ""}[subset] + digits[len(text) :])
            subset = "C"
    return "".join(out)


def _bc_escape(text: str) -> str:
    return text.replace(">", ">0").replace("^", "><").replace("~", ">=")


def _field_data(text: str) -> str:
    if "^" not in text and "~" not in text:
        return f"^FD{text}"
    escaped = text.replace("\\", "\\5C").replace("^", "\\5E").replace("~", "\\7E")
    return f"^FH\\^FD{escaped}"


def _box(box: Box, dpi: int) -> str:
    width, height = max(1, _dots(box.width_mm, dpi)), max(1, _dots(box.height_mm, dpi))
    thickness = min(width, height) if box.filled else max(1, _dots(box.thickness_mm, dpi))
    return f"^GB{width},{height},{thickness},B,0^FS"


def _line(line: Line, dpi: int) -> str:
    x0, y0 = _dots(min(line.x_mm, line.x2_mm), dpi), _dots(min(line.y_mm, line.y2_mm), dpi)
    width = _dots(abs(line.x2_mm - line.x_mm), dpi)
    height = _dots(abs(line.y2_mm - line.y_mm), dpi)
    thickness = max(1, _dots(line.thickness_mm, dpi))
    origin = f"^FO{x0},{y0}"
    if width == 0 or height == 0:  # ^GB draws straight lines; ^GD only diagonals
        return f"{origin}^GB{max(width, thickness)},{max(height, thickness)},{thickness},B,0^FS"
    # ^GD orientation: R leans like "/", L like "\".
    falling = (line.x2_mm - line.x_mm) * (line.y2_mm - line.y_mm) > 0
    return f"{origin}^GD{width},{height},{thickness},B,{'L' if falling else 'R'}^FS"


def graphic_field(image: Image.Image) -> str:
    """``^GFA`` in ASCII hex for a mode "1" image (0 = ink), one bit per dot, rows padded."""
    # Invert so ink is 1 as ZPL wants; row padding bits stay 0 (no ink) after the invert.
    ink = ImageOps.invert(image.convert("L")).convert("1")
    data = ink.tobytes()
    row_bytes = (image.width + 7) // 8
    return f"^GFA,{len(data)},{len(data)},{row_bytes},{data.hex().upper()}^FS"
