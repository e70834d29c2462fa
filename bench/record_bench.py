"""The record check of `celltrail audit verify` at scale (issue 12 goal: comparing every row
with its audit trail adds at most half again to the chain verification of a 1M-entry site).

Builds the trace bench's generated site (donors, collections, batches, units, recipients,
administrations, all by bulk INSERT), binds every row to the trail as the app would have
(bench/_seal.py: one STATE entry per row, preceded by one ordinary entry, so the trail is half
STATE entries like the demo site's), then times, on the same database:
  chain  — `verify_chain_parallel`, what `celltrail audit verify` runs for the hash chain;
  records — `check_records`, the comparison of every row with its last recorded state.
A self-check first forges one row and one deletion and requires both to be named.

Usage: python bench/record_bench.py [--units 125000] [--runs 3] [--backends sqlite postgresql]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from _common import PG_SERVER, analyze_if_postgres, load  # noqa: E402
from _seal import seal_site  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from trace_bench import populate, site  # noqa: E402

from models.kernel.audit_parallel import verify_chain_parallel  # noqa: E402
from models.kernel.db import make_engine, read_only  # noqa: E402
from models.kernel.record_check import check_records  # noqa: E402


def time_chain(url: str) -> tuple[float, int]:
    start = time.perf_counter()
    report = verify_chain_parallel(url)
    assert report.intact, report.first_break
    return time.perf_counter() - start, report.entries_checked


def time_records(url: str) -> tuple[float, int, int]:
    engine = make_engine(url)
    try:
        start = time.perf_counter()
        with Session(read_only(engine)) as session:
            report = check_records(session)
        seconds = time.perf_counter() - start
    finally:
        engine.dispose()
    assert report.intact, report.mismatches[:3]
    return seconds, report.rows_checked, report.states_in_trail


def self_check(backend: str, server: str) -> None:
    with site(backend, 2000, server) as url:
        populate(url, 2000)
        seal_site(url, semantic_per_state=1)
        engine = make_engine(url)
        with engine.begin() as conn:
            conn.execute(text("UPDATE product_unit SET quality_status = 'rejected' WHERE id = 7"))
            conn.execute(text("DELETE FROM administration WHERE id = 3"))
        with Session(engine) as session:
            named = {(m.table, m.record_id, m.kind) for m in check_records(session).mismatches}
        engine.dispose()
        expected = {("product_unit", "7", "altered"), ("administration", "3", "deleted")}
        print(f"self-check ({backend}): forged rows named: {named == expected} {sorted(named)}")
        assert named == expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=125_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backends", nargs="+", choices=("sqlite", "postgresql"),
                        default=["sqlite"])
    parser.add_argument("--pg", default=PG_SERVER)
    args = parser.parse_args()
    for backend in args.backends:
        self_check(backend, args.pg)
    print("| backend | units | rows | entries | chain verify | record check | ratio | load |")
    print("|---|---|---|---|---|---|---|---|")
    for backend in args.backends:
        with site(backend, args.units, args.pg) as url:
            populate(url, args.units)
            written, seconds = seal_site(url, semantic_per_state=1)
            analyze_if_postgres(url)
            print(f"(generated: {written:,} entries in {seconds:.0f} s)", flush=True)
            chains, records = [], []
            for _ in range(args.runs):
                chain_s, entries = time_chain(url)
                record_s, rows, _states = time_records(url)
                chains.append(chain_s)
                records.append(record_s)
            chain, record = statistics.median(chains), statistics.median(records)
            print(f"| {backend} | {args.units:,} | {rows:,} | {entries:,} | {chain:.2f} s "
                  f"| {record:.2f} s | +{record / chain:.0%} | {load()} |", flush=True)


if __name__ == "__main__":
    main()
