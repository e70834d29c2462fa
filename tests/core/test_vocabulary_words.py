"""Every stored vocabulary value a user sees has its own words in both languages (issue 14):
in Chinese mode no audit action, record kind, QC test, container, process step, record field or
mismatch kind is left in English. The record fields are generated from the metadata, so a new
column without words fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.i18n import has, render, term
from models.kernel.audit import AuditAction
from models.kernel.record_check import RecordIntegrityError
from models.kernel.record_state import bound_tables
from models.labeling.layout import CONTAINER_TYPES
from models.quality import catalogue

_CJK = re.compile(r"[\u4e00-\u9fff]")
_MODELS = Path(__file__).resolve().parents[2] / "models"
# Subjects of audit entries that are not tables: exports (gui/pages/audit, gui/pages/trace)
_EXPORT_KINDS = ("audit_extract", "trace_pdf", "trace_csv", "batch_pdf", "batch_csv")
# gui/pages/cleanroom/actions.py STEP_NAMES (the GUI test checks that list itself)
_STEPS = (
    *("Thaw", "Seeding", "Passage", "Media change", "Harvest", "Wash", "Formulation", "Fill"),
    "Final inspection",
)


def _qc_tests() -> set[str]:
    panels = (catalogue.msc_tests(), catalogue.car_t_tests(), catalogue.immune_cell_tests())
    return {t.test for panel in panels for t in panel}


def _subject_types() -> set[str]:
    """Every subject type written as a literal in models/, every bound table, every export."""
    literal = re.compile(r'subject_type="(\w+)"')
    written = {m for p in _MODELS.rglob("*.py") for m in literal.findall(p.read_text("utf-8"))}
    from models.quality.qc_file.catalog import IMPORT_SUBJECT

    return written | {t.name for t in bound_tables()} | set(_EXPORT_KINDS) | {IMPORT_SUBJECT}


def _columns() -> set[str]:
    return {c.name for t in bound_tables() for c in t.columns}


VOCABULARY = sorted(
    {("audit_action", a.value) for a in AuditAction}
    | {("record_kind", s) for s in _subject_types()}
    | {("qc_test", t) for t in _qc_tests()}
    | {("container", c) for c in CONTAINER_TYPES}
    | {("process_step", s) for s in _STEPS}
    | {("record_field", c) for c in _columns()}
    | {("record_mismatch", k) for k in ("altered", "deleted", "inserted")}
)


@pytest.mark.parametrize(("kind", "value"), VOCABULARY, ids=str)
def test_every_vocabulary_value_has_english_and_chinese_words(kind: str, value: str) -> None:
    code = term(kind, value).code
    assert has(code), f"{kind}.{value} has no words in the catalogue"
    english, chinese = term(kind, value).message("en"), term(kind, value).message("zh")
    assert english != chinese and _CJK.search(chinese), (code, english, chinese)


def test_the_issue_examples_read_in_chinese() -> None:
    words = {
        term("audit_action", "login").message("zh"),
        term("audit_action", "export").message("zh"),
        term("record_kind", "audit_extract").message("zh"),
        term("container", "cryobag").message("zh"),
        term("qc_test", "cd34").message("zh"),
        term("qc_test", "viability_shelf_life").message("zh"),
        term("process_step", "Thaw").message("zh"),
    }
    assert all(_CJK.search(w) for w in words)
    assert not any(re.search(r"[a-z]{4,}", w) for w in words), words


def test_record_integrity_names_fields_and_kinds_in_the_readers_language() -> None:
    altered = RecordIntegrityError(
        table="product_unit", record="U1", fields="intended_recipient_id, status", kind="altered"
    )
    chinese = altered.message("zh")
    assert "指定受者" in chinese and "状态" in chinese and "产品单元" in chinese
    assert "intended_recipient_id" not in chinese and "status" not in chinese
    assert "intended recipient, status" in altered.message("en")
    # params keep the raw text for the deviation and tests
    assert altered.params["fields"] == "intended_recipient_id, status"

    deleted = RecordIntegrityError(table="print_job", record="7", fields="deleted", kind="deleted")
    assert "被删除" in deleted.message("zh") and "deleted" not in deleted.message("zh")
    signed = RecordIntegrityError(
        table="specification", record="S", fields="approval signature", kind="altered"
    )
    assert "批准签名" in signed.message("zh")


def test_record_check_lines_name_fields_in_chinese() -> None:
    from models.kernel.record_check import FieldDifference, RecordMismatch, RecordReport
    from models.kernel.record_words import report_messages

    report = RecordReport()
    report.mismatches.append(
        RecordMismatch(
            "product_unit", "U1", "altered", (FieldDifference("intended_recipient_id", 1, 2),)
        )
    )
    report.mismatches.append(RecordMismatch("printed_label", "9", "deleted", trail_seq=3))
    for values in (True, False):
        text = "\n".join(m.message("zh") for m in report_messages(report, values=values))
        assert "指定受者" in text
        assert "intended_recipient_id" not in text and "printed_label" not in text
    assert render("record_mismatch.inserted", "zh") == "被插入"
