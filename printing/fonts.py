"""Find a font that can draw Chinese, once per process.

Printer-resident ZPL fonts have no Chinese glyphs, so all non-ASCII text is drawn by us.
Lookup order: fontconfig's match for Noto Sans CJK SC (``fonts-noto-cjk``), then any TTF/OTF
in the usual directories, then Pillow's built-in font.  fc-match always returns *some*
file, so ``has_cjk_font()`` reports separately whether a Chinese-capable font is installed.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from PIL import ImageFont

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
_CJK_FAMILY = "Noto Sans CJK SC"


def _fc(*args: str) -> str:
    exe = shutil.which("fc-match" if args[0] != "list" else "fc-list")
    if exe is None:
        return ""
    try:
        done = subprocess.run(
            [exe, *args[1:]], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


@functools.cache
def font_face(bold: bool = False) -> tuple[str, int] | None:
    """(file, face index) of the best available font, or None when only Pillow's default is
    left.  The index matters for collections: Noto Sans CJK's .ttc holds the Japanese face
    first, whose forms of some hanzi differ from the Simplified Chinese one fontconfig names.
    """
    pattern = f"{_CJK_FAMILY}:style=Bold" if bold else _CJK_FAMILY
    file, _, index = _fc("match", "-f", "%{file}|%{index}", pattern).partition("|")
    if file and Path(file).is_file():
        return file, int(index) if index.isdigit() else 0
    for directory in _FONT_DIRS:
        found = sorted(p for ext in ("*.ttf", "*.otf", "*.ttc") for p in directory.rglob(ext))
        if found:
            return str(found[0]), 0
    return None


def font_path(bold: bool = False) -> str | None:
    """Path of the best available font file, or None when only Pillow's default is left."""
    face = font_face(bold)
    return None if face is None else face[0]


@functools.cache
def has_cjk_font() -> bool:
    """True when fontconfig knows a font with Chinese (zh-cn) coverage."""
    return bool(_fc("list", ":lang=zh-cn", "file"))


@functools.lru_cache(maxsize=64)
def load_font(size_px: int, bold: bool = False) -> Font:
    """A font ``size_px`` dots high (em size); cached because templates reuse few sizes."""
    face = font_face(bold)
    if face is not None:
        return ImageFont.truetype(face[0], max(1, size_px), index=face[1])
    return ImageFont.load_default(max(1, size_px))
