"""The eye-readable DIN follows ST-001 §7.4.1/§7.5 (standards §1.3): 13 characters in groups,
Type 1 and Type 2 flags turned 90° clockwise, 00 and Type 3 flags not printed, K boxed last -
each piece clear of the one before."""

from __future__ import annotations

import pytest

from models.isbt128 import Din
from models.labeling.din_text import din_texts
from printing.measure import ink_box_mm, line_em, text_width_mm
from printing.walk import boxed_frame

W0000 = Din("W0000", "09", "123456")  # ST-001 §7.4.1: "W0000 09 123456 02 G"


@pytest.mark.parametrize("flags", ["01", "02", "05", "12", "13", "25", "59"])
def test_type_1_and_2_flags_are_printed_turned_between_the_din_and_k(flags: str) -> None:
    din, flagged, check = din_texts(W0000.with_flags(flags), 3, 10, 3.6, True)
    assert (din.text, flagged.text, check.text) == ("W0000 09 123456", flags, "G")
    assert flagged.rotated and not din.rotated and not check.rotated
    assert check.boxed and not din.boxed and not flagged.boxed
    # turned, the flags' ink starts after the DIN and ends before K's frame
    _, top, _, bottom = ink_box_mm(flags, flagged.height_mm, True)
    depth = line_em(True) * flagged.height_mm
    assert flagged.x_mm + depth - bottom > din.x_mm + text_width_mm(din.text, 3.6, True)
    assert flagged.x_mm + depth - top < boxed_frame(check).x_mm


@pytest.mark.parametrize("flags", ["00", "76"])  # unused; Type 3 (60 + checksum) for W0000…
def test_unused_and_type_3_flags_are_not_printed(flags: str) -> None:
    din, check = din_texts(W0000.with_flags(flags), 3, 10, 3.6, True)
    assert (din.text, check.text) == ("W0000 09 123456", "G")
    assert check.boxed
    assert boxed_frame(check).x_mm > din.x_mm + text_width_mm(din.text, 3.6, True)


def test_k_is_the_mod_37_2_character_and_never_in_the_bar_code() -> None:
    din = Din("A9998", "18", "123456")  # ST-001 label example "A9998 18 123456 N"
    assert din_texts(din, 0, 0, 3, False)[-1].text == "N"
    assert "N" not in din.data_content()[1:] and din.data_content() == "=A99981812345600"
