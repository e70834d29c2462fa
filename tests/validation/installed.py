"""An installed copy of CellTrail for the qualification tests: built and installed by pip (so
the real build hook writes the manifest), once per test session, and run from outside the
source tree so that the installed files, not the checkout, are what is imported."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_S = 300


_NOT_SOURCE_ANYWHERE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
)
_NOT_SOURCE_AT_TOP = {"out", "demo"}  # output folders of a checkout; models/demo is source


def _not_source(folder: str, names: list[str]) -> set[str]:
    ignored = set(_NOT_SOURCE_ANYWHERE(folder, names))
    if Path(folder).resolve() == ROOT:
        ignored |= _NOT_SOURCE_AT_TOP & set(names)
    return ignored


def install(target: Path) -> Path:
    """``pip install --target`` of a clean copy of this checkout (a build folder left in the
    checkout would be packed too), built in pip's isolated build environment, which needs
    setuptools from the index or pip's cache."""
    source = target.parent / "source"
    shutil.copytree(ROOT, source, ignore=_not_source)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-compile",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        message = f"pip could not build and install CellTrail:\n{done.stderr[-2000:]}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return target


def copy_of(installed: Path, destination: Path) -> Path:
    """A copy of the installed tree, to break on purpose without touching the original."""
    shutil.copytree(installed, destination, symlinks=True)
    return destination


def celltrail(
    installed: Path, *args: str, cwd: Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """``celltrail ARGS`` from the installed copy: its folder first on the path, run from a
    folder that holds no CellTrail source."""
    env = {**os.environ, "PYTHONPATH": str(installed), "CELLTRAIL_LANG": "en"}
    env.pop("CELLTRAIL_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "main", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        cwd=cwd,
        env=env,
        check=False,
    )


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")
