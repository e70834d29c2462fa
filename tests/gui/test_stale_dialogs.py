"""Two label stations on one database file (two cores, each its own engine, in one process;
the real change feed on the audit chain head): a form open at this station on a label that the
other station changes says who, where and when and can no longer be submitted; a form whose
label did not change stays as it was while other labels change. (The QA desk's release form
and audit page: test_live_qa_desk.py.)"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.dialogs.form import FormDialog
from gui.i18n import LANGUAGE
from gui.live_feed import LiveFeed
from gui.pages.label_station.page import LabelStationPage
from models.core import Core
from models.kernel.change_set import ChangeSet
from tests.gui.scenario import demo
from tests.gui.test_label_station import open_station, select_label
from tests.gui.test_live_feed import _print_elsewhere, ctx, other_station

__all__ = ["ctx", "other_station"]  # the fixtures (a label station LBL-01, and LBL-02)


def _live(controller: AppController) -> LiveFeed:
    live = controller.window.live
    assert isinstance(live, LiveFeed)
    return live


def _labels_printed_elsewhere(
    qtbot: QtBot, page: LabelStationPage, other: Core, units: int
) -> list[int]:
    job_id = _print_elsewhere(other, demo(other).msc_batch, units=units)
    qtbot.waitUntil(
        lambda: sum(r.job_id == job_id for r in page.label_rows) == units, timeout=10000
    )
    return [r.id for r in page.label_rows if r.job_id == job_id]


def _void_form(qtbot: QtBot, page: LabelStationPage, label_id: int) -> FormDialog:
    select_label(page, label_id)
    form = page.label_actions.void()
    assert form is not None and form.watch is not None
    qtbot.waitUntil(lambda: form.watch is not None and form.watch.version is not None)
    form.inputs["reason"].setPlainText("ribbon crease")  # type: ignore[attr-defined]
    return form


def test_an_open_void_form_says_who_voided_its_label_elsewhere_and_cannot_be_submitted(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    page = open_station(qtbot, controller)
    mine, theirs = _labels_printed_elsewhere(qtbot, page, other_station, units=2)
    form = _void_form(qtbot, page, mine)
    qtbot.wait(300)  # the form's own look at the trail on opening: nothing changed since
    assert form.submit_button.isEnabled() and not form.warning.isVisible()

    # another label changes: this form's label did not, it stays as it was
    with qtbot.waitSignal(
        _live(controller).refreshed,
        timeout=10000,
        check_params_cb=lambda cs: (
            isinstance(cs, ChangeSet) and cs.touches("printed_label", theirs)
        ),
    ):
        other_station.labeling.void_label(label_id=theirs, actor="wang", reason="smudged")
    qtbot.wait(300)
    assert form.watch is not None and form.watch.change is None
    assert form.submit_button.isEnabled() and not form.warning.isVisible()

    # this form's label is voided at LBL-02: said before anyone submits, and nothing submits
    with qtbot.waitSignal(form.watch.changed, timeout=10000):
        other_station.labeling.void_label(label_id=mine, actor="wang", reason="torn")
    text = form.warning.text()
    assert f"printed label {mine} was voided by 王敏 Wang Min at LBL-02 at " in text
    assert "close it and open the record again" in text
    assert form.isVisible() and not form.submit_button.isEnabled()
    assert form.values()["reason"] == "ribbon crease"  # what was typed stays
    form.inputs["reason"].setPlainText("ribbon crease, left edge")  # type: ignore[attr-defined]
    assert not form.submit_button.isEnabled()
    succeeded: list[object] = []
    form.succeeded.connect(succeeded.append)
    form.submit()  # even called directly, nothing is sent to the service
    qtbot.wait(200)
    assert succeeded == [] and form.isVisible()


def test_a_void_form_opened_from_a_stale_row_says_so_at_once(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    """The table still showed the label as it was (its refresh had not arrived yet)."""
    page = open_station(qtbot, controller)
    [label_id] = _labels_printed_elsewhere(qtbot, page, other_station, units=1)
    _live(controller).stop()  # this station hears nothing more
    other_station.labeling.void_label(label_id=label_id, actor="wang", reason="smudged")
    form = _void_form(qtbot, page, label_id)
    assert form.watch is not None
    qtbot.waitUntil(lambda: form.watch is not None and form.watch.outdated, timeout=5000)
    assert "was voided by 王敏 Wang Min at LBL-02" in form.warning.text()
    assert not form.submit_button.isEnabled()


def test_the_warning_speaks_the_users_language(
    qtbot: QtBot, controller: AppController, other_station: Core
) -> None:
    page = open_station(qtbot, controller)
    [label_id] = _labels_printed_elsewhere(qtbot, page, other_station, units=1)
    LANGUAGE.switch("zh")
    try:
        form = _void_form(qtbot, page, label_id)
        assert form.watch is not None
        with qtbot.waitSignal(form.watch.changed, timeout=10000):
            other_station.labeling.void_label(label_id=label_id, actor="wang", reason="torn")
        text = form.warning.text()
        assert text.startswith("✖ 本窗口打开期间，已打印标签") and "在 LBL-02 作废" in text, text
        assert not form.submit_button.isEnabled()
    finally:
        LANGUAGE.switch("en")
