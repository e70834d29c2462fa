"""ISBT 128 data identifiers (ST-001 Table 2 / RT003, standards-and-peers.md §1.2).

The table lets the parser name a structure it recognises but does not read ("=% is DS002
Blood Groups") instead of calling it unknown: an operator who scanned the wrong bar code on a
correct label needs to hear which one they scanned.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.isbt128._fields import FIN_FIRST, LOWER


@dataclass(frozen=True, slots=True)
class Identifier:
    """A recognised data identifier: the DI characters, the DS number and its name."""

    di: str
    structure: str
    name: str


DIN_STRUCTURE = "DS001"
DIN_NAME = "Donation Identification Number"

_KNOWN: dict[str, tuple[str, str]] = {
    "=%": ("DS002", "Blood Groups [ABO and RhD]"),
    "=<": ("DS003", "Product Code"),
    "=>": ("DS004", "Expiration Date"),
    "&>": ("DS005", "Expiration Date and Time"),
    "=*": ("DS006", "Collection Date"),
    "&*": ("DS007", "Collection Date and Time"),
    "=}": ("DS008", "Production Date"),
    "&}": ("DS009", "Production Date and Time"),
    "&(": ("DS010", "Special Testing: General"),
    "={": ("DS011", "Special Testing: Red Blood Cell Antigens (retired)"),
    "=\\": ("DS012", "Special Testing: Red Blood Cell Antigens - General"),
    "&\\": ("DS013", "Special Testing: Red Blood Cell Antigens - Finnish"),
    "&{": ("DS014", "Special Testing: Platelet HLA and Platelet Specific Antigens"),
    "=[": ("DS015", "Special Testing: HLA-A and -B Alleles (retired)"),
    '="': ("DS016", "Special Testing: HLA-DRB1 Alleles (retired)"),
    "=)": ("DS017", "Container Manufacturer and Catalog Number"),
    "&)": ("DS018", "Container Lot Number"),
    "=;": ("DS019", "Donor Identification Number"),
    "='": ("DS020", "Staff Member Identification Number"),
    "=-": ("DS021", "Manufacturer and Catalog Number: Items Other Than Containers"),
    "&-": ("DS022", "Lot Number: Items Other Than Containers"),
    "=+": ("DS023", "Compound Message"),
    "=#": ("DS024", "Patient Date of Birth"),
    "&#": ("DS025", "Patient Identification Number"),
    "=]": ("DS026", "Expiration Month and Year"),
    '&"': ("DS027", "Transfusion Transmitted Infection Marker"),
    "=$": ("DS028", "Product Consignment"),
    "&$": ("DS029", "Dimensions"),
    "&%": ("DS030", "Red Cell Antigens with Test History"),
    "=(": ("DS031", "Flexible Date and Time"),
    "=,": ("DS032", "Product Divisions"),
    "&+": ("DS033", "Processing Facility Information Code"),
    "=/": ("DS034", "Processor Product Identification Code"),
    "&,1": ("DS035", "MPHO Lot Number"),
    "&,2": ("DS036", "MPHO Supplemental Identification Number"),
    "&,3": ("DS037", "GRID (retired)"),
    "&,4": ("DS038", "Single European Code (SEC)"),
    "&:": ("DS039", "Global Registration Identifier for Donors (GRID)"),
    "&/": ("DS040", "Chain of Identity Identifier"),
    "&;": ("national", "National Donor Identification Number (ST-001 §2.5.2)"),
    "&!": ("national", "Confidential Unit Exclusion Status (ST-001 §2.5.3)"),
}


def identify(text: str) -> Identifier | None:
    """Name the data structure ``text`` starts with, or None if its DI is not defined."""
    for width in (3, 2):  # &,1 … &,4 have a third DI character; try it first
        known = _KNOWN.get(text[:width])
        if known is not None:
            return Identifier(text[:width], *known)
    if text[:1] == "=" and text[1:2] in FIN_FIRST:
        # In DS001 the second DI character is also the first data character (§1.2).
        return Identifier(text[:2], DIN_STRUCTURE, DIN_NAME)
    if text[:1] == "&" and text[1:2] in LOWER:
        return Identifier(text[:2], "non-ICCBBA", "facility- or nationally-defined structure")
    return None
