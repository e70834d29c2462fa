"""The eye-readable DIN as ISBT 128 prints it (ST-001 §7.4.1, §7.5; standards §1.3).

``A9990 25 000001`` then ``12`` turned then ``[8]``: the 13 characters in groups (FIN, year,
sequence); the flag characters turned 90° clockwise - Type 1 and Type 2 flags only, as
``00`` need not and Type 3 flags are not printed (ST-001 §7.4.1); then the keyboard check
character K in a box (ST-001 §7.5.1.1), which is never part of the bar code.  All three are
printed in the preview's face on every device (``exact_face``), since each is placed after
the measured ink of the one before.
"""

from __future__ import annotations

from models.isbt128 import Din, FlagType
from printing.content import Text
from printing.measure import ink_box_mm, line_em, text_width_mm
from printing.walk import boxed_inset_mm

# Turned flags are smaller than the DIN, so that turned they stand within its digits' height.
FLAG_SCALE = 0.7
GAP_EM = 0.25  # between the DIN, its flags and K, in DIN heights
_PRINTED_FLAGS = (FlagType.ICCBBA, FlagType.LOCAL)


def din_texts(
    din: Din, x: float, y: float, height: float, bold: bool, caption: str = ""
) -> list[Text]:
    """The DIN's text elements at (x, y), each placed after the ink of the one before."""
    main = caption + " ".join((din.facility, din.year, din.sequence))
    texts = [Text(x, y, main, height, bold, exact_face=True)]
    cursor = x + text_width_mm(main, height, bold) + GAP_EM * height
    if din.flag_type in _PRINTED_FLAGS:
        flags = _turned_flags(din.flags, cursor, y, height, bold)
        texts.append(flags)
        left, top, right, bottom = ink_box_mm(din.flags, flags.height_mm, bold)
        cursor = flags.x_mm + line_em(bold) * flags.height_mm - top + GAP_EM * height
    check = din.check_character
    left = ink_box_mm(check, height, bold)[0]
    # The frame lies outside the character's ink: start the character that much further on.
    texts.append(Text(cursor + boxed_inset_mm(height) - left, y, check, height, bold, boxed=True))
    return texts


def _turned_flags(flags: str, cursor: float, y: float, height: float, bold: bool) -> Text:
    """The flags turned clockwise, their ink starting at ``cursor`` and centred on the
    DIN's digits.  Turned, a text's ascender line is its right edge, so its ink runs from
    (depth - bottom) to (depth - top) across and from left to right down."""
    size = FLAG_SCALE * height
    _, digit_top, _, digit_bottom = ink_box_mm("0", height, bold)
    left, top, right, bottom = ink_box_mm(flags, size, bold)
    depth = line_em(bold) * size
    x = cursor - (depth - bottom)
    down = y + (digit_top + digit_bottom) / 2 - (left + right) / 2
    return Text(x, down, flags, size, bold, rotated=True)
