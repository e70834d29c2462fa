"""Chain-of-identity trace at scale: generate a site of N units with bulk Core inserts, then
time traces from every kind of identifier.  Goal (issue 3): < 50 ms per trace at 1M units.
On PostgreSQL the same site goes into a scratch database, ANALYZEd before timing.

Site shape: one donor → one collection → one batch → 20 units; every 50th batch also goes
into a two-source pool (10 units); 2 % of units are split in two; a third of the units are
administered, each to its own recipient.

Usage: python bench/trace_bench.py [--sizes 10000 100000 1000000] [--samples 200]
                                   [--backends sqlite postgresql] [--pg SERVER_URL]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from _common import (  # noqa: E402
    PG_SERVER,
    analyze_if_postgres,
    load,
    pg_database,
    sqlite_database,
    stats,
)
from sqlalchemy import Table, insert  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from models.chain.trace import build_trace  # noqa: E402
from models.entities import (  # noqa: E402
    Administration,
    Batch,
    BatchSource,
    Collection,
    Donor,
    ProductType,
    ProductUnit,
    Recipient,
    Site,
    UnitLink,
)
from models.isbt128 import make_din  # noqa: E402
from models.kernel import schema  # noqa: E402
from models.kernel.db import make_engine  # noqa: E402

PER_BATCH, CHUNK = 20, 20000
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def _table(cls: Any) -> Table:
    return cls.__table__  # type: ignore[no-any-return]


class Generator:
    def __init__(self, units: int) -> None:
        self.batches = units // PER_BATCH
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.unit_id = 0
        self.din_seq = 0

    def _din(self) -> str:
        self.din_seq += 1
        year, seq = divmod(self.din_seq, 1_000_000)
        return make_din("A9990", 25 + year, seq).number

    def _unit(self, batch: int, division: str = "00", din: str | None = None) -> dict[str, Any]:
        self.unit_id += 1
        return {
            "id": self.unit_id,
            "din": din or self._din(),
            "product_code": "S1389V" + division,
            "division": division,
            "batch_id": batch,
            "container_type": "cryobag",
            "quality_status": "released",
            "disposition": "in_stock",
            "recalled": False,
            "created_at": T0,
            "created_by": "bench",
            "site_id": 1,
        }

    def chunks(self) -> Iterator[tuple[Any, list[dict[str, Any]]]]:
        """Rows per table, in dependency order, a few thousand batches at a time."""
        rng = random.Random(7)
        step = 1000
        for first in range(1, self.batches + 1, step):
            ids = range(first, min(first + step, self.batches + 1))
            donors = [
                {
                    "id": i,
                    "code": f"DN-{i:07d}",
                    "donor_type": "allogeneic",
                    "eligibility": "eligible",
                    "infectious": False,
                    "registered_at": T0,
                }
                for i in ids
            ]
            colls = [
                {
                    "id": i,
                    "code": f"CL-{i:07d}",
                    "donor_id": i,
                    "material": "cord",
                    "collected_at": T0,
                    "accepted": True,
                    "coi_id": f"CHA999025{i:06X}"[:15],
                }
                for i in ids
            ]
            batches = [
                {
                    "id": i,
                    "number": f"B-UCMSC-{i:07d}",
                    "product_type_id": 1,
                    "collection_id": i,
                    "coi_id": colls[n]["coi_id"],
                    "status": "released",
                    "created_at": T0,
                    "created_by": "bench",
                    "is_pool": False,
                }
                for n, i in enumerate(ids)
            ]
            units, links, recipients, given, sources = [], [], [], [], []
            for b in ids:
                for _ in range(PER_BATCH):
                    unit = self._unit(b)
                    units.append(unit)
                    if rng.random() < 0.02:
                        unit["disposition"] = "transformed"
                        for div in ("A0", "B0"):
                            child = self._unit(b, div, unit["din"])
                            units.append(child)
                            links.append(
                                {
                                    "parent_unit_id": unit["id"],
                                    "child_unit_id": child["id"],
                                    "kind": "split",
                                    "reason": "bench",
                                    "linked_at": T0,
                                    "linked_by": "bench",
                                }
                            )
                    elif rng.random() < 0.33:
                        unit["disposition"] = "administered"
                        rid = unit["id"]
                        recipients.append({"id": rid, "code": f"P-{rid:08d}", "initials": "XX"})
                        given.append(
                            {
                                "unit_id": rid,
                                "recipient_id": rid,
                                "started_at": T0,
                                "administered_by": "bench",
                                "verified_by": "bench2",
                            }
                        )
            pools = []
            for b in ids:
                if b % 50 == 0 and b > 1:
                    pool_id = self.batches + b
                    pools.append(
                        {
                            "id": pool_id,
                            "number": f"B-POOL-{b:07d}",
                            "product_type_id": 1,
                            "is_pool": True,
                            "collection_id": None,
                            "coi_id": None,
                            "status": "released",
                            "created_at": T0,
                            "created_by": "bench",
                        }
                    )
                    sources += [
                        {"pool_batch_id": pool_id, "source_batch_id": s} for s in (b - 1, b)
                    ]
                    units += [self._unit(pool_id) for _ in range(10)]
            yield _table(Donor), donors
            yield _table(Collection), colls
            yield _table(Batch), batches + pools
            yield _table(BatchSource), sources
            yield _table(ProductUnit), units
            yield _table(UnitLink), links
            yield _table(Recipient), recipients
            yield _table(Administration), given


def populate(url: str, units: int) -> tuple[float, int]:
    engine = make_engine(url)
    schema.upgrade(engine)
    start = time.perf_counter()
    gen = Generator(units)
    with engine.begin() as conn:
        conn.execute(
            insert(_table(Site)),
            [
                {
                    "id": 1,
                    "code": "TJ-CTF",
                    "name": "bench",
                    "kind": "manufacturer",
                    "isbt_facility_code": "A9990",
                    "qualified": True,
                    "timezone": "UTC",
                }
            ],
        )
        conn.execute(
            insert(_table(ProductType)),
            [
                {
                    "id": 1,
                    "code": "S1389",
                    "name_en": "MSC",
                    "name_zh": "MSC",
                    "category": "msc",
                    "storage_condition_en": "-150",
                    "storage_condition_zh": "-150",
                    "shelf_life_hours": 8760,
                    "post_thaw_minutes": 60,
                    "active": True,
                }
            ],
        )
        for table, rows in gen.chunks():
            for i in range(0, len(rows), CHUNK):
                if rows[i : i + CHUNK]:
                    conn.execute(insert(table), rows[i : i + CHUNK])
    engine.dispose()
    return time.perf_counter() - start, gen.unit_id


def identifiers(url: str, samples: int) -> dict[str, list[str]]:
    engine = make_engine(url)
    rng = random.Random(11)
    with engine.connect() as conn:

        def pick(sql: str) -> list[str]:
            return [r[0] for r in conn.exec_driver_sql(f"{sql} ORDER BY random() LIMIT {samples}")]

        found = {
            "donor": pick("SELECT code FROM donor"),
            "batch": pick("SELECT number FROM batch"),
            "din": pick("SELECT din FROM product_unit WHERE division = '00'"),
            "coi": pick("SELECT coi_id FROM collection"),
            "recipient": pick("SELECT code FROM recipient"),
        }
    engine.dispose()
    rng.shuffle(found["din"])
    return found


def time_traces(url: str, ids: dict[str, list[str]]) -> dict[str, tuple[float, float, float]]:
    engine = make_engine(url)
    result = {}
    for kind, values in ids.items():
        times = []
        for value in values:
            with Session(engine) as session:
                start = time.perf_counter()
                trace = build_trace(session, value)
                times.append((time.perf_counter() - start) * 1000)
                assert trace.donors or trace.batches, value
        result[kind] = stats(times)
    engine.dispose()
    return result


def site(backend: str, size: int, server: str) -> AbstractContextManager[str]:
    """A fresh database of the backend; the same generated site goes into either."""
    if backend == "sqlite":
        return sqlite_database(f"site_{size}")
    return pg_database(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--backends", nargs="+", choices=("sqlite", "postgresql"),
                        default=["sqlite"])
    parser.add_argument("--pg", default=PG_SERVER, help="PostgreSQL server (maintenance db URL)")
    args = parser.parse_args()
    print("| site | backend | generation | from | median | p95 | max | load |")
    print("|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        ids: dict[str, list[str]] = {}
        for backend in args.backends:
            with site(backend, size, args.pg) as url:
                seconds, count = populate(url, size)
                analyze_if_postgres(url)
                # the same identifiers on every backend: the generated sites are identical
                ids = ids or identifiers(url, args.samples)
                cells = [f"{count:,} units", backend, f"{seconds:.1f} s"]
                for kind, (median, p95, worst) in time_traces(url, ids).items():
                    print(f"| {' | '.join(cells)} | {kind} | {median:.1f} ms | {p95:.1f} ms "
                          f"| {worst:.0f} ms | {load()} |", flush=True)
                    cells = ["", "", ""]


if __name__ == "__main__":
    main()
