"""The one trace against a brute-force walk, on random genealogies (hypothesis).

Each example builds a small site directly through the entities, with the invariants the
services keep: a batch belongs to a collection or is a pool of other batches; a split keeps
the DIN and takes new divisions, a relabel takes a new DIN, both in the parent's batch; a
pool of units from several batches gets a new pool batch fed by those batches; a
transformed or administered unit is not transformed again; voids only flag. (Through the
real services an example would take seconds: signatures, verifiers, release.) Examples
share one database: their genealogies are disjoint, so a trace must never leak into
another one, which the comparison checks too.

The reference below is written plainly from the rule: the trace of a record is everything
downstream of every donor upstream of it (and of its own batches); the tree shows the
same records, each under the record it came from.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from models.chain.trace import NodeRef, TraceNode, TraceService
from models.entities.logistics import Administration
from models.entities.parties import Donor, DonorType, Eligibility, Recipient, Site, SiteKind
from models.entities.production import (
    Batch,
    BatchSource,
    BatchStatus,
    Collection,
    Disposition,
    LinkKind,
    ProductCategory,
    ProductType,
    ProductUnit,
    QualityStatus,
    UnitLink,
)
from models.isbt128 import make_din
from models.kernel import schema
from models.kernel.db import make_engine

T0 = datetime(2026, 1, 1, tzinfo=UTC)
IDS = itertools.count(1)  # ids and codes unique across every example in the database
OPS = (
    "donor",
    "collection",
    "batch",
    "split",
    "relabel",
    "pool_units",
    "pool_batches",
    "administer",
    "intend",
    "recipient",
    "void",
)


@dataclass
class Genealogy:
    """The site as plain dicts: the test's own model, independent of the code under test."""

    donors: dict[int, dict[str, Any]] = field(default_factory=dict)
    collections: dict[int, dict[str, Any]] = field(default_factory=dict)
    batches: dict[int, dict[str, Any]] = field(default_factory=dict)
    sources: list[tuple[int, int]] = field(default_factory=list)  # (pool, source)
    units: dict[int, dict[str, Any]] = field(default_factory=dict)
    links: list[tuple[int, int]] = field(default_factory=list)  # (parent, child)
    recipients: dict[int, dict[str, Any]] = field(default_factory=dict)
    given: dict[int, int] = field(default_factory=dict)  # unit → recipient

    # -- building ----------------------------------------------------------------------------

    def donor(self, units: int) -> None:
        d = next(IDS)
        self.donors[d] = {"code": f"PD{d}", "voided": False}
        self.collection(d, units)

    def collection(self, donor: int, units: int) -> None:
        c = next(IDS)
        self.collections[c] = {"code": f"PC{c}", "donor": donor, "coi": f"PK{c}", "voided": False}
        self.batch(c, units)

    def batch(self, collection: int | None, units: int, coi: str | None = None) -> int:
        b = next(IDS)
        coi = coi or (self.collections[collection]["coi"] if collection else f"PK{b}")
        self.batches[b] = {"number": f"PB{b}", "collection": collection, "coi": coi}
        self.batches[b]["voided"] = False
        for _ in range(units):
            self.unit(b)
        return b

    def unit(self, batch: int, din: str | None = None, division: str = "00") -> int:
        u = next(IDS)
        din = din or make_din("A9990", 26, u % 1_000_000).number
        self.units[u] = {
            "din": din,
            "division": division,
            "batch": batch,
            "disposition": Disposition.IN_STOCK,
            "intended": None,
            "voided": False,
        }
        return u

    def usable(self) -> list[int]:
        return [u for u, x in self.units.items() if x["disposition"] is Disposition.IN_STOCK]

    def derive(self, parents: list[int], batch: int, din: str | None, division: str) -> int:
        child = self.unit(batch, din, division)
        for p in parents:
            self.links.append((p, child))
            self.units[p]["disposition"] = Disposition.TRANSFORMED
        return child

    def split(self, unit: int, parts: int) -> None:
        parent = self.units[unit]
        division = parent["division"]
        if division == "00":
            divisions = [f"{c}0" for c in "ABC"[:parts]]
        elif division[1] == "0":
            divisions = [f"{division[0]}{c}" for c in "abc"[:parts]]
        else:
            return self.relabel(unit)  # cannot be divided again: the services relabel
        for div in divisions:
            self.derive([unit], parent["batch"], parent["din"], div)
            self.units[unit]["disposition"] = Disposition.IN_STOCK  # until the last part
        self.units[unit]["disposition"] = Disposition.TRANSFORMED
        return None

    def relabel(self, unit: int) -> None:
        self.derive([unit], self.units[unit]["batch"], None, self.units[unit]["division"])

    def pool_units(self, parents: list[int]) -> None:
        batches = sorted({self.units[p]["batch"] for p in parents})
        batch = batches[0] if len(batches) == 1 else self.pool_batch(batches, 0)
        self.derive(parents, batch, None, "00")

    def pool_batch(self, sources: list[int], units: int) -> int:
        pool = self.batch(None, 0)
        self.sources += [(pool, s) for s in sources]
        for _ in range(units):
            self.unit(pool)
        return pool

    def recipient(self, donor: int | None) -> int:
        r = next(IDS)
        self.recipients[r] = {"code": f"PR{r}", "donor": donor}
        return r

    def give(self, op: str, a: int, b: int) -> None:
        unit = _pick(self.usable(), a)
        if b % 3 == 0 or not self.recipients:
            who = self.recipient(None)
        else:
            who = _pick(self.recipients, b)
        if op == "intend":
            self.units[unit]["intended"] = who
        else:
            self.given[unit] = who
            self.units[unit]["disposition"] = Disposition.ADMINISTERED

    def apply(self, op: str, a: int, b: int, c: int) -> None:  # noqa: C901 - one case per op
        pick = _pick
        if op == "donor":
            self.donor(1 + b % 3)
        elif op == "collection":
            self.collection(pick(self.donors, a), 1 + b % 3)
        elif op == "batch":
            self.batch(pick(self.collections, a), b % 4)
        elif op in ("split", "relabel") and self.usable():
            unit = pick(self.usable(), a)
            self.split(unit, 2 + b % 2) if op == "split" else self.relabel(unit)
        elif op == "pool_units" and len(self.usable()) >= 2:
            usable = self.usable()
            parents = list(dict.fromkeys(pick(usable, i) for i in (a, a + 1 + b, c)))
            self.pool_units(parents[: 2 + c % 2])
        elif op == "pool_batches" and len(self.batches) >= 2:
            ids = list(self.batches)
            self.pool_batch(sorted({pick(ids, a), pick(ids, a + 1 + b % (len(ids) - 1))}), c % 3)
        elif op in ("administer", "intend") and self.usable():
            self.give(op, a, b)
        elif op == "recipient":
            self.recipient(pick(self.donors, a) if b % 2 else None)
        elif op == "void":
            table = (self.donors, self.collections, self.batches, self.units)[a % 4]
            table[pick(table, b)]["voided"] = True

    # -- writing -----------------------------------------------------------------------------

    def save(self, session: Session) -> None:
        for d, x in self.donors.items():
            session.add(
                Donor(
                    id=d,
                    code=x["code"],
                    donor_type=DonorType.ALLOGENEIC,
                    eligibility=Eligibility.ELIGIBLE,
                    infectious=False,
                    registered_at=T0,
                    voided_reason="wrong entry" if x["voided"] else None,
                )
            )
        for c, x in self.collections.items():
            session.add(
                Collection(
                    id=c,
                    code=x["code"],
                    donor_id=x["donor"],
                    material="cord",
                    collected_at=T0 + timedelta(minutes=c),
                    accepted=True,
                    coi_id=x["coi"],
                    voided_reason="wrong entry" if x["voided"] else None,
                )
            )
        session.flush()
        for b, x in self.batches.items():
            session.add(
                Batch(
                    id=b,
                    number=x["number"],
                    product_type_id=1,
                    collection_id=x["collection"],
                    is_pool=x["collection"] is None,
                    coi_id=x["coi"],
                    status=BatchStatus.RELEASED,
                    created_at=T0 + timedelta(minutes=b),
                    created_by="prop",
                    voided_reason="wrong entry" if x["voided"] else None,
                )
            )
        session.flush()
        session.add_all(BatchSource(pool_batch_id=p, source_batch_id=s) for p, s in self.sources)
        for r, x in self.recipients.items():
            session.add(Recipient(id=r, code=x["code"], initials="XX", donor_id=x["donor"]))
        session.flush()
        for u, x in self.units.items():
            session.add(
                ProductUnit(
                    id=u,
                    din=x["din"],
                    product_code="S1389V" + x["division"][:2],
                    division=x["division"],
                    batch_id=x["batch"],
                    container_type="bag",
                    quality_status=QualityStatus.RELEASED,
                    disposition=x["disposition"],
                    intended_recipient_id=x["intended"],
                    site_id=1,
                    created_at=T0,
                    created_by="prop",
                    voided_reason="wrong entry" if x["voided"] else None,
                )
            )
        session.flush()
        session.add_all(
            UnitLink(
                parent_unit_id=p,
                child_unit_id=c,
                kind=LinkKind.SPLIT,
                reason="prop",
                linked_at=T0,
                linked_by="prop",
            )
            for p, c in self.links
        )
        session.add_all(
            Administration(
                unit_id=u,
                recipient_id=r,
                started_at=T0,
                administered_by="prop",
                verified_by="prop2",
            )
            for u, r in self.given.items()
        )
        session.commit()

    # -- the reference walk ------------------------------------------------------------------

    def donors_of_batch(self, batch: int) -> set[int]:
        found, seen, todo = set(), set(), [batch]
        while todo:
            b = todo.pop()
            if b in seen:
                continue
            seen.add(b)
            if self.batches[b]["collection"] is not None:
                found.add(self.collections[self.batches[b]["collection"]]["donor"])
            todo += [s for p, s in self.sources if p == b]
        return found

    def ancestors(self, unit: int) -> set[int]:
        found, todo = set(), [unit]
        while todo:
            u = todo.pop()
            if u not in found:
                found.add(u)
                todo += [p for p, c in self.links if c == u]
        return found

    def up(self, kind: str, ident: int | str) -> tuple[set[int], set[int]]:
        """(donors, batches) a record descends from: "back" up the chain."""
        if kind == "donor":
            return {int(ident)}, set()
        if kind == "collection":
            return {self.collections[int(ident)]["donor"]}, set()
        if kind == "coi":
            donors = {x["donor"] for x in self.collections.values() if x["coi"] == ident}
            batches = {b for b, x in self.batches.items() if x["coi"] == ident}
        elif kind == "batch":
            donors, batches = set(), {int(ident)}
        else:
            if kind == "unit":
                units = {int(ident)}
                donors = set()
            else:
                units = {u for u, r in self.given.items() if r == ident}
                units |= {u for u, x in self.units.items() if x["intended"] == ident}
                donor = self.recipients[int(ident)]["donor"]
                donors = {donor} if donor else set()
            above = set().union(*(self.ancestors(u) for u in units)) if units else set()
            batches = {self.units[u]["batch"] for u in above}
        for b in batches:
            donors |= self.donors_of_batch(b)
        return donors, batches

    def down(self, donors: set[int], batches: set[int]) -> dict[str, set[int]]:
        """Everything downstream of the donors (and of the given batches)."""
        cols = {c for c, x in self.collections.items() if x["donor"] in donors}
        batches = batches | {b for b, x in self.batches.items() if x["collection"] in cols}
        while new := {p for p, s in self.sources if s in batches} - batches:
            batches |= new
        units = {u for u, x in self.units.items() if x["batch"] in batches}
        while new := {c for p, c in self.links if p in units} - units:
            units |= new
        batches |= {self.units[u]["batch"] for u in units}
        recipients = {self.given[u] for u in units if u in self.given}
        recipients |= {self.units[u]["intended"] for u in units} - {None}
        recipients |= {r for r, x in self.recipients.items() if x["donor"] in donors}
        return {
            "donor": donors,
            "collection": cols,
            "batch": batches,
            "unit": units,
            "recipient": recipients,
        }

    def code(self, kind: str, ident: int) -> str:
        if kind == "unit":
            u = self.units[ident]
            return u["din"] if u["division"] == "00" else f"{u['din']}/{u['division']}"
        table = {"donor": self.donors, "collection": self.collections}
        table |= {"batch": self.batches, "recipient": self.recipients}
        x = table[kind][ident]
        return str(x.get("code") or x["number"])


def _pick(items: Any, index: int) -> Any:
    ordered = list(items)
    return ordered[index % len(ordered)]


def _start(g: Genealogy, kind: str, index: int) -> tuple[str, int | str, str]:
    """(kind, id or COI text, identifier as typed) of a random record of the genealogy."""
    if kind == "coi":
        coi = _pick(sorted({x["coi"] for x in g.batches.values()}), index)
        return "coi", coi, coi
    table = {"donor": g.donors, "collection": g.collections, "batch": g.batches}
    table |= {"unit": g.units, "recipient": g.recipients}
    ident = _pick(table[kind], index)
    return kind, ident, g.code(kind, ident)


def _expected_ref(g: Genealogy, kind: str, ident: int | str) -> NodeRef:
    if kind != "coi":
        if kind == "unit":  # a bare DIN names its first unit (the undivided parent)
            din = g.units[int(ident)]["din"]
            if g.units[int(ident)]["division"] == "00":
                ident = min(u for u, x in g.units.items() if x["din"] == din)
        return NodeRef(kind, int(ident))  # type: ignore[arg-type]
    return NodeRef("batch", min(b for b, x in g.batches.items() if x["coi"] == ident))


def _check_tree(g: Genealogy, roots: tuple[TraceNode, ...], want: dict[str, set[int]]) -> None:
    seen: dict[str, set[int]] = {k: set() for k in want}
    stack = [(None, r) for r in roots]
    while stack:
        parent, node = stack.pop()
        kind, ident = node.ref.kind, node.ref.id
        seen[kind].add(ident)
        if parent is None:
            assert kind == "donor" or not want["donor"], node
        else:
            assert _came_from(g, parent.ref, node.ref), (parent.ref, node.ref)
        stack += [(node, c) for c in node.children]
    for kind in ("donor", "collection", "batch", "unit"):
        assert seen[kind] == want[kind], kind
    assert seen["recipient"] == {g.given[u] for u in want["unit"] if u in g.given}


def _came_from(g: Genealogy, parent: NodeRef, child: NodeRef) -> bool:
    """Whether the tree may show ``child`` under ``parent``: only along a real edge."""
    p, c = parent.id, child.id
    edges = {
        ("donor", "collection"): lambda: g.collections[c]["donor"] == p,
        ("collection", "batch"): lambda: g.batches[c]["collection"] == p,
        ("batch", "batch"): lambda: (c, p) in g.sources,
        ("batch", "unit"): lambda: g.units[c]["batch"] == p,
        ("unit", "unit"): lambda: (p, c) in g.links,
        ("unit", "recipient"): lambda: g.given.get(p) == c,
    }
    edge = edges.get((parent.kind, child.kind))
    return edge is not None and bool(edge())


@st.composite
def genealogies(draw: st.DrawFn) -> Genealogy:
    g = Genealogy()
    for _ in range(draw(st.integers(1, 3))):
        g.donor(draw(st.integers(1, 3)))
    ops = st.tuples(st.sampled_from(OPS), *(st.integers(0, 40),) * 3)
    for op, a, b, c in draw(st.lists(ops, max_size=14)):
        g.apply(op, a, b, c)
    return g


def _site(engine: Any) -> None:
    with Session(engine) as session:
        session.add(Site(id=1, code="PROP", name="prop", kind=SiteKind.MANUFACTURER))
        session.add(
            ProductType(
                id=1,
                code="S1389",
                name_en="MSC",
                name_zh="间充质干细胞",
                category=ProductCategory.MSC,
                storage_condition_en="-150",
                storage_condition_zh="-150",
                shelf_life_hours=8760,
            )
        )
        session.commit()


STARTS = st.lists(
    st.tuples(
        st.sampled_from(("donor", "collection", "batch", "coi", "unit", "recipient")),
        st.integers(0, 40),
        st.booleans(),  # typed in lower case
    ),
    min_size=1,
    max_size=4,
)


@pytest.mark.req("R-ID-03", "R-ID-07", "R-ID-11", "R-SYS-04")
def test_trace_matches_a_brute_force_walk(db_url: str) -> None:
    engine = make_engine(db_url)
    schema.upgrade(engine)
    _site(engine)
    service = TraceService(engine)
    examples = 25 if engine.dialect.name == "postgresql" else 60

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(genealogies(), STARTS)
    def check(g: Genealogy, starts: list[tuple[str, int, bool]]) -> None:
        with Session(engine) as session:
            g.save(session)
        for wanted, index, lower in starts:
            if wanted == "recipient" and not g.recipients:
                continue
            kind, ident, text = _start(g, wanted, index)
            want = g.down(*g.up(kind, ident))
            trace = service.trace(text.lower() if lower else text)
            assert trace.focus_kind == kind
            got = {
                "donor": {d.code for d in trace.donors},
                "collection": {c.code for c in trace.collections},
                "batch": {b.number for b in trace.batches},
                "unit": {u.code for u in trace.units},
                "recipient": {r.code for r in trace.recipients},
            }
            assert got == {k: {g.code(k, i) for i in ids} for k, ids in want.items()}, text
            voided = {d.code for d in trace.donors if d.voided}
            voided |= {u.code for u in trace.units if u.voided}
            voided |= {b.number for b in trace.batches if b.voided}
            voided |= {c.code for c in trace.collections if c.voided}
            assert voided == {
                g.code(k, i)
                for k, table in (
                    ("donor", g.donors),
                    ("collection", g.collections),
                    ("batch", g.batches),
                    ("unit", g.units),
                )
                for i in want[k]
                if table[i]["voided"]
            }

            ref = service.find(text.lower() if lower else text)
            assert ref == _expected_ref(g, kind, ident), text
            tree = service.tree(ref)
            assert tree.focus == ref
            if want["donor"]:
                _check_tree(g, tree.roots, g.down(*g.up(ref.kind, ref.id)))
            else:  # a recipient with no donor and no unit: shown alone
                assert [n.ref for n in tree.roots] == [ref]

    check()
    engine.dispose()
