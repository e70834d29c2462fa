"""Bind a bulk-generated site to its audit trail, as if every row had been written by the app.

The bench generators insert rows with plain INSERTs (millions of them); since issue 12 the app
records every row's state in the trail (models/kernel/record_state.py), and decisions refuse
rows without one. This writes, for every row, the STATE entry the app would have written:
the app's own canonical text and hash chain, written in bulk with the audit bench's writers.
``semantic_per_state`` adds that many ordinary entries before each STATE entry, for a trail
with the mix of a working site (the demo site's trail is about half STATE entries).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from audit_bench import KINDS, WORKSTATION, _postgres_writer, _sqlite_writer
from sqlalchemy import text

from models.kernel.audit import AuditAction, _digest
from models.kernel.db import make_engine, read_only
from models.kernel.record_state import bound_tables, row_state, stream_values

T0 = datetime(2025, 6, 1, tzinfo=UTC)


def seal_site(url: str, semantic_per_state: int = 0) -> tuple[int, float]:
    """Append the STATE entries (and the ordinary ones); returns (entries written, seconds)."""
    start = time.perf_counter()
    engine = make_engine(url)
    with engine.connect() as conn:
        seq, prev = conn.execute(text("SELECT last_seq, last_hash FROM audit_chain_head")).one()
    reader = read_only(engine).connect()
    counter = {"written": 0}

    def entries() -> Iterator[tuple[Any, ...]]:
        nonlocal seq, prev
        state = AuditAction.STATE.value
        for table in bound_tables():
            for values in stream_values(reader, table, page=20_000):
                record = row_state(table, values)
                kinds = [KINDS[(seq + i) % len(KINDS)] for i in range(semantic_per_state)]
                for action, subject, old, new, reason in kinds:
                    yield entry(action, subject, record.subject_id, old, new, reason)
                yield entry(state, table.name, record.subject_id, record.fingerprint,
                            record.state, None)

    def entry(action: str, subject: str, subject_id: str, old: Any, new: Any, reason: Any
              ) -> tuple[Any, ...]:
        nonlocal seq, prev
        seq += 1
        at = T0 + timedelta(microseconds=seq * 1_234)
        digest = _digest(seq, at, "system", action, subject, subject_id, old, new, reason,
                         WORKSTATION, prev)
        row = (seq, at, "system", action, subject, subject_id, old, new, reason, WORKSTATION,
               prev, digest)
        prev = digest
        counter["written"] += 1
        return row

    raw = engine.raw_connection()
    try:
        writer = _sqlite_writer if engine.dialect.name == "sqlite" else _postgres_writer
        writer(raw.driver_connection, entries(), 1_000_000)
    finally:
        raw.close()
        reader.close()
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_chain_head SET last_seq = :n, last_hash = :h"),
                     {"n": seq, "h": prev})
    engine.dispose()
    return counter["written"], time.perf_counter() - start
