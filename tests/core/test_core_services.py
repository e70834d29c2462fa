"""The core builds the services sign-in does not use on first use (issue 11): each is built
once per core, also when two threads ask for it at the same moment (the GUI reads services on
its own thread and on the database worker thread)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from models.chain import suite
from models.chain.suite import ChainServices
from models.core import Core
from models.quality.suite import QualityServices

LAZY = [
    "steps",
    "line_clearance",
    "quality",
    "chain",
    "labeling",
    "label_station_reads",
    "cleanroom_reads",
    "dashboard_reads",
    "disposal_reads",
]


def test_the_services_are_built_on_first_use_and_kept(core: Core) -> None:
    assert not set(LAZY) & set(vars(core)), "built before anyone asked for them"
    for name in LAZY:
        assert getattr(core, name) is getattr(core, name), name
    assert isinstance(core.chain, ChainServices)
    assert isinstance(core.quality, QualityServices)


def test_threads_racing_for_a_service_get_the_same_one(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = suite.build_chain_services

    def slow_build(*args: Any, **kwargs: Any) -> ChainServices:
        time.sleep(0.05)  # every racing thread is inside the build unless the core serialises it
        return build(*args, **kwargs)

    monkeypatch.setattr(suite, "build_chain_services", slow_build)
    threads = 4
    start = threading.Barrier(threads)

    def read(_: int) -> ChainServices:
        start.wait()
        return core.chain

    with ThreadPoolExecutor(threads) as pool:
        seen = list(pool.map(read, range(threads)))
    assert all(service is seen[0] for service in seen)


def test_a_core_does_not_share_its_services_with_another(core: Core, sqlite_url: str) -> None:
    from models.core import open_core

    other = open_core(sqlite_url)
    try:
        assert other.chain is not core.chain
        assert other.chain.trace is not core.chain.trace
    finally:
        other.close()
