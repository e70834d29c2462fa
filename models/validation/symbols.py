"""Does ``path:Symbol.member`` name something real? Answered by reading the file with ``ast``.

``enforced_in`` points at modules of every part of the product (gui/ included), so the check
must not import them: Qt, a database driver or a printer library may be absent where the
document is generated. A symbol is a class, a function or a module-level (or class-level)
assignment; ``Class.method`` walks into the class.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

from models.i18n import Message
from models.validation.registry import Reference

_DEFINITIONS = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def reference_problem(root: Path, code: str, reference: Reference) -> Message | None:
    """Why ``reference`` does not resolve under ``root``, or None when it does."""
    path = root / reference.path
    if not path.is_file():
        return Message.of(
            "requirements.problem.no_file",
            requirement=code,
            ref=str(reference),
            path=reference.path,
        )
    if reference.symbol is None:
        return None
    stat = path.stat()
    names = _names(path, stat.st_mtime_ns, stat.st_size)
    if names is None:
        return Message.of(
            "requirements.problem.unreadable", path=reference.path, detail="not Python"
        )
    if reference.symbol not in names:
        return Message.of(
            "requirements.problem.no_symbol",
            requirement=code,
            ref=str(reference),
            path=reference.path,
            symbol=reference.symbol,
        )
    return None


@lru_cache(maxsize=1024)
def _names(path: Path, _mtime_ns: int, _size: int) -> frozenset[str] | None:
    """Every dotted name the module defines (``Class``, ``Class.method``, ``CONSTANT`` …)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return None
    return frozenset(_defined(tree.body, ""))


def _defined(body: list[ast.stmt], prefix: str) -> list[str]:
    names: list[str] = []
    for node in body:
        if isinstance(node, _DEFINITIONS):
            names.append(prefix + node.name)
            if isinstance(node, ast.ClassDef):
                names += _defined(node.body, f"{prefix}{node.name}.")
        elif isinstance(node, ast.Assign):
            names += [prefix + t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(prefix + node.target.id)
    return names
