"""Which tests try to break which requirement, read from the test files without running them.

A test names the requirements it attacks with ``@pytest.mark.req("R-LBL-04", "R-LBL-05")``;
a module may mark all of its tests with ``pytestmark = pytest.mark.req(...)`` (or a list of
marks holding one), a ``Test…`` class all of its methods the same way. The markers are read
with ``ast`` so that writing docs/requirements.md never runs the suite (15 minutes) and
never imports a test module (Qt, PostgreSQL fixtures). Codes must be literal strings: a
computed code could not be read here, so it is reported, not guessed.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models.i18n import Message

MARKER = "req"


@dataclass(frozen=True)
class MarkedTest:
    test: str  # node id as pytest prints it: tests/chain/test_rules.py::test_…
    codes: tuple[str, ...]


@dataclass(frozen=True)
class MarkerIndex:
    tests: tuple[MarkedTest, ...]
    problems: tuple[Message, ...]  # markers that could not be read

    def tests_of(self, code: str) -> tuple[str, ...]:
        """The tests marked with ``code``, in path order."""
        return self.by_code().get(code, ())

    def by_code(self) -> dict[str, tuple[str, ...]]:
        found: defaultdict[str, list[str]] = defaultdict(list)
        for marked in self.tests:
            for code in marked.codes:
                found[code].append(marked.test)
        return {code: tuple(sorted(tests)) for code, tests in found.items()}


def collect_markers(root: Path, tests: str = "tests") -> MarkerIndex:
    """Every ``req`` marker in ``root/tests``'s test modules (test_*.py), node ids relative
    to ``root``."""
    marked: list[MarkedTest] = []
    problems: list[Message] = []
    for path in sorted((root / tests).rglob("test_*.py")):
        stat = path.stat()
        relative = path.relative_to(root).as_posix()
        found, trouble = _read_module(path, relative, stat.st_mtime_ns, stat.st_size)
        marked.extend(found)
        problems.extend(trouble)
    return MarkerIndex(tuple(marked), tuple(problems))


@lru_cache(maxsize=2048)
def _read_module(
    path: Path, relative: str, _mtime_ns: int, _size: int
) -> tuple[tuple[MarkedTest, ...], tuple[Message, ...]]:
    """One module's markers; cached per file version (the CLI may be asked many times)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
    except (SyntaxError, UnicodeDecodeError, ValueError) as exc:
        problem = Message.of("requirements.problem.unreadable", path=relative, detail=str(exc))
        return (), (problem,)
    reader = _Reader()
    module_codes = reader.pytestmark(tree.body, relative)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _is_test(node.name):
            reader.test(node, f"{relative}::{node.name}", module_codes)
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            where = f"{relative}::{node.name}"
            class_codes = module_codes + reader.decorators(node.decorator_list, where)
            class_codes += reader.pytestmark(node.body, where)
            for member in node.body:
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef) and _is_test(
                    member.name
                ):
                    reader.test(member, f"{where}::{member.name}", class_codes)
    return tuple(reader.marked), tuple(reader.problems)


def _is_test(name: str) -> bool:
    return name.startswith("test")


class _Reader:
    def __init__(self) -> None:
        self.marked: list[MarkedTest] = []
        self.problems: list[Message] = []

    def test(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, where: str, inherited: tuple[str, ...]
    ) -> None:
        codes = inherited + self.decorators(node.decorator_list, where)
        if codes:
            self.marked.append(MarkedTest(where, tuple(dict.fromkeys(codes))))

    def decorators(self, decorators: Iterable[ast.expr], where: str) -> tuple[str, ...]:
        codes: list[str] = []
        for decorator in decorators:
            codes += self.marker_codes(decorator, where)
        return tuple(codes)

    def pytestmark(self, body: Iterable[ast.stmt], where: str) -> tuple[str, ...]:
        """Codes of a ``pytestmark = …`` assignment: one mark, or a list or tuple of them."""
        codes: list[str] = []
        for node in body:
            value = _assigned(node, "pytestmark")
            if value is None:
                continue
            marks = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
            for mark in marks:
                codes += self.marker_codes(mark, where)
        return tuple(codes)

    def marker_codes(self, node: ast.expr, where: str) -> list[str]:
        """The codes of ``pytest.mark.req(...)`` (or ``mark.req(...)``); [] for other marks."""
        called = node.func if isinstance(node, ast.Call) else node
        if _dotted(called) not in ("pytest.mark.req", "mark.req"):
            return []
        arguments = node.args if isinstance(node, ast.Call) else []
        literal = [a.value for a in arguments if isinstance(a, ast.Constant) and _is_text(a)]
        keywords = node.keywords if isinstance(node, ast.Call) else []
        if not arguments or len(literal) != len(arguments) or keywords:
            self.problems.append(Message.of("requirements.problem.marker_literal", test=where))
        return [str(code) for code in literal]


def _assigned(node: ast.stmt, name: str) -> ast.expr | None:
    if isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == name for t in node.targets
    ):
        return node.value
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.value if node.target.id == name else None
    return None


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)
