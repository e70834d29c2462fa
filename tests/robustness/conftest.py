"""Robustness fixtures: real worker processes (tests/robustness/workers/worker.py) on a real
SQLite file or a real PostgreSQL database, and helpers to start, release and SIGKILL them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities.audit import AuditEntry
from models.kernel.audit import ChainReport, verify_chain
from models.kernel.db import make_engine, read_only

WORKER = Path(__file__).with_name("workers") / "worker.py"
ROOT = Path(__file__).resolve().parents[2]
WORKER_TIMEOUT = 60.0  # a hard ceiling; every test below finishes far sooner


class Worker:
    """One worker process running ``task``; its stdout is collected line by line."""

    def __init__(self, task: str, url: str, args: dict[str, Any]) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), task, url, json.dumps(args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )

    def result(self, timeout: float = WORKER_TIMEOUT) -> Any:
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        assert self.proc.returncode == 0, f"worker failed ({self.proc.returncode}):\n{err}"
        return json.loads(out.strip().splitlines()[-1])

    def kill(self) -> None:
        """SIGKILL: no handler, no clean-up, exactly like pulling the plug on the app."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        assert self.proc.returncode in (-signal.SIGKILL, 0)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()

    def alive(self) -> bool:
        return self.proc.poll() is None


@pytest.fixture
def workers() -> Iterator[Callable[[str, str, dict[str, Any]], Worker]]:
    """Start workers; any still running when the test ends are killed (only those)."""
    started: list[Worker] = []

    def start(task: str, url: str, args: dict[str, Any]) -> Worker:
        worker = Worker(task, url, args)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.alive():
            worker.kill()


def wait_until(condition: Callable[[], bool], timeout: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.02)


def chain_report(url: str) -> ChainReport:
    """Verify the audit chain through a fresh engine, as a restarted app would."""
    engine = make_engine(url)
    try:
        with Session(read_only(engine)) as session:
            return verify_chain(session)
    finally:
        engine.dispose()


def audit_count(url: str) -> int:
    """Entries of the trail, without the records' STATE entries (record_state.py)."""
    engine = make_engine(url)
    query = select(func.count()).select_from(AuditEntry).where(AuditEntry.action != "state")
    try:
        with Session(read_only(engine)) as session:
            return int(session.scalar(query) or 0)
    finally:
        engine.dispose()


def go_file(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    go = tmp_path / "go"
    return go, {"go": str(go)}


@pytest.fixture
def scratch_urls(db_url: str, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """More fresh, empty databases of the same backend as ``db_url`` (dropped afterwards)."""
    import uuid

    from sqlalchemy import create_engine, text

    from tests.conftest import PG_ADMIN_URL

    made: list[str] = []
    admin = None

    def new() -> str:
        nonlocal admin
        if db_url.startswith("sqlite"):
            return f"sqlite:///{tmp_path / f'scratch-{uuid.uuid4().hex[:8]}.db'}"
        admin = admin or create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        name = f"ct_test_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"

    yield new
    if admin is not None:
        with admin.connect() as conn:
            for name in made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
