"""Chinese mode leaves no stored English on screen (issue 14): the audit desk shows actions and
record kinds in Chinese, Qt's standard buttons read 取消, process steps are Chinese words."""

from __future__ import annotations

import re

from gui_helpers import sign_in
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.dialogs.form import Field, FormDialog
from gui.i18n import LANGUAGE
from gui.pages.audit.page import AuditPageWidget
from gui.pages.cleanroom.actions import CONTAINERS, STEP_NAMES
from models.i18n import has

_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_audit_desk_in_chinese_shows_no_raw_action_codes(
    qtbot: QtBot, controller: AppController
) -> None:
    sign_in(qtbot, controller, "sun")
    page = controller.window.pages["audit"]
    assert isinstance(page, AuditPageWidget)
    LANGUAGE.switch("zh")
    try:
        with qtbot.waitSignal(page.loaded, timeout=5000):
            controller.window.show_page("audit")
        model = page.model
        assert model.rows
        actions = {model.index(r, 3).data() for r in range(model.rowCount())}
        kinds = {model.index(r, 4).data() for r in range(model.rowCount())}
        raw = {a.action for a in model.rows} | {a.subject_type for a in model.rows}
        assert "login" in raw  # the demo's sign-ins are on the first page
        assert not actions & raw and not kinds & raw, (actions & raw, kinds & raw)
        assert all(_CJK.search(text) for text in actions | kinds), actions | kinds
        combo = page.filters.action
        shown = {combo.itemText(i) for i in range(1, combo.count())}
        assert "login" not in shown and "export" not in shown and "登录" in shown
    finally:
        LANGUAGE.switch("en")


def test_a_dialogs_cancel_button_reads_chinese(qtbot: QtBot) -> None:
    LANGUAGE.switch("zh")
    try:
        dialog = FormDialog(
            None,
            title="t",
            summary="s",
            fields=[Field("name", "Step", "choice", STEP_NAMES, vocabulary="process_step")],
            submit_text="OK",
            action=lambda _v: None,
        )
        qtbot.addWidget(dialog)
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text().replace("&", "").startswith("取消"), cancel.text()
        combo = dialog.inputs["name"]
        assert isinstance(combo, QComboBox)
        assert combo.itemText(0) == "复苏" and combo.itemData(0) == "Thaw"
        assert dialog.values()["name"] == "Thaw"
    finally:
        LANGUAGE.switch("en")


def test_every_cleanroom_step_and_container_has_words() -> None:
    assert all(has(f"process_step.{s.replace(' ', '_')}") for s in STEP_NAMES)
    assert all(has(f"container.{c}") for c in CONTAINERS)
