"""Device-independent description of one label: what goes where, in millimetres.

Every renderer (raster preview, PDF, ZPL) consumes these values, so a template is written
once and prints the same on any device.  All coordinates are the top-left corner of the
element, measured from the top-left corner of the label.

GS1 convention: GS1 data (``GS1_128``, ``GS1_DATAMATRIX``) is the plain element string
without parentheses, with ASCII GS ``"\\x1d"`` after every variable-length field that is
not last, e.g. ``"0109506000134352" "10LOT42\\x1d" "21SN0001"``.  The leading FNC1 is
implied; renderers translate each GS into the symbology's FNC1.  This is also exactly what
a scanner with AIM prefixes returns (after ``]C1`` / ``]d2``), so scan-back can compare
strings directly.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

GS = "\x1d"


class Symbology(enum.Enum):
    CODE128 = "code128"
    GS1_128 = "gs1_128"
    QR = "qr"
    DATAMATRIX = "datamatrix"
    GS1_DATAMATRIX = "gs1_datamatrix"

    @property
    def is_gs1(self) -> bool:
        return self in (Symbology.GS1_128, Symbology.GS1_DATAMATRIX)

    @property
    def is_linear(self) -> bool:
        return self in (Symbology.CODE128, Symbology.GS1_128)


_ASCII_PRINTABLE = frozenset(chr(code) for code in range(0x20, 0x7F))


def is_printable_ascii(data: str, allow_gs: bool = False) -> bool:
    """True when every character is printable ASCII (plus GS if ``allow_gs``)."""
    return all(c in _ASCII_PRINTABLE or (allow_gs and c == GS) for c in data)


@dataclass(frozen=True)
class Text:
    """One line of text; ``height_mm`` is the font size (em height).  May contain Chinese."""

    x_mm: float
    y_mm: float
    text: str
    height_mm: float
    bold: bool = False
    max_width_mm: float | None = None  # shrink the font (never wrap) to fit this width
    boxed: bool = False  # framed, as ISBT 128 prints the DIN's check character
    # Turned 90° clockwise (reads top to bottom), as ISBT 128 prints the DIN's flag
    # characters; (x, y) is then the top-left of the turned line, whose ascender line is its
    # right edge.
    rotated: bool = False
    # Printed in the preview's face on every device (ZPL as a bitmap, not in font 0), for text
    # that other elements are placed after by its measured width, such as the DIN before its
    # flags and check character.  Rotated and boxed texts always are.
    exact_face: bool = False

    def __post_init__(self) -> None:
        if "\n" in self.text or "\r" in self.text:
            raise ValueError("Text is a single line; use one Text element per line")
        if self.height_mm <= 0:
            raise ValueError("Text height must be positive")
        if self.rotated and self.boxed:
            raise ValueError("A rotated text cannot be boxed")


@dataclass(frozen=True)
class Barcode:
    """A bar code or 2-D symbol without human-readable text (add a ``Text`` for that).

    ``height_mm`` is the bar height of linear codes and is ignored by 2-D symbols, whose size
    follows from the data and ``module_mm`` (the X dimension, snapped to whole printer dots).
    The caller leaves the quiet zone (>= 10X linear, >= X 2-D per ISBT 128) free.
    """

    x_mm: float
    y_mm: float
    symbology: Symbology
    data: str
    height_mm: float = 10.0
    module_mm: float = 0.25

    def __post_init__(self) -> None:
        if not self.data:
            raise ValueError("Barcode data must not be empty")
        # Code 128 and our Data Matrix path are ASCII-only so that raster and ZPL agree;
        # only QR carries UTF-8 (e.g. Chinese) text.
        if self.symbology is not Symbology.QR and not is_printable_ascii(
            self.data, allow_gs=self.symbology.is_gs1
        ):
            raise ValueError(f"{self.symbology.value} data must be printable ASCII")
        if self.symbology.is_gs1 and (self.data.startswith(GS) or self.data.endswith(GS)):
            raise ValueError("GS separates GS1 fields; it must not lead or trail")
        if self.module_mm <= 0 or self.height_mm <= 0:
            raise ValueError("Barcode module and height must be positive")


@dataclass(frozen=True)
class Box:
    """A rectangle frame (or a solid block with ``filled``)."""

    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    thickness_mm: float = 0.3
    filled: bool = False


@dataclass(frozen=True)
class Line:
    """A straight line from (x_mm, y_mm) to (x2_mm, y2_mm)."""

    x_mm: float
    y_mm: float
    x2_mm: float
    y2_mm: float
    thickness_mm: float = 0.3


@dataclass(frozen=True)
class Biohazard:
    """The biohazard warning mark inside a bold triangle, ``size_mm`` wide and high."""

    x_mm: float
    y_mm: float
    size_mm: float


Element = Text | Barcode | Box | Line | Biohazard


@dataclass(frozen=True)
class LabelContent:
    """A whole label: its size, its elements in drawing order, and how many copies to print."""

    width_mm: float
    height_mm: float
    elements: tuple[Element, ...] = field(default_factory=tuple)
    copies: int = 1

    def __post_init__(self) -> None:
        if self.width_mm <= 0 or self.height_mm <= 0:
            raise ValueError("Label size must be positive")
        if self.copies < 1:
            raise ValueError("copies must be at least 1")


def mm_to_dots(mm: float, dpi: int) -> int:
    """Millimetres to printer dots, rounded to the nearest dot."""
    return round(mm * dpi / 25.4)
