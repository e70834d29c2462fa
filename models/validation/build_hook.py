"""setuptools ``build_py`` that writes the installation manifest (models/validation/manifest.py).

Wired in pyproject.toml (``[tool.setuptools.cmdclass]``). setuptools loads this file by its
path while building, before the package or its dependencies can be imported, so it imports
only setuptools and the standard library, and loads manifest.py by path as well.

A wheel build hashes every file of the package in the build directory (all of it goes into
the wheel) and adds the manifest to the wheel. An editable build (``pip install -e .``)
copies nothing: the hook hashes the source files the wheel would have held and writes the
manifest into the source tree.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from setuptools.command.build_py import build_py


def _manifest_module() -> ModuleType:
    path = Path(__file__).with_name("manifest.py")
    spec = importlib.util.spec_from_file_location("_celltrail_manifest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


class BuildPyWithManifest(build_py):  # type: ignore[misc]  # setuptools ships no types
    """build_py, then the manifest of everything it built (or, editable, would have)."""

    def run(self) -> None:
        super().run()
        manifest = _manifest_module()
        version = str(self.distribution.get_version())
        if self.editable_mode:
            root = Path(self.distribution.src_root or Path.cwd()).resolve()
            files = [_relative(source, root) for source in self.get_output_mapping().values()]
            target = root / manifest.MANIFEST_PATH
            kind = "editable"
        else:
            # Everything under the build folder goes into the wheel, files an earlier build
            # left there included, so everything there is hashed.
            root = Path(self.build_lib).resolve()
            files = list(_built_files(root, manifest.PACKAGES))
            target = root / manifest.MANIFEST_PATH
            kind = "wheel"
        content = manifest.make_manifest(root, files, kind, version)
        manifest.write_manifest(target, content)
        self._manifest = str(target)

    def get_outputs(self, include_bytecode: Any = 1) -> list[str]:
        outputs: list[str] = list(super().get_outputs(include_bytecode))
        written = getattr(self, "_manifest", None)
        if written and not self.editable_mode and written not in outputs:
            outputs.append(written)  # recorded in the wheel's RECORD like any file
        return outputs


def _built_files(root: Path, packages: tuple[str, ...]) -> list[str]:
    found = [
        path.relative_to(root).as_posix()
        for package in packages
        for path in (root / package).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]
    return found + (["main.py"] if (root / "main.py").is_file() else [])


def _relative(path: str, root: Path) -> str:
    return Path(path).resolve().relative_to(root).as_posix()
