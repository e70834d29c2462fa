"""Language switching through QTranslator, plus locale-aware formatting helpers.

Installing a translator makes Qt send LanguageChange to every widget; each screen
re-reads its texts in ``changeEvent`` (the retranslate pattern).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTimeZone,
    QTranslator,
)

from gui.resources_access import translation
from models.i18n import render, term

# PySide6's stubs type QT_TRANSLATE_NOOP(context, message) as returning ``object``; at run
# time it returns ``message`` unchanged.  gui/ imports it from here so mypy sees a str.  Call
# sites must keep the literal name ``QT_TRANSLATE_NOOP(``: that is what pyside6-lupdate finds.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

QM_FILE = "celltrail_zh_CN.qm"
# Qt's own words (Cancel, OK, Yes, No in QDialogButtonBox and QMessageBox) come from the
# translations PySide6 ships; without them a Chinese dialog still says "Cancel" (issue 14).
QT_QM_FILE = "qtbase_zh_CN"
LANGUAGES = ("en", "zh")
_LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
}


class Language:
    """Holds the one installed translator; ``code`` is what DomainError.message() wants."""

    def __init__(self) -> None:
        self.code = "en"
        self._translator: QTranslator | None = None
        self._qt_translator: QTranslator | None = None
        self._qm: bytes | None = None  # QTranslator reads from this buffer: keep it alive

    def switch(self, code: str) -> None:
        """Install the language; Qt then sends LanguageChange to every top-level widget."""
        code = "zh" if code.lower().startswith("zh") else "en"
        QLocale.setDefault(_LOCALES[code])  # first, so retranslated dates use it
        self.code = code
        for installed in (self._translator, self._qt_translator):
            if installed is not None:
                QCoreApplication.removeTranslator(installed)
        self._translator = self._qt_translator = None
        if code == "zh":
            self._qt_translator = _qt_translator()
            translator = QTranslator()
            self._qm = self._qm or translation(QM_FILE)
            if not translator.load(self._qm):
                raise FileNotFoundError(f"resources/translations/{QM_FILE} is not a .qm file")
            QCoreApplication.installTranslator(translator)
            self._translator = translator


def _qt_translator() -> QTranslator | None:
    """Qt's own Chinese words, installed; None (Qt's English buttons) if PySide6 lacks them."""
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QT_QM_FILE, folder):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


LANGUAGE = Language()


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def domain(code: str, **params: object) -> str:
    """A domain word or message from the models/i18n catalogue, in the current language: the
    GUI shows the same words as the CLI, the deviations and the audit trail."""
    return render(code, LANGUAGE.code, **params)


def word(kind: str, value: object) -> str:
    """A stored vocabulary value (an audit action, a record kind, a QC test code, a container
    type …) as the catalogue's word in the current language; unknown values show as stored."""
    return term(kind, value).message(LANGUAGE.code)


def capitalised(words: str) -> str:
    """A catalogue word as a label or list entry: English domain messages show stored values
    as they are (``pending_retest``), a screen shows "Pending retest". Chinese is unchanged."""
    text = words.replace("_", " ")
    return text[:1].upper() + text[1:]


def to_qdatetime(value: datetime) -> QDateTime:
    """Aware UTC datetime → QDateTime in the workstation's local time."""
    utc = QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000), QTimeZone.utc())
    return utc.toLocalTime()


def format_datetime(value: datetime | None, seconds: bool = False) -> str:
    """Local time in the current locale's short date format (2025/3/3 or 03/03/2025)."""
    if value is None:
        return ""
    locale = QLocale()
    time_format = "HH:mm:ss" if seconds else "HH:mm"
    fmt = f"{locale.dateFormat(QLocale.FormatType.ShortFormat)} {time_format}"
    return locale.toString(to_qdatetime(value), fmt)


def format_number(value: float | int | None) -> str:
    """Grouped by the locale (21,000,000); two decimals only when there is a fraction."""
    if value is None:
        return ""
    locale = QLocale()
    if float(value).is_integer() and abs(value) < 1e15:
        return locale.toString(int(value))
    return locale.toString(float(value), "f", 2)
