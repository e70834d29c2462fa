"""Preview of a label exactly as printed: the printing package's own raster at the
printer's resolution (printing.raster.render_image), shown scaled to fit, never re-drawn."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from printing.content import LabelContent
from printing.raster import render_image

_DEFAULT_DPI = {"tcp": 203, "system": 203, "file": 300}


def printer_dpi(url: str) -> int:
    """The resolution a printer URL prints at (its ``dpi=`` option or the scheme default)."""
    parts = urlsplit(url)
    values = parse_qs(parts.query).get("dpi")
    if values and values[-1].isdigit():
        return int(values[-1])
    return _DEFAULT_DPI.get(parts.scheme.lower(), 203)


def to_qimage(image: Image.Image) -> QImage:
    gray = image.convert("L")
    data = gray.tobytes()
    qimage = QImage(data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8)
    return qimage.copy()  # own the pixels; ``data`` goes away


class LabelPreview(QLabel):
    """Shows one label; ``image`` is the unscaled raster (what the printer receives)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelPreview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(260, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image: QImage | None = None
        self.dpi = 0

    def show_content(self, content: LabelContent, dpi: int) -> None:
        self.image, self.dpi = to_qimage(render_image(content, dpi)), dpi
        self._rescale()

    def show_message(self, text: str) -> None:
        self.image = None
        self.clear()
        self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self.image is None:
            return
        box = self.contentsRect().size() - QSize(8, 8)
        pixmap = QPixmap.fromImage(self.image)
        if box.width() > 16 and box.height() > 16:
            pixmap = pixmap.scaled(
                box,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.setPixmap(pixmap)
