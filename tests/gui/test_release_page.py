"""QA release page: a batch without QC results is blocked (blockers listed); once the panel
passes, QA releases it with their own password; an out-of-specification dose opens only the
emergency path, for the QA head, with the physician's request."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.app import AppController
from gui.dialogs.form import FormDialog
from gui.pages.release.page import ReleasePage
from models.core import Core
from tests.gui.gui_helpers import PASSWORD, sign_in
from tests.gui.scenario import filled_batch, pass_qc


def open_release(qtbot: QtBot, controller: AppController, user: str, batch: str) -> ReleasePage:
    sign_in(qtbot, controller, user)
    page = controller.window.show_page("release")
    assert isinstance(page, ReleasePage)
    qtbot.waitUntil(lambda: bool(page.choices), timeout=5000)
    with qtbot.waitSignal(page.assessed, timeout=5000):
        page.select_batch(batch)
    return page


def blockers(page: ReleasePage) -> list[str]:
    return [page.blockers.item(i).text() for i in range(page.blockers.count())]


def sign(qtbot: QtBot, page: ReleasePage, button_name: str, **texts: str | bool) -> FormDialog:
    button = getattr(page, button_name)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in page.findChildren(FormDialog) if d.isVisible()]
    for key, text in texts.items():
        widget = dialog.inputs.get(key)
        if isinstance(text, bool):
            widget.setChecked(text)  # type: ignore[union-attr]
        elif widget is not None:  # e.g. no paper batch record asked when steps are electronic
            qtbot.keyClicks(widget, text)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    return dialog


def test_blocked_then_released_with_e_signature(
    qtbot: QtBot, controller: AppController, demo_core: Core
) -> None:
    number, batch_id = filled_batch(demo_core)
    page = open_release(qtbot, controller, "chen", number)
    assert page.readiness is not None and page.readiness.kind is None
    assert "✖ Test not passed: sterility" in blockers(page)
    assert not page.release_button.isEnabled() and not page.emergency_button.isEnabled()
    assert page.banner.property("ok") is False and "cannot be released" in page.banner.text()

    pass_qc(demo_core, batch_id)  # the QC lab's results, recorded and verified
    with qtbot.waitSignal(page.assessed, timeout=5000):
        qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert blockers(page) == [] and page.release_button.isEnabled()
    assert "… viability at end of shelf life" in [
        page.pending.item(i).text() for i in range(page.pending.count())
    ]

    checklist = [page.checklist.item(i).text() for i in range(page.checklist.count())]
    assert len(checklist) == 6 and checklist[0].startswith("✔ Request form")
    assert checklist[2].startswith("✔ QC report") and checklist[5].startswith("✔ Release form")

    dialog = sign(qtbot, page, "release_button", password="wrong-password")
    qtbot.waitUntil(dialog.warning.isVisible, timeout=5000)  # a wrong signature is refused
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.inputs["password"], PASSWORD)  # right signature, nothing attested
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "package" in dialog.warning.text(), timeout=5000)
    assert "packaging check" in dialog.warning.text() and dialog.isVisible()
    assert "request_form" not in dialog.inputs  # proved by the preparation request
    if "batch_record" in dialog.inputs:  # no electronic batch record: the paper one's number
        qtbot.keyClicks(dialog.inputs["batch_record"], "BR-2026-031")
    dialog.inputs["packaging"].setChecked(True)  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.decided, timeout=5000):
        qtbot.keyClicks(dialog.inputs["password"], PASSWORD)
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Batch released."
    qtbot.waitUntil(lambda: "The batch is released" in " ".join(blockers(page)), timeout=5000)
    assert not page.release_button.isEnabled() and not page.reject_button.isEnabled()


def test_emergency_release_only_for_the_qa_head(
    qtbot: QtBot, controller: AppController, demo_core: Core
) -> None:
    number, batch_id = filled_batch(demo_core)
    pass_qc(demo_core, batch_id, cell_count=2.0e7)  # dose out of specification
    page = open_release(qtbot, controller, "li", number)
    assert page.readiness is not None and page.readiness.emergency_possible
    assert not page.release_button.isEnabled() and page.emergency_button.isEnabled()
    assert [page.failed.item(i).text() for i in range(page.failed.count())] == ["✖ cell count"]
    with qtbot.waitSignal(page.decided, timeout=5000) as decided:
        sign(
            qtbot,
            page,
            "emergency_button",
            physician="Dr. Zhou Qiang",
            justification="Refractory aGVHD grade IV, no alternative",
            batch_record="BR-2026-032",
            packaging=True,
            password=PASSWORD,
        )
    assert decided.args == ["emergency"]
