"""The audit report carries the chain head (issue 12): the printed or filed PDF is an anchor
held outside the database, checkable later with `celltrail audit verify --anchor`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from gui.exports import report_html, write_pdf
from gui.reports import audit_report
from models.core import Core
from models.entities.audit import AuditEntry
from models.kernel.audit_queries import AuditFilter


def test_the_audit_report_states_the_chain_head(
    qapp: QApplication, core: Core, tmp_path: Path
) -> None:
    with core.uow().reading() as uow:
        seq, entry_hash = uow.session.execute(
            select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).one()
    # a filtered extract (here: nothing matches) still states the head of the whole chain
    report = audit_report(core, AuditFilter(actor="nobody"), "sun", lambda *_: None)
    assert ("Audit chain head (anchor)", f"entry {seq}, SHA-256 {entry_hash}") in report.meta
    assert report.sections[0].rows == []
    assert entry_hash in report_html(report)  # what the PDF is typeset from
    pdf = write_pdf(report, tmp_path / "audit.pdf")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert entry_hash in text
