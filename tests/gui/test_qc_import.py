"""QA release page → "Import QC results…": a real export file is previewed row by row, a bad
one lists every problem with its line and column, and the import happens only after the
signed-in user signs with their password (a wrong password keeps the dialog open)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.app import AppController
from gui.dialogs.qc_import import QcImportDialog
from gui.i18n import LANGUAGE
from gui.pages.release.page import ReleasePage
from models.core import Core
from models.demo.quality import S1_RESULTS
from models.entities.production import Batch
from models.entities.quality import QcResult
from models.quality.qc_file.errors import QcFileError
from models.quality.qc_file.parse import QcFile
from tests.gui.gui_helpers import PASSWORD, sign_in
from tests.gui.scenario import filled_batch


def export_file(core: Core, batch_id: int, number: str, path: Path) -> Path:
    """The lab's export of the S1 panel for this batch, as a Chinese instrument writes it:
    GB18030, Chinese headers, local times without an offset."""
    with core.uow().reading() as uow:
        batch = uow.session.get(Batch, batch_id)
        assert batch is not None
        type_id = batch.product_type_id
    units = {
        t["test"]: t["unit"] or "" for t in core.quality.specifications.current(type_id)["tests"]
    }
    start = datetime.now(ZoneInfo("Asia/Shanghai")) - timedelta(minutes=30)  # the demo site
    lines = ["批号,检测项目,结果,单位,检测时间,仪器"]
    for n, (test, value) in enumerate(S1_RESULTS.items()):
        at = f"{start - timedelta(minutes=n):%Y-%m-%d %H:%M:%S}"
        text = value if isinstance(value, str) else f"{value:g}"
        lines.append(f"{number},{test},{text},{units[test]},{at},QC-LAB-流式仪")
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))
    return path


def open_dialog(qtbot: QtBot, controller: AppController, user: str) -> QcImportDialog:
    sign_in(qtbot, controller, user)
    page = controller.window.show_page("release")
    assert isinstance(page, ReleasePage)
    qtbot.waitUntil(lambda: bool(page.choices), timeout=5000)
    qtbot.mouseClick(page.import_qc_button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in page.findChildren(QcImportDialog) if d.isVisible()]
    assert not dialog.import_button.isEnabled()  # nothing to import yet
    return dialog


def cells(dialog: QcImportDialog, column: int) -> list[str]:
    table = dialog.table
    return [table.item(r, column).text() for r in range(table.rowCount())]


def results_of(core: Core, batch_id: int) -> list[QcResult]:
    with core.uow().reading() as uow:
        found = list(uow.session.scalars(select(QcResult).where(QcResult.batch_id == batch_id)))
        uow.session.expunge_all()  # keep them readable after the session closes
        return found


def test_preview_then_sign_imports_every_row(
    qtbot: QtBot, controller: AppController, demo_core: Core, tmp_path: Path
) -> None:
    number, batch_id = filled_batch(demo_core)
    path = export_file(demo_core, batch_id, number, tmp_path / "流式仪导出.csv")
    dialog = open_dialog(qtbot, controller, "chen")

    with qtbot.waitSignal(dialog.previewed, timeout=10000) as preview:
        dialog.load(path)
    assert isinstance(preview.args[0], QcFile)
    assert dialog.table.rowCount() == len(S1_RESULTS)
    # the tests, in file order: the reader's words, with the code the file gave
    assert [c.rsplit("(", 1)[-1].rstrip(")") for c in cells(dialog, 2)] == list(S1_RESULTS)
    assert "cell count (cell_count)" in cells(dialog, 2)
    assert set(cells(dialog, 5)) == {"✔ pass"}  # the verdict the core will give
    assert cells(dialog, 0)[0] == "2" and "14 result(s) ready" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()  # ready, but not signed

    qtbot.keyClicks(dialog.password, "wrong-password-1")
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert "Wrong user name or password" in dialog.error.text() and dialog.isVisible()
    assert dialog.password.text() == "" and results_of(demo_core, batch_id) == []

    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.imported, timeout=30000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(done.args[0].outcomes) == len(S1_RESULTS)
    assert not dialog.isVisible()
    results = results_of(demo_core, batch_id)
    assert len(results) == len(S1_RESULTS) and {r.analyst for r in results} == {"chen"}
    assert {r.instrument for r in results} == {"QC-LAB-流式仪"}


def test_a_bad_file_lists_every_problem_and_cannot_be_imported(
    qtbot: QtBot, controller: AppController, demo_core: Core, tmp_path: Path
) -> None:
    number, batch_id = filled_batch(demo_core)
    path = tmp_path / "bad.csv"
    path.write_text(
        "batch,test,result,unit,resulted_at\n"
        f"{number},viability,ninety,%,2025-04-15 10:00\n"
        f"B-NO-SUCH,viability,93,%,2025-04-15 10:00\n"
        f"{number},cd73,99,%,2999-01-01 10:00\n",
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, controller, "chen")
    with qtbot.waitSignal(dialog.previewed, timeout=10000) as preview:
        dialog.load(path)
    assert isinstance(preview.args[0], QcFileError)
    assert [cells(dialog, 0), cells(dialog, 1)] == [
        ["2", "3", "4"],
        ["result", "batch", "resulted_at"],
    ]
    assert "not a plain number" in cells(dialog, 2)[0]
    assert "3 problem(s)" in dialog.summary.text()
    qtbot.keyClicks(dialog.password, PASSWORD)
    assert not dialog.import_button.isEnabled()  # a refused file can never be signed

    LANGUAGE.switch("zh")  # the same problems, read in Chinese
    with qtbot.waitSignal(dialog.previewed, timeout=10000):
        dialog.load(path)
    assert "不存在批号" in cells(dialog, 2)[1]
    assert results_of(demo_core, batch_id) == []
