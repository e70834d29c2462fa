"""Exports confirm what they saved; the audit extract carries the signatures of its records,
the chain check and the chain head, in the CSV and in a readable PDF (issue 14)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from gui_helpers import sign_in
from pytestqt.qtbot import QtBot
from scenario import demo

from gui.app import AppController
from gui.pages.audit.page import AuditPageWidget
from gui.pages.trace.page import TracePage


def _audit(qtbot: QtBot, ctrl: AppController) -> AuditPageWidget:
    sign_in(qtbot, ctrl, "chen")
    page = ctrl.window.pages["audit"]
    assert isinstance(page, AuditPageWidget)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        ctrl.window.show_page("audit")
    return page


def _head(ctrl: AppController) -> str:
    return ctrl.ctx.core.audit_reads.chain_head()[1]


def test_the_audit_csv_confirms_and_holds_signatures_chain_check_and_head(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    page = _audit(qtbot, controller)
    path = tmp_path / "extract.csv"
    head = _head(controller)  # the export itself is audited after the report is built
    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export(".csv", path)
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    entries = [r for r in rows if r[0] == "Audit entries"]
    signatures = [r for r in rows if r[0] == "Electronic signatures"]
    facts = {r[1]: r[2] for r in rows if r[0] == "Report"}
    assert entries and signatures
    assert ["section", "Signed by", "Meaning", "Time", "Record", "Content hash"] in rows
    assert any(r[1] == "赵磊 Zhao Lei (zhao)" for r in signatures)
    assert all(len(r[5]) == 64 for r in signatures)  # each signature's content hash
    assert facts["Audit chain check"].startswith("intact:")
    assert head in facts["Audit chain head (anchor)"]
    saved = f"Saved {len(entries) + len(signatures)} rows to {path}"
    assert page.export_result.isVisible() and saved in page.export_result.text()
    assert saved in controller.window.scan_status.text()  # the window's status line too


@pytest.mark.req("R-CSV-18")
def test_the_audit_pdf_states_chain_check_head_and_signers_on_numbered_pages(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    page = _audit(qtbot, controller)
    path = tmp_path / "extract.pdf"
    head = _head(controller)
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export(".pdf", path)
    assert f"to {path}" in page.export_result.text()
    if not shutil.which("pdftotext"):
        return
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Audit chain check: intact:" in text
    assert head in text
    assert "Electronic signatures" in text and "Zhao Lei" in text
    pages = int(
        subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        .stdout.split("Pages:")[1]
        .split()[0]
    )
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


def test_a_trace_export_confirms_the_file(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    sign_in(qtbot, controller, "chen")
    page = controller.window.show_page("trace")
    assert isinstance(page, TracePage)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.search_for(demo(controller.ctx.core).msc_batch)
    path = tmp_path / "trace.csv"
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export("trace_csv", path)
    assert page.export_result.text().startswith("✔ Saved ")
    assert str(path) in page.export_result.text()
