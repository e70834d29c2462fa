"""`celltrail scan STRING --json` (issue 15): any scan parsed through the same entry points
the scan router and the double-check use — one structure, concatenated or DS023 compound,
framed or with an AIM prefix; structures CellTrail does not act on are listed, not dropped.

The peer compound messages are the UDI example and the ST-012 §6.2 Data Matrix symbol 1 of
pdesiatnyk/ISBT128 (showcase/src/data/sampleSerials.ts), as in
tests/models/test_isbt128_compound.py.  Every structure is listed with its fields; the human
output names them in the reader's language.
"""

from __future__ import annotations

import json

import pytest

from models.cli.app import run

PEER_UDI = "=+06000=/A9999XYZ100T0476=,000025=A99971712345600=>019032=}017032&,1000000000000XYZ123"
OWN_LABEL = "]d1=+04000=A99902600000500=<S1389V00&>0273172135&}0263172135"
PEER_SEC = (
    "=+05000=Z54991712345600=%T300=<T0416003&>0183652359&,4PL001499Z549917123456A00T041600320181231"
)


def _scan(text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = run(["scan", text, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_a_celltrail_labels_2d_code_reads_as_its_four_structures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, data = _scan(OWN_LABEL, capsys)
    assert code == 0 and data["compound"] is True and data["aim"] == "]d1"
    kinds = [s["kind"] for s in data["structures"]]  # type: ignore[attr-defined]
    assert kinds == ["din", "product_code", "date", "date"]
    din = data["structures"][0]["din"]  # type: ignore[index]
    assert din["number"] == "A999026000005" and din["check_character"] == "K"


def test_a_peer_compound_keeps_what_celltrail_does_not_act_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, data = _scan(PEER_UDI, capsys)
    assert code == 0 and data["compound_reference"] == "000"
    structures = data["structures"]
    assert isinstance(structures, list) and len(structures) == 6
    assert [s["structure"] for s in structures] == [
        "DS034",
        "DS032",
        "DS001",
        "DS004",
        "DS008",
        "DS035",
    ]
    assert structures[0]["fields"] == [
        {"name": "fin_p", "value": "A9999"},
        {"name": "fpc", "value": "XYZ100"},
        {"name": "pdc", "value": "T0476"},
    ]
    assert structures[5]["data"] == "&,1000000000000XYZ123"


def test_every_structure_of_a_peer_sec_symbol_is_listed_with_its_fields(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, data = _scan(PEER_SEC, capsys)
    structures = data["structures"]
    assert code == 0 and isinstance(structures, list)
    assert [s["structure"] for s in structures] == ["DS001", "DS002", "DS003", "DS005", "DS038"]
    blood = {f["name"]: f["value"] for f in structures[1]["fields"]}
    assert blood == {"abo_rhd": "T3", "rh_kell_mia": "0", "reserved": "0"}
    sec = {f["name"]: f["value"] for f in structures[4]["fields"]}
    assert sec["donation_number"] == "Z549917123456" and sec["coding_system"] == "A"
    assert structures[4]["retired"] is False
    monkeypatch.setenv("CELLTRAIL_LANG", "zh")
    assert run(["scan", PEER_SEC]) == 0
    shown = capsys.readouterr().out
    assert "血型 [ABO 和 RhD]" in shown and "单一欧洲代码（SEC）" in shown
    assert "唯一捐献编号 Z549917123456" in shown
    monkeypatch.setenv("CELLTRAIL_LANG", "en")
    assert run(["scan", PEER_SEC]) == 0
    shown = capsys.readouterr().out
    assert "DS002 Blood Groups [ABO and RhD]: ABO/RhD code T3" in shown
    assert "coding system A (ISBT 128)" in shown


def test_din_flag_types_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    """ST-001 Table 3: 05 is Type 1 (ICCBBA), 25 Type 2 (local), 70 Type 3 (checksum)."""
    for flags, flag_type, verified in (("05", "type1", False), ("25", "type2", False)):
        _code, data = _scan(f"=G123417654321{flags}", capsys)
        din = data["structures"][0]["din"]  # type: ignore[index]
        assert (din["flag_type"], din["flag_checksum_verified"]) == (flag_type, verified)
    _code, data = _scan("=G12341765432170", capsys)  # ST-001 Appendix A.2 worked example
    din = data["structures"][0]["din"]  # type: ignore[index]
    assert (din["flag_type"], din["flag_checksum_verified"]) == ("type3", True)
    assert run(["scan", "=G12341765432105"]) == 0
    assert "Type 1, defined by ICCBBA (second (or repeated) demand-printed label)" in (
        capsys.readouterr().out
    )
    code, data = _scan("=G12341765432171", capsys)  # a Type 3 flag that does not check out
    assert code == 1 and data["error"] == "isbt128_flag_checksum"


def test_product_divisions_are_recorded_with_a_99_product_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ST-001 §2.4.32: a product code ending 99 needs its DS032, read and recorded with it."""
    code, data = _scan("]C4=A99991712345600=<S1295499=,000012", capsys)
    product = data["structures"][1]  # type: ignore[index]
    assert code == 0 and product["product_divisions"] == "000012"
    assert data["product_divisions_missing"] is False
    code, data = _scan("]C4=A99991712345600=<S1295499", capsys)
    assert code == 0 and data["product_divisions_missing"] is True
    assert run(["scan", "=<S1295499"]) == 0
    assert "scan this product's Product Divisions bar code (DS032) too" in capsys.readouterr().out


def test_a_framed_single_structure_reads(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = _scan("\x02=G12341765432100\r\n\x03", capsys)
    assert code == 0 and data["compound"] is False
    assert data["structures"][0]["din"]["number"] == "G123417654321"  # type: ignore[index]


def test_a_bad_scan_is_refused_in_the_readers_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, data = _scan("=A9O991712345600", capsys)  # letter O in the FIN
    assert code == 1 and data["valid"] is False and "letter O" in str(data["reason"])
    monkeypatch.setenv("CELLTRAIL_LANG", "zh")
    assert run(["scan", "=A9O991712345600"]) == 1
    shown = capsys.readouterr()
    assert "字母 O" in shown.out + shown.err
