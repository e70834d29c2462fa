"""Demo release specifications with their sources (regulations digest §4.1, §3.11, seed 000).

These are *starting points* loaded into the demo database as approved specification
versions; a site changes them by approving a new version, never by editing this file.
"""

from __future__ import annotations

from models.entities.quality import LimitKind, MethodKind
from models.quality.specs import SpecTestInput as T

NEG = "negative"
MIN, MAX, RANGE, EXP = LimitKind.MINIMUM, LimitKind.MAXIMUM, LimitKind.RANGE, LimitKind.EXPECTED
SAFETY = "digest §3.11 R-REL-01/02; 002 L1824–1828, L3304–3308"
ISCT = "digest §4.1 MSC identity markers; 001 L377–380 (ISCT ≥ 95 % / ≤ 2 %)"


def _safety(rapid_sterility: bool) -> list[T]:
    """Sterility, mycoplasma, endotoxin. With a rapid sterility method the compendial
    14-day test follows the release and a failure recalls the batch (R-REL-08)."""
    tests = [
        T(
            "sterility",
            EXP,
            SAFETY,
            expected_text=NEG,
            method="compendial 14 d",
            method_kind=MethodKind.COMPENDIAL,
            required=not rapid_sterility,
        ),
        T("mycoplasma", EXP, SAFETY, expected_text=NEG),
        T(
            "endotoxin",
            MAX,
            SAFETY + "; house limit (digest §5 S1 result < 0.5)",
            upper=0.5,
            unit="EU/mL",
        ),
    ]
    if rapid_sterility:
        tests.insert(
            0,
            T(
                "sterility_rapid",
                EXP,
                SAFETY + "; 002 L3310–3312 rapid method",
                expected_text=NEG,
                method="rapid (validated)",
                method_kind=MethodKind.RAPID,
            ),
        )
    return tests


def msc_tests() -> list[T]:
    """Cord, bone-marrow and adipose MSC (cryopreserved in DMSO)."""
    return [
        *_safety(rapid_sterility=False),
        T("viability", MIN, "digest §4.1; 004 L253 (release ≥ 80 %)", lower=80.0, unit="%"),
        T(
            "viability_shelf_life",
            MIN,
            "digest §4.1; 003 L364–369 (CDE 2026 draft ≥ 85 %)",
            lower=85.0,
            unit="%",
            required=False,
        ),
        T(
            "cell_count",
            RANGE,
            "digest §5 S1 dose 1.0×10⁸/bag; house ±20 %",
            lower=0.8e8,
            upper=1.2e8,
            unit="cells/bag",
            is_cell_count=True,
        ),
        T("cd73", MIN, ISCT, lower=95.0, unit="%"),
        T("cd90", MIN, ISCT, lower=95.0, unit="%"),
        T("cd105", MIN, ISCT, lower=95.0, unit="%"),
        T("cd45", MAX, ISCT, upper=2.0, unit="%"),
        T("cd34", MAX, ISCT, upper=2.0, unit="%"),
        T("hla_dr", MAX, ISCT, upper=2.0, unit="%"),
        T(
            "potency",
            MIN,
            "digest §3.11 R-REL-03; §5 S1 (T-cell inhibition ≥ 40 %)",
            lower=40.0,
            unit="%",
        ),
        T(
            "osmolality",
            MIN,
            "digest §4.1; 004 L258 (DMSO cryo > 1000)",
            lower=1000.0,
            unit="mOsmol/kg",
        ),
        T(
            "tagme_pm",
            LimitKind.TAGME,
            "digest §4.1; seed 000 L236–240, L275–285",
            unit="PM",
            required=False,
        ),
    ]


def car_t_tests() -> list[T]:
    return [
        *_safety(rapid_sterility=True),
        T(
            "viability",
            MIN,
            "digest §4.1; 002 L12048–12052 (≥ 70 % before use)",
            lower=70.0,
            unit="%",
        ),
        T(
            "cell_count",
            RANGE,
            "digest §4.1; 002 L12048–12052 (upper and lower limits); §5 S2 2.1×10⁷/bag",
            lower=1.5e7,
            upper=3.0e7,
            unit="CAR+ cells/bag",
            is_cell_count=True,
        ),
        T(
            "car_positive",
            MIN,
            "digest §4.1; 002 L12129–12145 (product-specific minimum)",
            lower=20.0,
            unit="%",
        ),
        T(
            "vcn",
            MAX,
            "digest §4.1; 002 L12248–12252 (≤ 5 copies/cell)",
            upper=5.0,
            unit="copies/cell",
        ),
        T(
            "non_t_cells",
            MAX,
            "digest §3.11 R-REL-02; 002 L15715–15723 (house limit)",
            upper=5.0,
            unit="%",
        ),
    ]


def immune_cell_tests() -> list[T]:
    """CIK / NK and other non-modified immune cells (R-REL-01 minimum panel)."""
    return [
        *_safety(rapid_sterility=True),
        T("viability", MIN, "digest §3.11 R-REL-01; house limit", lower=80.0, unit="%"),
        T(
            "cell_count",
            MIN,
            "digest §5 S8 (≥ 5.0×10⁹ cells)",
            lower=5.0e9,
            unit="cells",
            is_cell_count=True,
        ),
        T(
            "phenotype",
            EXP,
            "digest §3.11 R-REL-01 (effector ratio, phenotype)",
            expected_text="conforms",
        ),
    ]
