"""Take the README screenshots from a fresh demo database.

Run under Xvfb (real X11, as on a workstation) from the repository root:

    xvfb-run -a -s "-screen 0 1700x1050x24" .venv/bin/python docs/screenshots/take_screenshots.py

Without a DISPLAY it falls back to Qt's offscreen platform (same pixels, no window system).
Chinese needs a CJK font: fonts-noto-cjk on Debian/Ubuntu (Windows ships Microsoft YaHei).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TZ", "Asia/Shanghai")  # the demo site's time zone; Qt shows local time
time.tzset()
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from gui.app import AppController, make_application  # noqa: E402
from gui.context import AppContext  # noqa: E402
from gui.events import AppEvents  # noqa: E402
from gui.i18n import LANGUAGE  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.operations import database_pool  # noqa: E402
from gui.pages.audit.page import AuditPageWidget  # noqa: E402
from gui.pages.trace.page import TracePage  # noqa: E402
from gui.station import StationConfig  # noqa: E402
from models.core import open_core  # noqa: E402
from models.demo.build import DEMO_PASSWORD, build_demo_site  # noqa: E402
from models.demo.site import demo_site  # noqa: E402
from models.entities.database import Purpose  # noqa: E402
from models.entities.production import Batch  # noqa: E402

sys.path.insert(0, str(OUT))
import station_shots  # noqa: E402


def settle(condition: Callable[[], bool] = lambda: True, timeout: float = 10.0) -> None:
    """Let background operations finish and the event loop paint."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        database_pool().waitForDone(20)
        QApplication.processEvents()
        if condition():
            break
    for _ in range(5):
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(widget: QWidget, name: str) -> None:
    settle()
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> int:
    app = make_application()
    LANGUAGE.switch("en")
    with tempfile.TemporaryDirectory() as tmp:
        core = open_core(
            f"sqlite:///{Path(tmp) / 'demo.db'}",
            workstation="QA-DESK-01",
            purpose=Purpose.TRAINING,
        )
        build_demo_site(core)
        site = demo_site(core)
        with core.uow() as uow:
            car_t_id = uow.session.scalars(
                select(Batch.id).where(Batch.number == site.car_t_batch)
            ).one()
        core.steps.record_step(
            batch_id=car_t_id,
            name="Final inspection",
            data={"bags": 3},
            username="wang",
            password=DEMO_PASSWORD,
        )
        station = StationConfig(name="QA-DESK-01", role="qa", lock_minutes=5)
        ctx = AppContext(core, AppEvents(), station, station_path=Path(tmp) / "station.json")
        ctrl = AppController(ctx)
        login = ctrl.show_login()
        login.resize(720, 520)
        login.username.setText("chen")
        login.password.setText(DEMO_PASSWORD)
        shoot(login, "login.png")
        login.on_sign_in_clicked()
        settle(ctrl.window.isVisible)
        window = ctrl.window
        window.resize(1500, 940)
        shoot(window, "home.png")

        trace = window.pages["trace"]
        assert isinstance(trace, TracePage)
        window.show_page("trace")
        trace.search_for("P-B-0017")
        settle(lambda: trace.result is not None)
        shoot(window, "trace.png")
        trace.search_for(site.car_t_batch)
        settle(lambda: trace.panel.detail is not None and trace.panel.detail.ref.kind == "batch")
        trace.panel.steps.selectRow(trace.panel.steps.rowCount() - 1)
        dialog = trace.on_sign_off_requested(trace.panel.selected_step())  # type: ignore[arg-type]
        dialog.username.setText("zhao")
        shoot(dialog, "signoff.png")
        dialog.close()

        shoot_audit(window)
        shoot_chinese(window, trace, site.car_t_units[0].split("/")[0])
        LANGUAGE.switch("en")
        station_shots.label_station(window, core, Path(tmp), shoot, settle)
        station_shots.cleanroom(window, core, shoot, settle)
        station_shots.release(window, core, shoot, settle)
        station_shots.bedside(window, core, shoot, settle)
        database_pool().waitForDone()
        window.close()
        core.close()
    app.quit()
    return 0


def shoot_audit(window: MainWindow) -> None:
    audit = window.pages["audit"]
    assert isinstance(audit, AuditPageWidget)
    window.show_page("audit")
    settle(lambda: audit.page is not None)
    audit.verify()
    settle(audit.verify_result.isVisible)
    audit.table.selectRow(next(i for i, r in enumerate(audit.model.rows) if r.action == "sign"))
    settle()
    shoot(window, "audit.png")


def shoot_chinese(window: MainWindow, trace: TracePage, din: str) -> None:
    LANGUAGE.switch("zh")
    window.show_page("trace")
    trace.search_for(din)
    settle(lambda: trace.panel.detail is not None and trace.panel.detail.identifier == din)
    shoot(window, "trace_zh.png")
    window.show_page("home")
    settle()
    shoot(window, "home_zh.png")
    window.lock.lock()
    assert window.lock.screen is not None
    shoot(window, "lock_zh.png")  # the lock covers the whole window
    window.lock.screen.password.setText(DEMO_PASSWORD)  # unlocked again for the station shots
    window.lock.screen.on_unlock_clicked()
    settle(lambda: not window.lock.is_locked)


if __name__ == "__main__":
    sys.exit(main())
