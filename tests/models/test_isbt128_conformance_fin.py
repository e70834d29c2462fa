"""ISBT 128 conformance (issue 15): FIN characters, product codes by category, scanner framing.

Expected values come from the rules of ICCBBA ST-001 v6.2.2 (as republished in
``pdesiatnyk/ISBT128`` ``documents/iccbba.md``), never from the code under test:

* §2.4.1: FIN = α {A-N, P-Z, 1-9}, then two of {A-N, P-Z, 0-9}, then two digits
  (example ``ABC12``).  The letter O appears nowhere in a FIN.
* §2.4.3: the meaning of ``tds`` depends on α.  E, F, H, S, P, X0, YA-YZ: collection type +
  division (Figure 3, ``S12954A0``); M, N, R, T, V, W: a three-digit division (Figure 4,
  ``T1295003``); X1-X9: ``000`` reserved; A-D: national/local codes with alphanumeric ``oooo``
  (the standard's examples AE134, BT123, CRA12, DAX12, A1234) and ``tds`` set by the assigner.

Vectors taken from a public independent implementation, ``pdesiatnyk/ISBT128``
``typescript/test/parser.test.ts``: the DINs ``=A99991712345600``, ``=G12341765432170`` (Type 3
flags 70) and ``=Z54991712345600``, and the tissue product code ``=<T0416003`` (its ST-012
Data Matrix example).  Scanner framing (STX ... ETX around a read, with CR/LF) follows the
serial-scanner convention that issue 15 reports (``\\x02=G12341765432100\\r\\n\\x03``).
"""

from __future__ import annotations

import pytest

from models.isbt128 import (
    CoiScan,
    DinScan,
    IllegalCharacterError,
    ProductCode,
    ProductCodeScan,
    describe_din_check,
    parse_product_code,
    parse_scan,
)
from models.isbt128.din import din_from_keyboard, make_din
from models.isbt128.framing import strip_framing

FIN_FIRST = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789"
FIN_MIDDLE = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789"
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def refused_at(text: str) -> tuple[int, str]:
    with pytest.raises(IllegalCharacterError) as info:
        parse_scan(text)
    return int(info.value.params["position"]), str(info.value.params["char"])


# --- FIN characters (ST-001 §2.4.1) -----------------------------------------------------------


def test_letter_o_in_fin_is_refused_where_issue_15_found_it() -> None:
    assert refused_at("=A9O991712345600") == (4, "'O'")
    verdict = describe_din_check("=A9O991712345600")
    assert verdict["valid"] is False
    assert verdict["check_character"] is None  # no K for a DIN that cannot exist
    assert verdict["error_code"] == "isbt128_character"
    assert "O" in str(verdict["reason_en"]) and "O" in str(verdict["reason_zh"])


@pytest.mark.parametrize("char", ALNUM)
def test_fin_characters_2_and_3_follow_the_standard(char: str) -> None:
    for text in (f"=A{char}9991712345600", f"=A9{char}991712345600"):
        if char in FIN_MIDDLE:
            scan = parse_scan(text)
            assert isinstance(scan, DinScan)
        else:
            assert char == "O"
            assert refused_at(text)[1] == "'O'"


@pytest.mark.parametrize("char", "ABOZ")
def test_fin_characters_4_and_5_are_digits(char: str) -> None:
    assert refused_at(f"=A99{char}91712345600") == (5, f"'{char}'")
    assert refused_at(f"=A999{char}1712345600") == (6, f"'{char}'")


def test_standard_example_abc12_and_zero_after_the_first_character() -> None:
    for text, fin in (("=ABC121712345600", "ABC12"), ("=A09991712345600", "A0999")):
        scan = parse_scan(text)
        assert isinstance(scan, DinScan) and scan.din.facility == fin


def test_typed_din_and_constructor_refuse_letter_o() -> None:
    with pytest.raises(IllegalCharacterError) as info:
        din_from_keyboard("A9O99 17 123456 X")
    assert info.value.params["position"] == 3
    with pytest.raises(IllegalCharacterError):
        make_din("AO999", 17, 123456)


def test_coi_uses_the_same_fin_rule() -> None:
    assert refused_at("&/CHA9O9923AB12Z9") == (7, "'O'")
    scan = parse_scan("&/CHABC1223AB12Z9")
    assert isinstance(scan, CoiScan) and scan.coi.facility == "ABC12"


@pytest.mark.parametrize(
    ("text", "fin", "flags"),
    [  # pdesiatnyk/ISBT128 typescript/test/parser.test.ts
        ("=A99991712345600", "A9999", "00"),
        ("=G12341765432170", "G1234", "70"),
        ("=Z54991712345600", "Z5499", "00"),
    ],
)
def test_independent_din_vectors_still_read(text: str, fin: str, flags: str) -> None:
    scan = parse_scan(text)
    assert isinstance(scan, DinScan)
    assert (scan.din.facility, scan.din.flags) == (fin, flags)


# --- product codes by category (ST-001 §2.4.3) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "division_code"),
    [
        ("=<T0416003", "003"),  # pdesiatnyk/ISBT128 typescript/test/parser.test.ts (ST-012)
        ("=<T1295003", "003"),  # ST-001 Figure 4
        ("=<M0001013", "013"),  # human milk, third division
        ("=<N0001000", "000"),
        ("=<R0001120", "120"),
        ("=<V0001001", "001"),
        ("=<W0001099", "099"),  # a division, not the DS032 trigger of Figure 3 codes
    ],
)
def test_three_digit_division_categories(text: str, division_code: str) -> None:
    scan = parse_scan(text)
    assert isinstance(scan, ProductCodeScan)
    code = scan.product_code
    assert not code.has_collection_type
    assert code.division_code == division_code
    assert not code.divisions_in_ds032
    assert code.data_content() == text


@pytest.mark.parametrize(
    ("text", "position", "char"),
    [
        ("=<T0416A03", 8, "A"),
        ("=<T041600a", 10, "a"),
        ("=<M00010-3", 9, "-"),
        ("=<X1001V00", 8, "V"),  # X1-X9: tds reserved, 000
        ("=<X5000001", 10, "1"),
        ("=<S1A954A0", 5, "A"),  # ICCBBA-assigned PDCs are numeric after α
        ("=<AE13-000", 7, "-"),
        ("=<Ae134000", 4, "e"),
        ("=<DAX12A0A", 10, "A"),  # national/local s is 0-9 or a-z
        ("=<G12954A0", 3, "G"),
    ],
)
def test_product_code_refusals_by_category(text: str, position: int, char: str) -> None:
    assert refused_at(text) == (position, repr(char))


@pytest.mark.parametrize(
    "text",
    [
        "=<AE134000",  # national, ST-001's example codes
        "=<BT1230A0",
        "=<CRA12V0a",
        "=<DAX12000",  # local/facility
        "=<A1234x99",
        "=<X00014A0",  # X0: plasma derivatives read like blood components
        "=<X5000000",
        "=<S12954A0",  # ST-001 Figure 3
        "=<E0001V00",
    ],
)
def test_other_categories_read(text: str) -> None:
    scan = parse_scan(text)
    assert isinstance(scan, ProductCodeScan)
    assert scan.product_code.data_content() == text


def test_collection_type_categories_keep_their_fields() -> None:
    code = parse_product_code("S1295 4 A0")
    assert code.has_collection_type and code.division_code == "A0"
    assert ProductCode("S1295", "4", "99").divisions_in_ds032
    assert parse_product_code("T0416003") == ProductCode("T0416", "0", "03")


# --- scanner framing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "body"),
    [
        ("\x02=G12341765432100\r\n\x03", "=G12341765432100"),  # issue 15's read
        ("\x02=G12341765432100\x03\r\n", "=G12341765432100"),
        ("\x02=G12341765432100\x03", "=G12341765432100"),
        ("\x02]C0=<S12954A0\r\x03", "]C0=<S12954A0"),
        ("\x02=A99991712345600", "=A99991712345600"),  # prefix only
        ("=A99991712345600\r\n", "=A99991712345600"),  # no framing at all
        ("\r\n\x02\r\n", ""),
        ("", ""),
    ],
)
def test_strip_framing(raw: str, body: str) -> None:
    assert strip_framing(raw) == body


def test_framed_read_parses_once_stripped() -> None:
    scan = parse_scan(strip_framing("\x02=G12341765432100\r\n\x03"))
    assert isinstance(scan, DinScan)
    assert scan.din.number == "G123417654321"


@pytest.mark.parametrize("raw", ["=A9999171\x0223456\x0300", "\x03=A99991712345600\x02"])
def test_control_characters_that_are_not_framing_stay(raw: str) -> None:
    assert strip_framing(raw) == raw


def test_a_framed_scan_reads_through_the_scan_entry_point() -> None:
    """The framing is removed where every scan point reads (split_scan, under parse_scan)."""
    from models.isbt128.structures import parse_scan

    framed = parse_scan("\x02=G12341765432100\r\n\x03")
    assert framed == parse_scan("=G12341765432100")
