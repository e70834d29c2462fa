"""Shared oracles for printing tests: decode symbols with zxing-cpp, render ZPL with zplkit."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
import zplkit
import zxingcpp
from PIL import Image

Decoded = list[tuple[str, str]]


def decode(image: Image.Image) -> Decoded:
    """(AIM symbology identifier, raw text with GS kept) of every symbol found, sorted."""
    found = zxingcpp.read_barcodes(image.convert("L"), text_mode=zxingcpp.TextMode.Plain)
    return sorted((result.symbology_identifier, result.text) for result in found)


def render_zpl_offline(zpl: bytes, dpi: int, width_mm: float, height_mm: float) -> Image.Image:
    """Rasterise ZPL like a printer would, offline (zplkit; it does not know ^PQ)."""
    size = {"width": round(width_mm * dpi / 25.4), "height": round(height_mm * dpi / 25.4)}
    document = zplkit.render(re.sub(rb"\^PQ[^\n^]*", b"", zpl), zplkit.Options(dpi=dpi, **size))
    return Image.open(io.BytesIO(document.labels[0].png()))


@pytest.fixture
def decode_image() -> Callable[[Image.Image], Decoded]:
    return decode


@pytest.fixture
def zpl_image() -> Callable[[bytes, int, float, float], Image.Image]:
    return render_zpl_offline
