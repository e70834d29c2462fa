"""Import QC results from an instrument/LIMS export (CSV): preview, then sign.

``load(path)`` parses and checks the file on the database thread and shows either every
row it would import or every problem (line, column, what is wrong).  Nothing is written
until the signed-in user re-enters their password — their e-signature (meaning: performed)
on every result — and the import runs in one transaction, bound to the SHA-256 of the file
that was previewed: if the file changed on disk meanwhile, the core refuses it.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.i18n import LANGUAGE, QT_TRANSLATE_NOOP, word
from gui.operations import Operation, Progress, error_text, run_op
from gui.status_style import set_ok
from models.quality.qc_file.errors import QcFileError, QcFileProblem
from models.quality.qc_file.importer import QcFileImporter, QcImportReport
from models.quality.qc_file.parse import QcFile

CONTEXT = "QcImportDialog"
ROW_COLUMNS = (
    QT_TRANSLATE_NOOP("QcImportDialog", "Line"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Batch"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Test"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Result"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Unit"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Verdict"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Resulted at"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Method"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Instrument"),
)
VERDICTS = {  # words and symbols, never colour alone
    "pass": QT_TRANSLATE_NOOP("QcImportDialog", "✔ pass"),
    "fail": QT_TRANSLATE_NOOP("QcImportDialog", "✖ OUT OF SPEC (deviation)"),
    "pending": QT_TRANSLATE_NOOP("QcImportDialog", "… pending"),
}
PROBLEM_COLUMNS = (
    QT_TRANSLATE_NOOP("QcImportDialog", "Line"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Column"),
    QT_TRANSLATE_NOOP("QcImportDialog", "Problem"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class QcImportDialog(QDialog):
    previewed = Signal(object)  # QcFile, or the QcFileError listing its problems
    imported = Signal(object)  # QcImportReport

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qcImportDialog")
        self.setWindowTitle(self.tr("Import QC results"))
        self._ctx = ctx
        self.path: Path | None = None
        self.parsed: QcFile | None = None
        self.problems: tuple[QcFileProblem, ...] = ()
        self.choose_button = QPushButton(self.tr("Choose file…"), objectName="qcChooseFile")
        self.file_label = QLabel(objectName="qcImportFile", wordWrap=True)
        self.summary = QLabel(objectName="qcImportSummary", wordWrap=True)
        self.table = QTableWidget(0, 0, objectName="qcImportTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.password = QLineEdit(objectName="qcImportPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Sign and import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("primaryButton")
        self._build_layout()
        self.choose_button.clicked.connect(self.choose_file)
        self.password.textChanged.connect(lambda _t: self._update_button())
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.confirm)
        self._update_button()
        self.resize(1100, 640)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("Your password ({0})").format(self._ctx.username), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons, alignment=Qt.AlignmentFlag.AlignRight)

    def choose_file(self) -> Operation | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("QC results file"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        return self.load(Path(name)) if name else None

    # -- preview -----------------------------------------------------------------------------

    def load(self, path: str | Path) -> Operation:
        """Parse and check ``path`` (on the database thread); nothing is written."""
        self.path, self.parsed, self.problems = Path(path), None, ()
        self.file_label.setText(str(self.path))
        self.summary.setText(self.tr("Checking the file…"))
        self.error.hide()
        self._update_button()
        importer = QcFileImporter.for_core(self._ctx.core)
        target = self.path
        return run_op(
            parent=self,
            op=lambda _p: importer.preview(target),
            on_success=self._show_rows,
            on_failure=self._on_failure,
        )

    def _show_rows(self, parsed: QcFile) -> None:
        self.parsed = parsed
        zone = ZoneInfo(parsed.zone)
        self._fill(
            ROW_COLUMNS,
            [
                [
                    str(row.line),
                    row.batch_number,
                    _test_words(row.data.test),
                    row.data.value_text,
                    row.data.unit or "",
                    _tr(VERDICTS[row.verdict.value]),
                    row.data.resulted_at.astimezone(zone).isoformat(sep=" "),
                    row.data.method or "",
                    row.data.instrument or "",
                ]
                for row in parsed.rows
            ],
        )
        self.summary.setText(
            self.tr(
                "✔ {0} result(s) ready to import from {1} ({2}, SHA-256 {3}…). Times without "
                "a UTC offset were read in {4}. Check them, then sign with your password."
            ).format(
                len(parsed.rows), parsed.name, parsed.encoding, parsed.sha256[:12], parsed.zone
            )
        )
        failing = sum(row.verdict.value == "fail" for row in parsed.rows)
        if failing:
            self.summary.setText(
                self.summary.text()
                + " "
                + self.tr("{0} result(s) are out of specification: each opens a deviation.").format(
                    failing
                )
            )
        set_ok(self.summary, True)
        self._update_button()
        self.previewed.emit(parsed)

    def _show_problems(self, exc: QcFileError) -> None:
        self.parsed, self.problems = None, exc.problems
        lang = LANGUAGE.code
        self._fill(
            PROBLEM_COLUMNS,
            [
                [str(p.line) if p.line else "–", p.column, p.error.message(lang)]
                for p in exc.problems
            ],
        )
        self.summary.setText(
            self.tr("✖ {0} was not imported: {1} problem(s). Nothing was saved.").format(
                exc.params["file"], len(exc.problems)
            )
        )
        set_ok(self.summary, False)
        self._update_button()
        self.previewed.emit(exc)

    def _fill(self, headers: tuple[str, ...], rows: list[list[str]]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels([_tr(h) for h in headers])
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # long problem texts are elided in the cell
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

    def _on_failure(self, exc: BaseException) -> None:
        if isinstance(exc, QcFileError):
            self._show_problems(exc)
        else:
            self._say(error_text(exc))

    # -- import --------------------------------------------------------------------------------

    def _update_button(self) -> None:
        self.import_button.setEnabled(self.parsed is not None and bool(self.password.text()))

    def confirm(self) -> Operation | None:
        """Import exactly the previewed file, signed with the password just typed."""
        parsed, path = self.parsed, self.path
        if parsed is None or path is None:
            return None
        password, username = self.password.text(), self._ctx.username
        self.password.clear()  # a signature is typed afresh for every attempt
        self.import_button.setEnabled(False)
        importer = QcFileImporter.for_core(self._ctx.core)

        def op(progress: Progress) -> QcImportReport:
            return importer.import_file(
                path,
                username=username,
                password=password,
                expected_sha256=parsed.sha256,
                progress=progress,
            )

        return run_op(
            parent=self,
            op=op,
            on_success=self._on_imported,
            on_failure=self._on_failure,
            label=self.tr("Importing QC results…"),
        )

    def _on_imported(self, report: QcImportReport) -> None:
        self._ctx.events.records_changed.emit("qc_result")
        self.imported.emit(report)
        self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(f"✖ {text}")
        self.error.show()
        self._update_button()


def _test_words(code: str) -> str:
    """The test in the reader's words, with the code the file gave (what QC checks against)."""
    words = word("qc_test", code)
    return words if words == code else f"{words} ({code})"
