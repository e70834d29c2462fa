"""Start-up cost of `celltrail` (issue 11): a command pays only for what it uses.

1. `celltrail din check STRING` (no database) against a bare Python script that checks the
   same DIN with python-stdnum's ISO 7064 mod 37-2 (goal: at most 3x that script's CPU time).
2. Desktop start to the sign-in window through `main.py` (offscreen Qt; goal <= 0.8 s): the
   child runs main.py as `celltrail` does and reports when the sign-in dialog is visible, then
   when the main window, which the app builds while the sign-in window waits for the user, is
   ready (so the cost moved past the sign-in window stays in view).

Every sample is a fresh process; the figures are the median wall time and the median CPU
time (user + system of the child, from getrusage) over --runs samples, after one warm-up
run that fills the OS file cache. The load average is printed next to the figures.

Usage: python bench/cli_start_bench.py [--runs 20] [--desktop-runs 10] [--db PATH] [--no-desktop]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAIN = str(ROOT / "main.py")
DIN = "A999925000012J"  # the ICCBBA test facility; J is its ISO 7064 mod 37-2 check character

STDNUM_SCRIPT = f"""
import sys
from stdnum.iso7064 import mod_37_2
din = {DIN!r}
ok = mod_37_2.is_valid(din, alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*")
print(("valid DIN " + din[:-1]) if ok else "INVALID")
sys.exit(0 if ok else 1)
"""

DESKTOP_CHILD = """
import runpy, sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import gui.app as app_module

original = app_module.AppController.show_login

def show_and_report(self):
    dialog = original(self)
    QApplication.processEvents()
    print("LOGIN-SHOWN", dialog.isVisible(), flush=True)
    poll = QTimer(self, interval=5)

    def window_ready():
        if self.built_window is not None:
            print("WINDOW-READY", flush=True)
            poll.stop()
            QApplication.quit()

    poll.timeout.connect(window_ready)
    poll.start()
    return dialog

app_module.AppController.show_login = show_and_report
sys.argv = [{main!r}, "--db", {db!r}, "--lang", "en"]
runpy.run_path({main!r}, run_name="__main__")
"""


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall, cpu) seconds of one child process run to completion."""
    cpu, start = _child_cpu(), time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{argv} exited {result.returncode}: {result.stderr}")
    return wall, _child_cpu() - cpu


def desktop_run(db: str) -> tuple[float, float, float]:
    """(wall until the sign-in dialog is visible, wall until the main window is ready, cpu of
    the whole child) in seconds."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = DESKTOP_CHILD.format(root=str(ROOT), main=MAIN, db=db)
    cpu, start = _child_cpu(), time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env)
    assert child.stdout is not None
    wall = ready = None
    for line in child.stdout:
        if line.startswith("LOGIN-SHOWN"):
            wall = time.perf_counter() - start
        elif line.startswith("WINDOW-READY"):
            ready = time.perf_counter() - start
    child.wait(timeout=60)
    if wall is None or ready is None:
        raise RuntimeError("the sign-in window or the main window never appeared")
    return wall, ready, _child_cpu() - cpu


def sample(run: Callable[[], tuple[float, ...]], runs: int) -> tuple[float, ...]:
    run()  # warm-up: a second start of the day, with the files in the OS cache
    columns = zip(*(run() for _ in range(runs)), strict=True)
    return tuple(statistics.median(column) for column in columns)


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--desktop-runs", type=int, default=10)
    parser.add_argument("--db", default=None, help="existing database (default: a new demo)")
    parser.add_argument("--no-desktop", action="store_true")
    args = parser.parse_args()

    python = sys.executable
    cli_wall, cli_cpu = sample(lambda: timed([python, MAIN, "din", "check", DIN]), args.runs)
    ref_wall, ref_cpu = sample(lambda: timed([python, "-c", STDNUM_SCRIPT]), args.runs)
    bare_wall, bare_cpu = sample(lambda: timed([python, "-c", "pass"]), args.runs)
    print(f"{_load()}, {args.runs} runs each, medians")
    for name, wall, cpu in (
        ("celltrail din check", cli_wall, cli_cpu),
        ("python-stdnum script", ref_wall, ref_cpu),
        ("python -c pass", bare_wall, bare_cpu),
    ):
        print(f"  {name:<26}wall {wall * 1000:6.0f} ms  cpu {cpu * 1000:6.0f} ms")
    print(f"  din check / stdnum: cpu {cli_cpu / ref_cpu:.2f}x, wall {cli_wall / ref_wall:.2f}x "
          "(goal <= 3x)")
    if args.no_desktop:
        return
    db = args.db or os.path.join(tempfile.mkdtemp(), "demo.db")
    if args.db is None:
        subprocess.run([python, MAIN, "demo", "--db", db], check=True, capture_output=True)
    wall, ready, cpu = sample(lambda: desktop_run(db), args.desktop_runs)
    print(f"{_load()}, {args.desktop_runs} runs, medians")
    print(f"  {'main.py to sign-in window':<30}wall {wall * 1000:6.0f} ms"
          "  (offscreen; goal <= 800 ms)")
    print(f"  {'main.py to main window ready':<30}wall {ready * 1000:6.0f} ms"
          f"  cpu {cpu * 1000:6.0f} ms  (built while the sign-in window waits)")


if __name__ == "__main__":
    main()
