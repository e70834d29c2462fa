"""Real PostgreSQL, two stations in one process on separate connections (LISTEN/NOTIFY): at the
QA desk two void forms are open, one per label; the label room voids one of the labels. That
form says who voided it, where and when, and cannot be submitted - and the service refuses it
anyway; the other form, whose label did not change, stays as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.context import AppContext
from gui.dialogs.form import Field, FormDialog
from gui.events import AppEvents
from gui.live_feed import LiveFeed, engine_feed
from gui.operations import database_pool
from gui.session import SessionUser
from gui.station import StationConfig
from models.core import Core, open_core
from models.identity.passwords import fast_passwords_for_tests
from models.kernel.record_version import RecordChangedError
from models.labeling.station_view import LabelRow
from tests.conftest import make_core, sign_in
from tests.labeling.conftest import bag_labels_printed

pytestmark = pytest.mark.postgres


@pytest.fixture
def label_room(postgres_url: str) -> Iterator[Core]:
    core = make_core(postgres_url, workstation="L-104")
    yield core
    core.close()


@pytest.fixture
def qa_desk(
    qtbot: QtBot, label_room: Core, tmp_path: Path
) -> Iterator[tuple[AppContext, LiveFeed]]:
    url = label_room.engine.url.render_as_string(hide_password=False)
    core = sign_in(open_core(url, passwords=fast_passwords_for_tests(), workstation="QA-01"))
    ctx = AppContext(core, AppEvents(), StationConfig(name="QA-01", role="qa"), tmp_path / "s")
    ctx.user = SessionUser("chen", "Chen QA", frozenset({"qa"}))
    holder = FormDialog(None, title="", summary="", fields=[], submit_text="", action=lambda v: v)
    qtbot.addWidget(holder)
    live = LiveFeed(ctx.events, engine_feed(core.engine), holder)
    live.start()
    assert live.feed.connected.wait(10)  # type: ignore[attr-defined]
    yield ctx, live
    live.stop()
    database_pool().waitForDone()
    core.close()


def _printed(room: Core) -> list[LabelRow]:
    _job, batch_id = bag_labels_printed(room, "B-STALE-0001")
    return list(room.label_station_reads.batch_labels(batch_id).labels)


def _void_form(qtbot: QtBot, ctx: AppContext, label: LabelRow) -> FormDialog:
    labeling = ctx.core.labeling
    form = FormDialog(
        None,
        title=f"Void label {label.id}",
        summary="",
        fields=[Field("reason", "Reason", "multiline", default="crease")],
        submit_text="Void label",
        action=lambda v: labeling.void_label(
            label_id=label.id, actor="chen", reason=v["reason"], expected_version=label.version
        ),
    )
    qtbot.addWidget(form)
    form.show()
    form.watch_record(ctx, "printed_label", label.id, label.version)
    qtbot.waitUntil(lambda: form.watch is not None and form.watch.version is not None)
    return form


def test_a_void_form_at_the_qa_desk_says_the_label_room_voided_its_label(
    qtbot: QtBot, qa_desk: tuple[AppContext, LiveFeed], label_room: Core
) -> None:
    ctx, live = qa_desk
    first, second = _printed(label_room)
    changed, unchanged = _void_form(qtbot, ctx, first), _void_form(qtbot, ctx, second)
    qtbot.wait(300)  # both forms' own look at the trail on opening: nothing changed
    assert changed.submit_button.isEnabled() and unchanged.submit_button.isEnabled()

    assert changed.watch is not None
    with qtbot.waitSignal(changed.watch.changed, timeout=10000):
        label_room.labeling.void_label(label_id=first.id, actor="wang", reason="torn")
    assert f"printed label {first.id} was voided by " in changed.warning.text()
    assert " at L-104 at " in changed.warning.text()
    assert not changed.submit_button.isEnabled()
    qtbot.wait(300)  # the other form heard the same news: not about its label
    assert unchanged.submit_button.isEnabled() and not unchanged.warning.isVisible()

    with qtbot.waitSignal(live.refreshed, timeout=5000):  # whatever else the feed says next
        label_room.labeling.void_label(label_id=second.id, actor="wang", reason="smudge")
    qtbot.waitUntil(lambda: unchanged.watch is not None and unchanged.watch.outdated, timeout=5000)
    # the second form was quiet until its own label changed; now it warns as well

    # the GUI's warning is never the only guard: the service refuses the stale action too
    with pytest.raises(RecordChangedError):
        ctx.core.labeling.void_label(
            label_id=first.id, actor="chen", reason="crease", expected_version=first.version
        )
