"""The qualification report as PDF: real, searchable text in the reader's language.

Typeset with reportlab in the face labels use (printing/pdf_fonts.py: Noto Sans CJK cut
down to the characters the report holds and embedded as TrueType, so Latin, digits, hashes
and Chinese all come out of ``pdftotext`` as they went in). A4 portrait; every page carries
the report's title, the overall result and its page number.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from models.i18n import render
from models.validation.registry import load_registry
from models.validation.run import ValidationRun
from models.validation.steps import StepResult, Verdict

MARGIN = 15 * mm
COLUMNS = (14 * mm, 56 * mm, 64 * mm, 26 * mm, 20 * mm)  # 180 mm: A4 less the margins
BODY_PT, SMALL_PT, TITLE_PT = 8.5, 7.5, 15.0
_VERDICT_COLOUR = {
    Verdict.PASS: "#1b7f3b",
    Verdict.FAIL: "#c62828",
    Verdict.NOT_APPLICABLE: "#555555",
}


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    bold: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    fonts: tuple[str, str]  # regular, bold


def write_report(run: ValidationRun, path: Path, lang: str, signature: str | None) -> None:
    """Write the report of ``run`` to ``path``; ``signature`` is the signature block's text
    (None: unsigned)."""
    texts = _texts(run, lang, signature)
    styles = _styles("".join(texts), lang)
    title = render("validate.report.title", lang)
    overall = _overall(run, lang)
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN,
        title=title,
        author="CellTrail",
        creator="celltrail validate",
    )

    def band(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(styles.fonts[0], SMALL_PT)
        canvas.drawString(MARGIN, A4[1] - MARGIN, f"{title} — {overall}")
        page = render("validate.report.page", lang, page=doc.page)
        canvas.drawRightString(A4[0] - MARGIN, MARGIN / 2, page)
        canvas.restoreState()

    document.build(_story(run, lang, signature, styles), onFirstPage=band, onLaterPages=band)


def _overall(run: ValidationRun, lang: str) -> str:
    if run.passed:
        return render("validate.report.overall_pass", lang)
    return render("validate.report.overall_fail", lang, steps=", ".join(r.id for r in run.failures))


def _texts(run: ValidationRun, lang: str, signature: str | None) -> list[str]:
    """Every character the report may draw: the embedded font must cover all of them."""
    fixed = [
        render(code, lang)
        for code in (
            "validate.report.title",
            "validate.report.subtitle",
            "validate.report.environment",
            "validate.report.iq",
            "validate.report.oq",
            "validate.report.step",
            "validate.report.requirements",
            "validate.report.expected",
            "validate.report.observed",
            "validate.report.verdict",
            "validate.report.signature",
            "validate.report.sign_here",
            "validate.report.limits",
            "validate.report.page",
            "validate.report.codes",
            "validate.report.summary",
            "validate.report.overall_fail",
        )
    ]
    registry = load_registry()
    steps = [
        part
        for r in run.results
        for part in (r.title(lang), r.expected(lang), r.observed.message(lang), *r.codes)
    ]
    titles = [registry.get(c).title for c in run.codes if c in registry]
    environment = [render(k, lang) + v for k, v in run.environment.rows()]
    verdicts = [render(f"validate.verdict.{v.value}", lang) for v in Verdict]
    return [*fixed, *steps, *titles, *environment, *verdicts, signature or "", "0123456789"]


def _styles(text: str, lang: str) -> Styles:
    from printing.pdf_fonts import pdf_font

    regular, bold = pdf_font(text, False).name, pdf_font(text, True).name
    # <b> inside a paragraph picks the family's bold face
    registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
    wrap = "CJK" if lang == "zh" else None  # Chinese breaks between any two characters
    body = ParagraphStyle("body", fontName=regular, fontSize=BODY_PT, leading=BODY_PT * 1.3)
    body.wordWrap = wrap
    small = ParagraphStyle("small", parent=body, fontSize=SMALL_PT, leading=SMALL_PT * 1.3)
    strong = ParagraphStyle("bold", parent=body, fontName=bold)
    title = ParagraphStyle("title", parent=strong, fontSize=TITLE_PT, leading=TITLE_PT * 1.4)
    heading = ParagraphStyle("heading", parent=strong, fontSize=11, leading=15, spaceBefore=8)
    return Styles(body, small, strong, title, heading, (regular, bold))


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(html.escape(text), style)


def _story(run: ValidationRun, lang: str, signature: str | None, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        _p(render("validate.report.title", lang), s.title),
        _p(render("validate.report.subtitle", lang), s.body),
        Spacer(1, 4 * mm),
        _result_line(run, lang, s),
        _p(_summary(run, lang), s.body),
        _p(render("validate.report.environment", lang), s.heading),
        _pairs([(render(k, lang), v) for k, v in run.environment.rows()], s),
    ]
    for phase, code in (("IQ", "validate.report.iq"), ("OQ", "validate.report.oq")):
        story += [
            _p(render(code, lang), s.heading),
            _steps([r for r in run.results if r.phase == phase], lang, s),
        ]
    story += _codes(run, lang, s)
    story += [
        _p(render("validate.report.signature", lang), s.heading),
        _p(signature or "", s.body),
        Spacer(1, 10 * mm),
        _p(render("validate.report.sign_here", lang) + " " + "_" * 40, s.body),
        Spacer(1, 6 * mm),
        _p(render("validate.report.limits", lang), s.small),
    ]
    return story


def _result_line(run: ValidationRun, lang: str, s: Styles) -> Paragraph:
    colour = _VERDICT_COLOUR[Verdict.PASS if run.passed else Verdict.FAIL]
    text = html.escape(_overall(run, lang))
    return Paragraph(f'<font color="{colour}">{text}</font>', s.title)


def _summary(run: ValidationRun, lang: str) -> str:
    count = {v: sum(r.verdict is v for r in run.results) for v in Verdict}
    return render(
        "validate.report.summary",
        lang,
        steps=len(run.results),
        passed=count[Verdict.PASS],
        failed=count[Verdict.FAIL],
        na=count[Verdict.NOT_APPLICABLE],
        codes=len(run.codes),
    )


def _pairs(rows: Iterable[tuple[str, str]], s: Styles) -> Table:
    data = [[_p(key, s.bold), _p(value, s.body)] for key, value in rows]
    table = Table(data, colWidths=(40 * mm, 140 * mm))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _steps(results: list[StepResult], lang: str, s: Styles) -> Table:
    head = [
        _p(render(code, lang), s.bold)
        for code in (
            "validate.report.step",
            "validate.report.expected",
            "validate.report.observed",
            "validate.report.requirements",
            "validate.report.verdict",
        )
    ]
    rows: list[list[Flowable]] = [head]
    for r in results:
        colour = _VERDICT_COLOUR[r.verdict]
        verdict = html.escape(render(f"validate.verdict.{r.verdict.value}", lang))
        rows.append(
            [
                _p(r.id, s.bold),
                Paragraph(
                    f"<b>{html.escape(r.title(lang))}</b><br/>{html.escape(r.expected(lang))}",
                    s.small,
                ),
                _p(r.observed.message(lang), s.small),
                Paragraph("<br/>".join(r.codes), s.small),  # one code a line, never split
                Paragraph(f'<font color="{colour}">{verdict}</font>', s.bold),
            ]
        )
    table = Table(rows, colWidths=COLUMNS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ]
        )
    )
    return table


def _codes(run: ValidationRun, lang: str, s: Styles) -> list[Flowable]:
    registry = load_registry()
    lines = [
        f"{code} — {registry.get(code).title}" if code in registry else code for code in run.codes
    ]
    heading = _p(render("validate.report.codes", lang, count=len(lines)), s.heading)
    return [heading, *(_p(line, s.small) for line in lines)]
