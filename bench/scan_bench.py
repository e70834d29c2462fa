"""Scan-to-verdict at scale (issue 7 goal: < 20 ms median): a bar code scanned at the bedside
is parsed, the unit and recipient are looked up and every hard stop is evaluated — the
read-only `HospitalService.check_bedside` the screen calls before anyone confirms.

Uses the site generator of bench/trace_bench.py, at several sizes in one run, to show how the
time grows with the site.

Usage: python bench/scan_bench.py [--sizes 10000 100000 1000000] [--samples 300]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from trace_bench import populate  # noqa: E402

from models.core import open_core  # noqa: E402
from models.db import make_engine  # noqa: E402


def sample(url: str, samples: int) -> tuple[list[str], list[str]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        dins = [r[0] for r in conn.exec_driver_sql(
            # split units share a DIN and need the product code scanned too; keep it one scan
            "SELECT din FROM product_unit GROUP BY din HAVING count(*) = 1 "
            f"ORDER BY random() LIMIT {samples}")]
        recipients = [r[0] for r in conn.exec_driver_sql(
            f"SELECT code FROM recipient ORDER BY random() LIMIT {samples}")]
    engine.dispose()
    return dins, recipients


def measure(url: str, samples: int) -> tuple[float, float]:
    core = open_core(url, migrate=False)
    dins, recipients = sample(url, samples)
    rng = random.Random(7)
    times = []
    for din in dins:
        start = time.perf_counter()
        verdict = core.chain.hospital.check_bedside(
            product_scan=f"={din}00", recipient_scan=rng.choice(recipients))
        times.append((time.perf_counter() - start) * 1000)
        assert verdict is not None
    core.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    for size in args.sizes:
        url = f"sqlite:///{tempfile.mkdtemp()}/scan_bench.db"
        seconds, count = populate(url, size)
        median, p95 = measure(url, args.samples)
        print(f"{count:>9,} units (generated in {seconds:5.1f} s): scan-to-verdict "
              f"median {median:5.2f} ms, p95 {p95:5.2f} ms")


if __name__ == "__main__":
    main()
