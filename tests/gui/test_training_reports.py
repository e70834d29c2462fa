"""Reports of a training database say TEST (issue 16): the trace report and the batch record,
as PDF and CSV, carry "TEST — NOT FOR CLINICAL USE" in their title, so every PDF page's
running title shows it; a production database's reports do not."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from gui_helpers import sign_in
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.context import AppContext
from gui.events import AppEvents
from gui.exports import write_csv, write_pdf
from gui.i18n import LANGUAGE
from gui.main_window import MainWindow
from gui.reports import batch_record, trace_report
from gui.scan_router import ScanRouter
from gui.station import StationConfig
from models.core import Core
from models.demo.site import demo_site
from models.entities.database import Purpose
from tests.conftest import make_core

BANNER = "TEST — NOT FOR CLINICAL USE"


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (.ci/test does)")
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.req("R-CSV-33")
def test_training_reports_carry_the_banner_on_every_page(demo_core: Core, tmp_path: Path) -> None:
    ref = demo_core.chain.trace.find(demo_site(demo_core).msc_batch)
    assert ref is not None
    record = batch_record(demo_core, ref, "chen")
    write_pdf(record, tmp_path / "batch.pdf")
    pages = _pdf_text(tmp_path / "batch.pdf").split("\f")
    printed = [" ".join(page.split()) for page in pages if page.strip()]
    missing = [page[:200] for page in printed if BANNER not in page]
    assert len(printed) > 1 and not missing, missing
    write_csv(trace_report(demo_core, ref, "chen"), tmp_path / "trace.csv")
    with (tmp_path / "trace.csv").open(encoding="utf-8-sig") as handle:
        titles = [row for row in csv.reader(handle) if row[1:2] == ["Title"]]
    assert titles and BANNER in titles[0][2]


def test_production_reports_do_not(tmp_path: Path) -> None:
    core = make_core(f"sqlite:///{tmp_path / 'site.db'}", purpose=Purpose.PRODUCTION)
    try:
        from models.chain.trace import NodeRef
        from tests.core.factories import make_batch

        ref = NodeRef("batch", make_batch(core))
        report = trace_report(core, ref, "chen")
        assert report.banner is None and report.heading == report.title
    finally:
        core.close()


def test_a_training_station_says_test_on_every_screen(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    banner = controller.window.test_banner
    assert banner.isVisible() and banner.text() == BANNER
    LANGUAGE.switch("zh")
    qtbot.waitUntil(lambda: banner.text() == "测试 — 不得用于临床", timeout=5000)


def test_a_production_station_shows_no_test_banner(qtbot: QtBot, tmp_path: Path) -> None:
    core = make_core(f"sqlite:///{tmp_path / 'site.db'}", purpose=Purpose.PRODUCTION)
    station = StationConfig(name="QA-01", role="qa")
    window = MainWindow(
        AppContext(core, AppEvents(), station, tmp_path / "s.json"), ScanRouter(core)
    )
    qtbot.addWidget(window)
    try:
        assert window.test_banner.isHidden() and not window.test_banner.text()
    finally:
        core.close()
