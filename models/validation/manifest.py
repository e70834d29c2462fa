"""The installation manifest: the SHA-256 of every file of the package, made when it is built.

``celltrail validate`` (installation qualification) compares the installed files with it, so
a file changed, removed or added after installation (a patched module, a copied-over file
from another release) is named. The manifest is written by the build itself
(models/validation/build_hook.py, wired into pyproject.toml):

* a wheel (``pip install .``, ``pip wheel .``): the hook hashes the files as they go into the
  wheel and ships the manifest inside it, next to this module; the installed copy is then
  compared with what was built;
* an editable install (``pip install -e .``, what CI and developers use): nothing is copied,
  the source files *are* the installed files, so the hook hashes those source files and
  writes the manifest into the source tree (it is not committed: see .gitignore). IQ then
  says whether the checkout still is what was installed.

Standard library only: the build hook loads this file by path, before any dependency of the
package is installed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST_NAME = "install_manifest.json"
MANIFEST_PATH = f"models/validation/{MANIFEST_NAME}"  # relative to the install root
FORMAT = "celltrail-manifest/1"
PACKAGES = ("models", "printing", "gui", "resources")  # and the module main.py
_CHUNK = 1 << 16


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def make_manifest(root: Path, files: Iterable[str], kind: str, version: str) -> dict[str, Any]:
    """The manifest of ``files`` (paths relative to ``root``, "/"-separated)."""
    names = sorted({f for f in files if f != MANIFEST_PATH})
    return {
        "format": FORMAT,
        "version": version,
        "kind": kind,  # "wheel" or "editable"
        "files": {name: file_digest(root / name) for name in names},
    }


def write_manifest(path: Path, manifest: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", "utf-8")
    os.replace(temporary, path)


@dataclass(frozen=True)
class ManifestCheck:
    """The installed files against the manifest."""

    kind: str
    version: str
    checked: int
    changed: tuple[str, ...]
    missing: tuple[str, ...]
    added: tuple[str, ...]  # Python files present in the package but not in the manifest
    manifest_sha256: str

    @property
    def intact(self) -> bool:
        return not (self.changed or self.missing or self.added)


def check_installation(root: Path) -> ManifestCheck:
    """Compare the installation under ``root`` with its manifest. OSError and ValueError
    when there is no readable manifest (the package was not installed by a build)."""
    path = root / MANIFEST_PATH
    raw = path.read_bytes()
    manifest = json.loads(raw)
    if manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
        raise ValueError(f"{path} is not a {FORMAT} manifest")
    files: dict[str, str] = manifest["files"]
    changed, missing = [], []
    for name, expected in sorted(files.items()):
        target = root / name
        if not target.is_file():
            missing.append(name)
        elif file_digest(target) != expected:
            changed.append(name)
    return ManifestCheck(
        kind=str(manifest.get("kind", "")),
        version=str(manifest.get("version", "")),
        checked=len(files),
        changed=tuple(changed),
        missing=tuple(missing),
        added=tuple(sorted(set(_python_files(root)) - set(files))),
        manifest_sha256=hashlib.sha256(raw).hexdigest(),
    )


def _python_files(root: Path) -> Iterable[str]:
    """Code that would run if imported: every .py file of the packages (data files that are
    not packaged, such as notes in a source checkout, are not the installation's)."""
    for package in PACKAGES:
        for path in (root / package).rglob("*.py"):
            if "__pycache__" not in path.parts:
                yield path.relative_to(root).as_posix()
    if (root / "main.py").is_file():
        yield "main.py"
