"""The feed brings a station's own commits back to it: a set made only of this station's
commits, after which the screens were told of its work already, refreshes nothing a second
time; this station's work that no screen announced still refreshes, and another station's
change is never dropped, even in the same burst. Two stations on one database file (the real
feed on the audit chain head)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.live_feed import LiveFeed
from models.core import Core
from models.kernel.audit import AuditAction
from models.kernel.change_notify import OwnCommits, own_commits
from models.kernel.change_set import ChangeSet
from tests.gui.gui_helpers import sign_in
from tests.gui.scenario import demo
from tests.gui.test_live_feed import _print_elsewhere, other_station

__all__ = ["other_station"]


def _live(qtbot: QtBot, controller: AppController) -> tuple[LiveFeed, list[ChangeSet]]:
    sign_in(qtbot, controller, "chen")
    live = controller.window.live
    assert isinstance(live, LiveFeed)
    heard: list[ChangeSet] = []
    live.refreshed.connect(heard.append)
    qtbot.wait(800)  # the sign-in's own entries have come and gone
    heard.clear()
    return live, heard


def _labels(heard: list[ChangeSet]) -> set[str]:
    return {c.record_id for s in heard for c in s.changes if c.table == "printed_label"}


def test_own_work_the_screens_were_told_of_is_not_announced_again(
    qtbot: QtBot, controller: AppController
) -> None:
    live, heard = _live(qtbot, controller)
    core = controller.ctx.core
    _print_elsewhere(core, demo(core).msc_batch, units=1)  # this station's core, this station
    controller.ctx.events.records_changed.emit("printed_label")  # as the page does
    qtbot.waitUntil(lambda: live.echoes >= 1, timeout=5000)
    qtbot.wait(800)
    assert _labels(heard) == set()


def test_own_work_no_screen_announced_still_refreshes(
    qtbot: QtBot, controller: AppController
) -> None:
    live, heard = _live(qtbot, controller)
    core = controller.ctx.core
    _print_elsewhere(core, demo(core).msc_batch, units=1)  # nobody emits records_changed
    qtbot.waitUntil(lambda: bool(_labels(heard)), timeout=5000)
    assert live.echoes == 0


def test_another_stations_change_in_the_same_burst_is_announced(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    live, heard = _live(qtbot, controller)
    core = controller.ctx.core
    _print_elsewhere(core, demo(core).msc_batch, units=1)
    controller.ctx.events.records_changed.emit("printed_label")
    job = _print_elsewhere(other_station, demo(other_station).msc_batch, units=1)
    theirs = {
        str(r.id)
        for r in other_station.label_station_reads.batch_labels(
            next(
                b.id
                for b in other_station.label_station_reads.choices().batches
                if b.number == demo(other_station).msc_batch
            )
        ).labels
        if r.job_id == job
    }
    qtbot.waitUntil(lambda: theirs <= _labels(heard), timeout=5000)


def test_own_commits_are_only_what_committed() -> None:
    own = OwnCommits()
    own.add([5, 6, 7], at=1.0)
    own.add([9], at=2.0)
    assert own.committed_at(5, 7) == 1.0
    assert own.committed_at(5, 9) is None  # 8 is another station's
    assert own.committed_at(0, 0) is None  # the refusal's catch-up: never an echo
    assert own.committed_at(9, 9) == 2.0


def test_only_committed_entries_are_own(demo_core: Core) -> None:
    own = own_commits(demo_core.engine)
    with demo_core.uow() as uow:
        rolled_back = uow.audit.record(
            AuditAction.LOGIN_FAILED, actor="chen", subject_type="user", subject_id="chen"
        ).seq
    assert own.committed_at(rolled_back, rolled_back) is None  # the number is free again
    with demo_core.uow() as uow:
        committed = uow.audit.record(
            AuditAction.LOGIN_FAILED, actor="chen", subject_type="user", subject_id="chen"
        ).seq
        uow.commit()
    assert committed == rolled_back and own.committed_at(committed, committed) is not None
