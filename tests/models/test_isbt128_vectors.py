"""ISBT 128 conformance vectors (issue 15): every vector in ``isbt128_vectors.json`` is read
through the entry points the scan points use and must be accepted with the stated fields, or
refused with the stated reason class.

Where the vectors come from (each vector names its ``source``):

* own vectors, written from the rules of ICCBBA ST-001 v6.2.2 as summarised in
  /work/shared/domain/standards-and-peers.md §1 and read in the standard's republished text
  (pdesiatnyk/ISBT128 ``documents/iccbba.md``: §2.4.x element tables, Tables 3-6, 24, 25,
  Figures 5-9), never from the code under test;
* pdesiatnyk/ISBT128 (TypeScript/C#): ``typescript/test/parser.test.ts`` and
  ``showcase/src/data/sampleSerials.ts`` (also ``csharp/Iccbba.Isbt128.Tests/ParserTests.cs``);
* KnowledgeForwardSolutions/CheckDigits.Net (C#):
  ``CheckDigits.Net.Tests.Unit/Iso7064/Iso7064Mod37_2AlgorithmTests.cs`` — ISBT 128 DINs with
  their keyboard check character, and the transcription errors it must catch;
* WorldVistA/VistA-M (MUMPS, the VA blood bank): ``Routines/LRBLB.m`` — the ABO/RhD codes
  its ISBT 128 blood-group reader accepts (ISBTBG ranges and its G table);
* volkanulutas/atsec-server (Java): ``src/main/java/com/vem/atsecserver/data/
  barcodegeneration/SecCode.java`` — two Single European Codes (Eurocode and EUTC).

Where CellTrail deliberately differs from a peer, the vector says so in its ``note`` (a wrong
Type 3 flag is refused, not flagged; the retired DS015 must still be numeric; the printed
``SEC:`` text is not a bar code).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.isbt128 import (
    CoiScan,
    DateScan,
    DinScan,
    Isbt128Error,
    OtherStructureScan,
    ParsedScan,
    ProductCodeScan,
    parse_concatenated,
    parse_scan,
)
from models.isbt128 import errors as isbt_errors
from models.isbt128.scans import structure_of

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "isbt128_vectors.json").read_text(encoding="utf-8")
)
SOURCES = {v["source"].split(" ")[0] for v in VECTORS}


def _read(vector: dict[str, Any]) -> tuple[ParsedScan, ...]:
    if vector["entry"] == "read":
        return parse_concatenated(vector["input"])
    return (parse_scan(vector["input"]),)


def _fields(part: ParsedScan) -> dict[str, Any]:
    """Every part as comparable named fields (first occurrence of a repeated one)."""
    if isinstance(part, DinScan):
        din = part.din
        return {
            "fin": din.facility,
            "year": din.year,
            "sequence": din.sequence,
            "flags": din.flags,
            "flag_type": din.flag_type.value,
            "check_character": din.check_character,
        }
    if isinstance(part, ProductCodeScan):
        code = part.product_code
        return {
            "pdc": code.pdc,
            "donation_type": code.donation_type,
            "division": code.division,
            "product_divisions": part.product_divisions,
        }
    if isinstance(part, DateScan):
        time = f"{part.date.time:%H:%M}" if part.date.time else None
        return {"date": part.date.day.isoformat(), "time": time}
    if isinstance(part, CoiScan):
        return {"fin": part.coi.facility, "year": part.coi.year, "sequence": part.coi.sequence}
    assert isinstance(part, OtherStructureScan)
    found: dict[str, Any] = {}
    for field in part.fields:
        found.setdefault(field.name, field.value)
    return found


def test_the_vectors_cover_the_standard_and_at_least_two_independent_implementations() -> None:
    assert len(VECTORS) >= 100
    assert {"own:", "pdesiatnyk/ISBT128", "KnowledgeForwardSolutions/CheckDigits.Net"} <= SOURCES
    read = {s["structure"] for v in VECTORS if v["expect"] == "accept" for s in v["structures"]}
    every_ds = {f"DS{n:03d}" for n in range(1, 41)} - {"DS023"}  # DS023 frames the others
    assert every_ds | {"national", "non-ICCBBA"} <= read
    assert len({v["id"] for v in VECTORS}) == len(VECTORS)


@pytest.mark.parametrize("vector", [v for v in VECTORS if v["expect"] == "accept"], ids=str)
def test_accepted_with_its_fields(vector: dict[str, Any]) -> None:
    parts = _read(vector)
    expected = vector["structures"]
    assert [structure_of(p) for p in parts] == [s["structure"] for s in expected]
    for part, want in zip(parts, expected, strict=True):
        got = _fields(part)
        assert {name: got.get(name) for name in want["fields"]} == want["fields"]
        if "retired" in want:
            assert isinstance(part, OtherStructureScan) and part.retired is want["retired"]


@pytest.mark.parametrize("vector", [v for v in VECTORS if v["expect"] == "refuse"], ids=str)
def test_refused_for_its_reason(vector: dict[str, Any]) -> None:
    expected = getattr(isbt_errors, vector["error"])
    with pytest.raises(Isbt128Error) as caught:
        _read(vector)
    assert type(caught.value) is expected, caught.value.message("en")
    assert caught.value.message("en") and caught.value.message("zh")


@pytest.mark.parametrize("vector", [v for v in VECTORS if v["entry"] == "read"], ids=str)
def test_the_scan_router_entry_point_agrees(vector: dict[str, Any]) -> None:
    """parse_scan (scan router, bedside, receipt) gives the one structure, or the one DIN of a
    multi-structure read with every other structure kept; nothing but Isbt128Error escapes."""
    try:
        parts = _read(vector)
    except Isbt128Error:
        with pytest.raises(Isbt128Error):
            parse_scan(vector["input"])
        return
    dins = [p for p in parts if isinstance(p, DinScan)]
    first = parts[0]
    concatenation_aim = vector["input"].startswith(("]C4", "]d1"))
    if getattr(first, "structure", None) == "non-ICCBBA" and not concatenation_aim:
        # Read without a concatenation AIM, a facility-defined structure is one bar code's
        # data: all of it (structures.parse_at), whatever a concatenated reader would split.
        scan = parse_scan(vector["input"])
        assert isinstance(scan, OtherStructureScan) and scan.data == vector["input"]
        return
    if len(parts) == 1:
        assert _fields(parse_scan(vector["input"])) == _fields(parts[0])
    elif len(dins) == 1:
        scan = parse_scan(vector["input"])
        assert isinstance(scan, DinScan) and scan.din == dins[0].din
        assert len(scan.others) == len(parts) - 1
    else:
        with pytest.raises(Isbt128Error):
            parse_scan(vector["input"])
