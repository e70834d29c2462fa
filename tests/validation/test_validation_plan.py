"""The qualification protocol held to the registry and the catalogues, and its parts tried one
by one without a full run: the manifest (both build kinds), the scratch-database rule, the
station's printers, the step runner and the report in Chinese."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from setuptools.dist import Distribution

from models.entities.database import Purpose
from models.i18n import Message, en, zh
from models.kernel import schema
from models.kernel.db import make_engine
from models.validation.build_hook import BuildPyWithManifest
from models.validation.environment import Environment
from models.validation.iq_printers import StationSettings, printers_answer, read_station
from models.validation.manifest import MANIFEST_PATH, check_installation, make_manifest
from models.validation.plan import IQ_STEPS, OQ_STEPS
from models.validation.registry import Status, load_registry
from models.validation.report_pdf import write_report
from models.validation.run import ValidationRun
from models.validation.scratch import ScratchDatabaseRefusedError, require_scratch
from models.validation.steps import Step, StepResult, Verdict, failed, passed, run_steps
from tests.conftest import STAFF, make_core

STEPS = (*IQ_STEPS, *OQ_STEPS)


@pytest.mark.req("R-CSV-30", "R-CSV-31")
def test_every_step_proves_implemented_requirements_and_reads_in_both_languages() -> None:
    registry = load_registry()
    codes = {code for step in STEPS for code in step.codes}
    assert len(codes) >= 40
    for code in codes:
        assert registry.get(code).status is Status.IMPLEMENTED, code
    ids = [step.id for step in STEPS]
    assert len(ids) == len(set(ids))
    for step in ids:
        for part in ("title", "expected"):
            key = f"validate.step.{step}.{part}"
            assert key in en.MESSAGES and key in zh.MESSAGES, key


def _tree(root: Path) -> list[str]:
    files = {
        "main.py": "print('main')\n",
        "models/__init__.py": "",
        "models/core.py": "CORE = 1\n",
        "resources/style.qss": "QWidget {}\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return list(files)


@pytest.mark.req("R-CSV-30")
def test_the_manifest_names_every_changed_missing_or_added_file(tmp_path: Path) -> None:
    files = _tree(tmp_path)
    manifest = make_manifest(tmp_path, files, "wheel", "9.9")
    (tmp_path / MANIFEST_PATH).parent.mkdir(parents=True)
    (tmp_path / MANIFEST_PATH).write_text(json.dumps(manifest), encoding="utf-8")
    assert check_installation(tmp_path).intact
    (tmp_path / "models/core.py").write_text("CORE = 2\n", encoding="utf-8")
    (tmp_path / "resources/style.qss").unlink()
    (tmp_path / "printing").mkdir()
    (tmp_path / "printing/sneaky.py").write_text("", encoding="utf-8")
    check = check_installation(tmp_path)
    assert check.changed == ("models/core.py",)
    assert check.missing == ("resources/style.qss",)
    assert check.added == ("printing/sneaky.py",)
    assert not check.intact


def test_an_editable_build_writes_the_manifest_of_the_source_files(tmp_path: Path) -> None:
    """`pip install -e .` copies nothing: the hook hashes the sources it would have built."""
    project = tmp_path / "project"
    _tree(project)
    dist = Distribution(
        {
            "name": "celltrail",
            "version": "1.2.3",
            "packages": ["models"],
            "py_modules": ["main"],
            "package_dir": {"": str(project)},
        }
    )
    dist.src_root = str(project)
    dist.script_name = str(project / "setup.py")
    command = BuildPyWithManifest(dist)
    command.editable_mode = True
    command.build_lib = str(tmp_path / "build")
    command.ensure_finalized()
    command.run()
    written = json.loads((project / MANIFEST_PATH).read_text(encoding="utf-8"))
    assert written["kind"] == "editable" and written["version"] == "1.2.3"
    assert set(written["files"]) == {"main.py", "models/__init__.py", "models/core.py"}
    assert check_installation(project).intact


def test_a_scratch_database_must_be_empty_or_an_untouched_validation_one(
    tmp_path: Path,
) -> None:
    fresh = f"sqlite:///{tmp_path / 'new.db'}"
    require_scratch(fresh)  # nothing there yet
    declared = make_engine(f"sqlite:///{tmp_path / 'declared.db'}")
    schema.upgrade(declared, Purpose.VALIDATION.value)
    declared.dispose()
    require_scratch(f"sqlite:///{tmp_path / 'declared.db'}")
    used = f"sqlite:///{tmp_path / 'used.db'}"
    make_core(used, purpose=Purpose.VALIDATION).close()
    holds = f"already holds {len(STAFF)} accounts"  # the tests' staff, at their sites
    with pytest.raises(ScratchDatabaseRefusedError, match=holds):
        require_scratch(used)
    training = f"sqlite:///{tmp_path / 'training.db'}"
    make_core(training).close()
    with pytest.raises(ScratchDatabaseRefusedError, match="training database"):
        require_scratch(training)


def test_the_stations_printers_answer_or_say_why(tmp_path: Path) -> None:
    assert printers_answer(StationSettings(None, ())).verdict is Verdict.NOT_APPLICABLE
    here = tmp_path / "labels"
    here.mkdir()
    station = tmp_path / "station.json"
    gone = (tmp_path / "gone").as_uri()
    station.write_text(
        json.dumps(
            {
                "name": "LS-1",
                "printers": [f"{here.as_uri()}?format=pdf"],
                "printer_profiles": [{"address": f"{gone}", "language": "pdf"}],
            }
        ),
        encoding="utf-8",
    )
    settings = read_station(station)
    assert settings.name == "LS-1" and len(settings.printers) == 2
    answer = printers_answer(settings)
    assert answer.verdict is Verdict.FAIL and "gone" in answer.observed.message("en")
    assert printers_answer(StationSettings("LS-1", settings.printers[:1])).verdict is Verdict.PASS
    station.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="station.json"):
        read_station(station)


def test_a_step_that_raises_fails_and_blocks_the_rest_of_its_scenario() -> None:
    def boom(_: object) -> object:
        raise RuntimeError("printer on fire")

    steps = (
        Step("OQ-90", ("R-CSV-30",), lambda _: passed("validate.observed.purpose", purpose="x")),
        Step("OQ-91", ("R-CSV-30",), boom),  # type: ignore[arg-type]
        Step("OQ-92", ("R-CSV-30",), lambda _: passed("validate.observed.purpose", purpose="y")),
    )
    results = run_steps(steps, None, chained=True)
    assert [r.verdict for r in results] == [Verdict.PASS, Verdict.FAIL, Verdict.FAIL]
    assert "printer on fire" in results[1].observed.message("en")
    assert "OQ-91" in results[2].observed.message("en")
    unchained = run_steps(steps, None, chained=False)
    assert unchained[2].verdict is Verdict.PASS


def _run() -> ValidationRun:
    environment = Environment(
        started_at=datetime(2026, 12, 4, 8, 0, tzinfo=UTC),
        operating_system="Linux",
        python="CPython 3.11",
        celltrail="0.1.0",
        backend="SQLite 3.40",
        database="sqlite:///scratch.db",
        host="qa-pc",
        station="QA-01",
        account="qa",
    )
    results = (
        StepResult(
            "IQ-04",
            "IQ",
            ("R-CSV-23",),
            Verdict.PASS,
            Message.of("validate.observed.revision", found="0009", head="0009"),
        ),
        StepResult(
            "OQ-10",
            "OQ",
            ("R-REL-06",),
            Verdict.FAIL,
            failed("validate.observed.not_refused", outcome="—").observed,
        ),
    )
    return ValidationRun(environment, results)


def test_the_report_reads_in_chinese_with_real_text(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (.ci/test does)")
    report = tmp_path / "zh.pdf"
    write_report(_run(), report, "zh", None)
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(report), "-"], capture_output=True, check=True
    )
    text = " ".join(done.stdout.decode("utf-8").split())
    for wanted in ("安装确认与运行确认", "结论：失败（OQ-10）", "放行被拒绝", "IQ-04", "R-CSV-23"):
        assert wanted in text, wanted
