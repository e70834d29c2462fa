"""Every page of every station at 1280×1024, 1366×768 and 1920×1080, in English and Chinese.

Run from the repository root (under Xvfb or with no display at all: Qt's offscreen platform
draws the same pixels):

    .venv/bin/python docs/screenshots/every_page.py [OUT]      # OUT: /tmp/stations-shots

Each page is shown with work on it (a traced patient, a chosen batch, printed labels, a
scanned bag) on a fresh demo database.  Files are ``<role>_<page>_<lang>_<w>x<h>.png``: the
main window as large as a maximised window on that screen (the title bar's height less).
``problems.txt`` lists what tests/gui/fit_check finds on each (clipped text, cramped tables,
sideways scrolling, English left on a Chinese screen).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TZ", "Asia/Shanghai")  # the demo site's time zone
time.tzset()
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QWidget  # noqa: E402

from gui.app import AppController, make_application  # noqa: E402
from gui.context import AppContext  # noqa: E402
from gui.events import AppEvents  # noqa: E402
from gui.i18n import LANGUAGE  # noqa: E402
from gui.main_window import PAGES, MainWindow  # noqa: E402
from gui.operations import database_pool  # noqa: E402
from gui.pages.bedside.page import BedsidePage  # noqa: E402
from gui.pages.cleanroom.page import CleanroomPage  # noqa: E402
from gui.pages.label_station.page import LabelStationPage  # noqa: E402
from gui.pages.release.page import ReleasePage  # noqa: E402
from gui.pages.trace.page import TracePage  # noqa: E402
from gui.station import StationConfig  # noqa: E402
from models.core import Core, open_core  # noqa: E402
from models.demo.build import DEMO_PASSWORD, build_demo_site  # noqa: E402
from models.demo.site import DemoSite, demo_site  # noqa: E402
from models.entities.database import Purpose  # noqa: E402
from tests.gui.fit_check import (  # noqa: E402
    fit_problems,
    sideways_tables,
    table_problems,
    untranslated,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from station_shots import become  # noqa: E402
from take_screenshots import settle  # noqa: E402

SIZES = ((1280, 1024), (1366, 768), (1920, 1080))
TITLE_BAR_PX = 32  # a maximised window leaves the window manager's title bar on the screen
USERS = {"qa": "chen", "label": "wang", "cleanroom": "wang", "hospital": "liu"}
WAITING_BAG, WAITING_PATIENT = 1, "P-B-0021"  # demo: the second shipped unit, dispensed


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/stations-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    LANGUAGE.switch("en")
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        core = open_core(
            f"sqlite:///{Path(tmp) / 'demo.db'}", workstation="SHOTS", purpose=Purpose.TRAINING
        )
        build_demo_site(core)
        site = demo_site(core)
        printer = _print_two_labels(core, site, Path(tmp) / "labels")
        _thaw_waiting_bag(core, site)
        station = StationConfig(name="SHOTS", role="qa", lock_minutes=60)
        ctx = AppContext(core, AppEvents(), station, station_path=Path(tmp) / "station.json")
        ctrl = AppController(ctx)
        login = ctrl.show_login()
        login.username.setText("chen")
        login.password.setText(DEMO_PASSWORD)
        login.on_sign_in_clicked()
        settle(ctrl.window.isVisible)
        window = ctrl.window
        for role, pages in PAGES.items():
            become(window, core, USERS[role], role, name=f"{role.upper()}-01", printers=printer)
            settle()
            for name in pages:
                page = window.show_page(name)
                _give_work(page, site)
                for language in ("en", "zh"):
                    LANGUAGE.switch(language)
                    for width, height in SIZES:
                        window.resize(width, height - TITLE_BAR_PX)
                        settle()
                        stem = f"{role}_{name}_{language}_{width}x{height}"
                        window.grab().save(str(out / f"{stem}.png"))
                        problems += [f"{stem}: {p}" for p in _problems(window, name, language)]
                LANGUAGE.switch("en")
        (out / "problems.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")
        print(f"{len(list(out.glob('*.png')))} screenshots and problems.txt in {out}")
        print("\n".join(problems) or "no problems found")
        database_pool().waitForDone()
        window.close()
        core.close()
    app.quit()
    return 0


def _problems(window: MainWindow, name: str, language: str) -> list[str]:
    page = window.pages[name]
    found = fit_problems(window) + table_problems(page) + sideways_tables(page)
    frame = window.page_frames[name]
    if frame.horizontalScrollBar().isVisible():
        found.append("the page scrolls sideways")
    if frame.verticalScrollBar().isVisible():  # not wrong in itself: look at what is below
        needed, has = page.minimumSizeHint().height(), frame.viewport().height()
        found.append(f"the page scrolls down: needs {needed} px, has {has}")
    if language == "zh":
        found += untranslated(window)
    return found


def _give_work(page: QWidget, site: DemoSite) -> None:
    """What a person at the station would have on the page."""
    actions: dict[type, Callable[[], None]] = {
        TracePage: lambda: _trace(page),
        ReleasePage: lambda: _release(page, site),
        LabelStationPage: lambda: _labels(page, site),
        CleanroomPage: lambda: _cleanroom(page, site),
        BedsidePage: lambda: _bedside(page, site),
    }
    for cls, action in actions.items():
        if isinstance(page, cls):
            action()
    settle()


def _trace(page: QWidget) -> None:
    assert isinstance(page, TracePage)
    page.search_for("P-B-0017")
    settle(lambda: page.result is not None)


def _release(page: QWidget, site: DemoSite) -> None:
    assert isinstance(page, ReleasePage)
    settle(lambda: bool(page.choices))
    page.select_batch(site.quarantine_batch)
    settle(lambda: page.readiness is not None)


def _labels(page: QWidget, site: DemoSite) -> None:
    assert isinstance(page, LabelStationPage)
    settle(lambda: page.batch_id is not None)
    page.select_batch(site.msc_batch)
    settle(lambda: page.report is not None and page.report.batch_number == site.msc_batch)
    settle(lambda: any(r.state == "printed" for r in page.label_rows))
    row = next((i for i, r in enumerate(page.label_rows) if r.state == "printed"), 0)
    page.labels.selectRow(row)
    settle(lambda: page.preview.image is not None)


def _cleanroom(page: QWidget, site: DemoSite) -> None:
    assert isinstance(page, CleanroomPage)
    settle(lambda: page.work is not None)
    page.select_batch(site.quarantine_batch)
    settle(lambda: bool(page.step_rows))


def _bedside(page: QWidget, site: DemoSite) -> None:
    assert isinstance(page, BedsidePage)
    bag = f"={site.msc_units[WAITING_BAG]}00"
    page.product.setText(bag)
    page.product.scanned.emit(bag)
    settle(lambda: page.bag_panel.bag is not None)
    page.recipient.setText(WAITING_PATIENT)
    page.recipient.scanned.emit(WAITING_PATIENT)
    settle(lambda: page.verdict is not None)


def _print_two_labels(core: Core, site: DemoSite, folder: Path) -> tuple[str, ...]:
    """Two unlabelled bags of the released batch printed (awaiting their check)."""
    from models.demo.labels import print_bag_labels

    folder.mkdir()
    address = f"file://{folder}?format=zpl&dpi=203"
    print_bag_labels(core, site.msc_batch, site.msc_units[4:6], address, station="LBL-01")
    return (address,)


def _thaw_waiting_bag(core: Core, site: DemoSite) -> None:
    """The bag waiting for P-B-0021, thawed a few minutes ago: the countdown runs."""
    hospital = core.chain.hospital
    now = hospital.now()
    from datetime import timedelta

    hospital.thaw(
        actor="liu",
        unit_code=site.msc_units[WAITING_BAG],
        started_at=now - timedelta(minutes=12),
        ended_at=now - timedelta(minutes=5),
    )


if __name__ == "__main__":
    sys.exit(main())
