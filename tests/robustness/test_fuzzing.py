"""Bad input on every parser — scans, backup archives, CLI arguments, label layouts, QC
imports — gets a clear typed error; nothing else escapes and nothing is half-written."""

from __future__ import annotations

import getpass
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from models.archive.backup import BackupError, create_backup, restore_backup
from models.cli import app as cli
from models.core import Core
from models.entities.production import ProductCategory
from models.isbt128 import (
    Isbt128Error,
    describe_din_check,
    make_din,
    parse_concatenated,
    parse_din,
    parse_scan,
)
from models.kernel.db import make_engine
from models.kernel.errors import DomainError, ValidationError
from models.labeling.defaults import default_templates
from models.labeling.layout import MANDATORY, LayoutError, validate_layout
from models.quality.qc import QcInput
from tests.conftest import PASSWORD, make_core
from tests.core.factories import make_batch
from tests.quality.conftest import Env, FakeLabels, setup_product
from tests.quality.conftest import make_batch as make_qc_batch

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- ISBT 128 --------------------------------------------------------------------------

VALID_SCANS = [
    "=A99981812345600",
    "=A99991712345600",
    "=<S12954A0",
    "&/CHA999923AB12Z9",
    "=A99981812345600&/CHA999923000001&>0183652359",
    "]C4=A99981812345600=<S12954A0\r\n",
    "=A99981812345600=%6200",
    "]d1=A99981812345600=<S12954A0",
    make_din("A9990", 25, 42).number + "X",
    # issue 15: structures read without being acted on, a peer compound, a facility structure
    "=+05000=Z54991712345600=%T300=<T0416003&>0183652359&,4PL001499Z549917123456A00T041600320181231",
    "]C4=A99991712345600&xLOCAL=%5100",
    "&:3553000000000000128=(1001202405011230&#0105ABC12&$0101000100001000",
]
SCANNER_ALPHABET = st.sampled_from(
    list("=<>&%/!*@$#0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz ]\r\n\t\x00\x1d\x1e\x04é中")
)


@st.composite
def mutated_scans(draw: st.DrawFn) -> str:
    """A valid scan with a few characters replaced, inserted, deleted, or cut short."""
    chars = list(draw(st.sampled_from(VALID_SCANS)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["replace", "insert", "delete", "truncate", "double"]))
        at = draw(st.integers(0, max(len(chars) - 1, 0)))
        if op == "replace" and chars:
            chars[at] = draw(SCANNER_ALPHABET)
        elif op == "insert":
            chars.insert(at, draw(SCANNER_ALPHABET))
        elif op == "delete" and chars:
            del chars[at]
        elif op == "truncate":
            chars = chars[:at]
        else:
            chars = chars + chars
    return "".join(chars)


SCAN_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(SCANNER_ALPHABET, max_size=60),
    mutated_scans(),
)


def _only_isbt_errors(call, value: str) -> None:  # noqa: ANN001
    try:
        call(value)
    except Isbt128Error as exc:
        assert isinstance(exc, DomainError)
        assert exc.message("en") and exc.message("zh")  # a clear reason in both languages


@FUZZ
@given(SCAN_TEXT)
def test_parse_scan_accepts_or_refuses_with_an_isbt128_error(value: str) -> None:
    _only_isbt_errors(parse_scan, value)
    _only_isbt_errors(lambda v: parse_scan(v, allow_keyboard=False), value)
    _only_isbt_errors(parse_din, value)


@FUZZ
@given(SCAN_TEXT)
def test_parse_concatenated_accepts_or_refuses_with_an_isbt128_error(value: str) -> None:
    _only_isbt_errors(parse_concatenated, value)


@FUZZ
@given(SCAN_TEXT)
def test_describe_din_check_never_raises(value: str) -> None:
    verdict = describe_din_check(value)
    assert isinstance(verdict["valid"], bool)
    if not verdict["valid"]:
        assert verdict.get("reason_en") and verdict.get("reason_zh")
    json.dumps(verdict, ensure_ascii=False, default=str)


# --- Backup archives --------------------------------------------------------------------


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("backup-source")
    core = make_core(f"sqlite:///{folder / 'source.db'}")
    core.steps.record_step(batch_id=make_batch(core), name="P0", data={"pieces": 40},
                           username="wang", password=PASSWORD)
    path = folder / "site.zip"
    create_backup(core.engine, path)
    core.close()
    return path


class Target:
    """One empty, migrated database reused across examples: a refused restore must leave it
    exactly as it was, so it stays reusable; a restore that succeeds gets a fresh one."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.n = folder, 0
        self.engine = self._fresh()

    def _fresh(self) -> Engine:
        self.n += 1
        from models.kernel import schema
        engine = make_engine(f"sqlite:///{self.folder / f'target-{self.n}.db'}")
        schema.upgrade(engine)
        return engine

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            tables = [r[0] for r in conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type='table'"))]
            return {t: int(conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() or 0)
                    for t in tables}

    def replace(self) -> None:
        self.engine.dispose()
        self.engine = self._fresh()


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    t = Target(tmp_path_factory.mktemp("backup-target"))
    yield t
    t.engine.dispose()


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _restore_refused_or_complete(target: Target, data: bytes, folder: Path) -> None:
    before = target.counts()
    candidate = folder / "candidate.zip"
    candidate.write_bytes(data)
    try:
        restore_backup(candidate, target.engine)
    except BackupError as exc:
        assert exc.message("en").startswith("Backup/restore refused")
        assert target.counts() == before, "a refused restore changed the target"
    else:
        target.replace()


JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                 max_size=4),
    max_leaves=12,
)


@settings(FUZZ, max_examples=40)
@given(data=st.data())
def test_restore_of_a_damaged_archive_is_refused_and_leaves_the_target_untouched(
    archive: Path, target: Target, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    raw = archive.read_bytes()
    kind = data.draw(st.sampled_from(["bytes", "truncate", "manifest", "member", "random"]))
    if kind == "bytes":  # flipped bytes anywhere in the zip
        buf = bytearray(raw)
        for _ in range(data.draw(st.integers(1, 8))):
            buf[data.draw(st.integers(0, len(buf) - 1))] = data.draw(st.integers(0, 255))
        blob = bytes(buf)
    elif kind == "truncate":
        blob = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif kind == "random":
        blob = data.draw(st.binary(max_size=400))
    else:
        members = _members(archive)
        manifest = json.loads(members["manifest.json"])
        if kind == "manifest":  # a well-formed zip whose manifest says odd things
            key = data.draw(st.sampled_from(sorted(manifest) + ["extra"]))
            manifest[key] = data.draw(JSON_VALUES)
        else:  # a member rewritten with a *matching* checksum: only the content is wrong
            name = data.draw(st.sampled_from(sorted(manifest["member_sha256"])))
            lines = members[name].decode().splitlines() or ["{}"]
            row = json.loads(data.draw(st.sampled_from(lines)))
            if row and data.draw(st.booleans()):
                row[data.draw(st.sampled_from(sorted(row)))] = data.draw(JSON_VALUES)
            else:
                row[data.draw(st.text(max_size=8))] = data.draw(JSON_VALUES)
            extra = data.draw(st.sampled_from(["", "not json", "[]", "null", "\x00"]))
            content = "\n".join([*lines, json.dumps(row), extra]).encode()
            members[name] = content
            manifest["member_sha256"][name] = hashlib.sha256(content).hexdigest()
        members["manifest.json"] = json.dumps(manifest).encode()
        blob = _zip(members)
    _restore_refused_or_complete(target, blob, tmp_path_factory.mktemp("fuzz"))


def test_restore_of_a_missing_file_or_a_directory_is_refused(
    target: Target, tmp_path: Path
) -> None:
    before = target.counts()
    for source in (tmp_path / "nope.zip", tmp_path):
        with pytest.raises(DomainError):  # BackupError, or "not a regular file" (a folder)
            restore_backup(source, target.engine)
    assert target.counts() == before


# --- Command line -----------------------------------------------------------------------

WORDS = [
    "init", "audit", "verify", "user", "add", "din", "check", "backup", "restore", "label",
    "render", "print", "trace", "--json", "--name", "--role", "--by", "--password-stdin",
    "--template", "--format", "--dpi", "-o", "--output", "--batch", "--din", "--job",
    "--printer", "--station", "--user", "admin", "qa", "operator", "LT-BAG", "pdf", "zpl",
    "300", "-1", "0", "99999999999999999999", "=A99981812345600", "A9990250000011",
    "B-TEST-0001", "DN-B-TEST-0001", "file:///nonexistent-dir", "nope://x", "out.pdf",
    "site.zip", "-h", "--help", "", " ", "é中", "\x00",
]
TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=12).filter(
        lambda t: "/" not in t and "\\" not in t
    ),
)


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A migrated database with the staff; the CLI runs in a scratch folder with no tty."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    make_core(url).close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CELLTRAIL_DB", url)
    monkeypatch.setattr(getpass, "getpass", lambda *_: PASSWORD)
    return url


@settings(FUZZ, max_examples=60)
@given(
    head=st.lists(st.sampled_from(WORDS[:13]), min_size=0, max_size=2),
    tail=st.lists(TOKENS, max_size=6),
)
def test_cli_answers_fuzzed_arguments_with_an_exit_code_never_a_traceback(
    cli_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    head: list[str], tail: list[str]
) -> None:
    argv = [*head, *[t for t in tail if t != "--" and not t.startswith("--db")], "--db", cli_db]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    try:
        code = cli.run(argv)
    except SystemExit as exc:  # argparse's usage error (2) or --help (0)
        code = exc.code
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in out + err, argv
    if code == 2 and not err.startswith("usage") and "--json" not in argv:
        assert "error" in err, (argv, err)


# --- Label layouts ----------------------------------------------------------------------

ELEMENT_KEYS = ["kind", "field", "symbol", "x_mm", "y_mm", "w_mm", "h_mm", "size_pt",
                "caption", "caption_en", "caption_zh", "font", "text", "data"]


@st.composite
def mutated_layouts(draw: st.DrawFn) -> tuple[str, bool, str]:
    template = draw(st.sampled_from(default_templates()))
    layout = json.loads(template.layout)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(["top", "element", "drop", "elements"]))
        if where == "top":
            layout[draw(st.sampled_from([*layout, "info_sheet"]))] = draw(JSON_VALUES)
        elif where == "element" and isinstance(layout.get("elements"), list) and layout["elements"]:
            element = draw(st.sampled_from(layout["elements"]))
            if isinstance(element, dict):
                element[draw(st.sampled_from(ELEMENT_KEYS))] = draw(JSON_VALUES)
        elif where == "drop" and isinstance(layout.get("elements"), list) and layout["elements"]:
            layout["elements"].pop(draw(st.integers(0, len(layout["elements"]) - 1)))
        else:
            layout["elements"] = draw(JSON_VALUES)
    return template.container_type, template.partial, json.dumps(layout)


LAYOUT_INPUT = st.one_of(
    mutated_layouts(),
    st.tuples(st.sampled_from(sorted(MANDATORY)), st.booleans(),
              JSON_VALUES.map(json.dumps)),
    st.tuples(st.text(max_size=10), st.booleans(), st.text(max_size=40)),
)


@FUZZ
@given(LAYOUT_INPUT)
def test_layout_validator_refuses_bad_json_with_a_layout_error(
    case: tuple[str, bool, str],
) -> None:
    container, partial, layout = case
    try:
        validate_layout(container, partial, layout, template="FUZZ")
    except LayoutError as exc:
        assert "FUZZ" in exc.message("en")


# --- QC import --------------------------------------------------------------------------


@pytest.fixture
def qc_env(core: Core) -> tuple[Env, int]:
    env = Env(core, core.quality, FakeLabels())
    product = setup_product(env, ProductCategory.MSC)
    return env, make_qc_batch(core, product, "B-QC-FUZZ")


NUMBERS = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True),
                    st.integers(-10**30, 10**30))


@settings(FUZZ, max_examples=30)
@given(
    rows=st.lists(
        st.builds(
            QcInput,
            batch_id=st.sampled_from([0, -1, 10**12]) | st.just(-99),  # -99: the real batch
            test=st.sampled_from(["cell_count", "viability", "sterility", "endotoxin", "cd73"])
            | st.text(max_size=12),
            value_text=st.text(max_size=20),
            resulted_at=st.datetimes(timezones=st.just(UTC)),
            value_num=NUMBERS,
            unit=st.none() | st.sampled_from(["%", "cells", "EU/mL"]) | st.text(max_size=6),
            method=st.none() | st.text(max_size=10),
            instrument=st.none() | st.text(max_size=10),
            rapid_method=st.booleans(),
            mutation_detected=st.none() | st.booleans(),
        ),
        min_size=1,
        max_size=3,
    )
)
@pytest.mark.req("R-CSV-17")
def test_qc_import_of_malformed_rows_is_refused_row_by_row(
    qc_env: tuple[Env, int], rows: list[QcInput]
) -> None:
    env, batch_id = qc_env
    from dataclasses import replace

    from models.kernel.audit import verify_chain

    rows = [replace(r, batch_id=batch_id) if r.batch_id == -99 else r for r in rows]
    try:
        env.q.qc.import_results(rows, username="wang", password=PASSWORD)
    except DomainError as exc:
        assert exc.message("en")
    with env.core.uow() as uow:
        assert verify_chain(uow.session).intact


@pytest.mark.req("R-CSV-22")
def test_qc_results_at_naive_times_are_refused(qc_env: tuple[Env, int]) -> None:
    env, batch_id = qc_env
    row = QcInput(batch_id=batch_id, test="viability", value_text="93", value_num=93.0,
                  unit="%", resulted_at=datetime(2025, 1, 1))  # noqa: DTZ001 - the bad input
    with pytest.raises(ValidationError, match="time zone"):
        env.q.qc.import_results([row], username="wang", password=PASSWORD)
