"""The real app under a real X server: Xvfb + openbox, keys typed by xdotool, screenshots.

``qtbot.keyClicks`` hands key events straight to one widget, so popups that take the keyboard
grab, window-manager focus and timing never show up in the offscreen tests (issue 14). This
harness starts ``python main.py`` as a separate process against a demo database built with
``python main.py demo``, types with real X key events at a person's and at a scanner's speed,
and takes screenshots of the whole screen to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from models.demo.people import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "openbox", "xdotool", "import", "xwininfo")
SCREEN = (1920, 1080)


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def needs_x_tools(what: str) -> pytest.MarkDecorator:
    """The mark for a module of real-input tests: skipped where the tools are missing, except
    in CI, which installs them (.ci/test) and must never skip them silently."""
    missing = missing_tools()
    if missing and os.environ.get("CI"):
        raise RuntimeError(f"{what} need {', '.join(missing)} (see .ci/test)")
    return pytest.mark.skipif(
        bool(missing),
        reason=f"needs an X server and tools: {', '.join(missing)} not installed "
        "(apt-get install xvfb xdotool openbox imagemagick x11-utils)",
    )


def checked_harness(workdir: Path) -> Iterator[XHarness]:
    """One harness for a test; afterwards the app's log holds no traceback and no password."""
    x = XHarness(workdir)
    try:
        yield x
        log = x.app_log()
        assert "Traceback" not in log and "already deleted" not in log, log
        assert DEMO_PASSWORD not in log  # a password is never echoed, not even to stderr
    finally:
        x.close()


def build_demo_database(path: Path) -> None:
    """Exactly what a trainer runs: ``main.py demo`` with CELLTRAIL_DB (real password hashing)."""
    path.unlink(missing_ok=True)
    env = {**os.environ, "CELLTRAIL_DB": str(path)}
    env.pop("QT_QPA_PLATFORM", None)
    subprocess.run(
        [sys.executable, "main.py", "demo"], cwd=ROOT, env=env, check=True, capture_output=True
    )


class XHarness:
    """One X server, its window manager and at most one app; ``close()`` ends all three.

    The display is ``XHARNESS_DISPLAY`` if set, else the first free one Xvfb finds."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.shots = workdir / "shots"
        self.shots.mkdir(parents=True, exist_ok=True)
        self._processes: list[subprocess.Popen[bytes]] = []
        self.app: subprocess.Popen[bytes] | None = None
        self.display = ""
        self._start_x()
        self._spawn(["openbox"], "openbox.log")
        time.sleep(0.5)  # openbox owns the screen before the first window maps

    # -- processes --------------------------------------------------------------------------

    def _env(self, **extra: str) -> dict[str, str]:
        env = {**os.environ, "DISPLAY": self.display, **extra}
        env.pop("QT_QPA_PLATFORM", None)  # the tests' offscreen platform must not leak in
        return env

    def _spawn(self, argv: list[str], log: str, **env: str) -> subprocess.Popen[bytes]:
        out = (self.workdir / log).open("wb")
        process = subprocess.Popen(
            argv, cwd=ROOT, env=self._env(**env), stdout=out, stderr=subprocess.STDOUT
        )
        self._processes.append(process)
        return process

    def _start_x(self) -> None:
        size = f"{SCREEN[0]}x{SCREEN[1]}x24"
        wanted = os.environ.get("XHARNESS_DISPLAY")
        if wanted:
            number = wanted.lstrip(":")
            self._spawn(["Xvfb", f":{number}", "-screen", "0", size, "-nolisten", "tcp"], "x.log")
            self.display = f":{number}"
        else:
            read, write = os.pipe()
            log = (self.workdir / "x.log").open("wb")
            process = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
                pass_fds=(write,),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            self._processes.append(process)
            os.close(write)
            with os.fdopen(read) as chosen:
                self.display = f":{chosen.readline().strip()}"
        self._wait(
            lambda: (
                subprocess.run(
                    ["xwininfo", "-root"], env=self._env(), capture_output=True, check=False
                ).returncode
                == 0
            ),
            10,
            "X server did not start",
        )

    def configure_station(self, **settings: object) -> None:
        """This run's station.json (role, name, printers …), as an administrator would save it."""
        folder = self.workdir / "config" / "CellTrail"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "station.json").write_text(json.dumps(settings), encoding="utf-8")

    def start_app(self, database: Path, *args: str, title: str = "sign in") -> None:
        """``python main.py`` with a private station config (defaults: QA desk); ``title`` is
        part of the sign-in window's title in the chosen language."""
        self.app = self._spawn(
            [sys.executable, "main.py", "--lang", "en", *args],
            "app.log",
            CELLTRAIL_DB=str(database),
            XDG_CONFIG_HOME=str(self.workdir / "config"),
        )
        self.wait_for_title(title, timeout=30)
        time.sleep(0.5)  # the dialog has focus and the main window is prepared behind it

    def app_log(self) -> str:
        return (self.workdir / "app.log").read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        for process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self._processes.clear()

    # -- input and output -------------------------------------------------------------------

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self._env(), capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    def type(self, text: str, delay_ms: int) -> None:
        """Real X key events into whatever has the keyboard focus, ``delay_ms`` apart."""
        self.xdotool("type", "--delay", str(delay_ms), "--", text)

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "60", *keys)

    def active_geometry(self) -> tuple[int, int, int, int]:
        """x, y, width, height of the active window on the screen."""
        geometry = dict(
            line.split("=", 1)
            for line in self.xdotool("getactivewindow", "getwindowgeometry", "--shell").split()
        )
        return (
            int(geometry["X"]),
            int(geometry["Y"]),
            int(geometry["WIDTH"]),
            int(geometry["HEIGHT"]),
        )

    def resize_screen_window(self, width: int, height: int) -> None:
        """Make the active window fill a screen of ``width``×``height`` (what a maximised
        window gets on that monitor; Xvfb's own screen stays 1920×1080)."""
        self.xdotool("getactivewindow", "windowmove", "0", "0")
        self.xdotool("getactivewindow", "windowsize", str(width), str(height))

    def active_title(self) -> str:
        return self.xdotool("getactivewindow", "getwindowname")

    def wait_for_title(self, part: str, timeout: float = 10) -> str:
        self._wait(lambda: part in self.active_title(), timeout, f"no window titled …{part}…")
        return self.active_title()

    def screenshot(self, name: str) -> Path:
        time.sleep(0.3)  # xdotool returns once the keys are sent, before the app repaints
        path = self.shots / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self._env(), check=True)
        return path

    def active_window(self, name: str) -> Image.Image:
        """A screenshot cropped to the active window."""
        shot = Image.open(self.screenshot(name))
        x, y, w, h = self.active_geometry()
        return shot.convert("RGB").crop((x, y, x + w, y + h))

    def active_window_strip(self, name: str, height: int) -> Image.Image:
        """The bottom ``height`` pixels of the active window (where the scan status is)."""
        shot = Image.open(self.screenshot(name))
        x, y, w, h = self.active_geometry()
        return shot.crop((x, y + h - height, x + w, y + h))

    @staticmethod
    def _wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if condition():
                return
            time.sleep(0.1)
        raise TimeoutError(what)


def audit_actions(database: Path, username: str, after_seq: int = 0) -> list[tuple[str, str]]:
    """(action, reason) of the session entries about ``username`` after ``after_seq``."""
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT action, coalesce(reason, '') FROM audit_entry WHERE subject_id = ? "
            "AND seq > ? AND action IN ('login', 'login_failed', 'session_lock', "
            "'session_unlock', 'logout') ORDER BY seq",
            (username, after_seq),
        ).fetchall()
    return [(a, r) for a, r in rows]


def last_seq(database: Path) -> int:
    with sqlite3.connect(database) as db:
        return int(db.execute("SELECT coalesce(max(seq), 0) FROM audit_entry").fetchone()[0])


def count_rows(database: Path, table: str) -> int:
    with sqlite3.connect(database) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608


def audit_since(database: Path, after_seq: int) -> list[tuple[str, str, str, str]]:
    """(actor, action, reason, workstation) of every audit entry after ``after_seq``."""
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT coalesce(actor, ''), action, coalesce(reason, ''), "
            "coalesce(workstation, '') FROM audit_entry WHERE seq > ? ORDER BY seq",
            (after_seq,),
        ).fetchall()
    return [(a, b, c, d) for a, b, c, d in rows]
