"""The shape of the code, held by a test: business areas import each other one way only.

``models/`` is organised by business area around a small kernel (issue 11). An import that
goes the wrong way (the chain importing quality, the core importing the CLI, printing
importing the domain) is how the old tangle grew back, so it fails here with the file and
line. Imports inside functions and under ``TYPE_CHECKING`` count too: they are still a
dependency, only a hidden one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What each area of models/ may import besides itself. The order reads as the business does:
# people and the chain of identity first, the cleanroom and labels on the chain, quality on
# both, the core composing them, and the archive, demo and command line on top.
BELOW = {
    "entities": set[str](),
    "i18n": set[str](),
    "kernel": {"entities", "i18n"},
    "isbt128": {"kernel", "i18n"},
    "identity": {"kernel", "entities", "i18n"},
    "chain": {"identity", "isbt128", "kernel", "entities", "i18n"},
    "overview": {"kernel", "entities", "i18n"},
    "feed": {"kernel", "entities", "i18n"},
    "cleanroom": {"chain", "identity", "kernel", "entities", "i18n"},
    "labeling": {"identity", "isbt128", "kernel", "entities", "i18n"},
    "quality": {"chain", "labeling", "identity", "isbt128", "kernel", "entities", "i18n"},
}
CORE_USES = {"chain", "cleanroom", "labeling", "quality", "overview", "identity", "isbt128", "feed"}
BELOW["core"] = CORE_USES | {"kernel", "entities", "i18n"}
BELOW["archive"] = BELOW["core"] | {"core"}
BELOW["demo"] = BELOW["core"] | {"core"}
BELOW["cli"] = BELOW["core"] | {"core", "archive", "demo", "validation"}
# The validation pack qualifies the whole product; its requirement registry itself needs
# only the catalogue and the kernel's errors.
BELOW["validation"] = BELOW["core"] | {"core", "archive", "demo"}


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every module ``path`` imports, with the line, ``from models import x`` resolved to x."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "models":
                yield from ((f"models.{alias.name}", node.lineno) for alias in node.names)
            else:
                yield node.module, node.lineno


def _sources(folder: str, root: Path = ROOT) -> Iterator[tuple[Path, str]]:
    for path in sorted((root / folder).rglob("*.py")):
        relative = path.relative_to(root)
        if "migrations" in relative.parts:
            continue  # history: Alembic revisions import what existed when they were written
        yield path, ".".join(relative.with_suffix("").parts).removesuffix(".__init__")


def test_every_area_of_models_is_known() -> None:
    folders = {p.name for p in (ROOT / "models").iterdir() if (p / "__init__.py").is_file()}
    assert folders - {"migrations"} <= set(BELOW), "a new area must say what it may import"


def _wrong_way(root: Path) -> list[str]:
    wrong = []
    for path, module in _sources("models", root):
        mine = _area(module) if module.count(".") else "core"
        mine = "core" if module == "models.core" else mine
        for target, line in _imports(path):
            if not target.startswith("models."):
                continue
            theirs = "core" if target == "models.core" else _area(target)
            if theirs != mine and theirs not in BELOW[mine]:
                wrong.append(f"{path.relative_to(root)}:{line} ({mine}) imports {target}")
    return wrong


def test_areas_import_each_other_one_way_only() -> None:
    wrong = _wrong_way(ROOT)
    assert not wrong, "\n".join(wrong)


def test_the_domain_core_imports_no_qt_and_no_gui() -> None:
    """models/ may use the printing library (a leaf), never Qt or the desktop client."""
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path, _module in _sources("models")
        for target, line in _imports(path)
        if target.split(".")[0] in {"PySide6", "gui", "main"}
    ]
    assert not wrong, "\n".join(wrong)


def test_printing_is_a_leaf_library() -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path, _module in _sources("printing")
        for target, line in _imports(path)
        if target.split(".")[0] in {"models", "gui", "main", "PySide6"}
    ]
    assert not wrong, "\n".join(wrong)


def test_a_wrong_way_import_is_caught(tmp_path: Path) -> None:
    """The checker itself: the chain importing quality, the core importing the CLI."""
    (tmp_path / "models" / "chain").mkdir(parents=True)
    (tmp_path / "models" / "chain" / "x.py").write_text(
        "def f() -> None:\n    from models.quality.blockers import Blocker\n"
    )
    (tmp_path / "models" / "core.py").write_text("from models import cli\n")
    assert _wrong_way(tmp_path) == [
        "models/chain/x.py:2 (chain) imports models.quality.blockers",
        "models/core.py:1 (core) imports models.cli",
    ]
