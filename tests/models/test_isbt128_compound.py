"""Compound messages (ST-001 §2.4.23, DS023): writing, reading, refusals, and the label's own
Data Matrix read back by ``parse_scan`` as the DIN the scan router and the bedside need.

Peer vectors are the compound-message examples collected in pdesiatnyk/ISBT128
``showcase/src/data/sampleSerials.ts`` (labelled there as ST-017 §4.3.2 and §5 examples and
the ST-012 §6.2 Data Matrix symbol 1); every structure in them is read in full, the ones
CellTrail does not act on as ``OtherStructureScan`` (formats: ST-001 §2.4).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from models.isbt128 import (
    DateScan,
    DinScan,
    Field,
    Isbt128Error,
    NonIccbbaInCompoundError,
    OtherStructureScan,
    ProductCodeScan,
    UnsupportedStructureError,
    WrongLengthError,
    parse_concatenated,
    parse_din,
    parse_scan,
)
from models.isbt128.compound import read_compound, reference_of, write_compound
from models.isbt128.errors import CompoundCountError, CompoundDinsError, IllegalCharacterError
from models.labeling.build import build_label, expected_scans, scan_value, symbol_data
from models.labeling.defaults import default_templates
from models.labeling.fields import LabelFields
from models.labeling.layout import validate_layout
from printing.raster import render_image
from tests.labeling.conftest import decode

DIN = "=A99902600000500"
CODE = "=<S1389V00"
EXPIRY = "&>0260831520"
HARVEST = "&}0250831520"
ST017_SPECIFIED = "=+04035=/A9997XYZ100T0479=,000012=A99991712345600=>019031"
ST017_UDI = "=+06000=/A9999XYZ100T0476=,000025=A99971712345600=>019032=}017032&,1000000000000XYZ123"
ST012_SYMBOL_1 = (
    "=+05000=Z54991712345600=%T300=<T0416003&>0183652359&,4PL001499Z549917123456A00T041600320181231"
)


def test_write_then_read_round_trip() -> None:
    text = write_compound((DIN, CODE, EXPIRY, HARVEST))
    assert text == "=+04000" + DIN + CODE + EXPIRY + HARVEST
    din, code, expiry, harvest = read_compound(text)
    assert isinstance(din, DinScan) and din.din == parse_din(DIN)
    assert isinstance(code, ProductCodeScan) and code.product_code.data_content() == CODE
    assert isinstance(expiry, DateScan) and expiry.date.data_content() == EXPIRY
    assert isinstance(harvest, DateScan) and harvest.date.data_content() == HARVEST
    assert reference_of(text) == "000"


def test_peer_vector_with_specified_sequence_reads_every_structure() -> None:
    parts = read_compound(ST017_SPECIFIED)
    assert reference_of(ST017_SPECIFIED) == "035"
    assert [p.kind for p in parts] == ["other", "other", "din", "date"]
    assert parts[0] == OtherStructureScan(
        "DS034",
        "Processor Product Identification Code",
        "=/",
        "=/A9997XYZ100T0479",
        (Field("fin_p", "A9997"), Field("fpc", "XYZ100"), Field("pdc", "T0479")),
    )
    assert isinstance(parts[1], OtherStructureScan)
    assert parts[1].field("product_divisions") == "000012"
    scan = parse_scan("]d1" + ST017_SPECIFIED)
    assert scan == DinScan(parse_din("=A99991712345600"), aim="]d1")
    assert isinstance(scan, DinScan)  # the other three are kept with the DIN, not dropped
    assert [p.kind for p in scan.others] == ["other", "other", "date"]


def test_peer_udi_vector_six_structures() -> None:
    parts = read_compound(ST017_UDI)
    assert len(parts) == 6
    assert isinstance(parts[5], OtherStructureScan) and parts[5].data == "&,1000000000000XYZ123"
    assert parts[5].field("mpho_lot") == "000000000000XYZ123"
    assert "".join(_text(p) for p in parts) == ST017_UDI[7:]


def test_peer_sec_data_matrix_reads_fully_everywhere_a_scan_is_read() -> None:
    """The ST-012 §6.2 symbol: DIN, blood group, tissue product code, expiry and SEC."""
    parts = read_compound(ST012_SYMBOL_1)
    assert [getattr(p, "structure", p.kind) for p in parts] == [
        "din",
        "DS002",
        "product_code",
        "date",
        "DS038",
    ]
    assert [p.aim for p in parse_concatenated("]d1" + ST012_SYMBOL_1)] == ["]d1"] * 5
    scan = parse_scan(ST012_SYMBOL_1)
    assert isinstance(scan, DinScan) and scan.din.number == "Z549917123456"
    assert len(scan.others) == 4
    sec = parts[4]
    assert isinstance(sec, OtherStructureScan)
    assert sec.field("donation_number") == "Z549917123456"
    assert sec.field("sec_expiry") == "20181231"


def _text(part: object) -> str:
    if isinstance(part, OtherStructureScan):
        return part.data
    if isinstance(part, DinScan):
        return part.din.data_content()
    assert isinstance(part, DateScan)
    return part.date.data_content()


@pytest.mark.parametrize(
    ("text", "declared", "found"),
    [
        ("=+05000" + DIN, 5, 1),  # announces more than it holds
        ("=+01000" + DIN + CODE, 1, 2),  # holds more than it announces
        ("=+00000", 0, 0),
    ],
)
def test_count_mismatch_refused(text: str, declared: int, found: int) -> None:
    with pytest.raises(CompoundCountError) as caught:
        read_compound(text)
    assert (caught.value.params["declared"], caught.value.params["found"]) == (declared, found)
    with pytest.raises(CompoundCountError):
        parse_scan(text)
    assert caught.value.message("en") and caught.value.message("zh") != caught.value.message("en")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("=+0A000" + DIN, IllegalCharacterError),  # count must be digits
        ("=+01", WrongLengthError),  # header cut short
        ("=+02000" + DIN + "=<S1389V", WrongLengthError),  # last structure cut short
        # ST-001 §2.4.23 rule 1 and §2.5.1: no facility or national structures in a compound
        ("=+02000" + DIN + "&aLOCAL", NonIccbbaInCompoundError),
        ("=+02000" + DIN + "&;12345", NonIccbbaInCompoundError),
        ("=+02000" + DIN + "=+01000", UnsupportedStructureError),  # nested compound
    ],
)
def test_malformed_compound_refused(text: str, error: type[Isbt128Error]) -> None:
    with pytest.raises(error):
        read_compound(text)


def test_parse_scan_needs_exactly_one_din() -> None:
    with pytest.raises(CompoundDinsError):
        parse_scan(write_compound((CODE, EXPIRY)))
    with pytest.raises(CompoundDinsError):
        parse_scan(write_compound((DIN, "=A99902600000600")))


def test_parse_scan_still_reads_single_structures() -> None:
    assert isinstance(parse_scan(DIN), DinScan)
    assert isinstance(parse_scan("]C0" + CODE), ProductCodeScan)


def test_double_check_reading_returns_every_structure() -> None:
    """The double-check compares each structure with the record: one no CellTrail label
    carries is a mismatch there, so it must come back, not be skipped."""
    kinds = [p.kind for p in parse_concatenated(ST017_SPECIFIED)]
    assert kinds == ["other", "other", "din", "date"]


def _fields() -> LabelFields:
    tz = ZoneInfo("Asia/Shanghai")
    product = parse_scan(CODE)
    assert isinstance(product, ProductCodeScan)
    return LabelFields(
        unit_id=1,
        din=parse_din(DIN),
        product_code=product.product_code,
        product_name_en="CAR-T cells",
        product_name_zh="CAR-T 细胞",
        batch_number="B-1",
        donor_or_patient="ZWJ",
        harvest_at=dt.datetime(2025, 3, 24, 15, 20, tzinfo=tz),
        expires_at=dt.datetime(2026, 3, 24, 15, 20, tzinfo=tz),
        quantity="50 mL",
        storage_en="≤ -150 °C",
        storage_zh="≤ -150 °C",
        status="QUARANTINE",
        antibiotics="none",
        biohazard=False,
    )


def test_celltrail_label_data_matrix_is_a_compound_read_as_its_din() -> None:
    fields = _fields()
    assert symbol_data(fields)["datamatrix"].startswith("=+04000" + DIN)
    template = next(t for t in default_templates() if t.code == "LT-BAG")
    layout = validate_layout(template.container_type, template.partial, template.layout)
    [(aim, text)] = [
        x for x in decode(render_image(build_label(layout, fields), 300)) if x[0] == "]d1"
    ]
    assert text == symbol_data(fields)["datamatrix"]
    scan = parse_scan(aim + text)
    assert scan == DinScan(fields.din, aim="]d1")
    assert isinstance(scan, DinScan) and [p.kind for p in scan.others] == [
        "product_code",
        "date",
        "date",
    ]
    assert {scan_value(s) for s in parse_concatenated(aim + text)} == expected_scans(fields)
