"""Audit trail at scale: append N entries through AuditLog-equivalent hashing, then time
`verify_chain` over all of them.  Goal (issue 7): >= 1M entries verified per 10 s.

Usage: python bench/audit_bench.py [--entries 1000000] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import insert, update  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from models import schema  # noqa: E402
from models.audit import entry_digest, verify_chain  # noqa: E402
from models.db import make_engine  # noqa: E402
from models.entities.audit import GENESIS_HASH, AuditChainHead, AuditEntry  # noqa: E402


def populate(url: str, count: int, batch: int = 20000) -> float:
    engine = make_engine(url)
    schema.upgrade(engine)
    start, prev, at0 = time.perf_counter(), GENESIS_HASH, datetime(2025, 1, 1, tzinfo=UTC)
    for first in range(1, count + 1, batch):
        rows = []
        for seq in range(first, min(first + batch, count + 1)):
            entry = AuditEntry(seq=seq, at=at0 + timedelta(seconds=seq), actor="wang",
                               action="change", subject_type="product_unit",
                               subject_id=str(seq % 5000), old_value='{"status":"quarantine"}',
                               new_value='{"status":"released"}', reason=None,
                               workstation="bench", prev_hash=prev)
            entry.entry_hash = prev = entry_digest(entry)
            rows.append({c.name: getattr(entry, c.key) for c in AuditEntry.__table__.columns})
        with engine.begin() as conn:
            conn.execute(insert(AuditEntry), rows)
    with engine.begin() as conn:
        conn.execute(update(AuditChainHead).values(last_seq=count, last_hash=prev))
    engine.dispose()
    return time.perf_counter() - start


def verify(url: str) -> tuple[float, int, bool]:
    engine = make_engine(url)
    with Session(engine) as session:
        start = time.perf_counter()
        report = verify_chain(session)
        elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed, report.entries_checked, report.intact


def verify_parallel(url: str) -> tuple[float, int, bool]:
    from models.audit_parallel import verify_chain_parallel

    start = time.perf_counter()
    report = verify_chain_parallel(url)
    return time.perf_counter() - start, report.entries_checked, report.intact


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--db", default=None, help="empty database URL (default: temp SQLite)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{tempfile.mkdtemp()}/audit-bench.db"
    written = populate(url, args.entries)
    elapsed, checked, intact = verify(url)
    print(f"backend            {url.split(':')[0]}")
    print(f"entries            {args.entries:,}")
    print(f"append (bulk)      {written:.1f} s  ({args.entries / written:,.0f} entries/s)")
    print(f"verify whole chain {elapsed:.2f} s  ({checked / elapsed:,.0f} entries/s, "
          f"{checked / elapsed * 10:,.0f} per 10 s) intact={intact}")
    elapsed, checked, intact = verify_parallel(url)
    print(f"verify, all cores  {elapsed:.2f} s  ({checked / elapsed:,.0f} entries/s, "
          f"{checked / elapsed * 10:,.0f} per 10 s) intact={intact}")


if __name__ == "__main__":
    main()
