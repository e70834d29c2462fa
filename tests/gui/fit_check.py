"""What "fits" means for a screen (issue 14): the window within the screen, every visible
single-line text within its widget, and no English source text left on a Chinese screen.

Shared by tests/gui/test_fit.py; a function per check so a failure names the widget and text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QWidget,
)

TS_FILE = Path(__file__).resolve().parents[2] / "resources/translations/celltrail_zh_CN.ts"
SLACK_PX = 1  # rounding between QFontMetrics and the text engine


@cache
def translated_sources() -> frozenset[str]:
    """English sources that have a finished Chinese translation different from the source."""
    sources = set()
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or not source.text or not translation.text:
            continue
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        if translation.text != source.text and any(
            c.isalpha() and c.isascii() for c in source.text
        ):
            sources.add(source.text)
    return frozenset(sources)


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _widest_line(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def label_problem(label: QLabel) -> str | None:
    text = _plain(label)
    if not text or label.wordWrap() or label.property("elide"):
        return None
    rect = label.contentsRect()
    margin = label.margin() * 2 + max(label.indent(), 0)
    needed = _widest_line(QFontMetrics(label.font()), text)
    if needed > rect.width() - margin + SLACK_PX:
        return f"{_name(label)} {text!r}: needs {needed} px, has {rect.width() - margin}"
    return None


def button_problem(button: QAbstractButton) -> str | None:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = text
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    elif isinstance(button, QPushButton):
        element = QStyle.SubElement.SE_PushButtonContents
    else:
        return None  # tool buttons show icons; their text is a tooltip-sized extra
    available = button.style().subElementRect(element, option, button).width()
    if not button.icon().isNull():
        available -= button.iconSize().width() + 4
    needed = _widest_line(QFontMetrics(button.font()), text)
    if needed > available + SLACK_PX:
        return f"{_name(button)} {text!r}: needs {needed} px, has {available}"
    return None


def tab_problems(bar: QTabBar) -> list[str]:
    metrics = QFontMetrics(bar.font())
    problems = []
    for index in range(bar.count()):
        text = bar.tabText(index).replace("&", "")
        needed, has = metrics.horizontalAdvance(text), bar.tabRect(index).width()
        if needed > has:
            problems.append(f"{_name(bar)} tab {text!r}: needs {needed} px, has {has}")
    return problems


def visible_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    texts: list[tuple[QWidget, str]] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            texts.append((widget, _plain(widget)))
        elif isinstance(widget, QAbstractButton):
            texts.append((widget, widget.text().replace("&", "")))
        elif isinstance(widget, QTabBar):
            texts.extend(
                (widget, widget.tabText(i).replace("&", "")) for i in range(widget.count())
            )
    return texts


def fit_problems(root: QWidget) -> list[str]:
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            problem = label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = button_problem(widget)
        elif isinstance(widget, QTabBar):
            problems.extend(tab_problems(widget))
            continue
        else:
            continue
        if problem:
            problems.append(problem)
    return problems


def untranslated(root: QWidget) -> list[str]:
    sources = translated_sources()
    return [
        f"{_name(widget)} shows English {text!r}"
        for widget, text in visible_texts(root)
        if text in sources
    ]


MIN_TABLE_ROWS = 3  # "trace and audit show one or two rows per table" (issue 14)
ROW_PX = 36  # QSS: QTableView::item { min-height: 36px }


def table_problems(page: QWidget) -> list[str]:
    """Tables and lists use the space: each visible one shows at least a few rows."""
    return [
        f"{_name(view)} shows {view.viewport().height() // ROW_PX} row(s)"
        for view in page.findChildren(QAbstractItemView)
        if view.isVisible()
        and not isinstance(view, QHeaderView)
        and view.viewport().height() < MIN_TABLE_ROWS * ROW_PX
    ]


def sideways_tables(page: QWidget) -> list[str]:
    """Tables and lists whose columns do not fit their width: the reader scrolls sideways to
    see a column ("Created" on the home page at 1280 px, issue 14)."""
    return [
        f"{_name(view)} scrolls sideways"
        for view in page.findChildren(QAbstractItemView)
        if view.isVisible()
        and not isinstance(view, QHeaderView)
        and view.horizontalScrollBar().isVisible()
    ]


def widest(page: QWidget) -> str:
    """The innermost widgets whose minimum width is what makes the page scroll sideways."""
    limit = page.parentWidget().width() if page.parentWidget() else page.width()
    found = []
    for widget in page.findChildren(QWidget):
        if widget.isVisible() and widget.minimumSizeHint().width() > limit * 0.4:
            found.append(f"{_name(widget)}={widget.minimumSizeHint().width()}")
    return f"(viewport {limit}: {', '.join(found[-4:])})"
