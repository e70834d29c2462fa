"""CSV and PDF files for QA: audit extracts, trace reports and batch records.

Writers run on the worker thread (run_op): QTextDocument + QPdfWriter are usable outside
the GUI thread, and nothing here touches a widget.  CSV is UTF-8 with a BOM so Excel
shows Chinese correctly.  Every export is itself recorded in the audit trail.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from gui.i18n import format_number
from gui.operations import Progress
from models.core import Core

Cell = str | int | float | None

# Linux: DejaVu Sans + fonts-noto-cjk; Windows: Arial + Microsoft YaHei (shipped with the OS).
PDF_FAMILIES = ["DejaVu Sans", "Arial", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
PDF_DPI = 150
BODY_POINTS = 9.0  # readable on paper (issue 14: 8 pt came out as 32 pages of tiny print)
BAND_POINTS = 8.0
HASH_POINTS = 6.5  # a hash in two lines of 32 fits a narrow column, still legible
BAND_INCHES = 0.3
_HASH = re.compile(r"[0-9a-f]{64}")  # a SHA-256 in hex: entry and content hashes


@dataclass
class Section:
    heading: str
    header: Sequence[str]
    rows: list[Sequence[Cell]] = field(default_factory=list)
    widths: Sequence[int] = ()  # PDF column widths in percent of the page; () = by content


@dataclass
class Report:
    """A titled document: key/value lines, then tables.  Same content for PDF and CSV."""

    title: str
    meta: list[tuple[str, str]]
    sections: list[Section]
    # a training or validation database's "TEST — NOT FOR CLINICAL USE" (issue 16): it heads
    # the title, so every PDF page's running title and the CSV's title row carry it
    banner: str | None = None

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)

    @property
    def heading(self) -> str:
        return f"{self.banner} · {self.title}" if self.banner else self.title


def write_csv(report: Report, path: Path, progress: Progress | None = None) -> Path:
    """One CSV: a section column first, so several tables fit one file and stay parseable.

    Each section starts with its own ``section`` header row: the records first, then (for an
    audit extract) the signatures of those records, and last the report's facts (who, when,
    the chain check and the chain head) as a section of field/value rows."""
    total, done = report.row_count, 0
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        for section in report.sections:
            writer.writerow(["section", *section.header])
            for row in section.rows:
                writer.writerow([section.heading, *("" if v is None else v for v in row)])
                done += 1
                if progress and done % 500 == 0:
                    progress(done, total)
        heading = QCoreApplication.translate("Reports", "Report")
        writer.writerow(
            [
                "section",
                QCoreApplication.translate("Reports", "Field"),
                QCoreApplication.translate("Reports", "Value"),
            ]
        )
        writer.writerow([heading, QCoreApplication.translate("Reports", "Title"), report.heading])
        for key, value in report.meta:
            writer.writerow([heading, key, value])
    return path


def _table_html(section: Section) -> Iterable[str]:
    yield f"<h2>{html.escape(section.heading)}</h2>"
    yield '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
    # <thead>: Qt repeats these rows at the top of every page the table continues on
    widths = section.widths or [0] * len(section.header)
    yield "<thead><tr>"
    yield "".join(
        f'<th width="{w}%">{html.escape(h)}</th>' if w else f"<th>{html.escape(h)}</th>"
        for h, w in zip(section.header, widths, strict=False)
    )
    yield "</tr></thead>"
    for row in section.rows:
        yield "<tr>" + "".join(f"<td>{_cell_html(v)}</td>" for v in row) + "</tr>"
    yield "</table>"


def _cell_html(value: Cell) -> str:
    text = "" if value is None else str(value)
    if _HASH.fullmatch(text):
        # two even halves, not wherever the column happens to end: readable and comparable
        return f'<span style="font-size:{HASH_POINTS}pt">{text[:32]}<br>{text[32:]}</span>'
    return html.escape(text)


def report_html(report: Report) -> str:
    """The document's body; its font is the document's default font (report_font)."""
    parts = [f"<html><body><h1>{html.escape(report.heading)}</h1><p>"]
    parts += [f"<b>{html.escape(k)}:</b> {html.escape(v)}<br>" for k, v in report.meta]
    parts.append("</p>")
    for section in report.sections:
        parts.extend(_table_html(section))
    parts.append("</body></html>")
    return "".join(parts)


def report_font(point_size: float = BODY_POINTS) -> QFont:
    """A Latin face first, CJK after it for Chinese text only: Qt embeds Noto CJK's Latin
    glyphs without ToUnicode entries, so digits and hashes set in it cannot be searched or
    extracted from the PDF. Set on the document explicitly, so the report never depends on
    the application font some screen (or test) set last."""
    font = QFont()
    font.setFamilies(PDF_FAMILIES)
    font.setPointSizeF(point_size)
    # No ligatures: DejaVu sets "ff", "fi", "fl" as one glyph, and a hash with "ff" in it
    # then comes out of the PDF as "\ufb00", so the anchor could not be found or compared.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def write_pdf(report: Report, path: Path, progress: Progress | None = None) -> Path:
    """A4 landscape, fonts embedded; every page has the title, the table headings and
    "Page i of n"."""
    if progress:
        progress(0, 0)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 10, 12, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(PDF_DPI)
    writer.setTitle(report.heading)
    writer.setCreator("CellTrail")
    document = QTextDocument()
    # Lay out at the PDF's resolution, not the screen's: point sizes and the page width then
    # mean the same on every machine, so no line wraps differently under another screen DPI.
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(report_font())
    document.setHtml(report_html(report))
    _paginate(document, writer, report.heading)
    return path


def _paginate(document: QTextDocument, writer: QPdfWriter, title: str) -> None:
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    band = round(writer.resolution() * BAND_INCHES)  # running title above, page number below
    body = QSizeF(rect.width(), rect.height() - 2 * band)
    document.setPageSize(body)
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        painter.setFont(report_font(BAND_POINTS))
        for index in range(pages):
            if index:
                writer.newPage()
            top = QRectF(0, 0, rect.width(), band)
            bottom = QRectF(0, rect.height() - band, rect.width(), band)
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
            page_text = QCoreApplication.translate("Reports", "Page {0} of {1}").format(
                index + 1, pages
            )
            painter.drawText(
                bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, page_text
            )
            painter.save()
            offset = index * body.height()
            painter.translate(0, band - offset)
            document.drawContents(painter, QRectF(0, offset, body.width(), body.height()))
            painter.restore()
    finally:
        painter.end()


def saved_text(rows: int, path: Path) -> str:
    """What the user reads once an export is on disk (issue 14: exports were saved silently)."""
    return QCoreApplication.translate("Reports", "Saved {0} rows to {1}").format(
        format_number(rows), str(path)
    )


def write_report(report: Report, path: Path, progress: Progress | None = None) -> Path:
    if path.suffix.lower() == ".pdf":
        return write_pdf(report, path, progress)
    return write_csv(report, path, progress)


def record_export(core: Core, actor: str, kind: str, subject: str, path: Path, rows: int) -> None:
    """Attributable export (Annex 11 §8): who exported what, when, how many rows."""
    core.reports.record_export(
        actor=actor,
        kind=kind,
        subject=subject,
        file_name=path.name,
        rows=rows,
        file_format=path.suffix.lstrip(".").lower(),
    )
