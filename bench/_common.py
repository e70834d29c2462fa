"""Shared helpers for the bench scripts: where generated databases live, the PostgreSQL
scratch database, percentiles, and the load average printed next to every figure (the bench
machine is shared, so a figure without its load is hard to judge)."""

from __future__ import annotations

import os
import shutil
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

BENCH_DIR = Path("/tmp/celltrail-bench")
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1/postgres"
PG_DATABASE = "celltrail_bench"  # the only database these scripts create or drop


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def stats(times_ms: list[float]) -> tuple[float, float, float]:
    """Median, p95 (nearest rank) and max."""
    ordered = sorted(times_ms)
    p95 = ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]
    return statistics.median(ordered), p95, ordered[-1]


@contextmanager
def sqlite_database(name: str, keep: bool = False) -> Iterator[str]:
    """A fresh SQLite file under BENCH_DIR (removed afterwards unless ``keep``: 10M-entry
    files are several GB)."""
    folder = BENCH_DIR / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        yield f"sqlite:///{folder / 'bench.db'}"
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def pg_database(server_url: str = PG_SERVER, keep: bool = False, name: str = PG_DATABASE
                ) -> Iterator[str]:
    """A fresh, empty database on the server, dropped afterwards. Only names of our own."""
    if not name.startswith(PG_DATABASE) or not name.replace("_", "").isalnum():
        raise ValueError(f"refusing to create or drop database {name!r}")
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(server_url).set(database=name).render_as_string(False)
    finally:
        if not keep:
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def analyze_if_postgres(url: str) -> None:
    """PostgreSQL plans from statistics; after a bulk load autovacuum would gather them within
    a minute, so gather them now rather than time the first minute's plans."""
    if not url.startswith("postgresql"):
        return
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()
