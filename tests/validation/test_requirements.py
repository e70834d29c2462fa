"""The requirement registry held to the code and the tests (issue 16): this module is the CI
gate. It fails when an implemented requirement has no marked test, a marker names an unknown
code, a not-applicable or not-yet entry lacks its reason, an ``enforced_in`` path or symbol
does not exist, or docs/requirements.md is not what the generator writes now. The checker
itself is then tried the wrong way on a small project of its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from models.cli.app import run
from models.validation.consistency import (
    DOCUMENT,
    document_problem,
    markers_of,
    problems,
    project_root,
)
from models.validation.document import GENERATED, render_document
from models.validation.errors import NoSourceCheckoutError, RegistryError
from models.validation.markers import collect_markers
from models.validation.registry import Status, load_registry, parse_registry, registry_text

ROOT = project_root()


def _lines(found: list[object]) -> str:
    return "\n".join(f"  {m}" for m in found)


# --- the project's own registry ----------------------------------------------------------


@pytest.mark.req("R-CSV-31")
def test_registry_code_and_markers_agree() -> None:
    registry = load_registry()
    found = problems(registry, markers_of(ROOT), ROOT)
    assert not found, "the requirement registry does not hold together:\n" + _lines(found)


@pytest.mark.req("R-CSV-31")
def test_the_requirement_document_is_current() -> None:
    expected = render_document(load_registry(), markers_of(ROOT))
    stale = document_problem(ROOT / DOCUMENT, expected, DOCUMENT)
    assert stale is None, str(stale)


def test_every_area_is_numbered_without_gaps_and_every_entry_says_why() -> None:
    """A rule of the digest cannot drop out unnoticed: each area counts 01, 02 … n."""
    registry = load_registry()
    for area in registry.areas:
        numbers = [int(r.code.rsplit("-", 1)[1]) for r in registry.in_area(area.prefix)]
        assert numbers == list(range(1, len(numbers) + 1)), area.prefix
    digest_rules = [r for r in registry if not r.code.startswith("R-CSV-")]
    assert len(digest_rules) == 200  # §3 of the regulations digest, R-ID-01 … R-FU-06
    for requirement in registry:
        implemented = requirement.status is Status.IMPLEMENTED
        assert bool(requirement.enforced_in) == implemented, requirement.code
        assert bool(requirement.reason) != implemented, requirement.code


def test_the_registry_is_package_data() -> None:
    """An installed copy reads the same file (importlib.resources), so it must be shipped."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^"models\.validation" = \["requirements\.toml"\]$', pyproject, re.M)
    assert "req(*codes)" in pyproject  # the marker is registered
    assert registry_text() == (ROOT / "models/validation/requirements.toml").read_text("utf-8")


# --- the command -------------------------------------------------------------------------


def test_the_command_checks_the_document_and_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CELLTRAIL_LANG", "en")
    assert run(["requirements"]) == 0
    assert "requirements:" in capsys.readouterr().out
    assert run(["requirements", "--check", str(ROOT / DOCUMENT)]) == 0
    target = tmp_path / "requirements.md"
    assert run(["requirements", "--write", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == (ROOT / DOCUMENT).read_text(encoding="utf-8")
    assert run(["requirements", "--write", str(target)]) == 0  # its own output is replaced
    capsys.readouterr()

    target.write_text(target.read_text(encoding="utf-8") + "hand edit\n", encoding="utf-8")
    assert run(["requirements", "--check", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"celltrail requirements --write {target}" in err

    notes = tmp_path / "notes.md"
    notes.write_text("somebody's notes\n", encoding="utf-8")
    assert run(["requirements", "--write", str(notes)]) == 2  # not ours: refused
    assert notes.read_text(encoding="utf-8") == "somebody's notes\n"
    assert run(["requirements", "--write", str(notes), "--force"]) == 0
    assert notes.read_text(encoding="utf-8").startswith(GENERATED)


def test_the_command_speaks_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CELLTRAIL_LANG", "zh")
    assert run(["requirements"]) == 0
    assert "项需求" in capsys.readouterr().out


# --- the checker, tried the wrong way ----------------------------------------------------

REGISTRY = """
schema = 1

[[area]]
prefix = "R-TST"
title = "Test rules"
source = "here"

[[requirement]]
code = "R-TST-01"
title = "Enforced and tried"
source = "here"
status = "implemented"
enforced_in = ["models/rules.py:Rules.check", "models/rules.py:LIMIT"]

[[requirement]]
code = "R-TST-02"
title = "Enforced, never tried"
source = "here"
status = "implemented"
enforced_in = ["models/rules.py:gone", "models/missing.py"]

[[requirement]]
code = "R-TST-03"
title = "Not here"
source = "here"
status = "not_applicable"
why = "a facility matter"
"""

RULES = """
LIMIT = 3


class Rules:
    def check(self) -> None: ...
"""

TESTS = """
import pytest
from pytest import mark

pytestmark = [pytest.mark.slow, pytest.mark.req("R-TST-03")]

CODE = "R-TST-01"


@pytest.mark.req("R-TST-01")
def test_tried() -> None: ...


@mark.req("R-TST-99")
def test_unknown() -> None: ...


@pytest.mark.req(CODE)
def test_computed() -> None: ...


class TestGroup:
    @pytest.mark.req("R-TST-01", "R-TST-03")
    def test_member(self) -> None: ...
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "rules.py").write_text(RULES, encoding="utf-8")
    (tmp_path / "tests" / "area").mkdir(parents=True)
    (tmp_path / "tests" / "area" / "test_rules.py").write_text(TESTS, encoding="utf-8")
    return tmp_path


@pytest.mark.req("R-CSV-31")
def test_untested_unknown_computed_and_unresolved_are_all_named(project: Path) -> None:
    registry = parse_registry(REGISTRY)
    markers = collect_markers(project)
    assert markers.tests_of("R-TST-01") == (
        "tests/area/test_rules.py::TestGroup::test_member",
        "tests/area/test_rules.py::test_tried",
    )
    assert len(markers.tests_of("R-TST-03")) == 4  # pytestmark reaches every test
    found = [m.message("en") for m in problems(registry, markers, project)]
    assert found == [
        "tests/area/test_rules.py::test_computed: @pytest.mark.req takes requirement codes as "
        "literal strings, nothing else",
        "tests/area/test_rules.py::test_unknown: @pytest.mark.req names R-TST-99, which the "
        "registry does not hold",
        'R-TST-02 is implemented but no test carries @pytest.mark.req("R-TST-02")',
        "R-TST-02: enforced_in models/rules.py:gone: models/rules.py defines no gone",
        "R-TST-02: enforced_in models/missing.py: there is no file models/missing.py",
    ]


WHY = 'why = "a facility matter"'


@pytest.mark.req("R-CSV-31")
@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        (WHY, "", "R-TST-03: not_applicable needs its reason (why)"),
        ('status = "not_applicable"', 'status = "not_yet"', "R-TST-03: not_yet needs what is"),
        (
            WHY,
            WHY + '\nenforced_in = ["models/rules.py"]',
            "R-TST-03: enforced_in does not belong to a not_applicable requirement",
        ),
        ('code = "R-TST-03"', 'code = "R-TST-02"', "R-TST-02 is recorded twice"),
        ('code = "R-TST-03"', 'code = "R-XYZ-01"', "R-XYZ-01: no [[area]] declares R-XYZ"),
        ('code = "R-TST-03"', 'code = "R-TST-3"', "R-TST-3 is not a requirement code"),
        ('status = "not_applicable"', 'status = "maybe"', "R-TST-03: status maybe is not"),
        ('source = "here"', 'source = " "', "R-TST-03: source is missing or empty"),
        (WHY, WHY + '\nowner = "qa"', "R-TST-03: unknown field owner"),
        ("schema = 1", "schema = 2", "schema must be 1"),
        ("[[area]]", "[[areas]]", "[[area]]: area is missing or empty"),
    ],
)
def test_a_registry_entry_without_its_reason_or_with_a_bad_field_is_refused(
    old: str, new: str, named: str
) -> None:
    """The last entry (R-TST-03) or the file's head is broken one way; all else is valid."""
    head, sep, last = REGISTRY.rpartition("[[requirement]]")
    broken = (
        head + sep + last.replace(old, new, 1) if old in last else REGISTRY.replace(old, new, 1)
    )
    assert broken != REGISTRY
    with pytest.raises(RegistryError) as refused:
        parse_registry(broken)
    assert named in refused.value.message("en")
    assert refused.value.message("zh").startswith("需求登记册")


@pytest.mark.req("R-CSV-31")
def test_a_stale_or_missing_document_names_the_command_to_regenerate_it(project: Path) -> None:
    registry = parse_registry(REGISTRY)
    text = render_document(registry, collect_markers(project))
    document = project / "docs" / "requirements.md"
    missing = document_problem(document, text, "docs/requirements.md")
    assert missing is not None and "celltrail requirements --write docs/requirements.md" in str(
        missing
    )
    document.parent.mkdir()
    document.write_text(text, encoding="utf-8")
    assert document_problem(document, text, "docs/requirements.md") is None
    document.write_text(text.replace("Enforced and tried", "Enforced"), encoding="utf-8")
    stale = document_problem(document, text, "docs/requirements.md")
    assert stale is not None
    assert "regenerate it with `celltrail requirements --write docs/requirements.md`" in str(stale)
    assert "R-TST-01" in text and "`test_rules.py::test_tried`" in text


def test_without_tests_the_generator_says_so(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    with pytest.raises(NoSourceCheckoutError) as refused:
        markers_of(tmp_path)
    assert "No tests/ folder" in refused.value.message("en")
    assert "tests/" in refused.value.message("zh")


def test_a_test_file_that_does_not_parse_is_named(project: Path) -> None:
    (project / "tests" / "test_broken.py").write_text("def test_(:\n", encoding="utf-8")
    unreadable = [
        str(m) for m in collect_markers(project).problems if m.code.endswith(".unreadable")
    ]
    assert len(unreadable) == 1 and unreadable[0].startswith("tests/test_broken.py cannot be read")


def test_an_installed_copy_without_tests_shows_the_registry_and_refuses_to_generate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "site-packages"
    (installed / "models").mkdir(parents=True)
    monkeypatch.setattr("models.validation.consistency.project_root", lambda: installed)
    monkeypatch.setenv("CELLTRAIL_LANG", "en")
    assert run(["requirements", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == len(load_registry()) and data["tests"] is None
    assert run(["requirements", "--write", str(tmp_path / "requirements.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: No tests/ folder") and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "requirements.md").exists()
