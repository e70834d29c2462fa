"""Installation qualification of the machine: versions, installed files, fonts, printers."""

from __future__ import annotations

import os
import re
from importlib import metadata
from pathlib import Path

import models
from models.i18n import Message, Phrases
from models.validation.manifest import check_installation
from models.validation.steps import Observation, Verdict, failed, judged, passed

DISTRIBUTION = "celltrail"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")
_SHOWN = 8  # files named per problem; the count says how many more


def install_root() -> Path:
    """Where the installed packages are (site-packages, or a source checkout when editable)."""
    return Path(models.__file__).resolve().parent.parent


def versions() -> Observation:
    """CellTrail's version and each runtime dependency's, checked against its declared range."""
    try:
        own = metadata.version(DISTRIBUTION)
        required = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return failed("validate.observed.not_installed")
    lines, problems = [], []
    for requirement in required:
        if ";" in requirement:  # an extra (dev, server): not part of every installation
            continue
        name, found, ok = _dependency(requirement)
        lines.append(f"{name} {found or '—'}")
        if not ok:
            problems.append(f"{requirement} ({found or '—'})")
    return judged(
        not problems,
        "validate.observed.versions",
        version=own,
        dependencies=", ".join(lines),
        problems="; ".join(problems) or "—",
    )


def _dependency(requirement: str) -> tuple[str, str | None, bool]:
    match = _NAME.match(requirement)
    name = match.group() if match else requirement
    try:
        found = metadata.version(name)
    except metadata.PackageNotFoundError:
        return name, None, False
    try:
        from packaging.requirements import Requirement
    except ImportError:  # packaging is not a dependency: without it, presence is checked
        return name, found, True
    return name, found, Requirement(requirement).specifier.contains(found, prereleases=True)


def installed_files(root: Path | None = None) -> Observation:
    """Every file of the package against the manifest written when it was built."""
    base = root or install_root()
    try:
        check = check_installation(base)
    except (OSError, ValueError) as exc:
        return failed("validate.observed.no_manifest", root=str(base), detail=str(exc)[:200])
    if check.intact:
        return passed(
            "validate.observed.manifest_intact",
            files=check.checked,
            kind=check.kind,
            version=check.version,
            sha256=check.manifest_sha256,
        )
    problems = []
    for code, names in (
        ("validate.observed.files_changed", check.changed),
        ("validate.observed.files_missing", check.missing),
        ("validate.observed.files_added", check.added),
    ):
        if names:
            shown = ", ".join(names[:_SHOWN]) + (" …" if len(names) > _SHOWN else "")
            problems.append(Message.of(code, count=len(names), files=shown))
    return failed(
        "validate.observed.manifest_broken",
        problems=Phrases(tuple(problems), "i18n.sentences"),
        files=check.checked,
        sha256=check.manifest_sha256,
    )


def chinese_fonts() -> Observation:
    """A font with Chinese glyphs is installed (fontconfig) and is the one labels use."""
    from printing.fonts import font_face, has_cjk_font

    face = font_face()
    shown = f"{face[0]} #{face[1]}" if face else "—"
    return judged(has_cjk_font() and face is not None, "validate.observed.fonts", face=shown)


_ARGON2 = re.compile(r"^\$(?P<kind>argon2id)\$v=\d+\$m=(?P<m>\d+),t=(?P<t>\d+),p=(?P<p>\d+)\$")
# OWASP's least argon2id cost for passwords: 19 MiB of memory and two passes.
MIN_MEMORY_KIB, MIN_PASSES = 19 * 1024, 2


def password_hashing() -> Observation:
    """The site's accounts are hashed with argon2id at no less than OWASP's least cost."""
    import secrets

    from models.identity.passwords import Passwords

    encoded = Passwords().hash(secrets.token_urlsafe(16))
    match = _ARGON2.match(encoded)
    if match is None:
        return failed("validate.observed.hashing_unknown", scheme=encoded.split("$")[1:2])
    memory, passes = int(match["m"]), int(match["t"])
    return judged(
        memory >= MIN_MEMORY_KIB and passes >= MIN_PASSES,
        "validate.observed.hashing",
        memory=memory,
        passes=passes,
        lanes=match["p"],
    )


def writable_directory(path: Path) -> bool:
    return path.is_dir() and os.access(path, os.W_OK | os.X_OK)


def na(code: str, **params: object) -> Observation:
    return Observation(Verdict.NOT_APPLICABLE, Message.of(code, **params))
