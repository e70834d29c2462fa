"""The read-only list table every station page shows: whole rows selected, no editing,
columns within the table's width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QTableView,
    QTableWidget,
    QTreeView,
)


def read_only_table(columns: int, name: str, stretch: tuple[int, ...] = ()) -> QTableWidget:
    """``stretch``: the columns with long texts (default: the last one), see fit_columns."""
    table = QTableWidget(0, columns, objectName=name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    fit_columns(table, *(stretch or (columns - 1,)))
    return table


WIDEST_PX = 360  # a column sized to its content: longer texts are elided


def fit_columns(view: QTableView | QTreeView, *stretch: int, widest: int = WIDEST_PX) -> None:
    """Columns within the view's width: nobody scrolls sideways to find one (the home page's
    "Created" at 1280 px, issue 14).  Short columns take their content's width, at most
    ``widest`` pixels; the ``stretch`` columns share what is left; longer texts are elided."""
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    header.setMaximumSectionSize(widest)  # bounds the columns sized to content, not stretch
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)


def wrapping_list(listing: QListWidget) -> QListWidget:
    """A list whose long entries wrap at its width instead of scrolling sideways."""
    listing.setWordWrap(True)
    listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    listing.setResizeMode(QListWidget.ResizeMode.Adjust)
    return listing
