"""What the desktop start loads before the sign-in window appears (issue 11).

Timings are measured by bench/cli_start_bench.py, never asserted here; what a test can hold is
*what* is imported: the main window and its pages are built after sign-in, the core's services
other than those used to sign in (chain, quality, labeling, cleanroom, overview reads) on first
use, and Pillow and the bar-code libraries only when a label is rendered.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from models.core import Core

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import runpy, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import gui.app as app_module

original = app_module.AppController.show_login
LAZY_AREAS = [["models", a] for a in ("chain", "quality", "labeling", "cleanroom", "overview")]

def show_and_report(self):
    dialog = original(self)
    QApplication.processEvents()
    loaded = sorted(
        m for m in sys.modules
        if m == "gui.main_window" or m.startswith("gui.pages")
        or m.split(".")[0] in {{"PIL", "barcode", "segno", "pystrich", "alembic"}}
        or m in {{"printing.raster", "printing.pdf", "printing.payload"}}
        or m.split(".")[:2] in LAZY_AREAS
    )
    print("SIGN-IN", dialog.isVisible(), "LOADED", loaded, flush=True)
    QTimer.singleShot(0, QApplication.quit)
    return dialog

app_module.AppController.show_login = show_and_report
sys.argv = [{main!r}, "--db", {db!r}, "--lang", "en"]
runpy.run_path({main!r}, run_name="__main__")
"""


def test_the_sign_in_window_comes_before_the_pages_and_the_label_renderers(
    demo_core: Core, tmp_path: Path
) -> None:
    db = str(tmp_path / "demo.db")  # the demo_core fixture's database, already migrated
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(main=str(ROOT / "main.py"), db=db)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert "SIGN-IN True LOADED []" in result.stdout, result.stdout + result.stderr
