"""Shared oracles for printing tests: decode symbols with zxing-cpp, render ZPL with zplkit,
rasterise PDF with poppler's pdftoppm (Debian poppler-utils, installed by .ci/test)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

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


def rasterise_pdf(pdf: bytes, dpi: int = 300) -> list[Image.Image]:
    """Every page as a grey image, not anti-aliased (as a thermal printer would print it)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        pytest.fail("pdftoppm is missing: apt-get install poppler-utils (.ci/test does)")
    with tempfile.TemporaryDirectory() as out:
        source = Path(out, "label.pdf")
        source.write_bytes(pdf)
        command = [exe, "-r", str(dpi), "-gray", "-aa", "no", "-aaVector", "no", "-png"]
        subprocess.run([*command, str(source), f"{out}/page"], check=True, timeout=60)
        pages = sorted(Path(out).glob("page*.png"))
        return [Image.open(io.BytesIO(page.read_bytes())) for page in pages]


@pytest.fixture
def pdf_pages() -> Callable[[bytes, int], list[Image.Image]]:
    return rasterise_pdf


@pytest.fixture
def decode_image() -> Callable[[Image.Image], Decoded]:
    return decode


@pytest.fixture
def zpl_image() -> Callable[[bytes, int, float, float], Image.Image]:
    return render_zpl_offline
