"""Every station's pages fit 1280×1024, 1366×768 and 1920×1080 in English and Chinese (issue 14):
the window stays within the screen, no single-line text is cut off, no table scrolls sideways,
and a Chinese screen shows no English text that has a translation."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.context import AppContext
from gui.i18n import LANGUAGE
from gui.operations import database_pool
from gui.pages.trace.page import TracePage
from tests.gui.fit_check import (
    fit_problems,
    sideways_tables,
    table_problems,
    untranslated,
    widest,
)
from tests.gui.gui_helpers import sign_in

SIZES = ((1280, 1024), (1366, 768), (1920, 1080))
TITLE_BAR_PX = 32  # the window manager's title bar is on the screen too
ROLES = ("qa", "label", "cleanroom", "hospital")


def settle(qtbot: QtBot) -> None:
    for _ in range(3):
        database_pool().waitForDone(2000)
        QApplication.processEvents()
    qtbot.wait(20)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("role", ROLES)
def test_every_page_fits(
    qtbot: QtBot, ctx: AppContext, controller: AppController, role: str, language: str
) -> None:
    ctx.station = ctx.station.with_changes(role=role)
    LANGUAGE.switch(language)
    sign_in(qtbot, controller, "admin")  # admin: the extra "Workstation…" button shows too
    window = controller.window
    settle(qtbot)
    problems: list[str] = []
    for name in window.pages:
        page = window.show_page(name)
        if isinstance(page, TracePage):
            page.search_for("P-B-0017")  # full tables, not an empty page
        settle(qtbot)
        for width, height in SIZES:
            window.resize(width, height - TITLE_BAR_PX)
            settle(qtbot)
            where = f"{role}/{name} {language} {width}×{height}"
            if window.width() > width or window.height() > height - TITLE_BAR_PX:
                problems.append(f"{where}: window is {window.width()}×{window.height()}")
            if window.page_frames[name].horizontalScrollBar().isVisible():
                problems.append(f"{where}: the page scrolls sideways {widest(page)}")
            problems.extend(f"{where}: {problem}" for problem in table_problems(page))
            problems.extend(f"{where}: {problem}" for problem in sideways_tables(page))
            problems.extend(f"{where}: {problem}" for problem in fit_problems(window))
            if language == "zh":
                problems.extend(f"{where}: {problem}" for problem in untranslated(window))
    assert not problems, "\n".join(dict.fromkeys(problems))
