"""Read the client's resources (style sheet, translations) from the installed package.

``importlib.resources`` finds them in a source checkout, an editable install and a wheel
install alike; pyproject.toml ships ``resources/style.qss`` and ``resources/translations/*.qm``
as package data of the ``resources`` package.
"""

from __future__ import annotations

from importlib.resources import files

PACKAGE = "resources"


def read_bytes(*parts: str) -> bytes:
    """The bytes of ``resources/<parts...>``; FileNotFoundError names the missing file."""
    node = files(PACKAGE)
    for part in parts:
        node = node / part
    if not node.is_file():
        raise FileNotFoundError(f"{PACKAGE}/{'/'.join(parts)}")
    return node.read_bytes()


def style_sheet() -> str:
    return read_bytes("style.qss").decode("utf-8")


def translation(name: str) -> bytes:
    """A compiled translation (``celltrail_zh_CN.qm``) as bytes for ``QTranslator.load``."""
    return read_bytes("translations", name)
