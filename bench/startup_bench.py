"""App start to sign-in window (issue 7 goal: < 1.5 s), on an existing demo database.

The parent starts a fresh Python process for every sample and measures wall time until the
child reports that the sign-in dialog is shown (the child wraps `AppController.show_login`
and quits right after). So the figure includes interpreter start, imports, opening and
schema-checking the database and building the window. Uses Qt's offscreen platform.

Usage: python bench/startup_bench.py [--runs 10] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CHILD = r"""
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import gui.app as app_module

original = app_module.AppController.show_login

def show_and_report(self):
    dialog = original(self)
    QApplication.processEvents()
    print("LOGIN-SHOWN", dialog.isVisible(), flush=True)
    QTimer.singleShot(0, QApplication.quit)
    return dialog

app_module.AppController.show_login = show_and_report
sys.exit(app_module.run_gui(["--db", {db!r}, "--lang", "en"]))
"""


def one_run(db: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD.format(root=ROOT, db=db)],
                             stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("LOGIN-SHOWN"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError("the sign-in window never appeared")
    child.wait(timeout=30)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--db", default=None, help="existing database (default: a new demo)")
    args = parser.parse_args()
    db = args.db or os.path.join(tempfile.mkdtemp(), "demo.db")
    if args.db is None:
        subprocess.run([sys.executable, os.path.join(ROOT, "main.py"), "demo", "--db", db],
                       check=True, capture_output=True)
    one_run(db)  # first run warms the OS file cache, as a second start of the day would
    samples = [one_run(db) for _ in range(args.runs)]
    print(f"start to sign-in window: median {statistics.median(samples) * 1000:.0f} ms, "
          f"max {max(samples) * 1000:.0f} ms over {args.runs} runs (offscreen)")


if __name__ == "__main__":
    main()
