"""Scan anywhere: wedge bursts are captured application-wide and routed to the right screen."""

from __future__ import annotations

from gui_helpers import GS, key_event, sign_in, wedge_scan
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from scenario import demo

from gui.app import AppController
from gui.pages.trace.page import TracePage
from gui.widgets.scan_line_edit import ScanLineEdit
from models.isbt128 import Din, make_din


def demo_unit(ctrl: AppController) -> Din:
    """The first bag of the demo's released cord-MSC batch."""
    code = demo(ctrl.ctx.core).msc_units[0]  # FIN (5), year (2), sequence (6)
    return make_din(code[:5], code[5:7], code[7:13])


def _trace(ctrl: AppController) -> TracePage:
    page = ctrl.window.pages["trace"]
    assert isinstance(page, TracePage)
    return page


def test_scan_line_edit_keeps_the_gs1_group_separator(qtbot: QtBot) -> None:
    edit = ScanLineEdit()
    qtbot.addWidget(edit)
    with qtbot.waitSignal(edit.scanned) as signal:
        wedge_scan(edit, f"10LOT42{GS}21SN1")
    assert signal.args == [f"10LOT42{GS}21SN1"]


def test_din_scanned_on_the_home_page_opens_that_unit(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    home = controller.window.pages["home"]
    assert controller.window.current_page() is home
    unit = demo_unit(controller)
    with qtbot.waitSignal(_trace(controller).loaded, timeout=5000) as loaded:
        wedge_scan(home, unit.data_content())  # e.g. "=A99902600000100", focus anywhere
    page = _trace(controller)
    assert controller.window.current_page() is page
    assert loaded.args[0].kind == "unit"
    assert page.panel.title.text().endswith(unit.number)
    assert page.tree.currentItem().text(0).endswith(unit.number)
    assert "✔" in controller.window.scan_status.text()


def test_batch_number_scanned_into_a_plain_field_opens_the_batch(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    car_t = demo(controller.ctx.core).car_t_batch
    audit = controller.window.show_page("audit")
    field = audit.filters.until.lineEdit()  # an ordinary text input, not a scan field
    before = field.text()
    with qtbot.waitSignal(_trace(controller).loaded, timeout=5000) as loaded:
        wedge_scan(field, car_t)
    assert loaded.args[0].kind == "batch"
    assert field.text() == before  # the burst did not stay in the field
    assert car_t in _trace(controller).panel.title.text()


def test_gs1_code_is_refused_with_the_separator_preserved(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    router = controller.router
    with qtbot.waitSignal(router.rejected) as rejected:
        wedge_scan(controller.window.pages["home"], f"0109506000134352{GS}10LOT42")
    assert router.last_text == f"0109506000134352{GS}10LOT42"
    assert "GS1" in rejected.args[0]
    assert (
        "GS1" in controller.window.scan_status.text()
        and "✖" in controller.window.scan_status.text()
    )


def test_unknown_code_says_nothing_was_found(qtbot: QtBot, controller: AppController) -> None:
    sign_in(qtbot, controller, "chen")
    with qtbot.waitSignal(controller.router.rejected) as rejected:
        wedge_scan(controller.window.pages["home"], "NO-SUCH-THING")
    assert "NO-SUCH-THING" in rejected.args[0]


def test_slow_human_typing_is_not_taken_for_a_scan(qtbot: QtBot, controller: AppController) -> None:
    sign_in(qtbot, controller, "chen")
    ticks = iter(range(0, 10_000, 1))  # one second between keystrokes
    controller.capture._clock = lambda: float(next(ticks))  # noqa: SLF001 - injected clock
    fired: list[str] = []
    controller.capture.scanned.connect(fired.append)
    field = controller.window.show_page("audit").filters.until.lineEdit()
    for ch in "B-CART\r":
        qtbot.keyClick(field, ch) if ch != "\r" else qtbot.keyClick(field, Qt.Key.Key_Return)
    assert fired == []


def test_scans_are_ignored_while_the_workstation_is_locked(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    controller.window.lock.lock()
    screen = controller.window.lock.screen
    assert screen is not None
    wedge_scan(screen.unlock_button, demo_unit(controller).data_content())
    qtbot.wait(200)
    assert _trace(controller).result is None
    assert key_event("a").text() == "a"


def test_a_bags_2d_code_scanned_anywhere_opens_that_unit(
    qtbot: QtBot, controller: AppController
) -> None:
    """Issue 15: the 2-D symbol of a CellTrail bag is a DS023 compound message (DIN, product,
    expiry, harvest); scanned at the scan router it reads as the bag, not 'one at a time'."""
    from models.isbt128.compound import write_compound

    sign_in(qtbot, controller, "chen")
    home = controller.window.pages["home"]
    unit = demo_unit(controller)
    symbol = "]d1" + write_compound([unit.data_content(), "=<S1389V00", "&>0273172135"])
    with qtbot.waitSignal(_trace(controller).loaded, timeout=5000) as loaded:
        wedge_scan(home, symbol)
    assert loaded.args[0].kind == "unit"
    assert _trace(controller).panel.title.text().endswith(unit.number)


def test_a_peer_bags_2d_code_opens_the_unit_and_names_what_else_it_holds(
    qtbot: QtBot, controller: AppController
) -> None:
    """Issue 15: a peer's compound message (the ST-012 §6.2 symbol of pdesiatnyk/ISBT128
    showcase/src/data/sampleSerials.ts, with this site's DIN) carries a blood group and a SEC
    that CellTrail does not act on: the unit opens by its DIN and the status names the rest."""
    from models.isbt128.compound import write_compound

    sign_in(qtbot, controller, "chen")
    unit = demo_unit(controller)
    sec = "&,4PL001499Z549917123456A00T041600320181231"
    symbol = "]d1" + write_compound([unit.data_content(), "=%T300", "&>0183652359", sec])
    with qtbot.waitSignal(_trace(controller).loaded, timeout=5000) as loaded:
        wedge_scan(controller.window.pages["home"], symbol)
    assert loaded.args[0].kind == "unit"
    status = controller.window.scan_status.text()
    assert "✔" in status and "DS002" in status and "DS038" in status and "DS005" in status


def test_a_concatenated_read_opens_the_unit_of_its_din(
    qtbot: QtBot, controller: AppController
) -> None:
    """A ]C4 read of the DIN and the blood group bar codes (ST-001 §10 pair 001+002)."""
    sign_in(qtbot, controller, "chen")
    unit = demo_unit(controller)
    with qtbot.waitSignal(_trace(controller).loaded, timeout=5000) as loaded:
        wedge_scan(controller.window.pages["home"], "]C4" + unit.data_content() + "=%5100")
    assert loaded.args[0].kind == "unit"
    assert _trace(controller).panel.title.text().endswith(unit.number)
