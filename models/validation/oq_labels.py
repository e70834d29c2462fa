"""OQ: labels printed to a file printer, their symbols decoded and compared with the record;
the double-check, refused to the person who printed them, done by a second person.

The labels are printed as vector PDF into a folder (printing/transports/file.py), each page
rasterised at 300 dpi with poppler's ``pdftoppm`` and read with zxing-cpp: what a scanner
would read from the printed label, not what the software meant to print. The page's text
(``pdftotext``) must carry the batch number and, this being a validation database, the TEST
banner. The decoded 2-D symbol is then what the verifier "scans" at the double-check.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from sqlalchemy import select

from models.entities.labeling import LabelTemplate, PrintedLabel, PrintJob
from models.entities.production import ProductUnit
from models.i18n import render
from models.labeling.build import build_label, symbol_data
from models.labeling.fields import label_fields
from models.labeling.records import label_flags, template_layout
from models.validation.oq_context import OqContext
from models.validation.steps import Observation, failed, judged, refusal

DPI = 300
TIMEOUT_S = 60


def labels_printed_and_decoded(ctx: OqContext) -> Observation:
    missing = [tool for tool in ("pdftoppm", "pdftotext") if shutil.which(tool) is None]
    try:
        import zxingcpp  # noqa: F401  (the decoder; an optional dependency)
    except ImportError:
        missing.append("zxing-cpp")
    if missing:
        return failed("validate.observed.tools_missing", tools=", ".join(missing))
    from printing.transports.file import FilePrinter

    folder = ctx.folder / "labels"
    folder.mkdir()
    printer = FilePrinter(folder, "pdf", name="validation-file", dpi=DPI)
    labeling = ctx.core.labeling
    job = labeling.request_labels(
        batch_id=ctx.batch_id,
        template_id=ctx.templates["LT-BAG"],
        unit_ids=_unit_ids(ctx),
        printer_address=printer.address,
        station="OQ-LABEL",
        actor="wang",
    )
    outcome = labeling.print_job(job_id=job, printer=printer, actor="wang")
    ctx.label_ids = list(outcome.printed_label_ids)
    expected = _expected(ctx)
    problems = _read_back(folder, expected, ctx)
    return judged(
        not problems and len(ctx.scans) == len(ctx.units),
        "validate.observed.labels",
        labels=len(ctx.label_ids),
        symbols=sum(len(texts) for _, texts in expected.values()),
        problems="; ".join(problems) or "—",
    )


def _unit_ids(ctx: OqContext) -> list[int]:
    with ctx.core.uow().reading() as uow:
        return list(
            uow.session.scalars(
                select(ProductUnit.id)
                .where(ProductUnit.batch_id == ctx.batch_id)
                .order_by(ProductUnit.id)
            )
        )


def _expected(ctx: OqContext) -> dict[str, tuple[int, set[str]]]:
    """Per DIN bar code (as the record says it reads): the printed label's id and the data
    of every symbol a label rebuilt from the record carries (its template, its flags)."""
    from printing.content import Barcode

    found: dict[str, tuple[int, set[str]]] = {}
    with ctx.core.uow().reading() as uow:
        session = uow.session
        for label in session.scalars(
            select(PrintedLabel).where(PrintedLabel.id.in_(ctx.label_ids))
        ):
            job = session.get(PrintJob, label.print_job_id)
            template = session.get(LabelTemplate, job.template_id if job else 0)
            if template is None:
                continue
            fields = label_fields(
                session, label.unit_id or 0, label_flags(template, label.is_reprint)
            )
            content = build_label(template_layout(template), fields)
            symbols = {e.data for e in content.elements if isinstance(e, Barcode)}
            found[symbol_data(fields)["din"]] = (label.id, symbols)
    return found


def _read_back(
    folder: Path, expected: dict[str, tuple[int, set[str]]], ctx: OqContext
) -> list[str]:
    banner = render("db_purpose.banner", "en")
    problems = []
    for pdf in sorted(folder.glob("*.pdf")):
        for image in _pages(pdf):
            decoded = _decode(image)
            texts = {text for _, text in decoded}
            din = next((t for t in texts if t in expected), None)
            if din is None or texts != expected[din][1]:
                problems.append(f"{pdf.name}: {sorted(texts)}")
                continue
            matrix = next(f"{aim}{text}" for aim, text in decoded if aim.startswith("]d"))
            ctx.scans[expected[din][0]] = matrix
        words = _text(pdf)
        if banner not in words or ctx.batch_number not in words:
            problems.append(f"{pdf.name}: text")
    return problems


def _pages(pdf: Path) -> list[Path]:
    prefix = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
        timeout=TIMEOUT_S,
        capture_output=True,
    )
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def _decode(image: Path) -> list[tuple[str, str]]:
    import zxingcpp
    from PIL import Image

    with Image.open(image) as picture:
        found = zxingcpp.read_barcodes(picture.convert("L"), text_mode=zxingcpp.TextMode.Plain)
    return sorted((str(r.symbology_identifier), str(r.text)) for r in found)


def _text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        timeout=TIMEOUT_S,
        capture_output=True,
    )
    return " ".join(done.stdout.decode("utf-8", "replace").split())


def same_person_refused(ctx: OqContext) -> Observation:
    """The operator who printed the labels cannot also be their second checker."""
    label = ctx.label_ids[0]
    refused = refusal(
        lambda: ctx.core.labeling.verify_label(
            label_id=label,
            username="wang",
            password=ctx.password,
            scanned_text=ctx.scans[label],
            confirmed_fields={},
        )
    )
    return judged(refused is not None, "validate.observed.refused_as", reason=refused or "—")


def double_checked(ctx: OqContext) -> Observation:
    """A second person scans each printed label and confirms its fields one by one; each is
    then applied, and the batch's labels reconcile."""
    labeling = ctx.core.labeling
    accepted = 0
    for label in ctx.label_ids:
        sheet = labeling.check_sheet(label)
        result = labeling.verify_label(
            label_id=label,
            username="zhao",
            password=ctx.password,
            scanned_text=ctx.scans[label],
            confirmed_fields=dict.fromkeys(sheet.plan.by_person, True),
        )
        accepted += result.accepted
        labeling.apply_label(label_id=label, actor="wang")
    report = labeling.reconciliation(ctx.batch_id)
    return judged(
        accepted == len(ctx.label_ids) and report.reconciled,
        "validate.observed.checked",
        accepted=accepted,
        printed=report.printed,
        applied=report.applied,
    )
