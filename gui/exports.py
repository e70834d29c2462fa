"""CSV and PDF files for QA: audit extracts, trace reports and batch records.

Writers run on the worker thread (run_op): QTextDocument + QPdfWriter are usable outside
the GUI thread, and nothing here touches a widget.  CSV is UTF-8 with a BOM so Excel
shows Chinese correctly.  Every export is itself recorded in the audit trail.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from gui.operations import Progress
from models.core import Core

Cell = str | int | float | None


@dataclass
class Section:
    heading: str
    header: Sequence[str]
    rows: list[Sequence[Cell]] = field(default_factory=list)


@dataclass
class Report:
    """A titled document: key/value lines, then tables.  Same content for PDF and CSV."""

    title: str
    meta: list[tuple[str, str]]
    sections: list[Section]

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)


def write_csv(report: Report, path: Path, progress: Progress | None = None) -> Path:
    """One CSV: a section column first, so several tables fit one file and stay parseable."""
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
    return path


def _table_html(section: Section) -> Iterable[str]:
    yield f"<h2>{html.escape(section.heading)}</h2>"
    yield '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
    yield "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in section.header) + "</tr>"
    for row in section.rows:
        cells = "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row)
        yield f"<tr>{cells}</tr>"
    yield "</table>"


def report_html(report: Report) -> str:
    parts = [
        # A Latin font first: Qt maps Noto CJK's Latin glyphs without ToUnicode entries,
        # which makes digits unsearchable in the PDF.
        '<html><body style=\'font-family:"DejaVu Sans",Arial,"Noto Sans CJK SC",'
        '"Microsoft YaHei",sans-serif; font-size:8pt\'>',
        f"<h1>{html.escape(report.title)}</h1><p>",
    ]
    parts += [f"<b>{html.escape(k)}:</b> {html.escape(v)}<br>" for k, v in report.meta]
    parts.append("</p>")
    for section in report.sections:
        parts.extend(_table_html(section))
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(report: Report, path: Path, progress: Progress | None = None) -> Path:
    """A4 landscape, fonts embedded (Noto CJK on Linux, Microsoft YaHei on Windows)."""
    if progress:
        progress(0, 0)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    writer.setTitle(report.title)
    writer.setCreator("CellTrail")
    document = QTextDocument()
    document.setHtml(report_html(report))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    return path


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
