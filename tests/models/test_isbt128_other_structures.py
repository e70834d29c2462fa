"""The structures CellTrail reads without acting on them (issue 15): exact length and the
format of every character (ST-001 §2.2), the variable lengths, where a facility-defined
structure ends, the DS032 trigger, and fuzzing of every reading entry point.

The character pictures below are written from ST-001 v6.2.2's element tables (§2.4.2-2.4.39,
as republished in pdesiatnyk/ISBT128 ``documents/iccbba.md``), not taken from the code's own
format table, so a wrong rule in ``other_structures.FORMATS`` fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.isbt128 import (
    DinScan,
    IllegalCharacterError,
    Isbt128Error,
    OtherStructureScan,
    ProductCodeScan,
    WrongLengthError,
    parse_concatenated,
    parse_scan,
)
from models.isbt128.compound import read_compound
from models.isbt128.scans import data_of, divisions_missing
from models.kernel.errors import DomainError

DIGIT, UPPER = set("0123456789"), set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
CLASSES = {
    "n": DIGIT,  # numeric {0-9}
    "A": DIGIT | UPPER,  # alphanumeric {A-Z; 0-9}
    "x": DIGIT | UPPER | set("abcdefghijklmnopqrstuvwxyz"),  # {A-Z; a-z; 0-9}
    "F": (DIGIT | UPPER) - {"O", "0"},  # FIN α {A-N; P-Z; 1-9}
    "P": (DIGIT | UPPER) - {"O"},  # FIN p / FIN(P) {A-N; P-Z; 0-9}
    "Z": DIGIT - {"0"},  # ION first digit: not 0
}
PROBES = ("O", "0", "a", "A", "-", "é")  # each position is tried with those outside its class
FIN = "FPPnn"
PICTURES = {  # data content after the data identifier
    "=%": "xxAA",  # DS002 gg r e
    "&(": "A" * 5,  # DS010
    "={": "n" * 18,  # DS011 (retired)
    "=\\": "n" * 18,  # DS012
    "&\\": "n" * 18,  # DS013
    "&{": "n" * 18,  # DS014
    "=[": "n" * 18,  # DS015 (retired)
    '="': "n" * 18,  # DS016 (retired)
    "=)": "xAA" + "x" * 7,  # DS017 b qq wwwwwww
    "&)": "x" * 10,  # DS018
    "=;": FIN + "n" * 16,  # DS019
    "='": FIN + "A" * 6,  # DS020
    "=-": "AA" + "x" * 8,  # DS021
    "&-": "x" * 10,  # DS022
    "=#": "n" * 10,  # DS024
    "=]": "n" * 6,  # DS026
    '&"': "n" * 18,  # DS027
    "=$": FIN + "n" * 11,  # DS028
    "=(": "n" * 16,  # DS031
    "=,": "A" * 6,  # DS032
    "&+": "P" * 5 + "A" * 6,  # DS033
    "=/": "P" * 5 + "A" * 11,  # DS034
    "&,1": "A" * 18,  # DS035
    "&,2": "A" * 18,  # DS036
    "&,3": "Znnn" + "A" * 15,  # DS037 (retired)
    "&,4": "x" * 32 + "n" * 8,  # DS038 (ST-012: the expiry is YYYYMMDD)
    "&:": "Znnn" + "A" * 13 + "nn",  # DS039
}
VECTORS = json.loads((Path(__file__).parent / "isbt128_vectors.json").read_text("utf-8"))


def _example(di: str) -> str:
    """An accepted single-structure vector of that data identifier."""
    return next(
        v["input"]
        for v in VECTORS
        if v["expect"] == "accept"
        and v["entry"] == "read"
        and len(v["structures"]) == 1
        and v["input"].startswith(di)
    )


@pytest.mark.parametrize("di", list(PICTURES))
def test_exact_length_and_every_character_checked(di: str) -> None:
    example, picture = _example(di), PICTURES[di]
    content = example[len(di) :]
    assert len(content) == len(picture), example  # the vector itself matches the picture
    assert isinstance(parse_scan(example), OtherStructureScan)
    for wrong in (example[:-1], example + "0"):
        with pytest.raises(WrongLengthError):
            parse_scan(wrong)
    for index, kind in enumerate(picture):
        for probe in (p for p in PROBES if p not in CLASSES[kind]):
            mutated = example[: len(di) + index] + probe + example[len(di) + index + 1 :]
            with pytest.raises(IllegalCharacterError) as caught:
                parse_concatenated(mutated)
            assert caught.value.params["position"] == len(di) + index + 1, mutated


def test_a_blood_group_bar_code_is_never_read_as_special_testing() -> None:
    """ST-001 §2.2's own example: the data identifier decides, before any content."""
    assert parse_scan("=%6200").structure == "DS002"  # type: ignore[union-attr]
    assert parse_scan("=\\620000000000000000").structure == "DS012"  # type: ignore[union-attr]
    with pytest.raises(WrongLengthError):
        parse_scan("=%620000000000000000")


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("&#0100", 6),  # DS025 with an empty patient number: ll says 0
        ("&#0112ABCdef123456", 18),
        ("&$00", 4),  # DS029 with no dimensions
        ("&%001" + "0040010101", 15),
    ],
)
def test_variable_lengths_come_from_their_count(text: str, length: int) -> None:
    scan = parse_scan(text)
    assert isinstance(scan, OtherStructureScan) and len(scan.data) == length
    with pytest.raises(WrongLengthError):
        parse_scan(text[:-1] if length > 4 else text + "0")


def test_retired_structures_are_read_and_marked() -> None:
    for text in ("={123456789012345601", "=[010203040506070809", "&,33553000000000000001"):
        scan = parse_scan(text)
        assert isinstance(scan, OtherStructureScan) and scan.retired
    assert not parse_scan("=%6200").retired  # type: ignore[union-attr]


def test_a_facility_structure_ends_where_the_next_iccbba_structure_parses() -> None:
    din = "=A99991712345600"
    parts = parse_concatenated("]C4&zX=Y" + din + "=%6200")
    assert [data_of(p) for p in parts] == ["&zX=Y", din, "=%6200"]
    parts = parse_concatenated("&zX=Y&aZ" + din)  # another facility DI is no boundary
    assert [data_of(p) for p in parts] == ["&zX=Y&aZ", din]
    scan = parse_scan("]C0&zX" + din)  # one linear bar code: all of it is the facility's
    assert isinstance(scan, OtherStructureScan) and scan.data == "&zX" + din
    scan = parse_scan("]C4&zX" + din)  # concatenated: the DIN is found and the rest kept
    assert isinstance(scan, DinScan) and scan.others[0].data == "&zX"  # type: ignore[union-attr]


def test_product_divisions_are_recorded_with_a_99_product_code() -> None:
    parts = parse_concatenated("]C4=<S1295499=,A1B2C3")
    product = parts[0]
    assert isinstance(product, ProductCodeScan) and product.product_divisions == "A1B2C3"
    assert not divisions_missing(parts)
    lone = parse_concatenated("=<S1295499&>0183652359")
    assert divisions_missing(lone)
    two = parse_concatenated("=<S1295499=,000001=,000002")  # which one? not guessed
    assert divisions_missing(two)
    compound = read_compound("=+03000=A99991712345600=<S1295499=,000012")
    assert [getattr(p, "product_divisions", None) for p in compound] == [None, "000012", None]
    assert not divisions_missing(parse_concatenated("=<S12954A0"))  # 99 only


# --- fuzzing: every reading entry point answers with a value or an Isbt128Error -------------

DATA_IDENTIFIERS = [*PICTURES, "=+", "&#", "&$", "&%", "&;", "&!", "&a", "&z", "=A", "=<", "&>"]
READS = st.lists(
    st.tuples(
        st.sampled_from(DATA_IDENTIFIERS),
        st.text(st.sampled_from(list("0123456789AOZaz=&<>%,;!/:#$ -é")), max_size=24),
    ),
    min_size=1,
    max_size=5,
).map(lambda pieces: "".join(di + body for di, body in pieces))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", "]C0", "]C4", "]d1", "]d1=+03000"]), READS)
def test_property_only_isbt128_errors_escape(prefix: str, body: str) -> None:
    text = prefix + body
    for read in (parse_scan, parse_concatenated, read_compound):
        try:
            read(text)
        except Isbt128Error as exc:
            assert isinstance(exc, DomainError)
            assert exc.message("en") and exc.message("zh")
