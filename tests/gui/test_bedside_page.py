"""Bedside page end to end: a released unit shipped to the recipient's hospital, received and
thawed through the services; at the bedside the wrong wristband is a hard stop, the right
one gives a clean verdict and the administration is recorded with a second person's
signature; the nurse cannot verify her own administration (the core's message)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.app import AppController
from gui.context import AppContext
from gui.events import AppEvents
from gui.i18n import LANGUAGE
from gui.pages.bedside.page import BedsidePage, VerifierDialog
from gui.station import StationConfig
from models.core import Core
from models.entities.logistics import Administration
from models.entities.parties import Recipient
from tests.gui.gui_helpers import PASSWORD, sign_in, wedge_scan
from tests.gui.scenario import received_unit

PATIENT, OTHER = "P-GUI-01", "P-GUI-02"


@pytest.fixture
def ctx(demo_core: Core, tmp_path: Path) -> AppContext:
    station = StationConfig(name="WARD-01", role="hospital")
    return AppContext(demo_core, AppEvents(), station, station_path=tmp_path / "station.json")


def thawed_unit(core: Core) -> str:
    """A released unit dispensed for PATIENT, received at HOSP-B and thawed; its code."""
    unit = received_unit(core, "SH-BED-01", PATIENT, OTHER)
    chain, now = core.chain, datetime.now(UTC)
    chain.hospital.thaw(
        actor="liu",
        unit_code=unit,
        started_at=now - timedelta(minutes=12),
        ended_at=now - timedelta(minutes=9),
    )
    return unit


def din_scan(unit_code: str) -> str:
    """What the scanner sends for the DIN bar code on the bag."""
    return f"={unit_code.split('/', maxsplit=1)[0]}00"


def administrations(core: Core) -> list[tuple[str, str, int]]:
    with core.uow() as uow:
        ours = select(Recipient.id).where(Recipient.code.in_((PATIENT, OTHER)))  # not the demo's
        query = select(Administration).where(
            Administration.started_at > cutoff(), Administration.recipient_id.in_(ours)
        )
        rows = uow.session.scalars(query)
        return [(r.administered_by, r.verified_by, r.recipient_id) for r in rows]


def cutoff() -> datetime:
    return datetime.now(UTC) - timedelta(hours=1)


def check(qtbot: QtBot, page: BedsidePage, product: str, patient: str) -> None:
    for field in (page.product, page.recipient):
        field.clear()
    page.product.setFocus()
    wedge_scan(page.product, product)
    assert page.recipient.hasFocus() or not page.isActiveWindow()
    with qtbot.waitSignal(page.checked, timeout=5000):
        wedge_scan(page.recipient, patient)


def sign(qtbot: QtBot, dialog: VerifierDialog, username: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def test_wrong_patient_stops_and_right_patient_is_administered_with_a_second_person(
    qtbot: QtBot, controller: AppController, demo_core: Core
) -> None:
    unit = thawed_unit(demo_core)
    sign_in(qtbot, controller, "liu")
    assert "bedside" in controller.window.pages
    page = controller.window.show_page("bedside")
    assert isinstance(page, BedsidePage)
    assert not page.administer_button.isEnabled()

    # Wrong wristband: a hard stop in plain words, glyph and colour; nothing to administer.
    check(qtbot, page, din_scan(unit), OTHER)
    assert page.verdict is not None and not page.verdict.ok
    text = page.verdict_label.text()
    assert "STOP" in text and "✖ product belongs to another recipient" in text
    assert page.verdict_label.property("ok") is False
    assert not page.administer_button.isEnabled()
    LANGUAGE.switch("zh")  # Qt delivers LanguageChange through the event loop
    qtbot.waitUntil(lambda: "✖ 制剂属于其他受者" in page.verdict_label.text(), timeout=5000)
    LANGUAGE.switch("en")
    qtbot.waitUntil(lambda: "✖ product belongs" in page.verdict_label.text(), timeout=5000)
    assert page.open_verifier() is None
    assert administrations(demo_core) == []

    # Right wristband: clean verdict, the Administer button opens the verifier's dialog.
    check(qtbot, page, din_scan(unit), PATIENT)
    assert page.verdict is not None and page.verdict.ok, page.verdict_label.text()
    assert page.verdict_label.text().startswith("✔")
    assert page.verdict_label.property("ok") is True
    assert page.administer_button.isEnabled()
    qtbot.mouseClick(page.administer_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, VerifierDialog) and dialog.isVisible()

    # The nurse herself cannot be the second person: the core's message, in the dialog.
    sign(qtbot, dialog, "liu")
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "a second person must verify" in dialog.error.text()
    assert dialog.isVisible() and administrations(demo_core) == []

    with qtbot.waitSignal(page.administered, timeout=5000):
        sign(qtbot, dialog, "zhao")
    assert not dialog.isVisible()
    assert "Administration recorded" in page.status.text()
    assert not page.administer_button.isEnabled() and page.product.text() == ""
    [(given_by, verified_by, _recipient)] = administrations(demo_core)
    assert (given_by, verified_by) == ("liu", "zhao")

    # The bag is used: scanning it again is a hard stop.
    check(qtbot, page, din_scan(unit), PATIENT)
    assert page.verdict is not None and not page.verdict.ok
    assert not page.administer_button.isEnabled()


def test_a_typed_din_is_refused_in_the_users_language(
    qtbot: QtBot, controller: AppController, demo_core: Core
) -> None:
    unit = thawed_unit(demo_core)
    sign_in(qtbot, controller, "liu")
    page = controller.window.show_page("bedside")
    assert isinstance(page, BedsidePage)
    LANGUAGE.switch("zh")
    check(qtbot, page, unit.split("/", maxsplit=1)[0].replace(" ", ""), PATIENT)
    assert page.verdict is None and page.verdict_label.text().startswith("✖")
    assert "扫描" in page.verdict_label.text()  # the core's message: scan, do not type
    assert page.verdict_label.property("ok") is False
    assert not page.administer_button.isEnabled()
