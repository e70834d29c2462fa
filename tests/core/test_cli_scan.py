"""`celltrail scan STRING --json` (issue 15): any scan parsed through the same entry points
the scan router and the double-check use — one structure, concatenated or DS023 compound,
framed or with an AIM prefix; structures CellTrail does not act on are listed, not dropped.

The peer compound message is the UDI example of pdesiatnyk/ISBT128
(showcase/src/data/sampleSerials.ts), as in tests/models/test_isbt128_compound.py.
"""

from __future__ import annotations

import json

import pytest

from models.cli.app import run

PEER_UDI = "=+06000=/A9999XYZ100T0476=,000025=A99971712345600=>019032=}017032&,1000000000000XYZ123"
OWN_LABEL = "]d1=+04000=A99902600000500=<S1389V00&>0273172135&}0263172135"


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
    assert len(structures) == 6  # type: ignore[arg-type]
    assert "raw" in [s["kind"] for s in structures]  # type: ignore[attr-defined]


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
