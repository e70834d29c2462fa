"""Real PostgreSQL, two stations in one process on separate connections: labels printed in the
label room appear in the QA desk's work queue without a click (LISTEN/NOTIFY), and a QA desk
whose listening connection the server killed catches up once it reconnects."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from gui.context import AppContext
from gui.events import AppEvents
from gui.live_feed import LiveFeed, engine_feed
from gui.operations import database_pool
from gui.pages.home.page import HomePage
from gui.session import SessionUser
from gui.station import StationConfig
from models.core import Core, open_core
from models.feed.feed import ChangeFeed
from models.feed.sources import ListenSource
from models.identity.passwords import fast_passwords_for_tests
from models.overview.work_queue import WorkQueue
from tests.conftest import PG_ADMIN_URL, make_core, sign_in
from tests.labeling.conftest import bag_labels_printed

pytestmark = pytest.mark.postgres


@dataclass
class Desk:
    page: HomePage
    live: LiveFeed
    core: Core


@pytest.fixture
def label_room(postgres_url: str) -> Iterator[Core]:
    core = make_core(postgres_url, workstation="L-104")
    yield core
    core.close()


@pytest.fixture
def qa_desk(qtbot: QtBot, label_room: Core, tmp_path: Path) -> Iterator[Desk]:
    url = label_room.engine.url.render_as_string(hide_password=False)
    core = sign_in(open_core(url, passwords=fast_passwords_for_tests(), workstation="QA-01"))
    ctx = AppContext(core, AppEvents(), StationConfig(name="QA-01", role="qa"), tmp_path / "s")
    ctx.user = SessionUser("chen", "Chen QA", frozenset({"qa"}))
    page = HomePage(ctx)
    qtbot.addWidget(page)
    live = LiveFeed(ctx.events, engine_feed(core.engine), page)
    with qtbot.waitSignal(page.queue_loaded, timeout=10000):
        page.show()
        page.refresh()
    live.start()
    assert live.feed.connected.wait(10)  # type: ignore[attr-defined]
    yield Desk(page, live, core)
    live.stop()
    database_pool().waitForDone()
    core.close()


def _print_labels(room: Core, number: str) -> list[int]:
    _job, batch_id = bag_labels_printed(room, number)
    return [label.id for label in room.label_station_reads.batch_labels(batch_id).labels]


def test_labels_printed_in_the_label_room_reach_the_qa_work_queue_without_a_click(
    qtbot: QtBot, qa_desk: Desk, label_room: Core
) -> None:
    shown: list[WorkQueue] = []
    qa_desk.page.queue_loaded.connect(shown.append)
    printed = _print_labels(label_room, "B-LIVE-0001")
    qtbot.waitUntil(
        lambda: any({i.label_id for i in q.labels_to_check} >= set(printed) for q in shown),
        timeout=10000,
    )


def test_a_desk_whose_listener_was_killed_catches_up_after_reconnecting(
    qtbot: QtBot, qa_desk: Desk, label_room: Core
) -> None:
    feed = qa_desk.live.feed
    assert isinstance(feed, ChangeFeed) and isinstance(feed.source, ListenSource)
    feed._delays = (60.0,)  # down until the desk sees the database again
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": feed.source.backend_pid})
    admin.dispose()
    qtbot.waitUntil(lambda: not feed.connected.is_set(), timeout=10000)
    shown: list[WorkQueue] = []
    qa_desk.page.queue_loaded.connect(shown.append)
    printed = _print_labels(label_room, "B-LIVE-0002")  # while the desk's line is down
    qtbot.wait(300)
    assert not any(q.labels_to_check for q in shown)  # nothing heard, nothing shown
    qa_desk.live.database_online(True)  # the connection monitor's news
    qtbot.waitUntil(
        lambda: any({i.label_id for i in q.labels_to_check} >= set(printed) for q in shown),
        timeout=15000,
    )
