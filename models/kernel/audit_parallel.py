"""Verify a large audit chain on every core: disjoint ranges in worker processes, then join.

Each worker recomputes the hashes of its own range; the parent checks that every range's
first entry links to the previous range's last hash and that the tip matches the chain
head, so the verdict is exactly the sequential one, only faster on a multi-core machine.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities.audit import GENESIS_HASH, AuditEntry
from models.kernel.audit import (
    ChainBreak,
    ChainReport,
    SegmentReport,
    finish_report,
    verify_segment,
)
from models.kernel.db import make_engine, read_only

PARALLEL_THRESHOLD = 200_000  # below this, process start-up costs more than it saves


def _verify_range(url: str, first_seq: int, stop: int) -> SegmentReport:
    engine = make_engine(url)
    try:
        with Session(read_only(engine)) as session:
            return verify_segment(session, first_seq, stop, None)
    finally:
        engine.dispose()


def verify_chain_parallel(
    url: str, workers: int | None = None, threshold: int = PARALLEL_THRESHOLD
) -> ChainReport:
    """Same verdict as ``verify_chain`` for the database at ``url``."""
    workers = workers or os.cpu_count() or 1
    engine = make_engine(url)
    try:
        with Session(read_only(engine)) as session:
            top = session.scalar(select(func.max(AuditEntry.seq))) or 0
            if workers < 2 or top < threshold:
                segment = verify_segment(session, 1, None, GENESIS_HASH)
                return finish_report(
                    session, segment.checked, segment.last_hash, segment.first_break
                )
            segments = _run_segments(url, top, workers)
            return _join(session, segments)
    finally:
        engine.dispose()


def _run_segments(url: str, top: int, workers: int) -> list[SegmentReport]:
    size = -(-top // workers)
    bounds = [(start, min(start + size - 1, top)) for start in range(1, top + 1, size)]
    # "spawn": forking a process that may hold Qt threads or open connections is unsafe.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_verify_range, url, lo, hi) for lo, hi in bounds]
        return [f.result() for f in futures]


def _join(session: Session, segments: list[SegmentReport]) -> ChainReport:
    checked, link = 0, GENESIS_HASH
    for segment in segments:
        if segment.checked and segment.entry_prev_hash != link:
            problem = "previous-hash link broken (an entry before it was removed or replaced)"
            return finish_report(session, checked, link, ChainBreak(segment.first_seq, problem))
        if segment.first_break is not None:
            return finish_report(
                session, checked + segment.checked, segment.last_hash, segment.first_break
            )
        checked, link = checked + segment.checked, segment.last_hash
    return finish_report(session, checked, link, None)
