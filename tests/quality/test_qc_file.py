"""QC results from an instrument/LIMS export file: real files in every encoding and layout
the format accepts, every kind of bad input refused with its line and column, all or
nothing, never the same file twice, signed by an analyst who has the role — on SQLite and
PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from models.cli import app as cli
from models.core import Core
from models.entities.accounts import Signature
from models.entities.audit import AuditEntry
from models.entities.production import ProductCategory, ProductUnit
from models.entities.quality import LimitKind, QcResult, QcVerdict
from models.kernel.audit import AuditAction, verify_chain
from models.kernel.errors import AuthenticationError, PermissionDeniedError
from models.quality.qc_file import text as qc_file_text
from models.quality.qc_file.catalog import IMPORT_SUBJECT
from models.quality.qc_file.errors import QcFileAlreadyImportedError, QcFileError
from models.quality.qc_file.importer import QcFileImporter
from models.quality.qc_file.parse import BatchRef, SpecTestRef, parse_qc_file
from models.quality.suite import build_quality_services
from tests.conftest import PASSWORD
from tests.quality.conftest import (
    Env,
    FakeLabels,
    make_batch,
    qa_release,
    record_panel,
    setup_product,
)

BATCH = "B-UCMSC-250415-003"
SHANGHAI = ZoneInfo("Asia/Shanghai")
# One passing MSC panel (models/quality/catalogue.py): test, result, unit.
PANEL = [
    ("sterility", "negative", ""),
    ("mycoplasma", "negative", ""),
    ("endotoxin", "0.25", "EU/mL"),
    ("viability", "93.5", "%"),
    ("cell_count", "1.0e8", "cells/bag"),
    ("cd73", "99.1", "%"),
    ("cd90", "99.4", "%"),
    ("cd105", "98.7", "%"),
]


@dataclass
class Site:
    core: Core
    importer: QcFileImporter
    batch_id: int
    tmp: Path

    def write(self, name: str, text: str, encoding: str = "utf-8") -> Path:
        path = self.tmp / name
        path.write_bytes(text.encode(encoding))
        return path

    def results(self) -> list[QcResult]:
        with self.core.uow().reading() as uow:
            found = list(uow.session.scalars(select(QcResult).order_by(QcResult.id)))
            uow.session.expunge_all()
            return found

    def imports(self) -> list[AuditEntry]:
        with self.core.uow().reading() as uow:
            query = select(AuditEntry).where(AuditEntry.subject_type == IMPORT_SUBJECT)
            found = list(uow.session.scalars(query))
            uow.session.expunge_all()
            return found


@pytest.fixture
def site(any_core: Core, tmp_path: Path) -> Iterator[Site]:
    env = Env(any_core, any_core.quality, FakeLabels())
    product = setup_product(env, ProductCategory.MSC)
    batch_id = make_batch(any_core, product, BATCH)
    yield Site(any_core, QcFileImporter.for_core(any_core), batch_id, tmp_path)
    with any_core.uow().reading() as uow:
        assert verify_chain(uow.session).intact  # whatever a test did, the chain holds


def stamp(minutes_ago: int = 60) -> str:
    return (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat(timespec="seconds")


def panel_csv(delimiter: str = ",", header: str = "batch,test,result,unit,resulted_at") -> str:
    lines = [header.replace(",", delimiter)]
    for n, (test, value, unit) in enumerate(PANEL):
        lines.append(delimiter.join([BATCH, test, value, unit, stamp(60 + n)]))
    return "\r\n".join(lines) + "\r\n"


def refused(call: object, *args: object, **kwargs: object) -> QcFileError:
    with pytest.raises(QcFileError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value


def where(error: QcFileError) -> list[tuple[int, str, str]]:
    return [(p.line, p.column, p.code) for p in error.problems]


# --- good files ---------------------------------------------------------------------------


def test_utf8_bom_file_imports_every_row_signed_and_attributed(site: Site) -> None:
    path = site.write("lims-export.csv", "\ufeff" + panel_csv())
    preview = site.importer.preview(path)
    assert preview.encoding == "UTF-8 (BOM)" and len(preview.rows) == len(PANEL)
    assert [r.line for r in preview.rows] == list(range(2, 2 + len(PANEL)))

    report = site.importer.import_file(path, username="wang", password=PASSWORD)
    assert report.sha256 == preview.sha256 and len(report.outcomes) == len(PANEL)
    assert all(o.verdict is QcVerdict.PASS and o.deviation_id is None for o in report.outcomes)
    results = site.results()
    assert [(r.test, r.value_text, r.analyst) for r in results] == [
        (t, v, "wang") for t, v, _ in PANEL
    ]
    cell_count = next(r for r in results if r.test == "cell_count")
    assert cell_count.value_num == 1.0e8 and cell_count.unit == "cells/bag"
    assert all(r.analyst_signature_id is not None for r in results)
    [entry] = site.imports()
    assert entry.subject_id == preview.sha256 and entry.actor == "wang"
    recorded = json.loads(entry.new_value or "")
    assert recorded["file"] == "lims-export.csv" and recorded["sha256"] == preview.sha256
    assert recorded["result_ids"] == [r.id for r in results] and recorded["rows"] == len(PANEL)


def test_gb18030_file_with_chinese_headers_and_tabs(site: Site) -> None:
    header = "批号\t检测项目\t结果\t单位\t检测时间\t检测方法\t仪器"
    lines = [header]
    for n, (test, value, unit) in enumerate(PANEL):
        lines.append(f"{BATCH}\t{test}\t{value}\t{unit}\t{stamp(60 + n)}\t流式细胞术\t流式仪-02")
    path = site.write("仪器导出.txt", "\n".join(lines) + "\n", "gb18030")
    preview = site.importer.preview(path)
    assert (preview.encoding, preview.delimiter) == ("GB18030", "tab")
    site.importer.import_file(path, username="wang", password=PASSWORD)
    results = site.results()
    assert len(results) == len(PANEL)
    assert {(r.method, r.instrument) for r in results} == {("流式细胞术", "流式仪-02")}
    assert json.loads(site.imports()[0].new_value or "")["file"] == "仪器导出.txt"


def test_semicolons_and_times_without_offset_are_read_in_the_site_zone(site: Site) -> None:
    text = "Batch No.;Test;Value;Resulted At\n" + f"{BATCH};viability;93.5;2025-04-15 10:30\n"
    parsed = site.importer.preview(site.write("eu.csv", text))
    assert parsed.delimiter == ";" and parsed.zone == "Asia/Shanghai"
    assert parsed.rows[0].data.resulted_at == datetime(2025, 4, 15, 2, 30, tzinfo=UTC)
    with_offset = text.replace("10:30", "10:30:00Z")
    parsed = site.importer.preview(site.write("z.csv", with_offset))
    assert parsed.rows[0].data.resulted_at == datetime(2025, 4, 15, 10, 30, tzinfo=UTC)


def test_rapid_flag_follows_the_specification_when_empty(site: Site) -> None:
    """Sterility is compendial in the MSC specification: empty = compendial, "yes" refused."""
    text = f"batch,test,result,resulted_at,rapid\n{BATCH},sterility,negative,{stamp()},\n"
    assert site.importer.preview(site.write("a.csv", text)).rows[0].data.rapid_method is False
    error = refused(site.importer.preview, site.write("b.csv", text.replace(",\n", ",是\n")))
    assert where(error) == [(2, "rapid", "method_mismatch")]


# --- every kind of bad input, with line and column ------------------------------------------

BAD_CELLS = [  # (name, test, result, unit, time) of row 2 → (column, problem code)
    ("unknown batch", "viability", "93", "%", None, "batch", "unknown_batch"),
    ("unknown test", "vitality", "93", "%", None, "test", "unknown_test"),
    ("not a number", "viability", "ninety", "%", None, "result", "not_a_number"),
    ("less-than", "endotoxin", "<0.5", "EU/mL", None, "result", "not_a_number"),
    ("NaN", "viability", "nan", "%", None, "result", "not_a_number"),
    ("wrong unit", "viability", "93", "percent", None, "unit", "unit_mismatch"),
    ("no time", "viability", "93", "%", "2025-04-15", "resulted_at", "bad_time"),
    ("no date", "viability", "93", "%", "yesterday", "resulted_at", "bad_time"),
    ("30 February", "viability", "93", "%", "2025-02-30 10:00", "resulted_at", "bad_time"),
    ("offset 25 h", "viability", "93", "%", "2025-04-15T10:00+25:00", "resulted_at", "bad_time"),
    ("future", "viability", "93", "%", "2999-01-01 00:00+08:00", "resulted_at", "future_time"),
    ("empty result", "viability", "", "%", None, "result", "empty_value"),
    ("control char", "viability", "93\x07", "%", None, "result", "control_character"),
    ("too long", "viability", "9" * 121, "%", None, "result", "value_too_long"),
    ("TAGMe > 100", "tagme_pm", "130", "PM", None, "result", "value_refused"),
]


@pytest.mark.req("R-CSV-17")
def test_each_bad_cell_is_named_by_line_and_column(site: Site) -> None:
    """One database for all the cases (each is a file of its own): setting up a site per
    case would cost more than every check together."""
    for name, test, value, unit, at, column, code in BAD_CELLS:
        batch = "B-NO-SUCH" if code == "unknown_batch" else BATCH
        text = (
            "batch,test,result,unit,resulted_at\n"
            f"{BATCH},viability,93.5,%,{stamp(90)}\n"
            f'{batch},{test},"{value}",{unit},{at or stamp()}\n'
        )
        error = refused(site.importer.preview, site.write(f"{code}.csv", text))
        assert where(error) == [(3, column, code)], name
        assert error.params["file"] == f"{code}.csv"
        assert "line 3" in error.message("en") and "第 3 行" in error.message("zh"), name
    assert site.results() == []


BAD_FILES = [  # (name, bytes) → [(line, column, code)]
    ("empty", b"", [(0, "", "file_empty")]),
    ("blank lines", b"\r\n  \r\n", [(0, "", "file_empty")]),
    ("header only", b"batch,test,result,resulted_at\n", [(0, "", "file_no_rows")]),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), [(0, "", "file_not_text")]),
    ("xlsx", b"PK\x03\x04" + b"\x00" * 40, [(0, "", "file_not_text")]),
    ("NUL bytes", b"batch,test\x00,result\n", [(0, "", "file_not_text")]),
    (
        "UTF-8 with a bad byte",
        b"batch,test,result,resulted_at,method\n"
        + f"{BATCH},viability,93,2025-04-15 10:00,流式".encode()
        + b"\xff\n",
        [(2, "", "file_undecodable")],
    ),
    (
        "unknown header",
        b"batch,test,result,resulted_at,operator\nB,viability,93,2025-04-15 10:00,x\n",
        [(1, "operator", "unknown_header"), (2, "batch", "unknown_batch")],
    ),
    (
        "missing column",
        b"batch,test,resulted_at\nB,viability,2025-04-15 10:00\n",
        [(1, "", "missing_column")],
    ),
    (
        "repeated column",
        f"batch,test,result,value,resulted_at\n{BATCH},viability,93,93,2025-04-15 10:00\n".encode(),
        [(1, "value", "duplicate_header")],
    ),
    (
        "broken quoting",
        f'batch,test,result,resulted_at\n{BATCH},viability,"93"x,2025-04-15 10:00\n'.encode(),
        [(2, "", "file_quoting_broken")],
    ),
    (
        "short row",
        f"batch,test,result,resulted_at\n{BATCH},viability,93\n".encode(),
        [(2, "", "wrong_cell_count")],
    ),
]


@pytest.mark.req("R-CSV-17")
def test_each_bad_file_is_refused_whole(site: Site) -> None:
    for name, data, expected in BAD_FILES:
        path = site.tmp / f"{name}.csv"
        path.write_bytes(data)
        error = refused(site.importer.preview, path)
        assert where(error) == expected, name
        assert error.message("en") and error.message("zh")
        refused(site.importer.import_file, path, username="wang", password=PASSWORD)
    assert site.results() == [] and site.imports() == []


def test_duplicate_rows_and_oversize_and_too_many_rows(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = stamp()
    row = f"{BATCH},viability,93.5,%,{at}\n"
    text = "batch,test,result,unit,resulted_at\n" + row + row.replace("93.5", "94")
    error = refused(site.importer.preview, site.write("dup.csv", text))
    assert where(error) == [(3, "", "duplicate_row")] and "line 2" in error.message("en")

    big = site.tmp / "big.csv"
    big.write_bytes(b"batch,test,result,resulted_at\n" + b"x" * qc_file_text.MAX_FILE_BYTES)
    assert where(refused(site.importer.preview, big)) == [(0, "", "file_too_large")]

    monkeypatch.setattr(qc_file_text, "MAX_ROWS", 3)
    rows = "".join(f"{BATCH},viability,9{n},%,{stamp(n)}\n" for n in range(5))
    error = refused(
        site.importer.preview, site.write("many.csv", "batch,test,result,unit,resulted_at\n" + rows)
    )
    assert where(error) == [(5, "", "file_too_many_rows")]


def test_every_problem_of_the_file_is_listed_at_once(site: Site) -> None:
    text = (
        "batch,test,result,unit,resulted_at\n"
        f"{BATCH},viability,93.5,%,{stamp(10)}\n"  # good
        f"{BATCH},viability,abc,%,{stamp(11)}\n"
        f"B-NOPE,viability,93,%,{stamp(12)}\n"
        f"{BATCH},potency,62,%,2025-13-01 10:00\n"
        f"{BATCH},osmolality,1240,mOsm,{stamp(13)}\n"
    )
    error = refused(site.importer.preview, site.write("many.csv", text))
    assert where(error) == [
        (3, "result", "not_a_number"),
        (4, "batch", "unknown_batch"),
        (5, "resulted_at", "bad_time"),
        (6, "unit", "unit_mismatch"),
    ]
    assert error.params["count"] == 4


def test_times_without_offset_that_are_ambiguous_in_the_site_zone_are_refused() -> None:
    """A site on daylight-saving time: 02:30 on the spring-forward night does not exist and
    02:30 on the fall-back night happens twice; neither is guessed."""
    batch = BatchRef(
        1, "B", "SPEC v1", {"viability": SpecTestRef("viability", LimitKind.MINIMUM, lower=80)}
    )
    text = (
        "batch,test,result,resulted_at\n"
        "B,viability,93,2025-03-30 02:30\n"
        "B,viability,93,2025-10-26 02:30\n"
        "B,viability,93,2025-10-26 02:30+01:00\n"
        "B,viability,93,2025-07-01 12:00\n"
    )
    with pytest.raises(QcFileError) as caught:
        parse_qc_file(
            text.encode(),
            name="eu.csv",
            zone=ZoneInfo("Europe/Berlin"),
            lookup=lambda _numbers: {"B": batch},
            now=datetime(2026, 1, 1, tzinfo=UTC),
        )
    assert where(caught.value) == [
        (2, "resulted_at", "nonexistent_local_time"),
        (3, "resulted_at", "ambiguous_local_time"),
    ]
    parsed = parse_qc_file(
        text.replace("02:30\n", "02:30+02:00\n").encode(),
        name="eu.csv",
        zone=ZoneInfo("Europe/Berlin"),
        lookup=lambda _numbers: {"B": batch},
        now=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert parsed.rows[3].data.resulted_at == datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
    assert all(r.data.resulted_at.tzinfo is not None for r in parsed.rows)


# --- all or nothing, once, by the right person ---------------------------------------------


@pytest.mark.req("R-CSV-17")
def test_a_row_the_core_refuses_mid_import_rolls_back_every_row(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parser and the core agree, so force the core to refuse the 6th row: the five
    before it, their signatures and audit entries must all be gone."""
    from models.quality import qc as quality_qc
    real, calls = quality_qc.evaluate, []

    def refuse_sixth(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 6:
            raise ValueError("instrument reported an invalid value")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    path = site.write("panel.csv", panel_csv())
    with site.core.uow().reading() as uow:
        audit_before = uow.session.scalar(select(func.count()).select_from(AuditEntry))
        signatures_before = uow.session.scalar(select(func.count()).select_from(Signature))
    monkeypatch.setattr(quality_qc, "evaluate", refuse_sixth)
    error = refused(site.importer.import_file, path, username="wang", password=PASSWORD)
    assert where(error) == [(7, "", "row_refused")]
    assert "invalid value" in error.message("en")
    assert site.results() == [] and site.imports() == []
    with site.core.uow().reading() as uow:
        assert uow.session.scalar(select(func.count()).select_from(AuditEntry)) == audit_before
        assert uow.session.scalar(select(func.count()).select_from(Signature)) == signatures_before
    monkeypatch.setattr(quality_qc, "evaluate", real)
    assert len(site.importer.import_file(path, username="wang", password=PASSWORD).outcomes) == 8


@pytest.mark.req("R-CSV-17")
def test_the_same_file_is_never_imported_twice(site: Site) -> None:
    path = site.write("run-1.csv", panel_csv())
    site.importer.import_file(path, username="wang", password=PASSWORD)
    again = refused(site.importer.preview, path)
    assert isinstance(again, QcFileAlreadyImportedError) and "wang" in again.message("en")
    copy = site.tmp / "run-1 (copy).csv"  # the same bytes under another name
    copy.write_bytes(path.read_bytes())
    refused(site.importer.import_file, copy, username="chen", password=PASSWORD)
    # a re-export of the same run (other bytes, same results) is refused row by row
    reexport = site.write("run-1-lf.csv", path.read_text().replace("\r\n", "\n"))
    error = refused(site.importer.import_file, reexport, username="wang", password=PASSWORD)
    assert {p.code for p in error.problems} == {"already_recorded"}
    assert len(site.results()) == len(PANEL) and len(site.imports()) == 1


def test_the_file_imported_is_the_file_previewed(site: Site) -> None:
    path = site.write("run.csv", panel_csv())
    preview = site.importer.preview(path)
    path.write_text(panel_csv().replace("93.5", "39.5"))  # edited after the user looked
    error = refused(
        site.importer.import_file,
        path,
        username="wang",
        password=PASSWORD,
        expected_sha256=preview.sha256,
    )
    assert where(error) == [(0, "", "file_changed")] and site.results() == []


def test_wrong_password_imports_nothing_and_the_failure_is_audited(site: Site) -> None:
    path = site.write("run.csv", panel_csv())
    with pytest.raises(AuthenticationError):
        site.importer.import_file(path, username="wang", password="not-my-password")
    assert site.results() == [] and site.imports() == []
    with site.core.uow().reading() as uow:
        failed = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.LOGIN_FAILED.value)
        ).all()
        assert [e.actor for e in failed] == ["wang"]


@pytest.mark.parametrize("user", ["liu", "sun", "admin"])
@pytest.mark.req("R-REL-15")
def test_a_user_without_a_qc_role_imports_nothing(site: Site, user: str) -> None:
    path = site.write("run.csv", panel_csv())
    with pytest.raises(PermissionDeniedError):
        site.importer.import_file(path, username=user, password=PASSWORD)
    assert site.results() == [] and site.imports() == []


@pytest.mark.req("R-REL-06")
def test_out_of_specification_rows_open_deviations_in_the_same_import(site: Site) -> None:
    path = site.write("oos.csv", panel_csv().replace(",93.5,", ",61,"))
    preview = site.importer.preview(path)  # the reviewer sees it before signing
    assert [r.data.test for r in preview.rows if r.verdict is QcVerdict.FAIL] == ["viability"]
    report = site.importer.import_file(path, username="wang", password=PASSWORD)
    failed = [o for o in report.outcomes if o.verdict is QcVerdict.FAIL]
    assert len(failed) == 1 and failed[0].deviation_id is not None
    assert report.to_dict()["failed"] == 1


# --- the command line -----------------------------------------------------------------------


def test_cli_imports_refuses_and_reports_json(
    site: Site, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    good, bad = site.write("good.csv", panel_csv()), site.write("bad.csv", "batch,test\n")
    monkeypatch.setenv("CELLTRAIL_LANG", "en")

    def run(path: Path, password: str = PASSWORD) -> tuple[int, dict[str, object]]:
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        args = ["qc", "import", str(path), "--user", "wang", "--password-stdin"]
        code = cli.run([*args, "--db", db_url, "--json"])
        return code, json.loads(capsys.readouterr().out)

    code, data = run(bad)
    assert code == 1 and data["error"] == "qc_file_refused"
    assert [p["problem"] for p in data["problems"]] == ["missing_column", "missing_column"]
    code, data = run(good, "wrong")
    assert code == 2 and data["error"] == "authentication_failed"
    code, data = run(good)
    assert code == 0 and data["imported"] == len(PANEL) and data["file"] == "good.csv"
    code, data = run(good)
    assert code == 1 and data["error"] == "qc_file_already_imported"
    monkeypatch.setenv("CELLTRAIL_LANG", "zh_CN")
    code, data = run(good)
    assert "未重复导入" in str(data["message"])


def test_two_workstations_importing_one_file_at_once_record_it_once(site: Site) -> None:
    """Both previews pass (neither has committed yet); the check under the audit-chain lock
    lets exactly one import through."""
    import threading

    path = site.write("shared-drive.csv", panel_csv())
    barrier, outcomes = threading.Barrier(2), []

    def station(user: str) -> None:
        importer = QcFileImporter.for_core(site.core)
        importer.preview(path)
        barrier.wait()
        try:
            importer.import_file(path, username=user, password=PASSWORD)
            outcomes.append("imported")
        except QcFileAlreadyImportedError:
            outcomes.append("refused")

    threads = [threading.Thread(target=station, args=(u,)) for u in ("wang", "chen")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["imported", "refused"]
    assert len(site.results()) == len(PANEL) and len(site.imports()) == 1


@pytest.fixture
def released_car_t(core: Core) -> tuple[Env, int]:
    """A CAR-T batch released on the rapid sterility method; compendial sterility pending."""
    labels = FakeLabels()  # labels are not under test: the release gate is satisfied
    env = Env(core, build_quality_services(core.uow, core.signatures, labels=labels), labels)
    product = setup_product(env, ProductCategory.CAR_T, "S9002")
    batch_id = make_batch(core, product, "B-CART-250408-012", units=2)
    record_panel(env, batch_id, ProductCategory.CAR_T)
    qa_release(env, batch_id)
    return env, batch_id


@pytest.mark.parametrize(("user", "recalled"), [("li", True), ("wang", False)])
@pytest.mark.req("R-REL-08")
def test_a_late_failing_result_in_a_file_recalls_after_the_commit(
    released_car_t: tuple[Env, int], tmp_path: Path, user: str, recalled: bool
) -> None:
    """A post-release OOS in an imported file: the recall (its own signed transaction) starts
    once the import is committed — by a QA user; an analyst leaves it pending for QA."""
    env, batch_id = released_car_t
    path = tmp_path / "compendial.csv"
    path.write_text(
        "batch,test,result,method,resulted_at\n"
        f"B-CART-250408-012,sterility,positive (day 9),compendial 14 d,{stamp(5)}\n"
    )
    importer = QcFileImporter(env.core.uow, env.core.signatures, env.q.qc)
    [outcome] = importer.import_file(path, username=user, password=PASSWORD).outcomes
    assert outcome.post_release and outcome.verdict is QcVerdict.FAIL
    assert outcome.deviation_id is not None
    assert bool(outcome.recall_code and outcome.recall_code.startswith("RC-")) is recalled
    assert outcome.recall_pending is not recalled
    with env.core.uow().reading() as uow:
        flags = uow.session.scalars(
            select(ProductUnit.recalled).where(ProductUnit.batch_id == batch_id)
        ).all()
        assert set(flags) == {recalled}
        assert verify_chain(uow.session).intact
