"""Chinese/English at runtime and from --lang; workstation configuration; start-up errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import sign_in, wedge_scan
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot
from scenario import demo

from gui.app import AppController, bilingual, open_database, parse_args
from gui.dialogs.station import StationDialog
from gui.i18n import LANGUAGE, format_datetime, format_number
from gui.pages.trace.page import TracePage
from gui.station import StationConfig, load_station, save_station
from models.kernel.errors import DomainError


def test_language_switch_translates_the_visible_screens(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "chen")
    window = controller.window
    trace = window.show_page("trace")
    assert isinstance(trace, TracePage)
    with qtbot.waitSignal(trace.loaded, timeout=5000):
        wedge_scan(trace.search, demo(controller.ctx.core).msc_batch)
    assert window.nav_buttons["audit"].text() == "Audit trail"

    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert LANGUAGE.code == "zh"
    qtbot.waitUntil(lambda: window.nav_buttons["home"].text() == "首页")  # LanguageChange is posted
    assert window.nav_buttons["audit"].text() == "审计追踪"
    assert window.sign_out_button.text() == "注销"
    assert window.language_button.text() == "English"
    assert trace.search_button.text() == "搜索"
    assert trace.panel.title.text().startswith("批次")
    assert "已放行" in trace.panel.badge.text() and "✔" in trace.panel.badge.text()
    assert "已放行" in trace.tree.currentItem().text(1)
    assert QLocale().language() == QLocale.Language.Chinese

    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.nav_buttons["home"].text() == "Home")
    assert trace.panel.title.text().startswith("Batch")


def test_domain_errors_follow_the_language(qtbot: QtBot, controller: AppController) -> None:
    LANGUAGE.switch("zh")
    login = controller.show_login()
    qtbot.waitUntil(lambda: login.sign_in.text() == "登录")
    login.username.setText("wang")
    qtbot.keyClicks(login.password, "wrong-password-1")
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(login.error.isVisible, timeout=5000)
    assert "用户名或密码错误" in login.error.text()


def test_numbers_and_dates_are_localised() -> None:
    from datetime import UTC, datetime

    moment = datetime(2025, 3, 3, 1, 40, tzinfo=UTC)
    LANGUAGE.switch("en")
    english = (format_number(12345), format_datetime(moment))
    LANGUAGE.switch("zh")
    chinese = (format_number(12345), format_datetime(moment))
    assert english[0] == "12,345" and "2025" in english[1] and "2025" in chinese[1]
    assert english[1] != chinese[1]  # 03/03/2025 vs 2025/3/3


def test_command_line_options() -> None:
    options = parse_args(["--db", "x.db", "--demo", "--lang", "zh", "--station-config", "s.json"])
    assert (options.db, options.demo, options.lang) == ("x.db", True, "zh")
    assert options.station_config == Path("s.json")


def test_unusable_database_gives_a_bilingual_message(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as caught:
        open_database(f"sqlite:///{tmp_path}/missing/dir/x.db", demo=False)
    text = bilingual(caught.value)
    assert "数据库" in text and "database" in text.lower() and "Traceback" not in text
    with pytest.raises(DomainError) as empty:
        open_database(f"sqlite:///{tmp_path / 'empty.db'}", demo=False)
    assert "--demo" in bilingual(empty.value)


def test_station_config_round_trips_and_rejects_nonsense(tmp_path: Path) -> None:
    path = tmp_path / "station.json"
    assert load_station(path) == StationConfig(name=load_station(path).name)  # defaults
    config = StationConfig(
        name="LBL-02", role="label", lock_minutes=3, printers=("tcp://10.0.0.9:9100",)
    )
    save_station(config, path)
    assert load_station(path) == config
    path.write_text('{"role": "kitchen"}', encoding="utf-8")
    with pytest.raises(ValueError, match="kitchen"):
        load_station(path)


def test_admin_reconfigures_the_workstation(qtbot: QtBot, controller: AppController) -> None:
    sign_in(qtbot, controller, "admin")
    window = controller.window
    assert window.settings_button.isVisible()
    dialog = window.open_station_settings()
    assert isinstance(dialog, StationDialog)
    dialog.printers.setPlainText("ftp://nope")
    dialog.on_save()
    assert dialog.error.isVisible() and dialog.isVisible()
    dialog.printers.setPlainText("tcp://127.0.0.1:9100")
    dialog.role.setCurrentIndex(dialog.role.findData("cleanroom"))
    dialog.lock_minutes.setValue(2)
    dialog.on_save()
    assert not dialog.isVisible()
    assert controller.ctx.station.role == "cleanroom"
    assert "audit" not in window.pages  # pages follow the station role
    assert load_station(controller.ctx.station_path).printers == ("tcp://127.0.0.1:9100",)


def test_admin_edits_printer_profiles_in_the_station_settings(
    qtbot: QtBot, controller: AppController
) -> None:
    """Issue 13: a station's printer profiles are edited in the app, checked by the printing
    layer's own rule, and saved to station.json."""
    sign_in(qtbot, controller, "admin")
    dialog = controller.window.open_station_settings()
    assert isinstance(dialog, StationDialog)
    editor = dialog.profiles
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    row = editor.table.rowCount() - 1
    editor.table.cellWidget(row, 0).setText("tcp://127.0.0.1:9100")
    language = editor.table.cellWidget(row, 1)
    language.setCurrentIndex(language.findData("pdf"))  # a network Zebra speaks ZPL only
    dialog.on_save()
    assert dialog.isVisible() and "ZPL" in dialog.error.text()

    language.setCurrentIndex(language.findData("zpl"))
    dpi = editor.table.cellWidget(row, 2)
    dpi.setCurrentIndex(dpi.findData(300))
    editor.table.cellWidget(row, 3).setValue(104)
    editor.table.cellWidget(row, 4).setValue(150)
    editor.table.cellWidget(row, 5).setValue(4)
    editor.table.cellWidget(row, 6).setChecked(False)
    dialog.on_save()
    assert not dialog.isVisible()
    saved = load_station(controller.ctx.station_path)
    [profile] = saved.printer_profiles
    assert profile.url() == "tcp://127.0.0.1:9100?dpi=300&status=off&media=104x150&darkness=4"
    assert profile.url() in controller.ctx.station.printer_urls  # the label station offers it
