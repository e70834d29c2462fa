"""`celltrail archive verify`: is a retention archive exactly what CellTrail wrote?

With no database at all it checks the container (a readable zip, no member twice), the
manifest (present, well-formed, a format version this release reads), every member
against its manifest checksum with none missing and none extra, the JSON of every line,
the row counts, that no personal data is present, and the meaning of the content: each
audit entry's own hash recomputes, consecutive entries link, nothing lies beyond the chain
head the export verified, every entry and signature is about an archived record, every
signature matches its signing entry, every row's signature reference resolves, and every
release record's package matches the signature QA gave it.

Offline checks catch corruption and edits of a member.  Someone who edits a member *and*
rewrites the manifest's checksums is caught only where the audit content gives it away;
``live_url`` closes that gap by comparing against the live database (models.archive.live).

Problems are collected, never raised, and hostile input of any kind ends as a problem.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.archive.checks import ArchiveContents, check_audit, check_batch, check_signatures
from models.archive.errors import (
    ArchiveTooLargeError,
    ArchiveUnreadableError,
    FormatUnknownError,
    InputNotRegularError,
    ManifestInvalidError,
    MemberChecksumError,
    MemberContentError,
    MemberDuplicateError,
    MemberExtraError,
    MemberMissingError,
    MemberUnreadableError,
    PersonalDataPresentError,
    RowCountMismatchError,
    VerifierFaultError,
)
from models.archive.format import (
    COLUMNS,
    MANIFEST,
    PERSONAL_DATA_TABLES,
    READABLE_FORMATS,
    SUBJECTS,
    TRACE,
    ArchiveManifest,
    member_table,
    record_member,
)
from models.kernel.errors import DomainError

# Far above any batch's archive; a member claiming more is refused unread (zip bombs).
MAX_MEMBER_BYTES = 1 << 30
# Every member is held in memory while it is checked: the archive as a whole is capped too,
# by the sizes its zip directory declares, before a byte is inflated.
MAX_ARCHIVE_BYTES = 1 << 30
# A garbage member would otherwise yield one problem per line.
MAX_LINE_PROBLEMS = 10

# What opening or reading a damaged zip and its members raises.
_UNREADABLE = (
    zipfile.BadZipFile,  # no central directory, bad CRC, header and directory disagree
    zlib.error,  # a corrupt deflate stream
    struct.error,  # truncated headers
    EOFError,
    OSError,  # the file itself cannot be read
    ValueError,  # e.g. negative offsets in a forged header
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted member
    OverflowError,
)


@dataclass(frozen=True)
class VerifyReport:
    file: str
    contents: ArchiveContents
    problems: tuple[DomainError, ...]
    members_checked: int
    live_checked: bool

    @property
    def intact(self) -> bool:
        return not self.problems

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        manifest = self.contents.manifest
        return {
            "file": self.file,
            "intact": self.intact,
            "format": manifest.format if manifest else None,
            "batch": manifest.batch if manifest else None,
            "members_checked": self.members_checked,
            "audit_entries": len(self.contents.tables.get("audit_entry", [])),
            "signatures": len(self.contents.tables.get("signature", [])),
            "live_checked": self.live_checked,
            "problems": [
                {"code": p.code, "message": p.message(lang), "params": p.params}
                for p in self.problems
            ],
        }


def verify_archive(path: Path, *, live_url: str | None = None) -> VerifyReport:
    """Check the archive at ``path``; with ``live_url`` also against that live database."""
    problems: list[DomainError] = []
    contents, checked = ArchiveContents(), 0
    try:
        contents, checked = _read(path, problems)
        if contents.manifest is not None:
            check_batch(contents, problems)
            check_signatures(contents, check_audit(contents, problems), problems)
            if live_url is not None:
                from models.archive.live import cross_check  # the only database code here

                problems.extend(cross_check(live_url, contents))
    except Exception as exc:  # noqa: BLE001 - a verifier answers "not intact", never a traceback
        problems.append(VerifierFaultError(reason=f"{type(exc).__name__}: {exc}"))
    return VerifyReport(str(path), contents, tuple(problems), checked, live_url is not None)


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _open(path: Path, problems: list[DomainError]) -> zipfile.ZipFile | None:
    """The zip at ``path`` if it is a regular file that declares no more than the cap."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # /dev/zero, a pipe, a directory
            problems.append(InputNotRegularError(file=str(path)))
            return None
        archive = zipfile.ZipFile(path)
    except _UNREADABLE as exc:
        problems.append(ArchiveUnreadableError(file=path.name, reason=_reason(exc)))
        return None
    declared = sum(info.file_size for info in archive.infolist())
    if declared > MAX_ARCHIVE_BYTES:
        archive.close()
        problems.append(
            ArchiveTooLargeError(file=path.name, size=declared, limit=MAX_ARCHIVE_BYTES)
        )
        return None
    return archive


def _read(path: Path, problems: list[DomainError]) -> tuple[ArchiveContents, int]:
    archive = _open(path, problems)
    if archive is None:
        return ArchiveContents(), 0
    with archive:
        names = Counter(info.filename for info in archive.infolist())
        for name, count in sorted(names.items()):
            if count > 1:  # zipfile would silently read only the last one
                problems.append(MemberDuplicateError(member=name, count=count))
        data = {n: b for n in names if (b := _member(archive, n, problems)) is not None}
    for name in sorted(names):
        if member_table(name) in PERSONAL_DATA_TABLES:
            problems.append(PersonalDataPresentError(member=name))
    if MANIFEST not in names:
        problems.append(ManifestInvalidError(reason="the archive has no manifest.json"))
        return ArchiveContents(), len(data)
    manifest = _manifest(data.get(MANIFEST, b""), problems)
    if manifest is None:
        return ArchiveContents(), len(data)
    for member, expected in sorted(manifest.member_sha256.items()):
        if member not in names:
            problems.append(MemberMissingError(member=member))
        elif member in data and (found := hashlib.sha256(data[member]).hexdigest()) != expected:
            problems.append(MemberChecksumError(member=member, expected=expected, found=found))
    for name in sorted(set(names) - set(manifest.member_sha256) - {MANIFEST}):
        problems.append(MemberExtraError(member=name))
    listed = {m: b for m, b in data.items() if m in manifest.member_sha256}
    tables, lines = _tables(listed, manifest, problems)
    contents = ArchiveContents(
        manifest=manifest,
        manifest_sha256=hashlib.sha256(data[MANIFEST]).hexdigest(),
        trace=_json_object(listed, TRACE, problems),
        tables=tables,
        lines=lines,
        subjects=_subjects(listed, problems),
        columns=_columns(listed, problems),
    )
    return contents, len(data)


def _member(archive: zipfile.ZipFile, name: str, problems: list[DomainError]) -> bytes | None:
    try:
        info = archive.getinfo(name)
        if info.file_size > MAX_MEMBER_BYTES:
            problems.append(MemberUnreadableError(member=name, reason=f"{info.file_size} bytes"))
            return None
        with archive.open(info) as handle:
            return handle.read(MAX_MEMBER_BYTES + 1)  # the header's size can lie; CRC checked
    except _UNREADABLE as exc:
        problems.append(MemberUnreadableError(member=name, reason=_reason(exc)))
        return None


_MANIFEST_FIELDS: dict[str, type] = {
    "format": str,
    "batch": str,
    "created_at": str,
    "actor": str,
    "schema_revision": str,
    "audit_last_seq": int,
    "audit_last_hash": str,
    "row_counts": dict,
    "member_sha256": dict,
}


def _manifest(blob: bytes, problems: list[DomainError]) -> ArchiveManifest | None:
    try:
        raw = json.loads(blob)
    except ValueError as exc:
        problems.append(ManifestInvalidError(reason=f"not JSON ({_reason(exc)})"))
        return None
    if not isinstance(raw, dict):
        problems.append(ManifestInvalidError(reason="not a JSON object"))
        return None
    # the version first: a later format may have other fields, and "unknown format" is the
    # one thing worth saying about it
    if raw.get("format") not in READABLE_FORMATS:
        problems.append(
            FormatUnknownError(format=raw.get("format"), known=", ".join(READABLE_FORMATS))
        )
        return None
    wrong = [
        f"{name} (expected {kind.__name__})"
        for name, kind in _MANIFEST_FIELDS.items()
        if not isinstance(raw.get(name), kind) or isinstance(raw.get(name), bool)
    ]
    wrong += [f"{name} (unexpected)" for name in sorted(set(raw) - set(_MANIFEST_FIELDS))]
    if not wrong:
        counts, digests = raw["row_counts"], raw["member_sha256"]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in counts.values()):
            wrong.append("row_counts (expected integers)")
        if not all(isinstance(v, str) for v in digests.values()):
            wrong.append("member_sha256 (expected text)")
    if wrong:
        problems.append(ManifestInvalidError(reason="bad or missing field(s): " + ", ".join(wrong)))
        return None
    return ArchiveManifest(**raw)


def _json_object(
    data: dict[str, bytes], member: str, problems: list[DomainError]
) -> dict[str, Any] | None:
    if member not in data:
        return None
    try:
        value = json.loads(data[member].decode("utf-8"))
    except ValueError as exc:
        problems.append(MemberContentError(member=member, line=1, reason=_reason(exc)))
        return None
    if not isinstance(value, dict):
        problems.append(MemberContentError(member=member, line=1, reason="not a JSON object"))
        return None
    return value


def _tables(
    data: dict[str, bytes], manifest: ArchiveManifest, problems: list[DomainError]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[int]]]:
    tables, lines = {}, {}
    for member in sorted(data):
        table = member_table(member)
        if table is not None:
            lines[table], tables[table] = _lines(member, data[member], problems)
    for table, expected in sorted(manifest.row_counts.items()):
        member = record_member(table)
        if member not in manifest.member_sha256:
            problems.append(
                ManifestInvalidError(reason=f"rows counted for {table} but no {member}")
            )
        elif member in data and (found := _line_count(data[member])) != expected:
            problems.append(RowCountMismatchError(member=member, found=found, expected=expected))
    return tables, lines


def _line_count(blob: bytes) -> int:
    return len(blob.split(b"\n")) - (1 if blob.endswith(b"\n") or not blob else 0)


def _lines(
    member: str, blob: bytes, problems: list[DomainError]
) -> tuple[list[int], list[dict[str, Any]]]:
    """One JSON object per line.  Split on "\\n" only: a text value may hold U+2028, which
    str.splitlines() would take for a line break."""
    numbers: list[int] = []
    rows: list[dict[str, Any]] = []
    bad = 0
    text = blob.decode("utf-8", errors="replace")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line and number == text.count("\n") + 1:
            break  # after the final newline
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            bad += 1
            if bad <= MAX_LINE_PROBLEMS:
                problems.append(MemberContentError(member=member, line=number, reason=_reason(exc)))
            continue
        numbers.append(number)
        rows.append(row)
    if bad > MAX_LINE_PROBLEMS:
        more = f"{bad - MAX_LINE_PROBLEMS} more invalid lines"
        problems.append(MemberContentError(member=member, line="…", reason=more))
    return numbers, rows


def _subjects(data: dict[str, bytes], problems: list[DomainError]) -> dict[str, set[str]] | None:
    raw = _json_object(data, SUBJECTS, problems)
    if raw is None:
        return None
    if not all(isinstance(v, list) and all(isinstance(k, str) for k in v) for v in raw.values()):
        problems.append(
            MemberContentError(member=SUBJECTS, line=1, reason="expected lists of text")
        )
        return None
    return {table: set(keys) for table, keys in raw.items()}


def _columns(
    data: dict[str, bytes], problems: list[DomainError]
) -> dict[str, dict[str, str]] | None:
    raw = _json_object(data, COLUMNS, problems)
    if raw is None:
        return None
    if not all(
        isinstance(v, dict) and all(isinstance(k, str) for k in v.values()) for v in raw.values()
    ):
        problems.append(MemberContentError(member=COLUMNS, line=1, reason="expected column types"))
        return None
    return raw
