"""The desktop client's shape, held by a test (issue 11): gui/ reads and writes only through
the core's services (it never opens a unit of work or touches a database session), and a
page's helpers never import their page, not even under TYPE_CHECKING."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "gui"


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(GUI).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(GUI.rglob("*.py"))
    ]


def test_gui_reaches_the_database_only_through_services() -> None:
    wrong = []
    for name, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in {"uow", "session", "reading"}:
                wrong.append(f"gui/{name}:{node.lineno} uses .{node.attr}")
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "sqlalchemy.orm"
            ):
                wrong.append(f"gui/{name}:{node.lineno} imports {node.module}")
    assert not wrong, "\n".join(wrong)


def test_page_helpers_never_import_their_page() -> None:
    wrong = []
    for name, tree in _modules():
        parts = name.split("/")
        if parts[0] != "pages" or len(parts) != 3 or parts[2] == "page.py":
            continue
        own_page = f"gui.pages.{parts[1]}.page"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == own_page:
                wrong.append(f"gui/{name}:{node.lineno} imports {own_page}")
            if isinstance(node, ast.Name) and node.id == "TYPE_CHECKING":
                wrong.append(f"gui/{name}:{node.lineno} hides an import under TYPE_CHECKING")
    assert not wrong, "\n".join(wrong)
