"""Two bedside stations on one database file (two cores, each its own engine; the real change
feed on the audit chain head): a bag checked clean at WARD-01 is given at WARD-02 meanwhile.
WARD-01's check is read again without a click and turns into a STOP; a page hidden meanwhile
reads it again when it is shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.pages.bedside.page import BedsidePage
from models.core import Core, open_core
from models.demo.build import DEMO_PASSWORD
from models.identity.passwords import fast_passwords_for_tests
from tests.conftest import sign_in as authenticate
from tests.gui.gui_helpers import sign_in
from tests.gui.test_bedside_page import PATIENT, check, ctx, din_scan, thawed_unit

__all__ = ["ctx"]  # the bedside station WARD-01


@pytest.fixture
def other_ward(demo_core: Core) -> Iterator[Core]:
    core = open_core(
        str(demo_core.engine.url), passwords=fast_passwords_for_tests(), workstation="WARD-02"
    )
    authenticate(core, "liu", "zhao", password=DEMO_PASSWORD)
    yield core
    core.close()


def _give_elsewhere(core: Core, unit: str) -> None:
    core.chain.hospital.administer(
        actor="liu",
        product_scan=din_scan(unit),
        recipient_scan=PATIENT,
        verifier="zhao",
        verifier_password=DEMO_PASSWORD,
    )


def _bedside(qtbot: QtBot, controller: AppController) -> BedsidePage:
    sign_in(qtbot, controller, "liu")
    page = controller.window.show_page("bedside")
    assert isinstance(page, BedsidePage)
    return page


def test_a_clean_check_turns_into_a_stop_when_the_bag_is_given_at_another_bedside(
    qtbot: QtBot, controller: AppController, demo_core: Core, other_ward: Core
) -> None:
    unit = thawed_unit(demo_core)
    page = _bedside(qtbot, controller)
    check(qtbot, page, din_scan(unit), PATIENT)
    assert page.verdict is not None and page.verdict.ok and page.administer_button.isEnabled()
    with qtbot.waitSignal(page.checked, timeout=10000):  # no scan, no click
        _give_elsewhere(other_ward, unit)
    assert page.verdict is not None and not page.verdict.ok
    assert "STOP" in page.verdict_label.text() and not page.administer_button.isEnabled()
    assert page.product.text() == din_scan(unit)  # the scans stay: the STOP is about them


def test_a_hidden_bedside_page_checks_again_when_shown(
    qtbot: QtBot, controller: AppController, demo_core: Core, other_ward: Core
) -> None:
    unit = thawed_unit(demo_core)
    page = _bedside(qtbot, controller)
    check(qtbot, page, din_scan(unit), PATIENT)
    assert page.verdict is not None and page.verdict.ok
    controller.window.show_page("home")
    live = controller.window.live
    with qtbot.waitSignal(live.refreshed, timeout=10000):
        _give_elsewhere(other_ward, unit)
    assert page.live.stale and page.verdict.ok  # hidden: nothing read yet
    with qtbot.waitSignal(page.checked, timeout=5000):
        controller.window.show_page("bedside")
    assert not page.verdict.ok and not page.administer_button.isEnabled()
