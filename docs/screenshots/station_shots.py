"""Screenshots of the station pages (label station, cleanroom, QA release), driven through the
same widgets the GUI tests use, on state built with the core's services.  Called by
take_screenshots.py after the QA-desk shots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gui.dialogs.form import FormDialog
from gui.i18n import LANGUAGE
from gui.main_window import MainWindow
from gui.pages.cleanroom.page import CleanroomPage
from gui.pages.label_station.page import LabelStationPage
from gui.pages.release.page import ReleasePage
from gui.session import SessionUser
from models.core import Core
from models.demo.build import DEMO_PASSWORD, demo_badge
from models.demo.site import demo_site
from tests.gui.scenario import filled_batch, new_batch, pass_qc

Shoot = Callable[[QWidget, str], None]
Settle = Callable[..., None]


def become(window: MainWindow, core: Core, username: str, role: str, **station: object) -> None:
    """Switch the workstation role and the signed-in user (what sign-in would do)."""
    window.ctx.station = window.ctx.station.with_changes(role=role, **station)
    name = core.accounts.authenticate(username, DEMO_PASSWORD)
    roles = frozenset(r.value for r in core.accounts.roles_of(username))
    window.build_pages()
    window.start_session(SessionUser(username, name, roles))


def label_station(window: MainWindow, core: Core, tmp: Path, shoot: Shoot, settle: Settle) -> None:
    out = tmp / "labels"
    out.mkdir()
    printer = f"file://{out}?format=zpl&dpi=203"
    become(window, core, "wang", "label", name="LBL-01", printers=(printer,))
    page = window.show_page("labels")
    assert isinstance(page, LabelStationPage)
    settle(lambda: page.batch_id is not None)
    batch = demo_site(core).msc_batch  # numbered by the services from the day the demo was built
    page.select_batch(batch)
    settle(lambda: page.report is not None and page.report.batch_number == batch)
    free = [i for i in range(page.units.count()) if "[" not in page.units.item(i).text()]
    for row in free[:3]:
        page.units.item(row).setCheckState(Qt.CheckState.Checked)
    page.template_combo.setCurrentIndex(0)
    page.requests.request_labels()
    settle(lambda: bool(page.job_rows) and page.job_rows[0].status == "requested")
    page.jobs.selectRow(0)
    page.printing.print_job()
    settle(lambda: page.job_rows[0].status == "printed", timeout=20)
    settle(lambda: len(page.label_rows) >= 7)
    # check and apply one label so the table shows every state
    first = min(r.id for r in page.label_rows if r.state == "printed")
    sheet = core.labeling.check_sheet(first)
    core.labeling.verify_label(
        label_id=first,
        username="zhao",
        password=DEMO_PASSWORD,
        scanned_text=sheet.record_scan,
        confirmed_fields=dict.fromkeys(sheet.plan.by_person, True),
    )
    core.labeling.apply_label(label_id=first, actor="wang")
    page.refresh()
    settle(lambda: any(r.state == "applied" and r.id == first for r in page.label_rows))
    target = next(i for i, r in enumerate(page.label_rows) if r.state == "printed")
    page.labels.selectRow(target)
    settle(lambda: page.preview.image is not None)
    shoot(window, "labels.png")

    dialog = page.label_actions.double_check()
    assert dialog is not None
    settle(lambda: bool(dialog.checks))
    label_id = page.label_rows[target].id
    dialog.scan.setText(core.labeling.check_sheet(label_id).record_scan)
    dialog.scan.scanned.emit(dialog.scan.text())
    settle(dialog.text_group.isEnabled)  # the core compared the scan with the record
    dialog.text_group.confirm_all()
    dialog.signer.badge.scanned.emit(demo_badge("zhao"))
    settle(lambda: dialog.signer.username == "zhao")
    dialog.password.setText(DEMO_PASSWORD)
    shoot(dialog, "double_check.png")
    dialog.close()

    LANGUAGE.switch("zh")
    settle()
    shoot(window, "labels_zh.png")
    LANGUAGE.switch("en")


def cleanroom(window: MainWindow, core: Core, shoot: Shoot, settle: Settle) -> None:
    batch = new_batch(core, workspace="C-203/BSC-01")
    with core.uow() as uow:
        from models.chain import lookup

        batch_id = lookup.batch(uow.session, batch).id
    for step in ("Thaw", "Seeding", "Passage"):
        core.steps.record_step(
            batch_id=batch_id, name=step, data={}, username="wang", password=DEMO_PASSWORD
        )
    for step_id in _step_ids(core, batch_id)[:2]:
        core.steps.verify_step(step_id=step_id, username="zhao", password=DEMO_PASSWORD)
    filled_batch(core, units=3)
    become(window, core, "wang", "cleanroom", name="CR-02", printers=())
    page = window.show_page("cleanroom")
    assert isinstance(page, CleanroomPage)
    settle(lambda: page.work is not None)
    page.select_batch(batch)
    settle(lambda: len(page.step_rows) == 3)
    shoot(window, "cleanroom.png")
    page.buttons["fill"].click()
    [dialog] = [d for d in page.findChildren(FormDialog) if d.isVisible()]
    shoot(dialog, "cleanroom_fill.png")
    dialog.close()


def _step_ids(core: Core, batch_id: int) -> list[int]:
    from models.cleanroom.work import batch_steps

    with core.uow() as uow:
        return [s.id for s in batch_steps(uow.session, batch_id)]


def release(window: MainWindow, core: Core, shoot: Shoot, settle: Settle) -> None:
    blocked, _ = filled_batch(core, units=2)
    ready, ready_id = filled_batch(core, units=4)
    pass_qc(core, ready_id)
    become(window, core, "chen", "qa", name="QA-DESK-01", printers=())
    page = window.show_page("release")
    assert isinstance(page, ReleasePage)
    settle(lambda: bool(page.choices))
    page.select_batch(blocked)
    settle(lambda: page.readiness is not None and page.readiness.batch_number == blocked)
    shoot(window, "release_blocked.png")
    page.select_batch(ready)
    settle(lambda: page.readiness is not None and page.readiness.batch_number == ready)
    shoot(window, "release_ready.png")
    page.release_button.click()
    [dialog] = [d for d in page.findChildren(FormDialog) if d.isVisible()]
    shoot(dialog, "release_sign.png")
    dialog.close()


def bedside(window: MainWindow, core: Core, shoot: Shoot, settle: Settle) -> None:
    """The bag waiting for P-B-0021, thawed minutes ago: the countdown and a clean verdict;
    then another patient's wristband: the full-window STOP."""
    from datetime import timedelta

    from gui.pages.bedside.page import BedsidePage

    unit = demo_site(core).msc_units[1]
    hospital = core.chain.hospital
    now = hospital.now()
    hospital.thaw(
        actor="liu",
        unit_code=unit,
        started_at=now - timedelta(minutes=14),
        ended_at=now - timedelta(minutes=6),
    )
    become(window, core, "liu", "hospital", name="HOSP-B-WARD-3", printers=())
    window.resize(1366, 736)
    page = window.show_page("bedside")
    assert isinstance(page, BedsidePage)
    for field, text in ((page.product, f"={unit}00"), (page.recipient, "P-B-0021")):
        field.setText(text)
        field.scanned.emit(text)
        settle(lambda: page.bag_panel.bag is not None)
    settle(lambda: page.verdict is not None and page.verdict.ok)
    shoot(window, "bedside.png")
    page.recipient.setText("P-B-0017")
    page.recipient.scanned.emit("P-B-0017")
    settle(page.stop_overlay.isVisible)
    shoot(window, "bedside_stop.png")
    page.stop_overlay.read_box.setChecked(True)
    page.stop_overlay.acknowledge_button.click()
