"""What each renderer drew for one label, as ``printing.walk.Drawn`` lists (ZPL, PNG, PDF).

The preview shows the PNG raster, so its list is the PNG one.  Tests compare these lists to
hold the renderers to one layout.
"""

from __future__ import annotations

from typing import Literal

from printing.content import LabelContent
from printing.pdf import layout_pdf
from printing.raster import layout_image
from printing.walk import Drawn
from printing.zpl import layout_zpl

Renderer = Literal["zpl", "png", "pdf"]


def drawn_elements(content: LabelContent, renderer: Renderer, dpi: int) -> list[Drawn]:
    """The elements ``renderer`` draws for one copy of ``content``, in drawing order."""
    if renderer == "zpl":
        return layout_zpl(content, dpi)[1]
    if renderer == "png":
        return layout_image(content, dpi)[1]
    return layout_pdf(content, dpi)[1][0]
