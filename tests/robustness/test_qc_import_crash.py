"""Trying to break the QC file import: random bytes and mutated real exports fed to the
parser (and through the importer into a real database) give rows or a QcFileError and
nothing else; a process SIGKILLed at a random moment of a 2000-row import leaves all rows
or none, and an intact audit chain."""

from __future__ import annotations

import json
import math
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.core import Core
from models.entities.accounts import Signature
from models.entities.audit import AuditEntry
from models.entities.production import ProductCategory
from models.entities.quality import QcResult
from models.kernel.db import make_engine, read_only
from models.quality.catalogue import msc_tests
from models.quality.qc_file import text as qc_file_text
from models.quality.qc_file.catalog import IMPORT_SUBJECT
from models.quality.qc_file.errors import QcFileError
from models.quality.qc_file.importer import QcFileImporter
from models.quality.qc_file.parse import BatchRef, QcFile, SpecTestRef, parse_qc_file
from tests.conftest import PASSWORD, make_core
from tests.quality.conftest import Env, FakeLabels, make_batch, setup_product
from tests.robustness.conftest import chain_report

RNG = random.Random()  # a fresh kill point every run; the assert messages name it
ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("workers") / "qc_import_worker.py"
BATCH = "B-QC-FUZZ-001"
NOW = datetime(2025, 6, 1, tzinfo=UTC)
FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- a real export and its mutations ---------------------------------------------------------


def export(batch: str, start: datetime, rows: int = 6, chinese: bool = False) -> str:
    header = (
        "批号,检测项目,结果,单位,检测时间,方法"
        if chinese
        else "batch,test,result,unit,resulted_at,method"
    )
    values = [("viability", "93.5", "%"), ("sterility", "negative", ""), ("cd73", "99.1", "%")]
    lines = [header]
    for n in range(rows):
        test, value, unit = values[n % len(values)]
        at = (start + timedelta(seconds=n)).astimezone(ZoneInfo("Asia/Shanghai"))
        lines.append(f"{batch},{test},{value},{unit},{at:%Y-%m-%d %H:%M:%S},流式细胞术")
    return "\n".join(lines) + "\n"


GOOD = [
    export(BATCH, NOW - timedelta(days=2)).encode("utf-8-sig"),
    export(BATCH, NOW - timedelta(days=2), chinese=True).encode("gb18030"),
    export(BATCH, NOW - timedelta(days=2)).replace(",", "\t").encode("utf-8"),
    export(BATCH, NOW - timedelta(days=2)).replace(",", ";").encode("utf-16"),
]
NOISE = st.sampled_from(
    [b",", b";", b"\t", b'"', b"\n", b"\r", b"\x00", b"\xff", b"\xef\xbb\xbf", b"0", b"9",
     b".", b"-", b":", b"+", b"Z", b"T", b"e", b" ", "批".encode(), "批".encode("gb18030"),
     b"\x81", b"\xc3", b"\x1a", b"nan", b"1e999", b"batch", b"result"]
)  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A good export with a few bytes replaced, inserted, deleted, lines repeated or cut."""
    data = bytearray(draw(st.sampled_from(GOOD)))
    # mostly after the header, so the rows' checks (not only the header's) get exercised
    first = data.find(b"\n") + 1 if draw(st.integers(0, 4)) else 0
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["replace", "insert", "delete", "truncate", "line"]))
        at = draw(st.integers(min(first, len(data)), max(len(data) - 1, first, 0)))
        if op == "replace" and data:
            data[at : at + 1] = draw(NOISE)
        elif op == "insert":
            data[at:at] = draw(NOISE)
        elif op == "delete" and data:
            del data[at : at + draw(st.integers(1, 8))]
        elif op == "truncate":
            data = data[:at]
        elif op == "line":
            lines = bytes(data).split(b"\n")
            line = draw(st.sampled_from(lines))
            lines.insert(draw(st.integers(0, len(lines))), line)
            data = bytearray(b"\n".join(lines))
    return bytes(data)


CSV_TEXT = st.text(
    alphabet=st.sampled_from(
        list(',;\t"\n\r 0123456789.-:+ZTabcdeflnrstuv%批号结果检测时间项目\x07')
    ),
    max_size=300,
)
ANY_FILE = st.one_of(
    st.binary(max_size=600),
    mutated(),
    CSV_TEXT.map(lambda t: t.encode("utf-8")),
    CSV_TEXT.map(lambda t: ("batch,test,result,resulted_at\n" + t).encode("gb18030")),
)


# --- the parser alone (an in-memory site: fast, many examples) -----------------------------

SPEC = {
    t.test: SpecTestRef(
        test=t.test,
        limit_kind=t.limit_kind,
        lower=t.lower,
        upper=t.upper,
        upper_exclusive=t.upper_exclusive,
        expected_text=t.expected_text,
        unit=t.unit,
        method_kind=t.method_kind,
    )
    for t in msc_tests()
}
BATCHES = {BATCH: BatchRef(1, BATCH, "SPEC-MSC v1", SPEC)}


def check_outcome(data: bytes, parse: object) -> QcFile | None:
    """The only two outcomes allowed: well-formed rows, or a QcFileError naming problems."""
    try:
        parsed = parse(data)  # type: ignore[operator]
    except QcFileError as exc:
        assert exc.problems, "a refusal must say what is wrong"
        for problem in exc.problems:
            assert problem.line >= 0 and problem.message("en") and problem.message("zh")
        assert exc.message("en") and exc.message("zh")
        return None
    assert isinstance(parsed, QcFile) and parsed.rows
    for row in parsed.rows:
        data_row = row.data
        assert data_row.resulted_at.tzinfo is not None and data_row.resulted_at <= NOW + timedelta(
            minutes=5
        )
        assert data_row.test in SPEC and row.batch_number == BATCH
        assert data_row.value_num is None or math.isfinite(data_row.value_num)
        assert "\x00" not in data_row.value_text
    return parsed


@FUZZ
@given(data=ANY_FILE)
def test_the_parser_gives_rows_or_a_qc_file_error_and_nothing_else(data: bytes) -> None:
    def parse(raw: bytes) -> QcFile:
        return parse_qc_file(
            raw,
            name="fuzz.csv",
            zone=ZoneInfo("Asia/Shanghai"),
            lookup=lambda numbers: {n: BATCHES[n] for n in numbers if n in BATCHES},
            now=NOW,
        )

    check_outcome(data, parse)


def test_every_good_export_parses() -> None:
    for data in GOOD:
        parsed = parse_qc_file(
            data,
            name="good.csv",
            zone=ZoneInfo("Asia/Shanghai"),
            lookup=lambda numbers: {n: BATCHES[n] for n in numbers if n in BATCHES},
            now=NOW,
        )
        assert len(parsed.rows) == 6


# --- through the importer into a real database ---------------------------------------------


@pytest.fixture
def fuzz_site(any_core: Core, tmp_path: Path) -> Iterator[tuple[Core, int, Path]]:
    env = Env(any_core, any_core.quality, FakeLabels())
    product = setup_product(env, ProductCategory.MSC)
    yield any_core, make_batch(any_core, product, BATCH), tmp_path
    with any_core.uow().reading() as uow:
        from models.kernel.audit import verify_chain

        assert verify_chain(uow.session).intact


def count(session: Session, model: type, *where: object) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


@settings(FUZZ, max_examples=25)
@given(data=st.one_of(mutated(), st.binary(max_size=300)))
def test_imports_of_mangled_files_are_whole_or_refused(
    fuzz_site: tuple[Core, int, Path], data: bytes
) -> None:
    core, _batch_id, tmp = fuzz_site
    path = tmp / "mangled.csv"
    path.write_bytes(data)
    importer = QcFileImporter.for_core(core)
    with core.uow().reading() as uow:
        before = count(uow.session, QcResult)
    try:
        report = importer.import_file(path, username="wang", password=PASSWORD)
    except QcFileError as exc:
        assert exc.problems
        imported = 0
    else:
        imported = len(report.outcomes)
        assert imported > 0
    with core.uow().reading() as uow:
        assert count(uow.session, QcResult) == before + imported


# --- SIGKILL in the middle of a large import -----------------------------------------------


class Importer:
    """The worker process importing ``file``; stdout read line by line."""

    def __init__(self, url: str, file: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), url, str(file), "wang"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )

    def line(self) -> str:
        assert self.proc.stdout is not None
        text = self.proc.stdout.readline()
        assert text, f"worker died: {self.proc.stderr.read() if self.proc.stderr else ''}"
        return text.strip()

    def until(self, wanted: str) -> None:
        while self.line() != wanted:
            pass

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()

    def result(self) -> dict[str, object]:
        out, err = self.proc.communicate(timeout=300)
        assert self.proc.returncode == 0, err
        return dict(json.loads(out.strip().splitlines()[-1]))


def state(url: str, batch_id: int) -> tuple[int, int, int, int]:
    """(results, their signatures, their create entries, import entries) after a restart."""
    engine = make_engine(url)
    try:
        with Session(read_only(engine)) as session:
            results = count(session, QcResult, QcResult.batch_id == batch_id)
            signatures = count(session, Signature, Signature.subject_type == "qc_result")
            created = count(
                session,
                AuditEntry,
                AuditEntry.subject_type == "qc_result",
                AuditEntry.action == "create",
            )
            imports = count(session, AuditEntry, AuditEntry.subject_type == IMPORT_SUBJECT)
            return results, signatures, created, imports
    finally:
        engine.dispose()


@pytest.mark.slow
def test_sigkill_at_a_random_moment_of_a_large_import_leaves_all_or_nothing(
    db_url: str, tmp_path: Path
) -> None:
    rows = qc_file_text.MAX_ROWS
    core = make_core(db_url)
    product = setup_product(Env(core, core.quality, FakeLabels()), ProductCategory.MSC)
    batch_id = make_batch(core, product, BATCH)
    core.close()
    file = tmp_path / "lims-run.csv"
    file.write_text(export(BATCH, datetime.now(UTC) - timedelta(days=1), rows=rows))
    nothing, everything = (0, 0, 0, 0), (rows, rows, rows, 1)

    # 1. killed inside the transaction, at a random row: nothing may remain
    stop = RNG.randint(1, rows - 1)
    worker = Importer(db_url, file)
    worker.until(f"parsed {rows}")
    started = time.monotonic()
    worker.until(f"row {stop}")
    per_row = (time.monotonic() - started) / stop
    worker.kill()
    assert state(db_url, batch_id) == nothing, f"killed at row {stop} of {rows}"
    assert chain_report(db_url).intact

    # 2. killed at a random moment: before, during or after the commit — all or nothing
    delay = RNG.uniform(0.0, 1.2 * per_row * rows)
    worker = Importer(db_url, file)
    worker.until(f"parsed {rows}")
    time.sleep(delay)
    worker.kill()
    after = state(db_url, batch_id)
    assert after in (nothing, everything), f"killed {delay:.2f} s into the import: {after}"
    assert chain_report(db_url).intact

    # 3. a restarted workstation finishes the job (once), and never twice
    if after == nothing:
        assert Importer(db_url, file).result()["imported"] == rows
    assert state(db_url, batch_id) == everything
    assert Importer(db_url, file).result() == {"error": "qc_file_already_imported"}
    assert chain_report(db_url).intact
