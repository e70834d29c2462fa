"""Scan-to-verdict at scale (issue 7 goal: < 20 ms median): a bar code scanned at the bedside
is parsed, the unit and recipient are looked up and every hard stop is evaluated — the
read-only `HospitalService.check_bedside` the screen calls before anyone confirms. Since
issue 12 that includes checking every row the verdict reads against its audit trail, so the
generated site is bound to its trail first (bench/_seal.py).

Uses the site generator of bench/trace_bench.py, at several sizes in one run, to show how the
time grows with the site; with `--backends sqlite postgresql` the same site and the same scans
are timed on both, side by side.

Usage: python bench/scan_bench.py [--sizes 10000 100000 1000000] [--samples 300]
                                  [--backends sqlite postgresql] [--pg SERVER_URL]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from _common import PG_SERVER, analyze_if_postgres, load, stats  # noqa: E402
from _seal import seal_site  # noqa: E402
from trace_bench import populate, site  # noqa: E402

from models.core import open_core  # noqa: E402
from models.kernel.db import make_engine  # noqa: E402


def sample(url: str, samples: int) -> list[tuple[str, str]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        dins = [r[0] for r in conn.exec_driver_sql(
            # split units share a DIN and need the product code scanned too; keep it one scan
            "SELECT din FROM product_unit GROUP BY din HAVING count(*) = 1 "
            f"ORDER BY random() LIMIT {samples}")]
        recipients = [r[0] for r in conn.exec_driver_sql(
            f"SELECT code FROM recipient ORDER BY random() LIMIT {samples}")]
    engine.dispose()
    rng = random.Random(7)
    return [(din, rng.choice(recipients)) for din in dins]


def measure(url: str, scans: list[tuple[str, str]]) -> tuple[float, float, float]:
    core = open_core(url, migrate=False)
    times = []
    for din, recipient in scans:
        start = time.perf_counter()
        verdict = core.chain.hospital.check_bedside(
            product_scan=f"={din}00", recipient_scan=recipient)
        times.append((time.perf_counter() - start) * 1000)
        assert verdict is not None
    core.close()
    return stats(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--backends", nargs="+", choices=("sqlite", "postgresql"),
                        default=["sqlite"])
    parser.add_argument("--pg", default=PG_SERVER, help="PostgreSQL server (maintenance db URL)")
    args = parser.parse_args()
    print("| site | backend | generation | median | p95 | max | load |")
    print("|---|---|---|---|---|---|---|")
    for size in args.sizes:
        scans: list[tuple[str, str]] = []
        for backend in args.backends:
            with site(backend, size, args.pg) as url:
                seconds, count = populate(url, size)
                # bound to the trail as the app would have written it: the verdict now checks
                # the unit, batch, recipient and thaw rows against their last recorded state
                seconds += seal_site(url)[1]
                analyze_if_postgres(url)
                scans = scans or sample(url, args.samples)  # the same scans on every backend
                median, p95, worst = measure(url, scans)
                print(f"| {count:,} units | {backend} | {seconds:.1f} s | {median:.1f} ms "
                      f"| {p95:.1f} ms | {worst:.0f} ms | {load()} |", flush=True)


if __name__ == "__main__":
    main()
