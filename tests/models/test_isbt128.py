"""ISBT 128 codec: worked examples from the domain doc, every refusal, and properties.

Expected values come from /work/shared/domain/standards-and-peers.md §1 (ST-001 v6.2.2
App. A, the UK Red Book and ST-001 label examples), never from the code under test.  The
check characters are also recomputed here with the weighted-sum form of ISO/IEC 7064
MOD 37-2, which is written differently from the recursive form in the package.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.isbt128 import (
    MAX_SCAN_CHARACTERS,
    CheckCharacterMismatchError,
    CoiScan,
    ConcatenatedScanError,
    DateKind,
    DateScan,
    Din,
    DinScan,
    EmptyScanError,
    FlagMismatchError,
    FlagType,
    ForeignBarcodeError,
    IllegalCharacterError,
    InvalidDateError,
    InvalidSequenceError,
    InvalidYearError,
    Isbt128Error,
    KeyboardEntryRefusedError,
    MissingCheckCharacterError,
    OtherStructureScan,
    ProductCode,
    ProductCodeScan,
    ReservedFlagError,
    ScanTooLongError,
    UnknownDataIdentifierError,
    UnsupportedStructureError,
    WrongLengthError,
    WrongStructureError,
    check_character,
    checksum,
    describe_din_check,
    is_valid_check_character,
    make_din,
    parse_concatenated,
    parse_din,
    parse_product_code,
    parse_scan,
    type3_flags,
)
from models.isbt128 import errors as isbt_errors
from models.kernel.errors import DomainError

# --- independent reference: ST-001 App. A weighted-sum form ------------------------------

REF_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"


def ref_weighted_sum(data: str) -> int:
    """Σ value·2^n with n counted from the right starting at 1 (doc §1.4 steps 1-3)."""
    return sum(REF_ALPHABET.index(ch) * 2**n for n, ch in enumerate(reversed(data), start=1))


def ref_checksum(data: str) -> int:
    return (38 - ref_weighted_sum(data) % 37) % 37


# (13-char DIN, Σ weighted, Σ mod 37, checksum, K, Type-3 flags) — doc §1.4 test-vector table
DOC_VECTORS = [
    ("G123417654321", 146178, 28, 10, "A", "70"),  # ST-001 App. A worked example
    ("G123498654321", 148354, 21, 17, "H", "77"),  # UK Red Book Annex 2
    ("A999818123456", 152048, 15, 23, "N", "83"),  # ST-001 label "A9998 18 123456 N"
    ("A999917123456", 152432, 29, 9, "9", "69"),
    ("A999917123654", 152444, 4, 34, "Y", "94"),
    ("A999820123456", 151280, 24, 14, "E", "74"),
    ("W000009123456", 263536, 22, 16, "G", "76"),  # ST-001 §7.4.1 "W0000 09 123456 02 G"
]


@pytest.mark.parametrize("vector", DOC_VECTORS, ids=[v[0] for v in DOC_VECTORS])
def test_doc_vectors_reference_and_package_agree(
    vector: tuple[str, int, int, int, str, str],
) -> None:
    din13, weighted, mod37, total, k, flags = vector
    assert ref_weighted_sum(din13) == weighted
    assert weighted % 37 == mod37
    assert ref_checksum(din13) == total
    assert checksum(din13) == total
    assert check_character(din13) == k
    assert type3_flags(din13) == flags
    assert is_valid_check_character(din13, k)


def test_is_valid_check_character_is_false_for_bad_input() -> None:
    assert not is_valid_check_character("A999818123456", "M")
    assert not is_valid_check_character("A999818123456", "NN")
    assert not is_valid_check_character("a999818123456", "N")  # lower case has no K


def test_checksum_refuses_lower_case_with_position() -> None:
    with pytest.raises(IllegalCharacterError) as info:
        checksum("AB1c")
    assert info.value.params["position"] == 4


# --- DIN: doc examples ---------------------------------------------------------------------


def test_app_a_bar_code_with_type3_flags() -> None:
    din = parse_din("=G12341765432170")
    assert din == Din("G1234", "17", "654321", "70")
    assert din.flag_type is FlagType.CHECKSUM
    assert din.check_character == "A"
    # Type 3 flags are not printed (§1.3), so they do not appear in the text.
    assert din.format_eye_readable() == "G1234 17 654321 A"


def test_label_example_w0000_with_printed_type1_flags() -> None:
    din = make_din("W0000", 9, 123456, "02")
    assert din.format_eye_readable() == "W0000 09 123456 02 G"
    assert din.data_content() == "=W00000912345602"
    assert din.flag_type is FlagType.ICCBBA
    assert parse_din("W0000 09 123456 02 G") == din


def test_label_example_a9998_default_flags_not_printed() -> None:
    din = make_din("A9998", "18", "123456")
    assert din.format_eye_readable() == "A9998 18 123456 N"
    assert din.data_content() == "=A99981812345600"
    assert din.is_test_facility
    assert din.flag_type is FlagType.UNUSED


def test_local_type2_flags_are_printed_and_can_be_hidden() -> None:
    din = make_din("A9998", 18, 123456, "42")
    assert din.flag_type is FlagType.LOCAL
    assert din.format_eye_readable() == "A9998 18 123456 42 N"
    assert din.format_eye_readable(include_flags=False) == "A9998 18 123456 N"


def test_with_type3_flags_uses_the_checksum() -> None:
    assert make_din("W0000", 9, 123456).with_type3_flags().flags == "76"


def test_pdesiatnyk_sample_din_parses() -> None:
    scan = parse_scan("=A99991712345600")
    assert isinstance(scan, DinScan)
    assert scan.din.number == "A999917123456"
    assert scan.din.check_character == "9"
    assert scan.entry == "barcode"


# --- scanner tolerance -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "aim"),
    [
        ("=A99981812345600", None),
        ("=A99981812345600\r\n", None),
        ("=A99981812345600\n", None),
        ("=A99981812345600\r", None),
        ("=A99981812345600\t", None),
        ("  =A99981812345600  ", None),
        ("]C0=A99981812345600\r\n", "]C0"),
        ("]C4=A99981812345600", "]C4"),
        ("]d1=A99981812345600\n", "]d1"),
    ],
)
def test_scanner_prefixes_and_line_endings(raw: str, aim: str | None) -> None:
    scan = parse_scan(raw)
    assert isinstance(scan, DinScan)
    assert scan.din.data_content() == "=A99981812345600"
    assert scan.aim == aim


@pytest.mark.parametrize(
    "typed",
    [
        "A9998 18 123456 N",
        "A999818123456N",
        "A9998  18  123456  N\r\n",
        "A9998 18 123456 [N]",
        "A9998 18 123456 (N)",
        "A99 981 812 3456 N",  # national groupings differ (§1.3)
        "A9998 18 123456 00 N",
    ],
)
def test_typed_eye_readable_forms(typed: str) -> None:
    scan = parse_scan(typed)
    assert isinstance(scan, DinScan)
    assert scan.entry == "keyboard"
    assert scan.din == make_din("A9998", 18, 123456)


def test_typed_check_character_may_be_star() -> None:
    number = next(f"A999818{n:06d}" for n in range(1000) if ref_checksum(f"A999818{n:06d}") == 36)
    din = parse_din(f"{number[:5]} {number[5:7]} {number[7:]} *")
    assert din.check_character == "*"


# --- every refusal ---------------------------------------------------------------------------


def refusal(text: str, **kwargs: Any) -> Isbt128Error:
    with pytest.raises(Isbt128Error) as info:
        parse_scan(text, **kwargs)
    return info.value


@pytest.mark.parametrize("text", ["", "   ", "\r\n", "]C0", "]C0\r\n"])
def test_empty_scan(text: str) -> None:
    assert isinstance(refusal(text), EmptyScanError)


@pytest.mark.parametrize(
    "text",
    [
        "]C1010950600013435217250101",  # GS1-128 by AIM identifier
        "]d2010950600013435217250101",  # GS1 DataMatrix
        "]E09506000134352",  # EAN-13
        "0109506000134352\x1d10ABC",  # FNC1 sent as GS
        "09506000134352",  # bare GTIN-14
        "9506000134352",  # bare EAN-13
        "(01)09506000134352(17)250101",  # GS1 human-readable text
    ],
)
def test_gs1_bar_codes_are_named(text: str) -> None:
    exc = refusal(text)
    assert isinstance(exc, ForeignBarcodeError)
    assert exc.params["kind"].message("en") == "GS1 bar code"
    assert "GS1" in exc.message("zh")


@pytest.mark.parametrize("text", ["hello", "]C0LOT-12345", "]Q1=A99981812345600", "]A0ABC"])
def test_plain_or_other_symbology_is_foreign(text: str) -> None:
    exc = refusal(text)
    assert isinstance(exc, ForeignBarcodeError)
    assert exc.params["kind"].message("en") != "GS1 bar code"


@pytest.mark.parametrize("text", ["=!123456", "&~12345", "&,9ABC", "&", "=", "=@"])
def test_unknown_data_identifier(text: str) -> None:
    exc = refusal(text)
    assert isinstance(exc, UnknownDataIdentifierError)
    assert exc.params["di"] == text[:2]


@pytest.mark.parametrize(
    ("text", "structure"),
    [
        ("=%6200", "DS002"),
        ("=\\620000000000000000", "DS012"),  # ST-001 §2.2: must not be read as a blood group
        ("&,4PL001499Z549917123456A00T041600320181231", "DS038"),
        ("&aSOME-LOCAL-DATA", "non-ICCBBA"),
    ],
)
def test_structures_celltrail_does_not_act_on_are_read_not_refused(
    text: str, structure: str
) -> None:
    scan = parse_scan(text)
    assert isinstance(scan, OtherStructureScan)
    assert (scan.structure, scan.data) == (structure, text)


@pytest.mark.parametrize(
    ("text", "expected", "actual"),
    [
        ("=A999917123456", 16, 14),  # truncated DIN (pdesiatnyk sample)
        ("=A99981812345600X", 16, 17),
        ("=<S12954A", 10, 9),
        ("&>01836523", 12, 10),
        ("=>01936", 8, 7),
        ("&/CHA99992300000", 17, 16),
    ],
)
def test_wrong_length(text: str, expected: int, actual: int) -> None:
    exc = refusal(text)
    assert isinstance(exc, WrongLengthError)
    assert (exc.params["expected"], exc.params["actual"]) == (expected, actual)


@pytest.mark.parametrize("typed", ["A9998 18 123456 0N", "A9998 18 1234 N", "A9998 18 123456 000N"])
def test_wrong_length_typed(typed: str) -> None:
    assert isinstance(refusal(typed), WrongLengthError)


def test_two_structures_in_one_scan_give_their_one_din() -> None:
    """A concatenated read names a product by its one DIN; the rest is kept with it."""
    scan = parse_scan("=A99981812345600=<S12954A0")
    assert isinstance(scan, DinScan) and scan.din.number == "A999818123456"
    assert [p.kind for p in scan.others] == ["product_code"]
    for text, next_di in (("=<S12954A0&>0183652359", "&>"), ("=A99981812345600" * 2, "=A")):
        exc = refusal(text)  # no DIN, or two: which product was meant?
        assert isinstance(exc, ConcatenatedScanError)
        assert exc.params["next_di"] == next_di


@pytest.mark.parametrize(
    ("text", "position", "char"),
    [
        ("=O99981812345600", 2, "O"),  # O is never a FIN first character
        ("=099981812345600", 2, "0"),
        ("=zINVALID_DI_TEST", 2, "z"),  # pdesiatnyk "unrecognized DI" sample
        ("=A9a981812345600", 4, "a"),
        ("=A99X81812345600", 5, "X"),  # pppp: last two must be digits
        ("=A9998A812345600", 7, "A"),
        ("=A99981812I45600", 11, "I"),
        ("=A999818123456O0", 15, "O"),
        ("]C0=A999818 2345600", 9, " "),
        ("=<G12954A0", 3, "G"),
        ("=<Sx2954A0", 4, "x"),
        ("=<S1295-A0", 8, "-"),
        ("=<S12954a0", 9, "a"),  # first division character is upper case
        ("=<S12954AB", 10, "B"),  # second division character is lower case
        ("=<YAB234A0", 5, "B"),  # clinical trial: YA000-YZ999
        ("&>01836523x9", 11, "x"),
        ("&/XHA999923000001", 3, "X"),
        ("&/CHA99992300000a", 17, "a"),
        ("A9998 18 12x456 N", 12, "x"),  # position counts the operator's spaces
        ("a9998 18 123456 N", 1, "a"),
        ("A9998 18 123456 -", 17, "-"),
    ],
)
def test_illegal_character_position(text: str, position: int, char: str) -> None:
    exc = refusal(text)
    assert isinstance(exc, IllegalCharacterError)
    assert exc.params["position"] == position
    assert exc.params["char"] == repr(char)
    assert f"character {position}" in exc.message("en")
    assert f"第 {position} 个字符" in exc.message("zh")


def test_wrong_check_character_says_expected_and_got() -> None:
    exc = refusal("A9998 18 123456 M")
    assert isinstance(exc, CheckCharacterMismatchError)
    assert (exc.params["expected"], exc.params["actual"]) == ("N", "M")
    assert "expected N, got M" in exc.message("en")
    assert "应为 N，实际为 M" in exc.message("zh")


def test_typed_din_without_check_character() -> None:
    assert isinstance(refusal("A9998 18 123456"), MissingCheckCharacterError)


def test_type3_flag_mismatch() -> None:
    exc = refusal("=G12341765432171")  # pdesiatnyk invalid Type 3 sample
    assert isinstance(exc, FlagMismatchError)
    assert (exc.params["expected"], exc.params["actual"]) == ("70", "71")


def test_type3_flag_mismatch_when_typed() -> None:
    assert isinstance(refusal("G1234 17 654321 71 A"), FlagMismatchError)


@pytest.mark.parametrize("flags", ["14", "97", "98", "99"])
def test_reserved_flags(flags: str) -> None:
    assert isinstance(refusal(f"=A999818123456{flags}"), ReservedFlagError)
    with pytest.raises(ReservedFlagError):
        make_din("A9998", 18, 123456, flags)


@pytest.mark.parametrize("year", [-1, 100, 2025, True])
def test_make_din_invalid_year(year: int) -> None:
    with pytest.raises(InvalidYearError):
        make_din("A9998", year, 1)


@pytest.mark.parametrize("sequence", [-1, 1_000_000])
def test_make_din_invalid_sequence(sequence: int) -> None:
    with pytest.raises(InvalidSequenceError):
        make_din("A9998", 18, sequence)


@pytest.mark.parametrize(
    ("facility", "year", "sequence", "error"),
    [
        ("A999", "18", "123456", WrongLengthError),
        ("A9998", "2025", "123456", WrongLengthError),
        ("A9998", "1x", "123456", IllegalCharacterError),
        ("O9998", "18", "123456", IllegalCharacterError),
    ],
)
def test_make_din_refuses_malformed_parts(
    facility: str, year: str, sequence: str, error: type[Isbt128Error]
) -> None:
    with pytest.raises(error):
        make_din(facility, year, sequence)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("=>019000", "day 000"),
        ("=>019366", "day 366 does not exist in 2019"),
        ("&>0183652400", "24:00"),
        ("&*0240011260", "12:60"),
    ],
)
def test_invalid_dates(text: str, fragment: str) -> None:
    exc = refusal(text)
    assert isinstance(exc, InvalidDateError)
    assert fragment in exc.message("en")


def test_wrong_structure_for_parse_din_and_parse_product_code() -> None:
    with pytest.raises(WrongStructureError) as info:
        parse_din("=<S12954A0")
    assert info.value.params["structure"] == "DS003"
    with pytest.raises(WrongStructureError):
        parse_product_code("=A99981812345600")


def test_typed_din_refused_where_scan_is_mandated() -> None:
    assert isinstance(refusal("A9998 18 123456 N", allow_keyboard=False), KeyboardEntryRefusedError)
    assert isinstance(parse_scan("=A99981812345600", allow_keyboard=False), DinScan)


def test_every_error_class_renders_both_languages_without_placeholders() -> None:
    samples = [
        "",
        "hello",
        "=!1",
        "=A99981812345600=+01000=<S12954A0",  # a compound nested in a concatenated read
        "=(3001202405011230",  # DS031 time zone 3 is not defined
        "&:3553000000000000127",  # GRID checksum 27, should be 28
        "=+02000=A99991712345600&aLOCAL",  # facility structure inside a compound message
        "=A999917123456",
        "=<S12954A0&>0183652359",
        "=O99981812345600",
        "A9998 18 123456 M",
        "A9998 18 123456",
        "=G12341765432171",
        "=A99981812345699",
        "=>019366",
        "=+05000=Z54991712345600",  # compound message announcing 5 structures, holding 1
        "=+01000=<S12954A0",  # compound message with no DIN, read where a DIN is needed
    ]
    seen: set[type[Isbt128Error]] = set()
    for text in samples:
        exc = refusal(text)
        seen.add(type(exc))
        for lang in ("en", "zh"):
            message = exc.message(lang)
            assert "{" not in message and "}" not in message.replace("'}'", "")
        assert re.search(r"[\u4e00-\u9fff]", exc.message("zh"))
        assert exc.code.startswith("isbt128")
    declared = {
        cls
        for cls in vars(isbt_errors).values()
        if isinstance(cls, type) and issubclass(cls, Isbt128Error) and cls is not Isbt128Error
    }
    untested_here = {
        InvalidYearError,
        InvalidSequenceError,
        WrongStructureError,
        KeyboardEntryRefusedError,
        ScanTooLongError,  # parse_concatenated only: see test_a_read_longer_than_any_symbol…
        isbt_errors.ProductDivisionsNeededError,  # raised where a unit is looked up
    }
    assert declared - untested_here <= seen
    assert issubclass(Isbt128Error, DomainError)


# --- other structures ------------------------------------------------------------------------


def test_product_code_figure3_example() -> None:
    scan = parse_scan("=<S12954A0")
    assert isinstance(scan, ProductCodeScan)
    code = scan.product_code
    assert (code.pdc, code.donation_type, code.division) == ("S1295", "4", "A0")
    assert code.is_cellular_therapy
    assert code.category_name == "cellular therapy"
    assert not code.divisions_in_ds032
    assert code.data_content() == "=<S12954A0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=<S1295499", ProductCode("S1295", "4", "99")),  # DS032 trigger (§2.4.32)
        ("=<S12954Ab", ProductCode("S1295", "4", "Ab")),
        ("=<YA1230A0", ProductCode("YA123", "0", "A0")),
        ("=<S1295V00", ProductCode("S1295", "V", "00")),
        ("S1295 4 A0", ProductCode("S1295", "4", "A0")),  # typed from the label
        ("]C0=<S12954A0\r\n", ProductCode("S1295", "4", "A0")),
    ],
)
def test_product_code_variants(text: str, expected: ProductCode) -> None:
    assert parse_product_code(text) == expected


def test_product_code_ds032_flag() -> None:
    assert ProductCode("S1295", "4", "99").divisions_in_ds032


@pytest.mark.parametrize(
    ("text", "kind", "day", "time"),
    [
        ("&>0183652359", DateKind.EXPIRATION, dt.date(2018, 12, 31), dt.time(23, 59)),
        ("=>019031", DateKind.EXPIRATION, dt.date(2019, 1, 31), None),
        ("=*024366", DateKind.COLLECTION, dt.date(2024, 12, 31), None),  # leap year
        ("&*0250011230", DateKind.COLLECTION, dt.date(2025, 1, 1), dt.time(12, 30)),
        ("=}025060", DateKind.PRODUCTION, dt.date(2025, 3, 1), None),
        ("&}0250600000", DateKind.PRODUCTION, dt.date(2025, 3, 1), dt.time(0, 0)),
    ],
)
def test_dates(text: str, kind: DateKind, day: dt.date, time: dt.time | None) -> None:
    scan = parse_scan(text)
    assert isinstance(scan, DateScan)
    assert (scan.date.kind, scan.date.day, scan.date.time) == (kind, day, time)
    assert scan.date.data_content() == text


def test_chain_of_identity_identifier() -> None:
    scan = parse_scan("&/CHA999923AB12Z9")
    assert isinstance(scan, CoiScan)
    assert (scan.coi.facility, scan.coi.year, scan.coi.sequence) == ("A9999", "23", "AB12Z9")
    assert scan.coi.text == "CHA999923AB12Z9"
    assert scan.coi.data_content() == "&/CHA999923AB12Z9"


def test_concatenated_read_and_2d_payload() -> None:
    scans = parse_concatenated("]C4=A99981812345600=<S12954A0\r\n")
    assert [s.kind for s in scans] == ["din", "product_code"]
    assert all(s.aim == "]C4" for s in scans)
    scans = parse_concatenated("=A99981812345600&/CHA999923000001&>0183652359")
    assert [s.kind for s in scans] == ["din", "coi", "date"]
    with pytest.raises(WrongLengthError):
        parse_concatenated("=A99981812345600=<S1295")
    with pytest.raises(UnsupportedStructureError):  # a compound message nested in a read
        parse_concatenated("=A99981812345600=+01000=<S12954A0")
    assert [s.kind for s in parse_concatenated("=A99981812345600=%6200")] == ["din", "other"]


def test_a_read_longer_than_any_symbol_is_refused_before_it_is_parsed() -> None:
    pasted = "=A99981812345600" * (2 * 1024 * 1024 // 16)  # 2 MB of valid-looking DINs
    with pytest.raises(ScanTooLongError) as caught:
        parse_concatenated(pasted)
    assert caught.value.params == {"length": len(pasted), "limit": MAX_SCAN_CHARACTERS}
    assert "3116" in caught.value.message("en") and "3116" in caught.value.message("zh")
    assert caught.value.message("en") != caught.value.message("zh")
    with pytest.raises(ScanTooLongError):  # one character over the bound is enough
        parse_concatenated("]d1" + "=A99981812345600" * 194 + "=<S12954A0" + "0" * 3)  # 3117


def test_the_longest_concatenation_a_data_matrix_holds_still_parses() -> None:
    group = "=A99981812345600&/CHA999923000001&>0183652359"
    text = group * (MAX_SCAN_CHARACTERS // len(group))
    scans = parse_concatenated("]d1" + text + "\r\n")
    assert len(scans) == 3 * (MAX_SCAN_CHARACTERS // len(group))
    assert [s.kind for s in scans[-3:]] == ["din", "coi", "date"]


# --- describe_din_check ----------------------------------------------------------------------


def test_describe_din_check_valid() -> None:
    verdict = describe_din_check("]C0=A99981812345600\r\n")
    assert verdict["valid"] is True
    assert verdict["din"] == "A999818123456"
    assert verdict["check_character"] == "N"
    assert verdict["eye_readable"] == "A9998 18 123456 N"
    assert verdict["reason_en"] and verdict["reason_zh"]
    json.dumps(verdict)


def test_describe_din_check_wrong_k_reports_the_right_one() -> None:
    verdict = describe_din_check("A9998 18 123456 M")
    assert verdict["valid"] is False
    assert verdict["din"] == "A999818123456"
    assert verdict["check_character"] == "N"
    assert verdict["error_code"] == "isbt128_check_character"
    assert "expected N, got M" in str(verdict["reason_en"])
    assert "应为 N" in str(verdict["reason_zh"])


@pytest.mark.parametrize("text", ["", "=<S12954A0", "hello", "=A999917123456", "=%6200"])
def test_describe_din_check_invalid(text: str) -> None:
    verdict = describe_din_check(text)
    assert verdict["valid"] is False
    assert verdict["reason_en"] and verdict["reason_zh"]
    json.dumps(verdict, ensure_ascii=False)


# --- properties ------------------------------------------------------------------------------

FIN_FIRST = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789"
FIN_MIDDLE = FIN_FIRST + "0"  # ST-001 §2.4.1: FIN characters 2-3 never hold the letter O
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
USABLE_FLAGS = [f"{n:02d}" for n in range(60) if n != 14]

facilities = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(FIN_FIRST),
        st.text(FIN_MIDDLE, min_size=2, max_size=2),
        st.text(DIGITS, min_size=2, max_size=2),
    ),
)


@st.composite
def dins(draw: st.DrawFn) -> Din:
    din = make_din(
        draw(facilities),
        draw(st.integers(0, 99)),
        draw(st.integers(0, 999_999)),
        draw(st.sampled_from(USABLE_FLAGS)),
    )
    return din.with_type3_flags() if draw(st.booleans()) else din


@given(dins())
def test_property_bar_code_round_trip(din: Din) -> None:
    assert parse_din(din.data_content()) == din
    assert parse_din(f"]C0{din.data_content()}\r\n") == din


@given(dins())
def test_property_eye_readable_round_trip(din: Din) -> None:
    parsed = parse_din(din.format_eye_readable())
    assert parsed.number == din.number
    # Type 3 flags are not printed; all other flags survive the text form.
    if din.flag_type is not FlagType.CHECKSUM:
        assert parsed == din
    assert din.check_character == REF_ALPHABET[ref_checksum(din.number)]


@given(dins(), st.integers(0, 13), st.sampled_from(ALNUM))
def test_property_single_substitution_is_detected(din: Din, index: int, new: str) -> None:
    typed = din.number + din.check_character
    if typed[index] == new:
        new = ALNUM[(ALNUM.index(new) + 1) % len(ALNUM)]
    mutated = typed[:index] + new + typed[index + 1 :]
    with pytest.raises(Isbt128Error):
        parse_scan(mutated)


@given(dins(), st.integers(0, 12))
def test_property_adjacent_transposition_is_detected(din: Din, index: int) -> None:
    typed = din.number + din.check_character
    if typed[index] == typed[index + 1]:
        return
    swapped = typed[:index] + typed[index + 1] + typed[index] + typed[index + 2 :]
    with pytest.raises(Isbt128Error):
        parse_scan(swapped)


def _never_anything_but_isbt_errors(text: str) -> None:
    try:
        result = parse_scan(text)
    except Isbt128Error as exc:
        assert exc.message("en") and exc.message("zh")
    else:
        assert result.kind in {"din", "product_code", "date", "coi", "other"}
    try:
        parse_concatenated(text)
        parse_product_code(text)
    except Isbt128Error:
        pass
    json.dumps(describe_din_check(text), ensure_ascii=False)


@settings(max_examples=400)
@given(st.text())
def test_property_random_text_only_raises_isbt128_error(text: str) -> None:
    _never_anything_but_isbt_errors(text)


ISBTISH = ALNUM + "abcxyz=&<>*}/,%;!+ \r\n\t*[]()٣²" + "\x1d"


@settings(max_examples=400)
@given(
    st.sampled_from(["", "=", "&", "]C0=", "]C4&", "]d1", "=<", "&>", "=>", "&/CH", "=A9998"]),
    st.text(ISBTISH, max_size=40),
)
def test_property_isbt_like_text_only_raises_isbt128_error(prefix: str, text: str) -> None:
    _never_anything_but_isbt_errors(prefix + text)


@given(
    st.sampled_from(["=>", "&>", "=*", "&*", "=}", "&}"]),
    st.dates(dt.date(2000, 1, 1), dt.date(2999, 12, 31)),
    st.times(),
)
def test_property_date_round_trip(di: str, day: dt.date, time: dt.time) -> None:
    has_time = di.startswith("&")
    offset = day.year - 2000
    text = f"{di}{offset // 100}{offset % 100:02d}{day.timetuple().tm_yday:03d}"
    if has_time:
        text += f"{time:%H%M}"
    scan = parse_scan(text)
    assert isinstance(scan, DateScan)
    assert scan.date.day == day
    assert scan.date.time == (time.replace(second=0, microsecond=0) if has_time else None)
    assert scan.date.data_content() == text
