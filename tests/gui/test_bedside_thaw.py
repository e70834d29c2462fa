"""Bedside thaw and the full-window STOP: the nurse scans the bag, records the thaw on the
page (the core's HospitalService.thaw), sees the use-by counted down against the core's clock
(moved forward here instead of sleeping), gives the right bag to the right wristband, and
every hard stop covers the window in red until it is deliberately acknowledged."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.app import AppController
from gui.context import AppContext
from gui.dialogs.form import FormDialog
from gui.events import AppEvents
from gui.i18n import LANGUAGE, to_qdatetime
from gui.operations import database_pool
from gui.pages.bedside.page import BedsidePage, VerifierDialog
from gui.station import StationConfig
from models.core import Core, open_core
from models.demo.build import DEMO_PASSWORD, DEMO_STAFF
from models.entities.audit import AuditEntry
from models.entities.logistics import Administration, Thaw
from models.entities.production import ProductUnit, QualityStatus
from models.identity.passwords import fast_passwords_for_tests
from tests.conftest import sign_in as authenticate
from tests.gui.conftest import DemoTemplate
from tests.gui.gui_helpers import PASSWORD, sign_in, wedge_scan
from tests.gui.scenario import received_unit as scenario_received_unit

PATIENT, OTHER = "P-THAW-01", "P-THAW-02"


class ShiftedClock:
    """The core's "now": the real time plus an offset the test moves forward."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@pytest.fixture
def clock() -> ShiftedClock:
    return ShiftedClock()


@pytest.fixture
def demo_core(tmp_path: Path, demo_template: DemoTemplate, clock: ShiftedClock) -> Iterator[Core]:
    demo_template.copy_to(tmp_path / "demo.db")
    core = open_core(
        f"sqlite:///{tmp_path / 'demo.db'}",
        passwords=fast_passwords_for_tests(),
        workstation="WARD-01",
        clock=clock,
    )
    authenticate(core, *DEMO_STAFF, password=DEMO_PASSWORD)
    yield core
    database_pool().waitForDone()
    core.close()


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path) -> AppContext:
    station = StationConfig(name="WARD-01", role="hospital")
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


def received_unit(core: Core) -> str:
    """A released unit shipped for PATIENT and received at HOSP-B, not yet thawed."""
    return scenario_received_unit(core, "SH-THAW-01", PATIENT, OTHER)


def din_scan(unit_code: str) -> str:
    return f"={unit_code.split('/', maxsplit=1)[0]}00"


def bedside(qtbot: QtBot, controller: AppController) -> BedsidePage:
    sign_in(qtbot, controller, "liu")
    page = controller.window.show_page("bedside")
    assert isinstance(page, BedsidePage)
    return page


def scan_bag(qtbot: QtBot, page: BedsidePage, unit: str) -> None:
    page.product.clear()
    page.recipient.clear()
    page.product.setFocus()
    with qtbot.waitSignal(page.bag_panel.loaded, timeout=5000):
        wedge_scan(page.product, din_scan(unit))


def scan_wristband(qtbot: QtBot, page: BedsidePage, patient: str) -> None:
    page.recipient.clear()
    with qtbot.waitSignal(page.checked, timeout=5000):
        wedge_scan(page.recipient, patient)


def thaw_on_page(qtbot: QtBot, page: BedsidePage, clock: ShiftedClock, minutes: int = 4) -> None:
    panel = page.bag_panel
    assert panel.thaw_button.isVisible() and panel.thaw_button.isEnabled()
    qtbot.mouseClick(panel.thaw_button, Qt.MouseButton.LeftButton)  # bag into the device
    assert "Thaw started" in panel.thaw_state.text()
    clock.offset += timedelta(minutes=minutes)
    with qtbot.waitSignal(panel.thawed, timeout=5000):
        qtbot.mouseClick(panel.thaw_button, Qt.MouseButton.LeftButton)  # out of the device
    qtbot.waitUntil(panel.countdown.isVisible, timeout=5000)


def acknowledge(qtbot: QtBot, page: BedsidePage) -> None:
    overlay = page.stop_overlay
    qtbot.mouseClick(overlay.read_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(overlay.acknowledge_button, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()


def test_thaw_on_the_page_then_the_right_wristband_is_administered(
    qtbot: QtBot, controller: AppController, demo_core: Core, clock: ShiftedClock
) -> None:
    unit = received_unit(demo_core)
    page = bedside(qtbot, controller)
    scan_bag(qtbot, page, unit)
    panel = page.bag_panel
    assert unit in panel.facts_label.text() and PATIENT in panel.facts_label.text()
    assert "Not thawed yet" in panel.thaw_state.text()

    # Before the thaw the right wristband still stops: not thawed, named on the STOP.
    scan_wristband(qtbot, page, PATIENT)
    assert page.stop_overlay.isVisible()
    assert "product not thawed" in page.stop_overlay.reason_lines()
    acknowledge(qtbot, page)

    thaw_on_page(qtbot, page, clock)
    with demo_core.uow() as uow:
        thaw = uow.session.scalar(
            select(Thaw).join(ProductUnit).where(ProductUnit.din == unit.split("/")[0])
        )
        assert thaw is not None and thaw.performed_by == "liu"
        assert thaw.ended_at - thaw.started_at >= timedelta(minutes=4)
    # The page asks the core again by itself: now a clean verdict.
    qtbot.waitUntil(lambda: page.verdict is not None and page.verdict.ok, timeout=5000)
    assert not page.stop_overlay.isVisible()
    assert "Thawed" in panel.thaw_state.text() and not panel.thaw_button.isVisible()
    assert panel.countdown.text().startswith("◷") and panel.countdown.level == "ok"

    qtbot.mouseClick(page.administer_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, VerifierDialog)
    qtbot.keyClicks(dialog.username, "zhao")
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(page.administered, timeout=5000):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "Administration recorded" in page.status.text()
    assert not panel.countdown.isVisible()
    with demo_core.uow() as uow:
        rows = uow.session.scalars(
            select(Administration).where(Administration.verified_by == "zhao")
        )
        assert ("liu", "zhao") in {(r.administered_by, r.verified_by) for r in rows}


def test_the_countdown_advances_turns_amber_then_red_and_expiry_is_a_stop(
    qtbot: QtBot, controller: AppController, demo_core: Core, clock: ShiftedClock
) -> None:
    unit = received_unit(demo_core)
    page = bedside(qtbot, controller)
    scan_bag(qtbot, page, unit)
    page.recipient.setText(PATIENT)  # the wristband is already scanned: rechecked after thaw
    thaw_on_page(qtbot, page, clock)
    countdown = page.bag_panel.countdown
    qtbot.waitUntil(lambda: page.verdict is not None and page.verdict.ok, timeout=5000)
    first = countdown.text()
    assert "59:" in first, first  # the demo's MSC is usable for 60 min after thaw

    clock.offset += timedelta(minutes=50)  # the timer reads the core's clock every second
    qtbot.waitUntil(lambda: countdown.level == "amber", timeout=3000)
    assert countdown.text() != first and "09:" in countdown.text()
    clock.offset += timedelta(minutes=6)
    qtbot.waitUntil(lambda: countdown.level == "red", timeout=3000)

    clock.offset += timedelta(minutes=5)
    with qtbot.waitSignal(page.checked, timeout=5000):  # expiry asks the core again
        qtbot.waitUntil(lambda: countdown.level == "expired", timeout=3000)
    assert "do not administer" in countdown.text()
    assert page.verdict is not None and not page.verdict.ok
    assert page.stop_overlay.isVisible()
    assert "post-thaw use-by time passed" in page.stop_overlay.reason_lines()
    assert not page.administer_button.isEnabled()


def test_wrong_wristband_is_a_full_window_stop_that_a_stray_scan_does_not_dismiss(
    qtbot: QtBot, controller: AppController, demo_core: Core, clock: ShiftedClock
) -> None:
    unit = received_unit(demo_core)
    page = bedside(qtbot, controller)
    window = controller.window
    scan_bag(qtbot, page, unit)
    thaw_on_page(qtbot, page, clock)
    scan_wristband(qtbot, page, OTHER)

    overlay = page.stop_overlay
    assert overlay.isVisible() and overlay.parentWidget() is window
    assert overlay.geometry() == window.rect()  # the whole window, top bar and navigation too
    assert overlay.reason_lines() == ["product belongs to another recipient"]
    assert "STOP" in overlay.title.text() and OTHER in overlay.title.text()
    assert "✖ product belongs to another recipient" in overlay.reasons.text()
    assert page.verdict_label.property("ok") is False

    # A stray scan (a burst plus Enter) and stray Enters leave it up; nothing opens behind it.
    focused = QApplication.focusWidget()
    assert focused is not None and (focused is overlay or overlay.isAncestorOf(focused))
    wedge_scan(focused, din_scan(unit))
    wedge_scan(overlay.read_box, "BADGE-ZHAO")
    wedge_scan(overlay.acknowledge_button, PATIENT)
    qtbot.keyClick(overlay, Qt.Key.Key_Return)
    qtbot.keyClick(overlay.acknowledge_button, Qt.Key.Key_Enter)
    assert overlay.isVisible() and not overlay.read_box.isChecked()
    assert window.current_page() is page
    assert page.recipient.text() == OTHER  # nothing typed reached the page behind

    # Tab stays inside the STOP; the reasons follow the language.
    overlay.read_box.setFocus()
    qtbot.keyClick(overlay.read_box, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None and overlay.isAncestorOf(focused)
    LANGUAGE.switch("zh")
    qtbot.waitUntil(lambda: overlay.reason_lines() == ["制剂属于其他受者"], timeout=5000)
    assert "STOP" in overlay.title.text() or "停" in overlay.title.text()
    LANGUAGE.switch("en")

    # Window resized: the STOP still covers it all.
    window.resize(window.width() - 100, window.height() - 50)
    qtbot.waitUntil(lambda: overlay.geometry() == window.rect(), timeout=3000)

    # The deliberate acknowledgement: tick, then the button; focus back on the bag field.
    assert not overlay.acknowledge_button.isEnabled()
    acknowledge(qtbot, page)
    assert page.verdict_label.property("ok") is False  # the stop stays on the page
    assert not page.administer_button.isEnabled()
    # bag and wristband did not belong together: both are scanned again, the bag first
    assert page.recipient.text() == "" and page.product.hasFocus()


def test_a_bag_the_core_would_not_thaw_offers_no_thaw_and_says_why(
    qtbot: QtBot, controller: AppController, demo_core: Core
) -> None:
    with demo_core.uow() as uow:
        din = uow.session.scalars(
            select(ProductUnit.din).where(ProductUnit.quality_status == QualityStatus.QUARANTINE)
        ).first()
    assert din is not None
    page = bedside(qtbot, controller)
    scan_bag(qtbot, page, din)
    panel = page.bag_panel
    assert din in panel.facts_label.text()
    assert not panel.thaw_button.isVisible() and not panel.can_thaw()
    assert "May not be thawed: product not released by QA" in panel.thaw_state.text()
    LANGUAGE.switch("zh")
    qtbot.waitUntil(lambda: "不得复苏" in panel.thaw_state.text(), timeout=5000)


def test_a_thaw_finished_too_early_is_corrected_with_a_reason_and_the_countdown_follows(
    qtbot: QtBot, controller: AppController, demo_core: Core, clock: ShiftedClock
) -> None:
    unit = received_unit(demo_core)
    page = bedside(qtbot, controller)
    scan_bag(qtbot, page, unit)
    page.recipient.setText(PATIENT)
    thaw_on_page(qtbot, page, clock, minutes=1)  # "Thaw finished" pressed by mistake
    panel = page.bag_panel
    qtbot.waitUntil(lambda: panel.bag is not None and panel.bag.thaw_ended_at is not None)
    assert panel.correct_button.isVisible()
    recorded = panel.bag.thaw_ended_at if panel.bag else None
    assert recorded is not None and panel.countdown.use_by == recorded + timedelta(minutes=60)

    # the bag really came out two minutes later (the clock moves less than the five minutes a
    # signature's re-authentication stays fresh: the administration below is signed too)
    clock.offset += timedelta(minutes=3)
    dialog = panel.correct_thaw()
    assert isinstance(dialog, FormDialog) and not dialog.submit_button.isEnabled()
    ended = dialog.inputs["ended"]
    assert isinstance(ended, QDateTimeEdit)
    assert ended.dateTime().toSecsSinceEpoch() == int(recorded.timestamp())  # filled in
    real_end = (clock() - timedelta(minutes=1)).replace(microsecond=0)
    ended.setDateTime(to_qdatetime(real_end))
    assert not dialog.submit_button.isEnabled()  # no reason, no correction
    qtbot.keyClicks(dialog.inputs["reason"], "finish pressed before the bag came out")
    assert dialog.submit_button.isEnabled()
    with qtbot.waitSignal(panel.thawed, timeout=5000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    use_by = real_end + timedelta(minutes=60)
    qtbot.waitUntil(lambda: panel.countdown.use_by == use_by, timeout=5000)  # follows it
    assert "59:" in panel.countdown.text() or "58:" in panel.countdown.text()
    with demo_core.uow() as uow:
        thaw = uow.session.scalar(
            select(Thaw).join(ProductUnit).where(ProductUnit.din == unit.split("/")[0])
        )
        assert thaw is not None and thaw.ended_at == real_end and thaw.use_by == use_by
        [entry] = uow.session.scalars(
            select(AuditEntry).where(
                AuditEntry.subject_type == "thaw", AuditEntry.action == "change"
            )
        ).all()
        assert (entry.actor, entry.reason) == ("liu", "finish pressed before the bag came out")
        assert entry.old_value and entry.new_value and entry.old_value != entry.new_value
    qtbot.waitUntil(lambda: page.verdict is not None and page.verdict.ok, timeout=5000)

    # given: the thaw is closed to corrections, on the page and in the core
    qtbot.mouseClick(page.administer_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, VerifierDialog)
    qtbot.keyClicks(page.dialog.username, "zhao")
    qtbot.keyClicks(page.dialog.password, PASSWORD)
    with qtbot.waitSignal(page.administered, timeout=5000):
        qtbot.mouseClick(page.dialog.sign_button, Qt.MouseButton.LeftButton)
    scan_bag(qtbot, page, unit)
    assert not panel.correct_button.isVisible() and panel.correct_thaw() is None
