"""The requirement registry: every rule CellTrail answers to, recorded once (issue 16).

``requirements.toml`` (package data next to this module) holds each rule of the regulations
digest (R-ID-01 … R-FU-06) and each computerised-system control the product claims under
21 CFR Part 11, EU GMP Annex 11 and China's GMP annex on computerised systems (R-CSV-NN),
with its status:

* ``implemented``: ``enforced_in`` names the code that enforces it (``path`` or
  ``path:Symbol.member``, relative to the project root); at least one test carrying
  ``@pytest.mark.req("CODE")`` tries to break it (``models.validation.consistency``);
* ``not_applicable``: ``why`` says why the rule is not a software matter for CellTrail;
* ``not_yet``: ``missing`` says what the product does not do yet.

Any of them may carry a ``note`` (what is covered elsewhere, what is left to procedure).

``load_registry()`` is what callers use (``celltrail requirements``, the validation report);
it reads the file through importlib.resources, so an installed package finds it too. A
registry that breaks these rules is refused whole, every fault named (``RegistryError``).
"""

from __future__ import annotations

import enum
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from models.i18n import Message, Phrases
from models.validation.errors import RegistryError

REGISTRY_FILE = "requirements.toml"
SCHEMA = 1
CODE = re.compile(r"R-[A-Z]{2,3}-\d{2}")
# enforced_in: a path relative to the project root, optionally ":" and a dotted symbol in it
REFERENCE = re.compile(r"(?P<path>[\w./-]+)(?::(?P<symbol>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*))?")


class Status(enum.StrEnum):
    IMPLEMENTED = "implemented"
    NOT_APPLICABLE = "not_applicable"
    NOT_YET = "not_yet"


@dataclass(frozen=True)
class Area:
    """A family of codes (``R-LBL``) and where its rules come from."""

    prefix: str
    title: str
    source: str


@dataclass(frozen=True)
class Reference:
    """One place a requirement is enforced: a file and, usually, a symbol in it."""

    path: str
    symbol: str | None

    @classmethod
    def parse(cls, text: str) -> Reference | None:
        match = REFERENCE.fullmatch(text)
        if match is None or match["path"].startswith("/") or ".." in match["path"].split("/"):
            return None
        return cls(match["path"], match["symbol"])

    def __str__(self) -> str:
        return f"{self.path}:{self.symbol}" if self.symbol else self.path


@dataclass(frozen=True)
class Requirement:
    code: str
    title: str
    source: str
    status: Status
    enforced_in: tuple[Reference, ...] = ()
    why: str = ""  # not_applicable
    missing: str = ""  # not_yet
    note: str = ""

    @property
    def area(self) -> str:
        """The code's family: R-LBL-04 → R-LBL."""
        return self.code.rsplit("-", 1)[0]

    @property
    def reason(self) -> str:
        """Why it does not apply, or what is missing; empty when implemented."""
        return self.why or self.missing


@dataclass(frozen=True)
class Registry:
    areas: tuple[Area, ...]
    requirements: tuple[Requirement, ...]
    _index: Mapping[str, Requirement] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # frozen: the index is set once, here
        object.__setattr__(self, "_index", {r.code: r for r in self.requirements})

    def __contains__(self, code: object) -> bool:
        return code in self._index

    def __iter__(self) -> Iterator[Requirement]:
        return iter(self.requirements)

    def __len__(self) -> int:
        return len(self.requirements)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self._index)

    def get(self, code: str) -> Requirement:
        """The requirement ``code`` names; KeyError for a code the registry does not hold."""
        return self._index[code]

    def with_status(self, status: Status) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.status is status)

    def in_area(self, prefix: str) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.area == prefix)

    def counts(self) -> dict[Status, int]:
        """How many requirements have each status (every status present, zero included)."""
        return {status: len(self.with_status(status)) for status in Status}


@cache
def load_registry() -> Registry:
    """The registry shipped with this copy of CellTrail (read once per process)."""
    return parse_registry(registry_text())


def registry_text() -> str:
    return resources.files(__package__).joinpath(REGISTRY_FILE).read_text(encoding="utf-8")


# --- reading and checking the file -----------------------------------------------------

_AREA_KEYS = {"prefix": str, "title": str, "source": str}
_REQUIRED = {"code": str, "title": str, "source": str, "status": str}
_OPTIONAL = {"enforced_in": list, "why": str, "missing": str, "note": str}
# the field a status needs, and the fields it must not carry
_NEEDS = {
    Status.IMPLEMENTED: ("enforced_in", "requirements.fault.needs_enforced_in"),
    Status.NOT_APPLICABLE: ("why", "requirements.fault.needs_why"),
    Status.NOT_YET: ("missing", "requirements.fault.needs_missing"),
}


def parse_registry(text: str, origin: str = REGISTRY_FILE) -> Registry:
    """The registry in ``text``; RegistryError naming every fault if it is not a valid one."""
    faults: list[Message] = []
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _invalid(origin, [Message.of("requirements.fault.toml", detail=str(exc))]) from None
    if raw.get("schema") != SCHEMA:
        faults.append(Message.of("requirements.fault.schema", expected=SCHEMA))
    areas = [a for a in (_area(i, item, faults) for i, item in _items(raw, "area", faults)) if a]
    prefixes = {a.prefix for a in areas}
    if len(prefixes) != len(areas):
        faults.append(Message.of("requirements.fault.duplicate", requirement="[[area]] prefix"))
    requirements: list[Requirement] = []
    seen: set[str] = set()
    for index, item in _items(raw, "requirement", faults):
        requirement = _requirement(index, item, faults)
        if requirement is None:
            continue
        if requirement.code in seen:
            faults.append(Message.of("requirements.fault.duplicate", requirement=requirement.code))
        if requirement.area not in prefixes:
            faults.append(
                Message.of(
                    "requirements.fault.no_area",
                    requirement=requirement.code,
                    prefix=requirement.area,
                )
            )
        seen.add(requirement.code)
        requirements.append(requirement)
    for key in sorted(set(raw) - {"schema", "area", "requirement"}):
        faults.append(Message.of("requirements.fault.unknown_field", item=origin, field=key))
    if faults:
        raise _invalid(origin, faults)
    return Registry(tuple(areas), tuple(requirements))


def _invalid(origin: str, faults: list[Message]) -> RegistryError:
    return RegistryError(file=origin, problems=Phrases(tuple(faults), "i18n.sentences"))


def _items(raw: dict[str, Any], key: str, faults: list[Message]) -> list[tuple[int, Any]]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        faults.append(Message.of("requirements.fault.missing", item=f"[[{key}]]", field=key))
        return []
    return list(enumerate(value, start=1))


def _fields(
    item: Any,
    where: str,
    required: Mapping[str, type],
    optional: Mapping[str, type],
    faults: list[Message],
) -> dict[str, Any] | None:
    """The item's fields, each of its declared type; None (faults noted) if any is wrong."""
    if not isinstance(item, dict):
        faults.append(Message.of("requirements.fault.type", item=where, field="-", kind="table"))
        return None
    ok = True
    for key in sorted(set(item) - set(required) - set(optional)):
        faults.append(Message.of("requirements.fault.unknown_field", item=where, field=key))
        ok = False
    for key, kind in {**required, **optional}.items():
        if key not in item:
            if key in required:
                faults.append(Message.of("requirements.fault.missing", item=where, field=key))
                ok = False
            continue
        value = item[key]
        if not isinstance(value, kind):
            faults.append(
                Message.of("requirements.fault.type", item=where, field=key, kind=kind.__name__)
            )
            ok = False
        elif isinstance(value, str) and not value.strip():
            faults.append(Message.of("requirements.fault.missing", item=where, field=key))
            ok = False
    return dict(item) if ok else None


def _area(index: int, item: Any, faults: list[Message]) -> Area | None:
    fields = _fields(item, f"[[area]] {index}", _AREA_KEYS, {}, faults)
    if fields is None:
        return None
    if not re.fullmatch(r"R-[A-Z]{2,3}", fields["prefix"]):
        where = f"[[area]] {index}"
        faults.append(
            Message.of("requirements.fault.bad_code", item=where, requirement=fields["prefix"])
        )
        return None
    return Area(fields["prefix"], fields["title"].strip(), fields["source"].strip())


def _requirement(index: int, item: Any, faults: list[Message]) -> Requirement | None:
    where = f"[[requirement]] {index}"
    if isinstance(item, dict) and isinstance(item.get("code"), str):
        where = item["code"]
    fields = _fields(item, where, _REQUIRED, _OPTIONAL, faults)
    if fields is None:
        return None
    code = fields["code"]
    if not CODE.fullmatch(code):
        faults.append(Message.of("requirements.fault.bad_code", item=where, requirement=code))
        return None
    try:
        status = Status(fields["status"])
    except ValueError:
        status_text = fields["status"]
        faults.append(
            Message.of("requirements.fault.bad_status", requirement=code, status=status_text)
        )
        return None
    needed, fault = _NEEDS[status]
    if not fields.get(needed):
        faults.append(Message.of(fault, requirement=code))
    for other, _ in _NEEDS.values():
        if other != needed and other in fields:
            faults.append(
                Message.of(
                    "requirements.fault.misplaced", requirement=code, field=other, status=status
                )
            )
    references = _references(code, fields.get("enforced_in", []), faults)
    return Requirement(
        code=code,
        title=" ".join(fields["title"].split()),
        source=" ".join(fields["source"].split()),
        status=status,
        enforced_in=references,
        why=" ".join(fields.get("why", "").split()),
        missing=" ".join(fields.get("missing", "").split()),
        note=" ".join(fields.get("note", "").split()),
    )


def _references(code: str, values: list[Any], faults: list[Message]) -> tuple[Reference, ...]:
    found = []
    for value in values:
        reference = Reference.parse(value) if isinstance(value, str) else None
        if reference is None:
            faults.append(
                Message.of("requirements.fault.bad_ref", requirement=code, ref=str(value))
            )
        else:
            found.append(reference)
    return tuple(found)
