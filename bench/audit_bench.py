"""Audit trail at scale (issue 7 goal: >= 1M entries verified per 10 s), up to 10M entries.

For each size: bulk-generate a valid hash chain into a database created by the app's own
migrations (real schema, real append-only triggers), then time the real verifiers:
`verify_chain` (sequential) and `verify_chain_parallel` (what `celltrail audit verify` runs).
Side by side, in the same run: a naive ORM-object walk (what a site-written checker would
look like) and the floor "dump every row in order and hash the stream" (sqlite3/psql | sha256sum),
which reads the same bytes but checks nothing.

The generator hashes with models.kernel.audit's own digest and writes with raw executemany (SQLite)
or COPY (PostgreSQL) in large transactions. A self-check runs first: its rows must equal, column
for column, what AuditLog.record writes for the same events, and one altered row must be caught.

Usage: python bench/audit_bench.py [--sizes 10000 100000 1000000 10000000]
           [--backend sqlite|postgresql] [--pg SERVER_URL] [--orm-max 1000000] [--keep]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from _common import PG_SERVER, load, pg_database, sqlite_database  # noqa: E402
from sqlalchemy import Engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from models.entities.audit import GENESIS_HASH, AuditEntry  # noqa: E402
from models.kernel import schema  # noqa: E402
from models.kernel.audit import AuditAction, AuditLog, _digest, entry_digest, verify_chain  # noqa: E402
from models.kernel.audit_parallel import verify_chain_parallel  # noqa: E402
from models.kernel.db import make_engine, read_only  # noqa: E402

T0 = datetime(2025, 1, 1, tzinfo=UTC)
WORKSTATION = "CR-02"
ACTORS = ("wang", "li.na", "zhang", "qa.chen", "system")
# (action, subject type, old, new, reason): a production site's mix, Chinese text included
KINDS = (
    ("change", "product_unit", '{"status":"quarantine"}', '{"status":"released"}', None),
    ("transition", "batch", '{"state":"in_process"}', '{"state":"qa_review"}', None),
    ("print", "label", None, '{"copies":1,"printer":"ZT410-2"}', None),
    ("sign", "batch", None, '{"meaning":"released"}', "放行 release per SOP-QA-012"),
    ("login", "user", None, None, None),
    ("create", "product_unit", None, '{"din":"A9990 25 000001","division":"00"}', None),
)
COLUMNS = tuple(c.name for c in AuditEntry.__table__.columns)
Entry = tuple[Any, ...]  # one row in COLUMNS order, `at` an aware datetime


def entries(count: int) -> Iterator[Entry]:
    """Entries 1..count, each hashed with the app's digest and chained to the previous one."""
    prev = GENESIS_HASH
    for seq in range(1, count + 1):
        action, subject, old, new, reason = KINDS[seq % len(KINDS)]
        at = T0 + timedelta(microseconds=seq * 1_234_567)
        actor, subject_id = ACTORS[seq % len(ACTORS)], str(seq % 50_000)
        digest = _digest(seq, at, actor, action, subject, subject_id, old, new, reason,
                         WORKSTATION, prev)
        yield (seq, at, actor, action, subject, subject_id, old, new, reason, WORKSTATION,
               prev, digest)
        prev = digest


def generate(engine: Engine, count: int, commit_every: int = 1_000_000) -> float:
    """Write ``count`` chained entries and move the chain head to the last; returns seconds."""
    start = time.perf_counter()
    raw = engine.raw_connection()
    try:
        writer = _sqlite_writer if engine.dialect.name == "sqlite" else _postgres_writer
        last = writer(raw.driver_connection, entries(count), commit_every)
    finally:
        raw.close()
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_chain_head SET last_seq = :n, last_hash = :h"),
                     {"n": count, "h": last})
    return time.perf_counter() - start


def _sqlite_writer(conn: Any, rows: Iterator[Entry], commit_every: int) -> str:
    # A generator, not the app's write path: no fsync per commit, and a page cache that holds
    # the random-order entry_hash index. Hashing is about 60 % of the time; a writer thread
    # overlapping it was no faster on the shared two cores, so this stays one plain loop.
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-4000000")
    sql = f"INSERT INTO audit_entry ({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})"
    last, chunk = GENESIS_HASH, min(commit_every, 50_000)
    conn.execute("BEGIN")
    # SQLAlchemy stores a SQLite DateTime as naive UTC text 'YYYY-MM-DD HH:MM:SS.ffffff'
    while batch := [(r[0], r[1].replace(tzinfo=None).isoformat(" ", "microseconds"), *r[2:])
                    for r in islice(rows, chunk)]:
        conn.executemany(sql, batch)
        last = batch[-1][-1]
        if batch[-1][0] % commit_every == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
    conn.execute("COMMIT")
    return last


def _postgres_writer(conn: Any, rows: Iterator[Entry], commit_every: int) -> str:
    last, written = GENESIS_HASH, commit_every
    while written == commit_every:  # one COPY and one commit per slice
        written = 0
        with conn.cursor() as cur, cur.copy(
                f"COPY audit_entry ({','.join(COLUMNS)}) FROM STDIN") as copy:
            for row in islice(rows, commit_every):
                copy.write_row(row)
                last, written = row[-1], written + 1
        conn.commit()
    return last


def orm_walk(engine: Engine) -> tuple[int, int | None]:
    """The obvious hand-written checker: load every AuditEntry object in seq order and
    recompute its hash. Returns (entries checked, first bad seq or None)."""
    prev, expected = GENESIS_HASH, 1
    with Session(read_only(engine)) as session:
        query = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=20_000)
        for entry in session.scalars(query):
            if (entry.seq, entry.prev_hash, entry.entry_hash) != (expected, prev,
                                                                 entry_digest(entry)):
                return expected - 1, expected
            prev, expected = entry.entry_hash, expected + 1
    return expected - 1, None


def dump_and_hash(url: str) -> str:
    """Every row in seq order through the database's own CLI into sha256sum: the cost of just
    reading the bytes once. One digest of the whole dump says nothing about which entry
    changed and needs a trusted earlier dump to compare with; it is a floor, not a check."""
    parsed = make_url(url)
    query = "SELECT * FROM audit_entry ORDER BY seq"
    if parsed.get_backend_name() == "sqlite":
        dump = ["sqlite3", "-readonly", str(parsed.database), query]
    else:
        libpq = parsed.set(drivername="postgresql").render_as_string(False)
        dump = ["psql", libpq, "-Atc", f"COPY ({query}) TO STDOUT"]
    with subprocess.Popen(dump, stdout=subprocess.PIPE) as producer:
        digest = subprocess.run(["sha256sum"], stdin=producer.stdout, capture_output=True,
                                check=True, text=True).stdout.split()[0]
    return digest


def sequential(engine: Engine) -> tuple[int, int | None]:
    with Session(read_only(engine)) as session:
        report = verify_chain(session)
    return report.entries_checked, report.first_break.seq if report.first_break else None


def parallel(url: str, threshold: int | None = None) -> tuple[int, int | None]:
    kwargs = {} if threshold is None else {"workers": 2, "threshold": threshold}
    report = verify_chain_parallel(url, **kwargs)
    return report.entries_checked, report.first_break.seq if report.first_break else None


def database(backend: str, name: str, server: str, keep: bool) -> AbstractContextManager[str]:
    if backend == "sqlite":
        return sqlite_database(name, keep)
    return pg_database(server, keep, name="celltrail_bench" + name.removeprefix("audit"))


def self_check(backend: str, server: str) -> None:
    """The generator's rows are what the app writes, and the verifiers catch one altered row."""
    count = 400
    with database(backend, "audit_check_app", server, False) as app_url, \
            database(backend, "audit_check_gen", server, False) as gen_url:
        app, gen = make_engine(app_url), make_engine(gen_url)
        schema.upgrade(app)
        schema.upgrade(gen)
        with Session(app) as session, session.begin():
            log = AuditLog(session, WORKSTATION)
            for row in entries(count):
                log.record(AuditAction(row[3]), actor=row[2], subject_type=row[4],
                           subject_id=row[5], old=row[6], new=row[7], reason=row[8], at=row[1])
        generate(gen, count, commit_every=128)
        dump = "SELECT * FROM audit_entry ORDER BY seq"  # raw driver values: stored text too
        with app.connect() as a, gen.connect() as g:
            same = (a.exec_driver_sql(dump).all() == g.exec_driver_sql(dump).all()
                    and a.exec_driver_sql("SELECT * FROM audit_chain_head").all()
                    == g.exec_driver_sql("SELECT * FROM audit_chain_head").all())
        print(f"self-check: {count} generated rows identical to AuditLog's: {same}")
        results = [sequential(gen), parallel(gen_url, threshold=0), orm_walk(gen)]
        print(f"self-check: untouched chain (seq, parallel, ORM walk) -> {results}")
        ok = same and all(r == (count, None) for r in results)
        # tamper as a DB-browser user would: switch the append-only trigger off, edit, restore
        off, on = (("DROP TRIGGER audit_entry_no_update", _SQLITE_TRIGGER)
                   if backend == "sqlite" else
                   ("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                    "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only"))
        for seq in (37, 301):  # one in each parallel segment (1..200, 201..400)
            with gen.begin() as conn:
                conn.exec_driver_sql(off)
                conn.execute(text("UPDATE audit_entry SET reason = 'x' WHERE seq = :s"),
                             {"s": seq})
            results = [sequential(gen), parallel(gen_url, threshold=0), orm_walk(gen)]
            print(f"self-check: row {seq} altered -> first break found at {results}")
            ok = ok and all(r == (seq - 1, seq) for r in results)
            with gen.begin() as conn:
                conn.execute(text("UPDATE audit_entry SET reason = :r WHERE seq = :s"),
                             {"r": KINDS[seq % len(KINDS)][4], "s": seq})
                conn.exec_driver_sql(on)
        app.dispose()
        gen.dispose()
    if not ok:
        raise SystemExit("self-check failed: the generated chain is not genuine")


_SQLITE_TRIGGER = ("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
                   "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only: UPDATE refused'); END")


def timed(fn: Callable[[], Any]) -> tuple[float, Any, str]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result, load()


def bench(backend: str, size: int, server: str, orm_max: int, keep: bool) -> list[str]:
    cells = [f"{size:,}"]
    with database(backend, f"audit_{size}", server, keep) as url:
        engine = make_engine(url)
        schema.upgrade(engine)
        seconds, _, at_load = timed(lambda: generate(engine, size))
        print(f"{size:>11,} generated in {seconds:7.1f} s ({size / seconds:,.0f}/s)  {at_load}")
        cells.append(f"{seconds:.1f} s ({at_load})")
        if backend == "postgresql":
            # autovacuum does this to a freshly loaded table; without it the first reader
            # pays for setting hint bits on every page
            seconds, _, at_load = timed(lambda: _vacuum(url))
            print(f"{'':>11} VACUUM ANALYZE {seconds:7.1f} s  {at_load}")
        steps: list[tuple[str, Callable[[], Any]]] = [
            ("sequential verify_chain", lambda: sequential(engine)),
            ("verify_chain_parallel", lambda: parallel(url)),
        ]
        if size <= orm_max:
            steps.append(("ORM-object walk", lambda: orm_walk(engine)))
        steps.append(("dump | sha256sum (floor)", lambda: (size, None, dump_and_hash(url))))
        for name, step in steps:
            seconds, result, at_load = timed(step)
            if result[:2] != (size, None):
                raise SystemExit(f"{name} did not find an intact chain of {size}: {result}")
            rate = size / seconds * 10
            print(f"{'':>11} {name:<25} {seconds:7.2f} s  {rate / 1e6:5.2f} M per 10 s  {at_load}")
            cells.append(f"{seconds:.2f} s · {rate / 1e6:.2f} M ({at_load})")
        if size > orm_max:
            cells.insert(4, "not run")
        engine.dispose()
    return cells


def _vacuum(url: str) -> None:
    engine = make_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM ANALYZE audit_entry")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+",
                        default=[10_000, 100_000, 1_000_000, 10_000_000])
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg", default=PG_SERVER, help="PostgreSQL server (maintenance db URL)")
    parser.add_argument("--orm-max", type=int, default=1_000_000,
                        help="largest size for the slow ORM walk")
    parser.add_argument("--keep", action="store_true", help="keep the generated databases")
    args = parser.parse_args()
    print(f"backend {args.backend}, {os.cpu_count()} cores, {load()}")
    self_check(args.backend, args.pg)
    table = [bench(args.backend, size, args.pg, args.orm_max, args.keep) for size in args.sizes]
    print("\n| entries | generation | sequential verify | parallel verify (CLI) "
          "| ORM-object walk | dump \\| sha256sum |\n|---|---|---|---|---|---|")
    for cells in table:
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
