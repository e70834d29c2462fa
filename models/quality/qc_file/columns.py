"""The columns of a QC results file and the header names (English and Chinese) accepted for
each.  Headers are matched after Unicode NFKC folding, case folding and dropping spaces,
underscores, hyphens and dots, so "Batch No.", "batch_no" and "ＢＡＴＣＨ　ＮＯ" are one name.

An unknown header is refused rather than ignored: a column we do not understand could be
the one that qualifies the result (a dilution, a retest flag), and dropping it silently
would record a different result from the one the instrument reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str  # the field it fills (QcInput's names, "result" = value_text/value_num)
    required: bool
    aliases: tuple[str, ...]  # the first one is the canonical, documented name


COLUMNS: tuple[Column, ...] = (
    Column("batch", True, ("batch", "batch_number", "batch_no", "批号", "批次号", "批次")),
    Column("test", True, ("test", "test_name", "检测项目", "检验项目", "项目")),
    Column("result", True, ("result", "value", "结果", "检测结果", "检验结果")),
    Column(
        "resulted_at",
        True,
        ("resulted_at", "result_time", "tested_at", "检测时间", "检验时间", "结果时间"),
    ),
    Column("unit", False, ("unit", "单位")),
    Column("method", False, ("method", "方法", "检测方法", "检验方法")),
    Column("instrument", False, ("instrument", "instrument_id", "仪器", "仪器编号", "设备")),
    Column("rapid", False, ("rapid", "rapid_method", "快速法", "快速检测")),
    Column("mutation", False, ("mutation_detected", "mutation", "基因突变", "突变")),
)

# Limits of the qc_result columns (models/entities/quality.py): PostgreSQL refuses longer
# values, so they are reported per cell here instead of failing the whole transaction.
MAX_LENGTH = {"batch": 40, "test": 60, "result": 120, "unit": 40, "method": 120, "instrument": 80}


def fold(header: str) -> str:
    return re.sub(r"[\s_\-.]+", "", unicodedata.normalize("NFKC", header).casefold())


_BY_ALIAS = {fold(alias): column for column in COLUMNS for alias in column.aliases}


def column_for(header: str) -> Column | None:
    return _BY_ALIAS.get(fold(header))


def known_headers() -> str:
    return ", ".join(c.aliases[0] for c in COLUMNS)


def aliases_of(column: Column) -> str:
    return "/".join(column.aliases)
