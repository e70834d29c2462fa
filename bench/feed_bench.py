"""Live change feed at site scale (issue 17 goals: median commit-to-refresh at another station
< 500 ms; no per-station polling queries while nothing changes).

20 simulated stations listen on one PostgreSQL server, each as the desktop does: its own
ChangeFeed thread with its own LISTEN connection, and its own engine to read what changed.
One more station commits changes through a unit of work (the record's STATE entry, the audit
entry and the NOTIFY in one transaction). For every commit and every listening station the
script times: commit started at the writer → the station has read the changed row and sees
the new value (what a screen refresh reads). Then the feed is left idle for ``--idle`` seconds
and the server is asked what it did meanwhile: the bench database's committed transactions
(pg_stat_database) and whether any listening connection ran a statement (pg_stat_activity).

Usage: python bench/feed_bench.py [--stations 20] [--commits 60] [--gap-ms 200] [--idle 30]
                                  [--pg SERVER_URL]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from _common import PG_DATABASE, PG_SERVER, load, pg_database, stats  # noqa: E402
from sqlalchemy import Engine, create_engine, text  # noqa: E402

from models.core import open_core  # noqa: E402
from models.entities.parties import Site, SiteKind  # noqa: E402
from models.feed.feed import ChangeFeed  # noqa: E402
from models.feed.sources import ListenSource  # noqa: E402
from models.kernel.audit import AuditAction  # noqa: E402
from models.kernel.change_set import ChangeSet  # noqa: E402
from models.kernel.db import make_engine  # noqa: E402

DATABASE = f"{PG_DATABASE}_feed"


class Station:
    """One listening workstation: its feed, and the read its screen would make."""

    def __init__(self, url: str, record: Callable[[int, float], None]) -> None:
        self.engine: Engine = make_engine(url, pool_size=1)
        self._record = record
        self.feed = ChangeFeed.for_engine(self.engine, self._refresh)

    def _refresh(self, found: ChangeSet) -> None:
        for change in found.changes:
            if change.table == "site":
                with self.engine.connect() as conn:
                    name = conn.execute(
                        text("SELECT name FROM site WHERE id = :id"), {"id": int(change.record_id)}
                    ).scalar_one()
                self._record(int(str(name).rsplit(" ", 1)[-1]), time.perf_counter())

    @property
    def backend_pid(self) -> int | None:
        source = self.feed.source
        return source.backend_pid if isinstance(source, ListenSource) else None


class Bench:
    """The writing station, the listening stations and what they saw."""

    def __init__(self, url: str, stations: int) -> None:
        self.writer = open_core(url, workstation="BENCH-W")
        with self.writer.uow() as uow:
            site = Site(code="TJ", name="Tianjin 0", kind=SiteKind.MANUFACTURER)
            uow.session.add(site)
            uow.commit()
            self.site_id = site.id
        self.started: dict[int, float] = {}
        self.seen: dict[int, list[float]] = {}
        self._lock = threading.Lock()
        self.listeners = [Station(url, self._record) for _ in range(stations)]
        for station in self.listeners:
            station.feed.start()
        for station in self.listeners:
            assert station.feed.connected.wait(30), "a station did not connect"

    def _record(self, sample: int, at: float) -> None:
        with self._lock:
            if sample in self.started:
                self.seen.setdefault(sample, []).append((at - self.started[sample]) * 1000)

    def commit(self, sample: int) -> None:
        with self.writer.uow() as uow:
            row = uow.session.get(Site, self.site_id)
            assert row is not None
            row.name = f"Tianjin {sample}"
            uow.audit.record(
                AuditAction.CHANGE,
                actor="system",
                subject_type="site",
                subject_id=self.site_id,
                new={"name": row.name},
            )
            self.started[sample] = time.perf_counter()  # the commit's own time counts too
            uow.commit()

    def close(self) -> None:
        for station in self.listeners:
            station.feed.stop()
            station.engine.dispose()
        self.writer.close()


def measure(site: Bench, commits: int, gap_s: float) -> tuple[list[float], list[float]]:
    for sample in range(1, commits + 1):
        site.commit(sample)
        time.sleep(gap_s)
    time.sleep(1.0)
    stations = len(site.listeners)
    each = [ms for times in site.seen.values() for ms in times]
    everyone = [max(times) for times in site.seen.values() if len(times) == stations]
    print(f"  deliveries: {len(each)} of {commits * stations}")
    return each, everyone


def _server_view(admin: Engine, pids: list[int]) -> tuple[int, int, dict[int, Any]]:
    with admin.connect() as conn:
        xact, tuples = conn.execute(
            text("SELECT xact_commit, tup_returned FROM pg_stat_database WHERE datname = :d"),
            {"d": DATABASE},
        ).one()
        activity = {
            int(pid): (state, query, changed)
            for pid, state, query, changed in conn.execute(
                text(
                    "SELECT pid, state, query, state_change FROM pg_stat_activity "
                    "WHERE pid = ANY(:pids)"
                ),
                {"pids": pids},
            )
        }
    return int(xact), int(tuples), activity


def idle_report(site: Bench, server: str, idle_s: float) -> None:
    pids = [p for p in (s.backend_pid for s in site.listeners) if p is not None]
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    # An idle backend reports its counters up to 10 s late (PostgreSQL 15: stats idle
    # interval): wait that long first, or the refreshes above are counted as idle work.
    time.sleep(12.0)
    x0, t0, a0 = _server_view(admin, pids)
    time.sleep(idle_s)
    x1, t1, a1 = _server_view(admin, pids)
    admin.dispose()
    moved = [pid for pid in pids if a0.get(pid) != a1.get(pid)]
    states = sorted({f"{a[0]} / {str(a[1])[:30]}" for a in a1.values()})
    print(
        f"  idle {idle_s:.0f} s: bench database transactions committed {x1 - x0}, "
        f"rows returned {t1 - t0}; listening connections that ran a statement: "
        f"{len(moved)} of {len(pids)}; their state: {states}  ({load()})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--commits", type=int, default=60)
    parser.add_argument("--gap-ms", type=int, default=200)
    parser.add_argument("--idle", type=float, default=30.0)
    parser.add_argument("--pg", default=PG_SERVER)
    args = parser.parse_args()
    print(
        f"feed bench: {args.stations} listening stations, {args.commits} commits "
        f"{args.gap_ms} ms apart  ({load()})"
    )
    with pg_database(args.pg, name=DATABASE) as url:
        open_core(url).close()  # migrate once, before anyone listens
        site = Bench(url, args.stations)
        try:
            each, everyone = measure(site, args.commits, args.gap_ms / 1000)
            median, p95, worst = stats(each)
            print(
                f"  commit → row read at another station: median {median:.1f} ms, "
                f"p95 {p95:.1f} ms, max {worst:.1f} ms  ({load()})"
            )
            median, p95, worst = stats(everyone)
            print(
                f"  commit → all {args.stations} stations refreshed: median {median:.1f} ms, "
                f"p95 {p95:.1f} ms, max {worst:.1f} ms"
            )
            idle_report(site, args.pg, args.idle)
        finally:
            site.close()


if __name__ == "__main__":
    main()
