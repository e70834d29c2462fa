"""Language switching through QTranslator, plus locale-aware formatting helpers.

Installing a translator makes Qt send LanguageChange to every widget; each screen
re-reads its texts in ``changeEvent`` (the retranslate pattern).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone, QTranslator

from gui.resources_access import translation
from models.i18n import render

# PySide6's stubs type QT_TRANSLATE_NOOP(context, message) as returning ``object``; at run
# time it returns ``message`` unchanged.  gui/ imports it from here so mypy sees a str.  Call
# sites must keep the literal name ``QT_TRANSLATE_NOOP(``: that is what pyside6-lupdate finds.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

QM_FILE = "celltrail_zh_CN.qm"
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
        self._qm: bytes | None = None  # QTranslator reads from this buffer: keep it alive

    def switch(self, code: str) -> None:
        """Install the language; Qt then sends LanguageChange to every top-level widget."""
        code = "zh" if code.lower().startswith("zh") else "en"
        QLocale.setDefault(_LOCALES[code])  # first, so retranslated dates use it
        self.code = code
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        if code == "zh":
            translator = QTranslator()
            self._qm = self._qm or translation(QM_FILE)
            if not translator.load(self._qm):
                raise FileNotFoundError(f"resources/translations/{QM_FILE} is not a .qm file")
            QCoreApplication.installTranslator(translator)
            self._translator = translator


LANGUAGE = Language()


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def domain(code: str, **params: object) -> str:
    """A domain word or message from the models/i18n catalogue, in the current language: the
    GUI shows the same words as the CLI, the deviations and the audit trail."""
    return render(code, LANGUAGE.code, **params)


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
