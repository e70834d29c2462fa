"""A small form dialog that runs one core service call and explains a refusal in place.

Every guided action of the station pages (record a step, fill, void a label, release …) is
one of these: the page lists the fields, the dialog collects them, runs ``action(values)``
on the database thread and shows a ``DomainError`` in the user's language without closing,
so the user can correct and retry.  ``guard`` is the GUI's early warning (e.g. "a second
person must sign"); the rule that counts is always the core's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import to_qdatetime, word
from gui.operations import error_text, run_op
from gui.stale_watch import StaleWatch, WatchesRecord
from models.kernel.record_version import RecordChangedError

Values = dict[str, Any]


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # text password int float choice multi datetime multiline check
    choices: Sequence[str] = ()
    default: Any = None
    # A "choice" of stored vocabulary values (e.g. "container"): shown as the catalogue's
    # words, the stored value submitted.
    vocabulary: str = ""
    maximum: float = 1e12


class FormDialog(QDialog, WatchesRecord):
    succeeded = Signal(object)  # what the action returned

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        summary: str,
        fields: Sequence[Field],
        submit_text: str,
        action: Callable[[Values], Any],
        guard: Callable[[Values], str | None] | None = None,
        name: str = "formDialog",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self._action, self._guard = action, guard
        self.watch: StaleWatch | None = None  # the record acted on, if it has a version
        self.summary = QLabel(summary, wordWrap=True, objectName="formSummary")
        self.inputs: dict[str, QWidget] = {}
        self._fields = list(fields)
        form = QFormLayout()
        for spec in self._fields:
            widget = _make_input(spec)
            widget.setObjectName(f"field_{spec.key}")
            self.inputs[spec.key] = widget
            form.addRow(spec.label, widget)
            _connect_changed(widget, self._check)
        self.warning = QLabel(objectName="errorLabel", wordWrap=True)
        self.warning.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton(
            submit_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("primaryButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(self.buttons, alignment=Qt.AlignmentFlag.AlignRight)
        self.buttons.rejected.connect(self.reject)
        self.submit_button.clicked.connect(self.submit)
        self.resize(640, 200 + 48 * len(self._fields))

    def values(self) -> Values:
        return {spec.key: _value(self.inputs[spec.key], spec) for spec in self._fields}

    def action_button(self) -> QAbstractButton:
        return self.submit_button

    def show_outdated(self, text: str) -> None:
        self._show_warning(text)

    def _check(self) -> None:
        problem = self._guard(self.values()) if self._guard else None
        if self.outdated:
            return  # the record changed underneath: that warning stays, nothing is enabled
        if problem:
            self.show_error(problem)
        else:
            self.warning.hide()
        self.submit_button.setEnabled(not problem)

    def submit(self) -> None:
        if self.outdated:
            return
        values = self.values()
        for spec in self._fields:
            widget = self.inputs[spec.key]
            if spec.kind == "password" and isinstance(widget, QLineEdit):
                widget.clear()  # a signature is typed afresh for every attempt
        self.submit_button.setEnabled(False)
        if self.watch is not None:
            self.watch.pause()  # this form's own commit is not another station's change
        action = self._action
        run_op(
            parent=self,
            op=lambda _p: action(values),
            on_success=self._on_success,
            on_failure=self._on_failure,
        )

    def _on_success(self, result: object) -> None:
        if self.watch is not None:
            self.watch.stop()
        self.succeeded.emit(result)
        self.accept()

    def _on_failure(self, exc: BaseException) -> None:
        if self.watch is not None:
            self.watch.resume()
        self.show_error(error_text(exc))
        if isinstance(exc, RecordChangedError):
            self.submit_button.setEnabled(False)  # the refusal says who; the watch confirms

    def show_error(self, text: str) -> None:
        self.submit_button.setEnabled(not self.outdated)
        self._show_warning(text)

    def _show_warning(self, text: str) -> None:
        self.warning.setText(f"✖ {text}")
        self.warning.show()


def _password(_spec: Field) -> QWidget:
    return QLineEdit(echoMode=QLineEdit.EchoMode.Password)


def _int(spec: Field) -> QWidget:
    box = QSpinBox(minimum=1, maximum=int(min(spec.maximum, 2**31 - 1)))
    box.setValue(int(spec.default or 1))
    return box


def _float(spec: Field) -> QWidget:
    box = QDoubleSpinBox(decimals=1, maximum=spec.maximum, minimum=-273.0)
    box.setValue(float(spec.default or 0))
    return box


def _choice(spec: Field) -> QWidget:
    combo = QComboBox()
    for choice in spec.choices:
        combo.addItem(word(spec.vocabulary, choice) if spec.vocabulary else choice, choice)
    if spec.default in spec.choices:
        combo.setCurrentIndex(combo.findData(spec.default))
    return combo


def _chosen(combo: QComboBox) -> str:
    value = combo.currentData()
    return value if isinstance(value, str) else combo.currentText()


def _multi(spec: Field) -> QWidget:
    listing = QListWidget()
    for choice in spec.choices:
        # shown as the catalogue's word when ``vocabulary`` names one; the stored value is read
        item = QListWidgetItem(word(spec.vocabulary, choice) if spec.vocabulary else choice)
        item.setData(Qt.ItemDataRole.UserRole, choice)
        item.setCheckState(Qt.CheckState.Unchecked)
        listing.addItem(item)
    listing.setMinimumHeight(140)
    return listing


def _datetime(spec: Field) -> QWidget:
    if isinstance(spec.default, datetime):  # a recorded time being corrected: to the second
        edit = QDateTimeEdit(to_qdatetime(spec.default), calendarPopup=True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        return edit
    edit = QDateTimeEdit(QDateTime.currentDateTime(), calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def _multiline(spec: Field) -> QWidget:
    text = QPlainTextEdit(str(spec.default or ""))
    text.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
    text.setFixedHeight(90)
    return text


_BUILDERS: dict[str, Callable[[Field], QWidget]] = {
    "password": _password,
    "int": _int,
    "float": _float,
    "choice": _choice,
    "multi": _multi,
    "datetime": _datetime,
    "multiline": _multiline,
    "check": lambda spec: QCheckBox(checked=bool(spec.default)),
}


def _make_input(spec: Field) -> QWidget:
    builder = _BUILDERS.get(spec.kind)
    return builder(spec) if builder else QLineEdit(str(spec.default or ""))


def _checked(widget: QListWidget) -> list[str]:
    items = (widget.item(i) for i in range(widget.count()))
    checked = (item for item in items if item.checkState() == Qt.CheckState.Checked)
    return [str(item.data(Qt.ItemDataRole.UserRole) or item.text()) for item in checked]


def _value(widget: QWidget, spec: Field) -> Any:
    readers: list[tuple[type, Callable[[Any], Any]]] = [
        (QSpinBox, lambda w: w.value()),
        (QDoubleSpinBox, lambda w: w.value()),
        (QComboBox, _chosen),
        (QListWidget, _checked),
        (QDateTimeEdit, lambda w: datetime.fromtimestamp(w.dateTime().toSecsSinceEpoch(), UTC)),
        (QPlainTextEdit, lambda w: w.toPlainText().strip()),
        (QCheckBox, lambda w: w.isChecked()),
    ]
    for cls, read in readers:
        if isinstance(widget, cls):
            return read(widget)
    assert isinstance(widget, QLineEdit)
    return widget.text() if spec.kind == "password" else widget.text().strip()


def _connect_changed(widget: QWidget, slot: Callable[[], None]) -> None:
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentTextChanged.connect(slot)
    elif isinstance(widget, QListWidget):
        widget.itemChanged.connect(slot)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)


def open_form(
    parent: QWidget | None,
    *,
    title: str,
    summary: str,
    fields: Sequence[Field],
    submit: str,
    action: Callable[[Values], Any],
    on_success: Callable[[], None],
    guard: Callable[[Values], str | None] | None = None,
    name: str = "formDialog",
) -> FormDialog:
    """Open a FormDialog window-modally and call ``on_success`` once its action succeeded
    (what every station does after a form: say so, announce the change, refresh)."""
    dialog = FormDialog(
        parent,
        title=title,
        summary=summary,
        fields=fields,
        submit_text=submit,
        action=action,
        guard=guard,
        name=name,
    )
    dialog.succeeded.connect(lambda _result: on_success())
    dialog.open()
    return dialog
